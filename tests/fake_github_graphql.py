"""The fake GitHub's GraphQL side: root resolvers executed by graphql-core.

Objects are dicts; callables inside them are resolved lazily with the field's arguments.
The schema decides the answer's shape, so a field the fake cannot produce shows up as an
execution error (and a violation) instead of a silently wrong answer.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from graphql import DocumentNode, GraphQLError, OperationDefinitionNode

from tests import fake_github_experts as experts  # the expert programme's extra views
from tests import fake_github_history as history  # the scan's extra views
from tests.fake_github_state import (
    ApiError,
    Comment,
    CommentKind,
    Discussion,
    Issue,
    Label,
    NotFoundError,
    Repo,
    iso,
)

if TYPE_CHECKING:
    from tests.fake_github import FakeGitHub


# ------------------------------------------------------------------------- GraphQL


def find_operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name:
        ops = [o for o in ops if o.name is not None and o.name.value == name]
    return ops[0] if ops else None


def _connection(items: list[Any], first: int | None = None, after: str | None = None
                ) -> dict[str, Any]:
    start = int(base64.b64decode(after).decode()) if after else 0
    size = first or 100
    if not 1 <= size <= 100:
        raise GraphQLError("first must be between 1 and 100")
    chunk = items[start:start + size]
    end = start + len(chunk)
    return {"nodes": chunk, "totalCount": len(items),
            "pageInfo": {"hasNextPage": end < len(items), "hasPreviousPage": start > 0,
                         "startCursor": base64.b64encode(str(start).encode()).decode(),
                         "endCursor": base64.b64encode(str(end).encode()).decode()}}


_THREAD_PATH = {CommentKind.ISSUE: "issues", CommentKind.REVIEW_COMMENT: "pull",
                CommentKind.REVIEW: "pull", CommentKind.DISCUSSION: "discussions"}
_LOCK_REASONS = {"OFF_TOPIC": "off-topic", "TOO_HEATED": "too heated",
                 "RESOLVED": "resolved", "SPAM": "spam"}


def _graphql_lock_reason(rest: str | None) -> str | None:
    return next((name for name, words in _LOCK_REASONS.items() if words == rest), None)


class GraphQLRoot:
    """Root resolvers: methods are top-level Query/Mutation fields, called by graphql-core."""

    def __init__(self, fake: FakeGitHub) -> None:
        self.fake = fake

    # -- object views (dicts; callables are resolved lazily with the field's arguments)

    def _author(self, login: str) -> dict[str, Any]:
        u = self.fake.add_user(login)
        return {"__typename": "Bot" if u.type == "Bot" else "User", "login": u.login,
                "id": u.node_id, "databaseId": u.id}

    def _labels(self, repo: str, names: list[str]) -> Callable[..., dict[str, Any]]:
        def resolve(_info: Any, first: int | None = None, after: str | None = None,
                    **_: Any) -> dict[str, Any]:
            labels = [self.fake.add_label(repo, n) for n in names]
            return _connection([{"__typename": "Label", "id": lb.node_id, "name": lb.name,
                                 "color": lb.color} for lb in labels], first, after)
        return resolve

    def view(self, item: Any) -> dict[str, Any]:
        if isinstance(item, Comment):
            return self._comment(item)
        if isinstance(item, Discussion):
            return self._discussion(item)
        if isinstance(item, Issue):
            return self._issue(item)
        if isinstance(item, Label):
            return {"__typename": "Label", "id": item.node_id, "name": item.name}
        raise NotFoundError("Could not resolve to a node")

    def _comment(self, c: Comment) -> dict[str, Any]:
        reason = c.minimized_as.lower().replace("_", "-") if c.minimized_as else None
        out: dict[str, Any] = {
            "__typename": c.kind.value, "id": c.node_id, "databaseId": c.id, "body": c.body,
            "isMinimized": c.minimized_as is not None, "minimizedReason": reason,
            "viewerCanMinimize": True, "author": self._author(c.author),
            "createdAt": iso(c.created_at), "updatedAt": iso(c.updated_at),
            "url": f"https://github.com/{c.repo}/{_THREAD_PATH[c.kind]}/{c.number}#c{c.id}"}
        if c.kind is CommentKind.DISCUSSION:
            out["discussion"] = lambda _info: self._discussion(
                self.fake.discussion(c.repo, c.number))
        return out | experts.comment_extras(self, c) | history.comment_extras(self, c)

    def _discussion(self, d: Discussion) -> dict[str, Any]:
        comments = [c for c in self.fake.comments_on(d.repo, d.number, CommentKind.DISCUSSION)
                    if c.reply_to is None]  # replies hang under their comment, as on GitHub
        return {"__typename": "Discussion", "id": d.node_id, "databaseId": d.id,
                "number": d.number, "title": d.title, "body": d.body, "locked": d.locked,
                "activeLockReason": _graphql_lock_reason(d.lock_reason),
                "author": self._author(d.author),
                "createdAt": iso(d.created_at), "labels": self._labels(d.repo, d.labels),
                "url": f"https://github.com/{d.repo}/discussions/{d.number}",
                "comments": lambda _info, first=None, after=None, last=None, **_: _connection(
                    [self._comment(c) for c in (comments[-last:] if last else comments)],
                    first or last, after)} | experts.discussion_extras(self, d) | \
            history.discussion_extras(d)

    def _issue(self, i: Issue) -> dict[str, Any]:
        return {"__typename": "PullRequest" if i.is_pr else "Issue", "id": i.node_id,
                "databaseId": i.id, "number": i.number, "title": i.title, "body": i.body or "",
                "locked": i.locked, "author": self._author(i.author),
                "activeLockReason": _graphql_lock_reason(i.lock_reason),
                "labels": self._labels(i.repo, i.labels)} | experts.issue_extras(self, i) | \
            history.issue_extras(self, i)

    def _find(self, node_id: str, *types: type) -> Any:
        item = self.fake.node(node_id)
        if item is None or (types and not isinstance(item, types)):
            raise NotFoundError(f"Could not resolve to a node with the global id of '{node_id}'")
        return item

    # -- queries

    def node(self, _info: Any, id: str) -> dict[str, Any]:
        return self.view(self._find(id))

    def repository(self, _info: Any, owner: str, name: str, **_: Any) -> dict[str, Any]:
        repo = self.fake.repos.get(f"{owner}/{name}")
        if repo is None:
            raise NotFoundError(f"Could not resolve to a Repository named '{owner}/{name}'.")
        return {"__typename": "Repository", "id": repo.node_id, "name": repo.name,
                "nameWithOwner": repo.full_name, "isPrivate": repo.private,
                "visibility": "PRIVATE" if repo.private else "PUBLIC",
                "discussion": lambda _info, number: self._discussion(
                    self._or_not_found(lambda: self.fake.discussion(repo.full_name, number))),
                "label": lambda _info, name: self._label_view(repo, name),
                **experts.repository_extras(self, repo), **history.repository_extras(repo)}

    def _or_not_found(self, get: Callable[[], Any]) -> Any:
        try:
            return get()
        except ApiError:
            raise NotFoundError("Could not resolve to a node") from None

    def _label_view(self, repo: Repo, name: str) -> dict[str, Any] | None:
        label = repo.labels.get(name.lower())
        return None if label is None else {"__typename": "Label", "id": label.node_id,
                                           "name": label.name}

    def organization(self, _info: Any, login: str) -> dict[str, Any]:
        org = self.fake.orgs.get(login)
        if org is None:
            raise NotFoundError(f"Could not resolve to an Organization with login '{login}'.")

        def team(_info: Any, slug: str) -> dict[str, Any] | None:
            if slug not in org.teams:
                return None
            members = [self._author(m) for m in org.teams[slug]]
            return {"__typename": "Team", "slug": slug,
                    "members": lambda _info, first=None, after=None, **_: _connection(
                        members, first, after)}
        return {"__typename": "Organization", "login": org.login, "team": team,
                **history.organization_extras(self, org)}

    def rateLimit(self, _info: Any, **_: Any) -> dict[str, Any]:
        reset = datetime.now(UTC) + timedelta(seconds=self.fake.rate_limit_reset_in)
        return {"cost": 1, "limit": 5000, "remaining": self.fake.rate_limit["graphql"],
                "used": 5000 - self.fake.rate_limit["graphql"], "resetAt": iso(reset),
                "nodeCount": 1}

    # -- mutations

    def minimizeComment(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        comment = self._find(input["subjectId"], Comment)
        comment.minimized_as = input["classifier"]
        return {"clientMutationId": input.get("clientMutationId"),
                "minimizedComment": self._comment(comment)}

    def unminimizeComment(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        comment = self._find(input["subjectId"], Comment)
        comment.minimized_as = None
        return {"clientMutationId": input.get("clientMutationId"),
                "unminimizedComment": self._comment(comment)}

    def createDiscussion(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        return experts.create_discussion(self, input)

    def updateDiscussion(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        discussion = self._find(input["discussionId"], Discussion)
        for key in ("title", "body"):
            if input.get(key) is not None:
                setattr(discussion, key, input[key])
        return {"clientMutationId": input.get("clientMutationId"),
                "discussion": self._discussion(discussion)}

    def updateDiscussionComment(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        comment = self._find(input["commentId"], Comment)
        comment.body, comment.updated_at = input["body"], datetime.now(UTC)
        return {"clientMutationId": input.get("clientMutationId"),
                "comment": self._comment(comment)}

    def deleteDiscussionComment(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        comment = self._find(input["id"], Comment)
        if comment.kind is not CommentKind.DISCUSSION:
            raise NotFoundError(f"Could not resolve to a DiscussionComment with the id "
                                f"'{input['id']}'")
        view = self._comment(comment)
        self.fake.delete_comment(comment)
        return {"clientMutationId": input.get("clientMutationId"), "comment": view}

    def addDiscussionComment(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        discussion = self._find(input["discussionId"], Discussion)
        comment = self.fake.add_discussion_comment(discussion.repo, discussion.number,
                                                   input["body"], author="governance-bot")
        comment.reply_to = input.get("replyToId")
        return {"clientMutationId": input.get("clientMutationId"),
                "comment": self._comment(comment)}

    def _relabel(self, input: dict[str, Any], add: bool) -> dict[str, Any]:
        item = self._find(input["labelableId"], Discussion, Issue)
        repo = self.fake.repo(item.repo)
        for label_id in input["labelIds"]:
            label = next((lb for lb in repo.labels.values() if lb.node_id == label_id), None)
            if label is None:
                raise NotFoundError(f"Could not resolve to a node with the id '{label_id}'")
            if add and label.name not in item.labels:
                item.labels.append(label.name)
            if not add and label.name in item.labels:
                item.labels.remove(label.name)
        return {"clientMutationId": input.get("clientMutationId"), "labelable": self.view(item)}

    def addLabelsToLabelable(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        return self._relabel(input, add=True)

    def removeLabelsFromLabelable(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        return self._relabel(input, add=False)

    def lockLockable(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        item = self._find(input["lockableId"], Discussion, Issue)
        item.locked = True
        reason = input.get("lockReason")
        item.lock_reason = _LOCK_REASONS[reason] if reason else None  # state keeps REST words
        return {"clientMutationId": input.get("clientMutationId"),
                "lockedRecord": self.view(item), "actor": self._author("governance-bot")}

    def unlockLockable(self, _info: Any, input: dict[str, Any]) -> dict[str, Any]:
        item = self._find(input["lockableId"], Discussion, Issue)
        item.locked, item.lock_reason = False, None
        return {"clientMutationId": input.get("clientMutationId"),
                "unlockedRecord": self.view(item), "actor": self._author("governance-bot")}


