"""The arithmetic of ``quality.py``, kept pure so a CI test can check it on constructed data.

- ``wilson``: the 95% Wilson score interval of a proportion (sound at 0/n and n/n, unlike the
  normal approximation, which matters for recall on a few dozen real positives);
- ``tier_of``: which tier (act / review / none) an output reaches, and for which category:
  the verdict's own ``tier`` when the detector gives one, else the category score compared
  with the category's ``act_threshold`` / ``review_threshold``;
- ``held_out_by``: which refit of a trained part may score an item (leave-one-source-out
  for real datasets, leave-family-fold-out for synthetic frames);
- ``tally``: recall and precision per label and false-positive rate on ``ok`` per group, for
  one tier.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

Tier = Literal["act", "review", "none"]
TIER_RANK: dict[str, int] = {"none": 0, "review": 1, "act": 2}
# The tiers a table is computed for: "act" counts act only, "act+review" both.
TABLE_TIERS: dict[str, int] = {"act": 2, "act+review": 1}
CATEGORIES = ("malware", "pii", "abuse", "solicitation")  # engine's tie order: most harmful first
FAMILY_FOLDS = 5
Z95 = 1.959964


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval of k successes in n trials ((0, 1) when n is 0)."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


Thresholds = Mapping[str, tuple[float, float]]  # category -> (act, review)


def tier_of(output: Mapping[str, object], scores: Mapping[str, float],
            thresholds: Thresholds) -> tuple[str | None, str]:
    """(category, tier) of one output.

    ``output`` is the ``classify`` JSON of the item (``label``, maybe ``tier``); ``scores`` its
    category scores. The category is the verdict's label, or when the label is ``ok`` the
    highest-scoring category (ties to the more harmful). A ``tier`` in the output is taken as
    it is (the detector's own calibrated decision); otherwise the category score is compared
    with that category's thresholds.
    """
    label = str(output.get("label", "ok"))
    category = label if label != "ok" else _top(scores)
    given = output.get("tier")
    if isinstance(given, str) and given in TIER_RANK:
        return (category if given != "none" else None), given
    if category is None:
        return None, "none"
    act, review = thresholds.get(category, (1.01, 1.01))
    score = scores.get(category, 0.0)
    tier = "act" if score >= act else "review" if score >= review else "none"
    return (category if tier != "none" else None), tier


def _top(scores: Mapping[str, float]) -> str | None:
    ranked = [c for c in CATEGORIES if scores.get(c, 0.0) > 0.0]
    return max(ranked, key=lambda c: (scores[c], -CATEGORIES.index(c)), default=None)


@dataclass(frozen=True, slots=True)
class HoldOut:
    """Which refit of a trained part must score an item so that it never saw it."""

    kind: Literal["shipped", "source", "family_fold"]
    key: str = ""


SHIPPED = HoldOut("shipped")


def family_fold(family: str) -> int:
    return zlib.crc32(family.encode()) % FAMILY_FOLDS


def held_out_by(item: Mapping[str, object], trained_on: Collection[str]) -> HoldOut:
    """The model an item is scored with.

    An item whose dataset the part was not trained on is scored by the shipped part. A
    synthetic or generated item of a trained dataset is scored by a refit without its family's
    fold (every item of a sentence frame sits in one fold); a real item by a refit without its
    whole dataset (leave-one-source-out: other items of the same source are not held out).
    """
    dataset = dataset_of(item)
    if dataset not in trained_on:
        return SHIPPED
    family = item.get("family")
    if family:
        return HoldOut("family_fold", str(family_fold(str(family))))
    return HoldOut("source", dataset)


def dataset_of(item: Mapping[str, object]) -> str:
    """``vcu/None`` -> ``vcu``; a generated item's dataset is its writer, ``generated/<writer>``
    (the first part of its family), so that writers can be held out one by one."""
    if item.get("group") == "generated":
        writer = str(item.get("family") or "?").split("/", 1)[0]
        return f"generated/{writer}"
    return str(item.get("source", "")).split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class Outcome:
    gold: str
    group: str
    category: str | None  # the category the detector flagged at some tier, None if none
    tier: str


@dataclass
class Tally:
    """Counts of one tier: per label true positives, positives and predictions; ok per group."""

    tp: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)
    flagged: dict[str, int] = field(default_factory=dict)
    ok_fp: dict[str, int] = field(default_factory=dict)
    ok_n: dict[str, int] = field(default_factory=dict)
    recall_by_group: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    def recall(self, label: str) -> tuple[int, int]:
        return self.tp.get(label, 0), self.gold.get(label, 0)

    def precision(self, label: str) -> tuple[int, int]:
        return self.tp.get(label, 0), self.flagged.get(label, 0)

    def fpr(self, group: str | None = None) -> tuple[int, int]:
        if group is None:
            return sum(self.ok_fp.values()), sum(self.ok_n.values())
        return self.ok_fp.get(group, 0), self.ok_n.get(group, 0)


def tally(outcomes: Iterable[Outcome], min_rank: int) -> Tally:
    """Counts for the tier table that flags an outcome when its tier rank is >= ``min_rank``."""
    t = Tally()
    for o in outcomes:
        hit = o.category if o.category is not None and TIER_RANK[o.tier] >= min_rank else None
        if hit is not None:
            t.flagged[hit] = t.flagged.get(hit, 0) + 1
        if o.gold == "ok":
            t.ok_n[o.group] = t.ok_n.get(o.group, 0) + 1
            t.ok_fp[o.group] = t.ok_fp.get(o.group, 0) + (hit is not None)
            continue
        t.gold[o.gold] = t.gold.get(o.gold, 0) + 1
        t.tp[o.gold] = t.tp.get(o.gold, 0) + (hit == o.gold)
        k, n = t.recall_by_group.get((o.gold, o.group), (0, 0))
        t.recall_by_group[(o.gold, o.group)] = (k + (hit == o.gold), n + 1)
    return t


def stratified_sample(items: Sequence[Mapping[str, object]], size: int,
                      seed: str = "quality-v1") -> list[int]:
    """Indexes of a proportional sample stratified by (source, label), chosen by a seeded hash
    of each id: the same items every run, and every stratum keeps its share (so precision on
    the sample estimates precision on the whole set)."""
    if size >= len(items):
        return list(range(len(items)))
    strata: dict[tuple[str, str], list[int]] = {}
    for i, it in enumerate(items):
        strata.setdefault((str(it.get("source")), str(it.get("label"))), []).append(i)
    fraction = size / len(items)
    chosen: list[int] = []
    for members in strata.values():
        keep = max(1, round(len(members) * fraction))
        members = sorted(members, key=lambda i: zlib.crc32(f"{seed}:{items[i]['id']}".encode()))
        chosen += members[:keep]
    return sorted(chosen)
