"""GitHub App authentication: the App's JWT and cached installation tokens.

The App proves who it is with a short-lived JWT (RS256, signed with its private key) and
trades it for an installation token per installation. Installation tokens live an hour;
we keep each until a few minutes before it expires, so a busy installation costs one token
request an hour, and one lock per installation stops a burst of deliveries from fetching
the same token many times.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import gidgethub.aiohttp
import jwt

from governance.ports import Clock

# GitHub rejects a JWT whose exp is more than 10 minutes ahead, and clocks drift: issue it
# a minute in the past and let it run nine minutes into the future (ten in total).
JWT_BACKDATE = timedelta(seconds=60)
JWT_LIFETIME = timedelta(minutes=9)
# Re-use a JWT for a while; renew it well before GitHub would refuse it.
JWT_REUSE = timedelta(minutes=5)
# Renew an installation token this long before it expires, so no call is made with a token
# that dies in flight.
TOKEN_MARGIN = timedelta(minutes=5)


def app_jwt(app_id: int, private_key: str, now: datetime) -> str:
    """A JWT that authenticates as the App itself (``Authorization: Bearer ...``)."""
    issued = now - JWT_BACKDATE
    claims = {
        "iat": int(issued.timestamp()),
        "exp": int((now + JWT_LIFETIME).timestamp()),
        "iss": str(app_id),
    }
    return jwt.encode(claims, private_key, algorithm="RS256")


@dataclass
class _CachedJWT:
    value: str
    made_at: datetime


@dataclass(frozen=True, slots=True)
class InstallationToken:
    token: str
    expires_at: datetime


class AppClient:
    """Calls made as the App (JWT): installation tokens and the webhook delivery log."""

    def __init__(self, session: aiohttp.ClientSession, *, app_id: int, private_key: str,
                 api_url: str, clock: Clock) -> None:
        self._api = gidgethub.aiohttp.GitHubAPI(session, "governance", base_url=api_url)
        self._app_id = app_id
        self._key = private_key
        self._clock = clock
        self._jwt: _CachedJWT | None = None
        self.calls = 0

    def jwt(self) -> str:
        now = self._clock.now()
        if self._jwt is None or now - self._jwt.made_at >= JWT_REUSE:
            self._jwt = _CachedJWT(app_jwt(self._app_id, self._key, now), now)
        return self._jwt.value

    async def installation_token(self, installation_id: int) -> InstallationToken:
        self.calls += 1
        url = "/app/installations/{installation_id}/access_tokens"
        answer = await self._api.post(url, {"installation_id": installation_id}, data={},
                                      jwt=self.jwt())
        expires = datetime.fromisoformat(str(answer["expires_at"]).replace("Z", "+00:00"))
        return InstallationToken(str(answer["token"]), expires.astimezone(UTC))

    async def deliveries(self, per_page: int = 100) -> AsyncIterator[dict[str, Any]]:
        """The App's webhook deliveries, newest first; pages are fetched as iteration goes."""
        self.calls += 1
        url = "/app/hook/deliveries{?per_page}"
        async for item in self._api.getiter(url, {"per_page": per_page}, jwt=self.jwt(),
                                            iterable_key=None):
            yield item

    async def redeliver(self, delivery_id: int) -> None:
        self.calls += 1
        url = "/app/hook/deliveries/{delivery_id}/attempts"
        await self._api.post(url, {"delivery_id": delivery_id}, data={}, jwt=self.jwt())


class InstallationTokenProvider:
    """``await provider()`` gives the installation's current token; ``invalidate()`` drops it
    (for a client that got a 401: the next call fetches a fresh one)."""

    def __init__(self, tokens: InstallationTokens, installation_id: int) -> None:
        self._tokens = tokens
        self._installation_id = installation_id

    async def __call__(self) -> str:
        return await self._tokens.token(self._installation_id)

    def invalidate(self, refused: str = "") -> None:
        self._tokens.forget(self._installation_id, refused)


class InstallationTokens:
    """Installation tokens, fetched on first use and renewed shortly before they expire."""

    def __init__(self, client: AppClient, clock: Clock, margin: timedelta = TOKEN_MARGIN) -> None:
        self._client = client
        self._clock = clock
        self._margin = margin
        self._tokens: dict[int, InstallationToken] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    async def token(self, installation_id: int) -> str:
        cached = self._tokens.get(installation_id)
        if cached is not None and self._fresh(cached):
            return cached.token
        lock = self._locks.setdefault(installation_id, asyncio.Lock())
        async with lock:  # one fetch per installation, however many deliveries wait
            cached = self._tokens.get(installation_id)
            if cached is None or not self._fresh(cached):
                cached = await self._client.installation_token(installation_id)
                self._tokens[installation_id] = cached
        return cached.token

    def forget(self, installation_id: int, refused: str = "") -> None:
        """Drop a token GitHub refused (revoked, or the installation's permissions changed).
        With ``refused``, only if it is still the cached one: of several calls refused at
        once, the first drops it and the others keep the fresh token it fetched."""
        cached = self._tokens.get(installation_id)
        if cached is not None and (not refused or cached.token == refused):
            del self._tokens[installation_id]

    def provider(self, installation_id: int) -> InstallationTokenProvider:
        return InstallationTokenProvider(self, installation_id)

    def _fresh(self, cached: InstallationToken) -> bool:
        return cached.expires_at - self._margin > self._clock.now()
