"""Load figures for the GitHub App on loopback against the fake GitHub (printed, not asserted).

    python benchmarks/app_load.py [--rate 100] [--seconds 20] [--total 10000]
                                  [--concurrency 32] [--check-contracts]

The App (``governance.app.wiring.app_from_settings``) serves on 127.0.0.1 in this process;
the fake GitHub (tests/fake_github.py) runs in a child process so its work does not steal
the App's event loop. Deliveries are signed ``issue_comment.created`` webhooks: 90% benign
texts, 10% flagged ones (texts the detector flags, each by a different outside author).

Figures:
- GitHub calls (reads, writes) per benign and per flagged delivery; writes per benign
  delivery must be 0 (installation-token requests are counted apart);
- deliveries per second sustained (closed loop, ``--concurrency`` in flight);
- latency at a fixed ``--rate`` (open loop): client round trip, the server's handler time,
  the time the handler spent waiting on GitHub (HTTP round trips to the fake, measured with
  an aiohttp trace in the App's session) and the difference, which is our own latency;
- RSS of this process (App + load generator) after ``--total`` deliveries.

Targets: p99 of our own latency < 50 ms, RSS < 150 MB, 0 writes per benign delivery. The
fake's REST contract checks are off unless ``--check-contracts`` (the tests check them; here
they would only make the fake the bottleneck). Exits 0 with a message when the fake, the
shared contracts or the App are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import copy
import cProfile
import dataclasses
import hashlib
import hmac
import io
import itertools
import json
import multiprocessing
import os
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

REPO = "acme-oss/widgets"
LEDGER = "acme-oss/coc-ledger"
INSTALLATION = 61234567
WEBHOOK_SECRET = "benchmark-webhook-secret"
CONFIG = f"ledger:\n  repository: {LEDGER}\n"
FLAGGED_EVERY = 10  # one delivery in ten is flagged

FALLBACK_BENIGN = (
    "Thanks, this fixes the crash for me on Linux as well.",
    "Could you add a test for the empty-input case before we merge?",
    "I think the cache should be invalidated when the config file changes.",
    "Rebased on main; the CI failure looks unrelated (network timeout).",
    "What do you think about moving this helper into utils?",
)
FALLBACK_FLAGGED = (
    "you are a worthless idiot and everyone on this project is a clown",
    "Hello sir, we are a top rated digital agency offering SEO services, guaranteed first "
    "page ranking, contact us on whatsapp now",
    "his personal mobile is +44 7911 123456, call him at home",
)


def missing_dependency() -> str | None:
    """Why the benchmark cannot run here, or None."""
    if not (SHARED / "github" / "rest").is_dir():
        return f"shared GitHub contracts not found at {SHARED / 'github'}"
    try:
        import tests.fake_github  # noqa: F401
    except ImportError as exc:
        return f"the fake GitHub (tests/fake_github.py) cannot be imported: {exc}"
    try:
        from governance.app.wiring import app_from_settings  # noqa: F401
    except ImportError as exc:
        return f"the App (governance/app/wiring.py) cannot be imported: {exc}"
    return None


# ------------------------------------------------------------------------- texts


def texts(limit: int = 400) -> tuple[list[str], list[str]]:
    """Benign texts the detector passes and flagged texts it flags (corpus if present)."""
    from governance.detect import classify

    corpus = SHARED / "corpus" / "dev.jsonl"
    if not corpus.is_file():
        return list(FALLBACK_BENIGN), list(FALLBACK_FLAGGED)
    benign: list[str] = []
    flagged: list[str] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if len(benign) >= limit and len(flagged) >= limit:
                break
            item = json.loads(line)
            if item.get("group") != "se_real" and item["label"] == "ok":
                continue
            passed = classify(item["text"]).label.value == "ok"
            if item["label"] == "ok" and passed and len(benign) < limit:
                benign.append(item["text"])
            elif item["label"] != "ok" and not passed and len(flagged) < limit:
                flagged.append(item["text"])
    return benign or list(FALLBACK_BENIGN), flagged or list(FALLBACK_FLAGGED)


# ------------------------------------------------------------- the fake, in a child


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
    loop = asyncio.get_running_loop()
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command == "calls":
            conn.send([(c.method, c.path, c.is_write, c.status) for c in fake.calls])
        elif command == "cpu":
            conn.send(time.process_time())
        elif command == "stop":
            break
    conn.send(fake.violations[:20])
    await fake.close()


class FakeGitHubProcess:
    def __init__(self, comments: list[tuple[str, str]], check_contracts: bool) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=fake_process, args=(child, comments, check_contracts),
                                   daemon=True)

    def start(self) -> tuple[str, int, list[tuple[int, str]]]:
        self.process.start()
        if not self.conn.poll(120):
            raise RuntimeError("the fake GitHub did not start within 120 s")
        try:
            result: tuple[str, int, list[tuple[int, str]]] = self.conn.recv()
        except EOFError:
            raise RuntimeError("the fake GitHub process failed to start (see above)") from None
        return result

    def calls(self) -> list[tuple[str, str, bool, int]]:
        self.conn.send("calls")
        calls: list[tuple[str, str, bool, int]] = self.conn.recv()
        return calls

    def cpu(self) -> float:
        """CPU seconds the fake's process has used so far."""
        self.conn.send("cpu")
        seconds: float = self.conn.recv()
        return seconds

    def stop(self) -> list[str]:
        self.conn.send("stop")
        violations: list[str] = self.conn.recv() if self.conn.poll(30) else []
        self.process.join(10)
        return violations


# ----------------------------------------------------------------- deliveries


@dataclass(frozen=True, slots=True)
class Delivery:
    guid: str
    body: bytes
    signature: str
    flagged: bool


def _template() -> dict[str, Any]:
    sample = ROOT / "governance" / "samples" / "01-abusive-comment.json"
    payload: dict[str, Any] = json.loads(sample.read_text("utf-8"))["payload"]
    return payload


def make_deliveries(specs: list[tuple[str, str, bool]], ids: list[tuple[int, str]],
                    issue_number: int) -> list[Delivery]:
    template = _template()
    owner, name = REPO.split("/")
    out = []
    for (text, author, flagged), (comment_id, node_id) in zip(specs, ids, strict=True):
        payload = copy.deepcopy(template)
        payload["installation"]["id"] = INSTALLATION
        payload["repository"].update(full_name=REPO, name=name)
        payload["repository"]["owner"]["login"] = owner
        payload["organization"]["login"] = owner
        payload["issue"].update(number=issue_number,
                                html_url=f"https://github.com/{REPO}/issues/{issue_number}")
        user = {**payload["comment"]["user"], "login": author}
        payload["comment"].update(id=comment_id, node_id=node_id, body=text, user=user)
        payload["sender"] = user
        body = json.dumps(payload).encode()
        digest = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
        out.append(Delivery(str(uuid.uuid4()), body, "sha256=" + digest, flagged))
    return out


def delivery_specs(total: int, benign: list[str], flagged: list[str]
                   ) -> list[tuple[str, str, bool]]:
    """Every tenth delivery flagged, by a new author; benign ones by a few regulars."""
    specs = []
    for i in range(total):
        if i % FLAGGED_EVERY == FLAGGED_EVERY - 1:
            specs.append((flagged[i % len(flagged)], f"visitor-{i}", True))
        else:
            specs.append((benign[i % len(benign)], f"regular-{i % 50}", False))
    return specs


# ------------------------------------------------------------- instrumentation

# Per delivery (one aiohttp request task): the intervals spent waiting on GitHub.
_GITHUB_WAITS: contextvars.ContextVar[list[tuple[float, float]] | None] = contextvars.ContextVar(
    "github_waits", default=None)


@dataclass
class ServerTimes:
    handler: dict[str, float] = field(default_factory=dict)
    github: dict[str, float] = field(default_factory=dict)


def _union(intervals: list[tuple[float, float]]) -> float:
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


def trace_github_waits() -> Any:
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


def timing_middleware(times: ServerTimes) -> Any:
    from aiohttp import web

    @web.middleware
    async def timed(request: web.Request, handler: Callable[[Any], Awaitable[Any]]) -> Any:
        waits: list[tuple[float, float]] = []
        _GITHUB_WAITS.set(waits)
        started = time.perf_counter()
        try:
            return await handler(request)
        finally:
            guid = request.headers.get("X-GitHub-Delivery", "")
            times.handler[guid] = time.perf_counter() - started
            times.github[guid] = _union(waits)

    return timed


def instrument_app_session() -> None:
    """The App's HTTP session gets the trace (the App builds it in ``runtime.new_session``)."""
    import aiohttp

    from governance import runtime

    def new_session(timeout: aiohttp.ClientTimeout = runtime.HTTP_TIMEOUT
                    ) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(timeout=timeout, trace_configs=[trace_github_waits()])

    runtime.new_session = new_session


# ---------------------------------------------------------------------- load


@dataclass
class Sent:
    latency: dict[str, float] = field(default_factory=dict)
    statuses: dict[int, int] = field(default_factory=dict)

    def record(self, guid: str, status: int, seconds: float) -> None:
        self.latency[guid] = seconds
        self.statuses[status] = self.statuses.get(status, 0) + 1


async def send(session: Any, url: str, delivery: Delivery, sent: Sent) -> None:
    headers = {"X-GitHub-Event": "issue_comment", "X-GitHub-Delivery": delivery.guid,
               "X-Hub-Signature-256": delivery.signature, "Content-Type": "application/json",
               "User-Agent": "GitHub-Hookshot/benchmark"}
    started = time.perf_counter()
    async with session.post(url, data=delivery.body, headers=headers) as response:
        await response.read()
        sent.record(delivery.guid, response.status, time.perf_counter() - started)


async def closed_loop(session: Any, url: str, deliveries: Iterator[Delivery], count: int,
                      concurrency: int, sent: Sent) -> float:
    """Send ``count`` deliveries, ``concurrency`` at a time; the elapsed seconds."""
    queue = list(itertools.islice(deliveries, count))
    position = 0

    async def worker() -> None:
        nonlocal position
        while position < len(queue):
            delivery = queue[position]
            position += 1
            await send(session, url, delivery, sent)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started if queue else float("nan")


async def open_loop(session: Any, url: str, deliveries: Iterator[Delivery], rate: float,
                    seconds: float, sent: Sent) -> list[Delivery]:
    """Send at a fixed rate whatever the answers take (GitHub does not wait either)."""
    chosen = list(itertools.islice(deliveries, int(rate * seconds)))
    started = time.perf_counter()
    tasks = []
    for i, delivery in enumerate(chosen):
        delay = started + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send(session, url, delivery, sent)))
    await asyncio.gather(*tasks)
    return chosen


# ------------------------------------------------------------------- figures


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(value: float) -> str:
    return f"{value * 1000:8.1f} ms"


def rss_mb() -> tuple[float, float]:
    """Current and peak resident set size of this process, in MB (Linux /proc)."""
    figures = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            figures[key] = int(value.split()[0]) / 1024
    return figures.get("VmRSS", float("nan")), figures.get("VmHWM", float("nan"))


def github_calls(calls: list[tuple[str, str, bool, int]]) -> tuple[int, int, int]:
    """(reads, writes, token requests) among the fake's calls."""
    tokens = sum(1 for m, p, _, _ in calls if p.endswith("/access_tokens"))
    writes = sum(1 for m, p, w, _ in calls if w and not p.endswith("/access_tokens"))
    return len(calls) - writes - tokens, writes, tokens


def print_latency(title: str, chosen: list[Delivery], sent: Sent, times: ServerTimes) -> None:
    print(f"\n{title}")
    print(f"{'':18}{'p50':>11}{'p99':>11}{'max':>11}")
    for label, pick in (("benign", False), ("flagged", True), ("all", None)):
        guids = [d.guid for d in chosen if pick is None or d.flagged is pick]
        rows = {
            "client round trip": [sent.latency[g] for g in guids if g in sent.latency],
            "server handler": [times.handler[g] for g in guids if g in times.handler],
            "waiting on GitHub": [times.github[g] for g in guids if g in times.github],
            "our own (handler - GitHub)": [times.handler[g] - times.github[g] for g in guids
                                           if g in times.handler],
        }
        print(f"  {label} ({len(guids)} deliveries)")
        for name, values in rows.items():
            print(f"    {name:<28}{ms(pct(values, 50))}{ms(pct(values, 99))}"
                  f"{ms(max(values, default=float('nan')))}")


# ---------------------------------------------------------------------- main


async def run(args: argparse.Namespace) -> int:
    import aiohttp
    from aiohttp import web
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from governance.app.wiring import app_from_settings
    from governance.settings import load_settings

    benign, flagged = texts()
    total = args.total
    specs = delivery_specs(total, benign, flagged)
    print(f"texts: {len(benign)} benign, {len(flagged)} flagged; starting the fake GitHub ...")
    fake = FakeGitHubProcess([(text, author) for text, author, _ in specs],
                             args.check_contracts)
    url, issue_number, ids = fake.start()
    probes, load = split_probes(make_deliveries(specs, ids, issue_number))
    stream = iter(load)

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    settings = load_settings({"GITHUB_APP_ID": "1", "GITHUB_PRIVATE_KEY": pem,
                              "GITHUB_WEBHOOK_SECRET": WEBHOOK_SECRET,
                              "GITHUB_API_URL": url}, "app")
    instrument_app_session()
    times = ServerTimes()
    app = await app_from_settings(
        settings, extra=lambda a: a.middlewares.append(timing_middleware(times)))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    webhook = f"http://127.0.0.1:{runner.addresses[0][1]}/webhook"
    rss_start = rss_mb()[0]
    sent = Sent()
    connector = aiohttp.TCPConnector(limit=max(256, args.concurrency))
    async with aiohttp.ClientSession(connector=connector) as session:
        profiler = cProfile.Profile() if args.profile else None
        try:
            if profiler is not None:
                profiler.enable()
            await measure(session, webhook, stream, probes, fake, sent, times, args)
        finally:
            if profiler is not None:
                profiler.disable()
                print_profile(profiler)
            await runner.cleanup()
    rss, peak = rss_mb()
    handled = len(sent.latency)
    print(f"\nRSS after {handled} deliveries: {rss:.1f} MB (peak {peak:.1f} MB, "
          f"{rss_start:.1f} MB before the first delivery); target < 150 MB")
    print(f"answers: {dict(sorted(sent.statuses.items()))}")
    violations = fake.stop()
    if violations:
        print("fake GitHub contract violations:", *violations, sep="\n  ")
    return 0


@dataclass
class Probes:
    """Deliveries sent one at a time, so every GitHub call in the window is theirs."""

    benign: list[Delivery]
    flagged: list[Delivery]


def split_probes(deliveries: list[Delivery], benign: int = 200, flagged: int = 20
                 ) -> tuple[Probes, list[Delivery]]:
    probes = Probes([d for d in deliveries if not d.flagged][:benign],
                    [d for d in deliveries if d.flagged][:flagged])
    taken = {d.guid for d in probes.benign + probes.flagged}
    return probes, [d for d in deliveries if d.guid not in taken]


async def probe(session: Any, webhook: str, batch: list[Delivery], fake: FakeGitHubProcess,
                sent: Sent, label: str) -> int:
    before = len(fake.calls())
    for delivery in batch:
        await send(session, webhook, delivery, sent)
    reads, writes, tokens = github_calls(fake.calls()[before:])
    n = max(1, len(batch))
    print(f"  {label:<8} {len(batch):>4} deliveries: {reads / n:5.2f} reads, "
          f"{writes / n:5.2f} writes, {tokens / n:5.2f} token requests per delivery")
    return writes


async def measure(session: Any, webhook: str, stream: Iterator[Delivery], probes: Probes,
                  fake: FakeGitHubProcess, sent: Sent, times: ServerTimes,
                  args: argparse.Namespace) -> None:
    await closed_loop(session, webhook, stream, 50, 8, sent)  # warm-up: tokens, caches

    print("\nGitHub calls (deliveries one at a time):")
    benign_writes = await probe(session, webhook, probes.benign, fake, sent, "benign")
    await probe(session, webhook, probes.flagged, fake, sent, "flagged")
    verdict = "ok" if benign_writes == 0 else "FAILS the target"
    print(f"  writes per benign delivery: {benign_writes / max(1, len(probes.benign)):g} "
          f"(target 0: {verdict})")

    count = min(2000, args.total // 4)
    cpu = CpuMeter(fake)
    elapsed = await closed_loop(session, webhook, stream, count, args.concurrency, sent)
    print(f"\nsustained: {count} deliveries in {elapsed:.2f} s = {count / elapsed:.0f} "
          f"deliveries/s ({args.concurrency} in flight)")
    print(cpu.per_delivery(count))

    cpu, lag = CpuMeter(fake), LoopLag()
    chosen = await open_loop(session, webhook, stream, args.rate, args.seconds, sent)
    lag.stop()
    print_latency(f"latency at {args.rate:g} deliveries/s for {args.seconds:g} s "
                  f"(target: p99 of our own < 50 ms)", chosen, sent, times)
    print(cpu.per_delivery(len(chosen)))
    print(f"  event-loop lag of the App's process: {lag.summary()} (high lag: this process "
          "is CPU-bound; low lag with high latency: deliveries queue behind GitHub calls)")

    remaining = args.total - len(sent.latency)
    if remaining > 0:
        cpu = CpuMeter(fake)
        elapsed = await closed_loop(session, webhook, stream, remaining, args.concurrency, sent)
        print(f"\nsoak: {remaining} more deliveries in {elapsed:.1f} s = "
              f"{remaining / elapsed:.0f} deliveries/s")
        print(cpu.per_delivery(remaining))


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

    def stop(self) -> None:
        self._task.cancel()

    def summary(self) -> str:
        return (f"p50 {ms(pct(self.lags, 50)).strip()}, p99 {ms(pct(self.lags, 99)).strip()}, "
                f"max {ms(max(self.lags, default=float('nan'))).strip()}")


class CpuMeter:
    """CPU time per delivery of this process (App + load generator) and of the fake.

    Unlike wall time it does not depend on what else the machine is doing.
    """

    def __init__(self, fake: FakeGitHubProcess) -> None:
        self.fake = fake
        self.own, self.fakes = time.process_time(), fake.cpu()

    def per_delivery(self, count: int) -> str:
        own = (time.process_time() - self.own) / max(1, count)
        fake = (self.fake.cpu() - self.fakes) / max(1, count)
        return (f"  CPU per delivery: {own * 1000:.2f} ms App + load generator, "
                f"{fake * 1000:.2f} ms fake GitHub; load average {os.getloadavg()[0]:.1f} "
                f"on {os.cpu_count()} CPUs")


def print_profile(profiler: cProfile.Profile, top: int = 25) -> None:
    """Where this process spent its time, restricted to the package."""
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"governance[/\\]", top)
    stats.sort_stats("tottime").print_stats(top)
    print("\nprofile of the App's process (cumulative for the package, then own time for "
          "everything; cProfile inflates many small calls):")
    print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="deliveries/s (open loop)")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the rate run")
    parser.add_argument("--total", type=int, default=10_000, help="deliveries in all")
    parser.add_argument("--concurrency", type=int, default=32, help="closed-loop in flight")
    parser.add_argument("--profile", action="store_true",
                        help="print where the App's process spends its time (cProfile)")
    parser.add_argument("--check-contracts", action="store_true",
                        help="keep the fake's REST contract checks on (slower fake)")
    args = parser.parse_args(argv)
    problem = missing_dependency()
    if problem:
        print(f"app_load: skipped: {problem}")
        return 0
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
