"""Detection quality measured on text nothing was fitted to (the headline), then dev-fit figures.

    python benchmarks/quality.py [--train-sample N | --full] [--errors LABEL|fp|all]
                                 [--errors-set dev|heldout] [--limit N] [--by-source] [--skip-dev]
                                 [--language-model]

What each part of the detector was fitted to, and how the headline keeps clear of it:

- **hand rules** were written and widened from *all* of ``../shared/corpus/dev.jsonl``: on dev
  they are memory. No dev item enters the headline. ``train.jsonl`` (real text from public data
  sets; the rules were never written from it), the generated comments of
  ``benchmarks/data/generated/`` (written independently of the rules, one sentence frame per
  ``family``) and any other labelled set under ``benchmarks/data/`` are.
- **the n-gram scorer** (``governance/data/ngram_model.json``) was trained on dev items of the
  datasets its file lists under ``trained_on``. An item of such a dataset is scored by a model
  retrained here without that whole dataset (leave-one-source-out) or, for sentence-frame
  items, without its family's fold (leave-family-out); other items by the shipped model.
- **a learned model**, when one ships (``governance/detect/model.py``), declares the datasets it
  was trained on in ``TRAINED_ON`` (names as ``quality_scoring.dataset_of`` gives them: a
  generated item's dataset is its writer) and, through ``train_model.trained_ids()``, the
  items. It is too costly to retrain per source here, so items of those datasets are
  reported in a separate *in-source* section, never in the headline; the items it trained on
  and the ``calibrate`` split of ``benchmarks/splits.py`` (where a calibrated score's
  thresholds are chosen) are left out of every table then.
- **the learned language model** scores the items (in place of the n-gram) when the default
  config runs it (``moderation.language_model``) or with ``--language-model``.
- **tiers**: the policy's own decision (``policy.moderation.tier_of``) under the default config
  when the policy has one; else act = category score >= the category's ``act_threshold`` of
  the default config, act+review = >= ``review_threshold``.

``train.jsonl`` (70,903 items) is scored on a fixed stratified sample (``--train-sample``,
proportional per source and label, chosen by a seeded hash of the id) unless ``--full``.
``--errors`` prints misclassified *dev* items (what rules may be written from); reading the
held-out errors (``--errors-set heldout``) makes them fitted data: say so in the commit.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality_scoring as qs  # noqa: E402
from splits import split_of  # noqa: E402

from governance.config.defaults import default_config  # noqa: E402
from governance.detect import DEFAULT_CONTEXT, classify  # noqa: E402
from governance.detect.context import DetectContext  # noqa: E402
from governance.detect.engine import classify_with  # noqa: E402
from governance.detect.ngram import MODEL_FILE, shipped_models  # noqa: E402
from governance.detect.stream import verdict_json  # noqa: E402
from governance.model import Category, Verdict  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DEV, TRAIN = CORPUS / "dev.jsonl", CORPUS / "train.jsonl"
DATA = ROOT / "benchmarks" / "data"
NOT_LABELLED_HERE = frozenset({"lures.jsonl"})  # the lure report scores it (hook below)
LABELS = ("abuse", "solicitation", "pii", "malware")
DEFAULT_TRAIN_SAMPLE = 20_000

Item = dict[str, Any]


def load(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_data_sets(root: Path = DATA) -> list[Item]:
    """Labelled items under benchmarks/data/ (generated comments, real GitHub comments, ...)."""
    items: list[Item] = []
    for path in sorted(root.rglob("*.jsonl")) if root.exists() else []:
        if path.name in NOT_LABELLED_HERE:
            continue
        for it in load(path):
            if isinstance(it.get("text"), str) and it.get("label") in ("ok", *LABELS):
                it.setdefault("group", path.parent.name)
                it.setdefault("source", f"{path.parent.name}/{path.stem}")
                items.append(it)
    return items


def thresholds() -> qs.Thresholds:
    rules = default_config().moderation.rules
    return {c.value: (r.act_threshold, r.review_threshold) for c, r in rules.items()}


# ------------------------------------------------------------------ what was fitted to what


@dataclass(frozen=True)
class LearnedModel:
    present: bool
    trained_on: frozenset[str] | None  # datasets it was trained on; None: declares nothing
    trained_ids: frozenset[str] | None = None  # the very items, when the training says so


def learned_model(force: bool = False) -> LearnedModel:
    """What the learned model declares about its training data.

    Contract (for ``governance/detect/model.py`` and ``benchmarks/train_model.py``):
    ``model.TRAINED_ON`` names the datasets it was trained on (as ``dataset_of`` spells them;
    ``generated`` for every writer or ``generated/<writer>`` for one); ``train_model.trained_ids()``
    returns the ids of the items it was trained on, when it can say. Without ``TRAINED_ON``
    every item counts as in-source.
    """
    if importlib.util.find_spec("governance.detect.model") is None:
        return LearnedModel(False, frozenset())
    if not (force or default_config().moderation.language_model):
        return LearnedModel(False, frozenset())  # shipped, but off: the default never runs it
    declared = getattr(importlib.import_module("governance.detect.model"), "TRAINED_ON", None)
    ids: frozenset[str] | None = None
    try:
        listing = getattr(importlib.import_module("train_model"), "trained_ids", None)
        ids = frozenset(listing()) if listing else None
    except ImportError:  # a training dependency missing here: items stay unknown
        ids = None
    return LearnedModel(True, None if declared is None else frozenset(declared), ids)


def ngram_trained_on() -> frozenset[str]:
    if not shipped_models():
        return frozenset()
    path = ROOT / "governance" / "data" / MODEL_FILE
    return frozenset(json.loads(path.read_text("utf-8")).get("trained_on", ()))


def status(item: Item, origin: str, learned: LearnedModel) -> str:
    """dev-fit | calibrate | trained | in-source | held-out (see the module docstring)."""
    if origin == "dev":
        return "dev-fit"
    if not learned.present:
        return "held-out"
    if split_of(item) == "calibrate":
        return "calibrate"
    if learned.trained_ids is not None and item.get("id") in learned.trained_ids:
        return "trained"
    dataset = qs.dataset_of(item)
    if learned.trained_on is None or {dataset, dataset.split("/")[0]} & learned.trained_on:
        return "in-source"
    return "held-out"


class Scorer:
    """Verdicts from a detector whose trained n-gram part never saw the item."""

    def __init__(self, dev: Sequence[Item], trained_on: frozenset[str], loso: bool,
                 language_model: bool = False) -> None:
        self.dev, self.trained_on = dev, trained_on if loso else frozenset()
        # what the default config runs (or --language-model): the learned model replaces
        # the n-gram when it runs
        self.context = DetectContext(
            language_model=language_model or default_config().moderation.language_model)
        self.refits: dict[qs.HoldOut, Any] = {}
        self._features: list[list[int]] | None = None

    def verdict(self, item: Item) -> Verdict:
        holdout = qs.held_out_by(item, self.trained_on)
        if self.context.language_model:  # the default pipeline: rules + learned model
            return classify(item["text"], self.context)
        if holdout == qs.SHIPPED:
            return classify(item["text"])
        return classify_with(item["text"], DEFAULT_CONTEXT, self._models(holdout))

    def _models(self, holdout: qs.HoldOut) -> Any:
        if holdout not in self.refits:
            import train_ngram as tr

            if self._features is None:
                self._features = tr.featurize(self.dev)
            keep = [i for i, it in enumerate(self.dev)
                    if tr.trainable(it) and not _excluded(it, holdout)]
            shipped = {c: m.threshold for c, m in shipped_models().items()}
            self.refits[holdout] = tr.fit([self.dev[i] for i in keep],
                                          [self._features[i] for i in keep], shipped)
        return self.refits[holdout]


def _excluded(item: Item, holdout: qs.HoldOut) -> bool:
    if holdout.kind == "source":
        return qs.dataset_of(item) == holdout.key
    family = item.get("family")
    return bool(family) and str(qs.family_fold(str(family))) == holdout.key


# ----------------------------------------------------------------------------- scoring


@functools.cache
def policy_tier() -> Callable[[Verdict], tuple[str | None, str]] | None:
    """The policy's own tier decision (``moderation.tier_of``) under the default config, when
    the policy has one: the tier ``classify`` prints and ``moderate`` acts on."""
    decide = getattr(importlib.import_module("governance.policy.moderation"), "tier_of", None)
    if decide is None:
        return None
    config = default_config()

    def tier(verdict: Verdict) -> tuple[str | None, str]:
        decision = decide(verdict, config)
        level = str(getattr(decision.tier, "value", decision.tier))
        category = getattr(decision.category, "value", None)
        return (category if level != "none" else None), level

    return tier


def outcome(item: Item, verdict: Verdict, thr: qs.Thresholds) -> qs.Outcome:
    decide = policy_tier()
    if decide is not None:
        category, tier = decide(verdict)
    else:  # no tier in the verdict: the category score against the config's thresholds
        scores = {c.value: verdict.category_score(c) for c in Category}
        category, tier = qs.tier_of(verdict_json(item.get("id"), verdict), scores, thr)
    return qs.Outcome(item["label"], str(item.get("group", "?")), category, tier)


def pct(k: int, n: int, *, percent: bool = False) -> str:
    if not n:
        return "–"
    lo, hi = qs.wilson(k, n)
    if percent:
        return f"{k / n:.2%} [{lo:.2%}, {hi:.2%}]"
    return f"{k / n:.3f} [{lo:.2f}, {hi:.2f}]"


def tier_tables(outcomes: Sequence[qs.Outcome], title: str) -> None:
    print(f"\n### {title} ({len(outcomes)} items)")
    for name, rank in qs.TABLE_TIERS.items():
        t = qs.tally(outcomes, rank)
        print(f"\n**tier {name}**\n\n| label | recall [95% CI] | precision [95% CI] | positives |")
        print("|---|---|---|---|")
        for label in LABELS:
            k, n = t.recall(label)
            if n or t.flagged.get(label):
                print(f"| {label} | {pct(k, n)} | {pct(*t.precision(label))} | {n} |")
        print("\n| ok comments of group | FPR [95% CI] | FP / n |\n|---|---|---|")
        for group in [None, *sorted(t.ok_n)]:
            k, n = t.fpr(group)
            print(f"| {group or 'all'} | {pct(k, n, percent=True)} | {k} / {n} |")
        print("\n| recall of label / group | recall [95% CI] | n |\n|---|---|---|")
        for (label, group), (k, n) in sorted(t.recall_by_group.items()):
            print(f"| {label} / {group} | {pct(k, n)} | {n} |")


def dataset_table(items: Sequence[Item], outcomes: Sequence[qs.Outcome]) -> None:
    """FPR on ok and recall per dataset (the unit of leave-one-source-out; generated items per
    writer), both tiers."""
    by_dataset = [qs.Outcome(o.gold, qs.dataset_of(it), o.category, o.tier)
                  for it, o in zip(items, outcomes, strict=True)]
    tallies = {name: qs.tally(by_dataset, rank) for name, rank in qs.TABLE_TIERS.items()}
    print("\n| dataset | ok n | FPR act | FPR act+review | positives | recall act | "
          "recall act+review |\n|---|---|---|---|---|---|---|")
    for dataset in sorted({o.group for o in by_dataset}):
        act, both = tallies["act"], tallies["act+review"]
        flagged = [k for (_, g), k in act.recall_by_group.items() if g == dataset]
        n_pos = sum(n for _, n in flagged)
        rec_act = sum(k for k, _ in flagged)
        rec_both = sum(k for (_, g), (k, _) in both.recall_by_group.items() if g == dataset)
        print(f"| {dataset} | {act.fpr(dataset)[1]} | {_rate(*act.fpr(dataset))} | "
              f"{_rate(*both.fpr(dataset))} | {n_pos} | {_short(rec_act, n_pos)} | "
              f"{_short(rec_both, n_pos)} |")


def summary_table(rows: Iterable[tuple[str, Sequence[qs.Outcome]]]) -> None:
    """The README table: one line per set and tier."""
    print("\n| held-out set | tier | abuse recall | solicitation recall | pii recall / precision "
          "| FPR on ok (per group) |\n|---|---|---|---|---|---|")
    for name, outcomes in rows:
        if not outcomes:
            continue
        for tier, rank in qs.TABLE_TIERS.items():
            t = qs.tally(outcomes, rank)
            rec = {label: _short(*t.recall(label)) for label in LABELS}
            prec = _short(*t.precision("pii"))
            groups = ", ".join(f"{g} {_rate(*t.fpr(g))}" for g in sorted(t.ok_n))
            print(f"| {name} ({len(outcomes):,}) | {tier} | {rec['abuse']} | {rec['solicitation']}"
                  f" | {rec['pii']} / {prec} | {_rate(*t.fpr())} ({groups}) |")


def _short(k: int, n: int) -> str:
    return f"{k / n:.2f} (n={n})" if n else "–"


def _rate(k: int, n: int) -> str:
    return f"{k / n:.2%}" if n else "–"


# ------------------------------------------------------------------------------ report


def evaluate(items: Sequence[Item], scorer: Scorer) -> list[Verdict]:
    return [scorer.verdict(it) for it in items]


def by_source(items: Sequence[Item], outcomes: Sequence[qs.Outcome]) -> None:
    counts: dict[str, list[int]] = {}
    for it, o in zip(items, outcomes, strict=True):
        good = (o.category or "ok") == it["label"] and (o.tier == "act" or it["label"] == "ok")
        c = counts.setdefault(str(it.get("source")), [0, 0])
        c[0], c[1] = c[0] + good, c[1] + 1
    print(f"\n{'source (act tier)':<48}{'acc':>7}{'n':>7}")
    for source, (good, n) in sorted(counts.items()):
        print(f"{source:<48}{good / n:>7.3f}{n:>7}")


def show_errors(items: Sequence[Item], verdicts: Sequence[Verdict],
                outcomes: Sequence[qs.Outcome], which: str, limit: int) -> None:
    """Items the act+review tier got wrong: of a gold label, ``fp`` (flagged ok) or ``all``."""
    shown = 0
    for it, verdict, o in zip(items, verdicts, outcomes, strict=True):
        predicted = o.category or "ok"
        if predicted == it["label"] or split_of(it) == "calibrate":
            continue  # the calibrate split is never read item by item
        if (which == "fp" and it["label"] != "ok") or which not in ("fp", "all", it["label"]):
            continue
        rules = ",".join(f"{h.rule_id}:{h.score}" for h in verdict.hits)
        print(f"[{it.get('source')}] gold={it['label']} pred={predicted}/{o.tier} {rules}\n"
              f"   {it['text'][:300]!r}")
        shown += 1
        if shown >= limit:
            break


def lure_report() -> None:
    # ---- HOOK: the lure report. benchmarks/lures_eval.py (real malware lures and their hard
    # negatives, benchmarks/data/lures.jsonl) provides report(); printed here when present.
    if importlib.util.find_spec("lures_eval") is None:
        print("\n(benchmarks/lures_eval.py not present: no lure report)")
        return
    importlib.import_module("lures_eval").report()


def legacy_label_report(items: list[dict[str, str]], preds: list[str], title: str) -> None:
    """Label-only table for the own malware cases (benchmarks_malware.malware_table)."""
    outcomes = [qs.Outcome(it["label"], it["group"], None if p == "ok" else p, "act")
                for it, p in zip(items, preds, strict=True)]
    tier_tables(outcomes, f"{title} — written with the rules: fitted, not held out")


def headline(args: argparse.Namespace, scorer: Scorer, learned: LearnedModel,
             thr: qs.Thresholds) -> tuple[list[Item], list[Verdict], list[qs.Outcome]]:
    sets: list[tuple[str, list[Item]]] = []
    if TRAIN.exists():
        train = load(TRAIN)
        size = len(train) if args.full else args.train_sample
        sample = [train[i] for i in qs.stratified_sample(train, size)]
        note = "all" if len(sample) == len(train) else "stratified seeded sample"
        print(f"- train.jsonl: {len(sample):,} of {len(train):,} items ({note})")
        sets.append(("train.jsonl", sample))
    extra = load_data_sets(args.data)
    if extra:
        print(f"- benchmarks/data: {len(extra):,} labelled items")
        sets.append(("benchmarks/data", extra))
    counts: dict[str, int] = {}
    items, verdicts, outcomes = [], [], []
    rows: list[tuple[str, list[qs.Outcome]]] = []
    in_source: list[qs.Outcome] = []
    for name, members in sets:
        mine = []
        for it in members:
            st = status(it, "data", learned)
            counts[st] = counts.get(st, 0) + 1
            if st in ("calibrate", "trained"):
                continue
            v = scorer.verdict(it)
            o = outcome(it, v, thr)
            if st == "in-source":
                in_source.append(o)
                continue
            items.append(it)
            verdicts.append(v)
            outcomes.append(o)
            mine.append(o)
        rows.append((name, mine))
    print(f"- status of those items: {counts}")
    by_group: dict[str, list[qs.Outcome]] = {}
    for o in outcomes:
        by_group.setdefault(o.group, []).append(o)
    if not outcomes:
        print("\nNo item is held out from every fitted part: the learned model was trained on "
              "every dataset here (see IN-SOURCE below).")
    tier_tables(outcomes, "HEADLINE: held out from every fitted part")
    dataset_table(items, outcomes)
    print("\n#### README table (held out; 95% intervals above)")
    summary_table([("all held-out", outcomes), *rows,
                   *((f"group {g}", os) for g, os in sorted(by_group.items()))])
    if in_source:
        known = "" if learned.trained_ids is not None else ", possibly items it trained on"
        tier_tables(in_source, "IN-SOURCE (the learned model was trained on other items of "
                    f"these datasets{known}): not generalisation to new sources")
    return items, verdicts, outcomes


def describe_fits(trained_on: frozenset[str], learned: LearnedModel, thr: qs.Thresholds,
                  loso: bool) -> None:
    print("## What was fitted to what\n")
    print("- hand rules: written and widened from all of dev.jsonl -> dev is never in the headline")
    how = ("retrained without the item's dataset (leave-one-source-out) or family fold"
           if loso else "SHIPPED MODEL EVERYWHERE (--no-loso): trained sources are inflated")
    print(f"- n-gram scorer trained on dev items of {sorted(trained_on) or 'nothing'}: {how}")
    if not learned.present:
        print("- learned model: not in the default pipeline (moderation.language_model is off)")
    elif learned.trained_on is None:
        print("- learned model: ships but declares no TRAINED_ON -> every item counts as "
              "in-source (nothing held out for it)")
    else:
        print(f"- learned model trained on {sorted(learned.trained_on)}: those datasets are "
              "in-source; calibrate split left out everywhere")
    how_tier = ("the policy's tier_of" if policy_tier() else
                "category score against the thresholds")
    print(f"- tiers ({how_tier}), default config: " + ", ".join(
        f"{c} act>={a} review>={r}" for c, (a, r) in sorted(thr.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-sample", type=int, default=DEFAULT_TRAIN_SAMPLE)
    parser.add_argument("--full", action="store_true", help="all of train.jsonl")
    parser.add_argument("--errors", help="print misclassified items of LABEL, 'fp' or 'all'")
    parser.add_argument("--errors-set", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--by-source", action="store_true")
    parser.add_argument("--skip-dev", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA, help="labelled sets (benchmarks/data)")
    parser.add_argument("--no-loso", action="store_true", help="shipped n-gram on every item")
    parser.add_argument("--language-model", action="store_true",
                        help="score with the learned model even when the default config does "
                             "not run it (moderation.language_model)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    thr, learned = thresholds(), learned_model(args.language_model)
    trained_on = ngram_trained_on()
    if not DEV.exists():
        print(f"corpus not found at {CORPUS}: skipping the corpus tables")
        return 0
    dev = load(DEV)
    scorer = Scorer(dev, trained_on, loso=not args.no_loso, language_model=args.language_model)
    describe_fits(trained_on, learned, thr, not args.no_loso)
    items, verdicts, outcomes = headline(args, scorer, learned, thr)
    if args.by_source:
        by_source(items, outcomes)
    if args.errors and args.errors_set == "heldout":
        print("\n(reading held-out errors: whatever you change from them is fitted to them)")
        show_errors(items, verdicts, outcomes, args.errors, args.limit)
    if not args.skip_dev:
        dev_section(dev, scorer, thr, args)
    from benchmarks_malware import malware_table

    malware_table(legacy_label_report)
    lure_report()
    print(f"\n({time.monotonic() - start:.0f} s)")
    return 0


def dev_section(dev: list[Item], scorer: Scorer, thr: qs.Thresholds,
                args: argparse.Namespace) -> None:
    verdicts = evaluate(dev, scorer)
    outcomes = [outcome(it, v, thr) for it, v in zip(dev, verdicts, strict=True)]
    tier_tables(outcomes, "DEV-FIT: dev.jsonl, which the rules were written from (memory); "
                "n-gram scored out of source / family fold")
    if args.by_source:
        by_source(dev, outcomes)
    if args.errors and args.errors_set == "dev":
        show_errors(dev, verdicts, outcomes, args.errors, args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
