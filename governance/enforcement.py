"""Enforcement use cases: moderator commands, community reports and the sweep.

Each gathers its inputs through the ports (who the actor is, which comment a command is
about, the subject's ledger record), asks the pure policy for a plan and carries it out.
Nothing here imports the service; the service calls ``handle_command`` for ``/coc`` comments.
Plans are carried out by the one ``Executor`` the service uses too.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol, runtime_checkable

from governance import messages
from governance.config.types import Config
from governance.executor import Executor
from governance.ledger.state import EntryKind, PersonState
from governance.model import (
    ContentEvent,
    Notify,
    PersonRecord,
    Plan,
    RecordNote,
    Skip,
    Surface,
    Target,
)
from governance.policy.commands import (
    ANYONE,
    MODERATOR_PERMISSIONS,
    NEEDS_TARGET,
    Command,
    TargetComment,
    is_command,
    parse_command,
    plan_command,
    plan_key,
)
from governance.policy.moderation import notice_templates
from governance.policy.sweep import (
    NOTICE_CLAIM,
    SWEEPER,
    PlannedNotice,
    claim_key,
    sweep_plan,
)
from governance.ports import CommentRef, GitHub, LedgerStore, NotFound, StaleRecord

log = logging.getLogger("governance.enforcement")

ATTEMPTS = 3  # decide again this often when the record changed under a command


# ------------------------------------------------------------------------- commands


async def handle_command(event: ContentEvent, config: Config, github: GitHub,
                         ledger: LedgerStore | None, now: datetime, *, dry_run: bool = False,
                         executor: Executor | None = None) -> Plan:
    """Carry out one ``/coc`` comment (unless dry-run) and return its plan. ``executor``:
    the service's (with its mailer); by default one over ``github`` and ``ledger``."""
    command = parse_command(event.body)
    skip = _not_for_us(event, command, ledger)
    if skip or command is None:
        why = skip or "not a /coc command"
        return Plan(plan_key(event), (Skip(why),), (why,), None, True)
    permission = await actor_permission(github, event, command, config)
    target = await resolve_target(github, event, command)
    dry = dry_run or config.dry_run
    for _ in range(ATTEMPTS):
        record = await _subject_record(ledger, command, target)
        plan = replace(plan_command(command, event, permission, record, config, now,
                                    target=target), dry_run=dry)
        _log_refusal(plan, event)
        if dry:
            return plan
        try:
            await (executor or Executor(github, ledger)).carry_out(plan)
        except StaleRecord:
            log.info("record of the subject changed under %s; deciding again", plan.key)
            continue
        return plan
    raise StaleRecord(f"{plan_key(event)}: the record kept changing")


def _not_for_us(event: ContentEvent, command: Command | None, ledger: LedgerStore | None
                ) -> str:
    if command is None:
        return "not a /coc command"
    if ledger is None:  # confirmations, reports and notes live there
        return "no ledger repository is configured, so /coc commands are not carried out"
    if event.action != "created":
        return "edited commands are not carried out; post a new comment"
    if not event.surface.minimizable:
        return "commands are read from comments only"
    return ""


async def actor_permission(github: GitHub, event: ContentEvent, command: Command,
                           config: Config) -> str:
    """The actor's permission on the repository, or "moderator" for the configured team."""
    if command.verb in ANYONE:
        return "anyone"
    login = event.author.login
    permission = await github.permission(event.repo.full_name, login)
    if permission in MODERATOR_PERMISSIONS:
        return permission
    team = config.ledger.moderators_team
    if "/" in team:
        org, slug = team.split("/", 1)
        try:
            members = await github.team_members(org, slug)
        except NotFound:
            log.warning("moderators team %s not found", team)
            return permission
        if login.lower() in {m.lower() for m in members}:
            return "moderator"
    return permission


async def resolve_target(github: GitHub, event: ContentEvent, command: Command
                         ) -> TargetComment | None:
    """The comment quoted above the command, else the comment before it (issues and PRs;
    review and discussion threads cannot be listed through the port, so: None)."""
    if command.verb not in NEEDS_TARGET or event.surface is not Surface.ISSUE_COMMENT:
        return None
    repo = event.repo.full_name
    comments = await github.issue_comments(repo, event.number)
    earlier = [c for c in _before(comments, event) if not is_command(c.body)]
    chosen = _quoted(earlier, command.quote) if command.quote else None
    chosen = chosen or (earlier[-1] if earlier and not command.quote else None)
    if chosen is None:
        return None
    target = Target(repo, Surface.ISSUE_COMMENT, event.number, chosen.node_id, chosen.id,
                    chosen.url)
    return TargetComment(target, chosen.author, chosen.body)


def _before(comments: Sequence[CommentRef], event: ContentEvent) -> list[CommentRef]:
    for index, comment in enumerate(comments):
        if comment.node_id == event.node_id or comment.id == event.rest_id:
            return list(comments[:index])
    if event.created_at is None:
        return list(comments)
    return [c for c in comments if c.created_at is None or c.created_at < event.created_at]


def _quoted(comments: list[CommentRef], quote: str) -> CommentRef | None:
    wanted = _squash(quote)[:200]
    return next((c for c in reversed(comments) if wanted and wanted in _squash(c.body)), None)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


async def _subject_record(ledger: LedgerStore | None, command: Command,
                          target: TargetComment | None) -> PersonRecord:
    login = command.login or (target.author if target else "")
    if ledger is None or not login:
        return PersonRecord(login)
    return await ledger.record_for(login)


def _log_refusal(plan: Plan, event: ContentEvent) -> None:
    if plan.effective:
        return
    log.info("/coc from @%s in %s not carried out: %s", event.author.login,
             event.repo.full_name, "; ".join(plan.reasons))


# ---------------------------------------------------------------------------- sweep


@runtime_checkable
class EntryLedger(Protocol):
    """A ledger that shows each entry (``GitHubLedger``): what a step's notice needs."""

    async def state_for(self, login: str) -> PersonState: ...


async def sweep(github: GitHub, ledger: LedgerStore, now: datetime, dry_run: bool, *,
                default_org: str = "", executor: Executor | None = None,
                notices: bool = False, config: Config | None = None) -> list[Plan]:
    """Lift expired temporary bans and repair ledger views; with ``notices``, also send the
    private notices of recent steps that never went out (give ``executor`` the mailer, or
    they are kept in the ledger; ``config`` gives a warning's quiet period). Safe to run on
    several replicas at once: unblocking is idempotent, the ledger write is a
    compare-and-swap, and a notice goes out from the replica whose claim the ledger kept."""
    executor = executor or Executor(github, ledger)
    quiet_days = _quiet_days(config)
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


def _quiet_days(config: Config | None) -> int:
    if config is None:
        from governance.config.defaults import default_config

        config = default_config()
    return config.ladder.warning_quiet_days


async def _read_person(ledger: LedgerStore, login: str, notices: bool
                       ) -> tuple[PersonRecord, list[PlannedNotice]]:
    """The person's record and, when notices are swept, the notices their steps planned."""
    if not notices or not isinstance(ledger, EntryLedger):
        return await ledger.record_for(login), []
    state = await ledger.state_for(login)
    return state.record(), planned_notices(state)


# What ``policy.commands`` records as a moderator step's summary, before the reason.
MODERATOR_DECISION = "moderator decision: "
NO_REASON = "the code of conduct"  # what a moderator's notice says without a reason


def planned_notices(state: PersonState) -> list[PlannedNotice]:
    """Steps whose ledger entry lists a private notice among what was done (a warning
    posted as a public comment has none), with the reason the notice gives."""
    out: list[PlannedNotice] = []
    for entry in state.of_kind(EntryKind.INCIDENT):
        taken = {str(t).lower() for t in entry.get("actions_taken", ()) or ()}
        template = next((t for t in notice_templates(entry.step)
                         if Notify(state.login, t).summary().lower() in taken), None)
        if template:
            out.append(PlannedNotice(entry.key, _reason(entry.get("category"),
                                                        str(entry.get("rule_summary", ""))),
                                     template))
    return out


def _reason(category: object, rule_summary: str) -> str:
    if category:
        return str(category)
    reason = rule_summary.removeprefix(MODERATOR_DECISION).strip()
    return reason if reason and reason != "-" and reason != rule_summary else NO_REASON


async def _sweep_one(executor: Executor, ledger: LedgerStore, plan: Plan | None,
                     login: str, now: datetime) -> None:
    if plan is None:
        repair = getattr(ledger, "repair", None)
        if repair is not None:
            await repair(login)
        return
    for action in plan.actions:
        if isinstance(action, Notify) and not await _claimed(ledger, action, now):
            log.info("another sweep sends the notice of %s; skipped", action.incident)
            continue
        await executor.dispatch(action, plan.key)


async def _claimed(ledger: LedgerStore, notice: Notify, now: datetime) -> bool:
    """Claim ``notice`` with a ledger note naming this run; True when ours is the one kept."""
    if not isinstance(ledger, EntryLedger):
        return False
    key = claim_key(notice, now)
    text = NOTICE_CLAIM.substitute(what=messages.NOTICE_TITLES[notice.template].lower(),
                                   run=secrets.token_hex(4))
    await ledger.record_note(RecordNote(notice.login, key, text, SWEEPER, now, notice.url))
    state = await ledger.state_for(notice.login)
    kept = next((e for e in state.of_kind(EntryKind.NOTE) if e.key == key), None)
    return kept is not None and kept.get("text") == text
