"""A gidgethub client that retries what is safe to retry and counts what it does.

Failures fall in three groups:

- *rate limited* (403/429 with ``retry-after`` or an exhausted ``x-ratelimit-remaining``,
  a 403 whose message names a rate limit, GraphQL ``RATE_LIMITED`` errors): GitHub did
  not act, so every call is retried after the wait GitHub asked for;
- *ambiguous* (5xx, timeouts, dropped connections): GitHub may have acted. Idempotent
  calls (reads, PATCH/PUT/DELETE to a fixed state, minimize, lock, label) are retried as
  they are. A call that creates something is retried only through its ``recover``
  coroutine, which first looks for what the lost attempt may have created and returns
  it; without ``recover`` the error is raised rather than risking a duplicate;
- *final* (other 4xx, GraphQL errors): mapped to ``ports.NotFound``/``ports.Conflict``
  or ``GitHubError`` at once.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

import aiohttp
import gidgethub
import gidgethub.aiohttp

from governance.adapters.retry import RetryPolicy
from governance.model import has_dot_segment
from governance.ports import Conflict, NotFound, RenewableToken

DEFAULT_API_URL = "https://api.github.com"
TokenSource = str | Callable[[], Awaitable[str]]


class GitHubError(Exception):
    """A GitHub call failed for good; ``status`` is the HTTP status when there was one."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class GitHubUnavailable(GitHubError):
    """GitHub kept failing (or rate limiting) after every try the policy allows."""


_PATH_VARIABLE = re.compile(r"\{\+?(\w+)\}")


class UnsafePath(GitHubError):
    """A URL variable would leave its path segment (``..``, ``.``): refused before sending."""


def _checked(url: str, url_vars: Mapping[str, Any]) -> Mapping[str, Any]:
    """``url_vars`` unchanged, or ``UnsafePath``: a ``.``/``..`` segment in a value (e.g. a
    repository name ``..`` from a payload) would address another API path once the client
    resolves the URL. Names are checked against GitHub's rules where payloads are parsed;
    this is the last line before the request. Query variables (``{?...}``) are encoded
    whole by the template and need no check."""
    for name in _PATH_VARIABLE.findall(url.split("{?", 1)[0]):
        value = url_vars.get(name)
        if isinstance(value, str) and (has_dot_segment(value) or "?" in value or "#" in value):
            raise UnsafePath(f"{url}: {name} is not a valid path segment", 400)
    return url_vars


def endpoints_from_env(environ: Mapping[str, str]) -> tuple[str, str]:
    """REST and GraphQL URLs from ``GITHUB_API_URL``/``GITHUB_GRAPHQL_URL`` (Actions, GHES).

    Takes the mapping as an argument: only the edges read ``os.environ``.
    """
    api = environ.get("GITHUB_API_URL") or DEFAULT_API_URL
    return api, environ.get("GITHUB_GRAPHQL_URL") or graphql_url_for(api)


def graphql_url_for(api_url: str) -> str:
    """github.com: ``/graphql`` beside the API; GHES: ``/api/graphql`` beside ``/api/v3``."""
    base = api_url.rstrip("/")
    if base.endswith("/api/v3"):
        return base.removesuffix("/v3") + "/graphql"
    return base + "/graphql"


class BoundedCache(MutableMapping[str, Any]):
    """A least-recently-used mapping for gidgethub's ETag cache (no extra dependency)."""

    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[str, Any] = OrderedDict()

    def __getitem__(self, key: str) -> Any:
        self._data.move_to_end(key)
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def __delitem__(self, key: str) -> None:
        del self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


@dataclass
class GitHubMetrics:
    """Plain counters the App's /metrics endpoint reads."""

    calls: int = 0  # HTTP requests sent, retries included
    retries: int = 0
    not_modified: int = 0  # 304 answers served from the ETag cache (free of rate limit)
    rate_limit_remaining: int | None = None  # from the last answer that carried it
    rate_limit_reset: int | None = None  # epoch seconds
    rate_limit_resource: str | None = None  # "core" or "graphql": which budget they describe


class _GidgetAPI(gidgethub.aiohttp.GitHubAPI):
    """gidgethub's aiohttp backend, counting requests and keeping the last answer's headers.

    Redirects are not followed: a 302 from the org membership check means "the token
    cannot see private membership", which must not turn into a call to another endpoint.
    """

    def __init__(self, session: aiohttp.ClientSession, metrics: GitHubMetrics,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(session, *args, **kwargs)
        self.metrics = metrics
        self.last_status = 0
        self.last_headers: Mapping[str, str] = {}

    async def _request(self, method: str, url: str, headers: Mapping[str, str],
                       body: bytes = b"") -> tuple[int, Mapping[str, str], bytes]:
        self.metrics.calls += 1
        self.last_status, self.last_headers = 0, {}
        async with self._session.request(method, url, headers=headers, data=body,
                                         allow_redirects=False) as response:
            data = await response.read()
        self.last_status, self.last_headers = response.status, response.headers
        self._observe(response.status, response.headers)
        return response.status, response.headers, data

    def _observe(self, status: int, headers: Mapping[str, str]) -> None:
        if status == 304:
            self.metrics.not_modified += 1
        remaining, reset = headers.get("x-ratelimit-remaining"), headers.get("x-ratelimit-reset")
        if remaining is not None and remaining.isdigit():
            self.metrics.rate_limit_remaining = int(remaining)
        if reset is not None and reset.isdigit():
            self.metrics.rate_limit_reset = int(reset)
        self.metrics.rate_limit_resource = headers.get("x-ratelimit-resource",
                                                       self.metrics.rate_limit_resource)


@dataclass(frozen=True)
class _Failure:
    ambiguous: bool  # GitHub may have carried the request out
    wait: float | None = None  # GitHub said how long to wait (rate limits)


Recover = Callable[[], Awaitable[Any]]


class GitHubClient:
    """REST and GraphQL over one aiohttp session, with retries, token refresh and metrics."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        token: TokenSource,
        base_url: str = DEFAULT_API_URL,
        graphql_url: str | None = None,
        retry: RetryPolicy | None = None,
        cache: MutableMapping[str, Any] | None = None,
        requester: str = "governance",
    ) -> None:
        self.metrics = GitHubMetrics()
        self.retry = retry or RetryPolicy()
        self.graphql_url = graphql_url or graphql_url_for(base_url)
        self._token = token
        self._api = _GidgetAPI(session, self.metrics, requester, base_url=base_url,
                               cache=BoundedCache() if cache is None else cache,
                               oauth_token=token if isinstance(token, str) else None)

    # ----------------------------------------------------------------- calls

    async def rest(self, method: str, url: str, url_vars: Mapping[str, Any] | None = None, *,
                   data: Any = b"", idempotent: bool = True, recover: Recover | None = None
                   ) -> Any:
        checked = _checked(url, url_vars or {})

        async def attempt() -> Any:
            return await self._send(method, url, checked, data)
        return await self._retrying(f"{method} {url}", attempt, idempotent, recover)

    async def _send(self, method: str, url: str, url_vars: Mapping[str, Any], data: Any) -> Any:
        api = self._api
        if method == "GET":
            return await api.getitem(url, url_vars)
        if method == "DELETE":
            return await api.delete(url, url_vars, data=data)
        if method == "POST":
            return await api.post(url, url_vars, data=data)
        if method == "PATCH":
            return await api.patch(url, url_vars, data=data)
        return await api.put(url, url_vars, data=data)

    async def get_all(self, url: str, url_vars: Mapping[str, Any] | None = None) -> list[Any]:
        """Every item of a paginated listing (follows ``Link: rel=next``)."""
        checked = _checked(url, url_vars or {})

        async def attempt() -> list[Any]:
            return [item async for item in self._api.getiter(url, checked)]
        items: list[Any] = await self._retrying(f"GET {url} (all pages)", attempt, True, None)
        return items

    async def graphql(self, query: str, *, idempotent: bool = True,
                      recover: Recover | None = None, **variables: Any) -> Any:
        async def attempt() -> Any:
            return await self._api.graphql(query, endpoint=self.graphql_url, **variables)
        name = query.split("(", 1)[0].split("{", 1)[0].strip() or "query"
        return await self._retrying(f"GraphQL {name}", attempt, idempotent, recover)

    # --------------------------------------------------------------- retries

    async def _retrying(self, what: str, attempt: Callable[[], Awaitable[Any]],
                        idempotent: bool, recover: Recover | None) -> Any:
        last: Exception | None = None
        refreshed = False
        for number in range(1, self.retry.max_tries + 1):
            try:
                await self._refresh_token()
                return await attempt()
            except Exception as exc:
                if not refreshed and self._may_refresh(exc):
                    refreshed = True  # once: drop the refused token and ask for a fresh one
                    self._invalidate_token()
                    continue
                if not isinstance(exc, gidgethub.GitHubException | aiohttp.ClientError
                                  | TimeoutError):
                    raise  # a bug, not GitHub: let it show as it is
                failure = self._classify(exc, number)
                if failure is None:
                    raise _final(what, exc) from exc
                last = exc
            if failure.ambiguous and not idempotent:
                found = await self._recover(what, last, recover)
                if found is not None:
                    return found
            if number < self.retry.max_tries:
                await self._wait(what, failure, number)
        raise GitHubUnavailable(
            f"{what} failed after {self.retry.max_tries} tries; last error: {last!r}") from last

    async def _recover(self, what: str, exc: Exception | None, recover: Recover | None) -> Any:
        """What a lost attempt of a creating call made, or None if it made nothing."""
        if recover is None:
            raise GitHubError(f"{what} may or may not have happened: {exc!r}") from exc
        return await recover()

    async def _wait(self, what: str, failure: _Failure, number: int) -> None:
        wait = self.retry.backoff(number) if failure.wait is None else failure.wait
        if wait > self.retry.max_wait:
            raise GitHubUnavailable(f"{what}: rate limited for {wait:.0f} s, more than we wait")
        self.metrics.retries += 1
        await self.retry.sleep(wait)

    async def _refresh_token(self) -> None:
        if callable(self._token):
            self._api.oauth_token = await self._token()

    def _invalidate_token(self) -> None:
        """A cached token (an App's installation token) is dropped, so the next ask fetches
        a new one; a plain callable is simply asked again."""
        if isinstance(self._token, RenewableToken):
            self._token.invalidate(self._api.oauth_token or "")

    def _may_refresh(self, exc: Exception) -> bool:
        """A 401 is worth one more try when a token provider can hand out a new token."""
        unauthorized = isinstance(exc, gidgethub.GraphQLAuthorizationFailure) or (
            isinstance(exc, gidgethub.HTTPException) and exc.status_code == 401)
        return unauthorized and callable(self._token)

    def _classify(self, exc: Exception, attempt: int) -> _Failure | None:
        """None: not worth retrying. Otherwise whether GitHub may have acted, and the wait."""
        if isinstance(exc, aiohttp.ClientConnectionError | aiohttp.ClientPayloadError
                      | TimeoutError):
            return _Failure(ambiguous=True)
        if isinstance(exc, gidgethub.GitHubBroken):
            return _Failure(ambiguous=True)
        if isinstance(exc, gidgethub.GraphQLException):
            return self._classify_graphql(exc, attempt)
        if isinstance(exc, gidgethub.BadRequest) and _rate_limited(
                int(exc.status_code), exc.headers, str(exc)):
            return _Failure(False, self.retry.rate_limit_wait(exc.headers, attempt))
        return None

    def _classify_graphql(self, exc: gidgethub.GraphQLException, attempt: int
                          ) -> _Failure | None:
        """gidgethub drops the headers of GraphQL answers; the transport kept them."""
        status, headers = self._api.last_status, self._api.last_headers
        if status >= 500:
            return _Failure(ambiguous=True)
        errors = exc.response.get("errors", []) if isinstance(exc.response, dict) else []
        limited = any(isinstance(e, dict) and e.get("type") == "RATE_LIMITED" for e in errors)
        if limited or _rate_limited(status, headers, str(exc.response)):
            return _Failure(False, self.retry.rate_limit_wait(headers, attempt))
        return None


def _rate_limited(status: int, headers: Mapping[str, str], message: str) -> bool:
    if status == 429:
        return True
    return status == 403 and ("retry-after" in headers
                              or headers.get("x-ratelimit-remaining") == "0"
                              or "rate limit" in message.lower())


def _final(what: str, exc: Exception) -> Exception:
    """The port-level exception for a failure that retrying cannot fix."""
    if isinstance(exc, gidgethub.QueryError):
        errors = exc.response.get("errors", []) if isinstance(exc.response, dict) else []
        if any(isinstance(e, dict) and e.get("type") == "NOT_FOUND" for e in errors):
            return NotFound(f"{what}: {exc}")
        return GitHubError(f"{what}: GraphQL errors: {exc}")
    code = getattr(exc, "status_code", None)  # HTTPException and BadGraphQLRequest carry it
    status = int(code) if code is not None else None
    if status == 404:
        return NotFound(f"{what}: not found")
    if status == 409:
        return Conflict(f"{what}: {exc}")
    return GitHubError(f"{what}: {status or ''} {exc}".replace("  ", " "), status)
