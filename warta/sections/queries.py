"""Reads of the kanal tree."""

from __future__ import annotations

from warta.sections.models import SectionPage


def child_sections(request, parent) -> list[SectionPage]:
    """The live kanal directly under ``parent``, in menu order, read once per request:
    the menu, the home page's kanal blocks and the Indeks filter all list them."""
    cache = request.__dict__.setdefault("_warta_child_sections", {})
    if parent.path not in cache:
        cache[parent.path] = list(
            SectionPage.objects.child_of(parent).live().order_by("nav_order", "path")
        )
    return cache[parent.path]
