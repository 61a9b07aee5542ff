"""Wall time of ``governance action`` for one event, process start to exit (printed figures).

    python benchmarks/action_time.py [--runs 10] [--top 12]

Each run is a fresh ``python -m governance action`` subprocess, as on a runner after the
install step: the environment a workflow gives it (``GITHUB_EVENT_NAME``,
``GITHUB_EVENT_PATH``, ``GITHUB_TOKEN``, ``GITHUB_REPOSITORY``, ``GITHUB_API_URL`` pointing at
the fake GitHub on loopback, output and summary files). Reported: the median and spread of N
runs for a benign comment and for a flagged one (each flagged run by a new author, so every
run does the same work), the time the fake spent answering (subtracted in the last column),
and ``python -X importtime`` offenders with lazy-import suggestions when over the target.

Target: median < 1.5 s. Exits 0 with a message when the fake, the shared contracts or the
``action`` command are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

REPO = "acme-oss/widgets"
LEDGER = "acme-oss/coc-ledger"
CONFIG = f"ledger:\n  repository: {LEDGER}\n"
TARGET_SECONDS = 1.5
BENIGN = "Thanks, this fixes the crash for me on Linux as well. Could you add a test?"
FLAGGED = ("@maria-dev you are a worthless idiot and everyone on this project is a clown. "
           "Stop wasting our time.")
HEAVY_MS = 30.0  # an import costing more than this is worth making lazy


def missing_dependency() -> str | None:
    if not (SHARED / "github" / "rest").is_dir():
        return f"shared GitHub contracts not found at {SHARED / 'github'}"
    try:
        import tests.fake_github  # noqa: F401
    except ImportError as exc:
        return f"the fake GitHub (tests/fake_github.py) cannot be imported: {exc}"
    if "action" not in subcommands():
        return "`governance action` does not exist yet (governance/cli.py has no such command)"
    return None


def subcommands() -> set[str]:
    import argparse as ap

    from governance.cli import build_parser

    for option in build_parser()._actions:
        if isinstance(option, ap._SubParsersAction):
            return set(option.choices)
    return set()


# ---------------------------------------------------------------------- the fake


def timed_fake_class() -> type:
    """The shared fake, counting the seconds it spends answering."""
    from tests.fake_github import FakeGitHub

    class TimedFakeGitHub(FakeGitHub):
        busy = 0.0

        async def _dispatch(self, request: Any) -> Any:
            started = time.perf_counter()
            try:
                return await super()._dispatch(request)
            finally:
                self.busy += time.perf_counter() - started

    return TimedFakeGitHub


def seed(fake: Any) -> int:
    fake.add_repo(REPO)
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", CONFIG)
    issue = fake.add_issue(REPO, title="Crash when resizing the canvas twice")
    number: int = issue.number
    return number


def event_payload(fake: Any, issue_number: int, text: str, author: str) -> dict[str, Any]:
    """``issue_comment.created`` for a comment seeded in the fake, shaped like the sample."""
    sample = ROOT / "governance" / "samples" / "01-abusive-comment.json"
    payload: dict[str, Any] = copy.deepcopy(json.loads(sample.read_text("utf-8"))["payload"])
    comment = fake.add_comment(REPO, issue_number, text, author=author)
    owner, name = REPO.split("/")
    payload.pop("installation", None)  # Actions events carry none
    payload["repository"].update(full_name=REPO, name=name)
    payload["repository"]["owner"]["login"] = owner
    payload["organization"]["login"] = owner
    payload["issue"]["number"] = issue_number
    user = {**payload["comment"]["user"], "login": author}
    payload["comment"].update(id=comment.id, node_id=comment.node_id, body=text, user=user)
    payload["sender"] = user
    return payload


# ---------------------------------------------------------------------- runs


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    fake_seconds: float
    cpu_seconds: float  # user + system time of the action process: robust to a busy machine
    calls: int  # GitHub calls the run made, and how many of them wrote
    writes: int
    returncode: int
    stderr: str


def action_env(api_url: str, event_path: Path, work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    env.update({
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "issue_comment",
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_TOKEN": "ghs_benchmark",
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_API_URL": api_url,
        "GITHUB_GRAPHQL_URL": f"{api_url}/graphql",
        "GITHUB_OUTPUT": str(work / "output"),
        "GITHUB_STEP_SUMMARY": str(work / "summary.md"),
        "INPUT_DRY-RUN": "false",
        "PYTHONPATH": str(ROOT),
    })
    return env


async def run_action(fake: Any, env: dict[str, str], *extra_args: str) -> Run:
    busy_before = fake.busy
    calls_before, writes_before = len(fake.calls), len(fake.writes)
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, *extra_args, "-m", "governance", "action", env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, stderr = await process.communicate()
    seconds = time.perf_counter() - started
    return Run(seconds, fake.busy - busy_before, _children_cpu() - cpu_before,
               len(fake.calls) - calls_before, len(fake.writes) - writes_before,
               process.returncode or 0,
               stderr.decode("utf-8", "replace"))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def runs_for(fake: Any, issue: int, text: str, label: str, n: int, work: Path
                   ) -> list[Run]:
    results = []
    for i in range(n):
        event = work / f"{label}-{i}.json"
        author = f"{label}-author-{i}"
        event.write_text(json.dumps(event_payload(fake, issue, text, author)))
        results.append(await run_action(fake, action_env(fake.url, event, work)))
    return results


def print_runs(label: str, runs: list[Run]) -> None:
    wall = [r.seconds for r in runs]
    own = [r.seconds - r.fake_seconds for r in runs]
    failed = [r for r in runs if r.returncode != 0]
    fake = statistics.median(r.fake_seconds for r in runs)
    print(f"  {label:<8} median {statistics.median(wall):6.3f} s  min {min(wall):6.3f} s  "
          f"max {max(wall):6.3f} s  | fake answering {fake:6.3f} s"
          f"  | without the fake {statistics.median(own):6.3f} s"
          f"  | CPU {statistics.median(r.cpu_seconds for r in runs):6.3f} s"
          f"  | GitHub calls {statistics.median(r.calls for r in runs):g}"
          f" ({statistics.median(r.writes for r in runs):g} writes)")
    if failed:
        print(f"    {len(failed)} run(s) exited non-zero; last stderr:\n"
              + "\n".join("      " + line for line in failed[-1].stderr.splitlines()[-8:]))


# ----------------------------------------------------------------- importtime


@dataclass(frozen=True, slots=True)
class Import:
    module: str
    self_us: int
    cumulative_us: int
    depth: int


def parse_importtime(stderr: str) -> list[Import]:
    """``-X importtime`` lines, in the order printed (children before their parent)."""
    out = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        fields = line[len("import time:"):].split("|")
        name = fields[2]
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        out.append(Import(name.strip(), int(fields[0]), int(fields[1]), depth))
    return out


def importer_of(imports: list[Import], index: int) -> str:
    """The module whose import pulled in ``imports[index]`` (the next shallower line)."""
    depth = imports[index].depth
    for later in imports[index + 1:]:
        if later.depth < depth:
            return later.module
    return "(top level)"


def print_importtime(imports: list[Import], top: int, over_target: bool) -> None:
    total = sum(i.cumulative_us for i in imports if i.depth == 0) / 1000
    print(f"\nimports: {total:.0f} ms in all ({len(imports)} modules)")
    print(f"  top {top} by cumulative time:")
    for item in sorted(imports, key=lambda i: -i.cumulative_us)[:top]:
        print(f"    {item.cumulative_us / 1000:7.1f} ms  {item.module}  "
              f"(by {importer_of(imports, imports.index(item))})")
    print(f"  top {top} by own time:")
    for item in sorted(imports, key=lambda i: -i.self_us)[:top]:
        print(f"    {item.self_us / 1000:7.1f} ms  {item.module}")
    suggestions = lazy_import_candidates(imports)
    if suggestions:
        heading = ("suggested lazy imports" if over_target
                   else "lazy-import candidates (not needed while under the target)")
        print(f"  {heading}: third-party packages a governance module imports at its top")
        for importer, module, ms_ in suggestions[:top]:
            print(f"    {importer} -> {module}: {ms_:.1f} ms; import it inside the function "
                  "that needs it")


def lazy_import_candidates(imports: list[Import]) -> list[tuple[str, str, float]]:
    found = []
    for index, item in enumerate(imports):
        importer = importer_of(imports, index)
        root = item.module.split(".", 1)[0]
        outside = root != "governance" and root not in sys.stdlib_module_names
        if outside and importer.startswith("governance") and item.cumulative_us / 1000 > HEAVY_MS:
            found.append((importer, item.module, item.cumulative_us / 1000))
    return sorted(found, key=lambda f: -f[2])


# ---------------------------------------------------------------------- main


async def run(args: argparse.Namespace) -> int:
    from tests.fake_github import Contracts

    fake = timed_fake_class()(Contracts.load(SHARED / "github"))
    issue = seed(fake)
    await fake.start()
    try:
        with tempfile.TemporaryDirectory(prefix="action-time-") as tmp:
            work = Path(tmp)
            await runs_for(fake, issue, BENIGN, "warmup", 1, work)  # page cache, .pyc files
            benign = await runs_for(fake, issue, BENIGN, "benign", args.runs, work)
            flagged = await runs_for(fake, issue, FLAGGED, "flagged", args.runs, work)
            print(f"`governance action`, one issue_comment event, {args.runs} runs each "
                  f"(target: median < {TARGET_SECONDS} s); {os.cpu_count()} CPUs, load "
                  f"average {os.getloadavg()[0]:.1f} (other work on the machine slows wall time)")
            print_runs("benign", benign)
            print_runs("flagged", flagged)
            slowest = max(statistics.median(r.seconds for r in runs)
                          for runs in (benign, flagged))
            print(f"  slower median {slowest:.3f} s (target < {TARGET_SECONDS} s: "
                  f"{'ok' if slowest < TARGET_SECONDS else 'FAILS the target'})")
            event = work / "importtime.json"
            event.write_text(json.dumps(event_payload(fake, issue, BENIGN, "importtime")))
            timed = await run_action(fake, action_env(fake.url, event, work), "-X", "importtime")
            print_importtime(parse_importtime(timed.stderr), args.top, slowest > TARGET_SECONDS)
    finally:
        await fake.close()
    if fake.violations:
        print("fake GitHub contract violations:", *fake.violations[:10], sep="\n  ")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per event (median of N)")
    parser.add_argument("--top", type=int, default=12, help="import offenders to list")
    args = parser.parse_args(argv)
    problem = missing_dependency()
    if problem:
        print(f"action_time: skipped: {problem}")
        return 0
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
