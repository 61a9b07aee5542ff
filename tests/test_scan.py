"""``governance scan`` against the fake GitHub: hundreds of items over every surface, read
page by page through GraphQL, decided exactly as the App decides the same deliveries, with
rate limits waited out and an interrupted scan resumed."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from governance.adapters.github import GitHubAdapter
from governance.adapters.history import (
    REPOSITORIES,
    THREADS,
    GraphQLHistory,
    Pacer,
    more_query,
    page_query,
    scan_retry,
)
from governance.adapters.http import GitHubUnavailable
from governance.deployment import Deployment
from governance.scan.items import Connection
from governance.scanning import ScanRequest, run_scan
from governance.service import Service
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub, FaultKind
from tests.fake_github_state import Comment, CommentKind, Discussion, Issue
from tests.scan_world import PHONE, REPO, World, seed
from tests.test_app_payloads import example

TOKEN = {"GITHUB_TOKEN": "test-token"}
ScanClock = Callable[[], float]


class Sleeps:
    """The scan's injected sleep: records every wait and, like time passing, lets a spent
    rate-limit budget reset."""

    def __init__(self, fake: FakeGitHub) -> None:
        self.fake, self.waits = fake, []  # type: ignore[var-annotated]

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if seconds >= 60:  # the reset came
            self.fake.rate_limit["graphql"] = 5000


def env(fake: FakeGitHub) -> dict[str, str]:
    return {**TOKEN, "GITHUB_API_URL": fake.url}


@pytest.fixture
def clock() -> ScanClock:
    """The scan's injected clock: the moment the test began, standing still, so every scan
    of a test settles the same window (the report's title shows it to the minute). It is
    real time because the fake GitHub counts its rate-limit resets from real time."""
    moment = time.time()
    return lambda: moment


async def scan(fake: FakeGitHub, tmp_path: Path, clock: ScanClock, *, fmt: str = "markdown",
               resume: Path | None = None, sleeps: Sleeps | None = None, **options: Any
               ) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    request = ScanRequest(repos=[REPO], fmt=fmt, resume=resume, **options)
    await run_scan(request, env(fake), None, out, err, sleep=sleeps or Sleeps(fake),
                   now=clock)
    return out.getvalue(), err.getvalue()


def rows(text: str) -> dict[str, dict[str, Any]]:
    return {r["node_id"]: r for r in map(json.loads, text.splitlines())}


@pytest.fixture
def world(fake_github: FakeGitHub) -> World:
    return seed(fake_github)


# ------------------------------------------------------------------ the GraphQL documents


def test_documents_validate_against_the_shared_schema(github_contracts: Any) -> None:
    from graphql import parse, validate

    documents = [REPOSITORIES, *(page_query(c) for c in Connection)]
    for level in THREADS.values():
        documents += [more_query(level, name, child) for name, child, _ in level.nested]
        documents += [more_query(child, n, c) for _, child, _ in level.nested
                      for n, c, _ in child.nested]
    for document in documents:
        assert validate(github_contracts.schema, parse(document)) == [], document


# ------------------------------------------------------------------------ the whole scan


async def test_scan_reads_every_surface_in_few_requests_and_writes_nothing(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    out, err = await scan(fake_github, tmp_path, clock, fmt="json")
    found = rows(out)
    surfaces = {r["surface"] for r in found.values()}
    assert surfaces == {"issue", "issue_comment", "pull_request", "pull_request_review",
                        "pull_request_review_comment", "discussion", "discussion_comment"}
    assert len(found) == world.items  # every item once, the long threads' follow-ups too
    graphql = [c for c in fake_github.calls if c.is_graphql]
    assert len(graphql) <= world.items / 50
    assert fake_github.writes == []
    assert "items read" in err and "rate budget" in err  # a line per page (not a terminal)
    assert len(err.splitlines()) >= 6


async def test_markdown_report_lists_every_would_be_action_with_masked_evidence(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    as_json, _ = await scan(fake_github, tmp_path, clock, fmt="json")
    acted = [r for r in rows(as_json).values() if r["decision"] != "none"]
    report, _ = await scan(fake_github, tmp_path, clock)
    assert report.startswith(f"# What governance would have done: {REPO}")
    for heading in ("## Totals per category", "## Totals per rule", "## Totals per action",
                    "## Every would-be action"):
        assert heading in report
    assert acted and all(r["url"] in report for r in acted)
    assert "| pii |" in report and "| abuse |" in report and "| solicitation |" in report
    assert PHONE not in report and "number is \\[redacted\\]" in report
    assert "Ladder steps (replayed in time order)" in report
    assert fake_github.writes == []


async def test_the_ladder_is_replayed_in_time_order(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    out, _ = await scan(fake_github, tmp_path, clock, fmt="json")
    troll = sorted((r for r in rows(out).values() if r["author"] == "troll"
                    and r["step"]), key=lambda r: r["created_at"])
    steps = [r["step"] for r in troll]
    order = ["correction", "warning", "temporary-ban", "permanent-ban"]
    assert len(steps) > 5 and steps[0] == "correction"
    assert [order.index(s) for s in steps] == sorted(order.index(s) for s in steps)
    assert len(set(steps)) >= 2  # the record of earlier incidents made later ones climb


async def test_window_keeps_only_items_created_in_it(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    assert world.last is not None
    middle = world.start + (world.last - world.start) / 2
    out, _ = await scan(fake_github, tmp_path, clock, fmt="json", since=middle.isoformat(),
                        until=None)
    found = rows(out)
    assert found and all(r["created_at"] >= middle.isoformat() for r in found.values())
    assert len(found) < world.items


async def test_org_scans_every_repository_it_sees(fake_github: FakeGitHub, tmp_path: Path,
                                                  clock: ScanClock) -> None:
    world = World(fake_github)
    world.issue(2, repo="acme/one")
    world.discussion(1, 1, repo="acme/two")
    out, err = io.StringIO(), io.StringIO()
    await run_scan(ScanRequest(org="acme", fmt="json"), env(fake_github), None, out, err,
                   sleep=Sleeps(fake_github), now=clock)
    assert {r["repo"] for r in rows(out.getvalue()).values()} == {"acme/one", "acme/two"}


# ------------------------------------------------------------------- the App's decisions


def _fill(content: dict[str, Any], item: Issue | Comment | Discussion, url: str,
          created: str = "created_at") -> None:
    content.update(body=item.body, id=item.id, node_id=item.node_id, html_url=url,
                   author_association=item.association,
                   **{created: item.created_at.isoformat()},
                   updated_at=item.updated_at.isoformat())
    content["user"].update(login=item.author, type="User")


def delivery(fake: FakeGitHub, item: Issue | Comment | Discussion, url: str
             ) -> tuple[str, dict[str, Any]]:
    """The webhook GitHub would have sent when ``item`` was written, from GitHub's example
    payloads (independent of the scan's own GraphQL-to-payload code)."""
    shapes = {CommentKind.ISSUE: ("issue_comment", "created", "comment"),
              CommentKind.REVIEW: ("pull_request_review", "submitted", "review"),
              CommentKind.REVIEW_COMMENT: ("pull_request_review_comment", "created", "comment"),
              CommentKind.DISCUSSION: ("discussion_comment", "created", "comment")}
    if isinstance(item, Comment):
        event, action, key = shapes[item.kind]
        thread: Issue | Discussion = (fake.discussion(item.repo, item.number)
                                      if item.kind is CommentKind.DISCUSSION
                                      else fake.issue(item.repo, item.number))
    elif isinstance(item, Discussion):
        event, action, key, thread = "discussion", "created", "discussion", item
    else:
        event = "pull_request" if item.is_pr else "issues"
        action, key, thread = "opened", "pull_request" if item.is_pr else "issue", item
    payload = copy.deepcopy(example(event, f"{action}.json"))
    repo = fake.repo(REPO)
    payload["repository"].update(name=repo.name, node_id=repo.node_id, private=False)
    payload["repository"]["owner"].update(login=repo.owner, type="Organization")
    _fill(payload[key], item, url, "submitted_at" if key == "review" else "created_at")
    if isinstance(item, Issue | Discussion):
        payload[key]["title"] = item.title
    thread_key = {"issue_comment": "issue", "discussion_comment": "discussion"}.get(
        event, "pull_request" if event.startswith("pull_request") else key)
    state = getattr(thread, "state", "open")
    payload[thread_key].update(number=thread.number, node_id=thread.node_id, state=state,
                               created_at=thread.created_at.isoformat())
    return event, payload


async def test_scan_verdicts_are_the_apps_decisions(
        fake_github: FakeGitHub, github: GitHubAdapter, tmp_path: Path,
        clock: ScanClock) -> None:
    """Each item delivered to the service as the App gets it, in dry-run, decides the same
    as the scan (a config without a ledger: the App's dry-run has no record to climb)."""
    world = seed(fake_github, config="moderation:\n  enabled: true\n")
    out, _ = await scan(fake_github, tmp_path, clock, fmt="json")
    found = rows(out)
    assert len(found) == world.items
    contents: list[Issue | Comment | Discussion] = [
        *fake_github.repo(REPO).issues.values(), *fake_github.repo(REPO).discussions.values(),
        *fake_github.comments.values()]
    compared = 0
    for item in contents:
        row = found[item.node_id]
        event, payload = delivery(fake_github, item, row["url"])
        service = Service(Deployment(github, ManualClock(item.created_at), dry_run=True))
        plan = (await service.handle(event, payload)).plan
        assert plan is not None and plan.verdict is not None
        expected = (plan.verdict.label.value, round(plan.verdict.score, 4),
                    [a.kind for a in plan.effective])
        assert (row["category"], row["score"], row["actions"]) == expected, row["url"]
        compared += 1
    assert compared == world.items
    assert sum(r["decision"] != "none" for r in found.values()) > 20


# ------------------------------------------------------------------------- rate limits


async def test_rate_limits_are_waited_out_and_change_nothing(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    clean, _ = await scan(fake_github, tmp_path, clock)
    fake_github.calls.clear()
    fake_github.rate_limit["graphql"] = 101  # the budget runs low after the first page
    fake_github.inject(FaultKind.SECONDARY_RATE_LIMIT, graphql="node", retry_after=7)
    fake_github.inject(FaultKind.PRIMARY_RATE_LIMIT, graphql="node", reset_in=600)
    sleeps = Sleeps(fake_github)
    limited, _ = await scan(fake_github, tmp_path, clock, sleeps=sleeps)
    assert limited == clean
    assert 7 in sleeps.waits  # the secondary limit's Retry-After
    assert any(550 < w < 700 for w in sleeps.waits)  # the primary limit, until its reset
    assert any(w > 3000 for w in sleeps.waits)  # the budget ran low: waited for the reset
    assert fake_github.writes == []


async def test_pacer_slows_down_as_the_budget_runs_low() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    pacer = Pacer(sleep, lambda: now, reserve=100, slow_below=1000)
    reset = "2026-01-01T00:20:00Z"  # 1,200 s away
    assert await pacer.after({"remaining": 4000, "resetAt": reset}) == 4000
    assert waits == []  # plenty left: full speed
    await pacer.after({"remaining": 700, "resetAt": reset})
    assert waits == [2.0]  # 1,200 s spread over the 600 points above the reserve
    await pacer.after({"remaining": 50, "resetAt": reset})
    assert waits[-1] == 1201.0  # below the reserve: wait for the reset


async def test_a_spent_budget_is_waited_for_not_failed(
        fake_github: FakeGitHub, world: World) -> None:
    """Without a reserve the budget runs out mid-scan; GitHub refuses (403, remaining 0)
    and the reader waits for the reset instead of failing."""
    fake_github.enforce_rate_limit = True
    fake_github.rate_limit["graphql"] = 2  # the issues take 3 requests
    sleeps = Sleeps(fake_github)
    async with aiohttp.ClientSession() as session:
        github = GitHubAdapter(session, token="t", base_url=fake_github.url,
                               retry=scan_retry(sleeps, lambda: datetime.now(UTC).timestamp()))
        reader = GraphQLHistory(github.client, Pacer(sleeps, reserve=0, slow_below=0))
        cursor, threads = None, 0
        while True:
            page = await reader.page(REPO, Connection.ISSUES, cursor, None)
            threads += len(page.threads)
            if not page.has_next:
                break
            cursor = page.cursor
    assert threads == 130
    assert any(w > 3000 for w in sleeps.waits)
    assert any(c.status == 403 for c in fake_github.calls)


# ----------------------------------------------------------------------- interruptions


async def test_an_interrupted_scan_resumes_where_it_stopped(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    clean, _ = await scan(fake_github, tmp_path, clock)
    full_requests = sum(c.is_graphql for c in fake_github.calls)
    checkpoint = tmp_path / "scan.checkpoint"
    fake_github.calls.clear()
    # GitHub fails for good on the fifth page: the scan stops with four pages done
    fake_github.inject(FaultKind.STATUS, graphql="repository", status=502, times=50, skip=4)
    with pytest.raises(GitHubUnavailable):
        await scan(fake_github, tmp_path, clock, resume=checkpoint)
    assert checkpoint.exists()
    fake_github.faults.clear()
    fake_github.calls.clear()
    resumed, _ = await scan(fake_github, tmp_path, clock, resume=checkpoint)
    assert resumed == clean
    assert sum(c.is_graphql for c in fake_github.calls) < full_requests  # not from the start
    assert fake_github.writes == []


async def test_a_checkpoint_of_another_scan_is_refused(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    from governance.adapters.checkpoint import CheckpointError

    checkpoint = tmp_path / "scan.checkpoint"
    await scan(fake_github, tmp_path, clock, resume=checkpoint)
    with pytest.raises(CheckpointError):
        await scan(fake_github, tmp_path, clock, resume=checkpoint, since="7d")


# ------------------------------------------------------------------------ review sheet


async def test_review_sheet_has_the_actions_and_as_many_left_alone(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    sheet = tmp_path / "sheet.csv"
    await scan(fake_github, tmp_path, clock, review_sheet=sheet, seed=3)
    first = list(csv.DictReader(sheet.open(encoding="utf-8")))
    actions = [r for r in first if r["kind"] == "action"]
    sample = [r for r in first if r["kind"] == "sample"]
    assert actions and len(sample) == len(actions)
    assert all(r["decision"] == "none" and r["sampled_from"] for r in sample)
    assert all(r["correct"] == "" for r in first)
    assert PHONE not in sheet.read_text("utf-8")
    again = tmp_path / "again.csv"
    await scan(fake_github, tmp_path, clock, review_sheet=again, seed=3)
    assert again.read_text("utf-8") == sheet.read_text("utf-8")  # the seed fixes the sample
    other = tmp_path / "other.csv"
    await scan(fake_github, tmp_path, clock, review_sheet=other, seed=4)
    assert other.read_text("utf-8") != sheet.read_text("utf-8")


def test_scan_needs_a_repository_or_an_org(capsys: pytest.CaptureFixture[str]) -> None:
    from governance.cli import main

    assert main(["scan"], env={}) == 1
    assert "OWNER/REPO" in capsys.readouterr().err



async def test_csv_has_one_row_per_item(fake_github: FakeGitHub, world: World,
                                        tmp_path: Path, clock: ScanClock) -> None:
    out, _ = await scan(fake_github, tmp_path, clock, fmt="csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == world.items
    assert {"url", "category", "rule", "score", "decision", "evidence"} <= set(table[0])
    assert PHONE not in out


def test_progress_is_a_live_line_on_a_terminal_and_a_line_per_page_otherwise() -> None:
    from governance.scan.replay import Progress
    from governance.scanning import ProgressLine

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    ticks = iter([0.0, 10.0, 20.0])
    page = Progress("acme/widgets", "issues", 100, 400, 1200, 1150, 2, 4990)
    live, log = Terminal(), io.StringIO()
    line = ProgressLine(live, clock=lambda: next(ticks))
    line(page)
    line(Progress("acme/widgets", "issues", 200, 400, 2400, 2300, 3, 4989))
    line.done()
    assert live.getvalue().count("\r\x1b[2K") == 2 and live.getvalue().endswith("\n")
    assert "200/400 threads, 2400 items read, 2300 decided, rate budget 4989" in live.getvalue()
    assert "about 0:00:30 left" in live.getvalue()  # 10 s for 100 threads, 300 to go
    assert "about 0:00:20 left" in live.getvalue()  # 20 s for 200 threads, 200 to go
    ProgressLine(log, clock=lambda: 0.0)(page)
    assert log.getvalue().endswith("\n") and "\r" not in log.getvalue()


async def test_commenters_text_cannot_format_the_report_or_run_in_a_spreadsheet(
        fake_github: FakeGitHub, world: World, tmp_path: Path,
        clock: ScanClock) -> None:
    issue = next(iter(fake_github.repo(REPO).issues.values()))
    hostile = ("=HYPERLINK(\"https://evil.example\") You are a worthless idiot, "
               "[click](javascript:alert(1)) <img src=x onerror=alert(1)> | `code`")
    comment = fake_github.add_comment(REPO, issue.number, hostile, author="mallory")
    comment.created_at = comment.updated_at = world.start
    sheet = tmp_path / "sheet.csv"
    report, _ = await scan(fake_github, tmp_path, clock, review_sheet=sheet)
    line = next(x for x in report.splitlines() if "mallory" in x)
    assert not re.search(r"(?<!\\)\]\(javascript", line)  # no link: its bracket is escaped
    assert "<img" not in line and "`" not in line
    assert "\\[click\\]" in line and "&lt;im" in line
    assert line.count(" | ") == 8  # the commenter's pipe did not add a column
    row = next(r for r in csv.DictReader(sheet.open(encoding="utf-8"))
               if r["author"] == "mallory")
    assert row["excerpt"].startswith("'=HYPERLINK")


# ------------------------------------------------------------------ the replayed ledger


async def test_the_replayed_ledger_shows_its_steps_as_entries_and_refuses_to_repair():
    """The scan's ledger implements the whole ``LedgerStore`` port: its entries give back
    the record the ladder replays, and a repair is a write, which a scan never makes."""
    from governance.model import Category, Incident, Plan, RecordIncident, Step
    from governance.scan.replay import ReplayLedger, ScanWrite

    at = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    ledger = ReplayLedger()
    for n, step in enumerate((Step.CORRECTION, Step.WARNING)):
        incident = Incident(f"IC_{n}", at, Category.ABUSE, ("abuse.insult",), step,
                            f"https://github.com/{REPO}/issues/1#issuecomment-{n}")
        ledger.add(Plan(f"k{n}", (RecordIncident("mallory", incident, "abuse"),), (), None))

    state = await ledger.state_for("mallory")

    assert state.revision == 2
    assert state.record().incidents == (await ledger.record_for("mallory")).incidents
    assert (await ledger.state_for("nobody")).entries == ()
    with pytest.raises(ScanWrite):
        await ledger.repair("mallory")
