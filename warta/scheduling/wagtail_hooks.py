"""Admin wiring for scheduling: the "Penjadwal" dashboard panel and the editor's zone label.

The panel says when the scheduler last ran and warns when it has not run for two
minutes (nothing scheduled would go out). The editor gets the zone abbreviation
next to the go-live and expiry fields, and the same warning inside the schedule
dialog, so nobody schedules an article into a scheduler that is not running.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from warta.masthead.zones import DAY_NAMES, MONTH_NAMES
from warta.scheduling.queries import (
    STALE_AFTER,
    scheduler_status,
    upcoming_publications,
    zone_abbreviation,
)


def shown_time(moment: datetime) -> str:
    """'Senin, 5 Januari 2026, 10:00:15 WIB' in the admin's active zone."""
    local = timezone.localtime(moment)
    return (
        f"{DAY_NAMES[local.weekday()]}, {local.day} {MONTH_NAMES[local.month - 1]} "
        f"{local.year}, {local:%H:%M:%S} {zone_abbreviation()}"
    )


def ago(age: timedelta) -> str:
    """'40 detik', '3 menit', '2 jam', '5 hari' (how long ago, roughly)."""
    seconds = int(age.total_seconds())
    for unit, size in (("hari", 86400), ("jam", 3600), ("menit", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return f"{seconds} detik"


class SchedulerPanel(Component):
    name = "warta_scheduler"
    template_name = "scheduling/scheduler_panel.html"
    order = 80  # above the reads panel (90) and Wagtail's own panels

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context: Any = None) -> dict:
        status = scheduler_status()
        upcoming = []
        for revision in upcoming_publications():
            url = ""
            if revision.base_content_type_id and issubclass(
                revision.base_content_type.model_class(), Page
            ):
                url = reverse("wagtailadmin_pages:edit", args=[revision.object_id])
            upcoming.append(
                {
                    "title": revision.object_str,
                    "when": shown_time(revision.approved_go_live_at),
                    "url": url,
                }
            )
        return {
            "status": status,
            "last_run": shown_time(status.last_run_at) if status.last_run_at else "",
            "ago": ago(status.age) if status.age is not None else "",
            "stale_minutes": int(STALE_AFTER.total_seconds() // 60),
            "upcoming": upcoming,
        }


@hooks.register("construct_homepage_panels")
def add_scheduler_panel(request, panels):
    panels.append(SchedulerPanel(request))


@hooks.register("insert_editor_js")
def schedule_zone_label():
    """Rendered inside Wagtail's time-zone override, so this is the widgets' zone."""
    status = scheduler_status()
    return render_to_string(
        "scheduling/editor_zone.html",
        {
            "zone": zone_abbreviation(),
            "zone_name": str(timezone.get_current_timezone()),
            "stale": status.is_stale,
            "last_run": shown_time(status.last_run_at) if status.last_run_at else "",
        },
    )
