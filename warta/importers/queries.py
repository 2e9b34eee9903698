"""Reads the importer needs: where an article can go, and whether it came in before."""

from __future__ import annotations

from datetime import datetime

from wagtail.models import Site

from warta.articles.models import ArticlePage
from warta.sections.models import SectionPage


def default_section() -> SectionPage | None:
    """The first live kanal under the home page, in menu order."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return SectionPage.objects.child_of(site.root_page).live().order_by("nav_order", "path").first()


def sections_with_slug(slug: str) -> list[SectionPage]:
    """Every kanal with this slug; nested kanal may share one, so it can be several."""
    return list(SectionPage.objects.filter(slug=slug).order_by("path"))


def section_slugs() -> list[str]:
    return list(SectionPage.objects.order_by("path").values_list("slug", flat=True))


def sections_for_user(user):
    """The kanal this user may add articles to, in tree order."""
    sections = SectionPage.objects.order_by("path")
    if user.is_superuser:
        return sections
    allowed = [s.pk for s in sections if s.permissions_for_user(user).can_add_subpage()]
    return sections.filter(pk__in=allowed)


def previous_import(headline: str, published_at: datetime) -> ArticlePage | None:
    """An article with the same headline and publication instant: the same story."""
    return (
        ArticlePage.objects.filter(title=headline, published_at=published_at).order_by("pk").first()
    )
