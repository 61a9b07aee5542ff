"""The fake GitHub's views for ``governance scan``: creation times, URLs, states and author
associations of threads and comments, a pull request's conversation comments, a review's
line comments, and an organisation's repositories.

Kept apart from ``fake_github_graphql`` so the views there only need one hook line each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.fake_github_state import Comment, CommentKind, Discussion, Issue, Org, Repo, iso

if TYPE_CHECKING:
    from tests.fake_github_graphql import GraphQLRoot


def _connection(items: list[Any], first: int | None, after: str | None) -> dict[str, Any]:
    from tests.fake_github_graphql import _connection as connection

    return connection(items, first, after)


def repository_extras(repo: Repo) -> dict[str, Any]:
    kind = "Organization" if repo.owner_type == "Organization" else "User"
    return {"owner": {"__typename": kind, "login": repo.owner}}


def issue_extras(root: GraphQLRoot, i: Issue) -> dict[str, Any]:
    kind = "pull" if i.is_pr else "issues"
    out: dict[str, Any] = {
        "createdAt": iso(i.created_at), "url": f"https://github.com/{i.repo}/{kind}/{i.number}",
        "state": i.state.upper(), "closed": i.state != "open",
        "authorAssociation": i.association}
    if i.is_pr:  # its conversation (issue comments); reviews come from the expert views
        comments = root.fake.comments_on(i.repo, i.number, CommentKind.ISSUE)
        out["comments"] = lambda _info, first=None, after=None, **_: _connection(
            [root.view(c) for c in comments], first, after)
    return out


def comment_extras(root: GraphQLRoot, c: Comment) -> dict[str, Any]:
    out: dict[str, Any] = {"authorAssociation": c.association}
    if c.kind is CommentKind.REVIEW:
        lines = [x for x in root.fake.comments_on(c.repo, c.number, CommentKind.REVIEW_COMMENT)
                 if x.review_id == c.node_id]
        out["comments"] = lambda _info, first=None, after=None, **_: _connection(
            [root.view(x) for x in lines], first, after)
    return out


def discussion_extras(d: Discussion) -> dict[str, Any]:
    return {"closed": False,  # the fake keeps no closed state for discussions
            "authorAssociation": d.association}


def organization_extras(root: GraphQLRoot, org: Org) -> dict[str, Any]:
    repos = sorted((r for r in root.fake.repos.values() if r.owner == org.login),
                   key=lambda r: r.name.lower())

    def repositories(_info: Any, first: int | None = None, after: str | None = None,
                     **_: Any) -> dict[str, Any]:
        return _connection([{"__typename": "Repository", "nameWithOwner": r.full_name,
                             "isArchived": False, "name": r.name} for r in repos], first, after)
    return {"repositories": repositories}
