"""The App's installation adapter keeps config files for a few seconds, and nothing else."""

from __future__ import annotations

from typing import Any

import aiohttp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from governance.adapters.config_files import ConfigKeepingGitHub
from governance.app.wiring import app_from_settings
from governance.service import CONFIG_PATH
from governance.settings import load_settings
from tests.fake_github import FakeGitHub
from tests.test_app_payloads import BENIGN, INSTALLATION, OWNER, SECRET, comment_delivery
from tests.test_app_payloads import REPO as PAYLOAD_REPO

REPO = "acme/widgets"


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def reads(fake: FakeGitHub, repo: str = REPO, path: str = CONFIG_PATH) -> int:
    return len(fake.requests("GET", f"/repos/{repo}/contents/{path}"))


async def test_config_files_are_read_once_per_ttl_and_then_again(fake_github: FakeGitHub):
    fake_github.add_repo(REPO)
    fake_github.add_file(REPO, CONFIG_PATH, "dry_run: true\n")
    ticks = Ticks()
    async with aiohttp.ClientSession() as session:
        github = ConfigKeepingGitHub(session, token="t", base_url=fake_github.url,
                                     config_ttl=10.0, monotonic=ticks)
        first = await github.read_file(REPO, CONFIG_PATH)
        fake_github.add_file(REPO, CONFIG_PATH, "dry_run: false\n")
        ticks.now += 9.9
        kept = await github.read_file(REPO, CONFIG_PATH)
        ticks.now += 0.1
        fresh = await github.read_file(REPO, CONFIG_PATH)
    assert first is not None and kept == first and first.text == "dry_run: true\n"
    assert fresh is not None and fresh.text == "dry_run: false\n"
    assert reads(fake_github) == 2


async def test_a_missing_config_file_is_kept_too(fake_github: FakeGitHub):
    fake_github.add_repo(REPO)
    async with aiohttp.ClientSession() as session:
        github = ConfigKeepingGitHub(session, token="t", base_url=fake_github.url,
                                     config_ttl=10.0, monotonic=Ticks())
        assert await github.read_file(REPO, CONFIG_PATH) is None
        assert await github.read_file(REPO, CONFIG_PATH) is None
    assert reads(fake_github) == 1


async def test_other_files_and_a_zero_ttl_are_read_every_time(fake_github: FakeGitHub):
    fake_github.add_repo(REPO)
    fake_github.add_file(REPO, "ledger/alice.md", "record")
    fake_github.add_file(REPO, CONFIG_PATH, "dry_run: true\n")
    async with aiohttp.ClientSession() as session:
        keeping = ConfigKeepingGitHub(session, token="t", base_url=fake_github.url,
                                      config_ttl=10.0, monotonic=Ticks())
        plain = ConfigKeepingGitHub(session, token="t", base_url=fake_github.url,
                                    config_ttl=0.0)
        for _ in range(2):
            await keeping.read_file(REPO, "ledger/alice.md")
            await plain.read_file(REPO, CONFIG_PATH)
    assert reads(fake_github, path="ledger/alice.md") == 2
    assert reads(fake_github) == 2


async def test_writing_the_config_file_forgets_the_kept_copy(fake_github: FakeGitHub):
    fake_github.add_repo(REPO)
    fake_github.add_file(REPO, CONFIG_PATH, "dry_run: true\n")
    async with aiohttp.ClientSession() as session:
        github = ConfigKeepingGitHub(session, token="t", base_url=fake_github.url,
                                     config_ttl=10.0, monotonic=Ticks())
        old = await github.read_file(REPO, CONFIG_PATH)
        assert old is not None
        await github.write_file(REPO, CONFIG_PATH, "dry_run: false\n", old.sha, "Config")
        new = await github.read_file(REPO, CONFIG_PATH)
    assert new is not None and new.text == "dry_run: false\n"


async def test_the_app_with_a_config_ttl_reads_config_once_for_many_deliveries(
        fake_github: FakeGitHub, aiohttp_client: Any):
    fake_github.add_repo(PAYLOAD_REPO)
    fake_github.add_installation(INSTALLATION, OWNER)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    settings = load_settings({"GITHUB_APP_ID": "1", "GITHUB_PRIVATE_KEY": pem,
                              "GITHUB_WEBHOOK_SECRET": SECRET,
                              "GITHUB_API_URL": fake_github.url}, "app")
    client = await aiohttp_client(await app_from_settings(settings, config_ttl=60.0))
    for number in range(3):
        sent, _ = comment_delivery(fake_github, BENIGN, delivery_id=f"d-{number}")
        response = await client.post("/webhook", data=sent.body, headers=sent.headers(SECRET))
        assert response.status == 200
    assert reads(fake_github, PAYLOAD_REPO) == 1
    assert reads(fake_github, f"{OWNER}/.github") == 1
