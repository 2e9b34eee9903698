"""The "Statistik baca" panel on the admin dashboard.

A bar chart of reads per day drawn as inline SVG on the server (no chart library,
no script), and the most read articles, tags, kanal and writers of the period.
The period (7 or 30 days) is chosen with ``?baca=`` on the dashboard's address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from wagtail.admin.ui.components import Component

from warta.analytics.queries import POPULAR_DAYS, reading_report_now
from warta.analytics.readers import REPEAT_WINDOW
from warta.masthead.zones import DAY_NAMES, MONTH_NAMES
from warta.scheduling.queries import zone_abbreviation

# The first period is the window of Terpopuler on the reader site.
PERIODS = (POPULAR_DAYS, 30)
PERIOD_PARAM = "baca"

CHART_WIDTH = 720
CHART_HEIGHT = 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 8, 12, 28


def format_number(value: int) -> str:
    """1234567 -> '1.234.567', the Indonesian way, whatever the admin's language."""
    return f"{value:,}".replace(",", ".")


def long_day(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def long_hour(moment: datetime) -> str:
    """'Minggu, 29 November 2026 pukul 14.00 WIB', in the active time zone."""
    local = timezone.localtime(moment)
    return f"{long_day(local.date())} pukul {local:%H.%M} {zone_abbreviation()}"


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # under the bar, or "" to leave it out
    label_x: float
    title: str  # the tooltip: day and reads


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    grid: list[tuple[float, str]]  # (y, value label)
    baseline: float
    description: str


def bar_chart(per_day: list[tuple[date, int]]) -> BarChart:
    """The geometry of a bar chart of reads per day, for the SVG template."""
    plot_width = CHART_WIDTH - _LEFT - _RIGHT
    plot_height = CHART_HEIGHT - _TOP - _BOTTOM
    baseline = _TOP + plot_height
    top = max([reads for _, reads in per_day] + [1])
    slot = plot_width / max(len(per_day), 1)
    every = 1 if len(per_day) <= 10 else 5
    bars = []
    for index, (day, reads) in enumerate(per_day):
        height = plot_height * reads / top
        x = _LEFT + index * slot + slot * 0.15
        last = index == len(per_day) - 1
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(baseline - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=f"{day.day}/{day.month}" if index % every == 0 or last else "",
                label_x=round(_LEFT + (index + 0.5) * slot, 1),
                title=f"{long_day(day)}: {format_number(reads)} kali dibaca",
            )
        )
    grid = [
        (round(baseline - plot_height * share, 1), format_number(round(top * share)))
        for share in (0, 0.5, 1)
    ]
    total = sum(reads for _, reads in per_day)
    description = (
        f"Jumlah baca per hari, {len(per_day)} hari: total {format_number(total)}, "
        f"tertinggi {format_number(top if total else 0)} dalam sehari."
    )
    return BarChart(CHART_WIDTH, CHART_HEIGHT, bars, grid, baseline, description)


class ReadsPanel(Component):
    name = "warta_reads"
    template_name = "analytics/reads_panel.html"
    order = 90  # above Wagtail's own panels (moderation 210+, recent edits 250)

    def __init__(self, request: HttpRequest):
        self.request = request

    def period(self) -> int:
        try:
            days = int(self.request.GET.get(PERIOD_PARAM, PERIODS[0]))
        except ValueError:
            return PERIODS[0]
        return days if days in PERIODS else PERIODS[0]

    def get_context_data(self, parent_context: Any = None) -> dict:
        days = self.period()
        report = reading_report_now(days)
        return {
            "report": report,
            "total": format_number(report.total),
            "first_day": long_day(report.first_day),
            "last_day": long_day(report.per_day[-1][0]),
            "chart": bar_chart(report.per_day),
            "periods": [(n, f"?{PERIOD_PARAM}={n}", n == days) for n in PERIODS],
            "since": long_hour(report.since),
            "same_as_site": days == POPULAR_DAYS,
            "repeat_minutes": int(REPEAT_WINDOW.total_seconds() // 60),
        }
