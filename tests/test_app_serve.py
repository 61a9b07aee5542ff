"""``governance serve`` as a real process on loopback: the App, and the registration page."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from governance.cli import main
from tests.fake_github import FakeGitHub
from tests.test_app_payloads import (
    ABUSIVE,
    BENIGN,
    INSTALLATION,
    OWNER,
    REPO,
    comment_delivery,
)

ROOT = Path(__file__).resolve().parents[1]
SECRET = "serve-test-secret"


@pytest.fixture(scope="module")
def pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}


@asynccontextmanager
async def serving(env: dict[str, str], *args: str) -> AsyncIterator[tuple[str, Callable[[], str]]]:
    """Start ``governance serve``; yield its URL and a way to read its stderr after it stops."""
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "governance", "serve", "--port", str(port), *args, cwd=ROOT,
        env={**base_env(), **env}, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    captured: list[bytes] = []
    try:
        await wait_until_up(url, process)
        yield url, lambda: b"".join(captured).decode()
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), timeout=30)
        captured.append(err)


async def wait_until_up(url: str, process: asyncio.subprocess.Process) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            if process.returncode is not None:
                raise AssertionError("governance serve exited early")
            try:
                async with session.get(url + "/healthz") as response:
                    if response.status in (200, 404):
                        return
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
    raise AssertionError("governance serve did not start")


async def test_serve_handles_a_signed_delivery_end_to_end(fake_github: FakeGitHub, pem: str):
    fake_github.add_installation(INSTALLATION, OWNER)
    sent, comment = comment_delivery(fake_github, ABUSIVE, delivery_id="real-server-1")
    env = {"GITHUB_APP_ID": "31337", "GITHUB_PRIVATE_KEY": pem,
           "GITHUB_WEBHOOK_SECRET": SECRET, "GITHUB_API_URL": fake_github.url}

    # No sweep timer: its first round could fall into the test and add log lines.
    async with serving(env, "--sweep-every", "0") as (url, stderr), \
            aiohttp.ClientSession() as session:
        async with session.post(url + "/webhook", data=sent.body,
                                headers=sent.headers(SECRET)) as response:
            assert response.status == 200
        async with session.get(url + "/metrics") as response:
            metrics = await response.text()

    assert comment.minimized_as == "ABUSE"
    assert 'governance_actions_total{type="hide_comment"} 1' in metrics
    lines = [json.loads(line) for line in stderr().splitlines() if line.startswith("{")]
    assert [(x["delivery"], x["outcome"], x["repo"]) for x in lines] == [
        ("real-server-1", "done", REPO)]
    assert "worthless" not in stderr() and SECRET not in stderr()


def config_reads(fake: FakeGitHub) -> int:
    return len(fake.requests("GET", r"/repos/[^/]+/[^/]+/contents/\.github/governance\.yml"))


@pytest.mark.parametrize(("ttl", "reads"), [((), 2), (("--config-ttl", "0"), 4)])
async def test_config_files_are_kept_for_the_config_ttl(fake_github: FakeGitHub, pem: str,
                                                        ttl: tuple[str, ...], reads: int):
    fake_github.add_installation(INSTALLATION, OWNER)
    env = {"GITHUB_APP_ID": "31337", "GITHUB_PRIVATE_KEY": pem,
           "GITHUB_WEBHOOK_SECRET": SECRET, "GITHUB_API_URL": fake_github.url}
    deliveries = [comment_delivery(fake_github, BENIGN, delivery_id=f"benign-{n}")[0]
                  for n in range(2)]

    async with serving(env, "--sweep-every", "0", *ttl) as (url, _), \
            aiohttp.ClientSession() as session:
        for sent in deliveries:
            async with session.post(url + "/webhook", data=sent.body,
                                    headers=sent.headers(SECRET)) as response:
                assert response.status == 200

    # the repository's and the organisation's file: once within the default 10 s, or twice
    assert config_reads(fake_github) == reads


async def test_serve_without_credentials_offers_the_registration_page(tmp_path: Path):
    async with serving({}, "--settings-dir", str(tmp_path)) as (url, _), \
            aiohttp.ClientSession() as session:
        async with session.get(url + "/") as response:
            page = await response.text()
            assert response.status == 200
        async with session.post(url + "/webhook", data=b"{}") as response:
            assert response.status in (404, 405)  # no webhook endpoint yet
    assert "<form" in page


async def test_serve_picks_up_credentials_stored_by_the_registration_page(tmp_path: Path,
                                                                         pem: str):
    key = tmp_path / "github-app-5.private-key.pem"
    key.write_text(pem)
    (tmp_path / "github-app-5.env").write_text(
        f"GITHUB_APP_ID=5\nGITHUB_PRIVATE_KEY_PATH={key}\nGITHUB_WEBHOOK_SECRET={SECRET}\n")

    async with serving({}, "--settings-dir", str(tmp_path)) as (url, stderr), \
            aiohttp.ClientSession() as session:
        async with session.get(url + "/healthz") as response:
            assert (response.status, await response.json()) == (200, {"status": "ok"})
        async with session.post(url + "/webhook", data=b"{}") as response:
            assert response.status == 401
    assert "GitHub App 5 listening" in stderr()
    assert "sweeping every 1h" in stderr(), "the sweep timer runs by default"


async def test_serve_refuses_to_start_without_a_webhook_secret(pem: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]):
    env = {"GITHUB_APP_ID": "5", "GITHUB_PRIVATE_KEY": pem}

    code = await asyncio.to_thread(main, ["serve", "--settings-dir", str(tmp_path)], env)

    assert code == 1
    err = capsys.readouterr().err
    assert "GITHUB_WEBHOOK_SECRET: required" in err and "BEGIN" not in err
