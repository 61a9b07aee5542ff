"""Deliveries beyond ``max_concurrent`` wait for a free slot; the wait is logged."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest

from governance.app.metrics import Metrics
from governance.app.server import AppDeps, Delivery, Result, create_app
from governance.app.signature import sign
from tests.test_app_payloads import SECRET


def signed(body: bytes, delivery_id: str) -> dict[str, str]:
    return {"X-GitHub-Event": "issues", "X-GitHub-Delivery": delivery_id,
            "X-Hub-Signature-256": sign(SECRET, body)}


async def test_a_delivery_waiting_for_a_slot_logs_the_wait(
        aiohttp_client: Any, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="governance.app")
    release = asyncio.Event()
    running: list[str] = []

    async def handle(delivery: Delivery) -> Result:
        running.append(delivery.id)
        if delivery.id == "d-first":
            await release.wait()
        return Result(200, "done")

    metrics = Metrics()
    app = create_app(AppDeps(webhook_secret=SECRET, handle=handle, metrics=metrics,
                             max_concurrent=1))
    client = await aiohttp_client(app)
    body = b'{"action": "opened"}'
    first = asyncio.create_task(client.post("/webhook", data=body, headers=signed(body, "d-first")))
    while not running:
        await asyncio.sleep(0.01)
    second = asyncio.create_task(client.post("/webhook", data=body,
                                             headers=signed(body, "d-second")))
    await asyncio.sleep(0.2)
    assert running == ["d-first"]  # the only slot is busy
    release.set()
    assert [(await first).status, (await second).status] == [200, 200]

    lines = {line["delivery"]: line for line in
             (json.loads(r.getMessage()) for r in caplog.records if r.name == "governance.app")}
    assert lines["d-first"]["queued_ms"] < 100 <= lines["d-second"]["queued_ms"]
    assert lines["d-second"]["duration_ms"] >= lines["d-second"]["queued_ms"]
    assert 'governance_handler_seconds_count 2' in metrics.render().splitlines()
