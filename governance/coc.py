"""The ``/coc`` commands as a use case: moderators' commands and community reports.

Each gathers its inputs through the ports (who the actor is, which comment a command is
about, the subject's ledger record), asks the pure policy for a plan and carries it out.
Nothing here imports the service; the service calls ``handle_command`` for ``/coc`` comments
after moderating them like any other comment.
Plans are carried out by the one ``Executor`` the service uses too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from governance.config.types import Config
from governance.executor import Executor
from governance.model import (
    ContentEvent,
    PersonRecord,
    Plan,
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
from governance.ports import CommentRef, GitHub, LedgerStore, NotFound, StaleRecord

log = logging.getLogger("governance.coc")

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
