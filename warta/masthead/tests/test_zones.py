"""Dates as Indonesian newsrooms print them, in WIB, WITA and WIT."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from warta.masthead.zones import (
    ZONE_CHOICES,
    IndonesianZone,
    format_date,
    format_long,
    format_short,
    format_time,
    isoformat,
)

WIB, WITA, WIT = IndonesianZone.WIB, IndonesianZone.WITA, IndonesianZone.WIT


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_reference_example():
    assert format_long(utc(2022, 1, 14, 5, 13)) == "Jumat, 14 Januari 2022 | 12:13 WIB"


def test_wib_is_the_default_zone():
    moment = utc(2022, 1, 14, 5, 13)
    assert format_long(moment) == format_long(moment, WIB)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (10, "Senin, 10 Januari 2022 | 12:00 WIB"),
        (11, "Selasa, 11 Januari 2022 | 12:00 WIB"),
        (12, "Rabu, 12 Januari 2022 | 12:00 WIB"),
        (13, "Kamis, 13 Januari 2022 | 12:00 WIB"),
        (14, "Jumat, 14 Januari 2022 | 12:00 WIB"),
        (15, "Sabtu, 15 Januari 2022 | 12:00 WIB"),
        (16, "Minggu, 16 Januari 2022 | 12:00 WIB"),
    ],
)
def test_every_day_name(day, expected):
    assert format_long(utc(2022, 1, day, 5, 0)) == expected


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (1, "Sabtu, 15 Januari 2022 | 12:13 WIB"),
        (2, "Selasa, 15 Februari 2022 | 12:13 WIB"),
        (3, "Selasa, 15 Maret 2022 | 12:13 WIB"),
        (4, "Jumat, 15 April 2022 | 12:13 WIB"),
        (5, "Minggu, 15 Mei 2022 | 12:13 WIB"),
        (6, "Rabu, 15 Juni 2022 | 12:13 WIB"),
        (7, "Jumat, 15 Juli 2022 | 12:13 WIB"),
        (8, "Senin, 15 Agustus 2022 | 12:13 WIB"),
        (9, "Kamis, 15 September 2022 | 12:13 WIB"),
        (10, "Sabtu, 15 Oktober 2022 | 12:13 WIB"),
        (11, "Selasa, 15 November 2022 | 12:13 WIB"),
        (12, "Kamis, 15 Desember 2022 | 12:13 WIB"),
    ],
)
def test_every_month_name(month, expected):
    assert format_long(utc(2022, month, 15, 5, 13)) == expected


def test_same_instant_in_the_three_zones():
    moment = utc(2022, 1, 14, 5, 13)
    assert format_long(moment, WIB) == "Jumat, 14 Januari 2022 | 12:13 WIB"
    assert format_long(moment, WITA) == "Jumat, 14 Januari 2022 | 13:13 WITA"
    assert format_long(moment, WIT) == "Jumat, 14 Januari 2022 | 14:13 WIT"


def test_just_after_midnight_in_jakarta():
    moment = utc(2022, 1, 13, 17, 30)
    assert format_long(moment, WIB) == "Jumat, 14 Januari 2022 | 00:30 WIB"
    assert format_long(moment, WITA) == "Jumat, 14 Januari 2022 | 01:30 WITA"
    assert format_long(moment, WIT) == "Jumat, 14 Januari 2022 | 02:30 WIT"


def test_still_thursday_in_jakarta_already_friday_further_east():
    moment = utc(2022, 1, 13, 16, 30)
    assert format_long(moment, WIB) == "Kamis, 13 Januari 2022 | 23:30 WIB"
    assert format_long(moment, WITA) == "Jumat, 14 Januari 2022 | 00:30 WITA"
    assert format_long(moment, WIT) == "Jumat, 14 Januari 2022 | 01:30 WIT"


def test_only_jayapura_has_reached_friday():
    moment = utc(2022, 1, 13, 15, 30)
    assert format_long(moment, WIB) == "Kamis, 13 Januari 2022 | 22:30 WIB"
    assert format_long(moment, WITA) == "Kamis, 13 Januari 2022 | 23:30 WITA"
    assert format_long(moment, WIT) == "Jumat, 14 Januari 2022 | 00:30 WIT"


def test_new_year_in_jakarta():
    assert format_long(utc(2021, 12, 31, 17, 0)) == "Sabtu, 1 Januari 2022 | 00:00 WIB"
    assert format_long(utc(2021, 12, 31, 16, 59)) == "Jumat, 31 Desember 2021 | 23:59 WIB"


def test_new_year_comes_an_hour_earlier_in_each_zone_to_the_east():
    assert format_long(utc(2021, 12, 31, 16, 0), WITA) == "Sabtu, 1 Januari 2022 | 00:00 WITA"
    assert format_long(utc(2021, 12, 31, 15, 0), WIT) == "Sabtu, 1 Januari 2022 | 00:00 WIT"
    assert format_long(utc(2021, 12, 31, 15, 0), WIB) == "Jumat, 31 Desember 2021 | 22:00 WIB"


def test_any_aware_datetime_is_converted():
    jakarta = datetime(2022, 1, 14, 12, 13, tzinfo=ZoneInfo("Asia/Jakarta"))
    plus_nine = datetime(2022, 1, 14, 14, 13, tzinfo=timezone(timedelta(hours=9)))
    assert format_long(jakarta, WITA) == "Jumat, 14 Januari 2022 | 13:13 WITA"
    assert format_long(plus_nine, WIB) == "Jumat, 14 Januari 2022 | 12:13 WIB"


@pytest.mark.parametrize(
    "formatter", [format_long, format_date, format_short, format_time, isoformat]
)
def test_naive_datetime_is_refused(formatter):
    with pytest.raises(ValueError, match="aware"):
        formatter(datetime(2022, 1, 14, 12, 13))


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (WIB, "2022-01-14T12:13:00+07:00"),
        (WITA, "2022-01-14T13:13:00+08:00"),
        (WIT, "2022-01-14T14:13:00+09:00"),
    ],
)
def test_isoformat_carries_the_zone_offset(zone, expected):
    assert isoformat(utc(2022, 1, 14, 5, 13), zone) == expected


def test_short_forms():
    moment = utc(2022, 1, 13, 17, 30)
    assert format_date(moment) == "14 Januari 2022"
    assert format_date(moment, WIB) != format_date(utc(2022, 1, 13, 16, 30), WIB)
    assert format_short(moment) == "14/01/2022, 00:30 WIB"
    assert format_short(moment, WIT) == "14/01/2022, 02:30 WIT"
    assert format_time(moment, WITA) == "01:30 WITA"


def test_zone_choices_name_the_offset():
    assert [value for value, _ in ZONE_CHOICES] == ["WIB", "WITA", "WIT"]
    assert dict(ZONE_CHOICES)["WITA"].endswith("UTC+8)")
