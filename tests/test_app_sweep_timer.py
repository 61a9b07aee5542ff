"""The App's sweep timer: every installation's ledgers swept once a round, on the fake GitHub
(JWT for the installation list, installation tokens for the rest, contracts checked)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.adapters.http import GitHubError
from governance.adapters.retry import RetryPolicy
from governance.app import timer
from governance.app.auth import AppClient, InstallationTokens
from governance.app.timer import (
    LedgerToSweep,
    SweepRound,
    installation_repositories,
    ledgers_to_sweep,
    parse_interval,
    run_timer,
)
from governance.app.wiring import Installations, app_from_settings
from governance.cli import build_parser
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import Category, Incident, RecordIncident, Step
from governance.settings import Settings, load_settings
from tests.builders import config
from tests.fake_github import FakeGitHub, FaultKind

ORG_DEFAULTS = "ledger:\n  repository: acme/coc-ledger\n"
OTHER_LEDGER = "ledger:\n  repository: acme/other-ledger\n"
CONFIG = ".github/governance.yml"


@pytest.fixture(scope="module")
def pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


@pytest.fixture
def fake(fake_github: FakeGitHub) -> FakeGitHub:
    """Two installations: the organisation acme (org defaults, two ledgers, a repository
    without config) and the person solo (no config at all)."""
    f = fake_github
    f.add_installation(1, "acme")
    f.add_installation(2, "solo")
    f.add_file("acme/.github", CONFIG, ORG_DEFAULTS)
    f.add_file("acme/widgets", CONFIG, ORG_DEFAULTS)  # names the same ledger again
    f.add_file("acme/gadgets", CONFIG, OTHER_LEDGER)
    f.add_repo("acme/docs")
    f.add_repo("acme/coc-ledger", private=True)
    f.add_repo("acme/other-ledger", private=True)
    f.add_repo("solo/blog", owner_type="User")
    f.valid_tokens = set()  # only installation tokens the fake issued work
    return f


@pytest.fixture
def settings(fake: FakeGitHub, pem: str) -> Settings:
    return load_settings({"GITHUB_APP_ID": "4242", "GITHUB_PRIVATE_KEY": pem,
                          "GITHUB_WEBHOOK_SECRET": "s", "GITHUB_API_URL": fake.url}, "app")


def app_sweep_round(settings: Settings, session: aiohttp.ClientSession) -> SweepRound:
    """The App's timer round as ``wiring.app_from_settings`` builds it (no retries)."""
    assert settings.app is not None
    clock = runtime.SystemClock()
    client = AppClient(session, app_id=settings.app.app_id,
                       private_key=settings.app.private_key.reveal(),
                       api_url=settings.api_url, clock=clock)
    setup = runtime.SetUp(clock=clock)
    installations = Installations(session, InstallationTokens(client, clock), settings,
                                  RetryPolicy(max_tries=1),
                                  wire=lambda github: runtime.wire(settings, session, github,
                                                                   setup))
    return SweepRound(settings, session, installations, clock)


@pytest.fixture
async def sweep_round(settings: Settings) -> AsyncIterator[SweepRound]:
    async with runtime.new_session() as session:
        yield app_sweep_round(settings, session)


async def expired_ban(fake: FakeGitHub, github: GitHubAdapter, login: str = "mallory") -> None:
    now = datetime.now(UTC)
    incident = Incident(f"IC_{login}", now - timedelta(days=8), Category.ABUSE, ("abuse.insult",),
                        Step.TEMPORARY_BAN, "https://github.com/acme/widgets/issues/1",
                        expires_at=now - timedelta(days=1))
    ledger = GitHubLedger(github, "acme/coc-ledger", runtime.SystemClock())
    await ledger.record_incident(RecordIncident(login, incident, "harassment and abuse"))
    fake.block("acme", login)


# ------------------------------------------------------------------------------ rounds


async def test_a_round_sweeps_each_ledger_of_each_installation_once(
        fake: FakeGitHub, sweep_round: SweepRound, github: GitHubAdapter):
    fake.valid_tokens = None
    await expired_ban(fake, github)
    fake.valid_tokens = set()

    report = await sweep_round()

    assert (report.installations, report.failures) == (2, 0)
    assert sorted(report.ledgers) == ["acme/coc-ledger", "acme/other-ledger"]
    assert "mallory" not in fake.orgs["acme"].blocks
    fake.valid_tokens = None  # the test's own reads
    state = await GitHubLedger(github, "acme/coc-ledger", runtime.SystemClock()).state_for(
        "mallory")
    assert len(state.of_kind(EntryKind.BAN_LIFTED)) == 1
    [listing] = fake.requests("GET", "/app/installations")
    assert listing.headers["authorization"].lower().startswith("bearer ey")  # the App's JWT
    listings = fake.requests("GET", "/installation/repositories")
    assert len(listings) == 2
    assert all(c.headers["authorization"].startswith("token ghs_fake") for c in listings)


async def test_a_second_round_reads_unchanged_configs_for_free_and_changes_nothing(
        fake: FakeGitHub, sweep_round: SweepRound):
    await sweep_round()
    calls, writes = len(fake.calls), len(fake.writes)

    report = await sweep_round()

    assert report.failures == 0 and fake.writes[writes:] == []
    config_reads = [c for c in fake.calls[calls:] if c.path.endswith("/contents/" + CONFIG)]
    assert config_reads and all(c.status in (304, 404) for c in config_reads)


async def test_a_failing_ledger_is_logged_and_the_round_goes_on(
        fake: FakeGitHub, sweep_round: SweepRound, caplog: pytest.LogCaptureFixture):
    fake.inject(FaultKind.STATUS, method="GET", path="/repos/acme/coc-ledger/issues",
                status=500, times=1000)
    caplog.set_level(logging.INFO, logger="governance.app")

    report = await sweep_round()

    assert report.failures >= 1
    assert sorted(report.ledgers) == ["acme/coc-ledger", "acme/other-ledger"]
    assert fake.requests("GET", "/repos/acme/other-ledger/issues"), "the other ledger was swept"
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "governance.app"]
    failed = [line for line in lines if line["sweep"] == "failed"]
    assert failed and failed[0]["ledger"] == "acme/coc-ledger" and "GitHub" in failed[0]["error"]
    assert lines[-1]["sweep"] == "done" and lines[-1]["failures"] == report.failures
    assert not any(token in caplog.text for token in fake.issued_tokens)


async def test_a_broken_config_is_a_failure_of_its_repository_only(
        fake: FakeGitHub, sweep_round: SweepRound):
    fake.add_file("acme/gadgets", CONFIG, "ledger: [not, a, mapping]\n")
    report = await sweep_round()
    assert report.failures == 1 and report.ledgers == ["acme/coc-ledger"]


async def test_when_github_refuses_the_app_the_round_ends_quietly(
        fake: FakeGitHub, sweep_round: SweepRound):
    fake.inject(FaultKind.STATUS, method="GET", path="/app/installations", status=401)
    report = await sweep_round()
    assert (report.installations, report.failures) == (0, 1)


async def test_the_installation_listing_is_read_page_by_page(
        fake: FakeGitHub, sweep_round: SweepRound, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(timer, "PER_PAGE", 2)
    names = await installation_repositories(sweep_round.wirings.wiring(1).github)
    assert sorted(names) == sorted(r for r in fake.repos if r.startswith("acme/"))
    assert len(fake.requests("GET", "/installation/repositories")) == 3


# ------------------------------------------------------------------------- pure parts


def test_ledgers_are_deduplicated_and_one_repository_runs_the_expert_programme():
    org = config(ledger={"repository": "acme/coc-ledger"})
    experts = config(ledger={"repository": "ACME/coc-ledger"},
                     experts={"enabled": True, "team": "acme/experts"})
    org_experts = config(ledger={"repository": "acme/other"},
                         experts={"enabled": True, "team": "acme/experts"})
    found = ledgers_to_sweep([("acme/.github", org), ("acme/api", experts),
                              ("acme/web", experts), ("acme/docs", org_experts),
                              ("acme/none", config())])
    assert found == [LedgerToSweep("acme/coc-ledger", org, "acme/api"),
                     LedgerToSweep("acme/other", org_experts, "acme/docs")]


def test_the_org_defaults_run_the_expert_programme_only_over_named_repositories():
    bare = config(ledger={"repository": "acme/l"}, experts={"enabled": True, "team": "acme/e"})
    listed = config(ledger={"repository": "acme/l"},
                    experts={"enabled": True, "team": "acme/e", "repositories": ["acme/api"]})
    assert ledgers_to_sweep([("acme/.github", bare)])[0].experts_repo is None
    assert ledgers_to_sweep([("acme/.github", listed)])[0].experts_repo == "acme/.github"


# ----------------------------------------------------------------------------- timer


async def test_the_timer_starts_at_a_random_moment_and_survives_a_failing_round():
    waits: list[float] = []
    rounds: list[int] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 4:
            raise asyncio.CancelledError

    async def sweep() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise RuntimeError("GitHub is down")

    with pytest.raises(asyncio.CancelledError):
        await run_timer(sweep, 3600.0, sleep=sleep)
    assert 0.0 <= waits[0] <= timer.FIRST_ROUND_SPREAD
    assert waits[1:] == [3600.0, 3600.0, 3600.0] and rounds == [0, 1, 2]


async def test_the_app_runs_the_timer_while_it_serves(
        fake: FakeGitHub, settings: Settings, aiohttp_client: Any,
        monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(timer, "first_delay", lambda every: 0.0)
    client: TestClient = await aiohttp_client(
        await app_from_settings(settings, sweep_every=3600.0))
    for _ in range(200):
        if fake.requests("GET", "/installation/repositories"):
            break
        await asyncio.sleep(0.02)
    assert len(fake.requests("GET", "/app/installations")) == 1
    assert (await client.get("/healthz")).status == 200
    await client.close()  # stops the timer before the HTTP session closes


async def test_without_an_interval_the_app_has_no_timer(settings: Settings):
    with_timer = await app_from_settings(settings, sweep_every=60.0)
    without = await app_from_settings(settings, sweep_every=0.0)
    assert len(with_timer.cleanup_ctx) == len(without.cleanup_ctx) + 1
    for app in (with_timer, without):
        await app.cleanup()


def test_sweep_every_takes_durations_and_zero(capsys: pytest.CaptureFixture[str]):
    parser = build_parser()
    assert parser.parse_args(["serve"]).sweep_every == 3600.0
    assert parser.parse_args(["serve", "--sweep-every", "30m"]).sweep_every == 1800.0
    assert parser.parse_args(["serve", "--sweep-every", "0"]).sweep_every == 0.0
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "--sweep-every", "soon"])
    assert "--sweep-every" in capsys.readouterr().err
    assert parse_interval("1d") == 86400.0
    with pytest.raises(ValueError):
        parse_interval("0m")


async def test_the_fake_lists_repositories_only_to_installation_tokens(
        fake: FakeGitHub, settings: Settings):
    async with aiohttp.ClientSession() as session:
        adapter = GitHubAdapter(session, token="not-an-installation-token", base_url=fake.url,
                                retry=RetryPolicy(max_tries=1))
        fake.valid_tokens = None
        with pytest.raises(GitHubError, match="403"):
            await installation_repositories(adapter)
