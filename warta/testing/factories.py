"""Factories for tests: small functions that build real rows with sensible defaults."""

from __future__ import annotations

import io
import itertools
from datetime import datetime

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Site

from warta.articles.models import ArticleAuthor, ArticlePage
from warta.frontpage.models import HomePage
from warta.images.models import WartaImage
from warta.people.models import Person
from warta.sections.models import SectionPage

_seq = itertools.count(1)


def home_page() -> HomePage:
    return Site.objects.get(is_default_site=True).root_page.specific


def make_image(
    title="Foto uji", caption="", credit="", width=1600, height=900, color=(40, 90, 160)
):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format="JPEG")
    n = next(_seq)
    return WartaImage.objects.create(
        title=title,
        caption=caption,
        credit=credit,
        file=ImageFile(buffer, name=f"uji-{n}.jpg"),
    )


def make_section(title="Nasional", parent=None, slug=None) -> SectionPage:
    parent = parent or home_page()
    existing = SectionPage.objects.child_of(parent).filter(slug=slug or title.lower()).first()
    if existing:
        return existing
    section = SectionPage(title=title, slug=slug or title.lower())
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_person(name=None, role="penulis") -> Person:
    name = name or f"Penulis Uji {next(_seq)}"
    return Person.objects.create(name=name, slug=Person.unique_slug_for(name), role=role)


def make_article(
    title=None,
    section=None,
    authors=None,
    published_at: datetime | None = None,
    paragraphs=("Paragraf pertama berita uji.", "Paragraf kedua berita uji."),
    headings=(),
    tags=(),
    lead_image=None,
    publish=True,
    **fields,
) -> ArticlePage:
    section = section or make_section()
    n = next(_seq)
    title = title or f"Berita uji nomor {n}"
    body = [("paragraph", f"<p>{paragraphs[0]}</p>")] if paragraphs else []
    for heading in headings:
        body.append(("heading", {"text": heading}))
    for paragraph in paragraphs[1:]:
        body.append(("paragraph", f"<p>{paragraph}</p>"))
    article = ArticlePage(
        title=title,
        slug=f"berita-uji-{n}",
        published_at=published_at or timezone.now(),
        lead_image=lead_image,
        body=body,
        **fields,
    )
    section.add_child(instance=article)
    for order, person in enumerate(authors or [make_person()]):
        ArticleAuthor.objects.create(article=article, person=person, sort_order=order)
    if tags:
        article.tags.add(*tags)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


TEST_PASSWORD = "sandi-123"  # noqa: S105 - test accounts only


def make_user(username: str, *roles: str, password: str = TEST_PASSWORD):
    """An admin account holding the given newsroom roles (``warta.users.roles``)."""
    from django.contrib.auth import get_user_model

    from warta.users.services import assign_role

    user = get_user_model().objects.create_user(username, f"{username}@example.com", password)
    for role in roles:
        assign_role(user, role)
    return user


def signed_in_client(user):
    """A Django test client with ``user`` signed in (no sign-in form, no throttle)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
