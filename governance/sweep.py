"""The sweep: every scheduled duty for one ledger, composed once.

``governance sweep`` (the CLI), the Action's scheduled run and the App's timer all call
``sweep``; they only choose which ledgers to sweep (``LedgerToSweep``) and render the
``SweepReport``. The duties, each idempotent and safe on several replicas at once:

1. people: lift expired temporary bans, repair ledger views, and send the private notices
   of recent steps that never went out (each claimed in the ledger before it is sent);
2. rewards: move pending rewards on (a dry run lists the ones it would move on);
3. notifications: the moderators' round, when the ledger's config turns it on;
4. experts: the expert programme's monthly step, for the repository the target names.

A duty that fails is reported (``SweepReport.failures``) and the others still run: each
edge then says so its own way (an exit status, a job summary, a log line).

What the edges used to choose differently is decided here once:
- the config is the one the edge read for the ledger from its config source (the Action's
  ``config:`` input included); it is never read again here;
- a ban whose incident names no organisation is lifted in the ledger's owner: that depends
  on the ledger alone, so every edge sweeping it lifts the same bans (the repository owner
  an Action runs in would differ between repositories sharing one ledger);
- the time is ``deps.clock``'s, for the decisions and the ledger's writes alike.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from governance import messages
from governance.config.defaults import default_config
from governance.config.types import Config
from governance.executor import Executor
from governance.experts.service import ExpertProgramme, SweepOutcome
from governance.ledger.notify import Post, notify_moderators
from governance.ledger.state import NO_REASON, EntryKind, PersonState
from governance.ledger.store import GitHubLedger
from governance.model import (
    Action,
    Notify,
    PersonRecord,
    Plan,
    RecordBanLifted,
    RecordNote,
    Skip,
)
from governance.policy.sweep import (
    NOTICE_CLAIM,
    SWEEPER,
    PlannedNotice,
    claim_key,
    sweep_plan,
)
from governance.ports import Clock, GitHub, LedgerStore, Mailer
from governance.rewards.flow import RewardDeps, RewardOutcome
from governance.rewards.usecases import retry_pending, rewards_to_retry

log = logging.getLogger("governance.sweep")

WOULD_RETRY = "would be retried"  # a dry run's detail of a pending reward
T = TypeVar("T")


class ExpertStepsFailed(Exception):
    """Steps of the expert programme failed; the next run tries them again. The message
    is a count (safe for a public job summary); ``steps`` says which."""

    def __init__(self, steps: tuple[str, ...]) -> None:
        super().__init__(f"expert programme: {len(steps)} step(s) failed; the next run "
                         "tries them again")
        self.steps = steps


@dataclass(frozen=True, slots=True)
class LedgerToSweep:
    """One ledger, the config that names it (None: defaults, and no notifications or
    expert programme), and the repository whose expert programme runs with it."""

    ledger: str
    config: Config | None = None
    experts_repo: str | None = None


@dataclass(frozen=True, slots=True)
class SweepDeps:
    """What one sweep of one ledger needs. The edge chooses ``target`` and hands in the
    deployment's clients (``runtime.Wiring.sweep_deps``); nothing here reads settings or the
    system clock."""

    target: LedgerToSweep
    github: GitHub
    clock: Clock
    mailer: Mailer | None  # lost notices and the moderators' digest (None: kept in the ledger)
    rewards: RewardDeps  # moves pending rewards on
    experts: ExpertProgramme | None = None  # None: no expert programme here
    post: Post | None = None  # the moderators' webhook messages
    webhook_url: str = ""  # the deployment's MODERATORS_WEBHOOK_URL, never the config's


@dataclass(frozen=True, slots=True)
class SweepFailure:
    """A duty that failed as a whole (one person's failure is a plan in ``people``)."""

    job: str  # "bans and notices", "rewards", "notifications" or "expert programme"
    error: Exception


@dataclass(frozen=True, slots=True)
class SweepReport:
    """What one sweep of one ledger did (or, dry, would do)."""

    ledger: str
    dry_run: bool
    people: tuple[Plan, ...] = ()  # per person: lifted bans, lost notices, a failure
    rewards: tuple[RewardOutcome, ...] = ()  # pending rewards moved on (dry: to move on)
    notifications: tuple[str, ...] = ()  # the moderators' round, without personal data
    experts: SweepOutcome | None = None
    failures: tuple[SweepFailure, ...] = ()

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action planned for people and by the expert programme, in order."""
        plans = (*self.people, *((self.experts.plan,) if self.experts else ()))
        return tuple(a for plan in plans for a in plan.actions)

    @property
    def lifted_bans(self) -> tuple[RecordBanLifted, ...]:
        return tuple(a for a in self.actions if isinstance(a, RecordBanLifted))

    @property
    def notices(self) -> tuple[Notify, ...]:
        return tuple(a for p in self.people for a in p.actions if isinstance(a, Notify))

    @property
    def pending_rewards(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rewards)


async def sweep(deps: SweepDeps, *, dry_run: bool) -> SweepReport:
    """Every duty for ``deps.target``'s ledger; see the module's docstring."""
    target, now = deps.target, deps.clock.now()
    ledger = GitHubLedger(deps.github, target.ledger, deps.clock)
    failures: list[SweepFailure] = []

    async def duty(job: str, work: Awaitable[T], nothing: T) -> T:
        try:
            return await work
        except Exception as exc:  # reported; the other duties still run
            failures.append(SweepFailure(job, exc))
            return nothing

    people = await duty("bans and notices", sweep_people(
        deps.github, ledger, now, dry_run, default_org=target.ledger.split("/")[0],
        executor=Executor(deps.github, ledger, deps.mailer), notices=True,
        config=target.config), [])
    rewards = await duty("rewards", _rewards(deps, dry_run), [])
    notified = await duty("notifications", _notifications(deps, ledger, now, dry_run), [])
    experts = await duty("expert programme", _experts(deps, now, dry_run), None)
    return SweepReport(target.ledger, dry_run, tuple(people), tuple(rewards), tuple(notified),
                       experts, tuple(failures))


async def _rewards(deps: SweepDeps, dry_run: bool) -> list[RewardOutcome]:
    ledger = deps.target.ledger
    if dry_run:
        return [RewardOutcome(e.key, e.state, WOULD_RETRY)
                for e in await rewards_to_retry(deps.github, ledger)]
    return await retry_pending(deps.rewards, ledger)


async def _notifications(deps: SweepDeps, ledger: GitHubLedger, now: datetime,
                         dry_run: bool) -> list[str]:
    config = deps.target.config
    if config is None or not config.notifications.enabled:
        return []
    return await notify_moderators(ledger, config.notifications, now, mailer=deps.mailer,
                                   post=deps.post, webhook_url=deps.webhook_url,
                                   dry_run=dry_run)


async def _experts(deps: SweepDeps, now: datetime, dry_run: bool) -> SweepOutcome | None:
    config, repo = deps.target.config, deps.target.experts_repo
    if deps.experts is None or config is None or not repo or not config.experts.enabled:
        return None
    outcome = await deps.experts.sweep(config, repo, now, dry_run=dry_run)
    if outcome.failed:
        raise ExpertStepsFailed(outcome.failed)
    return outcome


# ---------------------------------------------------------------------------- people


async def sweep_people(github: GitHub, ledger: LedgerStore, now: datetime, dry_run: bool, *,
                       default_org: str = "", executor: Executor | None = None,
                       notices: bool = False, config: Config | None = None) -> list[Plan]:
    """Lift expired temporary bans and repair ledger views; with ``notices``, also send the
    private notices of recent steps that never went out (give ``executor`` the mailer, or
    they are kept in the ledger; ``config`` gives a warning's quiet period). Safe to run on
    several replicas at once: unblocking is idempotent, the ledger write is a
    compare-and-swap, and a notice goes out from the replica whose claim the ledger kept."""
    executor = executor or Executor(github, ledger)
    quiet_days = (config or default_config()).ladder.warning_quiet_days
    plans: list[Plan] = []
    for login in await ledger.people():
        record, planned = await _read_person(ledger, login, notices)
        plan = sweep_plan(record, now, default_org, planned, quiet_days)
        if plan is not None:
            plans.append(replace(plan, dry_run=dry_run))
        if dry_run:
            continue
        try:
            await _sweep_one(executor, ledger, plan, login, now)
        except Exception as exc:  # one broken record must not stop the sweep for everyone
            # The workflow log of the Action is public: the login stays in the plan (and the
            # ledger); the log says only that one record failed.
            log.exception("sweep of one person's record failed; the next run tries again")
            why = f"failed: {type(exc).__name__}: {exc}"
            plans.append(Plan(f"sweep:{login}", (Skip(why),), (why,), None, False))
    return plans


async def _read_person(ledger: LedgerStore, login: str, notices: bool
                       ) -> tuple[PersonRecord, list[PlannedNotice]]:
    """The person's record and, when notices are swept, the notices their steps planned."""
    if not notices:
        return await ledger.record_for(login), []
    state = await ledger.state_for(login)
    return state.record(), planned_notices(state)


def planned_notices(state: PersonState) -> list[PlannedNotice]:
    """Steps whose ledger entry planned a private notice (a warning posted as a public
    comment has none), with the fields the notice was planned with."""
    out: list[PlannedNotice] = []
    for entry in state.of_kind(EntryKind.INCIDENT):
        notice = entry.get("notice")
        if isinstance(notice, dict) and notice.get("template"):
            out.append(PlannedNotice(
                entry.key, str(notice.get("reason") or NO_REASON), str(notice["template"]),
                str(notice.get("removed", "")), str(notice.get("removed_text", "")),
                bool(notice.get("secret", False))))
    return out


async def _sweep_one(executor: Executor, ledger: LedgerStore, plan: Plan | None,
                     login: str, now: datetime) -> None:
    if plan is None:
        await ledger.repair(login)
        return
    for action in plan.actions:
        if isinstance(action, Notify) and not await _claimed(ledger, action, now):
            log.info("another sweep sends the notice of %s; skipped", action.incident)
            continue
        await executor.dispatch(action, plan.key)


async def _claimed(ledger: LedgerStore, notice: Notify, now: datetime) -> bool:
    """Claim ``notice`` with a ledger note naming this run; True when ours is the one kept."""
    key = claim_key(notice, now)
    text = NOTICE_CLAIM.substitute(what=messages.NOTICE_TITLES[notice.template].lower(),
                                   run=secrets.token_hex(4))
    await ledger.record_note(RecordNote(notice.login, key, text, SWEEPER, now, notice.url))
    state = await ledger.state_for(notice.login)
    kept = next((e for e in state.of_kind(EntryKind.NOTE) if e.key == key), None)
    return kept is not None and kept.get("text") == text
