"""Shared fixtures. Keep this file generic: one short section per outside system.

GitHub:
- ``github_contracts`` (session): GitHub's REST description and GraphQL schema, built once.
- ``fake_github``: a fresh contract-checking fake GitHub on loopback (tests/fake_github.py);
  the test fails at teardown if any request or answer broke the contract.
- ``github``: the real gidgethub adapter connected to ``fake_github``, retrying without
  really sleeping (the waits it asked for are in ``github_sleeps``).

SMTP: the fixtures of tests/fake_smtp.py (aiosmtpd on loopback), registered below.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

import aiohttp
import pytest

from governance.adapters.github import GitHubAdapter
from governance.adapters.retry import RetryPolicy
from tests.fake_github import Contracts, FakeGitHub

pytest_plugins = ("tests.fake_smtp", "tests.rewards_world")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GITHUB_CONTRACTS = SHARED / "github"


def missing_shared_in_ci(env: Mapping[str, str], shared: Path) -> str | None:
    """Why a CI run must stop: without ``../shared`` a third of the suite would skip."""
    if env.get("CI", "").strip().lower() in ("", "0", "false"):
        return None  # a developer without ../shared still gets the rest, with skip reasons
    if (shared / "github" / "rest").is_dir() and (shared / "corpus").is_dir():
        return None
    return f"CI is set but the shared data is missing at {shared}: tests would be skipped"


def pytest_configure(config: pytest.Config) -> None:
    reason = missing_shared_in_ci(os.environ, SHARED)
    if reason:
        pytest.exit(reason, returncode=3)


# ------------------------------------------------------------------------------- GitHub


@pytest.fixture(scope="session")
def github_contracts() -> Contracts:
    if not (GITHUB_CONTRACTS / "rest").is_dir():
        pytest.skip(f"shared GitHub contract data not found at {GITHUB_CONTRACTS}")
    return Contracts.load(GITHUB_CONTRACTS)


@pytest.fixture
async def fake_github(github_contracts: Contracts) -> AsyncIterator[FakeGitHub]:
    fake = FakeGitHub(github_contracts)
    await fake.start()
    yield fake
    await fake.close()
    assert not fake.violations, "off-contract GitHub traffic:\n" + "\n".join(fake.violations)


@pytest.fixture
def github_sleeps() -> list[float]:
    """The waits the adapter's retry policy asked for, in order."""
    return []


@pytest.fixture
async def github(
    fake_github: FakeGitHub, github_sleeps: list[float]
) -> AsyncIterator[GitHubAdapter]:
    async def sleep(seconds: float) -> None:
        github_sleeps.append(seconds)

    policy = RetryPolicy(sleep=sleep, random=lambda: 0.5)
    timeout = aiohttp.ClientTimeout(total=2)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        yield GitHubAdapter(session, token="test-token", base_url=fake_github.url, retry=policy)
