"""``governance rewards report --month YYYY-MM``: what was sent and what waits (pure).

Built from the rewards index, so it holds logins and PRs but never codes or addresses.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from governance.rewards.store import IndexEntry


@dataclass(frozen=True, slots=True)
class Tally:
    total: int = 0
    by_tier: dict[str, int] = field(default_factory=dict)
    by_repository: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[IndexEntry]) -> Tally:
        items = list(entries)
        return cls(len(items), _count(e.tier for e in items), _count(e.repo for e in items))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "by_tier": self.by_tier,
                "by_repository": self.by_repository}


@dataclass(frozen=True, slots=True)
class RewardReport:
    month: str
    sent: Tally
    pending: Tally
    waiting: tuple[IndexEntry, ...]  # the pending rewards themselves, oldest first

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "sent": self.sent.to_dict(),
                "pending": {**self.pending.to_dict(), "rewards": [
                    {"pr": e.key, "login": e.login, "tier": e.tier, "state": e.state,
                     "reason": e.pending, "since": e.created_at, "url": e.url}
                    for e in self.waiting]}}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def text(self) -> str:
        lines = [f"Rewards for {self.month}", "",
                 f"Sent: {self.sent.total}"]
        lines += _tally_lines(self.sent)
        lines += ["", f"Pending at the end of the month: {self.pending.total}"]
        lines += _tally_lines(self.pending)
        for e in self.waiting:
            reason = f", {e.pending}" if e.pending else ""
            lines.append(f"  - {e.key} @{e.login} tier {e.tier} "
                         f"({e.state}{reason}) since {e.created_at[:10]}")
        return "\n".join(lines) + "\n"


def build_report(entries: Iterable[IndexEntry], month: str) -> RewardReport:
    """Sent: e-mailed during ``month``. Pending: created by the end of ``month`` and not
    e-mailed by then (as far as the index knows now)."""
    _check_month(month)
    real = [e for e in entries if e.state not in ("skipped", "")]
    sent = [e for e in real if e.sent_at[:7] == month]
    waiting = sorted((e for e in real if e.created_at[:7] <= month
                      and (not e.sent_at or e.sent_at[:7] > month)),
                     key=lambda e: e.created_at)
    return RewardReport(month, Tally.of(sent), Tally.of(waiting), tuple(waiting))


def _tally_lines(tally: Tally) -> list[str]:
    lines = [f"  tier {k}: {v}" for k, v in tally.by_tier.items()]
    lines += [f"  {k}: {v}" for k, v in tally.by_repository.items()]
    return lines


def _count(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def _check_month(month: str) -> None:
    year, _, mon = month.partition("-")
    if not (len(year) == 4 and year.isdigit() and mon.isdigit() and 1 <= int(mon) <= 12
            and len(mon) == 2):
        raise ValueError(f"--month wants YYYY-MM, not {month!r}")


def pending_text(entries: Iterable[IndexEntry]) -> str:
    """``governance rewards pending``: one line per unfinished reward."""
    lines = [f"{e.key}\t@{e.login}\ttier {e.tier}\t{e.state}"
             f"{' (' + e.pending + ')' if e.pending else ''}\tsince {e.created_at[:10]}\t{e.url}"
             for e in entries]
    return "\n".join(lines) + "\n" if lines else "No pending rewards.\n"


def pending_json(entries: Iterable[IndexEntry]) -> str:
    return json.dumps([{"pr": e.key, "login": e.login, "tier": e.tier, "state": e.state,
                        "reason": e.pending, "since": e.created_at, "url": e.url}
                       for e in entries], indent=2, ensure_ascii=False)
