"""Detection speed: comments per second on one core, load time, peak memory, footprint.

    python benchmarks/speed.py [--repeat N]

Texts: the shared dev corpus when present (``../shared/corpus/dev.jsonl``), else a built-in
mix of short and long comments. Load time is measured in a fresh interpreter
(``import governance.detect`` plus the first ``classify``, which loads the n-gram model).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
FALLBACK = [
    "Thanks, merged! This fixes the race in the scheduler.",
    "you are a worthless moron, go away",
    "Payment failed with my card 4539 5787 6362 1486 exp 11/27",
    "Still broken on 2.3.1:\n```\nTraceback (most recent call last):\n  File \"x.py\"\n```",
    "Boost your ranking! SEO backlinks only $49: https://bit.ly/3abcdEf",
] * 200
LOAD_SNIPPET = (
    "import time; t=time.perf_counter(); from governance.detect import classify; "
    "classify('warm up the model'); print(time.perf_counter()-t)"
)


def texts() -> list[str]:
    if not CORPUS.exists():
        return FALLBACK
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def fresh_load_seconds() -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [float(subprocess.check_output([sys.executable, "-c", LOAD_SNIPPET], env=env))
            for _ in range(3)]
    return min(runs)


def footprint() -> str:
    detect = sum(p.stat().st_size for p in (ROOT / "governance" / "detect").glob("*.py"))
    data = sum(p.stat().st_size for p in (ROOT / "governance" / "data").glob("*"))
    return (f"governance/detect/*.py {detect // 1024} KiB, governance/data {data // 1024} KiB; "
            "runtime dependencies: phonenumberslite (no geocoder data), google-re2; "
            "no numpy, no ML framework")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load = fresh_load_seconds()
    from governance.detect import classify

    items = texts()
    classify("warm up")
    best = 0.0
    for _ in range(args.repeat):
        cpu = time.process_time()
        for text in items:
            classify(text)
        best = max(best, len(items) / (time.process_time() - cpu))
    chars = sum(len(t) for t in items) / len(items)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(items)} (mean {chars:.0f} chars) from "
          f"{'the dev corpus' if CORPUS.exists() else 'the built-in sample'}")
    print(f"classify: {best:,.0f} comments/s on one core (CPU time, best of {args.repeat})")
    print(f"load (fresh process, import + first classify): {load * 1000:.0f} ms")
    print(f"peak memory (ru_maxrss): {peak:.1f} MiB")
    print(f"footprint: {footprint()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
