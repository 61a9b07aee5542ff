"""The scan's rows as what a maintainer reads (Markdown), tools read (JSON Lines, CSV) and
the review sheet the maintainer fills in for ``governance calibrate``.

Rows arrive as an iterable factory (the checkpoint's rows file is read as often as needed)
so nothing here holds more than the totals and the would-be actions in memory.
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from governance.scan.rows import Decision

Row = Mapping[str, Any]
Rows = Callable[[], Iterable[Row]]

CSV_FIELDS = ("created_at", "repo", "surface", "url", "author", "category", "top_category",
              "rule", "score",
              "decision", "actions", "step", "evidence", "excerpt")
SHEET_FIELDS = ("kind", *CSV_FIELDS, "sampled_from", "correct")


@dataclass
class Totals:
    items: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    categories: Counter[tuple[str, str]] = field(default_factory=Counter)  # (category, dec.)
    rules: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    steps: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Totals:
        totals = cls()
        for row in rows:
            totals.items += 1
            decision = row["decision"]
            totals.decisions[decision] += 1
            if decision == Decision.NONE:
                continue
            totals.categories[row["category"], decision] += 1
            totals.rules[row["rule"], row["category"], decision] += 1
            totals.actions.update(row["actions"])
            if row["step"]:
                totals.steps[row["step"]] += 1
        return totals


def _cell(text: Any) -> str:
    """Table-safe: no pipes, no line breaks, no Markdown links, code or HTML that could
    render (the text is the commenters', the report the maintainer's)."""
    value = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for char in "`[]":
        value = value.replace(char, "\\" + char)
    return value.replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True, slots=True)
class Link:
    """The one Markdown a cell may carry: a link to the item on GitHub."""

    text: str
    url: str

    def markdown(self) -> str:
        safe = self.url if self.url.startswith("https://") else ""
        return f"[{_cell(self.text)}]({safe.replace(')', '%29').replace(' ', '%20')})"


def _table(head: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(c.markdown() if isinstance(c, Link) else _cell(c) for c in r)
            + " |" for r in rows]
    return out


def markdown(rows: Rows, *, title: str, window: str, read: int) -> str:
    totals = Totals.of(rows())
    d = totals.decisions
    lines = [f"# What governance would have done: {title}", "",
             f"Window: {window}. Items read: {read}; decided: {totals.items}; would act on "
             f"{d[Decision.ACT]}, open a review item for {d[Decision.REVIEW]}, leave "
             f"{d[Decision.NONE]} alone. Dry run: nothing was written to GitHub and no mail "
             "was sent.", "", "## Totals per category", ""]
    cats = sorted({c for c, _ in totals.categories})
    lines += _table(("category", "act", "review"), (
        (c, totals.categories[c, Decision.ACT], totals.categories[c, Decision.REVIEW])
        for c in cats))
    lines += ["", "## Totals per rule", ""]
    rules = sorted({(r, c) for r, c, _ in totals.rules})
    lines += _table(("rule", "category", "act", "review"), (
        (r, c, totals.rules[r, c, Decision.ACT], totals.rules[r, c, Decision.REVIEW])
        for r, c in rules))
    lines += ["", "## Totals per action", ""]
    lines += _table(("action", "items"), sorted(totals.actions.items()))
    if totals.steps:
        lines += ["", "Ladder steps (replayed in time order): " + ", ".join(
            f"{s} {n}" for s, n in sorted(totals.steps.items()))]
    lines += ["", "## Every would-be action", "",
              "Evidence is shortened; personal data in it is shown as [redacted].", ""]
    lines += _table(("when", "item", "author", "category", "rule", "score", "decision",
                     "actions", "evidence"), (
        (r["created_at"][:16].replace("T", " "), Link(r["surface"], r["url"]), r["author"],
         r["category"], r["rule"], f"{r['score']:.2f}", r["decision"],
         ", ".join(a for a in r["actions"]) + (f" (ladder: {r['step']})" if r["step"] else ""),
         " / ".join(r["evidence"]))
        for r in rows() if r["decision"] != Decision.NONE))
    return "\n".join(lines) + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(value: Any) -> Any:
    """A commenter's text starting like a formula is not run by the spreadsheet the
    maintainer opens the sheet in (a leading apostrophe keeps it text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _flat(row: Row) -> dict[str, Any]:
    out = {k: row.get(k, "") for k in CSV_FIELDS}
    out["actions"] = " ".join(row["actions"])
    out["evidence"] = " / ".join(row["evidence"])
    return {k: _spreadsheet_safe(v) for k, v in out.items()}


def write_json(rows: Rows, out: TextIO) -> None:
    """One JSON object per item, a line each."""
    for row in rows():
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Rows, out: TextIO) -> None:
    writer = csv.DictWriter(out, CSV_FIELDS)
    writer.writeheader()
    for row in rows():
        writer.writerow(_flat(row))


def _sample_key(seed: int, row: Row) -> str:
    return hashlib.sha256(f"{seed}:{row['node_id']}".encode()).hexdigest()


def sample(rows: Rows, size: int, seed: int) -> tuple[list[Row], int]:
    """``size`` items the bot would leave alone, picked at random but reproducibly (the
    same seed picks the same items, whatever order the rows are in), and how many there
    were to pick from."""
    alone = [0]

    def left_alone() -> Iterator[Row]:
        for row in rows():
            if row["decision"] == Decision.NONE:
                alone[0] += 1
                yield row
    picked = heapq.nsmallest(size, left_alone(), key=lambda r: _sample_key(seed, r))
    return picked, alone[0]


def write_review_sheet(rows: Rows, out: TextIO, seed: int = 0) -> tuple[int, int]:
    """The would-be actions, then an equal number of left-alone items at random, each with
    an empty ``correct`` column for the maintainer (yes/no). Returns (actions, sampled)."""
    writer = csv.DictWriter(out, SHEET_FIELDS)
    writer.writeheader()
    acted = 0
    for row in rows():
        if row["decision"] != Decision.NONE:
            acted += 1
            writer.writerow({"kind": "action", **_flat(row), "sampled_from": "", "correct": ""})
    picked, population = sample(rows, acted, seed)
    for row in picked:
        writer.writerow({"kind": "sample", **_flat(row), "sampled_from": population,
                         "correct": ""})
    return acted, len(picked)


def write(rows: Rows, fmt: str, out: TextIO, *, title: str, window: str, read: int) -> None:
    """The report in ``fmt`` (markdown, json or csv), streamed to ``out``."""
    if fmt == "markdown":
        out.write(markdown(rows, title=title, window=window, read=read))
    else:
        (write_json if fmt == "json" else write_csv)(rows, out)
