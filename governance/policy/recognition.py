"""Pure recognition decisions: which merged pull requests earn a reward, and which tier."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from fnmatch import fnmatchcase

from governance.config.types import Config, Tier
from governance.model import (
    HoldReward,
    MergedPullRequest,
    PersonRecord,
    Plan,
    RecordReview,
    Reward,
    Skip,
    Step,
)
from governance.policy.commands import blocking

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


# ------------------------------------------------------------------ who, where, how often

NOREPLY_DOMAINS = ("users.noreply.github.com", "noreply.github.com")
SKIP_MEMBER = "the author is a member of {org}"
SKIP_TEAM = "the author is in the excluded team {team}"
SKIP_ALREADY = "the author was already rewarded this period (for {other})"


def reward_key(repo: str, number: int) -> str:
    """The reward's identity: one merged pull request."""
    return f"{repo.lower()}#{number}"


def claim_path(repo: str, number: int, login: str, once_per: str, window: date) -> str:
    """Where the reward's claim lives in the ledger repository.

    The path is the exactly-once lock: whoever creates the file owns the reward. With
    ``person-period`` it names the person and the period, so a second PR of the same
    person in the same period finds the file taken.
    """
    if once_per == "person-period":
        return f"rewards/claims/person/{login.lower()}/{window.isoformat()}.json"
    owner, name = repo.lower().split("/", 1)
    return f"rewards/claims/pr/{owner}/{name}/{number}.json"


def period_start(now: datetime, period_days: int) -> date:
    """Fixed windows of ``period_days`` counted from 1970-01-01 (UTC): stable across
    replicas and re-runs, which a rolling window read from history would not be."""
    epoch = date(1970, 1, 1)
    days = (now.astimezone(UTC).date() - epoch).days
    return epoch + timedelta(days=days - days % period_days)


def usable_email(address: str) -> bool:
    """A deliverable personal address: not GitHub's noreply relay and not a bot's."""
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in address):
        return False
    domain = domain.lower()
    if any(domain == d or domain.endswith("." + d) for d in NOREPLY_DOMAINS):
        return False
    return not local.lower().endswith("[bot]") and not local.lower().startswith("noreply")


def pick_email(login: str, commit_emails: Sequence[tuple[str, str]], profile_email: str) -> str:
    """The first usable commit e-mail of this login, else the public profile e-mail, else ""."""
    for commit_login, address in commit_emails:
        if commit_login.lower() == login.lower() and usable_email(address):
            return address.strip()
    return profile_email.strip() if usable_email(profile_email) else ""


def membership_exclusion(org: str, is_member: bool, teams: Mapping[str, Sequence[str]],
                         login: str) -> str | None:
    """Why an org or team member gets no reward (``teams``: ``org/slug`` -> logins)."""
    if is_member:
        return SKIP_MEMBER.format(org=org)
    for team, members in teams.items():
        if login.lower() in {m.lower() for m in members}:
            return SKIP_TEAM.format(team=team)
    return None


def team_ref(entry: str, default_org: str) -> tuple[str, str]:
    """``org/slug`` or a bare ``slug`` (the repository's org) as (org, slug)."""
    org, _, slug = entry.rpartition("/")
    return (org or default_org), slug


# ------------------------------------------------------------------ the ladder first


def hold_reason(record: PersonRecord, config: Config, now: datetime) -> str | None:
    """Why a reward waits for a moderator: an active ban, or a step (not pardoned) within
    ``recognition.hold_if_step_within_days``; None: nothing on record stands in the way."""
    active = record.active()
    if any(blocking(i, now) for i in active):
        return "the author is under an active ban"
    since = now - timedelta(days=config.recognition.hold_if_step_within_days)
    recent = [i for i in active if i.at >= since and i.step is not Step.NONE]
    if recent and config.recognition.hold_if_step_within_days:
        last = max(recent, key=lambda i: i.at)
        step = last.step.name.lower().replace("_", "-")
        return f"the author had a {step} on {last.at:%Y-%m-%d}"
    return None


def held(plan: Plan, record: PersonRecord, config: Config, now: datetime) -> Plan:
    """The reward plan, held with a review item when the author's record asks for it."""
    reward = next((a for a in plan.actions if isinstance(a, Reward)), None)
    why = hold_reason(record, config, now) if reward else None
    if reward is None or why is None:
        return plan
    ref = f"{reward.repo}#{reward.number}"
    review = RecordReview(reward.login, f"reward-hold:{ref.lower()}", reward.url,
                          f"reward (tier {reward.tier}) held: {why}; `/coc reward release "
                          f"{ref}` sends it, `/coc reward drop {ref}` drops it",
                          ("recognition.hold",))
    return replace(plan, actions=(HoldReward(reward, why, now), review),
                   reasons=(*plan.reasons, f"reward held: {why}"))
