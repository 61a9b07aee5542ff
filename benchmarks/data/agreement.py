"""Inter-annotator agreement between a labelled set (labeller A) and its relabelled sample (B).

Standard library only. Prints raw agreement, Cohen's kappa over the closed label set, the
binary (ok vs flagged) agreement and kappa, and the items the two labellers disagree on.

    python benchmarks/data/agreement.py                      # github_real.jsonl
    python benchmarks/data/agreement.py --set github_real2   # github_real2 + new non_english items
    python benchmarks/data/agreement.py --set github_real3   # github_real3.jsonl
    python benchmarks/data/agreement.py --set identity_real  # identity_real.jsonl
    python benchmarks/data/agreement.py --set github_train1  # github_train1.jsonl
    python benchmarks/data/agreement.py --set generated      # generated/*.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = HERE / "github_real.jsonl"
SECOND = HERE / "github_real_relabel.jsonl"
# Relabelled samples: name -> (files labeller A's labels are read from, B's relabel file). The
# github_real2 sample also covers the non-English items gathered with it (ids nonen:318 on).
SETS: dict[str, tuple[tuple[Path, ...], Path]] = {
    "github_real": ((FIRST,), SECOND),
    "github_real2": (
        (HERE / "github_real2.jsonl", HERE / "non_english.jsonl"),
        HERE / "github_real2_relabel.jsonl",
    ),
    "github_real3": ((HERE / "github_real3.jsonl",), HERE / "github_real3_relabel.jsonl"),
    "identity_real": ((HERE / "identity_real.jsonl",), HERE / "identity_real_relabel.jsonl"),
    "github_train23": ((HERE / "github_train2.jsonl", HERE / "github_train3.jsonl"),
                       HERE / "github_train23_relabel.jsonl"),
    # one batch gathered for training, one sample: github_train<N>_relabel.jsonl
    **{f"github_train{n}": ((HERE / f"github_train{n}.jsonl",),
                            HERE / f"github_train{n}_relabel.jsonl")
       for n in (1, *range(4, 16))},
    "generated": (tuple(sorted((HERE / "generated").glob("*.jsonl"))),
                  HERE / "generated_relabel.jsonl"),
}


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two equally long label sequences (1.0 when chance agreement is total)."""
    if len(a) != len(b) or not a:
        raise ValueError("need two non-empty label sequences of equal length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a.keys() | count_b.keys()) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


def raw_agreement(a: Sequence[str], b: Sequence[str]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def paired_labels(
    first: Path | Sequence[Path] = FIRST, second: Path = SECOND
) -> list[tuple[str, str, str]]:
    """(id, label A, label B) for every relabelled id; an id unknown to A's files is an error."""
    labels_a = {}
    for path in [first] if isinstance(first, Path) else first:
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            labels_a[row["id"]] = row["label"]
    pairs = []
    for line in second.open(encoding="utf-8"):
        row = json.loads(line)
        pairs.append((row["id"], labels_a[row["id"]], row["label"]))
    return pairs


def _flagged(label: str) -> str:
    return "ok" if label == "ok" else "flagged"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="labeller A vs B on a relabelled sample")
    parser.add_argument("--set", choices=sorted(SETS), default="github_real")
    first, second = SETS[parser.parse_args(argv).set]
    pairs = paired_labels(first, second)
    a = [p[1] for p in pairs]
    b = [p[2] for p in pairs]
    print(f"items labelled twice: {len(pairs)}")
    print(f"raw agreement: {raw_agreement(a, b):.3f}   Cohen's kappa: {cohen_kappa(a, b):.3f}")
    fa, fb = [_flagged(x) for x in a], [_flagged(x) for x in b]
    print(
        f"ok vs flagged: raw agreement {raw_agreement(fa, fb):.3f}   "
        f"kappa {cohen_kappa(fa, fb):.3f}"
    )
    print("disagreements (id: A -> B):")
    for item_id, la, lb in pairs:
        if la != lb:
            print(f"  {item_id}: {la} -> {lb}")


if __name__ == "__main__":
    main(sys.argv[1:])
