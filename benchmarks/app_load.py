"""Load figures for the GitHub App on loopback against the fake GitHub (printed, not asserted).

    python benchmarks/app_load.py [--quick] [--rate 100] [--seconds 20] [--total 10000]
                                  [--concurrency 32] [--first-timers 0.25]
                                  [--config-ttl 0] [--settle] [--profile]
                                  [--check-contracts]

Three processes, so that each one's work and figures stay its own: the App (built as
``governance serve`` builds it, benchmarks/app_processes.py), the fake GitHub
(tests/fake_github.py) and this load generator. Deliveries are signed
``issue_comment.created`` webhooks: 90% benign texts, 10% flagged ones (texts the detector
flags, each by a different first-time author); benign ones by 50 regular contributors and,
a share ``--first-timers`` of them, by first-time authors (who get the ban-evasion check).

Figures:
- GitHub calls (reads, writes) per benign and per flagged delivery, deliveries sent one at
  a time; writes per benign delivery must be 0 (installation-token requests apart);
- deliveries per second sustained (closed loop, ``--concurrency`` in flight);
- latency at a fixed ``--rate`` (open loop) for ``--seconds``: the client's round trip, the
  App's handler time (a middleware around the webhook handler: signature, JSON, service,
  log line), the parts of it spent waiting on GitHub (the App's HTTP round trips to the fake,
  traced in the App's session) and queued for a free handler slot (``queued_ms`` of the
  App's log line; slots fill up when GitHub answers slowly), and what remains: the App's own
  latency, the target;
- CPU time per delivery of the App's and of the fake's process, and the App's event-loop lag;
- RSS of the App's process after ``--total`` deliveries.

Targets: p99 of the App's own latency at 100 deliveries/s < 50 ms, RSS < 150 MB, 0 writes per
benign delivery. The RSS target is the App issue's, set before the language model: with the
model on (the default) the App holds about 75 MB more (onnxruntime and numpy 30 MB, the int8
graph 23 MB, the session's buffers and the tokenizer the rest), about 160 MB in all, and the
figure says so rather than moving the target. The fake's REST contract checks are off unless
``--check-contracts`` (the tests check them; here they only slow the fake). ``--quick``: 2,000
deliveries, 10 s at the rate. Exits 0 with a message when the fake, the shared contracts or
the App are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import hashlib
import hmac
import itertools
import json
import os
import re
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_processes import (  # noqa: E402 - needs the paths above
    INSTALLATION,
    REPO,
    SHARED,
    WEBHOOK_SECRET,
    Child,
    ServerTimes,
    app_process,
    fake_process,
)

FLAGGED_EVERY = 10  # one delivery in ten is flagged
TARGET_OWN_P99 = 0.050
TARGET_RSS_MB = 150.0

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
    """Benign texts the detector passes and flagged texts it flags (corpus if present), as
    the default config runs it (with the language model when that is on by default)."""
    from governance.config.defaults import default_config
    from governance.detect import DetectContext, classify

    context = DetectContext(language_model=default_config().moderation.language_model)

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
            passed = classify(item["text"], context).label.value == "ok"
            if item["label"] == "ok" and passed and len(benign) < limit:
                benign.append(item["text"])
            elif item["label"] != "ok" and not passed and len(flagged) < limit:
                flagged.append(item["text"])
    return benign or list(FALLBACK_BENIGN), flagged or list(FALLBACK_FLAGGED)


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


@dataclass(frozen=True, slots=True)
class Spec:
    text: str
    author: str
    association: str  # the comment's author_association
    flagged: bool


def make_deliveries(specs: list[Spec], ids: list[tuple[int, str]],
                    issue_number: int) -> list[Delivery]:
    template = _template()
    owner, name = REPO.split("/")
    out = []
    for spec, (comment_id, node_id) in zip(specs, ids, strict=True):
        payload = copy.deepcopy(template)
        payload["installation"]["id"] = INSTALLATION
        payload["repository"].update(full_name=REPO, name=name)
        payload["repository"]["owner"]["login"] = owner
        payload["organization"]["login"] = owner
        payload["issue"].update(number=issue_number,
                                html_url=f"https://github.com/{REPO}/issues/{issue_number}")
        user = {**payload["comment"]["user"], "login": spec.author}
        payload["comment"].update(id=comment_id, node_id=node_id, body=spec.text, user=user,
                                  author_association=spec.association)
        payload["sender"] = user
        body = json.dumps(payload).encode()
        digest = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
        out.append(Delivery(str(uuid.uuid4()), body, "sha256=" + digest, spec.flagged))
    return out


def _login(kind: str, i: int) -> str:
    """A made-up login unlike the others (numbered ones differ by an edit or two, which
    the ban-evasion check rightly finds suspicious)."""
    return f"{kind}-{hashlib.blake2b(str(i).encode(), digest_size=5).hexdigest()}"


def delivery_specs(total: int, benign: list[str], flagged: list[str], first_timers: float
                   ) -> list[Spec]:
    """Every tenth delivery flagged, by a new outside author; of the benign ones, the share
    ``first_timers`` by new outside authors too, the rest by 50 regular contributors."""
    specs = []
    newcomers = 0.0
    for i in range(total):
        if i % FLAGGED_EVERY == FLAGGED_EVERY - 1:
            specs.append(Spec(flagged[i % len(flagged)], _login("visitor", i), "NONE", True))
            continue
        newcomers += first_timers
        if newcomers >= 1.0:
            newcomers -= 1.0
            specs.append(Spec(benign[i % len(benign)], _login("newcomer", i), "NONE", False))
        else:
            specs.append(Spec(benign[i % len(benign)], f"regular-{i % 50}", "CONTRIBUTOR",
                              False))
    return specs


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


def verdict(ok: bool) -> str:
    return "ok" if ok else "FAILS the target"


def github_calls(calls: list[tuple[str, str, bool, int]]) -> tuple[int, int, int]:
    """(reads, writes, token requests) among the fake's calls."""
    tokens = sum(1 for m, p, _, _ in calls if p.endswith("/access_tokens"))
    writes = sum(1 for m, p, w, _ in calls if w and not p.endswith("/access_tokens"))
    return len(calls) - writes - tokens, writes, tokens


def own_latencies(guids: list[str], times: ServerTimes) -> list[float]:
    """Handler time less the waits on GitHub and for a slot (a slot waits on GitHub too)."""
    return [times.handler[g] - times.github[g] - times.queued.get(g, 0.0)
            for g in guids if g in times.handler]


def print_latency(title: str, chosen: list[Delivery], sent: Sent, times: ServerTimes) -> None:
    print(f"\n{title}")
    print(f"{'':34}{'p50':>11}{'p99':>11}{'max':>11}")
    for label, pick in (("benign", False), ("flagged", True), ("all", None)):
        guids = [d.guid for d in chosen if pick is None or d.flagged is pick]
        rows = {
            "client round trip": [sent.latency[g] for g in guids if g in sent.latency],
            "App handler": [times.handler[g] for g in guids if g in times.handler],
            "  of which waiting on GitHub": [times.github[g] for g in guids
                                             if g in times.github],
            "  of which queued for a slot": [times.queued[g] for g in guids
                                             if g in times.queued],
            "  App's own (the rest)": own_latencies(guids, times),
        }
        print(f"  {label} ({len(guids)} deliveries)")
        for name, values in rows.items():
            print(f"    {name:<30}{ms(pct(values, 50))}{ms(pct(values, 99))}"
                  f"{ms(max(values, default=float('nan')))}")


class CpuMeter:
    """CPU time per delivery of the App's and of the fake's process (robust to a busy
    machine, unlike wall time)."""

    def __init__(self, app: Child, fake: Child) -> None:
        self.app, self.fake = app, fake
        self.app_cpu, self.fake_cpu = app.ask("usage")["cpu"], fake.ask("usage")["cpu"]

    def per_delivery(self, count: int) -> tuple[float, float]:
        app = (self.app.ask("usage")["cpu"] - self.app_cpu) / max(1, count)
        fake = (self.fake.ask("usage")["cpu"] - self.fake_cpu) / max(1, count)
        return app, fake

    def line(self, count: int) -> str:
        app, fake = self.per_delivery(count)
        return (f"  CPU per delivery: App {app * 1000:.2f} ms, fake GitHub {fake * 1000:.2f} ms; "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


# ---------------------------------------------------------------------- phases


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


async def probe(session: Any, webhook: str, batch: list[Delivery], fake: Child,
                sent: Sent, label: str) -> int:
    before = len(fake.ask("calls"))
    for delivery in batch:
        await send(session, webhook, delivery, sent)
    calls = fake.ask("calls")[before:]
    reads, writes, tokens = github_calls(calls)
    n = max(1, len(batch))
    print(f"  {label:<8} {len(batch):>4} deliveries: {reads / n:5.2f} reads, "
          f"{writes / n:5.2f} writes, {tokens / n:5.2f} token requests per delivery")
    kinds = Counter(f"{method} {re.sub(r'/[0-9]+', '/N', path)}" for method, path, _, _ in calls)
    for kind, count in kinds.most_common(8):
        print(f"    {count / n:5.2f} x {kind}")
    return writes


@dataclass
class Run:
    session: Any
    webhook: str
    stream: Iterator[Delivery]
    app: Child
    fake: Child
    sent: Sent
    args: argparse.Namespace


async def calls_per_delivery(run: Run, probes: Probes) -> None:
    print("\nGitHub calls (deliveries one at a time):")
    benign_writes = await probe(run.session, run.webhook, probes.benign, run.fake, run.sent,
                                "benign")
    await probe(run.session, run.webhook, probes.flagged, run.fake, run.sent, "flagged")
    print(f"  writes per benign delivery: {benign_writes / max(1, len(probes.benign)):g} "
          f"(target 0: {verdict(benign_writes == 0)})")


async def sustained(run: Run, count: int) -> None:
    cpu = CpuMeter(run.app, run.fake)
    elapsed = await closed_loop(run.session, run.webhook, run.stream, count,
                                run.args.concurrency, run.sent)
    print(f"\nsustained: {count} deliveries in {elapsed:.2f} s = {count / elapsed:.0f} "
          f"deliveries/s ({run.args.concurrency} in flight)")
    print(cpu.line(count))


async def at_rate(run: Run) -> None:
    args = run.args
    cpu = CpuMeter(run.app, run.fake)
    run.app.ask("lag-start")
    run.app.ask("times-start")
    started = time.perf_counter()
    chosen = await open_loop(run.session, run.webhook, run.stream, args.rate, args.seconds,
                             run.sent)
    elapsed = time.perf_counter() - started
    lags, gc_pauses = run.app.ask("lag-stop")
    times: ServerTimes = run.app.ask("times")
    print_latency(f"latency at {args.rate:g} deliveries/s for {args.seconds:g} s "
                  f"({len(chosen) / elapsed:.0f}/s achieved, answers included)",
                  chosen, run.sent, times)
    print(cpu.line(len(chosen)))
    print(f"  event-loop lag of the App's process: p50 {ms(pct(lags, 50)).strip()}, "
          f"p99 {ms(pct(lags, 99)).strip()}, max {ms(max(lags, default=float('nan'))).strip()}"
          " (high: the App is CPU-bound)")
    print("  garbage-collector pauses of the App's process: " + ", ".join(
        f"generation {g}: {len(p)}, max {ms(max(p, default=0.0)).strip()}"
        for g, p in gc_pauses.items()))
    own = pct(own_latencies([d.guid for d in chosen], times), 99)
    print(f"  p99 of the App's own latency: {ms(own).strip()} "
          f"(target < {TARGET_OWN_P99 * 1000:.0f} ms: {verdict(own < TARGET_OWN_P99)})")


async def soak(run: Run) -> None:
    remaining = run.args.total - len(run.sent.latency)
    if remaining <= 0:
        return
    cpu = CpuMeter(run.app, run.fake)
    elapsed = await closed_loop(run.session, run.webhook, run.stream, remaining,
                                run.args.concurrency, run.sent)
    print(f"\nsoak: {remaining} more deliveries in {elapsed:.1f} s = "
          f"{remaining / elapsed:.0f} deliveries/s")
    print(cpu.line(remaining))


# ---------------------------------------------------------------------- main


async def run_all(args: argparse.Namespace) -> int:
    import aiohttp

    benign, flagged = texts()
    specs = delivery_specs(args.total, benign, flagged, args.first_timers)
    print(f"texts: {len(benign)} benign, {len(flagged)} flagged; {args.total} deliveries: "
          f"{100 // FLAGGED_EVERY}% flagged (first-time authors), benign ones "
          f"{args.first_timers:.0%} by first-time authors, the rest by 50 contributors")
    fake = Child(fake_process, [(spec.text, spec.author) for spec in specs],
                 args.check_contracts)
    url, issue_number, ids = fake.start("the fake GitHub")
    app = Child(app_process, url, args.config_ttl, args.settle)
    app_url, app_pid = app.start("the App")
    print(f"App process {app_pid} (attach a profiler: py-spy record --pid {app_pid}); config "
          f"files kept for {args.config_ttl:g} s (--config-ttl; 0: read for every delivery); "
          f"settle_process {'called' if args.settle else 'not called'} (--settle)")
    probes, load = split_probes(make_deliveries(specs, ids, issue_number))
    rss_start = app.ask("usage")["VmRSS"]
    connector = aiohttp.TCPConnector(limit=max(256, args.concurrency))
    try:
        async with aiohttp.ClientSession(connector=connector) as session:
            run = Run(session, f"{app_url}/webhook", iter(load), app, fake, Sent(), args)
            await measure(run, probes)
        report_end(run, rss_start)
    finally:
        app.stop()
        violations = fake.stop()
    if violations:
        print("fake GitHub contract violations:", *violations, sep="\n  ")
    return 0


async def measure(run: Run, probes: Probes) -> None:
    await closed_loop(run.session, run.webhook, run.stream, 50, 8, run.sent)  # tokens, caches
    await calls_per_delivery(run, probes)
    await sustained(run, min(2000, run.args.total // 4))
    if run.args.profile:
        run.app.ask("profile-start")
    await at_rate(run)
    if run.args.profile:
        print("\nprofile of the App's process during the rate run (cProfile inflates many "
              "small calls):\n" + run.app.ask("profile-stop"))
    await soak(run)


def report_end(run: Run, rss_start: float) -> None:
    figures = run.app.ask("usage")
    handled = len(run.sent.latency)
    rss = figures["VmRSS"]
    from governance.config.defaults import default_config

    with_model = default_config().moderation.language_model
    print(f"\nRSS of the App's process after {handled} deliveries: {rss:.1f} MB (peak "
          f"{figures['VmHWM']:.1f} MB, {rss_start:.1f} MB before the first delivery); "
          f"target < {TARGET_RSS_MB:.0f} MB: {verdict(rss < TARGET_RSS_MB)}"
          + (" (the language model is on: it holds about 75 MB of this)" if with_model else ""))
    print(f"answers: {dict(sorted(run.sent.statuses.items()))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="2,000 deliveries and 10 s at the rate (a couple of minutes)")
    parser.add_argument("--rate", type=float, default=100.0, help="deliveries/s (open loop)")
    parser.add_argument("--seconds", type=float, default=None,
                        help="length of the rate run (default 20, --quick 10)")
    parser.add_argument("--total", type=int, default=None,
                        help="deliveries in all (default 10,000, --quick 2,000)")
    parser.add_argument("--concurrency", type=int, default=32, help="closed-loop in flight")
    parser.add_argument("--profile", action="store_true",
                        help="print where the App's process spends its time at the rate")
    parser.add_argument("--first-timers", type=float, default=0.25,
                        help="share of benign deliveries by first-time authors (default 0.25;"
                             " their deliveries get the ban-evasion check)")
    parser.add_argument("--config-ttl", type=float, default=0.0,
                        help="seconds the App keeps config files read from GitHub "
                             "(app_from_settings' config_ttl; default 0, as serve today)")
    parser.add_argument("--settle", action="store_true",
                        help="call wiring.settle_process() before serving (detector loaded, "
                             "start-up objects frozen for the garbage collector)")
    parser.add_argument("--check-contracts", action="store_true",
                        help="keep the fake's REST contract checks on (slower fake)")
    args = parser.parse_args(argv)
    args.seconds = args.seconds or (10.0 if args.quick else 20.0)
    args.total = args.total or (2_000 if args.quick else 10_000)
    # room for every phase: warm-up and probes (270), sustained (a quarter), the rate run
    args.total = max(args.total, int((args.rate * args.seconds + 300) / 0.75))
    problem = missing_dependency()
    if problem:
        print(f"app_load: skipped: {problem}")
        return 0
    return asyncio.run(run_all(args))


if __name__ == "__main__":
    sys.exit(main())
