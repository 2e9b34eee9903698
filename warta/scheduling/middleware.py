"""Admin requests run in the site's zone, so schedules are entered and shown in it.

Django's datetime fields read and show times in the active time zone. Wagtail's
admin activates ``profile.current_time_zone or settings.TIME_ZONE`` around every
admin view (``wagtail.admin.localization.get_localized_response``), which would
override a zone activated here; so for a user who has not chosen a zone in their
account, the site's zone is put in their in-memory profile for this request
(never saved), and Wagtail then activates it. A zone a user chose still wins, and
the label next to the schedule fields always names the zone actually in use.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site
from wagtail.users.models import UserProfile

from warta.scheduling.queries import site_zone


class SiteZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = SimpleLazyObject(lambda: reverse("wagtailadmin_home"))

    def __call__(self, request):
        if not request.path.startswith(str(self.admin_prefix)):
            return self.get_response(request)
        zone = site_zone(Site.find_for_request(request))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            _default_user_zone(user, zone.tzinfo.key)
        with timezone.override(zone.tzinfo):
            return self.get_response(request)


def _default_user_zone(user, zone_name: str) -> None:
    try:
        profile = user.wagtail_userprofile
    except UserProfile.DoesNotExist:
        profile = UserProfile()
        user.wagtail_userprofile = profile  # links both ways in memory; nothing is saved
    if not profile.current_time_zone:
        profile.current_time_zone = zone_name
