"""Maintainers' commands that read or act on GitHub with a token: ledger reports and the sweep.

The CLI parses arguments and passes the environment in; this module connects with the token
(``runtime.connect``, the one set-up every edge uses), finds the ledger repository
(``--ledger``, or the ``ledger.repository`` of the repository's own config) and calls the use cases.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from governance import sweep as sweeping
from governance.experts.months import Month
from governance.experts.report import render_json, render_markdown
from governance.experts.service import ExpertsError, summary_lines
from governance.ledger import report, transparency
from governance.ledger.store import GitHubLedger
from governance.rewards import usecases as rewards
from governance.rewards.report import pending_json, pending_text
from governance.runtime import SetUp, SystemClock, Wiring, code_pool
from governance.runtime import connect as runtime_connect
from governance.scan import report as scan_report
from governance.scan import shadow
from governance.settings import load_settings
from governance.sweep import (
    WOULD_RETRY,
    ExpertStepsFailed,
    LedgerToSweep,
    SweepFailure,
    SweepReport,
)


class MaintainerError(Exception):
    """A problem with the command's inputs, said in one line."""


@asynccontextmanager
async def connect(env: Mapping[str, str], token: str | None, *,
                  dry_run: bool = False) -> AsyncIterator[Wiring]:
    """The token's wiring; a command's one clock is the system's."""
    settings = load_settings(env, "token", token=token)
    if settings.token is None:
        raise MaintainerError("a GitHub token is needed: set GITHUB_TOKEN or pass --token")
    setup = SetUp(dry_run=dry_run, clock=SystemClock())
    async with runtime_connect(settings, settings.token.reveal(), setup) as wiring:
        yield wiring


async def ledger_repository(wiring: Wiring, ledger: str | None, repo: str | None) -> str:
    """The ledger named on the command line, or the one the repository's config names."""
    if ledger:
        return ledger
    if not repo:
        raise MaintainerError("name the ledger with --ledger OWNER/REPO or a repository "
                              "with --repo OWNER/REPO (default: $GITHUB_REPOSITORY)")
    config = await wiring.deployment.config_for(repo)
    if not config.ledger.repository:
        raise MaintainerError(f"{repo}: its config names no ledger.repository")
    return config.ledger.repository


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


async def ledger_show(s: Wiring, ledger: str, login: str, as_json: bool) -> str:
    state = await report.load_person(GitHubLedger(s.github, ledger, s.clock), login)
    now = s.clock.now()
    return _dump(report.person_json(state, now)) if as_json else report.person_text(state, now)


def _since(since: str | None) -> timedelta | None:
    try:
        return report.parse_since(since) if since else None
    except ValueError as exc:
        raise MaintainerError(str(exc)) from exc


async def ledger_stats(s: Wiring, ledger: str, since: str | None, as_json: bool) -> str:
    window = _since(since)
    stats = await report.load_stats(GitHubLedger(s.github, ledger, s.clock), s.clock.now(), window)
    return _dump(report.stats_json(stats)) if as_json else report.stats_text(stats)


async def ledger_shadow(s: Wiring, ledger: str, since: str | None, fmt: str,
                        review_sheet: str | None) -> str:
    """What the bot would have done in shadow mode: the ledger's shadow entries as the scan's
    report (``fmt``), and as its review sheet when ``review_sheet`` names a file."""
    window = _since(since)
    start = s.clock.now() - window if window else None
    states = await report.load_states(GitHubLedger(s.github, ledger, s.clock))
    rows = shadow.shadow_rows(states, start)
    if review_sheet:
        with open(review_sheet, "w", newline="", encoding="utf-8") as sheet:
            scan_report.write_review_sheet(lambda: rows, sheet)
    out = io.StringIO()
    span = f"shadow entries since {start:%Y-%m-%d %H:%M} UTC" if start else "all shadow entries"
    scan_report.write(lambda: rows, fmt, out, title=f"shadow mode, ledger {ledger}",
                      window=span, read=len(rows))
    return out.getvalue().rstrip("\n")


async def ledger_report(s: Wiring, ledger: str, period: str | None, month: str | None,
                        public: bool, publish: str | None) -> str:
    """The transparency report of a quarter or a month; ``publish`` (OWNER/REPO:PATH)
    writes its public version there through the contents API."""
    try:
        chosen = transparency.quarter(period) if period else transparency.month(month or "")
    except ValueError as exc:
        raise MaintainerError(str(exc)) from exc
    states = await report.load_states(GitHubLedger(s.github, ledger, s.clock))
    text = transparency.report_markdown(transparency.transparency(states, chosen),
                                        public=public or bool(publish))
    if not publish:
        return text
    repo, _, path = publish.partition(":")
    if repo.count("/") != 1 or not path:
        raise MaintainerError(f"--publish: expected OWNER/REPO:PATH, not {publish!r}")
    found = await s.github.read_file(repo, path)
    await s.github.write_file(repo, path, text, found.sha if found else None,
                              f"Moderation transparency report {chosen.name}")
    return f"published the public report for {chosen.name} to {repo}:{path}"


async def sweep_all(s: Wiring, ledger: str, dry_run: bool, repo: str | None = None) -> str:
    """Every scheduled duty for the ledger (``governance.sweep``); with ``repo``, its config
    words the notices and runs the notifications and the expert programme."""
    config = await s.deployment.config_for(repo) if repo else None
    target = LedgerToSweep(ledger, config, repo)
    report = await sweeping.sweep(s.sweep_deps(target), dry_run=dry_run)
    lines = sweep_lines(report)
    if report.failures:
        raise MaintainerError("\n".join([*lines, *map(failure_line, report.failures)]))
    return "\n".join(lines) if lines else "nothing to do"


def sweep_lines(report: SweepReport) -> list[str]:
    """The sweep's report for a maintainer's terminal: each plan, reward, notification."""
    lines = [p.render() for p in report.people]
    lines += [f"reward {r.key}: {WOULD_RETRY} ({r.state})" if report.dry_run
              else f"reward {r.key}: {r.state} {r.detail}".rstrip() for r in report.rewards]
    lines += report.notifications
    return lines + (summary_lines(report.experts) if report.experts else [])


def failure_line(failure: SweepFailure) -> str:
    error = failure.error
    if isinstance(error, ExpertStepsFailed):
        return "expert programme: " + "; ".join(error.steps)
    if isinstance(error, ExpertsError):
        return str(error)
    return f"{failure.job}: {type(error).__name__}: {error}"


# ----------------------------------------------------------------------------- rewards


async def rewards_pending(s: Wiring, ledger: str, as_json: bool) -> str:
    entries = await rewards.rewards_pending(s.github, ledger)
    return pending_json(entries) if as_json else pending_text(entries)


async def rewards_resend(s: Wiring, ledger: str, pr: str, email: str) -> str:
    try:
        outcome = await rewards.rewards_resend(s.reward_deps(), ledger, pr, email=email)
    except (ValueError, LookupError) as exc:
        raise MaintainerError(str(exc)) from exc
    return f"reward {outcome.key}: {outcome.state} {outcome.detail}".rstrip()


async def rewards_import(s: Wiring, repo: str, tier: str, csv_text: str) -> str:
    config = await s.deployment.config_for(repo)
    try:
        pool = code_pool(s.github, config, s.clock)
        result = await rewards.rewards_import(s.github, config, tier, csv_text, pool)
    except ValueError as exc:
        raise MaintainerError(str(exc)) from exc
    return (f"tier {tier}: {result.added} code(s) added, {result.duplicates} duplicate(s) "
            f"skipped, {result.available} available")


async def rewards_report(s: Wiring, ledger: str, month: str, as_json: bool) -> str:
    try:
        found = await rewards.rewards_report(s.github, ledger, month)
    except ValueError as exc:
        raise MaintainerError(str(exc)) from exc
    return found.to_json() if as_json else found.text()


# ----------------------------------------------------------------------------- experts


def month_of(text: str | None, now: datetime) -> Month:
    """The month named, or the one that ended last."""
    try:
        return Month.parse(text) if text else Month.containing(now).previous()
    except ValueError as exc:
        raise MaintainerError(str(exc)) from exc


async def experts_report(s: Wiring, repo: str, month: str | None, as_json: bool,
                         public: bool, publish: bool) -> str:
    config = await s.deployment.config_for(repo)
    try:
        now = s.clock.now()
        found = await s.programme().report(config, repo, month_of(month, now), now)
        where = await s.programme().publish(config, repo, found) if publish else ""
    except ExpertsError as exc:
        raise MaintainerError(str(exc)) from exc
    # What is published is public, and so is a workflow's log: print the public form too.
    text = (render_json if as_json else render_markdown)(found, public=public or publish)
    return f"{text}\npublished: {where}" if where else text


async def experts_candidates(s: Wiring, repo: str, month: str | None, limit: int,
                             as_json: bool) -> str:
    config = await s.deployment.config_for(repo)
    people = await s.programme().candidates(config, repo, month_of(month, s.clock.now()), limit)
    if as_json:
        return json.dumps([{"login": t.login, "score": t.score,
                            "counts": {str(k): v for k, v in t.counts.items()}}
                           for t in people], indent=2)
    rows = [f"@{t.login}\t{t.score:g}" for t in people]
    return "\n".join(rows) if rows else "no candidates this month"


async def run(env: Mapping[str, str], token: str | None,
              job: Callable[[Wiring], Awaitable[str]], *, dry_run: bool = False) -> str:
    async with connect(env, token, dry_run=dry_run) as wiring:
        return await job(wiring)
