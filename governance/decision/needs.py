"""What a decision may ask for before it can plan, and the answers it takes.

A closed set: ``Need`` is the union of the frozen types below, and each names the one kind
of answer it takes (``answer``). The service fulfils a need through its ports and sends the
answer back (``decision.machine.Decision``); the decision reads nothing itself. An answer
says what was found, and "nothing" is an answer too: no store, no opinion, no account.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, get_args

from governance.config.types import BreakerConfig
from governance.model import (
    BreakerState,
    ContentEvent,
    Field,
    PersonRecord,
    Sighting,
    Verdict,
)
from governance.policy import breaker
from governance.policy.evasion import Banned

# ------------------------------------------------------------------ answers


@dataclass(frozen=True, slots=True)
class Sightings:
    """Earlier content seen in this installation or repository, reduced to fingerprints
    (spam waves); () when none was looked up."""

    seen: tuple[Sighting, ...] = ()


@dataclass(frozen=True, slots=True)
class Opinion:
    """The LLM's verdict on the borderline part; None: no opinion (no LLM here, a failure,
    a timeout), and the local verdict stands."""

    verdict: Verdict | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """The author's profile as ``GET /users/{login}`` answers; None: the account is gone
    already (GitHub suspends spam accounts)."""

    fields: Mapping[str, object] | None = None


@dataclass(frozen=True, slots=True)
class Bans:
    """The active bans of the ledger; () when there is no ledger."""

    banned: tuple[Banned, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """The person's ledger record (an empty one when there is no ledger to read)."""

    record: PersonRecord


@dataclass(frozen=True, slots=True)
class Counted:
    """The repository's circuit breaker after counting; None: nothing counts here (no
    breaker store, or a dry run)."""

    state: BreakerState | None = None


Answer = Sightings | Opinion | Profile | Bans | Record | Counted

# ------------------------------------------------------------------ needs


@dataclass(frozen=True, slots=True)
class RecentSightings:
    """Remember this sighting of the content and, when ``look``, answer the earlier ones:
    every sighting is kept for later waves, but only content showing spam or malware signs
    is worth a read."""

    answer: ClassVar[type[Sightings]] = Sightings
    event: ContentEvent
    sighting: Sighting
    look: bool


@dataclass(frozen=True, slots=True)
class SecondOpinion:
    """The LLM's opinion on the borderline part of the verdict: one field's ``text`` and
    the hits ``asked`` about (their evidence spans point into that text)."""

    answer: ClassVar[type[Opinion]] = Opinion
    field: Field
    text: str
    asked: Verdict


@dataclass(frozen=True, slots=True)
class AccountProfile:
    """The author's GitHub profile: account signals, and when the account was created."""

    answer: ClassVar[type[Profile]] = Profile
    login: str


@dataclass(frozen=True, slots=True)
class ActiveBans:
    """Whom the ledger bans now (a first-time author may be someone banned, back)."""

    answer: ClassVar[type[Bans]] = Bans


@dataclass(frozen=True, slots=True)
class LedgerRecord:
    """The person's record in the ledger: the ladder's step, or a reward held."""

    answer: ClassVar[type[Record]] = Record
    login: str


@dataclass(frozen=True, slots=True)
class BreakerCount:
    """Count this action on content in the repository's circuit breaker (a compare-and-swap
    of ``counted``; a trip it causes is recorded by whoever counts) and answer its state."""

    answer: ClassVar[type[Counted]] = Counted
    repo: str
    key: str  # the content's node id: a redelivery counts once
    url: str
    at: datetime
    settings: BreakerConfig

    def counted(self, state: BreakerState) -> BreakerState | None:
        """The breaker with this action counted; None (no change) while it is open."""
        if breaker.is_open(state, self.at):
            return None
        return breaker.counted(state, self.key, self.url, self.at, self.settings)

    def tripped(self, state: BreakerState) -> bool:
        """Did this count trip the breaker (so recording the trip is this event's job)?"""
        return breaker.tripped_by(state, self.key, self.at)


Need = RecentSightings | SecondOpinion | AccountProfile | ActiveBans | LedgerRecord | BreakerCount
NEEDS: tuple[type[Need], ...] = get_args(Need)


def nothing_known(need: Need) -> Answer:
    """The answer when there is nowhere to ask (no credentials: ``governance moderate
    --dry-run``, ``governance demo``): no sightings, no opinion, no profile, no bans, an
    empty record, nothing counted."""
    if isinstance(need, LedgerRecord):
        return Record(PersonRecord(need.login))
    return need.answer()
