"""Detection quality on the shared dev corpus (and on our own malware cases).

    python benchmarks/quality.py [--errors LABEL|fp] [--by-source] [--limit N]

Reads ``../shared/corpus/dev.jsonl`` beside the repository (exits 0 with a message when it
is absent) and prints precision / recall / F1 per label, the false-positive rate on ``ok``
overall and per group and dataset, and recall per group. The shipped detector is rules
only, so dev numbers are not inflated by training; the optional statistical scorer is
evaluated with grouped cross-validation: items of the sources the shipped n-gram model was
trained on are classified by a fold model that never saw their fold (folds and training as
in ``benchmarks/train_ngram.py``; ``--no-cv`` uses the shipped model everywhere, which
inflates those numbers). ToxiCR and Ferreira items were never trained on.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from governance.detect import DEFAULT_CONTEXT, classify  # noqa: E402
from governance.detect.engine import classify_with  # noqa: E402
from governance.detect.ngram import shipped_models  # noqa: E402
from governance.model import Verdict  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
LABELS = ("abuse", "solicitation", "pii", "malware")


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def prf(rows: list[tuple[str, str]], label: str) -> tuple[float, float, float, int]:
    tp = sum(1 for gold, pred in rows if gold == label and pred == label)
    fp = sum(1 for gold, pred in rows if gold != label and pred == label)
    fn = sum(1 for gold, pred in rows if gold == label and pred != label)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn


def report(items: list[dict[str, str]], preds: list[str], title: str) -> None:
    rows = [(it["label"], p) for it, p in zip(items, preds, strict=True)]
    print(f"\n## {title} ({len(rows)} items)\n")
    print(f"{'label':<14}{'precision':>10}{'recall':>9}{'F1':>7}{'support':>9}")
    for label in LABELS:
        p, r, f, n = prf(rows, label)
        if n or any(pred == label for _, pred in rows):
            print(f"{label:<14}{p:>10.3f}{r:>9.3f}{f:>7.3f}{n:>9}")
    print(f"\n{'ok subset':<28}{'FPR':>7}{'FP':>5}{'n':>6}")
    print_fpr("all ok", items, preds, lambda it: True)
    for key in ("group", "dataset"):
        for value in sorted({_key(it, key) for it in items if it["label"] == "ok"}):
            print_fpr(f"{key}={value}", items, preds, lambda it, k=key, v=value: _key(it, k) == v)
    print(f"\n{'recall by group':<36}{'recall':>8}{'n':>6}")
    for label in LABELS:
        for group in sorted({_key(it, "group") for it in items if it["label"] == label}):
            sel = [(it, p) for it, p in zip(items, preds, strict=True)
                   if it["label"] == label and _key(it, "group") == group]
            hit = sum(1 for it, p in sel if p == label)
            print(f"{label + ' / ' + group:<36}{hit / len(sel):>8.3f}{len(sel):>6}")


def print_fpr(name: str, items: list[dict[str, str]], preds: list[str], keep: object) -> None:
    sel = [p for it, p in zip(items, preds, strict=True) if it["label"] == "ok" and keep(it)]  # type: ignore[operator]
    fp = sum(1 for p in sel if p != "ok")
    print(f"{name:<28}{fp / len(sel) if sel else 0:>7.3%}{fp:>5}{len(sel):>6}")


def _key(item: dict[str, str], key: str) -> str:
    if key == "dataset":
        return item.get("source", "?").split("/")[0]
    return item.get(key, "?")


def by_source(items: list[dict[str, str]], preds: list[str]) -> None:
    print(f"\n{'source':<48}{'acc':>7}{'n':>6}")
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for it, p in zip(items, preds, strict=True):
        counts[it["source"]][0] += p == it["label"]
        counts[it["source"]][1] += 1
    for source, (good, n) in sorted(counts.items()):
        print(f"{source:<48}{good / n:>7.3f}{n:>6}")


def show_errors(items: list[dict[str, str]], verdicts: list[Verdict], which: str,
                limit: int) -> None:
    """Misclassified items of a label ("fp": ok items flagged), with the rules that fired
    (from the same model that made the prediction: a fold model for trained sources)."""
    shown = 0
    for it, verdict in zip(items, verdicts, strict=True):
        p = verdict.label.value
        wrong = p != it["label"]
        if not wrong or (which == "fp" and it["label"] != "ok") or (
            which not in ("fp", "all") and it["label"] != which):
            continue
        rules = ",".join(f"{h.rule_id}:{h.score}" for h in verdict.hits)
        print(f"[{it['source']}] gold={it['label']} pred={p} {rules}\n   {it['text'][:300]!r}")
        shown += 1
        if shown >= limit:
            break


def verdicts_of(items: list[dict[str, str]], *, cross_validate: bool) -> list[Verdict]:
    """Each item's verdict; items of trained sources from a fold model that never saw them."""
    if not cross_validate or not shipped_models():
        return [classify(it["text"]) for it in items]
    import train_ngram as tr

    thresholds = {c: m.threshold for c, m in shipped_models().items()}
    xs = tr.featurize(items)
    out: list[Verdict | None] = [None] * len(items)
    for k in range(tr.FOLDS):
        fit_idx = [i for i, it in enumerate(items) if tr.trainable(it) and tr.fold_of(it) != k]
        models = tr.fit([items[i] for i in fit_idx], [xs[i] for i in fit_idx], thresholds)
        for i, it in enumerate(items):
            if tr.trainable(it) and tr.fold_of(it) == k:
                out[i] = classify_with(it["text"], DEFAULT_CONTEXT, models)
    return [v if v is not None else classify(it["text"]) for it, v in zip(items, out, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", help="print misclassified items of LABEL, 'fp' or 'all'")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--by-source", action="store_true")
    parser.add_argument("--no-cv", action="store_true", help="shipped model on every item")
    args = parser.parse_args(argv)
    from benchmarks_malware import malware_table

    if CORPUS.exists():
        items = load(CORPUS)
        verdicts = verdicts_of(items, cross_validate=not args.no_cv)
        preds = [v.label.value for v in verdicts]
        report(items, preds, f"dev corpus {CORPUS}")
        if args.by_source:
            by_source(items, preds)
        if args.errors:
            show_errors(items, verdicts, args.errors, args.limit)
    else:
        print(f"corpus not found at {CORPUS}: skipping the dev-set tables")
    malware_table(report)
    from lures_eval import report as lures_report

    lures_report()  # real lures from GitHub threads, leave-one-campaign-out per kind
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
