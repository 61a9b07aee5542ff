"""The webhook server on its own (injected handlers), App tokens and the signature check."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from governance.app.auth import InstallationToken, InstallationTokens
from governance.app.server import AppDeps, Delivery, Result, create_app
from governance.app.signature import sign, verify
from tests.clock import ManualClock
from tests.test_app_payloads import SECRET


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))


# ------------------------------------------------------------------- signatures


def test_signature_matches_githubs_test_vector():
    header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    assert sign("It's a Secret to Everybody", b"Hello, World!") == header
    assert verify("It's a Secret to Everybody", b"Hello, World!", header)
    assert not verify("It's a Secret to Everybody", b"Hello, World!!", header)
    assert not verify("It's a Secret to Everybody", b"Hello, World!", header.upper())
    assert not verify("It's a Secret to Everybody", b"Hello, World!", None)


def test_the_app_refuses_to_run_without_a_webhook_secret():
    async def handle(_: Delivery) -> Result:
        return Result(200, "done")

    with pytest.raises(ValueError, match="webhook secret is required"):
        create_app(AppDeps(webhook_secret="", handle=handle))


# ------------------------------------------------------------------- tokens


async def test_installation_tokens_are_renewed_shortly_before_they_expire(clock: ManualClock):
    class TokenDesk:
        def __init__(self) -> None:
            self.issued: list[str] = []

        async def installation_token(self, installation_id: int) -> InstallationToken:
            self.issued.append(f"token-{installation_id}-{len(self.issued)}")
            return InstallationToken(self.issued[-1], clock.now() + timedelta(hours=1))

    desk = TokenDesk()
    tokens = InstallationTokens(desk, clock)  # type: ignore[arg-type]
    provider = tokens.provider(7)

    first = await provider()
    clock.advance(minutes=54)
    assert await provider() == first
    clock.advance(minutes=2)  # within five minutes of expiry: renew
    assert await provider() == "token-7-1"
    assert await tokens.token(8) == "token-8-2"  # one token per installation
    provider.invalidate()  # e.g. GitHub answered 401: the token was revoked
    assert await provider() == "token-7-3"


async def test_concurrent_deliveries_share_one_token_request(clock: ManualClock):
    class SlowDesk:
        calls = 0

        async def installation_token(self, installation_id: int) -> InstallationToken:
            SlowDesk.calls += 1
            await asyncio.sleep(0.01)
            return InstallationToken("t", clock.now() + timedelta(hours=1))

    tokens = InstallationTokens(SlowDesk(), clock)  # type: ignore[arg-type]
    assert await asyncio.gather(*(tokens.token(1) for _ in range(10))) == ["t"] * 10
    assert SlowDesk.calls == 1


# ------------------------------------------------------------ deliveries

def signed(body: bytes, delivery_id: str, event: str = "issues") -> dict[str, str]:
    return {"X-GitHub-Event": event, "X-GitHub-Delivery": delivery_id,
            "X-Hub-Signature-256": sign(SECRET, body)}


async def test_an_unexpected_error_fails_the_delivery_and_logs_no_message(
        aiohttp_client: Any, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="governance.app")

    async def handle(_: Delivery) -> Result:
        raise RuntimeError("the comment said something private")

    client = await aiohttp_client(create_app(AppDeps(webhook_secret=SECRET, handle=handle)))
    body = json.dumps({"action": "opened"}).encode()

    response = await client.post("/webhook", data=body, headers=signed(body, "d-bug"))

    assert response.status == 502
    [record] = [r for r in caplog.records if r.name == "governance.app"]
    line = json.loads(record.getMessage())
    assert line["detail"] == "RuntimeError" and line["trace"][-1].endswith(" handle")
    assert "private" not in record.getMessage()


async def test_concurrent_copies_of_one_delivery_run_the_handler_once(aiohttp_client: Any):
    calls: list[str] = []
    release = asyncio.Event()

    async def handle(delivery: Delivery) -> Result:
        calls.append(delivery.id)
        await release.wait()
        return Result(200, "done", ("hide_comment",))

    client = await aiohttp_client(create_app(AppDeps(webhook_secret=SECRET, handle=handle)))
    body = json.dumps({"action": "created"}).encode()
    posts = [asyncio.create_task(client.post("/webhook", data=body, headers=signed(body, "d-x")))
             for _ in range(3)]
    while not calls:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    release.set()
    answers = [await (await p).json() for p in posts]

    assert calls == ["d-x"]
    assert sorted(a["outcome"] for a in answers) == ["done", "duplicate", "duplicate"]


async def test_a_failed_delivery_is_not_remembered_as_done(aiohttp_client: Any):
    outcomes = iter([Result(502, "failed"), Result(200, "done")])

    async def handle(_: Delivery) -> Result:
        return next(outcomes)

    client = await aiohttp_client(create_app(AppDeps(webhook_secret=SECRET, handle=handle)))
    body = b'{"action": "created"}'
    first = await client.post("/webhook", data=body, headers=signed(body, "d-retry"))
    second = await client.post("/webhook", data=body, headers=signed(body, "d-retry"))
    third = await client.post("/webhook", data=body, headers=signed(body, "d-retry"))

    assert [first.status, second.status, third.status] == [502, 200, 200]
    assert (await third.json())["outcome"] == "duplicate"
