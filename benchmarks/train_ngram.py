"""Train the shipped n-gram scorer (offline; standard library only).

    python benchmarks/train_ngram.py            # cross-validate, then write the model file
    python benchmarks/train_ngram.py --dry-run  # cross-validate and report only

Training data: only the permissively licensed sources of ``../shared/corpus/dev.jsonl``
(STRUDEL, VCU and Davidson: MIT; YouTube and SMS: CC BY 4.0; synthetic: this project).
ToxiCR and Ferreira (GPL-3.0) are never trained on; they only measure false positives.

Protocol: 5 grouped folds; a synthetic item's group is its ``family`` (sentence frame), any
other item's group is its ``id``; the fold is ``crc32(group) % 5``. Thresholds are chosen on
out-of-fold probabilities (and on the never-trained GPL sources), then a final model is fit
on all training items and written to ``governance/data/ngram_model.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from governance.detect.ngram import DIMENSION, LinearModel, features, pack_weights  # noqa: E402
from governance.detect.normalize import normalize  # noqa: E402
from governance.model import Category  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
MODEL_PATH = ROOT / "governance" / "data" / "ngram_model.json"
TRAINABLE = frozenset({"strudel", "vcu", "davidson", "youtube", "sms", "synthetic"})
CATEGORIES = (Category.ABUSE, Category.SOLICITATION)
FOLDS = 5
EPOCHS = 6
L2 = 1e-4
RATE = 0.3
MAX_FPR_SE = 0.0015  # model-only false-positive budget on real SE ok comments
MIN_PRECISION = 0.95
PRUNE = 0.1  # weights smaller than this are dropped from the shipped file


def dataset(item: dict[str, str]) -> str:
    return item["source"].split("/")[0]


def trainable(item: dict[str, str]) -> bool:
    return dataset(item) in TRAINABLE


def fold_of(item: dict[str, str]) -> int:
    group = item.get("family") or item["id"]
    return zlib.crc32(group.encode()) % FOLDS


def load() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def featurize(items: Sequence[dict[str, str]]) -> list[list[int]]:
    return [features(normalize(it["text"]).folded.text) for it in items]


def train_binary(
    xs: Sequence[list[int]], ys: Sequence[int], seed: int = 7
) -> tuple[float, dict[int, float]]:
    """Logistic regression by AdaGrad SGD with L2, positives re-weighted to balance classes."""
    weights: dict[int, float] = {}
    grad_sq: dict[int, float] = {}
    bias, bias_sq = 0.0, 1e-8
    pos = sum(ys) or 1
    pos_weight = math.sqrt((len(ys) - pos) / pos)
    order = list(range(len(xs)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            x, y = xs[i], ys[i]
            z = bias + sum(weights.get(f, 0.0) for f in x)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (pos_weight if y else 1.0)
            bias_sq += g * g
            bias -= RATE * g / math.sqrt(bias_sq)
            for f in x:
                w = weights.get(f, 0.0)
                gf = g + L2 * w
                grad_sq[f] = grad_sq.get(f, 1e-8) + gf * gf
                weights[f] = w - RATE * gf / math.sqrt(grad_sq[f])
    return bias, {f: w for f, w in weights.items() if abs(w) >= PRUNE}


def fit(items: Sequence[dict[str, str]], xs: Sequence[list[int]],
        thresholds: dict[Category, float] | None = None) -> dict[Category, LinearModel]:
    models = {}
    for category in CATEGORIES:
        ys = [int(it["label"] == category.value) for it in items]
        bias, weights = train_binary(xs, ys)
        t = (thresholds or {}).get(category, 0.9)
        models[category] = LinearModel(bias, weights, t, (0.55, 0.4 / max(1e-6, 1.0 - t)))
    return models


def out_of_fold(items: list[dict[str, str]], xs: list[list[int]]) -> dict[Category, list[float]]:
    """Probabilities for every item from a model that never saw it (or its family)."""
    probs = {c: [0.0] * len(items) for c in CATEGORIES}
    train_idx = [i for i, it in enumerate(items) if trainable(it)]
    other_idx = [i for i, it in enumerate(items) if not trainable(it)]
    for k in range(FOLDS):
        fit_idx = [i for i in train_idx if fold_of(items[i]) != k]
        models = fit([items[i] for i in fit_idx], [xs[i] for i in fit_idx])
        for i in train_idx:
            if fold_of(items[i]) == k:
                for c in CATEGORIES:
                    probs[c][i] = models[c].probability(xs[i])
        for i in other_idx:  # never trainable: average of the fold models
            for c in CATEGORIES:
                probs[c][i] += models[c].probability(xs[i]) / FOLDS
    return probs


def choose_threshold(items: list[dict[str, str]], probs: list[float], category: Category) -> float:
    se_ok = [p for it, p in zip(items, probs, strict=True)
             if it["label"] == "ok" and it["group"] == "se_real"]
    for t in [x / 200 for x in range(100, 200)]:
        fp_se = sum(p >= t for p in se_ok) / max(1, len(se_ok))
        flagged = [it for it, p in zip(items, probs, strict=True) if p >= t]
        precision = sum(it["label"] == category.value for it in flagged) / max(1, len(flagged))
        if fp_se <= MAX_FPR_SE and precision >= MIN_PRECISION:
            return t
    return 0.99


def report(items: list[dict[str, str]], probs: dict[Category, list[float]],
           thresholds: dict[Category, float]) -> None:
    print(f"{'model-only (out-of-fold)':<28}{'thr':>6}{'prec':>7}{'recall':>8}"
          f"{'FPR ok':>8}{'FPR se':>8}")
    for c in CATEGORIES:
        t = thresholds[c]
        flagged = [(it, p >= t) for it, p in zip(items, probs[c], strict=True)]
        tp = sum(f and it["label"] == c.value for it, f in flagged)
        fp = sum(f and it["label"] != c.value for it, f in flagged)
        pos = sum(it["label"] == c.value for it in items)
        ok = [f for it, f in flagged if it["label"] == "ok"]
        se = [f for it, f in flagged if it["label"] == "ok" and it["group"] == "se_real"]
        print(f"{c.value:<28}{t:>6.2f}{tp / max(1, tp + fp):>7.3f}{tp / max(1, pos):>8.3f}"
              f"{sum(ok) / len(ok):>8.3%}{sum(se) / len(se):>8.3%}")


def write(models: dict[Category, LinearModel]) -> None:
    data = {
        "format": 1,
        "dimension": DIMENSION,
        "features": "crc32 of folded word unigrams+bigrams, URLs and digit runs as shapes",
        "trained_on": sorted(TRAINABLE),
        "models": {
            c.value: {
                "bias": round(m.bias, 4),
                "threshold": m.threshold,
                "scale": [m.scale[0], round(m.scale[1], 4)],
                "weights": pack_weights(m.weights),
            }
            for c, m in models.items()
        },
    }
    MODEL_PATH.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true",
                        help="cross-validate and report, do not write the model file")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}; nothing to train")
        return 0
    items = load()
    xs = featurize(items)
    probs = out_of_fold(items, xs)
    thresholds = {c: choose_threshold(items, probs[c], c) for c in CATEGORIES}
    report(items, probs, thresholds)
    if args.dry_run:
        return 0
    train = [i for i, it in enumerate(items) if trainable(it)]
    write(fit([items[i] for i in train], [xs[i] for i in train], thresholds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
