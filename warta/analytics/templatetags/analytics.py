"""Terpopuler and Tag Terpopuler on the reader site."""

from django import template

from warta.analytics.queries import POPULAR_DAYS, most_read_now, popular_tags_now

register = template.Library()


@register.inclusion_tag("components/popular_tags.html")
def popular_tags_bar(limit: int = 8):
    """Tag Terpopuler of the last ``POPULAR_DAYS`` days, the window the admin's
    "Statistik baca" ranks tags over by default."""
    tags = popular_tags_now(days=POPULAR_DAYS, limit=limit)
    return {"tags": tags, "days": POPULAR_DAYS, "by_reads": any(t.by_reads for t in tags)}


@register.inclusion_tag("components/most_read.html", takes_context=True)
def most_read(context, days: int = POPULAR_DAYS, limit: int = 5):
    """A numbered Terpopuler list of the last ``days`` x 24 hours: by default the
    window the admin's "Statistik baca" ranks articles over (7 hari terakhir)."""
    return {
        "articles": most_read_now(days=days, limit=limit),
        "days": days,
        "request": context.get("request"),
    }


@register.filter
def angka(value) -> str:
    """A whole number with Indonesian thousands dots: 1234 -> '1.234'."""
    from warta.analytics.panels import format_number

    try:
        return format_number(int(value))
    except (TypeError, ValueError):
        return value
