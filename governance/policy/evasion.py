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


MIN_LOGIN_LENGTH = 4  # shorter logins resemble too many others to tell anything
MAX_LOGIN_EDITS = 2


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` turns into ``b`` with at most ``limit`` single-character insertions,
    deletions or substitutions (Levenshtein distance), computing only what can decide it.

    A common beginning costs no edit, so it is skipped; most pairs then fail a cheap
    necessary test (``_keeps_a_piece``). A cell more than ``limit`` off the diagonal is at
    least that far apart, and a row's smallest value never shrinks further down, so only the
    band around the diagonal is computed (the rest counts as ``limit + 1``, "too far") and
    the first row entirely beyond the limit settles it.
    """
    if abs(len(a) - len(b)) > limit:
        return False
    common, shorter = 0, min(len(a), len(b))
    while common < shorter and a[common] == b[common]:
        common += 1
    a, b = a[common:], b[common:]
    if not _keeps_a_piece(a, b, limit):
        return False
    too_far = limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [too_far] * (len(b) + 1)
        current[0] = i
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (ca != b[j - 1]))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _keeps_a_piece(a: str, b: str, limit: int) -> bool:
    """Whether one of ``limit + 1`` disjoint pieces of ``a`` is in ``b``, moved by at most
    ``limit`` places: true whenever ``limit`` edits or fewer turn ``a`` into ``b``, since
    each edit touches one piece at most (and shifts what follows it by one place)."""
    pieces = limit + 1
    if len(a) < pieces:
        return True  # too short to split: this test decides nothing
    size = len(a) // pieces
    for k in range(pieces):
        start, end = k * size, (k + 1) * size if k < limit else len(a)  # the last: the rest
        if b.find(a[start:end], max(0, start - limit), end + limit) >= 0:
            return True
    return False


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
