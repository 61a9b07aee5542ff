"""The one fake Shopify of the test suite: the Admin REST discount-code endpoints on loopback.

Shapes follow Shopify's documentation of the PriceRule DiscountCode resource:

- ``POST /admin/api/<version>/price_rules/<id>/discount_codes.json`` with
  ``{"discount_code": {"code": ...}}`` answers ``201 {"discount_code": {id, price_rule_id,
  code, usage_count, created_at, updated_at}}``; a code the shop already has (codes are
  case-insensitive) answers ``422 {"errors": {"code": ["must be unique. ..."]}}``; an
  unknown price rule ``404 {"errors": "Not Found"}``.
- ``GET /admin/api/<version>/discount_codes/lookup.json?code=...`` answers ``303`` with a
  ``Location`` of the code's URL (including the API version), or ``404``.
- ``GET /admin/api/<version>/price_rules/<id>/discount_codes/<id>.json`` answers the code.
- No or a wrong ``X-Shopify-Access-Token``: ``401``.

Anything else is recorded in ``violations`` (the fixture fails the test) and answered 404.
``lose_next_answer()`` makes the next create do its work and then drop the connection.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import web

TOKEN = "shpat_test_token"
SHOP = "acme-merch.myshopify.com"
_CREATE = re.compile(
    r"/admin/api/(?P<v>\d{4}-\d{2})/price_rules/(?P<rule>\d+)/discount_codes\.json")
_LOOKUP = re.compile(r"/admin/api/(?P<v>\d{4}-\d{2})/discount_codes/lookup\.json")
_GET = re.compile(
    r"/admin/api/(?P<v>\d{4}-\d{2})/price_rules/(?P<rule>\d+)/discount_codes/(?P<id>\d+)\.json")


@dataclass
class DiscountCode:
    id: int
    price_rule_id: int
    code: str
    created_at: str

    def body(self) -> dict[str, Any]:
        return {"id": self.id, "price_rule_id": self.price_rule_id, "code": self.code,
                "usage_count": 0, "created_at": self.created_at, "updated_at": self.created_at}


@dataclass
class FakeShopify:
    price_rules: set[int] = field(default_factory=lambda: {507328175, 507328176})
    codes: list[DiscountCode] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    url: str = ""
    _lose_answers: int = 0
    _ids: Any = field(default_factory=lambda: itertools.count(1054381139))
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def lose_next_answer(self, times: int = 1) -> None:
        self._lose_answers += times

    def find(self, code: str) -> DiscountCode | None:
        return next((c for c in self.codes if c.code.lower() == code.lower()), None)

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.method, request.path))
        if request.headers.get("X-Shopify-Access-Token") != TOKEN:
            return _errors(401, "[API] Invalid API key or access token "
                                "(unrecognized login or wrong password)")
        if request.method == "POST" and (m := _CREATE.fullmatch(request.path)):
            return await self._create(request, int(m["rule"]))
        if request.method == "GET" and (m := _LOOKUP.fullmatch(request.path)):
            return self._lookup(request, m["v"])
        if request.method == "GET" and (m := _GET.fullmatch(request.path)):
            found = next((c for c in self.codes if c.id == int(m["id"])
                          and c.price_rule_id == int(m["rule"])), None)
            return web.json_response({"discount_code": found.body()}) if found \
                else _errors(404, "Not Found")
        self.violations.append(f"unexpected {request.method} {request.path}")
        return _errors(404, "Not Found")

    async def _create(self, request: web.Request, rule: int) -> web.StreamResponse:
        if rule not in self.price_rules:
            return _errors(404, "Not Found")
        try:
            body = await request.json()
            code = body["discount_code"]["code"]
        except (ValueError, KeyError, TypeError):
            self.violations.append("create without a discount_code.code in a JSON body")
            return _errors(400, "Bad Request")
        if not isinstance(code, str) or not 0 < len(code) <= 255:
            return web.json_response({"errors": {"code": ["is invalid"]}}, status=422)
        if self.find(code) is not None:
            return web.json_response(
                {"errors": {"code": ["must be unique. Please try a different code."]}},
                status=422)
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        created = DiscountCode(next(self._ids), rule, code, now)
        self.codes.append(created)
        if self._lose_answers:
            self._lose_answers -= 1
            assert request.transport is not None
            request.transport.close()  # the work is done, the answer is lost
            return web.Response(status=500)
        return web.json_response({"discount_code": created.body()}, status=201)

    def _lookup(self, request: web.Request, version: str) -> web.StreamResponse:
        found = self.find(request.query.get("code", ""))
        if found is None:
            return _errors(404, "Not Found")
        location = (f"https://{SHOP}/admin/api/{version}/price_rules/"
                    f"{found.price_rule_id}/discount_codes/{found.id}.json")
        return web.Response(status=303, headers={"Location": location})


def _errors(status: int, message: str) -> web.Response:
    return web.json_response({"errors": message}, status=status)


@pytest.fixture
async def fake_shopify() -> AsyncIterator[FakeShopify]:
    fake = FakeShopify()
    await fake.start()
    yield fake
    await fake.close()
    assert not fake.violations, "off-contract Shopify traffic:\n" + "\n".join(fake.violations)
