"""Ban evasion, report-only: a first-time account that writes or is named like a banned one.

Never acts: it only opens a review item for moderators, who know things a bot cannot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from governance.model import ContentEvent, RecordReview
from governance.policy.waves import MAX_DISTANCE, distance

RULE_ID = "evasion.similar_to_banned"


class Banned(Protocol):
    """Anyone banned: a ``BannedPerson`` or what the ledger's ban list reads."""

    @property
    def login(self) -> str: ...
    @property
    def fingerprints(self) -> tuple[int, ...]: ...
    @property
    def until(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class BannedPerson:
    login: str
    fingerprints: tuple[int, ...]  # of the content that led to the ban
    until: datetime | None  # None: permanent


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similar_login(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a != b and min(len(a), len(b)) >= 4 and _edit_distance(a, b) <= 2


def match(event: ContentEvent, fp: int | None, banned: Iterable[Banned],
          now: datetime) -> tuple[Banned, str] | None:
    """The banned person this first-time author resembles, and how; or None."""
    if not event.author.association.is_first_time:
        return None
    for person in banned:
        if person.until is not None and person.until <= now:
            continue
        if person.login.lower() == event.author.login.lower():
            continue
        if fp is not None and any(distance(fp, f) <= MAX_DISTANCE for f in person.fingerprints):
            return person, "nearly the same text"
        if similar_login(person.login, event.author.login):
            return person, "a nearly identical login"
    return None


def evasion_review(event: ContentEvent, fp: int | None, banned: Iterable[Banned],
                   now: datetime) -> RecordReview | None:
    found = match(event, fp, banned, now)
    if found is None:
        return None
    person, how = found
    reason = (f"possible ban evasion: new account @{event.author.login} shows {how} "
              f"as @{person.login}, who is banned")
    return RecordReview(event.author.login, f"evasion:{event.node_id}", event.html_url, reason,
                        (RULE_ID,), event.body)
