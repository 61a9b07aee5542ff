"""One sweep, three edges: ``governance sweep`` (the CLI), the Action's scheduled run and the
App's timer sweep the same ledger on the fake GitHub and report the same thing.

The ledger holds an expired ban, a step whose private notice never went out and a pending
reward. Each edge sweeps it from the same starting state (the fake's repositories, blocks
and comments are put back in between), and ``governance.sweep.sweep`` is watched, not
replaced, to read the report each edge got.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from governance import runtime
from governance import sweep as sweeping
from governance.adapters.github import GitHubAdapter
from governance.cli import main
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import Category, Incident, RecordIncident, Step
from governance.policy.sweep import notice_of
from governance.rewards.store import ClaimStore, IndexEntry
from governance.settings import load_settings
from governance.sweep import SweepReport
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub, FaultKind
from tests.test_action import TOKEN, workflow_env
from tests.test_app_sweep_timer import (
    app_sweep_round,
    pem,  # noqa: F401  (the App's key, a fixture)
)

REPO = "acme/widgets"
LEDGER = "acme/coc-ledger"
CONFIG = f"ledger:\n  repository: {LEDGER}\n"
URL = f"https://github.com/{REPO}/issues/1#issuecomment-1"


async def seed(fake: FakeGitHub) -> None:
    """An expired ban (bob), a lost notice of a step an hour old (alice), a pending reward."""
    fake.add_repo(REPO)
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", CONFIG)
    fake.add_installation(1, "acme")
    fake.block("acme", "banned-bob")
    now = datetime.now(UTC)  # the CLI and the Action read the system clock
    ban = Incident("IC_bob@1", now - timedelta(days=8), Category.ABUSE, ("abuse.threat",),
                   Step.TEMPORARY_BAN, URL, expires_at=now - timedelta(days=1))
    step = Incident("IC_alice@1", now - timedelta(hours=1), Category.ABUSE,
                    ("abuse.insult",), Step.CORRECTION, URL)
    async with aiohttp.ClientSession() as session:
        github = GitHubAdapter(session, token=TOKEN, base_url=fake.url)
        for incident, login in ((ban, "banned-bob"), (step, "alice")):
            ledger = GitHubLedger(github, LEDGER, ManualClock(incident.at))
            notice = notice_of(login, incident, "abuse", 7)
            await ledger.record_incident(RecordIncident(login, incident, "abuse",
                                                        notice=notice))
        await ClaimStore(github, LEDGER).index_put(IndexEntry(
            f"{REPO}#5", f"rewards/claims/pr/{REPO}/5.json", "first-pr-alex", REPO, 5, "100",
            f"https://github.com/{REPO}/pull/5", "claimed", "", now.isoformat()))


def snapshot(fake: FakeGitHub) -> tuple[Any, ...]:
    return copy.deepcopy((fake.repos, fake.orgs, fake.comments))


def restore(fake: FakeGitHub, saved: tuple[Any, ...]) -> None:
    fake.repos, fake.orgs, fake.comments = copy.deepcopy(saved)


@pytest.fixture
async def reports(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[list[SweepReport]]:
    """Every report ``sweep`` returns, to whichever edge called it."""
    found: list[SweepReport] = []
    real = sweeping.sweep

    async def watched(deps: sweeping.SweepDeps, *, dry_run: bool) -> SweepReport:
        report = await real(deps, dry_run=dry_run)
        found.append(report)
        return report

    monkeypatch.setattr(sweeping, "sweep", watched)
    yield found


def essence(report: SweepReport) -> tuple[Any, ...]:
    """What a sweep did, without the moments it did it at."""
    return (report.ledger, report.dry_run,
            sorted((b.login, b.incident_key) for b in report.lifted_bans),
            sorted((n.login, n.template, n.incident, n.message_id) for n in report.notices),
            report.pending_rewards, [(r.state, r.detail) for r in report.rewards],
            [a.kind for a in report.actions], report.notifications, report.failures)


async def run_cli(fake: FakeGitHub, *options: str) -> None:
    env = {"GITHUB_API_URL": fake.url, "GITHUB_TOKEN": TOKEN}
    argv = ["sweep", *options, "--ledger", LEDGER, "--repo", REPO]
    assert await asyncio.to_thread(main, argv, env) == 0


async def run_action(fake: FakeGitHub, tmp_path: Path, expect: int = 0, **inputs: str) -> str:
    env = workflow_env(fake, tmp_path, "schedule", {"schedule": "17 3 * * *"}, **inputs)
    assert await asyncio.to_thread(main, ["action"], env) == expect
    return (tmp_path / "summary.md").read_text()


async def run_timer(fake: FakeGitHub, key: str) -> None:
    settings = load_settings({"GITHUB_APP_ID": "4242", "GITHUB_PRIVATE_KEY": key,
                              "GITHUB_WEBHOOK_SECRET": "s", "GITHUB_API_URL": fake.url}, "app")
    async with runtime.new_session() as session:
        round_ = await app_sweep_round(settings, session)()
    assert (round_.ledgers, round_.failures) == ([LEDGER], 0)


async def test_the_cli_the_action_and_the_app_timer_report_the_same_sweep(
        fake_github: FakeGitHub, reports: list[SweepReport], pem: str,  # noqa: F811
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    fake = fake_github
    await seed(fake)
    fake.valid_tokens = {TOKEN}  # and the installation tokens the fake issues
    before = snapshot(fake)

    await run_cli(fake)
    printed = capsys.readouterr().out
    restore(fake, before)
    summary = await run_action(fake, tmp_path)
    restore(fake, before)
    await run_timer(fake, pem)

    cli, action, timer = reports
    assert essence(cli) == essence(action) == essence(timer)
    assert [(b.login, b.incident_key) for b in cli.lifted_bans] == [("banned-bob", "IC_bob@1")]
    assert [(n.login, n.template) for n in cli.notices] == [("alice", "correction")]
    assert cli.pending_rewards == (f"{REPO}#5",) and not cli.dry_run
    # and what each edge made of it
    assert "unblock @banned-bob in acme" in printed and f"reward {REPO}#5" in printed
    assert "1 expired ban(s) lifted" in summary and "1 pending reward(s) moved on" in summary
    assert "banned-bob" not in summary and "alice" not in summary
    assert "banned-bob" not in fake.orgs["acme"].blocks  # the timer's sweep, last, is real


async def test_a_dry_run_lists_the_pending_rewards_in_the_cli_and_the_action(
        fake_github: FakeGitHub, reports: list[SweepReport], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]):
    """The Action's dry run used to count no pending reward while the CLI listed them."""
    fake = fake_github
    await seed(fake)
    writes = len(fake.writes)

    await run_cli(fake, "--dry-run")
    summary = await run_action(fake, tmp_path, **{"INPUT_DRY-RUN": "true"})

    cli, action = reports
    assert essence(cli) == essence(action) and cli.dry_run
    assert cli.pending_rewards == (f"{REPO}#5",)
    assert f"reward {REPO}#5: would be retried (claimed)" in capsys.readouterr().out
    assert "1 pending reward(s) moved on" in summary
    assert fake.writes[writes:] == []
    state = await _state(fake, "banned-bob")
    assert state.of_kind(EntryKind.BAN_LIFTED) == ()


async def _state(fake: FakeGitHub, login: str) -> Any:
    async with aiohttp.ClientSession() as session:
        github = GitHubAdapter(session, token=TOKEN, base_url=fake.url)
        return await GitHubLedger(github, LEDGER, runtime.SystemClock()).state_for(login)


async def test_a_ban_whose_record_names_no_organisation_is_lifted_in_the_ledgers_owner(
        fake_github: FakeGitHub, reports: list[SweepReport], tmp_path: Path):
    """The Action used to lift it in its repository's owner, the CLI and the App in the
    ledger's: now every edge sweeping the ledger lifts the same block."""
    fake, ledger = fake_github, "acme-conduct/ledger"
    fake.add_repo(REPO)
    fake.add_repo(ledger, private=True)
    fake.add_file(REPO, ".github/governance.yml", f"ledger:\n  repository: {ledger}\n")
    now = datetime.now(UTC)
    ban = Incident("IC_old@1", now - timedelta(days=9), Category.ABUSE, ("abuse.threat",),
                   Step.TEMPORARY_BAN, "", expires_at=now - timedelta(days=2))
    async with aiohttp.ClientSession() as session:
        github = GitHubAdapter(session, token=TOKEN, base_url=fake.url)
        await GitHubLedger(github, ledger, ManualClock(ban.at)).record_incident(
            RecordIncident("banned-bob", ban, "abuse"))
    for org in ("acme", "acme-conduct"):
        fake.block(org, "banned-bob")
    before = snapshot(fake)

    summary = await run_action(fake, tmp_path)
    lifted_by_action = sorted(fake.orgs["acme"].blocks), sorted(fake.orgs["acme-conduct"].blocks)
    restore(fake, before)
    env = {"GITHUB_API_URL": fake.url, "GITHUB_TOKEN": TOKEN}
    assert await asyncio.to_thread(main, ["sweep", "--ledger", ledger], env) == 0

    assert lifted_by_action == (["banned-bob"], [])
    assert (sorted(fake.orgs["acme"].blocks), sorted(fake.orgs["acme-conduct"].blocks)) == (
        ["banned-bob"], [])
    assert essence(reports[0]) == essence(reports[1])
    assert "1 expired ban(s) lifted" in summary


async def test_a_failing_duty_is_reported_and_the_others_still_run(
        fake_github: FakeGitHub, reports: list[SweepReport], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]):
    """The ledger's people cannot be listed: the Action fails the step with GitHub's error,
    the CLI exits 1 saying so, and both still moved the pending reward on."""
    fake = fake_github
    await seed(fake)
    fake.inject(FaultKind.STATUS, method="GET", path=f"/repos/{LEDGER}/issues", status=404,
                times=1000)

    summary = await run_action(fake, tmp_path, expect=1)
    env = {"GITHUB_API_URL": fake.url, "GITHUB_TOKEN": TOKEN}
    assert await asyncio.to_thread(main, ["sweep", "--ledger", LEDGER], env) == 1

    for report in reports:
        assert [f.job for f in report.failures] == ["bans and notices"]
        assert report.pending_rewards == (f"{REPO}#5",) and report.people == ()
    assert "NotFound: GET /repos/{owner}/{repo}/issues" in summary
    assert "bans and notices: " in capsys.readouterr().err
    assert "banned-bob" in fake.orgs["acme"].blocks
