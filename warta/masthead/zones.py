"""Indonesia's three time zones and how a newsroom writes dates in them.

Indonesian news sites print times as "Jumat, 14 Januari 2022 | 12:13 WIB": day
name, day, month name, year, 24-hour clock and the zone's abbreviation. Django's
``date`` filter can do the names, but not the zone abbreviation (``T`` would print
"+07"), so the format lives here, in one place, with its tests.
"""

from __future__ import annotations

import enum
from datetime import datetime
from zoneinfo import ZoneInfo

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


class IndonesianZone(enum.Enum):
    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(_ZONE_NAMES[self])

    @property
    def label(self) -> str:
        return _ZONE_LABELS[self]


_ZONE_NAMES = {
    IndonesianZone.WIB: "Asia/Jakarta",
    IndonesianZone.WITA: "Asia/Makassar",
    IndonesianZone.WIT: "Asia/Jayapura",
}
_ZONE_LABELS = {
    IndonesianZone.WIB: "WIB (Waktu Indonesia Barat, UTC+7)",
    IndonesianZone.WITA: "WITA (Waktu Indonesia Tengah, UTC+8)",
    IndonesianZone.WIT: "WIT (Waktu Indonesia Timur, UTC+9)",
}
ZONE_CHOICES = [(zone.value, zone.label) for zone in IndonesianZone]


def _local(moment: datetime, zone: IndonesianZone) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required to place it in an Indonesian zone")
    return moment.astimezone(zone.tzinfo)


def format_long(moment: datetime, zone: IndonesianZone = IndonesianZone.WIB) -> str:
    """'Jumat, 14 Januari 2022 | 12:13 WIB'."""
    local = _local(moment, zone)
    return (
        f"{DAY_NAMES[local.weekday()]}, {local.day} {MONTH_NAMES[local.month - 1]} "
        f"{local.year} | {local:%H:%M} {zone.value}"
    )


def format_date(moment: datetime, zone: IndonesianZone = IndonesianZone.WIB) -> str:
    """'14 Januari 2022', for listings and the news index."""
    local = _local(moment, zone)
    return f"{local.day} {MONTH_NAMES[local.month - 1]} {local.year}"


def format_short(moment: datetime, zone: IndonesianZone = IndonesianZone.WIB) -> str:
    """'14/01/2022, 12:13 WIB', compact enough for cards."""
    local = _local(moment, zone)
    return f"{local:%d/%m/%Y, %H:%M} {zone.value}"


def format_time(moment: datetime, zone: IndonesianZone = IndonesianZone.WIB) -> str:
    """'12:13 WIB', for the news index where the day is already given."""
    return f"{_local(moment, zone):%H:%M} {zone.value}"


def isoformat(moment: datetime, zone: IndonesianZone = IndonesianZone.WIB) -> str:
    """The exact instant with the zone's offset, for <time datetime> and JSON-LD."""
    return _local(moment, zone).isoformat(timespec="seconds")
