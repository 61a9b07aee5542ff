"""GraphQL nodes of a repository's history as the webhook payloads the App would have got.

The scan decides each item through ``events.parse_event`` and the service, exactly as a
delivery of the same content: building the webhook's shape here (and nothing else) keeps
one way of turning GitHub data into a ``ContentEvent``. Pure: dicts in, dicts out.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Node = Mapping[str, Any]


class Connection(enum.StrEnum):
    """The top-level connections of a repository the scan pages through."""

    ISSUES = "issues"
    PULL_REQUESTS = "pullRequests"
    DISCUSSIONS = "discussions"


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of content as a delivery: event name, payload and when it was written."""

    event_name: str
    payload: dict[str, Any]
    created_at: str  # ISO 8601 as GitHub gave it; sorts in time order

    @property
    def node_id(self) -> str:
        return str(self.payload["_node_id"])


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _user(node: Node) -> dict[str, Any] | None:
    author = node.get("author")
    if not author:
        return None  # a deleted account: the payload's ``user: null`` reads as ghost
    kind = author.get("__typename") or "User"
    return {"login": author["login"], "type": "Bot" if kind == "Bot" else "User",
            "id": author.get("databaseId") or 0}


def _content(node: Node, *, title: bool = False, created: str = "created_at") -> dict[str, Any]:
    out = {"body": node.get("body") or "", "html_url": node["url"], "node_id": node["id"],
           "id": node.get("databaseId") or 0, "user": _user(node),
           "author_association": node.get("authorAssociation") or "NONE",
           created: node.get("createdAt"), "updated_at": node.get("updatedAt")}
    if title:
        out["title"] = node.get("title") or ""
    return out


def _thread(node: Node) -> dict[str, Any]:
    closed = node.get("closed") or str(node.get("state", "OPEN")).upper() != "OPEN"
    return {"number": node["number"], "node_id": node["id"], "created_at": node.get("createdAt"),
            "state": "closed" if closed else "open"}


def repository_payload(repo: Node) -> dict[str, Any]:
    owner = repo["owner"]
    return {"name": repo["name"], "private": bool(repo.get("isPrivate")), "node_id": repo["id"],
            "owner": {"login": owner["login"],
                      "type": "Organization" if owner.get("__typename") == "Organization"
                      else "User"}}


def _item(name: str, action: str, repository: dict[str, Any], content_key: str,
          content: dict[str, Any], thread_key: str, thread: dict[str, Any]) -> Item:
    payload = {"action": action, "repository": repository, content_key: content,
               "_node_id": content["node_id"]}
    if thread_key != content_key:
        payload[thread_key] = thread
    else:
        payload[content_key] = content | thread
    created = content.get("created_at") or content.get("submitted_at") or ""
    return Item(name, payload, created)


def _nodes(node: Node, field: str) -> list[Node]:
    return [n for n in ((node.get(field) or {}).get("nodes") or []) if n]


def items_of(connection: Connection, thread_node: Node, repository: dict[str, Any]
             ) -> Iterator[Item]:
    """Every piece of content of one thread: its body, then its comments (and reviews,
    review comments, discussion replies) as the events the App receives for them."""
    thread = _thread(thread_node)
    if connection is Connection.DISCUSSIONS:
        yield _item("discussion", "created", repository, "discussion",
                    _content(thread_node, title=True), "discussion", thread)
        for comment in _nodes(thread_node, "comments"):
            for node in (comment, *_nodes(comment, "replies")):
                yield _item("discussion_comment", "created", repository, "comment",
                            _content(node), "discussion", thread)
        return
    pull = connection is Connection.PULL_REQUESTS
    key = "pull_request" if pull else "issue"
    yield _item(key if pull else "issues", "opened", repository, key,
                _content(thread_node, title=True), key, thread)
    for comment in _nodes(thread_node, "comments"):
        yield _item("issue_comment", "created", repository, "comment", _content(comment),
                    "issue", thread)
    for review in _nodes(thread_node, "reviews"):
        if review.get("state") != "PENDING":  # a draft nobody else has seen
            yield _item("pull_request_review", "submitted", repository, "review",
                        _content(review, created="submitted_at") | {"submitted_at":
                            review.get("submittedAt") or review.get("createdAt")},
                        key, thread)
        for comment in _nodes(review, "comments"):
            yield _item("pull_request_review_comment", "created", repository, "comment",
                        _content(comment), key, thread)
