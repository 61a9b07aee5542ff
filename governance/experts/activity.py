"""What counts as helping, and how much: the activity measure of the expert programme.

The measure is computed from GitHub itself (never from our own records), so the GitHub App
and the stateless Action always agree on who was active. Each contribution is dated by when
its author wrote it, and counts in the window holding that moment.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from governance.experts.months import Window, as_utc


class Kind(enum.StrEnum):
    """The kinds of help; the values are the keys of ``experts.weights`` in the config."""

    ANSWER = "answer"  # a discussion comment marked as the accepted answer
    DISCUSSION_COMMENT = "discussion_comment"  # any other discussion comment or reply
    QUESTION_COMMENT = "question_comment"  # a comment on an issue labelled as a question
    REVIEW = "review"  # a pull request review


@dataclass(frozen=True, slots=True)
class Contribution:
    """One piece of help as GitHub shows it."""

    login: str
    kind: Kind
    at: datetime
    repo: str
    url: str = ""
    hidden: bool = False  # minimized by moderators: never counts
    thread_author: str = ""  # who asked: helping yourself does not count
    bot: bool = False

    def counts(self) -> bool:
        own_thread = self.thread_author.lower() == self.login.lower()
        return not (self.hidden or self.bot or own_thread or not self.login)


@dataclass(frozen=True, slots=True)
class Tally:
    """One person's activity in one window: how many of each kind, and the weighted score."""

    login: str
    counts: Mapping[Kind, int] = field(default_factory=dict)
    score: float = 0.0

    def count(self, kind: Kind) -> int:
        return self.counts.get(kind, 0)

    def meets(self, required: float) -> bool:
        return self.score >= required


def measure(
    contributions: Iterable[Contribution], window: Window, weights: Mapping[str, float]
) -> dict[str, Tally]:
    """Tallies by lower-cased login for the contributions inside ``window`` that count."""
    counts: dict[str, dict[Kind, int]] = {}
    names: dict[str, str] = {}
    for c in contributions:
        if c.counts() and as_utc(c.at) in window:
            key = c.login.lower()
            names.setdefault(key, c.login)
            per_kind = counts.setdefault(key, {})
            per_kind[c.kind] = per_kind.get(c.kind, 0) + 1
    return {key: _tally(names[key], per_kind, weights) for key, per_kind in counts.items()}


def _tally(login: str, counts: dict[Kind, int], weights: Mapping[str, float]) -> Tally:
    score = sum(weights.get(kind.value, 0.0) * n for kind, n in counts.items())
    ordered = {kind: counts[kind] for kind in Kind if kind in counts}
    return Tally(login, ordered, round(score, 2))


def tally_of(tallies: Mapping[str, Tally], login: str) -> Tally:
    """The person's tally, or an empty one: no activity is a score of zero."""
    return tallies.get(login.lower(), Tally(login))


def ranked(tallies: Iterable[Tally]) -> list[Tally]:
    """Highest score first; ties by login so the order is stable between runs."""
    return sorted(tallies, key=lambda t: (-t.score, t.login.lower()))
