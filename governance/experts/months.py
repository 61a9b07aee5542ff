"""Calendar months and time windows, always in UTC.

A window is half-open, ``[start, end)``: a comment written at 00:00:00 on the first of
December belongs to December, never to November.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

_MONTH = re.compile(r"(\d{4})-(\d{2})")
DAYS_PER_MONTH = 30  # what a monthly minimum is pro-rated against for other window lengths


@dataclass(frozen=True, slots=True, order=True)
class Window:
    start: datetime
    end: datetime

    def __contains__(self, moment: object) -> bool:
        return isinstance(moment, datetime) and self.start <= moment < self.end

    def overlaps(self, other: Window) -> bool:
        return self.start < other.end and other.start < self.end

    def cover(self, other: Window) -> Window:
        """The smallest window holding both."""
        return Window(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True, slots=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, not {self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-11`` -> Month(2026, 11); anything else is a ValueError."""
        match = _MONTH.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"expected a month as YYYY-MM, got {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, moment: datetime) -> Month:
        utc = as_utc(moment)
        return cls(utc.year, utc.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        return self.next().start

    @property
    def window(self) -> Window:
        return Window(self.start, self.end)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes are taken to be UTC already (GitHub only ever sends UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def day_start(moment: datetime) -> datetime:
    utc = as_utc(moment)
    return datetime(utc.year, utc.month, utc.day, tzinfo=UTC)


def grace_window(noticed_at: datetime, grace_days: int) -> Window:
    """Whole UTC days: from the start of the notice's day, ``grace_days`` days long.

    The deadline is therefore always midnight UTC, which reads plainly in a notice
    ("by the end of 30 November 2026, UTC") and does not depend on the sweep's minute.
    """
    start = day_start(noticed_at)
    return Window(start, start + timedelta(days=grace_days))


def last_day(window: Window) -> datetime:
    """The last calendar day inside the window (its end is exclusive)."""
    return window.end - timedelta(days=1)


def pro_rata(monthly: float, window: Window) -> float:
    """A monthly amount scaled to the window's length in days (30 days = one month)."""
    days = (window.end - window.start) / timedelta(days=1)
    return round(monthly * days / DAYS_PER_MONTH, 2)


def long_date(moment: datetime) -> str:
    """``30 December 2026``: unambiguous in every locale."""
    return f"{moment.day} {moment:%B %Y}"
