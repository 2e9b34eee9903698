"""Terpopuler and Tag Terpopuler on the reader site."""

from django import template

from warta.analytics.queries import most_read_now, popular_tags_now

register = template.Library()


@register.inclusion_tag("components/popular_tags.html")
def popular_tags_bar(limit: int = 8):
    return {"tags": popular_tags_now(limit=limit)}


@register.inclusion_tag("components/most_read.html", takes_context=True)
def most_read(context, days: int = 1, limit: int = 5):
    """A numbered Terpopuler list of the last ``days`` x 24 hours (24 jam by default)."""
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
