"""``ports.GitHub`` on gidgethub: REST where GitHub has it, GraphQL where it only has that.

GraphQL carries hiding (``minimizeComment``), everything on discussions, repository
visibility and team members (the last two keep us inside the REST paths the bot's
contract covers). Retries, rate limits and token refresh live in ``http.GitHubClient``.

Writes that create something (comments, issues) or swap a file's sha are not blindly
retried: after an ambiguous failure (5xx, timeout, dropped connection) we first look for
what the lost attempt may have done (an item with exactly the text we sent, created since
the call started; a file already holding our text) and adopt it if it is there. Bodies
stay untouched (no hidden markers), at the price that two identical posts by the bot on one
thread within the same couple of minutes would be merged into one, which is harmless.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

from governance.adapters.http import (
    DEFAULT_API_URL,
    GitHubClient,
    GitHubError,
    GitHubMetrics,
    TokenSource,
    endpoints_from_env,
)
from governance.adapters.retry import RetryPolicy
from governance.model import (
    Field,
    HideClassifier,
    LockReason,
    Surface,
    Target,
    line_and_column,
)
from governance.ports import (
    CommentRef,
    Conflict,
    FileContent,
    IssueRef,
    NotFound,
    UnreadableFile,
)

LABEL_COLOR = "d93f0b"
# How far back an item may have been created to count as the one a lost attempt made;
# generous because GitHub's clock and ours differ.
RECOVERY_WINDOW = timedelta(minutes=2)
# Roles GitHub reports in ``role_name`` that we pass on as they are (custom roles are not).
STANDARD_ROLES = frozenset({"admin", "maintain", "write", "triage", "read", "none"})

# Where the text of each REST-backed surface is read (GET) and written (PATCH; reviews: PUT).
TEXT_URLS = {
    Surface.ISSUE: "/repos/{owner}/{repo}/issues/{number}",
    Surface.PULL_REQUEST: "/repos/{owner}/{repo}/pulls/{number}",
    Surface.ISSUE_COMMENT: "/repos/{owner}/{repo}/issues/comments/{id}",
    Surface.REVIEW_COMMENT: "/repos/{owner}/{repo}/pulls/comments/{id}",
    Surface.REVIEW: "/repos/{owner}/{repo}/pulls/{number}/reviews/{id}",
}

MINIMIZE = """mutation Minimize($id: ID!, $classifier: ReportedContentClassifiers!) {
  minimizeComment(input: {subjectId: $id, classifier: $classifier}) {
    minimizedComment { isMinimized minimizedReason } } }"""
UNMINIMIZE = """mutation Unminimize($id: ID!) {
  unminimizeComment(input: {subjectId: $id}) { unminimizedComment { isMinimized } } }"""
DISCUSSION_TEXT = """query DiscussionText($id: ID!) { node(id: $id) {
  ... on Discussion { title body } ... on DiscussionComment { body } } }"""
# One field per mutation: GitHub need not read an explicit null as "leave it alone".
UPDATE_DISCUSSION = {
    field: f"""mutation UpdateDiscussion($id: ID!, $text: String!) {{
  updateDiscussion(input: {{discussionId: $id, {field.value}: $text}}) {{
    discussion {{ id }} }} }}"""
    for field in Field}
UPDATE_DISCUSSION_COMMENT = """mutation UpdateDiscussionComment($id: ID!, $body: String!) {
  updateDiscussionComment(input: {commentId: $id, body: $body}) { comment { id } } }"""
DELETE_DISCUSSION_COMMENT = """mutation DeleteDiscussionComment($id: ID!) {
  deleteDiscussionComment(input: {id: $id}) { clientMutationId } }"""
# Comments that can be deleted over REST (``issues/delete-comment``,
# ``pulls/delete-review-comment``); discussion comments over GraphQL.
DELETE_URLS = {
    Surface.ISSUE_COMMENT: TEXT_URLS[Surface.ISSUE_COMMENT],
    Surface.REVIEW_COMMENT: TEXT_URLS[Surface.REVIEW_COMMENT],
}
DISCUSSION_ID = """query DiscussionId($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) { discussion(number: $number) { id } } }"""
ADD_LABELS = """mutation AddLabels($id: ID!, $labels: [ID!]!) {
  addLabelsToLabelable(input: {labelableId: $id, labelIds: $labels}) { clientMutationId } }"""
REMOVE_LABELS = """mutation RemoveLabels($id: ID!, $labels: [ID!]!) {
  removeLabelsFromLabelable(input: {labelableId: $id, labelIds: $labels}) {
    clientMutationId } }"""
LOCK = """mutation Lock($id: ID!, $reason: LockReason) {
  lockLockable(input: {lockableId: $id, lockReason: $reason}) { lockedRecord { locked } } }"""
ADD_DISCUSSION_COMMENT = """mutation AddDiscussionComment($id: ID!, $body: String!) {
  addDiscussionComment(input: {discussionId: $id, body: $body}) { comment { id url } } }"""
RECENT_DISCUSSION_COMMENTS = """query RecentDiscussionComments($id: ID!, $last: Int!) {
  node(id: $id) { ... on Discussion {
    comments(last: $last) { nodes { id databaseId url body createdAt author { login } } }
  } } }"""
VISIBILITY = """query Visibility($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { isPrivate } }"""
TEAM_MEMBERS = """query TeamMembers($org: String!, $slug: String!, $after: String) {
  organization(login: $org) { team(slug: $slug) {
    members(first: 100, after: $after) { nodes { login } pageInfo { hasNextPage endCursor } }
  } } }"""


def _file_text(item: Mapping[str, Any]) -> str:
    """A contents-API file's text; ``UnreadableFile`` when GitHub sent none (files over
    1 MB come with ``encoding: none`` and no content) or it is not UTF-8 (with the line and
    column of the first bad byte)."""
    size = item.get("size") if isinstance(item.get("size"), int) else 0
    if item.get("encoding") == "none" or (not item.get("content") and size):
        raise UnreadableFile(f"the file is {size} bytes; GitHub's contents API gives no "
                             f"content above 1 MB")
    data = base64.b64decode(item.get("content") or "")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file "
                             "as UTF-8", *line_and_column(data, exc.start)) from None


def _split(repo: str) -> dict[str, str]:
    owner, name = repo.split("/", 1)
    return {"owner": owner, "repo": name}


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _issue_ref(item: dict[str, Any]) -> IssueRef:
    return IssueRef(number=item["number"], node_id=item["node_id"], title=item["title"],
                    body=item.get("body") or "", url=item.get("html_url", ""),
                    labels=tuple(label["name"] for label in item.get("labels", [])))


def _discussion_comments(data: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = (((data.get("node") or {}).get("comments") or {}).get("nodes")) or []
    return [n for n in nodes if n]


def _discussion_comment_ref(node: dict[str, Any]) -> CommentRef:
    return CommentRef(id=int(node.get("databaseId") or 0), node_id=str(node.get("id", "")),
                      body=node.get("body") or "", url=node.get("url", ""),
                      author=(node.get("author") or {}).get("login", ""),
                      created_at=_parse_time(node.get("createdAt")))


def _comment_ref(item: dict[str, Any]) -> CommentRef:
    return CommentRef(id=item["id"], node_id=item["node_id"], body=item.get("body") or "",
                      author=(item.get("user") or {}).get("login", ""),
                      created_at=_parse_time(item.get("created_at")),
                      url=item.get("html_url", ""))


class GitHubAdapter:
    """Everything the bot does on GitHub for one token (installation or ``GITHUB_TOKEN``)."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        token: TokenSource,
        base_url: str = DEFAULT_API_URL,
        graphql_url: str | None = None,
        retry: RetryPolicy | None = None,
        cache: MutableMapping[str, Any] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = GitHubClient(session, token=token, base_url=base_url,
                                   graphql_url=graphql_url, retry=retry, cache=cache)
        self._now = now
        self._known_labels: dict[tuple[str, str], str] = {}  # (repo, lower name) -> node id

    @classmethod
    def for_environment(cls, session: aiohttp.ClientSession, environ: Mapping[str, str], *,
                        token: TokenSource, **options: Any) -> GitHubAdapter:
        """Honour ``GITHUB_API_URL``/``GITHUB_GRAPHQL_URL`` (Actions, GHES, tests).

        The caller (an edge) passes ``os.environ``; nothing here reads it.
        """
        api_url, graphql_url = endpoints_from_env(environ)
        return cls(session, token=token, base_url=api_url, graphql_url=graphql_url, **options)

    @property
    def metrics(self) -> GitHubMetrics:
        return self.client.metrics

    # -------------------------------------------------------------- moderation

    async def minimize(self, node_id: str, classifier: HideClassifier) -> None:
        await self.client.graphql(MINIMIZE, id=node_id, classifier=classifier.value)

    async def unminimize(self, node_id: str) -> None:
        await self.client.graphql(UNMINIMIZE, id=node_id)

    async def get_text(self, target: Target, field: Field) -> str:
        if target.surface.is_discussion:
            data = await self.client.graphql(DISCUSSION_TEXT, id=target.node_id)
            return str((data.get("node") or {}).get(field.value) or "")
        url, url_vars = self._rest_text_url(target, field)
        item = await self.client.rest("GET", url, url_vars)
        return str(item.get(field.value) or "")

    async def set_text(self, target: Target, field: Field, text: str) -> None:
        if target.surface is Surface.DISCUSSION:
            await self.client.graphql(UPDATE_DISCUSSION[field], id=target.node_id, text=text)
        elif target.surface is Surface.DISCUSSION_COMMENT:
            await self.client.graphql(UPDATE_DISCUSSION_COMMENT, id=target.node_id, body=text)
        else:
            url, url_vars = self._rest_text_url(target, field)
            method = "PUT" if target.surface is Surface.REVIEW else "PATCH"
            await self.client.rest(method, url, url_vars, data={field.value: text})

    async def delete_comment(self, target: Target) -> None:
        """Delete a comment, edit history and all; ``NotFound`` when it is gone already."""
        if target.surface is Surface.DISCUSSION_COMMENT:
            await self.client.graphql(DELETE_DISCUSSION_COMMENT, id=target.node_id)
            return
        if target.surface not in DELETE_URLS:
            raise ValueError(f"a {target.surface} cannot be deleted by the bot")
        url_vars = {**_split(target.repo), "id": target.rest_id}
        await self.client.rest("DELETE", DELETE_URLS[target.surface], url_vars)

    def _rest_text_url(self, target: Target, field: Field) -> tuple[str, dict[str, Any]]:
        url_vars = {**_split(target.repo), "number": target.number, "id": target.rest_id}
        if field is Field.TITLE and target.surface not in (Surface.ISSUE, Surface.PULL_REQUEST):
            raise ValueError(f"a {target.surface} has no title")
        return TEXT_URLS[target.surface], url_vars

    async def add_label(self, target: Target, label: str, description: str = "") -> None:
        label_id = await self._ensure_label(target.repo, label, description)
        if target.surface.is_discussion:
            discussion = await self._discussion_id(target)
            await self.client.graphql(ADD_LABELS, id=discussion, labels=[label_id])
            return
        await self.client.rest("POST", "/repos/{owner}/{repo}/issues/{number}/labels",
                               {**_split(target.repo), "number": target.number},
                               data={"labels": [label]})

    async def remove_label(self, target: Target, label: str) -> None:
        try:
            if target.surface.is_discussion:
                label_id = await self._label_id(target.repo, label)
                discussion = await self._discussion_id(target)
                await self.client.graphql(REMOVE_LABELS, id=discussion, labels=[label_id])
                return
            await self.client.rest("DELETE", "/repos/{owner}/{repo}/issues/{number}/labels/{name}",
                                   {**_split(target.repo), "number": target.number, "name": label})
        except NotFound:
            return  # the label is not there: the wanted state already holds

    async def has_label(self, repo: str, name: str) -> bool:
        """Does ``repo`` have the label? A label we may not read (403: the token cannot see
        the repository's labels) counts as absent, so the question never fails a delivery."""
        try:
            await self._label_id(repo, name)
        except NotFound:
            return False
        except GitHubError as exc:
            if exc.status != 403:
                raise
            return False
        return True

    async def _label_id(self, repo: str, name: str) -> str:
        key = (repo, name.lower())
        if key not in self._known_labels:
            item = await self.client.rest("GET", "/repos/{owner}/{repo}/labels/{name}",
                                          {**_split(repo), "name": name})
            self._known_labels[key] = item["node_id"]
        return self._known_labels[key]

    async def _ensure_label(self, repo: str, name: str, description: str) -> str:
        """The label's node id, creating it (with our colour and description) when missing."""
        try:
            return await self._label_id(repo, name)
        except NotFound:
            pass
        data = {"name": name, "color": LABEL_COLOR, "description": description[:100]}
        try:
            item = await self.client.rest("POST", "/repos/{owner}/{repo}/labels", _split(repo),
                                          data=data)
        except GitHubError as exc:
            if exc.status != 422:  # 422: someone created it meanwhile
                raise
            return await self._label_id(repo, name)
        self._known_labels[(repo, name.lower())] = item["node_id"]
        return str(item["node_id"])

    async def _discussion_id(self, target: Target) -> str:
        if target.surface is Surface.DISCUSSION:
            return target.node_id
        owner, name = target.repo.split("/", 1)
        data = await self.client.graphql(DISCUSSION_ID, owner=owner, name=name,
                                         number=target.number)
        return str(data["repository"]["discussion"]["id"])

    async def lock(self, target: Target, reason: LockReason) -> None:
        if target.surface.is_discussion:
            discussion = await self._discussion_id(target)
            await self.client.graphql(LOCK, id=discussion, reason=reason.name)
            return
        await self.client.rest("PUT", "/repos/{owner}/{repo}/issues/{number}/lock",
                               {**_split(target.repo), "number": target.number},
                               data={"lock_reason": reason.value})

    async def comment(self, target: Target, body: str) -> str:
        """Post a public comment in the thread of ``target``; returns its URL."""
        if target.surface.is_discussion:
            return await self._discussion_comment(target, body)
        ref = await self.add_issue_comment(target.repo, target.number, body)
        return ref.url

    async def thread_comments(self, target: Target) -> Sequence[CommentRef]:
        """The comments of the thread ``target`` sits in (a discussion's newest 100)."""
        if not target.surface.is_discussion:
            return await self.issue_comments(target.repo, target.number)
        discussion = await self._discussion_id(target)
        data = await self.client.graphql(RECENT_DISCUSSION_COMMENTS, id=discussion, last=100)
        return [_discussion_comment_ref(n) for n in _discussion_comments(data)]

    async def _discussion_comment(self, target: Target, body: str) -> str:
        discussion = await self._discussion_id(target)
        since = self._now() - RECOVERY_WINDOW

        async def recover() -> dict[str, Any] | None:
            data = await self.client.graphql(RECENT_DISCUSSION_COMMENTS, id=discussion, last=20)
            for node in _discussion_comments(data):
                created = _parse_time(node.get("createdAt"))
                if node.get("body") == body and created is not None and created >= since:
                    return {"addDiscussionComment": {"comment": node}}
            return None

        data = await self.client.graphql(ADD_DISCUSSION_COMMENT, id=discussion, body=body,
                                         idempotent=False, recover=recover)
        return str(data["addDiscussionComment"]["comment"]["url"])

    # ------------------------------------------------------------------ people

    async def block(self, org: str, login: str) -> None:
        url_vars = {"org": org, "username": login}
        try:
            await self.client.rest("PUT", "/orgs/{org}/blocks/{username}", url_vars)
        except GitHubError as exc:
            if exc.status != 422 or not await self._is_blocked(org, login):
                raise

    async def _is_blocked(self, org: str, login: str) -> bool:
        try:
            await self.client.rest("GET", "/orgs/{org}/blocks/{username}",
                                   {"org": org, "username": login})
        except NotFound:
            return False
        return True

    async def unblock(self, org: str, login: str) -> None:
        """Lift an organisation block. 404: there is no such organisation (a user account,
        where a ban was an interaction limit that runs out by itself), nothing to lift."""
        try:
            await self.client.rest("DELETE", "/orgs/{org}/blocks/{username}",
                                   {"org": org, "username": login})
        except NotFound:
            return  # the wanted state already holds, so the sweep may record the lift

    async def limit_interactions(self, repo: str, limit: str, expiry: str) -> None:
        await self.client.rest("PUT", "/repos/{owner}/{repo}/interaction-limits", _split(repo),
                               data={"limit": limit, "expiry": expiry})

    async def permission(self, repo: str, login: str) -> str:
        """``admin``/``maintain``/``write``/``triage``/``read``/``none`` (custom roles fold)."""
        try:
            item = await self.client.rest(
                "GET", "/repos/{owner}/{repo}/collaborators/{username}/permission",
                {**_split(repo), "username": login})
        except NotFound:
            return "none"
        role = item.get("role_name")
        return str(role if role in STANDARD_ROLES else item.get("permission", "none"))

    async def is_org_member(self, org: str, login: str) -> bool:
        """False also when GitHub answers 302: the token cannot see private membership."""
        try:
            await self.client.rest("GET", "/orgs/{org}/members/{username}",
                                   {"org": org, "username": login})
        except NotFound:
            return False
        except GitHubError as exc:
            if exc.status == 302:
                return False
            raise
        return True

    async def org_role(self, org: str, login: str) -> str:
        """``admin`` for an owner of ``org``, ``member``, or "" for no active membership or
        one the token may not read (403): the caller then treats the person as no owner."""
        try:
            item = await self.client.rest("GET", "/orgs/{org}/memberships/{username}",
                                          {"org": org, "username": login})
        except NotFound:
            return ""
        except GitHubError as exc:
            if exc.status == 403:
                return ""
            raise
        return str(item.get("role", "")) if item.get("state") == "active" else ""

    async def team_members(self, org: str, team_slug: str) -> Sequence[str]:
        logins: list[str] = []
        after: str | None = None
        while True:
            data = await self.client.graphql(TEAM_MEMBERS, org=org, slug=team_slug, after=after)
            team = (data.get("organization") or {}).get("team")
            if team is None:
                raise NotFound(f"team {org}/{team_slug}")
            logins += [node["login"] for node in team["members"]["nodes"]]
            page = team["members"]["pageInfo"]
            if not page["hasNextPage"]:
                return logins
            after = page["endCursor"]

    async def user(self, login: str) -> dict[str, object]:
        item = await self.client.rest("GET", "/users/{username}", {"username": login})
        return dict(item)

    async def pr_commit_emails(self, repo: str, number: int) -> Sequence[tuple[str, str]]:
        """(GitHub login or "" when the e-mail maps to no account, e-mail) of every commit's
        author and committer, without repeats."""
        items = await self.client.get_all("/repos/{owner}/{repo}/pulls/{number}/commits{?per_page}",
                                          {**_split(repo), "number": number, "per_page": 100})
        found: list[tuple[str, str]] = []
        for item, role in ((i, r) for i in items for r in ("author", "committer")):
            login = (item.get(role) or {}).get("login") or ""
            email = ((item.get("commit") or {}).get(role) or {}).get("email") or ""
            if email and (login, email) not in found:
                found.append((login, email))
        return found

    # ------------------------------------------------------- repositories, files, issues

    async def repo_is_private(self, repo: str) -> bool:
        owner, name = repo.split("/", 1)
        data = await self.client.graphql(VISIBILITY, owner=owner, name=name)
        return bool(data["repository"]["isPrivate"])

    async def read_file(self, repo: str, path: str) -> FileContent | None:
        """The file on the default branch, or None; unchanged files cost a free 304."""
        try:
            item = await self.client.rest("GET", "/repos/{owner}/{repo}/contents/{+path}",
                                          {**_split(repo), "path": path})
        except NotFound:
            return None
        if not isinstance(item, dict) or item.get("type") != "file":
            return None
        return FileContent(text=_file_text(item), sha=str(item["sha"]))

    async def write_file(self, repo: str, path: str, text: str, sha: str | None,
                         message: str) -> str:
        """Compare-and-swap write; ``Conflict`` when ``sha`` is not the current blob."""
        data: dict[str, Any] = {"message": message,
                                "content": base64.b64encode(text.encode()).decode()}
        if sha is not None:
            data["sha"] = sha

        async def recover() -> dict[str, Any] | None:
            """A lost write that landed makes the retry conflict: adopt our own write."""
            current = await self.read_file(repo, path)
            if current is None or current.text != text:
                return None
            return {"content": {"sha": current.sha}}

        try:
            item = await self.client.rest("PUT", "/repos/{owner}/{repo}/contents/{+path}",
                                          {**_split(repo), "path": path}, data=data,
                                          idempotent=False, recover=recover)
        except GitHubError as exc:
            if exc.status == 422:  # creating a file that exists meanwhile
                raise Conflict(f"{repo}/{path}: {exc}") from exc
            raise
        return str(item["content"]["sha"])

    async def find_issues(self, repo: str, label: str) -> Sequence[IssueRef]:
        items = await self.client.get_all(
            "/repos/{owner}/{repo}/issues{?labels,state,per_page}",
            {**_split(repo), "labels": label, "state": "all", "per_page": 100})
        return [_issue_ref(i) for i in items if "pull_request" not in i]

    async def create_issue(self, repo: str, title: str, body: str,
                           labels: Sequence[str]) -> IssueRef:
        since = self._now() - RECOVERY_WINDOW

        async def recover() -> dict[str, Any] | None:
            items = await self.client.get_all(
                "/repos/{owner}/{repo}/issues{?labels,state,since,per_page}",
                {**_split(repo), "labels": ",".join(labels), "state": "all", "per_page": 100,
                 "since": _stamp(since)})
            return next((i for i in items if i.get("title") == title
                         and (i.get("body") or "") == body and "pull_request" not in i), None)

        item = await self.client.rest("POST", "/repos/{owner}/{repo}/issues", _split(repo),
                                      data={"title": title, "body": body, "labels": list(labels)},
                                      idempotent=False, recover=recover)
        return _issue_ref(item)

    async def update_issue(self, repo: str, number: int, *, body: str | None = None,
                           labels: Sequence[str] | None = None, state: str | None = None
                           ) -> None:
        data: dict[str, Any] = {}
        if body is not None:
            data["body"] = body
        if labels is not None:
            data["labels"] = list(labels)
        if state is not None:
            data["state"] = state
        if data:
            await self.client.rest("PATCH", "/repos/{owner}/{repo}/issues/{number}",
                                   {**_split(repo), "number": number}, data=data)

    async def issue_comments(self, repo: str, number: int) -> Sequence[CommentRef]:
        items = await self.client.get_all(
            "/repos/{owner}/{repo}/issues/{number}/comments{?per_page}",
            {**_split(repo), "number": number, "per_page": 100})
        return [_comment_ref(i) for i in items]

    async def recent_comments(self, repo: str, since: datetime,
                              limit: int = 100) -> Sequence[CommentRef]:
        """The repository's newest conversation comments: one request, at most ``limit``."""
        items = await self.client.rest(
            "GET", "/repos/{owner}/{repo}/issues/comments{?sort,direction,since,per_page}",
            {**_split(repo), "sort": "created", "direction": "desc", "since": _stamp(since),
             "per_page": min(limit, 100)})
        return [_comment_ref(i) for i in items]

    async def add_issue_comment(self, repo: str, number: int, body: str) -> CommentRef:
        since = self._now() - RECOVERY_WINDOW
        url_vars = {**_split(repo), "number": number}

        async def recover() -> dict[str, Any] | None:
            items = await self.client.get_all(
                "/repos/{owner}/{repo}/issues/{number}/comments{?since,per_page}",
                {**url_vars, "since": _stamp(since), "per_page": 100})
            return next((i for i in items if i.get("body") == body), None)

        item = await self.client.rest("POST", "/repos/{owner}/{repo}/issues/{number}/comments",
                                      url_vars, data={"body": body}, idempotent=False,
                                      recover=recover)
        return _comment_ref(item)

