"""The closed vocabulary of the bot: events, verdicts, ledger records and plan actions.

Everything here is a frozen dataclass or an enum and imports nothing from the package,
so every other layer can depend on it. Field names are part of the JSON contract of
plans (``Plan.to_json``): rename with care.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar


class Surface(enum.StrEnum):
    """Where a piece of content lives on GitHub."""

    ISSUE = "issue"
    PULL_REQUEST = "pull_request"
    ISSUE_COMMENT = "issue_comment"
    REVIEW = "pull_request_review"
    REVIEW_COMMENT = "pull_request_review_comment"
    DISCUSSION = "discussion"
    DISCUSSION_COMMENT = "discussion_comment"

    @property
    def minimizable(self) -> bool:
        """GitHub can hide comments and reviews, never issue, PR or discussion bodies."""
        return self in _MINIMIZABLE

    @property
    def is_discussion(self) -> bool:
        return self in (Surface.DISCUSSION, Surface.DISCUSSION_COMMENT)


_MINIMIZABLE = frozenset(
    {Surface.ISSUE_COMMENT, Surface.REVIEW, Surface.REVIEW_COMMENT, Surface.DISCUSSION_COMMENT}
)


class Label(enum.StrEnum):
    """What ``classify`` answers for a text."""

    OK = "ok"
    ABUSE = "abuse"
    SOLICITATION = "solicitation"
    PII = "pii"
    MALWARE = "malware"


class Category(enum.StrEnum):
    """A code-of-conduct rule family; every detector rule belongs to one."""

    ABUSE = "abuse"
    SOLICITATION = "solicitation"
    PII = "pii"
    MALWARE = "malware"

    @property
    def label(self) -> Label:
        return Label(self.value)


class Association(enum.StrEnum):
    """GitHub's ``author_association`` values."""

    OWNER = "OWNER"
    MEMBER = "MEMBER"
    COLLABORATOR = "COLLABORATOR"
    CONTRIBUTOR = "CONTRIBUTOR"
    FIRST_TIME_CONTRIBUTOR = "FIRST_TIME_CONTRIBUTOR"
    FIRST_TIMER = "FIRST_TIMER"
    MANNEQUIN = "MANNEQUIN"
    NONE = "NONE"

    @property
    def is_first_time(self) -> bool:
        return self in _FIRST_TIME


_FIRST_TIME = frozenset(
    {Association.NONE, Association.FIRST_TIMER, Association.FIRST_TIME_CONTRIBUTOR}
)


class ActorType(enum.StrEnum):
    USER = "User"
    BOT = "Bot"
    ORGANIZATION = "Organization"


class HideClassifier(enum.StrEnum):
    """GraphQL ``ReportedContentClassifiers``."""

    SPAM = "SPAM"
    ABUSE = "ABUSE"
    OFF_TOPIC = "OFF_TOPIC"
    OUTDATED = "OUTDATED"
    DUPLICATE = "DUPLICATE"
    RESOLVED = "RESOLVED"


class LockReason(enum.StrEnum):
    """REST ``lock_reason`` values (GraphQL spells them upper-case with underscores)."""

    OFF_TOPIC = "off-topic"
    TOO_HEATED = "too heated"
    RESOLVED = "resolved"
    SPAM = "spam"


class Step(enum.IntEnum):
    """The enforcement ladder's rungs. Their meaning lives in ``policy.ladder.LADDER``."""

    NONE = 0
    CORRECTION = 1
    WARNING = 2
    TEMPORARY_BAN = 3
    PERMANENT_BAN = 4


class Field(enum.StrEnum):
    TITLE = "title"
    BODY = "body"


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Repository:
    owner: str
    name: str
    owner_type: ActorType = ActorType.ORGANIZATION
    private: bool = False
    node_id: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    @property
    def owned_by_org(self) -> bool:
        return self.owner_type is ActorType.ORGANIZATION


@dataclass(frozen=True, slots=True)
class Actor:
    login: str
    type: ActorType = ActorType.USER
    id: int = 0
    association: Association = Association.NONE

    @property
    def is_bot(self) -> bool:
        return self.type is ActorType.BOT or self.login.endswith("[bot]")


@dataclass(frozen=True, slots=True)
class ContentEvent:
    """A piece of user-written content that was created or edited: what we moderate."""

    event_name: str
    action: str
    surface: Surface
    repo: Repository
    number: int  # issue, PR or discussion number the content belongs to
    author: Actor
    body: str
    html_url: str
    node_id: str
    rest_id: int
    title: str | None = None
    previous_body: str | None = None
    previous_title: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    thread_state: str = "open"  # state of the issue/PR/discussion the content sits in
    thread_created_at: datetime | None = None
    thread_node_id: str = ""
    installation_id: int | None = None
    sender: str = ""

    @property
    def is_edit(self) -> bool:
        return self.action == "edited"

    @property
    def version_key(self) -> str:
        """Identifies this exact version of the content, for idempotency."""
        digest = hashlib.sha256(f"{self.title or ''}\x00{self.body}".encode()).hexdigest()
        return f"{self.node_id}@{digest[:16]}"

    def fields(self) -> Iterator[tuple[Field, str]]:
        if self.title:
            yield Field.TITLE, self.title
        yield Field.BODY, self.body


@dataclass(frozen=True, slots=True)
class MergedPullRequest:
    """A pull request that was merged: what recognition reacts to."""

    repo: Repository
    number: int
    author: Actor
    title: str
    html_url: str
    node_id: str
    base_ref: str
    labels: tuple[str, ...] = ()
    merged_at: datetime | None = None
    merged_by: str = ""
    installation_id: int | None = None


Event = ContentEvent | MergedPullRequest


# ------------------------------------------------------------------------ detection


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RuleHit:
    """One detector rule that fired, with where in the text it saw its evidence."""

    rule_id: str
    category: Category
    score: float
    evidence: tuple[Span, ...] = ()
    field: Field = Field.BODY
    severity: int = 1  # 1 ordinary, 2 serious, 3 severe (threats, doxxing, malware)
    quoted: bool = False  # all its evidence lies in quote blocks: someone else's words


@dataclass(frozen=True, slots=True)
class Verdict:
    label: Label
    score: float
    hits: tuple[RuleHit, ...] = ()

    @classmethod
    def ok(cls) -> Verdict:
        return cls(Label.OK, 0.0, ())

    def hits_for(self, category: Category) -> tuple[RuleHit, ...]:
        return tuple(h for h in self.hits if h.category is category)

    def category_score(self, category: Category) -> float:
        return max((h.score for h in self.hits_for(category)), default=0.0)


@dataclass(frozen=True, slots=True)
class Sighting:
    """One piece of recent content, reduced to what spam-wave detection needs."""

    fingerprint: int
    author: str
    thread: str  # owner/name#number
    at: datetime


# --------------------------------------------------------------------------- ledger


@dataclass(frozen=True, slots=True)
class Incident:
    """One recorded breach (or moderator step) in a person's ledger record."""

    key: str  # idempotency key: content version or command id
    at: datetime
    category: Category | None
    rule_ids: tuple[str, ...]
    step: Step
    url: str = ""
    by: str = "bot"
    expires_at: datetime | None = None
    pardoned: bool = False
    false_positive: bool = False
    lifted_at: datetime | None = None  # when a ban was lifted (expiry sweep or /coc unban)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """What the ledger knows about one person: the input of escalation decisions."""

    login: str
    incidents: tuple[Incident, ...] = ()
    revision: int = 0  # the ledger revision this was read at (stale-plan detection)
    entry_keys: frozenset[str] = frozenset()  # keys of every ledger entry (commands, notes)

    def knows(self, key: str) -> bool:
        return any(i.key == key for i in self.incidents)

    def active(self) -> tuple[Incident, ...]:
        return tuple(i for i in self.incidents if not i.pardoned)

    def current_step(self) -> Step:
        return max((i.step for i in self.active()), default=Step.NONE)


# -------------------------------------------------------------------------- actions


@dataclass(frozen=True, slots=True)
class Target:
    """The content an action applies to."""

    repo: str  # owner/name
    surface: Surface
    number: int
    node_id: str
    rest_id: int
    url: str = ""

    @property
    def where(self) -> str:
        return self.url or self.node_id


@dataclass(frozen=True, slots=True)
class Action:
    kind: ClassVar[str] = "action"
    public: ClassVar[bool] = True  # does it change what the public sees on GitHub?

    def summary(self) -> str:
        return self.kind


@dataclass(frozen=True, slots=True)
class HideComment(Action):
    kind: ClassVar[str] = "hide_comment"
    target: Target
    classifier: HideClassifier

    def summary(self) -> str:
        return f"hide {self.target.surface} {self.target.where} as {self.classifier}"


@dataclass(frozen=True, slots=True)
class UnhideComment(Action):
    kind: ClassVar[str] = "unhide_comment"
    target: Target

    def summary(self) -> str:
        return f"unhide {self.target.surface} {self.target.where}"


@dataclass(frozen=True, slots=True)
class Redact(Action):
    """Replace only the offending spans; ``text_sha256`` guards against a newer edit."""

    kind: ClassVar[str] = "redact"
    target: Target
    field: Field
    spans: tuple[Span, ...]
    text_sha256: str
    marker: str = "[redacted]"

    def summary(self) -> str:
        return f"redact {len(self.spans)} span(s) in the {self.field} of {self.target.where}"


@dataclass(frozen=True, slots=True)
class DeleteComment(Action):
    """Delete a comment that carries someone else's personal data or a secret. Editing it
    would leave the original one click away in the comment's edit history, which no API can
    remove. The ledger keeps the original first (the record before it in the plan);
    ``text_sha256`` leaves a comment alone that was edited since it was checked."""

    kind: ClassVar[str] = "delete_comment"
    target: Target
    text_sha256: str

    def summary(self) -> str:
        return f"delete {self.target.surface} {self.target.where}"


@dataclass(frozen=True, slots=True)
class AddLabel(Action):
    kind: ClassVar[str] = "add_label"
    target: Target
    label: str

    def summary(self) -> str:
        return f"label {self.target.repo}#{self.target.number} '{self.label}'"


@dataclass(frozen=True, slots=True)
class RemoveLabel(Action):
    kind: ClassVar[str] = "remove_label"
    target: Target
    label: str

    def summary(self) -> str:
        return f"remove label '{self.label}' from {self.target.repo}#{self.target.number}"


@dataclass(frozen=True, slots=True)
class Lock(Action):
    kind: ClassVar[str] = "lock"
    target: Target
    reason: LockReason

    def summary(self) -> str:
        return f"lock {self.target.repo}#{self.target.number} ({self.reason})"


@dataclass(frozen=True, slots=True)
class PostComment(Action):
    kind: ClassVar[str] = "post_comment"
    target: Target
    body: str

    def summary(self) -> str:
        return f"comment on {self.target.repo}#{self.target.number}"


@dataclass(frozen=True, slots=True)
class Provenance:
    """What the ledger keeps about acted-on content besides its text: GitHub removes the
    content of suspended accounts, sometimes before a moderator looks. Links are kept as
    text only (never opened, written as code in the ledger so they are not clickable)."""

    created_at: datetime | None = None
    edited_at: datetime | None = None  # None: never edited
    account_created_at: datetime | None = None  # None: the profile could not be read
    association: str = ""
    links: tuple[str, ...] = ()  # every link and attachment URL in the title and body


@dataclass(frozen=True, slots=True)
class RecordIncident(Action):
    """Write an incident to the person's private ledger issue (and set the step label)."""

    kind: ClassVar[str] = "record_incident"
    public: ClassVar[bool] = False
    login: str
    incident: Incident
    rule_summary: str
    evidence: tuple[str, ...] = ()  # short excerpts; private ledger only
    original_text: str = ""  # private ledger only: moderators review hidden content here
    actions_taken: tuple[str, ...] = ()
    basis: int | None = None  # PersonRecord.revision the step was decided from
    # The private notice the step planned: the ledger keeps it as fields, so the sweep can
    # resend exactly that notice when it never went out.
    notice: Notify | None = None
    provenance: Provenance | None = None  # the bot's steps on content: kept as evidence

    def summary(self) -> str:
        step = self.incident.step.name.lower().replace("_", "-")
        return f"record step {step} for @{self.login} in the ledger"


@dataclass(frozen=True, slots=True)
class RecordReview(Action):
    """Open a review item in the ledger for moderators; nothing public happens."""

    kind: ClassVar[str] = "record_review"
    public: ClassVar[bool] = False
    login: str
    key: str
    url: str
    reason: str
    rule_ids: tuple[str, ...] = ()
    original_text: str = ""

    def summary(self) -> str:
        return f"open a review item for moderators ({self.reason})"


@dataclass(frozen=True, slots=True)
class RecordPardon(Action):
    """Undo one recorded step in the ledger (``/coc pardon``, ``/coc unhide``)."""

    kind: ClassVar[str] = "record_pardon"
    public: ClassVar[bool] = False
    login: str
    key: str  # idempotency key: the command comment
    incident_key: str  # the incident that is undone
    by: str
    at: datetime
    false_positive: bool = True
    rule_ids: tuple[str, ...] = ()
    reason: str = ""
    actions_taken: tuple[str, ...] = ()

    def summary(self) -> str:
        what = "false positive" if self.false_positive else "pardon"
        return f"record a {what} for @{self.login} in the ledger (undoes {self.incident_key})"


@dataclass(frozen=True, slots=True)
class RecordNote(Action):
    """A dated note in the person's ledger record: moderator notes and confirmations."""

    kind: ClassVar[str] = "record_note"
    public: ClassVar[bool] = False
    login: str
    key: str  # idempotency key
    text: str
    by: str
    at: datetime
    url: str = ""
    original_text: str = ""  # private ledger only: content a moderator hid
    resolves_reviews: bool = False  # a moderator looked at this person's open review items
    # shadow mode: what the bot would have done, as the scan's row (JSON), private only
    shadow: str = ""

    def summary(self) -> str:
        return f"add a note to @{self.login}'s ledger record"


@dataclass(frozen=True, slots=True)
class RecordBanLifted(Action):
    """A temporary ban ended (expiry or ``/coc unban``); the step itself stays on record."""

    kind: ClassVar[str] = "record_ban_lifted"
    public: ClassVar[bool] = False
    login: str
    key: str  # idempotency key
    incident_key: str
    by: str
    at: datetime

    def summary(self) -> str:
        return f"record that @{self.login}'s ban was lifted"


@dataclass(frozen=True, slots=True)
class Notify(Action):
    """A private message to a person (email where an address is known, else the ledger)."""

    kind: ClassVar[str] = "notify"
    public: ClassVar[bool] = False
    login: str
    template: str
    step: Step = Step.NONE
    reason: str = ""
    url: str = ""
    repo: str = ""
    incident: str = ""  # key of the incident (content version or command) it is about
    at: datetime | None = None  # when it was decided: the date of its ledger record
    until: datetime | None = None  # when a temporary ban ends
    quiet_days: int = 0  # a warning: how long to stay away from the people involved
    pull_request: int = 0  # the pull request it happened on: the person's commit e-mails first
    limit_until: datetime | None = None  # when a collaborators-only interaction limit ends
    # Personal data or a secret was removed from their post (``policy.removal``): the post
    # was deleted (with ``removed_text``, their text without the data, to post again) or
    # redacted; ``secret``: what was removed included a token, key or password.
    removed: str = ""  # "" | "deleted" | "redacted"
    removed_text: str = ""
    secret: bool = False
    appeal_by: datetime | None = None  # a step: until when it may be appealed

    def summary(self) -> str:
        return f"notify @{self.login} privately ({self.template})"

    @property
    def receipt_key(self) -> str:
        """Key of the ledger note that the notice went out (by email, or kept there)."""
        return f"notice:{self.message_id}"

    @property
    def message_id(self) -> str:
        """One per person and incident, the same for every retry of that incident: a mail
        provider may drop a second message with an id it has seen."""
        parts = (self.login.lower(), self.template, self.url, self.step.name, self.incident)
        digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:20]
        return f"coc-{self.template}-{digest}"


@dataclass(frozen=True, slots=True)
class BlockUser(Action):
    kind: ClassVar[str] = "block_user"
    org: str
    login: str
    until: datetime | None = None  # None: permanent

    def summary(self) -> str:
        until = self.until.strftime("%Y-%m-%d") if self.until else "permanently"
        return f"block @{self.login} from {self.org} {'until ' + until if self.until else until}"


@dataclass(frozen=True, slots=True)
class UnblockUser(Action):
    kind: ClassVar[str] = "unblock_user"
    org: str
    login: str

    def summary(self) -> str:
        return f"unblock @{self.login} in {self.org}"


@dataclass(frozen=True, slots=True)
class LimitInteractions(Action):
    """Repository interaction limit (``collaborators_only``): with
    ``ladder.user_repository_bans: collaborators-only``, a ban on a repository owned by a
    person, where no App can block anyone. It pauses everyone who is not a collaborator."""

    kind: ClassVar[str] = "limit_interactions"
    repo: str
    limit: str = "collaborators_only"
    expiry: str = "one_week"

    def summary(self) -> str:
        return f"limit interactions on {self.repo} to {self.limit} for {self.expiry}"


@dataclass(frozen=True, slots=True)
class Reward(Action):
    """Thank an outside contributor and send a merch code for a merged PR, exactly once."""

    kind: ClassVar[str] = "reward"
    login: str
    repo: str
    number: int
    tier: str
    url: str = ""

    def summary(self) -> str:
        return f"reward @{self.login} for {self.repo}#{self.number} (tier {self.tier})"


@dataclass(frozen=True, slots=True)
class HoldReward(Action):
    """Keep a reward pending for a moderator (the author is banned or had a recent step)."""

    kind: ClassVar[str] = "hold_reward"
    public: ClassVar[bool] = False
    reward: Reward
    reason: str
    at: datetime

    def summary(self) -> str:
        return f"hold the reward of @{self.reward.login} for " \
               f"{self.reward.repo}#{self.reward.number} ({self.reason})"


@dataclass(frozen=True, slots=True)
class ReleaseReward(Action):
    """A moderator's answer to a held reward: send it (``release``) or drop it."""

    kind: ClassVar[str] = "release_reward"
    public: ClassVar[bool] = False
    repo: str
    number: int
    by: str
    at: datetime
    release: bool = True

    def summary(self) -> str:
        what = "release" if self.release else "drop"
        return f"{what} the held reward for {self.repo}#{self.number}"


@dataclass(frozen=True, slots=True)
class Skip(Action):
    """Nothing to do, and why: plans always say why."""

    kind: ClassVar[str] = "skip"
    public: ClassVar[bool] = False
    reason: str

    def summary(self) -> str:
        return f"nothing to do: {self.reason}"


@dataclass(frozen=True, slots=True)
class ResumeModeration(Action):
    """End a repository's review mode (the circuit breaker) before its cooldown runs out."""

    kind: ClassVar[str] = "resume_moderation"
    public: ClassVar[bool] = False
    repo: str
    by: str
    at: datetime
    reason: str = ""

    def summary(self) -> str:
        return f"end review mode in {self.repo} (circuit breaker)"


@dataclass(frozen=True, slots=True)
class BreakerState:
    """One repository's circuit breaker: the bot's recent public actions on content (key,
    time, link) and, while tripped, until when it only opens review items, and why."""

    acted: tuple[tuple[str, datetime, str], ...] = ()
    open_until: datetime | None = None
    opened_at: datetime | None = None
    opened_by: str = ""  # the content key whose action tripped it
    reason: str = ""
    resumed_by: str = ""


# ----------------------------------------------------------------------------- plan


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do for one event, in order, and why."""

    key: str  # what the plan is about (content version, PR, command)
    actions: tuple[Action, ...]
    reasons: tuple[str, ...] = ()
    verdict: Verdict | None = None
    dry_run: bool = True

    @property
    def effective(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if not isinstance(a, Skip))

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "dry_run": self.dry_run,
            "verdict": _jsonable(self.verdict) if self.verdict else None,
            "reasons": list(self.reasons),
            "actions": [action_to_dict(a) for a in self.actions],
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def render(self) -> str:
        head = f"{'[dry-run] ' if self.dry_run else ''}{self.key}"
        lines = [head]
        lines += [f"  because {r}" for r in self.reasons]
        lines += [f"  - {a.summary()}" for a in self.actions]
        return "\n".join(lines)


def action_to_dict(action: Action) -> dict[str, Any]:
    out: dict[str, Any] = {"type": action.kind}
    for f in dataclasses.fields(action):
        out[f.name] = _jsonable(getattr(action, f.name))
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value if not isinstance(value, enum.IntEnum) else value.name.lower()
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value



# ------------------------------------------------------------------ GitHub's naming rules
# A payload's owner and repository name end up in REST paths (``/repos/{owner}/{repo}/...``)
# where a name such as ``..`` would address another endpoint once the path is resolved; so
# names GitHub could never have issued are refused where payloads are parsed (``events``),
# and ``.``/``..`` path segments again where URLs are built (``adapters.http``). The rules
# are GitHub's own: a login is 1-39 ASCII letters, digits and hyphens, not starting with a
# hyphen; a repository name 1-100 ASCII letters, digits, ``.``, ``-`` and ``_``, but neither
# ``.`` nor ``..``.

_LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}")
_REPOSITORY_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")


def is_login(name: str) -> bool:
    """A user or organisation login GitHub could have issued (e.g. a repository's owner)."""
    return _LOGIN.fullmatch(name) is not None


def is_repository_name(name: str) -> bool:
    return _REPOSITORY_NAME.fullmatch(name) is not None and name not in (".", "..")


def has_dot_segment(value: str) -> bool:
    """True when a ``/``-separated value has a ``.`` or ``..`` segment (a path escape)."""
    return any(part in (".", "..") for part in value.replace("\\", "/").split("/"))


def line_and_column(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column of byte ``index`` (e.g. the first byte that is not UTF-8)."""
    line_start = data.rfind(b"\n", 0, index) + 1
    return data.count(b"\n", 0, index) + 1, index - line_start + 1
