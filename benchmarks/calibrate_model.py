"""Fit the rules + model calibration and choose the act/review thresholds (offline).

    python benchmarks/calibrate_model.py --data benchmarks/data            # report only
    python benchmarks/calibrate_model.py --data benchmarks/data --write    # ship the result

Calibration set: the frozen **calibrate** split (``benchmarks/splits.py``) of
``../shared/corpus/dev.jsonl``, ``train.jsonl`` (a sample), ``<data>/generated/*.jsonl`` and
the real GitHub threads ``<data>/github_real*.jsonl`` and ``github_train*.jsonl`` (split by
thread): the model never trained on it (``train_model.py`` keeps to the fit split) and nobody
reads it item by item;
this script prints only aggregates. The model reads what the engine gives it, the poster's
own words (``model_input.model_text``); where none are left it abstains and the rules' score
stands. Per language category it fits a logistic regression on ``language.features(rule
score, model log-odds)`` (both as log-odds) over the items the model judges, and picks

* the *act* point: the lowest probability at which ok comments flagged stay within
  ``ACT_FPR`` (real software-engineering ok comments), ``ACT_FPR_ALL`` (every ok item,
  generated hard negatives included) and ``ACT_FPR_GITHUB`` (comments from real GitHub
  threads, the calibrate split of ``<data>/github_real*.jsonl`` and of the batches gathered
  for training, ``<data>/github_train*.jsonl``);
* the *review* point: the lowest probability at which ok comments reaching review or act
  stay within ``REVIEW_FPR`` of real ok comments per category (two categories share the 3%).

The shipped score maps these points to 0.85 and 0.55, the schema's ``act_threshold`` and
``review_threshold`` defaults (``detect/language.py``), so the defaults are the chosen
thresholds.

Validation (printed, for the model card), never on what was fitted:

* *cross-fitted*: the calibrate split in 5 folds by group (frame / id); calibration and
  thresholds are fitted on 4 and applied to the 5th;
* *held-out real text*: dev's GPL sources (ToxiCR, Ferreira) outside the calibrate split
  (never trained on, never calibrated on) and the items of ``train.jsonl`` that the
  training sample did not take (SE ok comments: Senti4SD, PRemo, VCU, STRUDEL; off-domain
  abuse and spam), with the shipped calibration and thresholds;
* *GitHub real threads, fit split*: never trained on (no model trains on these sets) nor
  calibrated on;
* *non-English real comments* (``<data>/non_english.jsonl``) and *comments that mention who
  people are* (``<data>/identity_real.jsonl``, real threads): never fitted at all;
* all held-out sets together (ok comments flagged).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import group_key, source_dataset, split_of  # noqa: E402
from benchmarks.train_model import (  # noqa: E402
    GPL_DATASETS,
    LABELS,
    read_jsonl,
    sample_seed,
    sha256_file,
    train_sample,
)
from governance.detect import model as language_model  # noqa: E402
from governance.detect.engine import (  # noqa: E402
    QUOTED_CAP,
    classify_rules,
    only_quoted,
    own_category_score,
)
from governance.detect.language import (  # noqa: E402
    ACT_SCORE,
    CALIBRATION_FILE,
    LANGUAGE_CATEGORIES,
    REVIEW_SCORE,
    Calibration,
    features,
)
from governance.detect.model_input import model_text  # noqa: E402
from governance.model import Category  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DATA_OUT = ROOT / "governance" / "data"
SCHEMA = ROOT / "governance" / "config" / "schema.json"
# Budgets per language category; the two categories' false positives add up (and pii and
# malware rules add theirs), so each gets less than half of the targets.
ACT_FPR = 0.002  # real SE ok comments at act (target for all categories: 0.5%)
ACT_FPR_ALL = 0.006  # every ok item at act, generated hard negatives included (target 1%)
# comments from real GitHub threads at act (calibrate split; many are hard negatives: heated
# but civil, reports of spam or abuse, banter; target for hard negatives: 2%). Abuse gets
# none: hiding a heated but legitimate comment is the worst failure, and with 1% (one of
# the split's 124) the fine-tuned encoder hid 3.3% of the held-out GitHub ok comments
# (heated but civil, banter), 1.8% with none (model card).
ACT_FPR_GITHUB = {Category.ABUSE: 0.0, Category.SOLICITATION: 0.01}
REVIEW_FPR = 0.014  # real ok comments at review or act (review volume target: 3% of ok)
L2 = 0.01
FOLDS = 5
# held-out slices of train.jsonl (their size bounds model time on a shared machine)
HELD_OUT_SAMPLE = {"se_ok": 3000, "abuse": 1000, "solicitation": 1000}
SE_TRAIN_OK = frozenset({"senti4sd", "premo", "vcu", "strudel"})
# train.jsonl's calibrate split: every annotated SE ok item (the act threshold is a fraction
# of a percent of them) and samples of the rest
CALIBRATE_TRAIN_SAMPLE = {"ok": 800, "abuse": 600, "solicitation": 600}
# comments from real GitHub threads (benchmarks/data): calibrate split calibrates, fit split
# is held out for validation (no model trains on them)
GITHUB_REAL = ("github_real.jsonl", "github_real2.jsonl", "github_real3.jsonl")
# real GitHub batches gathered for training: their fit split trains, their calibrate split
# (never trained on) calibrates next to GITHUB_REAL's
TRAINING_BATCH = re.compile(r"github_train\d+\.jsonl")
GITHUB_GROUPS = ("github_real", "github_train")
REAL_GROUPS = ("se_real", "general", *GITHUB_GROUPS, "non_english", "identity_real")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--model-dir", type=Path, default=DATA_OUT,
                   help="folder with the model files to calibrate")
    p.add_argument("--scores", type=Path,
                   help="cache prefix for the rules' and the model's outputs (scratch)")
    p.add_argument("--shrink", type=int, default=1,
                   help="smoke run: use 1/N of every set")
    p.add_argument("--write", action="store_true",
                   help="write the calibration and the schema's threshold defaults")
    return p.parse_args(argv)


# ----------------------------------------------------------------- scoring


class Scored:
    """Per item: label, group, rule score and model log-odds per language category."""

    def __init__(self, items: list[dict[str, object]], model: language_model.LanguageModel,
                 cache: Path | None = None):
        self.items = items
        self.labels = np.array([str(it["label"]) for it in items])
        self.groups = np.array([str(it.get("group")) for it in items])
        self.real = np.isin(self.groups, REAL_GROUPS)
        self.se = self.groups == "se_real"
        self.rules: dict[Category, np.ndarray] = {c: np.zeros(len(items)) for c in
                                                  LANGUAGE_CATEGORIES}
        self.other_act = np.zeros(len(items), dtype=bool)  # pii / malware rules at >= 0.85
        self.logits: dict[Category, np.ndarray] = {c: np.zeros(len(items)) for c in
                                                   LANGUAGE_CATEGORIES}
        # no words of the poster's own left: the model abstains, the rules' score stands
        self.abstain = np.zeros(len(items), dtype=bool)
        # the rules found the category only in quoted words: the score stays within the cap
        self.quoted: dict[Category, np.ndarray] = {c: np.zeros(len(items), dtype=bool)
                                                   for c in LANGUAGE_CATEGORIES}
        if cache and cache.is_file():
            with np.load(cache) as saved:
                if saved["ids"].tolist() == [str(it["id"]) for it in items]:
                    for c in LANGUAGE_CATEGORIES:
                        self.rules[c], self.logits[c] = saved[f"r_{c}"], saved[f"z_{c}"]
                    self.other_act, self.abstain = saved["other_act"], saved["abstain"]
                    self.quoted = {c: saved[f"q_{c}"] for c in LANGUAGE_CATEGORIES}
                    return
        for i, it in enumerate(items):
            text = str(it["text"])
            verdict = classify_rules(text)
            for c in LANGUAGE_CATEGORIES:  # the poster's own hits, as the engine reads them
                self.rules[c][i] = own_category_score(verdict, c)
                self.quoted[c][i] = only_quoted(verdict, c)
            self.other_act[i] = max(verdict.category_score(Category.PII),
                                    verdict.category_score(Category.MALWARE)) >= 0.85
            own = model_text(text)  # what the engine gives the model
            self.abstain[i] = own is None
            z = model.logits(own) if own is not None else dict.fromkeys(
                LANGUAGE_CATEGORIES, -language_model.MAX_LOGIT)
            for c in LANGUAGE_CATEGORIES:
                self.logits[c][i] = z[c]
        if cache:  # rules and model outputs of this model on these items, to iterate quickly
            arrays = {f"{k}_{c}": v[c] for k, v in (("r", self.rules), ("z", self.logits),
                                                    ("q", self.quoted))
                      for c in LANGUAGE_CATEGORIES}
            np.savez(cache, ids=np.array([str(it["id"]) for it in items]),
                     other_act=self.other_act, abstain=self.abstain, **arrays)

    def design(self, c: Category, rows: np.ndarray) -> np.ndarray:
        return np.array([features(r, z) for r, z in
                         zip(self.rules[c][rows], self.logits[c][rows], strict=True)])


def fit_logistic(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Newton's method with a small L2 penalty (not on the bias); returns [bias, *weights]."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def calibrated(w: np.ndarray, scored: Scored, c: Category, rows: np.ndarray) -> np.ndarray:
    """The engine's score: calibrated rules + model (within the quoted cap when the rules
    found the category only in quoted words), the rules' own where the model abstains."""
    cal = Calibration(*(float(v) for v in w))
    scores = np.array([r if quiet else cal.score(r, z) for r, z, quiet in
                       zip(scored.rules[c][rows], scored.logits[c][rows], scored.abstain[rows],
                           strict=True)])
    capped = scored.quoted[c][rows] & ~scored.abstain[rows]
    return np.where(capped, np.minimum(scores, QUOTED_CAP), scores)


def fit(scored: Scored, c: Category, rows: np.ndarray) -> np.ndarray:
    """The calibration of one category, fitted on the rows the model judges."""
    judged = rows[~scored.abstain[rows]]
    return fit_logistic(scored.design(c, judged), (scored.labels[judged] == c.value)
                        .astype(float))


def lowest_threshold(scores: np.ndarray, negatives: np.ndarray, budget: float) -> float:
    """The lowest threshold t (on a 0.005 grid) with mean(negatives >= t) <= budget."""
    for t in np.arange(0.05, 0.995, 0.005):
        if negatives.sum() == 0 or (scores[negatives] >= t).mean() <= budget:
            return round(float(t), 3)
    return 0.99


def choose(scored: Scored, c: Category, rows: np.ndarray, s: np.ndarray) -> tuple[float, float]:
    ok = scored.labels[rows] == "ok"
    github = ok & np.isin(scored.groups[rows], GITHUB_GROUPS)
    act = max(lowest_threshold(s, ok & scored.se[rows], ACT_FPR),
              lowest_threshold(s, ok, ACT_FPR_ALL),
              lowest_threshold(s, github, ACT_FPR_GITHUB[c]) if github.any() else 0.0)
    review = lowest_threshold(s, ok & scored.real[rows], REVIEW_FPR)
    return act, min(review, act)


# ----------------------------------------------------------------- reporting


def rate(hits: np.ndarray, mask: np.ndarray) -> str:
    n = int(mask.sum())
    if n == 0:
        return "   -   (0)"
    k = int(hits[mask].sum())
    low, high = wilson(k, n)
    return f"{k / n:6.3f} [{low:.3f}-{high:.3f}] ({k}/{n})"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def report(title: str, scored: Scored, rows: np.ndarray,
           scores: Mapping[Category, np.ndarray],
           thresholds: Mapping[Category, tuple[float, float]]) -> dict[str, str]:
    """Recall per tier per language category, and ok flagged per tier by any category."""
    print(f"\n== {title}")
    labels, out = scored.labels[rows], {}
    any_act = scored.other_act[rows].copy()
    any_review = scored.other_act[rows].copy()
    for c in LANGUAGE_CATEGORIES:
        act, review = thresholds[c]
        s = scores[c]
        any_act |= s >= act
        any_review |= s >= review
        pos = labels == c.value
        out[f"{c.value} recall act"] = rate(s >= act, pos)
        out[f"{c.value} recall act+review"] = rate(s >= review, pos)
    ok = labels == "ok"
    se_ok = ok & scored.se[rows]
    for c in LANGUAGE_CATEGORIES:
        out[f"SE real ok at act by {c.value}"] = rate(scores[c] >= thresholds[c][0], se_ok)
    out["SE real ok at act by pii/malware rules"] = rate(scored.other_act[rows], se_ok)
    for label in ("abuse", "solicitation"):  # any category at the tier, as the policy acts
        pos = labels == label
        out[f"{label} flagged act (any category)"] = rate(any_act, pos)
        out[f"{label} flagged act+review (any category)"] = rate(any_review, pos)
    out["model abstains (no words of the poster's own)"] = rate(scored.abstain[rows],
                                                                np.ones(len(rows), bool))
    groups = scored.groups[rows]
    for name, mask in (("SE real", groups == "se_real"), ("general", groups == "general"),
                       ("GitHub real", np.isin(groups, GITHUB_GROUPS)),
                       ("non-English", groups == "non_english"),
                       ("identity mentions", groups == "identity_real"),
                       ("generated", ~scored.real[rows]), ("all", np.ones(len(rows), bool))):
        if not (ok & mask).any():
            continue
        out[f"ok flagged act, {name}"] = rate(any_act, ok & mask)
        out[f"ok flagged act+review, {name}"] = rate(any_review, ok & mask)
    width = max(len(k) for k in out)
    for k, v in out.items():
        print(f"  {k:<{width}}  {v}")
    return out


def pooled(reports: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """Ok items flagged over several held-out sets at once (summing their counts)."""
    out = {}
    for tier in ("act", "act+review"):
        k = n = 0
        for figures in reports:
            found = re.search(r"\((\d+)/(\d+)\)", figures.get(f"ok flagged {tier}, all", ""))
            if found:
                k, n = k + int(found[1]), n + int(found[2])
        low, high = wilson(k, n) if n else (0.0, 0.0)
        out[f"ok flagged {tier}, all"] = f"{k / max(n, 1):6.3f} [{low:.3f}-{high:.3f}] ({k}/{n})"
    print("\n== all held-out sets together")
    for key, value in out.items():
        print(f"  {key}  {value}")
    return out


def parts_alone(scored: Scored) -> dict[str, str]:
    """Rules alone and model alone, each with thresholds chosen the same way."""
    print("\n== parts alone (calibrate split, thresholds chosen the same way, in-sample)")
    every = np.arange(len(scored.items))
    out = {}
    for c in LANGUAGE_CATEGORIES:
        pos, se_ok = scored.labels == c.value, (scored.labels == "ok") & scored.se
        for name, s in (("rules", scored.rules[c]),
                        ("model", 1.0 / (1.0 + np.exp(-scored.logits[c])))):
            act, review = choose(scored, c, every, s)
            out[f"{c.value} {name} alone"] = (
                f"recall act {(s[pos] >= act).mean():.3f}, act+review "
                f"{(s[pos] >= review).mean():.3f}; SE ok at act {(s[se_ok] >= act).mean():.4f}")
    width = max(len(k) for k in out)
    for k, v in out.items():
        print(f"  {k:<{width}}  {v}")
    return out


def fold_of(item: Mapping[str, object]) -> int:
    digest = hashlib.sha256(f"calibration-folds:{group_key(item)}".encode()).digest()
    return digest[0] % FOLDS


def cross_fitted(scored: Scored) -> dict[str, str]:
    folds = np.array([fold_of(it) for it in scored.items])
    every = np.arange(len(scored.items))
    scores = {c: np.zeros(len(every)) for c in LANGUAGE_CATEGORIES}
    tiers = {c: (np.zeros(len(every)), np.zeros(len(every))) for c in LANGUAGE_CATEGORIES}
    for k in range(FOLDS):
        train, test = every[folds != k], every[folds == k]
        for c in LANGUAGE_CATEGORIES:
            w = fit(scored, c, train)
            act, review = choose(scored, c, train, calibrated(w, scored, c, train))
            scores[c][test] = calibrated(w, scored, c, test)
            tiers[c][0][test], tiers[c][1][test] = act, review
    # thresholds differ per fold: compare each item with its own fold's thresholds
    relative = {c: scores[c] - tiers[c][0] for c in LANGUAGE_CATEGORIES}
    review_rel = {c: scores[c] - tiers[c][1] for c in LANGUAGE_CATEGORIES}
    shifted = {c: np.where(review_rel[c] >= 0, np.where(relative[c] >= 0, 1.0, 0.5), 0.0)
               for c in LANGUAGE_CATEGORIES}
    return report("calibrate split, cross-fitted (5 folds by frame / id)", scored, every,
                  shifted, {c: (1.0, 0.5) for c in LANGUAGE_CATEGORIES})


# ----------------------------------------------------------------- data


def calibration_items(args: argparse.Namespace) -> tuple[list[dict[str, object]], dict]:
    dev = [it for it in read_jsonl(args.corpus / "dev.jsonl")
           if it.get("label") in LABELS and split_of(it) == "calibrate"]
    train = [it for it in read_jsonl(args.corpus / "train.jsonl")
             if it.get("label") in LABELS and split_of(it) == "calibrate"]
    real_se_ok = [it for it in train if it["label"] == "ok"
                  and source_dataset(it) in SE_TRAIN_OK]
    rest = [it for it in train if it not in real_se_ok]
    train_part = real_se_ok + [it for label, n in CALIBRATE_TRAIN_SAMPLE.items()
                               for it in sample([r for r in rest if r["label"] == label], n)]
    generated, files = [], {}
    for path in sorted(args.data.glob("generated/*.jsonl")):
        rows = [it for it in read_jsonl(path, tolerant=True)
                if it.get("label") in LABELS and split_of(it) == "calibrate"]
        files[path.name] = len(rows)
        generated += rows
    github = github_real(args.data, "calibrate") + training_batches(args.data, "calibrate")
    used = {"dev.jsonl": {"sha256": sha256_file(args.corpus / "dev.jsonl"),
                          "calibrate_items": len(dev)},
            "train.jsonl": {"sha256": sha256_file(args.corpus / "train.jsonl"),
                            "calibrate_items": len(train_part),
                            "by_label": dict(Counter(str(it["label"]) for it in train_part))},
            "generated_calibrate_items": files,
            "github_real_calibrate_items": dict(Counter(str(it["label"]) for it in github))}
    return dev + train_part + generated + github, used


def github_real(folder: Path, split: str) -> list[dict[str, object]]:
    """Comments from real GitHub threads (``GITHUB_REAL``), one split of them by thread."""
    return [it for name in GITHUB_REAL if (folder / name).is_file()
            for it in read_jsonl(folder / name)
            if it.get("label") in LABELS and split_of(it) == split]


def training_batches(folder: Path, split: str) -> list[dict[str, object]]:
    """Real GitHub comments gathered for training (``TRAINING_BATCH``; not their relabel
    samples), one split by thread: ``train_model.py --real-train`` trains on the fit split."""
    return [it for path in sorted(folder.glob("github_train*.jsonl"))
            if TRAINING_BATCH.fullmatch(path.name)
            for it in read_jsonl(path) if it.get("label") in LABELS and split_of(it) == split]


def never_fitted(folder: Path, name: str) -> list[dict[str, object]]:
    """A set of real comments never trained nor calibrated on (``non_english.jsonl``: six
    languages; ``identity_real.jsonl``: comments that mention who people are)."""
    path = folder / name
    return [it for it in read_jsonl(path) if it.get("label") in LABELS] if path.is_file() else []


def held_out_items(args: argparse.Namespace, manifest: Mapping[str, object]
                   ) -> list[dict[str, object]]:
    """Real text the model never trained on and the calibration never saw."""
    gpl = [it for it in read_jsonl(args.corpus / "dev.jsonl") if it.get("label") in LABELS
           and split_of(it) == "fit" and source_dataset(it) in GPL_DATASETS]
    settings = manifest["settings"]
    assert isinstance(settings, Mapping)
    taken = {str(it["id"]) for it in train_sample(args.corpus / "train.jsonl",
                                                   int(settings["train_sample"]),
                                                   sample_seed(settings))}
    rest = [it for it in read_jsonl(args.corpus / "train.jsonl")
            if str(it["id"]) not in taken and split_of(it) == "fit"]
    se_ok = [it for it in rest if it["label"] == "ok" and source_dataset(it) in SE_TRAIN_OK]
    abuse = [it for it in rest if it["label"] == "abuse"]
    spam = [it for it in rest if it["label"] == "solicitation"]
    return gpl + [it for name, part in (("se_ok", se_ok), ("abuse", abuse),
                                        ("solicitation", spam))
                  for it in sample(part, HELD_OUT_SAMPLE[name] // args.shrink)]


def sample(items: Iterable[dict[str, object]], n: int) -> list[dict[str, object]]:
    ranked = sorted(items, key=lambda it: hashlib.sha256(f"held-out:{it['id']}".encode())
                    .hexdigest())
    return ranked[:n]


# ----------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    model = language_model.load((args.model_dir / language_model.MODEL_FILE).read_bytes(),
                                (args.model_dir / language_model.VOCAB_FILE)
                                .read_text("utf-8"))
    manifest = json.loads((args.model_dir / "language_model.json").read_text("utf-8"))
    items, used = calibration_items(args)
    items = items[:: args.shrink]
    print(json.dumps({"calibration_set": used, "items": len(items)}, indent=1), flush=True)
    scored = Scored(items, model, args.scores and args.scores.with_suffix(".calibrate.npz"))
    every = np.arange(len(items))
    weights, thresholds = {}, {}
    for c in LANGUAGE_CATEGORIES:
        w = fit(scored, c, every)
        weights[c] = w
        thresholds[c] = choose(scored, c, every, calibrated(w, scored, c, every))
        print(f"{c.value}: weights {np.round(w, 3).tolist()} act {thresholds[c][0]} "
              f"review {thresholds[c][1]}")
    figures = {"calibrate split (fitted on it: optimistic)": report(
        "calibrate split, in-sample", scored, every,
        {c: calibrated(weights[c], scored, c, every) for c in LANGUAGE_CATEGORIES}, thresholds)}
    figures["calibrate split, cross-fitted"] = cross_fitted(scored)
    figures["parts alone (calibrate split, in-sample)"] = parts_alone(scored)
    held_out = (("held-out real text", "held-out real text (dev GPL sources, unsampled "
                 "train.jsonl)", "held", held_out_items(args, manifest)),
                ("GitHub real threads, fit split (held out)", "GitHub real threads, fit "
                 "split: never trained or calibrated on", "github", github_real(args.data, "fit")),
                ("non-English real comments", "non-English real comments (never fitted)",
                 "nonen", never_fitted(args.data, "non_english.jsonl")),
                ("identity mentions, real threads", "comments from real threads that mention "
                 "who people are (never fitted)", "identity",
                 never_fitted(args.data, "identity_real.jsonl")))
    for key, title, suffix, part in held_out:
        held = Scored(part[:: args.shrink], model,
                      args.scores and args.scores.with_suffix(f".{suffix}.npz"))
        rows = np.arange(len(held.items))
        figures[key] = report(title, held, rows, {c: calibrated(weights[c], held, c, rows)
                                                  for c in LANGUAGE_CATEGORIES}, thresholds)
    figures["all held-out sets together"] = pooled([figures[key] for key, *_ in held_out])
    if args.write:
        write(args, weights, thresholds, used, figures, manifest)
    return 0


def write(args: argparse.Namespace, weights: Mapping[Category, np.ndarray],
          thresholds: Mapping[Category, tuple[float, float]], used: Mapping[str, object],
          figures: Mapping[str, object], manifest: Mapping[str, object]) -> None:
    out = {
        "categories": {c.value: [round(float(v), 5) for v in w] for c, w in weights.items()},
        "weights_order": ["bias", "rule_logit", "model_logit"],
        # probabilities mapped to the score scale's 0.85 (act) and 0.55 (review)
        "operating_points": {c.value: {"act": a, "review": r}
                             for c, (a, r) in thresholds.items()},
        "model_sha256": manifest.get("model_sha256"),
        "fitted_on": used,
        "figures": figures,
    }
    (DATA_OUT / CALIBRATION_FILE).write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    rules = schema["properties"]["moderation"]["properties"]["rules"]["properties"]
    for c in thresholds:  # the operating points sit where the schema's defaults are
        assert rules[c.value]["properties"]["act_threshold"]["default"] == ACT_SCORE
        assert rules[c.value]["properties"]["review_threshold"]["default"] == REVIEW_SCORE
    print(f"wrote {DATA_OUT / CALIBRATION_FILE}")


if __name__ == "__main__":
    raise SystemExit(main())
