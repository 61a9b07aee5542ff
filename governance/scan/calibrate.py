"""``governance calibrate``: thresholds from the maintainer's own judgement of a review sheet.

Pure: the sheet's rows in, figures and a config snippet out. An action row judged correct
is a true positive, judged wrong a false positive; a sample row (an item the bot would have
left alone) judged wrong is a miss. Rows left blank are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

YES = frozenset({"y", "yes", "1", "true", "x", "correct", "ok"})
NO = frozenset({"n", "no", "0", "false", "wrong", "incorrect"})


class SheetError(ValueError):
    """A review sheet that is not one ``governance scan --review-sheet`` wrote."""


@dataclass(frozen=True, slots=True)
class Judged:
    kind: str  # "action" | "sample"
    category: str  # the category the bot acted for; for a sample row its strongest hit's
    rule: str
    score: float
    correct: bool  # the maintainer agrees with what the bot did (or did not do)

    @property
    def deserves_action(self) -> bool:
        return self.correct if self.kind == "action" else not self.correct


@dataclass(frozen=True, slots=True)
class Precision:
    correct: int
    judged: int

    @property
    def value(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    def __str__(self) -> str:
        return f"{self.value:.1%} ({self.correct}/{self.judged})"


@dataclass(frozen=True, slots=True)
class Suggestion:
    category: str
    act_threshold: float | None  # None: no threshold reaches the target on this sheet
    review_threshold: float | None
    act_precision: Precision
    review_precision: Precision


@dataclass(frozen=True, slots=True)
class Calibration:
    per_category: dict[str, Precision]
    per_rule: dict[tuple[str, str], Precision]
    sample: Precision  # left-alone items judged right
    sampled_from: int  # left-alone items the sample was drawn from
    suggestions: tuple[Suggestion, ...]

    @property
    def miss_rate(self) -> float:
        return 1.0 - self.sample.value if self.sample.judged else 0.0

    @property
    def estimated_misses(self) -> int:
        return round(self.miss_rate * self.sampled_from)


def _verdict(text: str, line: int) -> bool | None:
    value = text.strip().lower()
    if not value:
        return None
    if value in YES:
        return True
    if value in NO:
        return False
    raise SheetError(f"line {line}: correct must be yes or no (or empty), not {text!r}")


def judged_rows(rows: Iterable[Mapping[str, str]]) -> tuple[list[Judged], int]:
    """The judged rows of a sheet, and the size of the left-alone population."""
    out: list[Judged] = []
    population = 0
    for line, row in enumerate(rows, start=2):
        if "correct" not in row or "kind" not in row:
            raise SheetError("not a review sheet: the columns kind and correct are missing")
        if row["kind"] == "sample" and row.get("sampled_from"):
            population = max(population, int(row["sampled_from"]))
        correct = _verdict(row.get("correct") or "", line)
        if correct is None:
            continue
        try:
            score = float(row.get("score") or 0)
        except ValueError as exc:
            raise SheetError(f"line {line}: score is not a number") from exc
        category = row.get("category") or ""
        if row["kind"] == "sample":
            category = row.get("top_category") or ""
        out.append(Judged(row["kind"], category, row.get("rule") or "", score, correct))
    return out, population


def _precision(items: Iterable[Judged]) -> Precision:
    items = list(items)
    return Precision(sum(i.deserves_action for i in items), len(items))


def lowest_threshold(items: list[Judged], target: float) -> tuple[float | None, Precision]:
    """The lowest score such that the judged items at or above it deserved action at least
    ``target`` of the time (what a threshold there would have kept, measured)."""
    best: tuple[float | None, Precision] = (None, Precision(0, 0))
    for score in sorted({i.score for i in items}, reverse=True):
        kept = _precision(i for i in items if i.score >= score)
        if kept.value >= target:
            best = (score, kept)
    return best


def lowest_worth_reviewing(items: list[Judged], target: float
                           ) -> tuple[float | None, Precision]:
    """Walking down the scores, the lowest one down to which every score level's items
    still deserved action at least ``target`` of the time (a review item costs a
    moderator's look, so each level has to earn it, not just the average above it)."""
    best: tuple[float | None, Precision] = (None, Precision(0, 0))
    for score in sorted({i.score for i in items}, reverse=True):
        if _precision(i for i in items if i.score == score).value < target:
            break
        best = (score, _precision(i for i in items if i.score >= score))
    return best


def calibrate(rows: Iterable[Mapping[str, str]], precision: float = 0.98,
              review_precision: float = 0.5) -> Calibration:
    judged, population = judged_rows(rows)
    actions = [j for j in judged if j.kind == "action"]
    categories = sorted({j.category for j in actions})
    per_category = {c: _precision(j for j in actions if j.category == c) for c in categories}
    per_rule = {(c, r): _precision(j for j in actions if (j.category, j.rule) == (c, r))
                for c, r in sorted({(j.category, j.rule) for j in actions})}
    suggestions = []
    for category in categories:
        act, act_p = lowest_threshold([j for j in actions if j.category == category],
                                      precision)
        # Reviewing also looks below what the bot acted on: the left-alone sample's items
        # whose strongest hit is of this category say how low a review item is still worth it
        seen = [j for j in judged if j.category == category]
        review, review_p = lowest_worth_reviewing(seen, review_precision)
        if review is not None and review <= min(j.score for j in seen if j.kind == "action") \
                and not any(j.kind == "sample" and j.score < review for j in seen):
            review = None  # nothing below it on the sheet: no evidence to move it
        if act is not None and review is not None:
            review = min(review, act)
        suggestions.append(Suggestion(category, act, review, act_p, review_p))
    sample = Precision(sum(j.correct for j in judged if j.kind == "sample"),
                       sum(j.kind == "sample" for j in judged))
    return Calibration(per_category, per_rule, sample, population, tuple(suggestions))


def render(result: Calibration, precision: float) -> str:
    lines = [f"Measured precision of the would-be actions (target {precision:.0%}):", ""]
    for category, p in result.per_category.items():
        lines.append(f"  {category:<14} {p}")
        for (c, rule), rp in result.per_rule.items():
            if c == category:
                lines.append(f"    {rule or '(no rule)':<40} {rp}")
    if result.sample.judged:
        lines += ["", f"Left-alone sample: {result.sample.judged - result.sample.correct} of "
                  f"{result.sample.judged} judged items should have been acted on: an "
                  f"estimated miss rate of {result.miss_rate:.1%}, about "
                  f"{result.estimated_misses} of the {result.sampled_from} items left alone."]
    lines += ["", "Suggested thresholds (paste into .github/governance.yml):", "",
              "moderation:", "  rules:"]
    for s in result.suggestions:
        lines.append(f"    {s.category}:")
        if s.act_threshold is None:
            lines.append(f"      action: report-only  # no score reaches {precision:.0%} "
                         "precision on this sheet: review items only, or judge more items")
        else:
            lines.append(f"      act_threshold: {s.act_threshold:.2f}"
                         f"  # measured {s.act_precision}")
        if s.review_threshold is not None:
            lines.append(f"      review_threshold: {s.review_threshold:.2f}"
                         f"  # measured {s.review_precision} deserved action")
        else:
            lines.append("      # review_threshold: keep yours (nothing judged below the "
                         "actions of this category)")
    return "\n".join(lines) + "\n"
