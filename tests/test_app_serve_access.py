"""The registration page of ``governance serve``: open on loopback only, else behind the
one-time access code that only the printed link carries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from governance.app.launch import registration_site


async def test_a_publicly_reachable_page_needs_the_printed_access_code(aiohttp_client: Any,
                                                                       tmp_path: Path):
    site, link = registration_site({}, tmp_path, "https://bot.example.org", "127.0.0.1",
                                   new_code=lambda: "code-123")
    client = await aiohttp_client(site)

    assert link == "https://bot.example.org/?access=code-123"
    assert (await client.get("/")).status == 403
    assert (await client.get("/", params={"access": "wrong"})).status == 403
    response = await client.get("/", params={"access": "code-123"})
    assert response.status == 200 and "<form" in await response.text()


async def test_a_page_bound_to_all_interfaces_needs_it_too(tmp_path: Path):
    _, link = registration_site({}, tmp_path, "http://127.0.0.1:8080", "0.0.0.0",
                                new_code=lambda: "code-9")
    assert link.endswith("?access=code-9")


async def test_a_page_only_this_machine_reaches_is_open(aiohttp_client: Any, tmp_path: Path):
    site, link = registration_site({}, tmp_path, "http://localhost:8080", "::1")
    client = await aiohttp_client(site)

    assert link == "http://localhost:8080/"
    assert (await client.get("/")).status == 200
