"""The code pool of one tier, as a CSV file in the private ledger repository (pure).

Columns ``code,reward,allocated_at``: an empty ``reward`` means the code is free. Codes are
handed out in file order; the reward key next to a used code makes allocation idempotent.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

HEADER = ("code", "reward", "allocated_at")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What ``governance rewards import`` did to one tier's pool."""

    tier: str
    added: int
    duplicates: int
    available: int


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    reward: str = ""
    allocated_at: str = ""

    @property
    def free(self) -> bool:
        return not self.reward


@dataclass(frozen=True, slots=True)
class Pool:
    rows: tuple[Row, ...] = ()

    @property
    def available(self) -> int:
        return sum(1 for r in self.rows if r.free)

    def code_for(self, key: str) -> str | None:
        return next((r.code for r in self.rows if r.reward == key), None)

    def allocate(self, key: str, now: datetime) -> tuple[Pool, str] | None:
        """The pool with the first free code given to ``key``, and that code; None if empty."""
        index = next((i for i, r in enumerate(self.rows) if r.free), None)
        if index is None:
            return None
        row = replace(self.rows[index], reward=key, allocated_at=now.isoformat())
        return Pool((*self.rows[:index], row, *self.rows[index + 1:])), row.code

    def add(self, codes: Iterable[str]) -> tuple[Pool, int, int]:
        """The pool with new codes appended; (pool, added, duplicates skipped)."""
        known = {r.code.upper() for r in self.rows}
        new: list[Row] = []
        duplicates = 0
        for code in codes:
            if code.upper() in known:
                duplicates += 1
                continue
            known.add(code.upper())
            new.append(Row(code))
        return Pool((*self.rows, *new)), len(new), duplicates


def parse(text: str) -> Pool:
    rows = [r for r in csv.reader(io.StringIO(text)) if r and r[0].strip()]
    if rows and tuple(c.strip().lower() for c in rows[0][:1]) == HEADER[:1]:
        rows = rows[1:]
    return Pool(tuple(Row(*(c.strip() for c in [*r, "", ""][:3])) for r in rows))


def render(pool: Pool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows((r.code, r.reward, r.allocated_at) for r in pool.rows)
    return out.getvalue()


def codes_from_import(text: str) -> list[str]:
    """Codes from a maintainer's CSV: the first column, header and blank lines skipped."""
    codes = [r.code for r in parse(text).rows]
    return [c for c in codes if c.lower() != "code"]
