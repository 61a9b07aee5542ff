"""Wiring of ``governance scan``: the token's GitHub client with a scan's patience, the
GraphQL history reader, the checkpoint file, progress on stderr and the outputs."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from governance.adapters.checkpoint import saved_extra
from governance.adapters.retry import Sleep
from governance.config.types import Config
from governance.ledger.report import parse_since
from governance.runtime import new_session, scan_backends, scan_checkpoint
from governance.scan import report
from governance.scan.replay import Progress, Scan, Window
from governance.settings import load_settings

FORMATS = ("markdown", "json", "csv")


class ScanError(Exception):
    """A problem with the scan's inputs, said in one line."""


def moment(text: str | None, now: datetime, option: str) -> datetime | None:
    """``30d``/``12h``/``2w`` before now, or a date or time (ISO 8601, UTC if unzoned)."""
    if not text:
        return None
    try:
        return now - parse_since(text)
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ScanError(f"{option}: expected 30d, 12h, 2w or a date like 2026-01-31, "
                        f"not {text!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class ProgressLine:
    """Progress on stderr: a live line on a terminal, a line per page otherwise."""

    out: TextIO
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def __call__(self, p: Progress) -> None:
        elapsed = self.clock() - self.started
        eta = ""
        if p.threads_total and p.threads_done:
            left = elapsed / p.threads_done * max(0, p.threads_total - p.threads_done)
            eta = f", about {timedelta(seconds=round(left))} left in {p.connection}"
        budget = "" if p.remaining is None else f", rate budget {p.remaining}"
        line = (f"{p.repo} {p.connection}: {p.threads_done}/{p.threads_total} threads, "
                f"{p.items_read} items read, {p.items_decided} decided{budget}{eta}")
        if self.out.isatty():
            self.out.write("\r\x1b[2K" + line)
        else:
            self.out.write(line + "\n")
        self.out.flush()

    def done(self) -> None:
        if self.out.isatty():
            self.out.write("\n")


@dataclass
class ScanRequest:
    repos: Sequence[str] = ()
    org: str | None = None
    since: str | None = "30d"
    until: str | None = None
    config: Config | None = None
    config_name: str = ""
    fmt: str = "markdown"
    resume: Path | None = None
    review_sheet: Path | None = None
    seed: int = 0


@dataclass
class ScanResult:
    read: int
    decided: int
    requests: int


async def run_scan(request: ScanRequest, env: Mapping[str, str], token: str | None,
                   out: TextIO, stderr: TextIO, *, sleep: Sleep = asyncio.sleep,
                   now: Callable[[], float] = time.time) -> ScanResult:
    settings = load_settings(env, "token", token=token)
    if settings.token is None:
        raise ScanError("a GitHub token is needed: set GITHUB_TOKEN or pass --token")
    window = _window(request, datetime.fromtimestamp(now(), UTC))
    async with new_session() as http:
        github, reader = scan_backends(http, settings, sleep=sleep, now=now)
        repos = list(request.repos)
        if request.org:
            repos += await reader.repositories(request.org)
        with tempfile.TemporaryDirectory() as scratch:
            path = request.resume or Path(scratch) / "scan.json"
            key = {"repos": list(request.repos), "org": request.org, "since": request.since,
                   "until": request.until, "config": request.config_name}
            extra = {"since": _iso(window.since), "until": _iso(window.until)}
            checkpoint = scan_checkpoint(path, key, extra)
            progress = ProgressLine(stderr)
            config = request.config

            async def pinned(_repo: str) -> Config:
                assert config is not None
                return config
            scan = Scan(reader, github, checkpoint, window,
                        config_for=pinned if config is not None else None, on_page=progress)
            state = await scan.run(repos)
            progress.done()
            if request.review_sheet is not None:
                with request.review_sheet.open("w", newline="", encoding="utf-8") as sheet:
                    report.write_review_sheet(checkpoint.rows, sheet, request.seed)
            span = f"{_day(window.since) or 'the beginning'} to {_day(window.until) or 'now'}"
            report.write(checkpoint.rows, request.fmt, out, title=", ".join(repos) or "-",
                         window=span, read=state.progress.items_read)
    p = state.progress
    return ScanResult(p.items_read, p.items_decided, p.requests)


def _window(request: ScanRequest, now: datetime) -> Window:
    """The window asked for; a resumed scan keeps the one its first run settled."""
    saved = saved_extra(request.resume) if request.resume else None
    if saved:
        return Window(_parsed(saved.get("since")), _parsed(saved.get("until")))
    return Window(moment(request.since, now, "--since"), moment(request.until, now, "--until"))


def _parsed(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""
