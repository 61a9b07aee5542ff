"""Turn a GitHub webhook (event name + JSON payload) into a model event.

This is the one place that knows payload shapes. The App and the Action both hand their
payloads here; everything downstream sees only ``ContentEvent`` and ``MergedPullRequest``.

Payloads are untrusted input: a missing or wrong-typed field raises ``EventError`` with a
one-line message naming the field (``issue_comment.created: comment.body: expected string
or null, got int``), never a ``KeyError`` or ``TypeError`` traceback. Events and actions we
deliberately do not handle (labels, pings, installations, unmerged closes...) give ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from governance.model import (
    Actor,
    ActorType,
    Association,
    ContentEvent,
    MergedPullRequest,
    Repository,
    Surface,
    is_login,
    is_repository_name,
)

__all__ = ["EventError", "parse_event"]


class EventError(ValueError):
    """A webhook payload that does not have the shape its event promises."""


@dataclass(frozen=True, slots=True)
class _Shape:
    """Where the content and the thread it sits in live in one event's payload."""

    surface: Surface
    actions: frozenset[str]
    content_key: str  # the object holding the moderated text
    thread_key: str  # the issue, pull request or discussion it belongs to
    titled: bool
    created_field: str = "created_at"


_SHAPES: dict[str, _Shape] = {
    "issues": _Shape(Surface.ISSUE, frozenset({"opened", "edited"}), "issue", "issue", True),
    "issue_comment": _Shape(
        Surface.ISSUE_COMMENT, frozenset({"created", "edited"}), "comment", "issue", False
    ),
    "pull_request": _Shape(
        Surface.PULL_REQUEST, frozenset({"opened", "edited"}), "pull_request", "pull_request", True
    ),
    "pull_request_review": _Shape(
        Surface.REVIEW,
        frozenset({"submitted", "edited"}),
        "review",
        "pull_request",
        False,
        created_field="submitted_at",  # reviews have no created_at
    ),
    "pull_request_review_comment": _Shape(
        Surface.REVIEW_COMMENT, frozenset({"created", "edited"}), "comment", "pull_request", False
    ),
    "discussion": _Shape(
        Surface.DISCUSSION, frozenset({"created", "edited"}), "discussion", "discussion", True
    ),
    "discussion_comment": _Shape(
        Surface.DISCUSSION_COMMENT, frozenset({"created", "edited"}), "comment", "discussion", False
    ),
}

_TYPE_NAMES: dict[type, str] = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "bool",
    int: "int",
    float: "float",
    type(None): "null",
}


def _type_name(value: Any) -> str:
    if isinstance(value, Mapping):
        return "object"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class _Node:
    """A JSON object plus its path, so every type error can say exactly where it is."""

    __slots__ = ("_data", "_path", "_where")

    def __init__(self, data: Mapping[str, Any], path: str, where: str) -> None:
        self._data, self._path, self._where = data, path, where

    def error(self, key: str, problem: str) -> EventError:
        path = f"{self._path}.{key}" if self._path else key
        return EventError(f"{self._where}: {path}: {problem}")

    def raw(self, key: str, *, required: bool) -> Any:
        if key not in self._data:
            if required:
                raise self.error(key, "missing")
            return None
        return self._data[key]

    def _typed(self, key: str, kinds: tuple[type, ...], expected: str, required: bool) -> Any:
        value = self.raw(key, required=required)
        if value is None and not required:
            return None
        # bool is an int subclass in Python, but never a valid JSON integer here.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise self.error(key, f"expected {expected}, got {_type_name(value)}")
        return value

    def text(self, key: str) -> str:
        value: str = self._typed(key, (str,), "string", True)
        return value

    def opt_text(self, key: str) -> str | None:
        value: str | None = self._typed(key, (str,), "string or null", False)
        return value

    def integer(self, key: str) -> int:
        value: int = self._typed(key, (int,), "int", True)
        return value

    def opt_integer(self, key: str) -> int | None:
        value: int | None = self._typed(key, (int,), "int or null", False)
        return value

    def flag(self, key: str) -> bool:
        value: bool = self._typed(key, (bool,), "bool", True)
        return value

    def obj(self, key: str) -> _Node:
        value = self._typed(key, (Mapping,), "object", True)
        return self._child(key, value)

    def opt_obj(self, key: str) -> _Node | None:
        value = self._typed(key, (Mapping,), "object or null", False)
        return None if value is None else self._child(key, value)

    def objects(self, key: str) -> list[_Node]:
        items = self._typed(key, (list,), "array", False) or []
        out = []
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                raise self.error(f"{key}[{index}]", f"expected object, got {_type_name(item)}")
            out.append(self._child(f"{key}[{index}]", item))
        return out

    def date(self, key: str) -> datetime | None:
        """ISO 8601 strings and epoch seconds both occur in real payloads; always UTC out."""
        value = self._typed(key, (str, int, float), "date string, epoch seconds or null", False)
        if value is None:
            return None
        try:
            if isinstance(value, str):
                parsed = datetime.fromisoformat(value)
                return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)
            return datetime.fromtimestamp(value, UTC)
        except (ValueError, OverflowError, OSError):
            raise self.error(key, f"not a valid date: {value!r}") from None

    def _child(self, key: str, value: Mapping[str, Any]) -> _Node:
        path = f"{self._path}.{key}" if self._path else key
        return _Node(value, path, self._where)


# ------------------------------------------------------------------------- entry point


def parse_event(name: str, payload: Mapping[str, Any]) -> ContentEvent | MergedPullRequest | None:
    """Parse one delivery; ``None`` for events and actions the bot deliberately ignores."""
    if not isinstance(payload, Mapping):
        raise EventError(f"{name}: payload: expected object, got {_type_name(payload)}")
    root = _Node(payload, "", name)
    # Every event we handle carries an action; without one the payload is cut short.
    action = root.text("action") if name in _SHAPES else root.opt_text("action") or ""
    root = _Node(payload, "", f"{name}.{action}" if action else name)
    if name == "pull_request" and action == "closed":
        return _merged_pull_request(root)
    shape = _SHAPES.get(name)
    if shape is None or action not in shape.actions:
        return None
    return _content_event(root, name, action, shape)


def _content_event(root: _Node, name: str, action: str, shape: _Shape) -> ContentEvent | None:
    content, thread = root.obj(shape.content_key), root.obj(shape.thread_key)
    body = content.opt_text("body") or ""
    if shape.surface is Surface.REVIEW and not body.strip():
        return None  # an approval or a review made only of line comments: nothing to read
    previous_body, previous_title = _changes(root)
    return ContentEvent(
        event_name=name,
        action=action,
        surface=shape.surface,
        repo=_repository(root.obj("repository")),
        number=thread.integer("number"),
        author=_author(content),
        body=body,
        html_url=content.text("html_url"),
        node_id=content.text("node_id"),
        rest_id=content.integer("id"),
        title=content.opt_text("title") if shape.titled else None,
        previous_body=previous_body,
        previous_title=previous_title,
        created_at=content.date(shape.created_field),
        updated_at=content.date("updated_at"),
        thread_state=thread.opt_text("state") or "open",
        thread_created_at=thread.date("created_at"),
        thread_node_id=thread.text("node_id"),
        installation_id=_installation_id(root),
        sender=_sender(root),
    )


def _merged_pull_request(root: _Node) -> MergedPullRequest | None:
    pr = root.obj("pull_request")
    if pr.raw("merged", required=False) is not True:
        return None  # closed without merging
    merged_by = pr.opt_obj("merged_by")
    return MergedPullRequest(
        repo=_repository(root.obj("repository")),
        number=pr.integer("number"),
        author=_author(pr),
        title=pr.text("title"),
        html_url=pr.text("html_url"),
        node_id=pr.text("node_id"),
        base_ref=pr.obj("base").text("ref"),
        labels=tuple(label.text("name") for label in pr.objects("labels")),
        merged_at=pr.date("merged_at"),
        merged_by=merged_by.text("login") if merged_by else "",
        installation_id=_installation_id(root),
    )


# ----------------------------------------------------------------------------- parts


def _repository(repo: _Node) -> Repository:
    """The repository, its owner and name checked against GitHub's naming rules: both go
    into API paths, where a name such as ``..`` would address another endpoint."""
    owner = repo.obj("owner")
    login, name = owner.text("login"), repo.text("name")
    if not is_login(login):
        raise owner.error("login", "not a GitHub account name")
    if not is_repository_name(name):
        raise repo.error("name", "not a GitHub repository name")
    return Repository(
        owner=login,
        name=name,
        owner_type=_actor_type(owner.opt_text("type")),
        private=repo.flag("private"),
        node_id=repo.opt_text("node_id") or "",
    )


def _author(content: _Node) -> Actor:
    """The content's author; a deleted account arrives as ``user: null`` and reads as ghost."""
    user = content.opt_obj("user")
    association = _association(content.opt_text("author_association"))
    if user is None:
        return Actor(login="ghost", association=association)
    return Actor(
        login=user.text("login"),
        type=_actor_type(user.opt_text("type")),
        id=user.opt_integer("id") or 0,
        association=association,
    )


def _association(value: str | None) -> Association:
    # An association GitHub adds later must not make anyone exempt: read it as the
    # least-trusted value rather than failing the delivery.
    try:
        return Association(value or "NONE")
    except ValueError:
        return Association.NONE


def _actor_type(value: str | None) -> ActorType:
    try:
        return ActorType(value or "User")
    except ValueError:  # e.g. "Mannequin": an imported account behaves like a user
        return ActorType.USER


def _changes(root: _Node) -> tuple[str | None, str | None]:
    """``changes.body.from`` and ``changes.title.from`` of an edit (absent: ``None``)."""
    changes = root.opt_obj("changes")
    if changes is None:
        return None, None
    return _changed(changes, "body"), _changed(changes, "title")


def _changed(changes: _Node, key: str) -> str | None:
    change = changes.opt_obj(key)
    return change.opt_text("from") if change else None


def _installation_id(root: _Node) -> int | None:
    installation = root.opt_obj("installation")
    return installation.integer("id") if installation else None


def _sender(root: _Node) -> str:
    sender = root.opt_obj("sender")
    return sender.text("login") if sender else ""
