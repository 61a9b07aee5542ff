"""The programme's private records and how they are written into the ledger.

Records are append-only: a ``Notice`` when an expert fell under the minimum, a ``Closing``
when their grace period ended (kept, revoked, or no longer an expert). Each is one comment
in the ledger issue of the month it is about, carrying a hidden JSON marker, so the state
survives re-runs, needs no compare-and-swap (appending never loses another run's write) and
stays readable to maintainers.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from governance.experts.months import Month, Window

MARKER = "governance:experts:v1"
_FIND = re.compile(r"<!-- " + re.escape(MARKER) + r" (\{.*?\}) -->", re.S)


class Outcome(enum.StrEnum):
    KEPT = "kept"  # back over the requirement within the grace period
    REVOKED = "revoked"  # still under it: expert status ended
    LEFT = "left"  # no longer an expert when the grace period ended (nothing to do)


class Channel(enum.StrEnum):
    EMAIL = "email"  # the public profile address
    LEDGER = "ledger"  # a mention in the private ledger issue (read only with access)


@dataclass(frozen=True, slots=True)
class Notice:
    login: str
    month: Month  # the month the expert was under the minimum
    noticed_at: datetime
    grace: Window
    score: float
    required: float  # the monthly minimum that was missed
    channel: Channel = Channel.LEDGER

    @property
    def key(self) -> str:
        return f"notice:{self.month}:{self.login.lower()}"


@dataclass(frozen=True, slots=True)
class Closing:
    login: str
    month: Month  # the month of the notice this closes
    at: datetime
    outcome: Outcome
    score: float  # measured over the grace window
    required: float
    removed_from: tuple[str, ...] = ()  # the teams the bot removed the person from
    # What the bot cannot change, left to the maintainers (see texts.BY_HAND_HEAD):
    label_by_hand: str = ""  # experts.label when it is not an org/team
    listed: bool = False  # listed in experts.logins of the config

    @property
    def key(self) -> str:
        return f"closing:{self.month}:{self.login.lower()}"


Record = Notice | Closing


@dataclass(frozen=True, slots=True)
class Records:
    notices: tuple[Notice, ...] = ()
    closings: tuple[Closing, ...] = ()

    @classmethod
    def of(cls, records: Iterable[Record]) -> Records:
        """Deduplicated by key (a re-run may have written the same record twice)."""
        notices: dict[str, Notice] = {}
        closings: dict[str, Closing] = {}
        for r in records:
            if isinstance(r, Notice):
                notices.setdefault(r.key, r)
            else:
                closings.setdefault(r.key, r)
        return cls(tuple(notices.values()), tuple(closings.values()))

    def knows(self, key: str) -> bool:
        keys = {n.key for n in self.notices} | {c.key for c in self.closings}
        return key in keys

    def notice(self, login: str, month: Month) -> Notice | None:
        key = f"notice:{month}:{login.lower()}"
        return next((n for n in self.notices if n.key == key), None)

    def closing(self, notice: Notice) -> Closing | None:
        key = f"closing:{notice.month}:{notice.login.lower()}"
        return next((c for c in self.closings if c.key == key), None)

    def open_notices(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if self.closing(n) is None)

    def of_login(self, login: str) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.login.lower() == login.lower())

    def last_closing(self, login: str) -> Closing | None:
        mine = [c for c in self.closings if c.login.lower() == login.lower()]
        return max(mine, key=lambda c: c.at, default=None)


# ------------------------------------------------------------------------- encoding


def encode(record: Record) -> str:
    """The hidden marker that carries a record inside a ledger comment."""
    payload = json.dumps(_to_json(record), sort_keys=True, separators=(",", ":"))
    return f"<!-- {MARKER} {payload} -->"


def decode(text: str) -> list[Record]:
    """Every record marker in a comment body; unreadable markers are skipped."""
    found: list[Record] = []
    for match in _FIND.finditer(text):
        try:
            found.append(_from_json(json.loads(match.group(1))))
        except (ValueError, KeyError, TypeError):
            continue  # hand-edited or from a newer version: ignore rather than crash
    return found


def _to_json(record: Record) -> dict[str, Any]:
    common = {"login": record.login, "month": str(record.month), "score": record.score,
              "required": record.required}
    if isinstance(record, Notice):
        return {**common, "type": "notice", "noticed_at": record.noticed_at.isoformat(),
                "grace_start": record.grace.start.isoformat(),
                "grace_end": record.grace.end.isoformat(), "channel": record.channel.value}
    return {**common, "type": "closing", "at": record.at.isoformat(),
            "outcome": record.outcome.value, "removed_from": list(record.removed_from),
            "label_by_hand": record.label_by_hand, "listed": record.listed}


def _from_json(data: dict[str, Any]) -> Record:
    login, month = str(data["login"]), Month.parse(data["month"])
    score, required = float(data["score"]), float(data["required"])
    if data["type"] == "notice":
        grace = Window(_time(data["grace_start"]), _time(data["grace_end"]))
        return Notice(login, month, _time(data["noticed_at"]), grace, score, required,
                      Channel(data["channel"]))
    if data["type"] == "closing":
        return Closing(login, month, _time(data["at"]), Outcome(data["outcome"]), score,
                       required, tuple(str(x) for x in data["removed_from"]),
                       str(data.get("label_by_hand", "")), bool(data.get("listed", False)))
    raise ValueError(f"unknown record type {data['type']!r}")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)
