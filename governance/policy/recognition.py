"""Pure recognition decisions: which merged pull requests earn a reward, and which tier."""

from __future__ import annotations

from fnmatch import fnmatchcase

from governance.config.types import Config, Tier
from governance.model import MergedPullRequest, Plan, Reward, Skip

SKIP_OFF = "recognition is disabled"
SKIP_BOT = "the author is a bot"
SKIP_EXCLUDED = "the author is excluded ({why})"
SKIP_BRANCH = "merged into {branch}, which is not a rewarded base branch"
SKIP_NO_TIER = "no reward tier matches {repo}"


def tier_for(pr: MergedPullRequest, config: Config) -> Tier | None:
    """First tier whose patterns match the repository; the raise label moves one tier up."""
    tiers = config.recognition.tiers
    index = next((i for i, t in enumerate(tiers) if _matches(pr.repo.full_name, t)), None)
    if index is None:
        return None
    if config.recognition.raise_label in pr.labels and index > 0:
        index -= 1
    return tiers[index]


def _matches(repo: str, tier: Tier) -> bool:
    return any(fnmatchcase(repo.lower(), pattern.lower()) for pattern in tier.repositories)


def exclusion(pr: MergedPullRequest, config: Config) -> str | None:
    rec = config.recognition
    if not rec.enabled:
        return SKIP_OFF
    if pr.author.is_bot:
        return SKIP_BOT
    if pr.author.login.lower() in rec.exclude.logins:
        return SKIP_EXCLUDED.format(why="listed login")
    if pr.author.association in rec.exclude.associations:
        return SKIP_EXCLUDED.format(why=f"association {pr.author.association.value}")
    if rec.base_branches and pr.base_ref not in rec.base_branches:
        return SKIP_BRANCH.format(branch=pr.base_ref)
    return None


def recognize(pr: MergedPullRequest, config: Config) -> Plan:
    key = f"{pr.repo.full_name}#{pr.number}"
    reason = exclusion(pr, config)
    tier = None if reason else tier_for(pr, config)
    if reason is None and tier is None:
        reason = SKIP_NO_TIER.format(repo=pr.repo.full_name)
    if reason is not None or tier is None:
        return Plan(key, (Skip(reason or ""),), (reason or "",), None, config.dry_run)
    why = f"outside contributor's PR merged into {pr.repo.full_name} (tier {tier.name})"
    action = Reward(pr.author.login, pr.repo.full_name, pr.number, tier.name, pr.html_url)
    return Plan(key, (action,), (why,), None, config.dry_run)
