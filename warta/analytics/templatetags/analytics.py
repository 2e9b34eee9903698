from django import template

from warta.analytics.queries import popular_tags

register = template.Library()


@register.inclusion_tag("components/popular_tags.html")
def popular_tags_bar(limit: int = 8):
    return {"tags": popular_tags(limit=limit)}
