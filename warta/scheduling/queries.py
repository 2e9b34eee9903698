"""Reads for the scheduler and the admin: what is due, what expired, is it alive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from django.apps import apps
from django.db.models import Model
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision, Site

from warta.masthead.zones import IndonesianZone
from warta.scheduling.models import SchedulerHeartbeat

# The loop checks every 15 s by default (30 s at most), so two minutes without a
# pass means no scheduler is running, not that one is slow.
STALE_AFTER = timedelta(minutes=2)

_ZONE_BY_NAME = {
    "Asia/Jakarta": IndonesianZone.WIB,
    "Asia/Pontianak": IndonesianZone.WIB,
    "Asia/Makassar": IndonesianZone.WITA,
    "Asia/Jayapura": IndonesianZone.WIT,
}


# What the scheduler works on ------------------------------------------------


def due_revision_ids(now: datetime) -> list[int]:
    """Revisions approved to go live by ``now``, the longest-waiting first.

    Oldest first so that after downtime the articles come out in the order the
    newsroom planned them (and listings sorted by publication stay in that order).
    """
    return list(
        Revision.objects.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at", "pk")
        .values_list("pk", flat=True)
    )


def scheduled_models() -> list[type[Model]]:
    """Page and every non-page model with drafts, as Wagtail's ``publish_scheduled`` does."""
    models: list[type[Model]] = [Page]
    models += [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    return models


def expired_objects(now: datetime) -> list[tuple[type[Model], object]]:
    """(model, pk) of live objects whose expiry has passed, the earliest expiry first."""
    found: list[tuple[datetime, type[Model], object]] = []
    for model in scheduled_models():
        rows = model._default_manager.filter(live=True, expire_at__lte=now).values_list(
            "expire_at", "pk"
        )
        found += [(expire_at, model, pk) for expire_at, pk in rows]
    found.sort(key=lambda row: (row[0], str(row[1])))
    return [(model, pk) for _, model, pk in found]


def upcoming_publications(limit: int = 5) -> list[Revision]:
    """The next revisions waiting for their go-live time, soonest first."""
    return list(
        Revision.objects.filter(approved_go_live_at__isnull=False)
        .order_by("approved_go_live_at", "pk")
        .select_related("base_content_type")[:limit]
    )


# Is it alive? ------------------------------------------------------------------


@dataclass(frozen=True)
class SchedulerStatus:
    """What the admin says about the scheduler."""

    heartbeat: SchedulerHeartbeat | None
    age: timedelta | None

    @property
    def never_ran(self) -> bool:
        return self.heartbeat is None

    @property
    def is_stale(self) -> bool:
        return self.age is None or self.age > STALE_AFTER

    @property
    def last_run_at(self) -> datetime | None:
        return self.heartbeat.last_run_at if self.heartbeat else None


def scheduler_status(now: datetime | None = None) -> SchedulerStatus:
    now = now or timezone.now()
    heartbeat = SchedulerHeartbeat.objects.filter(pk=SchedulerHeartbeat.SINGLETON_PK).first()
    age = max(now - heartbeat.last_run_at, timedelta(0)) if heartbeat else None
    return SchedulerStatus(heartbeat=heartbeat, age=age)


# The zone the admin enters and shows times in ----------------------------------


def site_zone(site: Site | None) -> IndonesianZone:
    """The site's zone from its masthead settings, WIB when it has none (read only)."""
    from warta.masthead.models import SiteSettings

    if site is None:
        return IndonesianZone.WIB
    value = SiteSettings.objects.filter(site=site).values_list("time_zone", flat=True).first()
    return IndonesianZone(value) if value else IndonesianZone.WIB


def zone_abbreviation(zone: tzinfo | None = None) -> str:
    """'WIB', 'WITA' or 'WIT' for the (active) zone; its own short name otherwise."""
    zone = zone or timezone.get_current_timezone()
    known = _ZONE_BY_NAME.get(str(getattr(zone, "key", zone)))
    if known:
        return known.value
    return timezone.now().astimezone(zone).tzname() or str(zone)
