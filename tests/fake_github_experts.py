"""The fake GitHub's reads for the expert programme: threads newest first, answers, replies,
question comments and reviews, plus ``createDiscussion`` for the published report.

Kept apart from ``fake_github_graphql`` so the views there only need one hook line each.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from tests.fake_github_state import (
    Comment,
    CommentKind,
    Discussion,
    Issue,
    NotFoundError,
    Repo,
    iso,
)

if TYPE_CHECKING:
    from tests.fake_github_graphql import GraphQLRoot

CATEGORIES = (("General", "general"), ("Announcements", "announcements"))


def _connection(items: list[Any], first: int | None, after: str | None) -> dict[str, Any]:
    from tests.fake_github_graphql import _connection as connection

    return connection(items, first, after)


def comment_extras(root: GraphQLRoot, c: Comment) -> dict[str, Any]:
    if c.kind is CommentKind.DISCUSSION:
        thread = root.fake.discussion(c.repo, c.number)
        replies = [r for r in root.fake.comments_on(c.repo, c.number, CommentKind.DISCUSSION)
                   if r.reply_to == c.node_id]
        return {"isAnswer": thread.answer_id == c.node_id,
                "replies": lambda _info, first=None, after=None, **_: _connection(
                    [root.view(r) for r in replies], first, after)}
    if c.kind is CommentKind.REVIEW:
        submitted = None if c.review_state == "PENDING" else iso(c.created_at)
        return {"state": c.review_state, "submittedAt": submitted}
    return {}


def discussion_extras(root: GraphQLRoot, d: Discussion) -> dict[str, Any]:
    answer = root.fake.comments.get(d.answer_id or "")
    return {"updatedAt": iso(d.updated_at),
            "answer": None if answer is None else root.view(answer)}


def issue_extras(root: GraphQLRoot, i: Issue) -> dict[str, Any]:
    kind = CommentKind.REVIEW if i.is_pr else CommentKind.ISSUE
    items = root.fake.comments_on(i.repo, i.number, kind)
    return {"updatedAt": iso(i.updated_at),
            "reviews" if i.is_pr else "comments":
                lambda _info, first=None, after=None, **_: _connection(
                    [root.view(c) for c in items], first, after)}


def _ordered(items: list[Any], order: dict[str, str] | None) -> list[Any]:
    """GitHub's default for these connections here: most recently updated first."""
    order = order or {}
    key = "created_at" if order.get("field") == "CREATED_AT" else "updated_at"
    return sorted(items, key=lambda x: getattr(x, key), reverse=order.get("direction") != "ASC")


def _since(filter_by: dict[str, Any] | None) -> datetime | None:
    value = (filter_by or {}).get("since")
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def repository_extras(root: GraphQLRoot, repo: Repo) -> dict[str, Any]:
    def discussions(_info: Any, first: int | None = None, after: str | None = None,
                    orderBy: dict[str, str] | None = None, **_: Any) -> dict[str, Any]:
        found = _ordered(list(repo.discussions.values()), orderBy)
        return _connection([root.view(d) for d in found], first, after)

    def issues(_info: Any, first: int | None = None, after: str | None = None,
               labels: list[str] | None = None, filterBy: dict[str, Any] | None = None,
               orderBy: dict[str, str] | None = None, **_: Any) -> dict[str, Any]:
        since, wanted = _since(filterBy), {n.lower() for n in labels or []}
        found = [i for i in repo.issues.values() if not i.is_pr
                 and wanted <= {x.lower() for x in i.labels}
                 and (since is None or i.updated_at >= since)]
        return _connection([root.view(i) for i in _ordered(found, orderBy)], first, after)

    def pull_requests(_info: Any, first: int | None = None, after: str | None = None,
                      orderBy: dict[str, str] | None = None, **_: Any) -> dict[str, Any]:
        found = [i for i in repo.issues.values() if i.is_pr]
        return _connection([root.view(i) for i in _ordered(found, orderBy)], first, after)

    categories = [{"__typename": "DiscussionCategory", "id": f"DIC_{repo.node_id}_{slug}",
                   "name": name, "slug": slug} for name, slug in CATEGORIES]
    return {"discussions": discussions, "issues": issues, "pullRequests": pull_requests,
            "discussionCategories": lambda _info, first=None, after=None, **_: _connection(
                categories, first, after)}


def create_discussion(root: GraphQLRoot, input: dict[str, Any]) -> dict[str, Any]:
    repo = next((r for r in root.fake.repos.values() if r.node_id == input["repositoryId"]), None)
    if repo is None or not input["categoryId"].startswith(f"DIC_{repo.node_id}_"):
        raise NotFoundError("Could not resolve to a node")
    made = root.fake.add_discussion(repo.full_name, title=input["title"], body=input["body"],
                                    author="governance-bot")
    return {"clientMutationId": input.get("clientMutationId"), "discussion": root.view(made)}
