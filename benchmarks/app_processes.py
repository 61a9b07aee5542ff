"""The processes of the App load benchmark: the fake GitHub and the App, each on its own.

Each runs an event loop in a child process and takes commands over a pipe, so the figures
of one (CPU time, RSS, event-loop lag) are not mixed with the other's or with the load
generator's. The App is built as ``governance serve`` builds it (``app_from_settings``, one
JSON log line per delivery, read here for its ``queued_ms``: the wait for a free handler
slot), plus two probes of the benchmark's own: a middleware timing each delivery's handler,
and an aiohttp trace of the time the handler spent waiting on GitHub (HTTP round trips to the
fake).
"""

from __future__ import annotations

import asyncio
import contextvars
import cProfile
import dataclasses
import gc
import io
import json
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

REPO = "acme-oss/widgets"
LEDGER = "acme-oss/coc-ledger"
INSTALLATION = 61234567
WEBHOOK_SECRET = "benchmark-webhook-secret"
CONFIG = f"ledger:\n  repository: {LEDGER}\n"


class Child:
    """A child process running ``target(conn, *args)``; its first message says it is ready."""

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(child, *args), daemon=True)

    def start(self, what: str) -> Any:
        self.process.start()
        if not self.conn.poll(120):
            raise RuntimeError(f"{what} did not start within 120 s")
        try:
            return self.conn.recv()
        except EOFError:
            raise RuntimeError(f"{what} failed to start (see above)") from None

    def ask(self, command: str) -> Any:
        self.conn.send(command)
        return self.conn.recv()

    def stop(self) -> Any:
        self.conn.send("stop")
        answer = self.conn.recv() if self.conn.poll(30) else None
        self.process.join(10)
        return answer


async def serve_commands(conn: Any, answer: Callable[[str], Any]) -> None:
    """Answer commands until "stop" (the pipe is read in a thread: the loop keeps serving)."""
    loop = asyncio.get_running_loop()
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command == "stop":
            return
        conn.send(answer(command))


def usage() -> dict[str, float]:
    """CPU seconds so far, current and peak RSS in MB (Linux /proc) of this process."""
    figures = {"cpu": time.process_time()}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            figures[key] = int(value.split()[0]) / 1024
    return figures


# ------------------------------------------------------------------- the fake


class _NoContractChecks:
    """Stands in for openapi-core when contract checks are off."""

    def validate_request(self, *_: Any, **__: Any) -> None:
        return None

    def validate_response(self, *_: Any, **__: Any) -> None:
        return None


def fake_process(conn: Any, comments: list[tuple[str, str]], check_contracts: bool) -> None:
    sys.path.insert(0, str(ROOT))
    asyncio.run(_serve_fake(conn, comments, check_contracts))


async def _serve_fake(conn: Any, comments: list[tuple[str, str]], check: bool) -> None:
    from tests.fake_github import Contracts, FakeGitHub

    contracts = Contracts.load(SHARED / "github")
    if not check:
        contracts = dataclasses.replace(contracts, openapi=_NoContractChecks())  # type: ignore[arg-type]
    fake = FakeGitHub(contracts)
    fake.add_repo(REPO)
    fake.add_repo(LEDGER, private=True)
    fake.add_installation(INSTALLATION, REPO.split("/")[0])
    fake.add_file(REPO, ".github/governance.yml", CONFIG)
    issue = fake.add_issue(REPO, title="Crash when resizing the canvas twice")
    seeded = [fake.add_comment(REPO, issue.number, body, author=author)
              for body, author in comments]
    await fake.start()
    conn.send((fake.url, issue.number, [(c.id, c.node_id) for c in seeded]))

    def answer(command: str) -> Any:
        if command == "calls":
            return [(c.method, c.path, c.is_write, c.status) for c in fake.calls]
        return usage()

    await serve_commands(conn, answer)
    conn.send(fake.violations[:20])
    await fake.close()


# --------------------------------------------------------------------- the App

# Per delivery (one aiohttp request task): the intervals spent waiting on GitHub.
_GITHUB_WAITS: contextvars.ContextVar[list[tuple[float, float]] | None] = contextvars.ContextVar(
    "github_waits", default=None)


@dataclasses.dataclass
class ServerTimes:
    """Seconds per delivery id, while ``recording``: in the handler, and within it waiting on
    GitHub and waiting for a free handler slot (when GitHub is slow, all slots wait on it)."""

    handler: dict[str, float] = dataclasses.field(default_factory=dict)
    github: dict[str, float] = dataclasses.field(default_factory=dict)
    queued: dict[str, float] = dataclasses.field(default_factory=dict)
    recording: bool = False

    def start(self) -> None:
        for figures in (self.handler, self.github, self.queued):
            figures.clear()
        self.recording = True


def _union(intervals: list[tuple[float, float]]) -> float:
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


def _trace_github_waits() -> Any:
    import aiohttp

    async def on_start(_session: Any, ctx: Any, _params: Any) -> None:
        ctx.started = time.perf_counter()

    async def on_end(_session: Any, ctx: Any, _params: Any) -> None:
        waits = _GITHUB_WAITS.get()
        if waits is not None:
            waits.append((ctx.started, time.perf_counter()))

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_start)
    trace.on_request_end.append(on_end)
    trace.on_request_exception.append(on_end)
    return trace


def _timing_middleware(times: ServerTimes) -> Any:
    from aiohttp import web

    @web.middleware
    async def timed(request: web.Request, handler: Callable[[Any], Awaitable[Any]]) -> Any:
        waits: list[tuple[float, float]] = []
        _GITHUB_WAITS.set(waits)
        started = time.perf_counter()
        try:
            return await handler(request)
        finally:
            if times.recording:
                guid = request.headers.get("X-GitHub-Delivery", "")
                times.handler[guid] = time.perf_counter() - started
                times.github[guid] = _union(waits)

    return timed


def _instrument_app_session() -> None:
    """The App's HTTP session gets the trace (the App builds it in ``runtime.new_session``)."""
    import aiohttp

    from governance import runtime

    def new_session(timeout: aiohttp.ClientTimeout = runtime.HTTP_TIMEOUT
                    ) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(timeout=timeout, trace_configs=[_trace_github_waits()])

    runtime.new_session = new_session


class _LogLines(io.TextIOBase):
    """Where the App's log lines go: only each delivery's wait for a slot is kept."""

    def __init__(self, times: ServerTimes) -> None:
        self.times = times

    def write(self, text: str) -> int:
        for line in text.splitlines():
            if self.times.recording and line.startswith("{"):
                item = json.loads(line)
                self.times.queued[item["delivery"]] = item.get("queued_ms", 0.0) / 1000
        return len(text)


def _log_like_serve(times: ServerTimes) -> None:
    """``governance serve``'s logging (a JSON line per delivery), read by ``_LogLines``."""
    from governance.app.launch import configure_logging

    configure_logging()
    handler = logging.getLogger("governance.app").handlers[-1]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(_LogLines(times))


class LoopLag:
    """How late a 10 ms timer fires in this event loop: a busy loop delays everything."""

    def __init__(self, period: float = 0.01) -> None:
        self.period = period
        self.lags: list[float] = []
        self._task = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(self.period)
            self.lags.append(time.perf_counter() - started - self.period)

    def stop(self) -> list[float]:
        self._task.cancel()
        return self.lags


class GcPauses:
    """How long the garbage collector stopped this process, by generation."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses[info["generation"]].append(time.perf_counter() - self._started)

    def stop(self) -> dict[int, list[float]]:
        gc.callbacks.remove(self._callback)
        return self.pauses


def app_process(conn: Any, api_url: str, config_ttl: float, settle: bool) -> None:
    sys.path.insert(0, str(ROOT))
    asyncio.run(_serve_app(conn, api_url, config_ttl, settle))


async def _serve_app(conn: Any, api_url: str, config_ttl: float, settle: bool) -> None:
    from aiohttp import web
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from governance.app.wiring import app_from_settings, settle_process
    from governance.settings import load_settings

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    settings = load_settings({"GITHUB_APP_ID": "1", "GITHUB_PRIVATE_KEY": pem,
                              "GITHUB_WEBHOOK_SECRET": WEBHOOK_SECRET,
                              "GITHUB_API_URL": api_url}, "app")
    times = ServerTimes()
    _log_like_serve(times)
    _instrument_app_session()
    app = await app_from_settings(
        settings, config_ttl=config_ttl,
        extra=lambda a: a.middlewares.append(_timing_middleware(times)))
    if settle:
        settle_process()
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    conn.send((f"http://127.0.0.1:{runner.addresses[0][1]}", os.getpid()))
    await serve_commands(conn, AppCommands(times).answer)
    await runner.cleanup()
    conn.send(None)


class AppCommands:
    """What the load generator may ask the App's process."""

    def __init__(self, times: ServerTimes) -> None:
        self.times = times
        self.lag: LoopLag | None = None
        self.gc: GcPauses | None = None
        self.profiler: cProfile.Profile | None = None

    def answer(self, command: str) -> Any:
        if command == "times-start":
            self.times.start()
        if command == "times":
            self.times.recording = False
            return self.times
        if command == "lag-start":
            self.lag, self.gc = LoopLag(), GcPauses()
        if command == "lag-stop" and self.lag is not None and self.gc is not None:
            return self.lag.stop(), self.gc.stop()
        if command == "profile-start":
            self.profiler = cProfile.Profile()
            self.profiler.enable()
        if command == "profile-stop" and self.profiler is not None:
            self.profiler.disable()
            return profile_text(self.profiler)
        return usage()


def profile_text(profiler: cProfile.Profile, top: int = 25) -> str:
    """Where the App's process spent its time: the package cumulatively, then own time."""
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"governance[/\\]", top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()
