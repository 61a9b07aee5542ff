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
    /coc resume [reason]            (end the repository's review mode: the circuit breaker)
    /coc appeal reason              (anyone: appeal one's own latest step)
    /coc uphold @login reason       (answer an open appeal: the decision stands)
    /coc reward release|drop owner/repo#N   (a reward held by the ladder)

``hide``, ``unhide`` and ``report`` act on the comment quoted above the command, or else on
the comment just before it in the thread.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
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
    ReleaseReward,
    ResumeModeration,
    Skip,
    Step,
    Surface,
    Target,
    UnblockUser,
    UnhideComment,
)
from governance.policy import appeals
from governance.policy.moderation import (
    NOTICE_TEMPLATES,
    appeal_deadline,
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
    RESUME = "resume"
    APPEAL = "appeal"
    UPHOLD = "uphold"
    REWARD = "reward"


class Role(enum.IntEnum):
    """A person's standing in the repository. Nobody acts on a person of an equal or a
    higher role, so a moderator with write access cannot warn or ban a maintainer, an
    admin or an owner, and two admins cannot ban each other."""

    NONE = 0  # triage, read, none: people the moderators look after
    WRITE = 1  # write access, or a member of the configured moderators team
    MAINTAIN = 2
    ADMIN = 3
    OWNER = 4  # an owner of the organisation, or the account a personal repository is in


class Refusal(enum.StrEnum):
    """Why a ``/coc`` comment was not carried out (a closed vocabulary: logs carry this,
    never the comment or the people in it)."""

    NO_LEDGER = "no-ledger"
    EDITED = "edited"
    NOT_A_COMMENT = "not-a-comment"
    MODERATED = "moderated"
    BOT = "bot"
    PERMISSION = "permission"
    MALFORMED = "malformed"
    NO_TARGET = "no-target"
    ONESELF = "oneself"
    RANK = "rank"


NEEDS_LOGIN = frozenset({Verb.WARN, Verb.BAN, Verb.UNBAN, Verb.PARDON, Verb.NOTE, Verb.UPHOLD})
NEEDS_REASON = frozenset({Verb.APPEAL, Verb.UPHOLD})
NEEDS_TARGET = frozenset({Verb.HIDE, Verb.UNHIDE, Verb.REPORT})
ANYONE = frozenset({Verb.REPORT, Verb.APPEAL})
# The actor's and the subject's permission on the repository, as the service resolves it:
# GitHub's roles (maintain shows as write in the legacy field, so the role name is used),
# "owner" for an owner (see ``Role``) and "moderator" for the configured team.
ROLES: dict[str, Role] = {"owner": Role.OWNER, "admin": Role.ADMIN, "maintain": Role.MAINTAIN,
                          "write": Role.WRITE, "moderator": Role.WRITE}
MODERATOR_PERMISSIONS = frozenset(ROLES)
CLASSIFIER_WORDS: dict[str, HideClassifier] = {
    "spam": HideClassifier.SPAM,
    "abuse": HideClassifier.ABUSE,
    "off-topic": HideClassifier.OFF_TOPIC,
    "outdated": HideClassifier.OUTDATED,
    "duplicate": HideClassifier.DUPLICATE,
}
PERMANENT_WORDS = frozenset({"permanent", "permanently", "forever"})
MAX_BAN = timedelta(days=365)

MAX_ECHO = 40  # characters of an unknown verb repeated in the refusal
_CODE_INDENT = 4  # columns: a line indented this far is an indented code block, not a command
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
    ref: str = ""  # /coc reward: the pull request, owner/repo#N


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
    """The command in a comment, or None when the comment is not a ``/coc`` command: the
    first line that is neither blank nor quoted must be ``/coc ...`` as written text (a
    fenced or indented code block only shows a command, it does not give one)."""
    lines = body.splitlines()
    quoted: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            quoted.append(stripped.lstrip(">").strip())
            continue
        if not stripped:
            continue
        if _indent(line) >= _CODE_INDENT:
            return None
        match = _COMMAND_LINE.match(stripped)
        if match is None:
            return None
        rest = [match["rest"].strip(), *lines[index + 1:]]
        return _command(match["verb"] or "", "\n".join(rest).strip(), " ".join(quoted).strip())
    return None


def _indent(line: str) -> int:
    """Columns of leading white space (a tab reaches the next multiple of four)."""
    expanded = line.expandtabs(_CODE_INDENT)
    return len(expanded) - len(expanded.lstrip())


def _command(verb_word: str, rest: str, quote: str) -> Command:
    try:
        verb = Verb(verb_word.lower())
    except ValueError:
        shown = verb_word if len(verb_word) <= MAX_ECHO else verb_word[:MAX_ECHO] + "…"
        return Command(None, quote=quote, error=f"unknown command '/coc {shown}'")
    words = rest.split(None, 1)
    login = ""
    if verb in NEEDS_LOGIN:
        match = _LOGIN.match(words[0]) if words else None
        if match is None:
            return Command(verb, quote=quote, error=f"/coc {verb} needs an @login")
        login, rest = match["login"], words[1] if len(words) > 1 else ""
    if verb is Verb.BAN:
        return _ban(login, rest, quote)
    if verb is Verb.REWARD:
        return _reward(rest, quote)
    if verb is Verb.NOTE and not rest:
        return Command(verb, login, quote=quote, error="/coc note needs a text")
    if verb in NEEDS_REASON and not rest:
        return Command(verb, login, quote=quote, error=f"/coc {verb} needs a reason")
    return Command(verb, login, reason=rest, quote=quote)


_PR_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9_.-]{1,100}#\d{1,9}$")
REWARD_ANSWERS = ("release", "drop")


def _reward(rest: str, quote: str) -> Command:
    words = rest.split(None, 2)
    if len(words) < 2 or words[0].lower() not in REWARD_ANSWERS or not _PR_REF.match(words[1]):
        return Command(Verb.REWARD, quote=quote,
                       error="/coc reward needs release or drop and owner/repo#N")
    return Command(Verb.REWARD, reason=words[0].lower(), quote=quote, ref=words[1])


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
class Refused:
    """A command that is not carried out: why (for logs) and what the plan says."""

    kind: Refusal
    reason: str


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
                 target: TargetComment | None = None, subject_permission: str = "none"
                 ) -> Plan:
    """What a ``/coc`` comment leads to. ``record`` is the subject's: the @login of the
    command, or the author of the target comment; ``subject_permission`` is theirs, as
    ``actor_permission`` is the actor's (keys of ``ROLES``, or GitHub's lower roles)."""
    command = appellant(command, event)
    ctx = _Ctx(command, event, record, config, now, target)
    refused = refusal(command, event, actor_permission, target, subject_permission)
    if refused:
        why = refused.reason
        return Plan(plan_key(event), (Skip(why),), (why,), None, config.dry_run)
    if event.node_id in record.entry_keys or record.knows(event.node_id):
        why = "this command was already carried out"
        again = (*_unsent_notice(ctx), ctx.hide_command())
        return Plan(plan_key(event), again, (why,), None, config.dry_run)
    actions = _PLANNERS[_verb(command)](ctx)
    why = f"/coc {command.verb} by @{event.author.login}"
    return Plan(plan_key(event), tuple(actions), (why,), None, config.dry_run)


def _verb(command: Command) -> Verb:
    assert command.verb is not None  # refusal() turned unknown verbs away
    return command.verb


def appellant(command: Command, event: ContentEvent) -> Command:
    """An appeal is about the record of the person who writes it."""
    if command.verb is Verb.APPEAL and not command.error:
        return replace(command, login=event.author.login)
    return command


def subject_of(command: Command, target: TargetComment | None) -> str:
    """Whose record a command acts on: its @login, else the target comment's author."""
    return command.login or (target.author if target else "")


def role_of(permission: str) -> Role:
    return ROLES.get(permission, Role.NONE)


def refusal(command: Command, event: ContentEvent, actor_permission: str,
            target: TargetComment | None, subject_permission: str = "none") -> Refused | None:
    """Why the command is not carried out, or None. Checked in this order: bots, the
    actor's permission, the command's form, its target, oneself, then the two roles."""
    actor, verb = event.author.login, command.verb
    if event.author.is_bot:
        return Refused(Refusal.BOT, "commands from bots are ignored")
    if verb not in ANYONE and actor_permission not in MODERATOR_PERMISSIONS:
        return Refused(Refusal.PERMISSION, (f"@{actor} may not use /coc {verb or ''} "
                       f"(permission {actor_permission or 'none'}); ignored").replace("  ", " "))
    if command.error:
        return Refused(Refusal.MALFORMED, command.error)
    if verb in NEEDS_TARGET and target is None:
        return Refused(Refusal.NO_TARGET,
                       f"/coc {verb}: no comment above it to act on in this thread")
    subject = subject_of(command, target)
    if subject.lower() == actor.lower() and verb is not Verb.APPEAL:
        return Refused(Refusal.ONESELF, f"/coc {verb}: nobody acts on their own record, so "
                       f"@{actor} cannot use it on themselves; another moderator can")
    if verb not in ANYONE and role_of(subject_permission) >= role_of(actor_permission):
        return Refused(Refusal.RANK, (
            f"/coc {verb}: @{subject} has an equal or higher role "
            f"({role_of(subject_permission).name.lower()}) than @{actor} "
            f"({role_of(actor_permission).name.lower()}); nobody acts on a person of equal "
            "or higher role"))
    return None


def _subject_target(ctx: _Ctx) -> TargetComment:
    assert ctx.target is not None  # refusal() checked it
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
    answer = _granted(ctx, last) if appeals.open_appeal(ctx.record) == last else []
    if answer and last.by.lower() == ctx.actor.lower():
        return [Skip(_OWN_DECISION.format(actor=ctx.actor)), ctx.hide_command()]
    return [*_undo(ctx, ctx.command.login, last, restore=True), *answer, ctx.hide_command()]


_OWN_DECISION = "@{actor} took the step under appeal; another moderator decides the appeal"


def _granted(ctx: _Ctx, incident: Incident) -> list[Action]:
    """A pardon of an appealed step grants the appeal: recorded, and the person told."""
    key = appeals.decided_key(incident)
    text = f"{appeals.GRANTED} by @{ctx.actor}: the step is undone. {ctx.command.reason}"
    text = text.strip()
    return [RecordNote(ctx.command.login, key, text, ctx.actor, ctx.now, incident.url,
                       resolves_reviews=True),
            Notify(ctx.command.login, "appeal-granted", incident.step, ctx.command.reason,
                   incident.url, ctx.event.repo.full_name, incident=key, at=ctx.now)]


def _plan_appeal(ctx: _Ctx) -> list[Action]:
    """An appeal of the person's latest step: a review item for moderators and a private
    receipt; a second appeal, a late one or one without a step is declined privately."""
    login, record = ctx.actor, ctx.record
    incident = appeals.appealable(record)
    if incident is None:
        return _declined(ctx, None, "there is no step on your record to appeal")
    key = appeals.appeal_key(incident, ctx.key)
    when = f"{incident.at:%Y-%m-%d}"
    if key in record.entry_keys:
        return [ctx.hide_command()]  # a redelivery: carried out already
    if appeals.appealed(record, incident):
        return _declined(ctx, incident, f"the decision of {when} was appealed already, and "
                                        "each decision can be appealed once")
    deadline = appeal_deadline(incident.at, ctx.config)
    if ctx.now > deadline:
        return _declined(ctx, incident, f"the time to appeal the decision of {when} ended "
                                        f"on {deadline:%Y-%m-%d}")
    step = incident.step.name.lower().replace("_", "-")
    review = RecordReview(login, key, incident.url, f"appeal of the {step} of {when} "
                          f"({incident.key}) by @{login}: {ctx.command.reason}",
                          incident.rule_ids)
    receipt = Notify(login, "appeal-received", incident.step, "", incident.url,
                     ctx.event.repo.full_name, incident=key, at=ctx.now)
    return [review, receipt, ctx.hide_command()]


def _declined(ctx: _Ctx, incident: Incident | None, why: str) -> list[Action]:
    url = incident.url if incident else thread_url(ctx.event.html_url)
    told = Notify(ctx.actor, "appeal-refused", Step.NONE, why, url, ctx.event.repo.full_name,
                  incident=ctx.key, at=ctx.now)
    return [Skip(f"appeal declined: {why}"), told, ctx.hide_command()]


def _plan_uphold(ctx: _Ctx) -> list[Action]:
    """The decision under appeal stands: recorded, and the person told why."""
    login = ctx.command.login
    incident = appeals.open_appeal(ctx.record)
    if incident is None:
        return [Skip(f"@{login} has no open appeal"), ctx.hide_command()]
    if incident.by.lower() == ctx.actor.lower():
        return [Skip(_OWN_DECISION.format(actor=ctx.actor)), ctx.hide_command()]
    key = appeals.decided_key(incident)
    note = RecordNote(login, key, f"{appeals.UPHELD} by @{ctx.actor}: {ctx.command.reason}",
                      ctx.actor, ctx.now, incident.url, resolves_reviews=True)
    told = Notify(login, "appeal-upheld", incident.step, ctx.command.reason, incident.url,
                  ctx.event.repo.full_name, incident=key, at=ctx.now)
    return [note, told, ctx.hide_command()]


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
                            basis=ctx.record.revision, notice=notify)
    return [*out, record, notify, ctx.hide_command()]


def _notice(ctx: _Ctx, incident: Incident) -> Notify:
    """The private notice of a moderator's step to the person it is about."""
    template = notice_template(incident.step, ctx.event.repo, ctx.config)
    return Notify(ctx.command.login, template, incident.step,
                  ctx.command.reason or "the code of conduct", incident.url,
                  ctx.event.repo.full_name, incident=incident.key, at=ctx.now,
                  until=incident.expires_at, quiet_days=quiet_days(incident.step, ctx.config),
                  pull_request=pull_request_of(ctx.event),
                  limit_until=limit_end(template, ctx.now, incident.expires_at),
                  appeal_by=appeal_deadline(incident.at, ctx.config))


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


def _plan_resume(ctx: _Ctx) -> list[Action]:
    resume = ResumeModeration(ctx.event.repo.full_name, ctx.actor, ctx.now, ctx.command.reason)
    return [resume, ctx.hide_command()]


def _plan_reward(ctx: _Ctx) -> list[Action]:
    """Send or drop a reward the ladder held (``policy.recognition.held``)."""
    repo, _, number = ctx.command.ref.partition("#")
    answer = ReleaseReward(repo, int(number), ctx.actor, ctx.now,
                           release=ctx.command.reason == "release")
    return [answer, ctx.hide_command()]


_PLANNERS = {
    Verb.HIDE: _plan_hide,
    Verb.UNHIDE: _plan_unhide,
    Verb.WARN: _plan_warn,
    Verb.BAN: _plan_ban,
    Verb.UNBAN: _plan_unban,
    Verb.PARDON: _plan_pardon,
    Verb.NOTE: _plan_note,
    Verb.REPORT: _plan_report,
    Verb.RESUME: _plan_resume,
    Verb.APPEAL: _plan_appeal,
    Verb.UPHOLD: _plan_uphold,
    Verb.REWARD: _plan_reward,
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
