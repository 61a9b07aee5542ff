"""GitHub reads (and the few writes) of the expert programme, on ``adapters.github``'s client.

Activity is read repository by repository with GraphQL, newest first, stopping at the first
thread last updated before the window starts. That relies on GitHub moving a thread's
``updatedAt`` when someone comments on or reviews it (true for issues and pull requests per
the REST ``since`` description; assumed for discussions). Connections are paged with
``first``/``after`` and nested connections that overflow are followed up per node, keeping
every query well under GitHub's 500,000-node limit (page sizes below).

Retries, rate limits and token refresh are ``http.GitHubClient``'s: nothing is repeated here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

from governance.adapters.github import GitHubAdapter
from governance.adapters.http import GitHubClient, GitHubError
from governance.experts.activity import Contribution, Kind
from governance.experts.months import Window
from governance.ports import NotFound

_COMMENT = """fragment ExpertComment on DiscussionComment {
  url createdAt isAnswer isMinimized author { __typename login } }"""
_THREADED = """fragment ExpertThreaded on DiscussionCommentConnection {
  pageInfo { hasNextPage endCursor }
  nodes { id ...ExpertComment
    replies(first: 50) { pageInfo { hasNextPage endCursor } nodes { ...ExpertComment } } } }"""
_ISSUE_COMMENTS = """fragment ExpertIssueComments on IssueCommentConnection {
  pageInfo { hasNextPage endCursor }
  nodes { url createdAt isMinimized author { __typename login } } }"""
_REVIEWS = """fragment ExpertReviews on PullRequestReviewConnection {
  pageInfo { hasNextPage endCursor }
  nodes { url createdAt submittedAt state isMinimized author { __typename login } } }"""

# 25 discussions x 100 comments x 50 replies = 127,525 nodes at most per request.
DISCUSSIONS = """query ExpertDiscussions($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: 25, after: $after, orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { id updatedAt author { login } comments(first: 100) { ...ExpertThreaded } } } } }
""" + _THREADED + _COMMENT
DISCUSSION_COMMENTS = """query ExpertDiscussionComments($id: ID!, $after: String) {
  node(id: $id) { ... on Discussion { comments(first: 100, after: $after) {
    ...ExpertThreaded } } } }
""" + _THREADED + _COMMENT
REPLIES = """query ExpertReplies($id: ID!, $after: String) {
  node(id: $id) { ... on DiscussionComment { replies(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { ...ExpertComment } } } } }
""" + _COMMENT
QUESTIONS = """query ExpertQuestions($owner: String!, $name: String!, $labels: [String!],
    $since: DateTime, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 50, after: $after, labels: $labels, filterBy: {since: $since},
           orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { id updatedAt author { login } comments(first: 100) { ...ExpertIssueComments } } } } }
""" + _ISSUE_COMMENTS
ISSUE_COMMENTS = """query ExpertMoreIssueComments($id: ID!, $after: String) {
  node(id: $id) { ... on Issue { comments(first: 100, after: $after) {
    ...ExpertIssueComments } } } }
""" + _ISSUE_COMMENTS
PULL_REQUESTS = """query ExpertPullRequests($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: 50, after: $after, orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { id updatedAt author { login } reviews(first: 100) { ...ExpertReviews } } } } }
""" + _REVIEWS
REVIEWS = """query ExpertMoreReviews($id: ID!, $after: String) {
  node(id: $id) { ... on PullRequest { reviews(first: 100, after: $after) {
    ...ExpertReviews } } } }
""" + _REVIEWS
DISCUSSION_TARGET = """query ExpertReportTarget($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    id
    discussionCategories(first: 100) { nodes { id name slug } }
    discussions(first: 50, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes { title url } } } }"""
CREATE_DISCUSSION = """mutation ExpertReport($repo: ID!, $category: ID!, $title: String!,
    $body: String!) {
  createDiscussion(input: {repositoryId: $repo, categoryId: $category, title: $title,
                           body: $body}) { discussion { url } } }"""

QUERIES = (DISCUSSIONS, DISCUSSION_COMMENTS, REPLIES, QUESTIONS, ISSUE_COMMENTS, PULL_REQUESTS,
           REVIEWS, DISCUSSION_TARGET, CREATE_DISCUSSION)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _who(node: dict[str, Any]) -> tuple[str, bool]:
    author = node.get("author") or {}  # null for deleted accounts ("ghost")
    login = str(author.get("login") or "")
    return login, author.get("__typename") == "Bot" or login.endswith("[bot]")


def _contribution(node: dict[str, Any], kind: Kind, repo: str, asker: str,
                  at: datetime | None = None) -> Contribution | None:
    login, bot = _who(node)
    moment = at or _time(node.get("createdAt"))
    if moment is None:
        return None
    return Contribution(login, kind, moment, repo, str(node.get("url") or ""),
                        bool(node.get("isMinimized")), asker, bot)


class GitHubActivity:
    """Reads contributions from GitHub and changes team membership for the programme."""

    def __init__(self, client: GitHubClient) -> None:
        self.client = client

    @classmethod
    def of(cls, github: GitHubAdapter) -> GitHubActivity:
        """Share the adapter's client: one session, one retry policy, one set of metrics."""
        return cls(github.client)

    # ---------------------------------------------------------------- activity

    async def contributions(self, repo: str, window: Window, question_label: str
                            ) -> list[Contribution]:
        found: list[Contribution] = []
        found += [c async for c in self._discussions(repo, window)]
        if question_label:
            found += [c async for c in self._questions(repo, window, question_label)]
        found += [c async for c in self._reviews(repo, window)]
        return found

    async def _pages(self, query: str, path: Sequence[str], window: Window | None,
                     **variables: Any) -> AsyncIterator[dict[str, Any]]:
        """Nodes of a top-level connection, newest first, until one predates ``window``."""
        after: str | None = None
        while True:
            data = await self.client.graphql(query, after=after, **variables)
            for key in path:
                data = data.get(key) or {}
                if not data:
                    raise NotFound(f"GraphQL {'.'.join(path)} for {variables}")
            for node in data["nodes"]:
                updated = _time(node.get("updatedAt"))
                if window is not None and updated is not None and updated < window.start:
                    return
                yield node
            if not data["pageInfo"]["hasNextPage"]:
                return
            after = data["pageInfo"]["endCursor"]

    async def _rest_of(self, connection: dict[str, Any], query: str, node_id: str,
                       field: str) -> list[dict[str, Any]]:
        """The connection's nodes, fetching further pages through ``node(id)`` if needed."""
        nodes = list(connection["nodes"])
        page = connection["pageInfo"]
        while page["hasNextPage"]:
            data = await self.client.graphql(query, id=node_id, after=page["endCursor"])
            more = (data.get("node") or {})[field]
            nodes += more["nodes"]
            page = more["pageInfo"]
        return nodes

    async def _discussions(self, repo: str, window: Window) -> AsyncIterator[Contribution]:
        owner, name = repo.split("/", 1)
        async for d in self._pages(DISCUSSIONS, ("repository", "discussions"), window,
                                   owner=owner, name=name):
            asker, _ = _who(d)
            comments = await self._rest_of(d["comments"], DISCUSSION_COMMENTS, d["id"],
                                           "comments")
            for comment in comments:
                kind = Kind.ANSWER if comment.get("isAnswer") else Kind.DISCUSSION_COMMENT
                replies = await self._rest_of(comment["replies"], REPLIES, comment["id"],
                                              "replies")
                found = [_contribution(comment, kind, repo, asker)]
                found += [_contribution(r, Kind.DISCUSSION_COMMENT, repo, asker) for r in replies]
                for item in found:
                    if item is not None:
                        yield item

    async def _questions(self, repo: str, window: Window, label: str
                         ) -> AsyncIterator[Contribution]:
        owner, name = repo.split("/", 1)
        since = window.start.strftime("%Y-%m-%dT%H:%M:%SZ")
        async for issue in self._pages(QUESTIONS, ("repository", "issues"), window,
                                       owner=owner, name=name, labels=[label], since=since):
            asker, _ = _who(issue)
            for c in await self._rest_of(issue["comments"], ISSUE_COMMENTS, issue["id"],
                                         "comments"):
                found = _contribution(c, Kind.QUESTION_COMMENT, repo, asker)
                if found is not None:
                    yield found

    async def _reviews(self, repo: str, window: Window) -> AsyncIterator[Contribution]:
        owner, name = repo.split("/", 1)
        async for pr in self._pages(PULL_REQUESTS, ("repository", "pullRequests"), window,
                                    owner=owner, name=name):
            author, _ = _who(pr)
            for r in await self._rest_of(pr["reviews"] or _EMPTY, REVIEWS, pr["id"], "reviews"):
                if r.get("state") == "PENDING":
                    continue  # a draft review nobody else can see yet
                found = _contribution(r, Kind.REVIEW, repo, author, _time(r.get("submittedAt")))
                if found is not None:
                    yield found

    # ------------------------------------------------------------------ writes

    async def remove_team_member(self, team: str, login: str) -> None:
        """Leave ``org/slug``. Not in the trimmed REST description: checked against the full one
        (``teams/remove-membership-for-user-in-org``: 204, or 403 without the right)."""
        org, slug = team.split("/", 1)
        try:
            await self.client.rest("DELETE", "/orgs/{org}/teams/{team_slug}/memberships/{username}",
                                   {"org": org, "team_slug": slug, "username": login})
        except NotFound:
            return  # already gone (or the team is): the state we want

    async def post_discussion(self, repo: str, category: str, title: str, body: str) -> str:
        """Post once: an existing discussion with the same title is returned instead."""
        owner, name = repo.split("/", 1)
        data = (await self.client.graphql(DISCUSSION_TARGET, owner=owner, name=name))["repository"]
        existing = next((d for d in data["discussions"]["nodes"] if d["title"] == title), None)
        if existing is not None:
            return str(existing["url"])
        wanted = category.lower()
        found = next((c for c in data["discussionCategories"]["nodes"]
                      if wanted in (c["name"].lower(), c["slug"].lower())), None)
        if found is None:
            raise GitHubError(f"{repo} has no discussion category {category!r}")
        created = await self.client.graphql(CREATE_DISCUSSION, idempotent=False, repo=data["id"],
                                            category=found["id"], title=title, body=body)
        return str(created["createDiscussion"]["discussion"]["url"])


_EMPTY: dict[str, Any] = {"nodes": [], "pageInfo": {"hasNextPage": False, "endCursor": None}}
