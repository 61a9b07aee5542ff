"""The one test clock: time stands still at a fixed moment until the test moves it."""

from __future__ import annotations

from datetime import datetime, timedelta

from governance.ports import Clock
from tests.builders import NOW


class ManualClock(Clock):
    """The production ``Clock`` port at ``moment`` (the builders' ``NOW`` unless given); a test
    moves it with ``advance`` or sets ``moment`` outright."""

    def __init__(self, moment: datetime = NOW) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment
