"""Writing a page's text into Warta as a draft article: all of it, or nothing.

Everything that can be checked is checked before the first write (the text, the
kanal, an earlier import, the uploaded picture); the writes then run in one
transaction and every model is validated as it is saved, so bad data rolls back
cleanly. A picture file already stored is removed again when the import fails.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.rich_text import RichText

from warta.articles.models import ArticleAuthor, ArticlePage, WireAgency
from warta.images.models import WartaImage
from warta.images.uploads import ImageRejected, clean_image
from warta.importers.page_text import Line, PageTextError, ParsedPage, parse_page_text
from warta.importers.placeholder import placeholder_jpeg
from warta.importers.queries import default_section, previous_import
from warta.people.models import Person
from warta.sections.models import SectionPage

PLACEHOLDER_WARNING = (
    "Gambar utama belum ada di teks: dibuat gambar pengganti; unggah foto aslinya."
)
SLUG_LENGTH = 200


class PageTextImportError(Exception):
    """The text could not be imported; the message says why, in Indonesian."""


class AlreadyImported(PageTextImportError):
    """The same story (headline and publication time) is already in Warta."""

    def __init__(self, article: ArticlePage):
        self.article = article
        super().__init__(
            f"Berita ini sudah pernah diimpor: \u201c{article.title}\u201d "
            f"(ID {article.pk}, {edit_url(article)})."
        )


@dataclass
class ImportResult:
    article: ArticlePage
    parsed: ParsedPage
    image: WartaImage
    warnings: list[str] = field(default_factory=list)
    new_people: list[Person] = field(default_factory=list)

    @property
    def unrecognised(self) -> list[Line]:
        return self.parsed.unrecognised

    @property
    def edit_url(self) -> str:
        return edit_url(self.article)


def edit_url(article: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[article.pk])


def import_page_text(
    text: str,
    *,
    section: SectionPage | None = None,
    user=None,
    image_file=None,
    again: bool = False,
) -> ImportResult:
    """Create a draft article (with a saved revision) from a news page's text."""
    try:
        parsed = parse_page_text(text)
    except PageTextError as exc:
        raise PageTextImportError(str(exc)) from exc
    section = _target_section(section, user)
    picture = _picture(parsed, image_file)
    stored: list[WartaImage] = []
    try:
        with transaction.atomic():
            if not again and (earlier := previous_import(parsed.headline, parsed.published_at)):
                raise AlreadyImported(earlier)
            return _write(parsed, section, user, picture, stored)
    except ValidationError as exc:
        _remove_files(stored)
        raise PageTextImportError(_describe(exc)) from exc
    except BaseException:
        _remove_files(stored)
        raise


def _target_section(section: SectionPage | None, user) -> SectionPage:
    section = section or default_section()
    if section is None:
        raise PageTextImportError(
            "Belum ada kanal untuk menampung berita. Buat kanal (mis. Nasional) di bawah "
            "beranda lebih dulu."
        )
    if user is not None and not section.permissions_for_user(user).can_add_subpage():
        raise PageTextImportError(f"Anda tidak berhak menambah berita di kanal {section.title}.")
    return section


def _picture(parsed: ParsedPage, image_file) -> tuple[ImageFile, list[str]]:
    """The lead picture's file and the warnings it brings, checked before any write."""
    base = slugify(parsed.image_title or parsed.headline)[:60] or "gambar"
    if image_file is None:
        content = io.BytesIO(placeholder_jpeg())
        return ImageFile(content, name=f"{base}-pengganti.jpg"), [PLACEHOLDER_WARNING]
    image_file.seek(0)
    try:  # the same checks and metadata stripping as the admin's upload form
        picture = clean_image(image_file.read(), getattr(image_file, "name", "") or "gambar.jpg")
    except ImageRejected as exc:
        raise PageTextImportError(f"Berkas gambar tidak dapat dibaca atau dipakai. {exc}") from None
    return ImageFile(io.BytesIO(picture.content), name=f"{base}.{picture.extension}"), []


def _write(parsed, section, user, picture, stored) -> ImportResult:
    picture_file, warnings = picture
    image = WartaImage(
        title=parsed.image_title or parsed.headline,
        caption=parsed.caption,
        credit=parsed.credit,
        file=picture_file,
        uploaded_by_user=user,
    )
    image._set_image_file_metadata()
    image.full_clean()
    image.save()
    stored.append(image)
    people, new_people = _people(parsed.authors)
    article = ArticlePage(
        title=parsed.headline,
        slug=_free_slug(section, parsed.headline),
        live=False,
        owner=user,
        summary=parsed.summary,
        dateline_override=parsed.dateline,
        lead_image=image,
        lead_image_caption=parsed.caption,
        lead_image_credit=parsed.credit,
        body=[("paragraph", RichText(format_html("<p>{}</p>", p))) for p in parsed.paragraphs],
        source_name=parsed.source_name,
        published_at=parsed.published_at,
        updated_at=parsed.updated_at,
    )
    article.authors = [
        ArticleAuthor(person=person, role="penulis", sort_order=n)
        for n, person in enumerate(people)
    ]
    article.wire_agencies = [_agency(name) for name in parsed.wire_agencies]
    section.add_child(instance=article)  # Page.save() runs full_clean()
    revision = article.save_revision(user=user, log_action=True)
    _date_from_source(article, revision, parsed)
    warnings = [*parsed.warnings, *warnings]
    return ImportResult(article, parsed, image, warnings, new_people)


def _date_from_source(article: ArticlePage, revision, parsed: ParsedPage) -> None:
    """Date the article by its source, not by the import: the admin lists when a
    story was first published and last changed (``first_published_at``,
    ``latest_revision_created_at``), and an imported 2022 story must not show as
    published "1 menit yang lalu". Wagtail keeps ``first_published_at`` when the
    draft is published later."""
    if parsed.published_at is None:
        return
    changed = parsed.updated_at or parsed.published_at
    dates = {
        "first_published_at": parsed.published_at,
        "last_published_at": changed,
        "latest_revision_created_at": changed,
    }
    ArticlePage.objects.filter(pk=article.pk).update(**dates)
    for name, value in dates.items():
        setattr(article, name, value)
    type(revision).objects.filter(pk=revision.pk).update(created_at=changed)
    revision.created_at = changed


def _people(names: list[str]) -> tuple[list[Person], list[Person]]:
    """The named contributors, found by exact name or created."""
    people, created = [], []
    for name in names:
        person = Person.objects.filter(name=name).order_by("pk").first()
        if person is None:
            person = Person(name=name, slug=Person.unique_slug_for(name), role="penulis")
            person.full_clean()
            person.save()
            created.append(person)
        people.append(person)
    return people, created


def _agency(name: str) -> WireAgency:
    agency = WireAgency.objects.filter(name__iexact=name).first()
    if agency is None:
        agency = WireAgency(name=name)
        agency.full_clean()
        agency.save()
    return agency


def _free_slug(section: SectionPage, headline: str) -> str:
    """The headline's slug, numbered if a sibling already has it."""
    base = slugify(headline)[:SLUG_LENGTH].strip("-") or "berita"
    taken = set(
        Page.objects.child_of(section).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        parts = [
            " ".join(msgs) if name == NON_FIELD_ERRORS else f"{_label(name)}: {' '.join(msgs)}"
            for name, msgs in error.message_dict.items()
        ]
    else:
        parts = error.messages
    return "Data berita tidak valid — " + "; ".join(parts)


def _label(name: str) -> str:
    """The article field's Indonesian name; most validation errors are the article's."""
    try:
        return str(ArticlePage._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _remove_files(images: list[WartaImage]) -> None:
    for image in images:
        image.file.delete(save=False)
