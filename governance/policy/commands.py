"""Moderator commands and community reports: parse a ``/coc`` comment, decide its plan.

Pure: the caller resolves who the actor is (``actor_permission``), which comment a command
points at (``target``) and the subject's ledger record, and carries the plan out.

Grammar (one command per comment; quoted lines above it are allowed, as GitHub's "Quote
reply" puts them there, and pick the comment the command is about)::

    /coc hide [spam|off-topic|abuse|outdated|duplicate] [reason]
    /coc unhide [reason]
    /coc warn @login [reason]
    /coc ban @login [7d|12h|2w|permanent] [reason]
    /coc unban @login [reason]
    /coc pardon @login [reason]
    /coc note @login text
    /coc report [reason]            (anyone)

``hide``, ``unhide`` and ``report`` act on the comment quoted above the command, or else on
the comment just before it in the thread.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from governance import messages
from governance.config.types import Config
from governance.model import (
    Action,
    ContentEvent,
    HideClassifier,
    HideComment,
    Incident,
    Notify,
    PersonRecord,
    Plan,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
    Skip,
    Step,
    Surface,
    Target,
    UnblockUser,
    UnhideComment,
)
from governance.policy.moderation import (
    NOTICE_TEMPLATES,
    ban_actions,
    limit_end,
    notice_template,
    pull_request_of,
    quiet_days,
    recent_incident,
    target_of,
    unsent,
)


class Verb(enum.StrEnum):
    HIDE = "hide"
    UNHIDE = "unhide"
    WARN = "warn"
    BAN = "ban"
    UNBAN = "unban"
    PARDON = "pardon"
    NOTE = "note"
    REPORT = "report"


NEEDS_LOGIN = frozenset({Verb.WARN, Verb.BAN, Verb.UNBAN, Verb.PARDON, Verb.NOTE})
NEEDS_TARGET = frozenset({Verb.HIDE, Verb.UNHIDE, Verb.REPORT})
ANYONE = frozenset({Verb.REPORT})
# GitHub reports maintain as write in the legacy field; "moderator" means the configured team.
MODERATOR_PERMISSIONS = frozenset({"admin", "maintain", "write", "moderator"})
CLASSIFIER_WORDS: dict[str, HideClassifier] = {
    "spam": HideClassifier.SPAM,
    "abuse": HideClassifier.ABUSE,
    "off-topic": HideClassifier.OFF_TOPIC,
    "outdated": HideClassifier.OUTDATED,
    "duplicate": HideClassifier.DUPLICATE,
}
PERMANENT_WORDS = frozenset({"permanent", "permanently", "forever"})
MAX_BAN = timedelta(days=365)

_COMMAND_LINE = re.compile(r"^/coc(?:\s+(?P<verb>\S+))?(?P<rest>(?:\s.*)?)$", re.IGNORECASE)
_LOGIN = re.compile(r"^@(?P<login>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$")
_DURATION = re.compile(r"^(?P<n>\d{1,4})(?P<unit>[hdw])$", re.IGNORECASE)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


@dataclass(frozen=True, slots=True)
class Command:
    verb: Verb | None  # None: an unknown verb (see ``error``)
    login: str = ""
    duration: timedelta | None = None
    permanent: bool = False
    reason: str = ""
    quote: str = ""  # text quoted above the command: which comment it is about
    error: str = ""  # the command is malformed; nothing is done


@dataclass(frozen=True, slots=True)
class TargetComment:
    """The comment a hide, unhide or report is about (found by the caller)."""

    target: Target
    author: str
    body: str


# ----------------------------------------------------------------------------- parsing


def is_command(body: str) -> bool:
    return parse_command(body) is not None


def parse_command(body: str) -> Command | None:
    """The command in a comment, or None when the comment is not a ``/coc`` command."""
    lines = body.strip().splitlines()
    quoted: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            quoted.append(stripped.lstrip(">").strip())
            continue
        if not stripped:
            continue
        match = _COMMAND_LINE.match(stripped)
        if match is None:
            return None
        rest = [match["rest"].strip(), *lines[index + 1:]]
        return _command(match["verb"] or "", "\n".join(rest).strip(), " ".join(quoted).strip())
    return None


def _command(verb_word: str, rest: str, quote: str) -> Command:
    try:
        verb = Verb(verb_word.lower())
    except ValueError:
        return Command(None, quote=quote, error=f"unknown command '/coc {verb_word}'")
    words = rest.split(None, 1)
    login = ""
    if verb in NEEDS_LOGIN:
        match = _LOGIN.match(words[0]) if words else None
        if match is None:
            return Command(verb, quote=quote, error=f"/coc {verb} needs an @login")
        login, rest = match["login"], words[1] if len(words) > 1 else ""
    if verb is Verb.BAN:
        return _ban(login, rest, quote)
    if verb is Verb.NOTE and not rest:
        return Command(verb, login, quote=quote, error="/coc note needs a text")
    return Command(verb, login, reason=rest, quote=quote)


def _ban(login: str, rest: str, quote: str) -> Command:
    words = rest.split(None, 1)
    first = words[0].lower() if words else ""
    tail = words[1] if len(words) > 1 else ""
    if first in PERMANENT_WORDS:
        return Command(Verb.BAN, login, permanent=True, reason=tail, quote=quote)
    match = _DURATION.match(first)
    if match is None:
        return Command(Verb.BAN, login, reason=rest, quote=quote)
    duration = int(match["n"]) * _UNITS[match["unit"].lower()]
    if not timedelta(hours=1) <= duration <= MAX_BAN:
        return Command(Verb.BAN, login, quote=quote,
                       error=f"a ban lasts from 1h to {MAX_BAN.days}d, not {first}")
    return Command(Verb.BAN, login, duration, reason=tail, quote=quote)


# ---------------------------------------------------------------------------- planning


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What every verb's planner needs."""

    command: Command
    event: ContentEvent
    record: PersonRecord
    config: Config
    now: datetime
    target: TargetComment | None

    @property
    def actor(self) -> str:
        return self.event.author.login

    @property
    def key(self) -> str:
        return self.event.node_id

    def hide_command(self) -> HideComment:
        return HideComment(target_of(self.event), HideClassifier.RESOLVED)


def plan_key(event: ContentEvent) -> str:
    return f"coc-command:{event.node_id}"


def plan_command(command: Command, event: ContentEvent, actor_permission: str,
                 record: PersonRecord, config: Config, now: datetime, *,
                 target: TargetComment | None = None) -> Plan:
    """What a ``/coc`` comment leads to. ``record`` is the subject's: the @login of the
    command, or the author of the target comment."""
    ctx = _Ctx(command, event, record, config, now, target)
    reason = _refusal(ctx, actor_permission)
    if reason:
        return Plan(plan_key(event), (Skip(reason),), (reason,), None, config.dry_run)
    if event.node_id in record.entry_keys or record.knows(event.node_id):
        why = "this command was already carried out"
        again = (*_unsent_notice(ctx), ctx.hide_command())
        return Plan(plan_key(event), again, (why,), None, config.dry_run)
    actions = _PLANNERS[_verb(command)](ctx)
    why = f"/coc {command.verb} by @{event.author.login}"
    return Plan(plan_key(event), tuple(actions), (why,), None, config.dry_run)


def _verb(command: Command) -> Verb:
    assert command.verb is not None  # _refusal turned unknown verbs away
    return command.verb


def _refusal(ctx: _Ctx, permission: str) -> str:
    command, event = ctx.command, ctx.event
    if event.author.is_bot:
        return "commands from bots are ignored"
    if command.verb not in ANYONE and permission not in MODERATOR_PERMISSIONS:
        return (f"@{event.author.login} may not use /coc {command.verb or ''} "
                f"(permission {permission or 'none'}); ignored").replace("  ", " ")
    if command.error:
        return command.error
    if command.verb in NEEDS_TARGET and ctx.target is None:
        return f"/coc {command.verb}: no comment above it to act on in this thread"
    if command.login and command.login.lower() == event.author.login.lower() \
            and command.verb in (Verb.WARN, Verb.BAN):
        return f"/coc {command.verb} cannot be used on oneself"
    return ""


def _subject_target(ctx: _Ctx) -> TargetComment:
    assert ctx.target is not None  # _refusal checked it
    return ctx.target


def _plan_hide(ctx: _Ctx) -> list[Action]:
    target = _subject_target(ctx)
    words = ctx.command.reason.split(None, 1)
    classifier = CLASSIFIER_WORDS.get(words[0].lower()) if words else None
    reason = (words[1] if len(words) > 1 else "") if classifier else ctx.command.reason
    classifier = classifier or HideClassifier.ABUSE
    text = f"Comment hidden as {classifier.value} by @{ctx.actor}. Reason: {reason or 'none given'}"
    return [HideComment(target.target, classifier),
            RecordNote(target.author, ctx.key, text, ctx.actor, ctx.now, target.target.url,
                       target.body),
            ctx.hide_command()]


def _plan_unhide(ctx: _Ctx) -> list[Action]:
    target = _subject_target(ctx)
    incident = next((i for i in ctx.record.active() if i.key == target.target.node_id), None)
    out: list[Action] = [UnhideComment(target.target)]
    if incident is None:
        text = f"Comment restored by @{ctx.actor}. Reason: {ctx.command.reason or 'none given'}"
        out.append(RecordNote(target.author, ctx.key, text, ctx.actor, ctx.now,
                              target.target.url))
    else:
        out += _undo(ctx, target.author, incident, restore=False)
    return [*out, ctx.hide_command()]


def _plan_pardon(ctx: _Ctx) -> list[Action]:
    active = ctx.record.active()
    if not active:
        return [Skip(f"@{ctx.command.login} has no step on record to pardon"),
                ctx.hide_command()]
    last = max(active, key=lambda i: (i.at, i.step))
    return [*_undo(ctx, ctx.command.login, last, restore=True), ctx.hide_command()]


def _undo(ctx: _Ctx, login: str, incident: Incident, *, restore: bool) -> list[Action]:
    """Undo one step: restore hidden content, lift its block, record it (a false positive
    when the bot took the step)."""
    out: list[Action] = []
    if restore and incident.by == "bot" and _minimizable_url(incident.url):
        out.append(UnhideComment(_incident_target(incident)))
    if _blocking(incident, ctx.now) and not _other_blocks(ctx.record, incident, ctx.now):
        out += _unblock(ctx, org_of(incident.url, ctx.event.repo.owner), login, True)
    pardon = RecordPardon(
        login, ctx.key, incident.key, ctx.actor, ctx.now, false_positive=incident.by == "bot",
        rule_ids=incident.rule_ids, reason=ctx.command.reason,
        actions_taken=tuple(a.summary() for a in out))
    return [*out, pardon]


def _plan_warn(ctx: _Ctx) -> list[Action]:
    return _moderator_step(ctx, Step.WARNING, None)


def _plan_ban(ctx: _Ctx) -> list[Action]:
    command = ctx.command
    if command.permanent:
        return _moderator_step(ctx, Step.PERMANENT_BAN, None)
    days = timedelta(days=ctx.config.ladder.temporary_ban_days)
    until = ctx.now + (command.duration or days)
    return _moderator_step(ctx, Step.TEMPORARY_BAN, until)


def _moderator_step(ctx: _Ctx, step: Step, until: datetime | None) -> list[Action]:
    login, repo = ctx.command.login, ctx.event.repo
    thread = thread_url(ctx.event.html_url)
    out: list[Action] = []
    told: list[str] = []
    if step >= Step.TEMPORARY_BAN:
        length = until - ctx.now if until else None
        out, told = ban_actions(repo, login, until, length, ctx.config)
    incident = Incident(ctx.key, ctx.now, None, (f"moderator.{ctx.command.verb}",), step,
                        thread, ctx.actor, until)
    notify = _notice(ctx, incident)
    record = RecordIncident(login, incident, f"moderator decision: {ctx.command.reason or '-'}",
                            actions_taken=(*(a.summary() for a in [*out, notify]), *told),
                            basis=ctx.record.revision)
    return [*out, record, notify, ctx.hide_command()]


def _notice(ctx: _Ctx, incident: Incident) -> Notify:
    """The private notice of a moderator's step to the person it is about."""
    template = notice_template(incident.step, ctx.event.repo, ctx.config)
    return Notify(ctx.command.login, template, incident.step,
                  ctx.command.reason or "the code of conduct", incident.url,
                  ctx.event.repo.full_name, incident=incident.key, at=ctx.now,
                  until=incident.expires_at, quiet_days=quiet_days(incident.step, ctx.config),
                  pull_request=pull_request_of(ctx.event),
                  limit_until=limit_end(template, ctx.now, incident.expires_at))


def _unsent_notice(ctx: _Ctx) -> list[Action]:
    """A redelivered command whose step is recorded but whose notice never went out."""
    known = recent_incident(ctx.record, ctx.key, ctx.now)
    if known is None or known.step not in NOTICE_TEMPLATES or not ctx.command.login:
        return []
    return unsent(_notice(ctx, known), ctx.record)


def _plan_unban(ctx: _Ctx) -> list[Action]:
    login = ctx.command.login
    bans = [i for i in ctx.record.active() if _blocking(i, ctx.now)]
    orgs = dict.fromkeys(org_of(i.url, ctx.event.repo.owner) for i in bans) \
        or {ctx.event.repo.owner: None}
    out: list[Action] = [a for org in orgs for a in _unblock(ctx, org, login, bool(bans))]
    out += [RecordBanLifted(login, f"{ctx.key}:{i.key}", i.key, ctx.actor, ctx.now) for i in bans]
    if not bans:
        text = f"Unblocked by @{ctx.actor} (no ban on record). Reason: {ctx.command.reason or '-'}"
        out.append(RecordNote(login, ctx.key, text, ctx.actor, ctx.now))
    return [*out, ctx.hide_command()]


def _unblock(ctx: _Ctx, org: str, login: str, banned: bool) -> list[Action]:
    """Lift a block, except in a user account's repositories: nobody can be blocked there
    with an installation token, so the ledger notes what is left to the owner (report-only)
    or to GitHub (a collaborators-only limit runs out by itself; lifting it early could
    open the repository while another ban still needs it). ``banned``: a ban is lifted."""
    repo = ctx.event.repo
    if org.lower() != repo.owner.lower() or repo.owned_by_org:
        return [UnblockUser(org, login)]
    if not banned:
        return []
    if ctx.config.ladder.user_repository_bans == "collaborators-only":
        text = messages.USER_REPO_LIMIT_LEFT.format(repo=repo.full_name)
    else:
        text = messages.USER_REPO_UNBLOCK_BY_OWNER.format(owner=repo.owner, login=login)
    return [RecordNote(login, f"{ctx.key}:user-repository", text, ctx.actor, ctx.now,
                       thread_url(ctx.event.html_url))]


def _plan_note(ctx: _Ctx) -> list[Action]:
    note = RecordNote(ctx.command.login, ctx.key, ctx.command.reason, ctx.actor, ctx.now,
                      thread_url(ctx.event.html_url), resolves_reviews=True)
    return [note, ctx.hide_command()]


def _plan_report(ctx: _Ctx) -> list[Action]:
    target = _subject_target(ctx)
    why = f"reported by @{ctx.actor}: {ctx.command.reason or 'no reason given'}"
    review = RecordReview(target.author, ctx.key, target.target.url, why, (), target.body)
    return [review, ctx.hide_command()]


_PLANNERS = {
    Verb.HIDE: _plan_hide,
    Verb.UNHIDE: _plan_unhide,
    Verb.WARN: _plan_warn,
    Verb.BAN: _plan_ban,
    Verb.UNBAN: _plan_unban,
    Verb.PARDON: _plan_pardon,
    Verb.NOTE: _plan_note,
    Verb.REPORT: _plan_report,
}


# ----------------------------------------------------------------------------- helpers


def blocking(incident: Incident, now: datetime) -> bool:
    """Does this step keep the person blocked right now?"""
    return _blocking(incident, now)


def _blocking(incident: Incident, now: datetime) -> bool:
    if incident.pardoned or incident.lifted_at is not None:
        return False
    if incident.step is Step.PERMANENT_BAN:
        return True
    return incident.step is Step.TEMPORARY_BAN and (incident.expires_at or now) > now


def _other_blocks(record: PersonRecord, incident: Incident, now: datetime) -> bool:
    return any(_blocking(i, now) for i in record.active() if i.key != incident.key)


_COMMENT_ANCHORS = ("#issuecomment-", "#discussion_r", "#pullrequestreview-",
                    "#discussioncomment-")
_URL_OWNER = re.compile(r"^https://github\.com/(?P<owner>[^/]+)/")


def _minimizable_url(url: str) -> bool:
    return any(anchor in url for anchor in _COMMENT_ANCHORS)


def _incident_target(incident: Incident) -> Target:
    match = _URL_OWNER.match(incident.url)
    repo = "/".join(incident.url.split("/")[3:5]) if match else ""
    return Target(repo, Surface.ISSUE_COMMENT, 0, incident.key, 0, incident.url)


def org_of(url: str, default: str) -> str:
    """The owner in a github.com URL: where a step's block applies."""
    match = _URL_OWNER.match(url)
    return match["owner"] if match else default


def thread_url(url: str) -> str:
    return url.split("#", 1)[0]
