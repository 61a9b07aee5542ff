"""The fake GitHub's state: plain mutable records that tests seed and inspect."""

from __future__ import annotations

import enum
import hashlib
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graphql import GraphQLError

from tests.fake_github_contracts import DOCS

# --------------------------------------------------------------------------------- state


@dataclass
class User:
    login: str
    id: int
    node_id: str
    name: str | None = None
    email: str | None = None
    type: str = "User"
    created_at: datetime | None = None  # None: the contract example's


@dataclass
class Label:
    name: str
    id: int
    node_id: str
    color: str = "ededed"
    description: str | None = None


@dataclass
class Issue:
    """An issue or a pull request (GitHub numbers them from one sequence)."""

    repo: str
    number: int
    id: int
    node_id: str
    title: str
    body: str | None
    author: str
    is_pr: bool = False
    labels: list[str] = field(default_factory=list)
    state: str = "open"
    locked: bool = False
    lock_reason: str | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # (name, email, login|None[, committer email, committer login|None]): the committer is the
    # author unless the two extra fields are given
    commits: list[tuple[Any, ...]] = field(default_factory=list)
    association: str = "NONE"  # the author's author_association


@dataclass
class Discussion:
    repo: str
    number: int
    id: int
    node_id: str
    title: str
    body: str
    author: str
    labels: list[str] = field(default_factory=list)
    locked: bool = False
    lock_reason: str | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    answer_id: str | None = None  # node id of the comment marked as the answer
    association: str = "NONE"  # the author's author_association


class CommentKind(enum.StrEnum):
    ISSUE = "IssueComment"
    REVIEW_COMMENT = "PullRequestReviewComment"
    REVIEW = "PullRequestReview"
    DISCUSSION = "DiscussionComment"


@dataclass
class Comment:
    """Any minimizable text: issue/PR comment, review comment, review, discussion comment."""

    kind: CommentKind
    repo: str
    number: int
    id: int
    node_id: str
    body: str
    author: str
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    minimized_as: str | None = None  # the classifier, e.g. "ABUSE"
    reply_to: str | None = None  # discussion comments: node id of the comment replied to
    review_state: str = "COMMENTED"  # reviews: APPROVED, CHANGES_REQUESTED, PENDING, ...
    review_id: str | None = None  # review comments: node id of the review they belong to
    association: str = "NONE"  # the author's author_association


@dataclass
class File:
    text: str
    raw: bytes | None = None  # the bytes as stored, when they are not UTF-8 text

    @property
    def data(self) -> bytes:
        return self.text.encode() if self.raw is None else self.raw

    @property
    def sha(self) -> str:
        data = self.data
        return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Repo:
    owner: str
    name: str
    id: int
    node_id: str
    private: bool = False
    owner_type: str = "Organization"
    labels: dict[str, Label] = field(default_factory=dict)  # keyed by lower-case name
    issues: dict[int, Issue] = field(default_factory=dict)
    discussions: dict[int, Discussion] = field(default_factory=dict)
    files: dict[str, File] = field(default_factory=dict)
    permissions: dict[str, str] = field(default_factory=dict)
    interaction_limit: dict[str, str] | None = None
    numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"


@dataclass
class Org:
    login: str
    members: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)  # members with the admin (owner) role
    blocks: set[str] = field(default_factory=set)
    teams: dict[str, list[str]] = field(default_factory=dict)
    interaction_limit: dict[str, str] | None = None
    requester_is_member: bool = True  # False: membership checks answer 302 like GitHub


@dataclass
class Delivery:
    id: int
    guid: str
    event: str
    action: str | None = None
    status_code: int = 200
    installation_id: int | None = None
    repository_id: int | None = None
    redelivery: bool = False


class ApiError(Exception):
    """Raised by handlers: becomes a GitHub-style error answer."""

    def __init__(self, status: int, message: str, errors: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.status, self.message, self.errors = status, message, errors

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"message": self.message, "documentation_url": DOCS}
        if self.errors is not None:
            out["errors"] = self.errors
        return out


class NotFoundError(GraphQLError):
    """A GraphQL lookup that found nothing; GitHub tags these errors type NOT_FOUND."""


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[["Req"], Answer]


@dataclass
class Req:
    method: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    url: Any  # yarl.URL of the request, for Link headers


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


