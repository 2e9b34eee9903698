from django import template

from warta.articles.models import WRITER_ROLES

register = template.Library()


@register.filter
def credited_as(byline, role: str):
    """The people of a byline with ``role``, for 'Oleh:', 'Editor:' and so on."""
    return [credit.person for credit in byline if credit.role == role]


@register.filter
def writers(byline):
    """People shown after 'Oleh:': writers and reporters, or everyone if neither."""
    people = [c.person for c in byline if c.role in WRITER_ROLES]
    return people or [c.person for c in byline]


@register.simple_tag
def takedown_form(page):
    """The takedown reason form for Wagtail's unpublish page, when ``page`` is a live
    article (see ``wagtail_hooks.require_takedown_reason``); None otherwise."""
    from warta.articles.forms import TakedownForm
    from warta.articles.models import ArticlePage

    if page is not None and page.live and page.specific_class is ArticlePage:
        return TakedownForm()
    return None
