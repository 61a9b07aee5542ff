"""Month arithmetic of the expert programme: UTC boundaries and grace deadlines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from governance.experts.months import Month, Window, grace_window, last_day, long_date, pro_rata


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_month_boundaries_are_utc_midnights() -> None:
    nov = Month(2026, 11)
    assert nov.start == utc(2026, 11, 1)
    assert nov.end == utc(2026, 12, 1)


def test_year_wraps_both_ways() -> None:
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2027, 1).previous() == Month(2026, 12)
    assert Month(2026, 12).end == utc(2027, 1, 1)


def test_window_is_half_open() -> None:
    nov = Month(2026, 11).window
    assert utc(2026, 11, 1) in nov
    assert utc(2026, 11, 30, 23, 59, 59) in nov
    assert utc(2026, 12, 1) not in nov


def test_containing_converts_other_zones_to_utc() -> None:
    # 00:30 on 1 December in UTC+2 is still 30 November in UTC
    plus_two = timezone(timedelta(hours=2))
    assert Month.containing(datetime(2026, 12, 1, 0, 30, tzinfo=plus_two)) == Month(2026, 11)
    assert Month.containing(datetime(2026, 12, 1, 0, 30)) == Month(2026, 12)  # naive = UTC


def test_february_in_a_leap_year() -> None:
    assert Month(2028, 2).end - Month(2028, 2).start == timedelta(days=29)
    assert Month(2027, 2).end - Month(2027, 2).start == timedelta(days=28)


@pytest.mark.parametrize("text", ["2026-13", "2026-0", "26-11", "2026/11", "november"])
def test_parse_rejects_what_is_not_yyyy_mm(text: str) -> None:
    with pytest.raises(ValueError):
        Month.parse(text)


def test_parse_and_str_round_trip() -> None:
    assert str(Month.parse("2026-03")) == "2026-03"


def test_grace_runs_whole_days_from_the_notice_day() -> None:
    grace = grace_window(utc(2026, 12, 1, 9, 17), 30)
    assert grace == Window(utc(2026, 12, 1), utc(2026, 12, 31))
    assert last_day(grace) == utc(2026, 12, 30)


def test_grace_across_the_year_end_and_february() -> None:
    assert grace_window(utc(2026, 12, 20, 23, 59), 30).end == utc(2027, 1, 19)
    assert grace_window(utc(2027, 2, 1, 6), 30).end == utc(2027, 3, 3)


def test_overlap_and_cover() -> None:
    oct_, nov = Month(2026, 10).window, Month(2026, 11).window
    assert not oct_.overlaps(nov)  # touching ends do not overlap
    assert oct_.cover(nov) == Window(utc(2026, 10, 1), utc(2026, 12, 1))


def test_pro_rata_scales_a_monthly_minimum_by_days() -> None:
    start = utc(2026, 12, 1)
    assert pro_rata(10, Window(start, start + timedelta(days=30))) == 10
    assert pro_rata(10, Window(start, start + timedelta(days=15))) == 5


def test_long_date_has_no_leading_zero() -> None:
    assert long_date(utc(2026, 12, 1)) == "1 December 2026"
