"""Detection speed: comments per second on one core, load time, peak memory, footprint.

    python benchmarks/speed.py [--repeat N]

Texts: the shared dev corpus when present (``../shared/corpus/dev.jsonl``), else a built-in
mix of short and long comments. Throughput is CPU time of one process (one core) over all
texts, repeated N times after a warm-up pass; the median and the best run are printed
(a busy shared machine slows single runs down). Two pipelines are timed: ``classify`` (rules
and the learned language model, what the App and the Action run) and ``classify_rules``
(the rules alone). Load time is measured in fresh interpreters (``import governance.detect``
plus the first ``classify``, which loads the ONNX model and builds the rule tables).
Footprint: installed size of the package and of the distributions it needs at run time
(``governance`` plus the closure of its requirements), as pip puts them in site-packages.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from importlib import metadata
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
    "import resource, time; t=time.perf_counter(); c=time.process_time(); "
    "from governance.detect import classify; from governance.detect.context import "
    "DetectContext; classify('warm up the model', DetectContext(language_model=True)); "
    "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
    "time.process_time()-c)"
)
DETECTION_DEPENDENCIES = ("google-re2", "phonenumberslite", "onnxruntime", "tokenizers", "numpy")


def texts() -> list[str]:
    if not CORPUS.exists():
        return FALLBACK
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def fresh_loads(runs: int = 5) -> tuple[list[float], float, list[float]]:
    """Seconds (wall, sorted) to import and classify once in fresh interpreters, their RSS,
    and their CPU seconds (sorted: what an idle core would take)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    seconds, rss, cpu = [], 0.0, []
    for _ in range(runs):
        out = subprocess.check_output([sys.executable, "-c", LOAD_SNIPPET], env=env).split()
        seconds.append(float(out[0]))
        rss = max(rss, float(out[1]))
        cpu.append(float(out[2]))
    return sorted(seconds), rss, sorted(cpu)


def throughput(items: list[str], repeat: int, rules_only: bool = False) -> list[float]:
    from governance.detect import model as language_model
    from governance.detect.context import DetectContext
    from governance.detect.engine import classify, classify_rules

    with_model = DetectContext(language_model=True)  # what the default config runs

    def run(text: str) -> object:
        return classify_rules(text) if rules_only else classify(text, with_model)

    for text in items:  # warm-up: lazily built tables, caches
        run(text)
    rates = []
    for _ in range(repeat):
        language_model._cached_logits.cache_clear()  # every text costs a model run
        cpu = time.process_time()
        for text in items:
            run(text)
        rates.append(len(items) / (time.process_time() - cpu))
    return rates


def runtime_distributions() -> dict[str, metadata.Distribution]:
    """``governance`` and every distribution its requirements pull in (extras included)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, tuple[str, ...]]] = [("governance", ())]
    while pending:
        name, extras = pending.pop()
        key = canonicalize_name(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = dist
        for raw in dist.requires or []:
            req = Requirement(raw)
            envs = [{"extra": e} for e in extras] or [{"extra": ""}]
            if req.marker is None or any(req.marker.evaluate(e) for e in envs):
                pending.append((req.name, tuple(req.extras)))
    return found


def installed_bytes(key: str, dist: metadata.Distribution) -> int:
    if key == "governance":  # an editable install lists no files: measure the package tree
        return sum(p.stat().st_size for folder in ("governance", "templates", "workflows")
                   for p in (ROOT / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    paths = (Path(str(file.locate())) for file in dist.files or [])
    return sum(p.stat().st_size for p in paths if p.is_file())


def footprint_lines() -> list[str]:
    try:
        dists = runtime_distributions()
    except ImportError:
        return ["footprint: needs the 'packaging' module"]
    sizes = {key: installed_bytes(key, dist) for key, dist in dists.items()}
    detect = sum(p.stat().st_size for p in (ROOT / "governance" / "detect").glob("*.py"))
    data = sum(p.stat().st_size for p in (ROOT / "governance" / "data").glob("*")
               if p.is_file())
    detection_deps = sum(sizes.get(d, 0) for d in DETECTION_DEPENDENCIES)
    biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    return [
        f"footprint, installed (governance + {len(sizes) - 1} runtime distributions): "
        f"{sum(sizes.values()) / 2**20:.1f} MiB",
        "  largest: " + ", ".join(f"{k} {v / 2**20:.1f}" for k, v in biggest) + " MiB",
        f"  detection: governance/detect {detect // 1024} KiB, governance/data {data // 1024} "
        f"KiB, {' + '.join(DETECTION_DEPENDENCIES)} {detection_deps / 2**20:.1f} MiB; "
        "no ML framework (benchmarks/install_size.py measures a fresh venv)",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model-repeat", type=int, default=2,
                        help="runs of the whole pipeline (rules + model) over the texts")
    args = parser.parse_args()
    loads, loaded_rss, load_cpu = fresh_loads()
    items = texts()
    rule_rates = throughput(items, args.repeat, rules_only=True)
    rates = throughput(items, args.model_repeat)
    chars = sum(len(t) for t in items) / len(items)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(items)} (mean {chars:.0f} chars) from "
          f"{'the dev corpus' if CORPUS.exists() else 'the built-in sample'}")
    print(f"classify (rules + model): {statistics.median(rates):,.0f} comments/s on one core "
          f"(CPU time, median of {args.model_repeat} runs; best {max(rates):,.0f}, worst "
          f"{min(rates):,.0f})")
    print(f"classify_rules (rules alone): {statistics.median(rule_rates):,.0f} comments/s on "
          f"one core (median of {args.repeat} runs; best {max(rule_rates):,.0f}, worst "
          f"{min(rule_rates):,.0f})")
    print(f"load (fresh process, import + model + first classify): median "
          f"{statistics.median(loads) * 1000:.0f} ms wall, best {loads[0] * 1000:.0f} ms; CPU "
          f"median {statistics.median(load_cpu) * 1000:.0f} ms (wall exceeds CPU when the "
          "machine is busy)")
    print(f"peak memory (ru_maxrss): {loaded_rss:.1f} MiB in a fresh process after the first "
          f"classify; {peak:.1f} MiB in this benchmark (holding the corpus)")
    for line in footprint_lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
