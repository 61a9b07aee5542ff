"""Figures for ``governance scan`` over a 10,000-item repository on the loopback fake GitHub
(printed, not asserted).

    python benchmarks/scan.py [--items 10000] [--flagged 0.03] [--check-contracts]

The fake GitHub runs in its own process (benchmarks/app_processes.py), seeded with issues,
pull requests (conversation comments, reviews, review comments) and discussions (comments,
replies) whose texts are comments of realistic length from ``../shared/corpus/dev.jsonl``:
the corpus's ``ok`` texts, and a share ``--flagged`` of its abuse, spam and PII texts (the
corpus is mostly flagged; a real repository is not). The scan runs in this process exactly
as ``governance scan`` runs it (``scanning.run_scan``), writing the Markdown report and a
review sheet to a temporary directory.

Figures: wall time and this process's CPU time (target: under 2 minutes on one core),
GraphQL requests and items per request (target: at most one request per 50 items), RSS
sampled after every page (target: flat: the rows go to disk, only the totals and the items
that take a ladder step are kept in memory) and the fake's writes (must be 0).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import io
import itertools
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_processes import (  # noqa: E402
    SHARED,
    Child,
    _NoContractChecks,
    serve_commands,
    usage,
)

REPO = "acme-oss/widgets"
CONFIG = "ledger:\n  repository: acme-oss/coc-ledger\n"


def corpus_texts(flagged: float, seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """(body, author, association) without end: ok texts, and a share ``flagged`` of the
    rest, shuffled; 300 regular authors, each flagged text by a first-time author."""
    path = SHARED / "corpus" / "dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    ok = [r["text"] for r in rows if r["label"] == "ok"]
    bad = [r["text"] for r in rows if r["label"] != "ok"]
    rng = random.Random(seed)
    for n in itertools.count():
        if rng.random() < flagged:
            yield rng.choice(bad), f"newcomer-{n}", "NONE"
        else:
            yield rng.choice(ok), f"dev-{rng.randrange(300)}", "CONTRIBUTOR"


def fake_process(conn: Any, items: int, flagged: float, check: bool) -> None:
    sys.path.insert(0, str(ROOT))
    asyncio.run(_serve_fake(conn, items, flagged, check))


async def _serve_fake(conn: Any, items: int, flagged: float, check: bool) -> None:
    from tests.fake_github import Contracts, FakeGitHub
    from tests.scan_world import World

    contracts = Contracts.load(SHARED / "github")
    if not check:
        contracts = dataclasses.replace(contracts, openapi=_NoContractChecks())  # type: ignore[arg-type]
    fake = FakeGitHub(contracts)
    fake.add_file(REPO, ".github/governance.yml", CONFIG)
    world = World(fake)
    texts = corpus_texts(flagged)
    world.texts.next = lambda: next(texts)  # type: ignore[method-assign]
    # Per 20 items: an issue with 9 comments (10), a pull request with 2 comments and a
    # review with 2 line comments (6), a discussion with a comment and 2 replies (4).
    while world.items < items:
        world.issue(9, repo=REPO)
        world.pull_request(2, 1, 2, repo=REPO)
        world.discussion(1, 2, repo=REPO)
    await fake.start()
    conn.send((fake.url, world.items))

    def answer(command: str) -> Any:
        if command == "calls":
            return [(c.path, c.is_write, c.is_graphql) for c in fake.calls]
        return usage()

    await serve_commands(conn, answer)
    conn.send(fake.violations[:20])
    await fake.close()


class Samples(io.StringIO):
    """The scan's stderr: a progress line per page, and this process's RSS at each."""

    def __init__(self) -> None:
        super().__init__()
        self.rss: list[tuple[int, float]] = []

    def write(self, text: str) -> int:
        if "items read" in text:
            read = int(text.split(" items read")[0].rsplit(" ", 1)[1])
            self.rss.append((read, usage()["VmRSS"]))
        return super().write(text)


async def scan(url: str, scratch: Path) -> tuple[float, float, Samples]:
    from governance.scanning import ScanRequest, run_scan

    request = ScanRequest(repos=[REPO], since="365d", review_sheet=scratch / "sheet.csv")
    err = Samples()
    started, cpu = time.perf_counter(), time.process_time()
    with (scratch / "report.md").open("w", encoding="utf-8") as out:
        await run_scan(request, {"GITHUB_TOKEN": "benchmark", "GITHUB_API_URL": url}, None,
                       out, err)
    return time.perf_counter() - started, time.process_time() - cpu, err


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--flagged", type=float, default=0.03)
    parser.add_argument("--check-contracts", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "corpus" / "dev.jsonl").is_file() or not (SHARED / "github").is_dir():
        print(f"shared corpus or GitHub contracts not found under {SHARED}; nothing to measure")
        return 0
    fake = Child(fake_process, args.items, args.flagged, args.check_contracts)
    url, seeded = fake.start("the fake GitHub")
    before = usage()
    with tempfile.TemporaryDirectory() as scratch:
        wall, cpu, err = asyncio.run(scan(url, Path(scratch)))
        report = (Path(scratch) / "report.md").read_text("utf-8")
        sheet_rows = (Path(scratch) / "sheet.csv").read_text("utf-8").count("\n") - 1
    calls = fake.ask("calls")
    violations = fake.stop()
    graphql = sum(1 for _, _, is_graphql in calls if is_graphql)
    writes = sum(1 for _, is_write, _ in calls if is_write)
    rest = len(calls) - graphql
    print(f"items seeded: {seeded} (texts from the corpus, {args.flagged:.0%} flagged ones)")
    print(f"scan: {wall:.1f} s wall, {cpu:.1f} s CPU in this process (target < 120 s)")
    print(f"GraphQL requests: {graphql}, {graphql / seeded * 50:.2f} per 50 items "
          f"(target <= 1); REST reads: {rest}; writes: {writes} (must be 0)")
    print(f"RSS before the scan: {before['VmRSS']:.0f} MB; during it, by items read:")
    marks = err.rss[:: max(1, len(err.rss) // 8)] + err.rss[-1:]
    print("  " + ", ".join(f"{read}: {rss:.0f} MB" for read, rss in marks))
    print(f"peak RSS (VmHWM): {usage()['VmHWM']:.0f} MB")
    print(f"report: {len(report.splitlines())} lines; review sheet: {sheet_rows} rows")
    if violations:
        print("fake GitHub contract violations:", *violations, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
