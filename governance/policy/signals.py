"""Account signals and spam waves as score modifiers.

They only ever *raise* the score of content that already scored as borderline spam or
malware, and only for first-time participants: a new account alone is never a reason to act,
and content that scored nothing stays untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from governance.model import Association, Category, Label, RuleHit, Verdict
from governance.policy.waves import Wave

BOOSTED = (Category.SOLICITATION, Category.MALWARE)
FLOOR = 0.4  # a hit must already be at least this strong to be boosted
NEW_ACCOUNT_DAYS = 14
ACCOUNT_BOOST = 0.1
WAVE_BOOST = 0.2


@dataclass(frozen=True, slots=True)
class AccountSignals:
    age_days: float | None
    followers: int
    public_repos: int

    @property
    def looks_throwaway(self) -> bool:
        young = self.age_days is not None and self.age_days < NEW_ACCOUNT_DAYS
        return young and self.followers == 0 and self.public_repos == 0


def signals_from_profile(profile: Mapping[str, object], now: datetime) -> AccountSignals:
    """Reduce a `GET /users/{login}` answer to the three signals we use."""
    created = profile.get("created_at")
    age = None
    if isinstance(created, str):
        try:
            age = (now - datetime.fromisoformat(created.replace("Z", "+00:00"))).days
        except ValueError:
            age = None
    followers, repos = profile.get("followers"), profile.get("public_repos")
    return AccountSignals(
        float(age) if age is not None else None,
        followers if isinstance(followers, int) else 0,
        repos if isinstance(repos, int) else 0,
    )


def worth_a_profile_read(verdict: Verdict, association: Association) -> bool:
    """Only borderline spam from a first-time participant justifies a GitHub read."""
    return association.is_first_time and any(
        h.category in BOOSTED and h.score >= FLOOR for h in verdict.hits)


def boost(verdict: Verdict, association: Association, account: AccountSignals | None,
          wave: Wave) -> Verdict:
    """Raise spam and malware hits by the account and wave signals that apply."""
    extra = WAVE_BOOST if wave.is_wave else 0.0
    if account is not None and association.is_first_time and account.looks_throwaway:
        extra += ACCOUNT_BOOST
    if extra == 0.0:
        return verdict
    hits = tuple(_raised(h, extra) for h in verdict.hits)
    return _relabel(verdict, hits)


def _raised(hit: RuleHit, extra: float) -> RuleHit:
    if hit.category not in BOOSTED or hit.score < FLOOR:
        return hit
    return replace(hit, score=min(1.0, round(hit.score + extra, 4)))


def _relabel(verdict: Verdict, hits: tuple[RuleHit, ...]) -> Verdict:
    top = max(hits, key=lambda h: h.score, default=None)
    if top is None or top.score < 0.5:
        return Verdict(verdict.label, verdict.score, hits)
    if verdict.label is not Label.OK and verdict.score > top.score:
        return Verdict(verdict.label, verdict.score, hits)
    return Verdict(top.category.label, top.score, hits)
