"""Account signals and spam waves as score modifiers.

They only ever *raise* the score of content that already scored as borderline spam or
malware (at least ``FLOOR``), the account signals only for first-time participants: a new
account alone is never a reason to act, and content that scored nothing stays untouched.
How new is new, and by how much each raises, is the repository's
``moderation.account_signals`` and ``moderation.spam_waves``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from governance.config.types import AccountSignalsConfig, Moderation
from governance.model import Association, Category, Label, RuleHit, Verdict
from governance.policy.waves import Wave

BOOSTED = (Category.SOLICITATION, Category.MALWARE)
# A hit must already be at least this strong to be boosted. Not configurable: it is what
# keeps the signals from ever being the sole reason to act.
FLOOR = 0.4


@dataclass(frozen=True, slots=True)
class AccountSignals:
    age_days: float | None
    followers: int
    public_repos: int

    def looks_throwaway(self, rules: AccountSignalsConfig) -> bool:
        """New, with few followers and few public repositories, as the config counts them."""
        young = self.age_days is not None and self.age_days < rules.new_account_days
        return (young and self.followers <= rules.max_followers
                and self.public_repos <= rules.max_public_repos)


def signals_from_profile(profile: Mapping[str, object], now: datetime) -> AccountSignals:
    """Reduce a `GET /users/{login}` answer to the three signals we use."""
    created = account_created(profile)
    age = (now - created).days if created is not None else None
    followers, repos = profile.get("followers"), profile.get("public_repos")
    return AccountSignals(
        float(age) if age is not None else None,
        followers if isinstance(followers, int) else 0,
        repos if isinstance(repos, int) else 0,
    )


def account_created(profile: Mapping[str, object]) -> datetime | None:
    """When the account was created, as a `GET /users/{login}` answer says; None when it
    does not say (or says it in a form that is no time)."""
    created = profile.get("created_at")
    if not isinstance(created, str):
        return None
    try:
        return datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return None


def wave_can_matter(verdict: Verdict) -> bool:
    """Looking for copies only pays when the content already shows spam or malware signs:
    a wave raises only those, and detection never calls text spam for repetition alone."""
    return any(h.category in BOOSTED for h in verdict.hits)


def worth_a_profile_read(verdict: Verdict, association: Association,
                         rules: AccountSignalsConfig) -> bool:
    """Only borderline spam from a first-time participant justifies a GitHub read, and only
    while account signals are on."""
    return rules.enabled and association.is_first_time and any(
        h.category in BOOSTED and h.score >= FLOOR for h in verdict.hits)


def boost(verdict: Verdict, association: Association, account: AccountSignals | None,
          wave: Wave, moderation: Moderation) -> Verdict:
    """Raise spam and malware hits by the account and wave signals that apply."""
    waves, rules = moderation.spam_waves, moderation.account_signals
    extra = waves.boost if waves.enabled and wave.is_wave else 0.0
    if (rules.enabled and account is not None and association.is_first_time
            and account.looks_throwaway(rules)):
        extra += rules.boost
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
