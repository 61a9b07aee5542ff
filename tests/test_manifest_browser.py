"""The registration page in a real headless Chromium, up to GitHub and back.

Chromium is driven over the Chrome DevTools Protocol (its websocket, through aiohttp), so no
Selenium or Playwright download is needed. The shared fake GitHub plays github.com (it records
the form POST and redirects back like GitHub after "Create") and the API (the code exchange).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import shutil
import socket
import stat
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from governance.app.manifest import manifest_app
from tests.fake_github import FakeGitHub
from tests.test_manifest import EXPECTED_MANIFEST

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                               "google-chrome"))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on PATH (Debian: apt-get install -y chromium); browser test skipped")

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-proxy-server", "--remote-debugging-port=0",
)
TIMEOUT = 20.0


class Browser:
    """One headless Chromium page, spoken to over the DevTools websocket."""

    def __init__(self, process: asyncio.subprocess.Process, session: aiohttp.ClientSession,
                 ws: aiohttp.ClientWebSocketResponse) -> None:
        self.process, self.session, self.ws = process, session, ws
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._events: defaultdict[str, asyncio.Queue[dict[str, Any]]] = defaultdict(
            asyncio.Queue)
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def launch(cls, profile: Path) -> Browser:
        assert CHROMIUM is not None
        process = await asyncio.create_subprocess_exec(
            CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank",
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        session = aiohttp.ClientSession()
        try:
            port = await _devtools_port(profile)
            async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
                page = next(t for t in await response.json() if t["type"] == "page")
            ws = await session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        except BaseException:
            await session.close()
            process.kill()
            await process.wait()
            raise
        browser = cls(process, session, ws)
        await browser.call("Page.enable")
        return browser

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._pending:
                self._pending.pop(data["id"]).set_result(data)
            elif "method" in data:
                self._events[data["method"]].put_nowait(data.get("params", {}))

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[call_id] = future
        await self.ws.send_json({"id": call_id, "method": method, "params": params})
        answer = await asyncio.wait_for(future, TIMEOUT)
        assert "error" not in answer, answer
        result: dict[str, Any] = answer.get("result", {})
        return result

    async def loaded_after(self, script: str) -> None:
        """Run ``script`` in the page and wait until the page it leads to has loaded."""
        loads = self._events["Page.loadEventFired"]
        while not loads.empty():
            loads.get_nowait()
        await self.evaluate(script)
        await asyncio.wait_for(loads.get(), TIMEOUT)

    async def goto(self, url: str) -> None:
        await self.loaded_after(f"location.href = {json.dumps(url)}")

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()
        await self.session.close()
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def _devtools_port(profile: Path) -> int:
    """Chromium writes the port it chose into the profile once it listens."""
    marker = profile / "DevToolsActivePort"
    for _ in range(int(TIMEOUT / 0.05)):
        if marker.is_file() and marker.read_text().strip():
            return int(marker.read_text().splitlines()[0])
        await asyncio.sleep(0.05)
    raise TimeoutError("chromium did not open its DevTools port")


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[Browser]:
    b = await Browser.launch(tmp_path / "chromium-profile")
    yield b
    await b.close()


@pytest.fixture
async def site(tmp_path: Path, fake_github: FakeGitHub) -> AsyncIterator[tuple[str, Path]]:
    """The registration site on loopback, with the fake as github.com and as the API."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings_dir = tmp_path / "settings"
    app = manifest_app(settings_dir, url, github_url=fake_github.url, api_url=fake_github.url)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    yield url, settings_dir
    await runner.cleanup()


async def test_register_an_organization_app_through_the_browser(
    browser: Browser, site: tuple[str, Path], fake_github: FakeGitHub
) -> None:
    url, settings_dir = site
    await browser.goto(url + "/")
    assert await browser.evaluate("document.title") == "Register the governance GitHub App"

    # the user fills in the owner form and updates the page ...
    await browser.loaded_after("""
        document.getElementById('org').value = 'acme';
        document.getElementById('name').value = 'acme-governance';
        document.getElementById('update').click();""")
    assert await browser.evaluate("document.getElementById('org').value") == "acme"
    # ... then sends the manifest to "GitHub", which redirects back to /callback
    await browser.loaded_after("document.getElementById('register').click()")

    [registration] = fake_github.app_registrations
    assert registration["org"] == "acme"
    assert len(registration["state"]) >= 32, "the state is an unguessable random value"
    # The same manifest the unit tests expect, for this page's name and address.
    assert registration["manifest"] == {
        **EXPECTED_MANIFEST, "name": "acme-governance", "url": url,
        "hook_attributes": {"url": f"{url}/webhook", "active": True},
        "redirect_url": f"{url}/callback",
    }

    # back on our site: the credentials are stored and only their names are shown
    assert await browser.evaluate("location.pathname") == "/callback"
    text = await browser.evaluate("document.body.innerText")
    [app_record] = fake_github.manifest_apps
    assert f"GITHUB_APP_ID={app_record['id']}" in text
    for secret in ("pem", "webhook_secret", "client_secret"):
        assert app_record[secret] not in text
    stored = sorted(p.name for p in settings_dir.iterdir())
    assert stored == [f"github-app-{app_record['id']}.env",
                      f"github-app-{app_record['id']}.private-key.pem"]
    for name in stored:
        assert stat.S_IMODE(os.stat(settings_dir / name).st_mode) == 0o600
