"""A repository's history over GraphQL, a page of threads at a time, for ``governance scan``.

One request brings up to 100 threads (issues, pull requests or discussions) with their
first comments, reviews, review comments and replies nested, so a scan costs far less than
one request per item; a thread with more than fits is completed with follow-up requests on
its node. Every document also asks ``rateLimit { cost remaining resetAt }``: when the
budget runs low the reader slows down, and when it is (nearly) spent it waits for the reset
instead of failing. Secondary limits and exhausted primary limits (403/429) are waited out
by ``GitHubClient``'s retry policy. Sleep and clock are injected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from governance.adapters.http import GitHubClient
from governance.adapters.retry import RetryPolicy, Sleep
from governance.scan.items import Connection, Node, parse_time, repository_payload
from governance.scan.replay import Page

PAGE = 100
AUTHOR = "author { __typename login ... on User { databaseId } ... on Bot { databaseId } }"
CONTENT = f"id databaseId url body createdAt updatedAt authorAssociation {AUTHOR}"
PAGE_INFO = "pageInfo { hasNextPage endCursor }"
RATE = "rateLimit { cost remaining resetAt }"


@dataclass(frozen=True)
class Level:
    """A GraphQL type the scan reads, its own fields and its nested connections."""

    type: str
    fields: str = ""
    nested: tuple[tuple[str, Level, int], ...] = ()  # (field, child level, first)

    def selection(self) -> str:
        inner = " ".join(f"{name}(first: {first}) {{ {PAGE_INFO} nodes {{ {child.selection()} }} }}"
                         for name, child, first in self.nested)
        return f"{CONTENT} {self.fields} {inner}".strip()


COMMENT = Level("IssueComment")
REVIEW = Level("PullRequestReview", "state submittedAt",
               (("comments", Level("PullRequestReviewComment"), 10),))
REPLY = Level("DiscussionComment")
DISCUSSION_COMMENT = Level("DiscussionComment", "", (("replies", REPLY, 10),))
THREADS = {
    Connection.ISSUES: Level("Issue", "number title state", (("comments", COMMENT, 50),)),
    Connection.PULL_REQUESTS: Level("PullRequest", "number title state",
                                    (("comments", COMMENT, 30), ("reviews", REVIEW, 20))),
    Connection.DISCUSSIONS: Level("Discussion", "number title closed",
                                  (("comments", DISCUSSION_COMMENT, 30),)),
}
ARGUMENTS = {
    Connection.ISSUES: "filterBy: {since: $since}, orderBy: {field: CREATED_AT, direction: ASC}",
    Connection.PULL_REQUESTS: "orderBy: {field: UPDATED_AT, direction: DESC}",
    Connection.DISCUSSIONS: "orderBy: {field: UPDATED_AT, direction: DESC}",
}
REPOSITORY = "id name isPrivate owner { __typename login }"


def page_query(connection: Connection) -> str:
    since = ", $since: DateTime" if connection is Connection.ISSUES else ""
    return (f"query ScanPage($owner: String!, $name: String!, $after: String{since}) {{ {RATE} "
            f"repository(owner: $owner, name: $name) {{ {REPOSITORY} "
            f"{connection.value}(first: {PAGE}, after: $after, {ARGUMENTS[connection]}) {{ "
            f"totalCount {PAGE_INFO} nodes {{ {THREADS[connection].selection()} }} }} }} }}")


def more_query(parent: Level, name: str, child: Level) -> str:
    """The rest of one nested connection of one node."""
    return (f"query ScanMore($id: ID!, $after: String) {{ {RATE} node(id: $id) {{ "
            f"... on {parent.type} {{ {name}(first: {PAGE}, after: $after) {{ {PAGE_INFO} "
            f"nodes {{ {child.selection()} }} }} }} }} }}")


REPOSITORIES = (f"query ScanRepositories($login: String!, $after: String) {{ {RATE} "
                f"organization(login: $login) {{ repositories(first: {PAGE}, after: $after, "
                f"orderBy: {{field: NAME, direction: ASC}}) {{ {PAGE_INFO} "
                f"nodes {{ nameWithOwner isArchived }} }} }} }}")


@dataclass
class Pacer:
    """Spends the GraphQL budget so it lasts until the reset: below ``slow_below`` points
    the requests are spread over the time left, below ``reserve`` the reader waits for the
    reset (the budget is shared with everything else the token does)."""

    sleep: Sleep
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    reserve: int = 100
    slow_below: int = 1000
    waited: list[float] = field(default_factory=list)

    async def after(self, rate: Node | None) -> int | None:
        if not rate:
            return None
        remaining, reset = int(rate["remaining"]), parse_time(rate.get("resetAt"))
        left = max(0.0, (reset - self.now()).total_seconds()) if reset else 0.0
        if remaining < self.reserve:
            await self._wait(left + 1.0)
        elif remaining < self.slow_below:
            await self._wait(left / max(1, remaining - self.reserve))
        return remaining

    async def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.waited.append(seconds)
            await self.sleep(seconds)


def scan_retry(sleep: Sleep, now: Callable[[], float]) -> RetryPolicy:
    """Rate limits are waited out however long they last (a scan has time, an App has not);
    other failures are retried a few times."""
    return RetryPolicy(max_tries=8, max_wait=2 * 3600.0, sleep=sleep, now=now)


class GraphQLHistory:
    """``scan.replay.HistoryReader`` over a ``GitHubClient``."""

    def __init__(self, client: GitHubClient, pacer: Pacer) -> None:
        self.client, self.pacer = client, pacer
        self.requests = 0

    async def _query(self, document: str, **variables: Any) -> tuple[Node, int | None]:
        data: Node = await self.client.graphql(document, **variables)
        self.requests += 1
        return data, await self.pacer.after(data.get("rateLimit"))

    async def repositories(self, org: str) -> list[str]:
        names: list[str] = []
        after: str | None = None
        while True:
            data, _ = await self._query(REPOSITORIES, login=org, after=after)
            found = (data.get("organization") or {}).get("repositories") or {}
            names += [n["nameWithOwner"] for n in found.get("nodes") or []
                      if n and not n.get("isArchived")]
            if not found.get("pageInfo", {}).get("hasNextPage"):
                return names
            after = found["pageInfo"]["endCursor"]

    async def page(self, repo: str, connection: Connection, cursor: str | None,
                   since: datetime | None) -> Page:
        owner, name = repo.split("/", 1)
        before = self.requests
        variables: dict[str, Any] = {"owner": owner, "name": name, "after": cursor}
        if connection is Connection.ISSUES:
            variables["since"] = since.isoformat() if since else None
        data, remaining = await self._query(page_query(connection), **variables)
        repository = data["repository"]
        found = repository[connection.value]
        threads = [n for n in found.get("nodes") or [] if n]
        for thread in threads:
            remaining = await self._complete(thread, THREADS[connection]) or remaining
        info = found["pageInfo"]
        return Page(repository_payload(repository), threads, info.get("endCursor"),
                    bool(info.get("hasNextPage")), int(found.get("totalCount") or 0),
                    self.requests - before, remaining)

    async def _complete(self, node: dict[str, Any], level: Level) -> int | None:
        """Follow every nested connection of ``node`` that did not fit, depth first."""
        remaining = None
        for name, child, _first in level.nested:
            connection = node.get(name) or {"nodes": [], "pageInfo": {}}
            info = connection.get("pageInfo") or {}
            while info.get("hasNextPage"):
                data, remaining = await self._query(more_query(level, name, child),
                                                    id=node["id"], after=info["endCursor"])
                more = (data.get("node") or {}).get(name) or {}
                connection["nodes"] = [*(connection.get("nodes") or []),
                                       *(more.get("nodes") or [])]
                info = more.get("pageInfo") or {}
            for inner in connection.get("nodes") or []:
                if inner:
                    remaining = await self._complete(inner, child) or remaining
        return remaining

