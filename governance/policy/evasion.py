"""Ban evasion, report-only: a first-time account that writes or is named like a banned one.

Never acts: it only opens a review item for moderators, who know things a bot cannot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from governance.detect.edits import within_edits
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


MIN_LOGIN_LENGTH = 4  # shorter logins resemble too many others to tell anything
MAX_LOGIN_EDITS = 2


def similar_login(a: str, b: str) -> bool:
    return _similar_lowered(a.lower(), b.lower())


def _similar_lowered(a: str, b: str) -> bool:
    """``similar_login`` of logins in lower case; the length tests decide most pairs."""
    return (a != b and abs(len(a) - len(b)) <= MAX_LOGIN_EDITS
            and min(len(a), len(b)) >= MIN_LOGIN_LENGTH
            and within_edits(a, b, MAX_LOGIN_EDITS))


def match(event: ContentEvent, fp: int | None, banned: Iterable[Banned],
          now: datetime) -> tuple[Banned, str] | None:
    """The banned person this first-time author resembles, and how; or None (the first
    ban in ``banned`` that fits, by text before login)."""
    author = event.author.login.lower()
    if not event.author.association.is_first_time or (
            fp is None and len(author) < MIN_LOGIN_LENGTH):  # nothing left to compare
        return None
    for person in banned:
        if person.until is not None and person.until <= now:
            continue
        how = _resemblance(author, fp, person)
        if how is not None:
            return person, how
    return None


def _resemblance(author: str, fp: int | None, person: Banned) -> str | None:
    login = person.login.lower()
    if login == author:
        return None  # the banned person themself, whom the ban already covers
    if fp is not None and any(distance(fp, f) <= MAX_DISTANCE for f in person.fingerprints):
        return "nearly the same text"
    if _similar_lowered(author, login):
        return "a nearly identical login"
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
