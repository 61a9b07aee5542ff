"""The one place that decides a verdict's tier under a configuration.

``act``: a category's score reaches its ``act_threshold`` (the configured action is carried
out); ``review``: it reaches ``review_threshold`` only (a private review item, nothing
public); ``none``: neither. ``governance classify`` prints this tier and ``moderate`` acts on
it, so the two cannot disagree. When several categories score, the higher tier wins, then
the higher score (ties: the more harmful category).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from governance.config.types import Config
from governance.model import Category, RuleHit

# Ties between equal scores go to the more harmful category (as in detection's label rule).
HARM_ORDER = (Category.MALWARE, Category.PII, Category.ABUSE, Category.SOLICITATION)


class Tier(enum.StrEnum):
    ACT = "act"
    REVIEW = "review"
    NONE = "none"


RANK = {Tier.NONE: 0, Tier.REVIEW: 1, Tier.ACT: 2}


@dataclass(frozen=True, slots=True)
class TierDecision:
    tier: Tier
    category: Category | None  # None: no category scored at all
    score: float


NO_DECISION = TierDecision(Tier.NONE, None, 0.0)


def tier_for(category: Category, score: float, config: Config) -> Tier:
    rule = config.moderation.rules[category]
    if score >= rule.act_threshold:
        return Tier.ACT
    return Tier.REVIEW if score >= rule.review_threshold else Tier.NONE


def decide(hits: Mapping[Category, tuple[RuleHit, ...]], config: Config) -> TierDecision:
    """The strongest category of ``hits`` (already filtered by the config) and its tier."""
    best = NO_DECISION
    for category, mine in hits.items():
        score = max(h.score for h in mine)
        candidate = TierDecision(tier_for(category, score, config), category, score)
        if best.category is None or _rank(candidate) > _rank(best):
            best = candidate
    return best


def _rank(d: TierDecision) -> tuple[int, float, int]:
    assert d.category is not None
    return RANK[d.tier], d.score, -HARM_ORDER.index(d.category)
