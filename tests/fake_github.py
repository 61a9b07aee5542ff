"""The one fake GitHub of the test suite: a contract-checking aiohttp server on loopback.

Real adapter code talks to it over HTTP. Every REST request and every answer the fake gives
is checked against GitHub's trimmed OpenAPI description (openapi-core), every GraphQL
document and its variables against GitHub's public schema (graphql-core), and GraphQL answers
are produced by executing the document against that schema, so their shape is the schema's.
Anything off-contract lands in ``fake.violations`` (the ``fake_github`` fixture fails the test
on teardown) and the caller gets an error answer, so the adapter sees it too.

The state is just enough for the bot: repositories, issues/PRs, comments, reviews, discussions,
labels, minimized state, files with blob shas (compare-and-swap), org blocks and members,
teams, interaction limits, permissions, users, PR commits, installations and hook deliveries.

It also plays github.com's App registration page (``/settings/apps/new``, the start of the
manifest flow), which is a web form rather than an API call and so has no contract.

Seed with ``add_*``/``set_*``; inject faults with ``inject``; assert on ``calls``.
"""

from __future__ import annotations

import asyncio
import enum
import hashlib
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote

from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from graphql import GraphQLError, execute_sync, parse, validate
from openapi_core.templating.paths.exceptions import PathNotFound
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.response.exceptions import InvalidData
from yarl import URL

from tests.fake_github_contracts import (
    DOCS,
    JSON_TYPE,
    SPEC_HOST,
    Contracts,
    dumps,
    real_problems,
    short,
    why,
)
from tests.fake_github_graphql import GraphQLRoot, find_operation
from tests.fake_github_rest import routes
from tests.fake_github_state import (
    Answer,
    ApiError,
    Comment,
    CommentKind,
    Delivery,
    Discussion,
    File,
    Issue,
    Label,
    NotFoundError,
    Org,
    Repo,
    Req,
    User,
)

# The manifest conversion is the one call GitHub answers without any credentials.
_NO_AUTH = re.compile(r"/app-manifests/[^/]+/conversions")
# github.com's App registration pages, where the manifest flow starts (web, not API).
_APP_REGISTRATION = re.compile(r"(?:/organizations/(?P<org>[^/]+))?/settings/apps/new")

__all__ = [
    "ApiError", "Call", "Comment", "CommentKind", "Contracts", "Delivery", "Discussion",
    "FakeGitHub", "Fault", "FaultKind", "File", "Issue", "Label", "Org", "Repo", "User",
]

# ---------------------------------------------------------------------- calls and faults


@dataclass
class Call:
    """One request the fake received, as tests assert on it."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    graphql_fields: tuple[str, ...] = ()
    operation: str = ""  # "query" | "mutation" for GraphQL
    operation_name: str = ""  # the document's own name, e.g. "Minimize"
    variables: dict[str, Any] = field(default_factory=dict)
    status: int = 0

    @property
    def is_graphql(self) -> bool:
        return self.path == "/graphql"

    @property
    def is_write(self) -> bool:
        if self.is_graphql:
            return self.operation == "mutation"
        return self.method not in ("GET", "HEAD", "OPTIONS")


class FaultKind(enum.StrEnum):
    STATUS = "status"  # plain error status (502 by default)
    SECONDARY_RATE_LIMIT = "secondary_rate_limit"  # 403 + Retry-After
    PRIMARY_RATE_LIMIT = "primary_rate_limit"  # 403 + x-ratelimit-remaining: 0
    TOO_MANY_REQUESTS = "too_many_requests"  # 429 + Retry-After
    GRAPHQL_RATE_LIMITED = "graphql_rate_limited"  # 200 with a RATE_LIMITED error
    DELAY = "delay"  # answer normally, but late
    DISCONNECT = "disconnect"  # drop the connection without an answer


@dataclass
class Fault:
    kind: FaultKind
    method: str | None = None
    path: str | None = None  # regular expression, full match on the decoded path
    graphql: str | None = None  # a top-level GraphQL field, e.g. "minimizeComment"
    times: int = 1
    after: bool = False  # act on the request first, then fail (the server did the work)
    status: int = 502
    retry_after: int = 1  # seconds, for SECONDARY_RATE_LIMIT and TOO_MANY_REQUESTS
    reset_in: int = 3600  # seconds until x-ratelimit-reset, for the primary limits
    delay: float = 0.0
    skip: int = 0  # let this many matching requests through first (a fault mid-way)
    hits: int = 0
    skipped: int = 0

    def matches(self, call: Call) -> bool:
        if self.hits >= self.times or not self._aims_at(call):
            return False
        if self.skipped < self.skip:
            self.skipped += 1
            return False
        return True

    def _aims_at(self, call: Call) -> bool:
        if self.graphql is not None:
            return self.graphql in call.graphql_fields
        if self.method is not None and self.method.upper() != call.method:
            return False
        return self.path is None or re.fullmatch(self.path, call.path) is not None


# ------------------------------------------------------------------------------ the fake


class FakeGitHub:
    """A stateful GitHub on 127.0.0.1; ``url`` is its API base URL once started."""

    def __init__(self, contracts: Contracts) -> None:
        self.contracts = contracts
        self.url = ""
        self.calls: list[Call] = []
        self.violations: list[str] = []
        self.faults: list[Fault] = []
        self.repos: dict[str, Repo] = {}
        self.users: dict[str, User] = {}
        self.orgs: dict[str, Org] = {}
        self.comments: dict[str, Comment] = {}  # by node id
        self.deleted_comments: dict[str, Comment] = {}  # by node id, as they were deleted
        self.installations: dict[int, str] = {}  # id -> account login
        self.deliveries: list[Delivery] = []
        self.redelivered: list[int] = []
        self.issued_tokens: list[str] = []
        self.token_installations: dict[str, int] = {}  # installation token -> installation id
        self.manifest_codes: dict[str, dict[str, Any]] = {}
        self.manifest_apps: list[dict[str, Any]] = []  # Apps whose code was converted
        self.app_registrations: list[dict[str, Any]] = []  # manifests posted to the web page
        self.valid_tokens: set[str] | None = None  # None: any token is accepted
        self.rate_limit = {"core": 5000, "graphql": 5000}
        self.rate_limit_reset_in = 3600  # seconds from now, in headers and rateLimit.resetAt
        # True: a spent budget refuses requests (403, remaining 0) as GitHub does
        self.enforce_rate_limit = False
        self._ids = itertools.count(1001)
        self._runner: web.AppRunner | None = None
        self._routes = routes(self)

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> str:
        app = web.Application(client_max_size=10 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def take_violations(self) -> list[str]:
        """Return and clear the violations (for tests that provoke them on purpose)."""
        found, self.violations = self.violations, []
        return found

    # ---------------------------------------------------------------- seeding

    def next_id(self) -> int:
        return next(self._ids)

    def add_user(
        self, login: str, *, name: str | None = None, email: str | None = None, type: str = "User"
    ) -> User:
        if login not in self.users:
            uid = self.next_id()
            self.users[login] = User(login, uid, f"U_fake{uid}", type=type)
        user = self.users[login]
        user.name, user.email = name or user.name, email or user.email
        return user

    def add_repo(
        self, full_name: str, *, private: bool = False, owner_type: str = "Organization"
    ) -> Repo:
        owner, name = full_name.split("/")
        if full_name not in self.repos:
            rid = self.next_id()
            self.repos[full_name] = Repo(owner, name, rid, f"R_fake{rid}", private, owner_type)
            if owner_type == "Organization":
                self.add_org(owner)
        return self.repos[full_name]

    def add_org(self, login: str, *, members: Iterable[str] = ()) -> Org:
        org = self.orgs.setdefault(login, Org(login))
        org.members.update(members)
        return org

    def add_owner(self, org: str, login: str) -> None:
        """An owner of ``org``: admin of its repositories and an admin member of it."""
        self.add_user(login)
        self.add_org(org, members=[login]).owners.add(login)

    def add_team(self, org: str, slug: str, members: Iterable[str]) -> None:
        self.add_org(org).teams[slug] = list(members)
        for login in members:
            self.add_user(login)

    def add_label(
        self, repo: str, name: str, *, color: str = "ededed", description: str | None = None
    ) -> Label:
        labels = self.add_repo(repo).labels
        if name.lower() not in labels:
            lid = self.next_id()
            labels[name.lower()] = Label(name, lid, f"LA_fake{lid}", color, description)
        return labels[name.lower()]

    def add_issue(
        self,
        repo: str,
        *,
        title: str = "An issue",
        body: str | None = "",
        author: str = "octocat",
        labels: Iterable[str] = (),
        state: str = "open",
        pull_request: bool = False,
        commits: Iterable[tuple[str, str, str | None]] = (),
    ) -> Issue:
        """An issue, or a PR with ``pull_request=True`` (commits: (name, email, login|None))."""
        r = self.add_repo(repo)
        self.add_user(author)
        iid = self.next_id()
        prefix = "PR" if pull_request else "I"
        issue = Issue(repo, next(r.numbers), iid, f"{prefix}_fake{iid}", title, body, author,
                      pull_request, [], state, commits=list(commits))
        issue.labels = [self.add_label(repo, n).name for n in labels]
        r.issues[issue.number] = issue
        return issue

    def add_pull_request(self, repo: str, **kwargs: Any) -> Issue:
        return self.add_issue(repo, pull_request=True, **kwargs)

    def add_discussion(
        self, repo: str, *, title: str = "A discussion", body: str = "", author: str = "octocat"
    ) -> Discussion:
        r = self.add_repo(repo)
        self.add_user(author)
        did = self.next_id()
        discussion = Discussion(repo, next(r.numbers), did, f"D_fake{did}", title, body, author)
        r.discussions[discussion.number] = discussion
        return discussion

    def _add_comment(self, kind: CommentKind, repo: str, number: int, body: str, author: str
                     ) -> Comment:
        self.add_user(author)
        cid = self.next_id()
        prefix = {CommentKind.ISSUE: "IC", CommentKind.REVIEW_COMMENT: "PRRC",
                  CommentKind.REVIEW: "PRR", CommentKind.DISCUSSION: "DC"}[kind]
        comment = Comment(kind, repo, number, cid, f"{prefix}_fake{cid}", body, author)
        self.comments[comment.node_id] = comment
        return comment

    def add_comment(self, repo: str, number: int, body: str, *, author: str = "octocat") -> Comment:
        """An issue or PR conversation comment."""
        self._thread(repo, number)
        return self._add_comment(CommentKind.ISSUE, repo, number, body, author)

    def add_review_comment(
        self, repo: str, number: int, body: str, *, author: str = "octocat"
    ) -> Comment:
        return self._add_comment(CommentKind.REVIEW_COMMENT, repo, number, body, author)

    def add_review(self, repo: str, number: int, body: str, *, author: str = "octocat") -> Comment:
        return self._add_comment(CommentKind.REVIEW, repo, number, body, author)

    def add_discussion_comment(
        self, repo: str, number: int, body: str, *, author: str = "octocat"
    ) -> Comment:
        self.discussion(repo, number)
        return self._add_comment(CommentKind.DISCUSSION, repo, number, body, author)

    def add_file(self, repo: str, path: str, text: str | bytes) -> File:
        """``bytes`` store a file that is not UTF-8 text (its ``text`` is lossy)."""
        if isinstance(text, bytes):
            self.add_repo(repo).files[path] = File(text.decode("utf-8", "replace"), text)
        else:
            self.add_repo(repo).files[path] = File(text)
        return self.repo(repo).files[path]

    def set_permission(self, repo: str, login: str, permission: str) -> None:
        """``admin``, ``maintain``, ``write``, ``triage``, ``read`` or ``none``."""
        self.add_user(login)
        self.add_repo(repo).permissions[login] = permission

    def block(self, org: str, login: str) -> None:
        self.add_org(org).blocks.add(login)

    def add_installation(self, installation_id: int, account: str) -> None:
        self.installations[installation_id] = account

    def add_delivery(self, guid: str, event: str, action: str | None = None, *,
                     status_code: int = 200) -> Delivery:
        delivery = Delivery(self.next_id(), guid, event, action, status_code)
        self.deliveries.append(delivery)
        return delivery

    def add_manifest_code(self, code: str, *, owner: str = "acme") -> dict[str, Any]:
        """A one-time code of GitHub's App manifest flow; returns the App it converts to."""
        record = self.contracts.example("integration-from-manifest")
        app_id = self.next_id()
        record.update(id=app_id, slug=f"governance-bot-{app_id}", pem=_private_key_pem(),
                      webhook_secret=f"whsec-{app_id}", client_id=f"Iv1.fake{app_id}",
                      client_secret=f"secret-{app_id}")
        record["owner"].update(login=owner)
        self.manifest_codes[code] = record
        return record

    def inject(self, kind: FaultKind | str, **options: Any) -> Fault:
        """Make the next ``times`` matching requests fail; see ``Fault`` for the options."""
        fault = Fault(FaultKind(kind), **options)
        self.faults.append(fault)
        return fault

    # ---------------------------------------------------------------- lookups

    def repo(self, full_name: str) -> Repo:
        try:
            return self.repos[full_name]
        except KeyError:
            raise ApiError(404, "Not Found") from None

    def issue(self, repo: str, number: int) -> Issue:
        issue = self.repo(repo).issues.get(number)
        if issue is None:
            raise ApiError(404, "Not Found")
        return issue

    def discussion(self, repo: str, number: int) -> Discussion:
        discussion = self.repo(repo).discussions.get(number)
        if discussion is None:
            raise ApiError(404, "Not Found")
        return discussion

    def _thread(self, repo: str, number: int) -> Issue | Discussion:
        r = self.repo(repo)
        found = r.issues.get(number) or r.discussions.get(number)
        if found is None:
            raise ApiError(404, "Not Found")
        return found

    def comment_by_id(self, kind: CommentKind, repo: str, comment_id: int) -> Comment:
        for comment in self.comments.values():
            if comment.kind is kind and comment.id == comment_id and comment.repo == repo:
                return comment
        raise ApiError(404, "Not Found")

    def delete_comment(self, comment: Comment) -> None:
        """Gone for good, edit history included (what redaction by editing cannot do)."""
        self.deleted_comments[comment.node_id] = self.comments.pop(comment.node_id)

    def comments_on(self, repo: str, number: int, kind: CommentKind = CommentKind.ISSUE
                    ) -> list[Comment]:
        return [c for c in self.comments.values()
                if c.kind is kind and c.repo == repo and c.number == number]

    def node(self, node_id: str) -> Any:
        """The state object behind a GraphQL node id, or None."""
        if node_id in self.comments:
            return self.comments[node_id]
        for r in self.repos.values():
            for item in itertools.chain(r.issues.values(), r.discussions.values()):
                if item.node_id == node_id:
                    return item
            for label in r.labels.values():
                if label.node_id == node_id:
                    return label
        return None

    # ------------------------------------------------------------- assertions

    def requests(self, method: str | None = None, path: str | None = None,
                 *, graphql: str | None = None) -> list[Call]:
        """Calls matching a method, a path regex (full match) or a GraphQL top-level field."""
        probe = Fault(FaultKind.STATUS, method=method, path=path, graphql=graphql, times=1 << 30)
        return [c for c in self.calls if probe.matches(c)]

    @property
    def writes(self) -> list[Call]:
        return [c for c in self.calls if c.is_write]

    # ------------------------------------------------------------- the server

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        call = Call(request.method, request.path, dict(request.query), None,
                    {k.lower(): v for k, v in request.headers.items()})
        self.calls.append(call)
        if request.method == "POST" and _APP_REGISTRATION.fullmatch(request.path):
            return self._register_app(call, raw)
        try:
            call.body = json.loads(raw) if raw else None
        except ValueError:
            return self._finish(call, self._violation(call, 400, "request body is not JSON"))
        if request.path == "/graphql":
            self._parse_graphql(call)
        fault = next((f for f in self.faults if f.matches(call)), None)
        if fault is not None:
            fault.hits += 1
            if fault.kind is FaultKind.DELAY:
                await asyncio.sleep(fault.delay)
            elif not fault.after:
                return await self._fail(request, call, fault)
        if fault is None and self._spent(call):
            return await self._fail(request, call, Fault(
                FaultKind.PRIMARY_RATE_LIMIT, reset_in=self.rate_limit_reset_in))
        answer = self._authorize(call) or self._handle(request, call, raw)
        if fault is not None and fault.after and fault.kind is not FaultKind.DELAY:
            return await self._fail(request, call, fault)
        return self._finish(call, answer)

    def _spent(self, call: Call) -> bool:
        resource = "graphql" if call.is_graphql else "core"
        return self.enforce_rate_limit and self.rate_limit[resource] <= 0

    def _register_app(self, call: Call, raw: bytes) -> web.Response:
        """github.com's manifest page (a web form, not the API): the user confirms at once."""
        form = parse_qs(raw.decode())
        call.body = {k: v[0] for k, v in form.items()}
        manifest = json.loads(call.body.get("manifest", "null"))
        if not isinstance(manifest, dict) or "url" not in manifest:
            self.violations.append(f"POST {call.path}: the form holds no valid App manifest")
            call.status = 422
            return web.Response(status=422, text="Invalid manifest")
        org = _APP_REGISTRATION.fullmatch(call.path).group("org")  # type: ignore[union-attr]
        state = call.query.get("state")
        self.app_registrations.append({"org": org, "manifest": manifest, "state": state})
        code = f"manifest-code-{self.next_id()}"
        self.add_manifest_code(code, owner=org or "octocat")
        back = URL(manifest.get("redirect_url") or manifest["url"]).update_query(
            code=code, **({"state": state} if state else {}))
        call.status = 302
        return web.Response(status=302, headers={"location": str(back)})

    def _authorize(self, call: Call) -> Answer | None:
        if _NO_AUTH.fullmatch(call.path):
            return None
        auth = call.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() not in ("token", "bearer") or not token:
            return Answer(401, {"message": "Requires authentication", "documentation_url": DOCS})
        if (self.valid_tokens is not None and scheme.lower() == "token"
                and token not in self.valid_tokens):
            return Answer(401, {"message": "Bad credentials", "documentation_url": DOCS})
        return None

    def _handle(self, request: web.Request, call: Call, raw: bytes) -> Answer:
        if call.is_graphql:
            return self._graphql(call)
        return self._rest(request, call, raw)

    def _finish(self, call: Call, answer: Answer) -> web.Response:
        call.status = answer.status
        resource = "graphql" if call.is_graphql else "core"
        if answer.status != 304 and call.path != "/rate_limit":  # both are free on GitHub
            self.rate_limit[resource] = max(0, self.rate_limit[resource] - 1)
        headers = {**self._rate_headers(resource), **answer.headers}
        if answer.body is None:
            return web.Response(status=answer.status, headers=headers)
        headers["content-type"] = JSON_TYPE
        return web.Response(status=answer.status, body=dumps(answer.body), headers=headers)

    def _rate_headers(self, resource: str, remaining: int | None = None,
                      reset_in: int = 3600) -> dict[str, str]:
        left = self.rate_limit[resource] if remaining is None else remaining
        reset = int((datetime.now(UTC) + timedelta(seconds=reset_in)).timestamp())
        return {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": str(left),
                "x-ratelimit-used": str(5000 - left), "x-ratelimit-reset": str(reset),
                "x-ratelimit-resource": resource}

    async def _fail(self, request: web.Request, call: Call, fault: Fault) -> web.StreamResponse:
        kind = fault.kind
        if kind is FaultKind.DISCONNECT:
            call.status = -1
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=500)
        resource = "graphql" if call.is_graphql else "core"
        exhausted = self._rate_headers(resource, remaining=0, reset_in=fault.reset_in)
        if kind is FaultKind.GRAPHQL_RATE_LIMITED:
            body = {"errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}]}
            return self._finish(call, Answer(200, body, exhausted))
        headers: dict[str, str] = {}
        status, message = fault.status, "Server Error"
        if kind is FaultKind.SECONDARY_RATE_LIMIT:
            status, message = 403, "You have exceeded a secondary rate limit."
            headers["retry-after"] = str(fault.retry_after)
        elif kind is FaultKind.TOO_MANY_REQUESTS:
            status, message = 429, "Too many requests"
            headers["retry-after"] = str(fault.retry_after)
        elif kind is FaultKind.PRIMARY_RATE_LIMIT:
            status, message = 403, "API rate limit exceeded"
            headers.update(exhausted)
        return self._finish(call, Answer(status, {"message": message,
                                                  "documentation_url": DOCS}, headers))

    def _violation(self, call: Call, status: int, why: str) -> Answer:
        self.violations.append(f"{call.method} {call.path}: {short(why)}")
        return Answer(status, {"message": f"Contract violation: {short(why)}",
                               "documentation_url": DOCS})

    # ------------------------------------------------------------------- REST

    def _rest(self, request: web.Request, call: Call, raw: bytes) -> Answer:
        spec_request = self._spec_request(request, call, raw)
        try:
            self.contracts.openapi.validate_request(spec_request)
        except PathNotFound:
            return self._violation(call, 404, "path is not in the trimmed REST description")
        except Exception as exc:
            return self._violation(call, 422, f"request does not match the description: "
                                   f"{why(exc)}")
        answer = self._route(request, call)
        answer = self._conditional(call, answer)
        if answer.status != 304:
            self._check_answer(call, spec_request, answer)
        return answer

    def _spec_request(self, request: web.Request, call: Call, raw: bytes) -> MockRequest:
        path = request.raw_path.split("?", 1)[0]
        # OpenAPI 3.0 path parameters cannot hold "/", but GitHub's contents {path} can.
        match = re.fullmatch(r"(/repos/[^/]+/[^/]+/contents/)(.*)", path)
        if match:
            path = match.group(1) + match.group(2).replace("/", "%2F")
        return MockRequest(SPEC_HOST, call.method.lower(), path, args=call.query,
                           headers=call.headers, data=raw or None,
                           content_type=call.headers.get("content-type"))

    def _check_answer(self, call: Call, spec_request: MockRequest, answer: Answer) -> None:
        problems = self._response_errors(call, spec_request, answer)
        if problems:
            self.violations.append(f"fake answer {answer.status} to {call.method} {call.path}: "
                                   + "; ".join(problems))

    def _response_errors(self, call: Call, spec_request: MockRequest, answer: Answer
                         ) -> list[str]:
        data = dumps(answer.body) if answer.body is not None else b""
        content_type = JSON_TYPE if answer.body is not None else None
        try:
            self.contracts.openapi.validate_response(
                spec_request, MockResponse(data, answer.status, answer.headers, content_type))
        except ResponseNotFound as exc:
            # GitHub answers 404/403/422 where its description lists no such status; an
            # error the fake was asked to give is still checked where the status is listed.
            return [] if answer.status >= 400 else real_problems(exc)
        except InvalidData as exc:  # the body: ask plain JSON Schema for a second opinion
            second = self.contracts.body_errors(call.method, call.path, answer.status,
                                                answer.body)
            return real_problems(exc) if second is None else second
        except Exception as exc:
            return real_problems(exc)
        return []

    def _conditional(self, call: Call, answer: Answer) -> Answer:
        if call.method != "GET" or answer.status != 200:
            return answer
        etag = '"' + hashlib.sha1(dumps(answer.body)).hexdigest() + '"'
        answer.headers["etag"] = etag
        if call.headers.get("if-none-match") == etag:
            return Answer(304, None, {"etag": etag})
        return answer

    def _route(self, request: web.Request, call: Call) -> Answer:
        path = request.raw_path.split("?", 1)[0]
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if match and method == call.method:
                params = {k: unquote(v) for k, v in match.groupdict().items()}
                req = Req(call.method, params, call.query, call.body, call.headers, request.url)
                try:
                    return handler(req)
                except ApiError as exc:
                    return Answer(exc.status, exc.body())
        return self._violation(call, 501, "in the description but not modelled by the fake")

    # ---------------------------------------------------------------- GraphQL

    def _parse_graphql(self, call: Call) -> None:
        body = call.body if isinstance(call.body, dict) else {}
        call.variables = body.get("variables") or {}
        try:
            document = parse(body.get("query") or "")
        except GraphQLError:
            return
        operation = find_operation(document, body.get("operationName"))
        if operation is not None:
            call.operation = operation.operation.value
            call.operation_name = operation.name.value if operation.name else ""
            call.graphql_fields = tuple(
                s.name.value for s in operation.selection_set.selections if hasattr(s, "name"))

    def _graphql(self, call: Call) -> Answer:
        body = call.body if isinstance(call.body, dict) else {}
        try:
            document = parse(body.get("query") or "")
        except GraphQLError as exc:
            return self._graphql_violation(call, [exc])
        errors = validate(self.contracts.schema, document)
        if errors:
            return self._graphql_violation(call, errors)
        result = execute_sync(self.contracts.schema, document, root_value=GraphQLRoot(self),
                         variable_values=call.variables,
                         operation_name=body.get("operationName"))
        out: dict[str, Any] = {"data": result.data}
        if result.errors:
            out["errors"] = [self._graphql_error(call, e) for e in result.errors]
        return Answer(200, out)

    def _graphql_violation(self, call: Call, errors: Iterable[GraphQLError]) -> Answer:
        messages = [e.message for e in errors]
        self.violations.append(f"GraphQL {call.graphql_fields}: {short('; '.join(messages))}")
        return Answer(200, {"errors": [{"message": m} for m in messages]})

    def _graphql_error(self, call: Call, error: GraphQLError) -> dict[str, Any]:
        formatted: dict[str, Any] = dict(error.formatted)
        if isinstance(error.original_error, NotFoundError):
            formatted["type"] = "NOT_FOUND"
        elif isinstance(error.original_error, ApiError):
            formatted["type"] = "UNPROCESSABLE"
        else:  # bad variables, or the fake cannot produce a selected non-null field
            self.violations.append(f"GraphQL {call.graphql_fields}: {short(error.message)}")
        return formatted


def _private_key_pem() -> str:
    """A real RSA key in the PKCS#1 form GitHub hands out, so JWT signing works with it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM,
                             serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption()).decode()
