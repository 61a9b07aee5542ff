"""Enforcement use cases: moderator commands, community reports and the sweep.

Each gathers its inputs through the ports (who the actor is, which comment a command is
about, the subject's ledger record), asks the pure policy for a plan and carries it out.
Nothing here imports the service; the service calls ``handle_command`` for ``/coc`` comments
after moderating them like any other comment.
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
from governance.ledger.state import NO_REASON, EntryKind, PersonState
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
    Refusal,
    Refused,
    TargetComment,
    appellant,
    is_command,
    parse_command,
    plan_command,
    plan_key,
    refusal,
    subject_of,
)
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
                         executor: Executor | None = None, moderated: bool = False) -> Plan:
    """Carry out one ``/coc`` comment (unless dry-run) and return its plan. ``executor``:
    the service's (with its mailer); by default one over ``github`` and ``ledger``.
    ``moderated``: moderation hid or redacted this comment, so its command is not carried
    out (moderation always comes first; a command never replaces it)."""
    command = parse_command(event.body)
    if command is None:
        why = "not a /coc command"
        return Plan(plan_key(event), (Skip(why),), (why,), None, True)
    command = appellant(command, event)
    skip = _not_for_us(event, ledger, moderated)
    if skip:
        _log_refusal(event, command, skip.kind)
        return Plan(plan_key(event), (Skip(skip.reason),), (skip.reason,), None, True)
    permission = await actor_permission(github, event, command, config)
    target = await resolve_target(github, event, command)
    subject = await subject_permission(github, event, command, target, permission, config)
    refused = refusal(command, event, permission, target, subject)
    if refused:
        _log_refusal(event, command, refused.kind)
    dry = dry_run or config.dry_run
    for _ in range(ATTEMPTS):
        record = await _subject_record(ledger, command, target)
        plan = replace(plan_command(command, event, permission, record, config, now,
                                    target=target, subject_permission=subject), dry_run=dry)
        if dry:
            return plan
        try:
            await (executor or Executor(github, ledger)).carry_out(plan)
        except StaleRecord:
            log.info("record of the subject changed under %s; deciding again", plan.key)
            continue
        return plan
    raise StaleRecord(f"{plan_key(event)}: the record kept changing")


def _not_for_us(event: ContentEvent, ledger: LedgerStore | None, moderated: bool
                ) -> Refused | None:
    if ledger is None:  # confirmations, reports and notes live there
        return Refused(Refusal.NO_LEDGER, "no ledger repository is configured, so /coc "
                       "commands are not carried out")
    if event.action != "created":
        return Refused(Refusal.EDITED, "edited commands are not carried out; post a new "
                       "comment")
    if not event.surface.minimizable:
        return Refused(Refusal.NOT_A_COMMENT, "commands are read from comments only")
    if moderated:
        return Refused(Refusal.MODERATED, "the comment was moderated under the code of "
                       "conduct, so the command in it is not carried out")
    return None


async def actor_permission(github: GitHub, event: ContentEvent, command: Command,
                           config: Config) -> str:
    """The actor's standing (see ``standing``); "anyone" for a command anyone may use."""
    if command.verb in ANYONE:
        return "anyone"
    return await standing(github, event, event.author.login, config)


async def subject_permission(github: GitHub, event: ContentEvent, command: Command,
                             target: TargetComment | None, actor: str, config: Config) -> str:
    """The standing of the person a moderator's command acts on; read only when the actor
    is a moderator (a reader's command is refused before it matters)."""
    subject = subject_of(command, target)
    if command.verb in ANYONE or actor not in MODERATOR_PERMISSIONS or not subject:
        return "none"
    return await standing(github, event, subject, config)


async def standing(github: GitHub, event: ContentEvent, login: str, config: Config) -> str:
    """The person's permission on the repository (GitHub's role name), "owner" for an owner
    of the organisation or of a personal repository, or "moderator" for a member of the
    configured moderators team without write access."""
    repo = event.repo
    permission = await github.permission(repo.full_name, login)
    if permission == "admin" and await _owner(github, event, login):
        return "owner"
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


async def _owner(github: GitHub, event: ContentEvent, login: str) -> bool:
    """Owns the organisation (GitHub: an admin membership) or the personal repository.
    An unreadable membership counts as no ownership: two admins then stay equals."""
    repo = event.repo
    if not repo.owned_by_org:
        return login.lower() == repo.owner.lower()
    return await github.org_role(repo.owner, login) == "admin"


async def resolve_target(github: GitHub, event: ContentEvent, command: Command
                         ) -> TargetComment | None:
    """The comment quoted above the command, else the comment before it (issues and PRs;
    review and discussion threads cannot be listed through the port, so: None)."""
    if command.verb not in NEEDS_TARGET or event.surface is not Surface.ISSUE_COMMENT:
        return None
    repo = event.repo.full_name
    comments = await github.issue_comments(repo, event.number)
    earlier = _before(comments, event)
    if command.quote:  # whatever was quoted, a comment starting with /coc too
        chosen = _quoted(earlier, command.quote)
    else:  # the comment before, passing over other commands
        plain = [c for c in earlier if not is_command(c.body)]
        chosen = plain[-1] if plain else None
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


def _log_refusal(event: ContentEvent, command: Command, why: Refusal) -> None:
    """A refused ``/coc`` attempt, logged as where, which verb and why: never the comment's
    text or the people in it (the comment's node id finds it for a moderator)."""
    log.info("/coc %s refused in %s (comment %s): %s", command.verb or "(unknown verb)",
             event.repo.full_name, event.node_id, why)


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
