"""Small interfaces the service needs from the outside world; adapters implement them.

Only ``model`` is imported here (and, for type checking only, the ledger's pure entry
state). Every method is async because every real backend is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from governance.model import (
    BreakerState,
    ContentEvent,
    Field,
    HideClassifier,
    LockReason,
    PersonRecord,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
    Sighting,
    Target,
    Verdict,
)

if TYPE_CHECKING:  # the ledger's entries, a pure value (no import at run time)
    from governance.ledger.state import PersonState


class Conflict(Exception):
    """A compare-and-swap write lost the race: re-read and try again."""


class StaleRecord(Conflict):
    """The person's record changed after the step was decided: re-read, re-decide, retry."""


class NotFound(Exception):
    pass


class UnreadableFile(Exception):
    """A file that exists but has no text to give: over GitHub's 1 MB limit of the contents
    API (which then sends no content), or not UTF-8. ``line``/``column`` (1-based) point at
    the first undecodable byte when there is one."""

    def __init__(self, reason: str, line: int = 1, column: int = 1) -> None:
        super().__init__(reason)
        self.reason, self.line, self.column = reason, line, column


@dataclass(frozen=True, slots=True)
class FileContent:
    text: str
    sha: str


@dataclass(frozen=True, slots=True)
class IssueRef:
    number: int
    node_id: str
    title: str
    body: str
    labels: tuple[str, ...]
    url: str = ""


@dataclass(frozen=True, slots=True)
class CommentRef:
    id: int
    node_id: str
    body: str
    author: str
    created_at: datetime | None = None
    url: str = ""


class GitHub(Protocol):
    """Everything the bot does on GitHub, for one installation or token."""

    # moderation
    async def minimize(self, node_id: str, classifier: HideClassifier) -> None: ...
    async def unminimize(self, node_id: str) -> None: ...
    async def get_text(self, target: Target, field: Field) -> str: ...
    async def set_text(self, target: Target, field: Field, text: str) -> None: ...
    # issue, review and discussion comments only; NotFound when it is gone already
    async def delete_comment(self, target: Target) -> None: ...
    async def add_label(self, target: Target, label: str, description: str = "") -> None: ...
    async def remove_label(self, target: Target, label: str) -> None: ...
    async def lock(self, target: Target, reason: LockReason) -> None: ...
    async def comment(self, target: Target, body: str) -> str: ...
    # the thread's comments (the newest 100 of a discussion): a retry looks for its own post
    async def thread_comments(self, target: Target) -> Sequence[CommentRef]: ...
    # people
    async def block(self, org: str, login: str) -> None: ...
    async def unblock(self, org: str, login: str) -> None: ...
    async def limit_interactions(self, repo: str, limit: str, expiry: str) -> None: ...
    async def permission(self, repo: str, login: str) -> str: ...
    async def is_org_member(self, org: str, login: str) -> bool: ...
    # "admin" (an owner), "member", or "" (no membership, or none the token may read)
    async def org_role(self, org: str, login: str) -> str: ...
    async def team_members(self, org: str, team_slug: str) -> Sequence[str]: ...
    async def user(self, login: str) -> dict[str, object]: ...
    async def pr_commit_emails(self, repo: str, number: int) -> Sequence[tuple[str, str]]: ...
    # repositories, files and issues (config, ledger)
    async def repo_is_private(self, repo: str) -> bool: ...
    async def read_file(self, repo: str, path: str) -> FileContent | None: ...
    async def has_label(self, repo: str, name: str) -> bool: ...
    async def write_file(
        self, repo: str, path: str, text: str, sha: str | None, message: str
    ) -> str: ...
    async def find_issues(self, repo: str, label: str) -> Sequence[IssueRef]: ...
    async def create_issue(
        self, repo: str, title: str, body: str, labels: Sequence[str]
    ) -> IssueRef: ...
    async def update_issue(
        self,
        repo: str,
        number: int,
        *,
        body: str | None = None,
        labels: Sequence[str] | None = None,
        state: str | None = None,
    ) -> None: ...
    async def issue_comments(self, repo: str, number: int) -> Sequence[CommentRef]: ...
    async def add_issue_comment(self, repo: str, number: int, body: str) -> CommentRef: ...
    async def recent_comments(
        self, repo: str, since: datetime, limit: int = 100
    ) -> Sequence[CommentRef]: ...


@runtime_checkable
class RenewableToken(Protocol):
    """A token source that can drop a token GitHub refused (App installation tokens): after
    a 401 the client invalidates it once and asks again, and gets a freshly issued one."""

    async def __call__(self) -> str: ...
    def invalidate(self, refused: str = "") -> None: ...


class Mailer(Protocol):
    async def send(
        self, to: str, subject: str, text: str, html: str | None = None, *, message_id: str
    ) -> None: ...


class Clock(Protocol):
    def now(self) -> datetime: ...


class RecentContent(Protocol):
    """Recent content of the same installation (App) or repository (Action): spam waves."""

    async def sightings(self, event: ContentEvent) -> Sequence[Sighting]: ...
    async def remember(self, event: ContentEvent, sighting: Sighting) -> None: ...


class LlmOpinion(Protocol):
    """A second opinion on a borderline verdict of ``text`` (an LLM): the verdict moved by
    the answer, or unchanged when there is none. The service still bounds the wait and keeps
    its own verdict when this fails."""

    async def review(self, text: str, verdict: Verdict) -> Verdict: ...


@dataclass(frozen=True, slots=True)
class ActiveBan:
    """Someone banned, as ban-evasion checks need them: no personal data beyond the login."""

    login: str
    key: str  # the incident that set the ban
    until: datetime | None  # None: permanent
    fingerprints: tuple[int, ...] = ()  # of the content that led to the ban (SimHash)


class BanList(Protocol):
    """The active bans of one ledger, kept beside it: one read for every check."""

    async def active_bans(self) -> Sequence[ActiveBan]: ...
    async def add_ban(self, ban: ActiveBan) -> None: ...
    async def remove_ban(self, login: str, incident_key: str) -> None: ...


class BreakerStore(Protocol):
    """The circuit breaker's state per repository, kept in the ledger repository so every
    replica agrees (``policy.breaker`` decides; ``change`` is a compare-and-swap loop)."""

    async def state(self, repo: str) -> BreakerState: ...
    async def change(self, repo: str,
                     change: Callable[[BreakerState], BreakerState | None]) -> BreakerState: ...
    # the ledger's account of a trip (an issue) and of its end
    async def record_trip(self, repo: str, state: BreakerState) -> None: ...
    async def record_resume(self, repo: str, by: str, reason: str) -> None: ...


class LedgerStore(Protocol):
    """The private record of incidents, steps and review items (one issue per person)."""

    async def record_for(self, login: str) -> PersonRecord: ...
    # every entry of the person's record: a step's planned notice, the sweep's claims
    async def state_for(self, login: str) -> PersonState: ...
    async def record_incident(self, action: RecordIncident) -> None: ...
    async def record_review(self, action: RecordReview) -> None: ...
    async def note(self, login: str, text: str) -> None: ...
    async def record_pardon(self, action: RecordPardon) -> None: ...
    async def record_note(self, action: RecordNote) -> None: ...
    async def record_ban_lifted(self, action: RecordBanLifted) -> None: ...
    async def people(self) -> Sequence[str]: ...  # every login with a record (for the sweep)
    # make what people read (the issue view) match the record after a crash between writes
    async def repair(self, login: str) -> None: ...
