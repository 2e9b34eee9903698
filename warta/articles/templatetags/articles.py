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
