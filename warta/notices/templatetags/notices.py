from django import template

from warta.notices.queries import current_notice

register = template.Library()


@register.inclusion_tag("components/notice_bar.html")
def notice_bar():
    return {"notice": current_notice()}
