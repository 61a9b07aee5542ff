"""The connection guard of ``governance serve``: request heads in time, connections per client.

A real server on loopback (the App's web application with an injected handler, behind the
guard as ``serve`` runs it) and raw sockets for the attacker, from 127.0.0.2 so that the
well-behaved client on 127.0.0.1 is another address.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from governance.app.guard import ConnectionGuard, GuardedSite, Limits
from governance.app.server import AppDeps, Delivery, Result, create_app
from governance.app.signature import sign
from tests.test_app_payloads import SECRET

ATTACKER = "127.0.0.2"


async def done(_: Delivery) -> Result:
    await asyncio.sleep(0.6)  # longer than the head deadline: handling is not cut
    return Result(200, "done")


@pytest.fixture
async def served() -> AsyncIterator[tuple[str, ConnectionGuard]]:
    guard = ConnectionGuard(Limits(header_timeout=0.3, per_client=4))
    app = create_app(AppDeps(webhook_secret=SECRET, handle=done))
    app.middlewares.append(guard.middleware)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = GuardedSite(runner, "127.0.0.1", 0, guard)
    await site.start()
    port = runner.addresses[0][1]
    yield f"127.0.0.1:{port}", guard
    await runner.cleanup()


async def connect(address: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    host, port = address.split(":")
    return await asyncio.open_connection(host, int(port), local_addr=(ATTACKER, 0))


async def closed_within(reader: asyncio.StreamReader, seconds: float) -> bool:
    """True when the server closes the connection (EOF or reset) within ``seconds``."""
    try:
        async with asyncio.timeout(seconds):
            while await reader.read(1024):
                pass
    except TimeoutError:
        return False
    except ConnectionError:
        pass
    return True


async def healthz(address: str) -> int:
    async with aiohttp.ClientSession() as session, \
            session.get(f"http://{address}/healthz") as response:
        return response.status


async def test_a_connection_that_never_finishes_its_head_is_cut(
        served: tuple[str, ConnectionGuard]):
    address, guard = served
    reader, writer = await connect(address)
    writer.write(b"POST /webhook HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: iss")  # and no more

    started = time.perf_counter()
    assert await closed_within(reader, 3.0)
    assert time.perf_counter() - started < 2.0 and guard.expired == 1
    writer.close()


async def test_an_idle_keep_alive_connection_is_cut_after_its_answer(
        served: tuple[str, ConnectionGuard]):
    address, guard = served
    reader, writer = await connect(address)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    answer = await reader.readuntil(b"\r\n\r\n")

    assert answer.startswith(b"HTTP/1.1 200")
    assert await closed_within(reader, 3.0) and guard.expired == 1
    writer.close()


async def test_one_client_holds_at_most_its_share_of_connections(
        served: tuple[str, ConnectionGuard]):
    address, guard = served
    held = [await connect(address) for _ in range(4)]
    extra = [await connect(address) for _ in range(6)]

    assert all([await closed_within(reader, 1.0) for reader, _ in extra])
    assert guard.refused == 6 and guard.open[ATTACKER] == 4
    assert await healthz(address) == 200, "another address is served meanwhile"
    for reader, writer in held:
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200")
    for _, writer in held + extra:
        writer.close()


async def test_a_request_being_handled_is_not_cut_by_the_head_deadline(
        served: tuple[str, ConnectionGuard]):
    address, guard = served
    body = b'{"action": "opened"}'
    headers = {"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-1",
               "X-Hub-Signature-256": sign(SECRET, body)}
    async with aiohttp.ClientSession() as session, \
            session.post(f"http://{address}/webhook", data=body, headers=headers) as response:
        assert response.status == 200
    assert guard.expired == 0
