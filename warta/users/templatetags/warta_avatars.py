"""``{% initials_avatar_url user size %}``: the avatar an account has without a photo."""

from django import template

from warta.users import avatars

register = template.Library()


@register.simple_tag
def initials_avatar_url(user, size=50):
    return avatars.initials_avatar_url(user, size)
