"""``governance ledger show`` and ``governance ledger stats``: pure summaries of ledger
states, rendered as a text table or JSON, and the async loaders that read the states."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from governance.ledger import render
from governance.ledger.state import EntryKind, PersonState
from governance.ledger.store import GitHubLedger
from governance.model import Incident, Step
from governance.policy.commands import blocking
from governance.policy.ladder import rung

EXPIRING_WITHIN = timedelta(days=7)
_SINCE = re.compile(r"^(?P<n>\d+)(?P<unit>[hdw])$")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_since(text: str) -> timedelta:
    """``30d``, ``12h`` or ``2w``; ValueError otherwise."""
    match = _SINCE.match(text.strip().lower())
    if match is None:
        raise ValueError(f"--since: expected a duration like 30d, 12h or 2w, not {text!r}")
    return int(match["n"]) * _UNITS[match["unit"]]


@dataclass(frozen=True, slots=True)
class RuleRate:
    rule: str
    incidents: int
    false_positives: int

    @property
    def rate(self) -> float:
        return self.false_positives / self.incidents if self.incidents else 0.0


@dataclass(frozen=True, slots=True)
class Ban:
    login: str
    step: Step
    until: datetime | None  # None: permanent


@dataclass(frozen=True, slots=True)
class LedgerStats:
    now: datetime
    since: datetime | None
    people: int
    by_category: dict[str, int]
    by_rule: dict[str, int]
    steps: dict[str, int]
    false_positives: tuple[RuleRate, ...]
    bans: tuple[Ban, ...]
    open_reviews: int

    def expiring(self) -> tuple[Ban, ...]:
        return tuple(b for b in self.bans if b.until and b.until - self.now <= EXPIRING_WITHIN)


# --------------------------------------------------------------------------- stats


def ledger_stats(states: Iterable[PersonState], now: datetime,
                 since: timedelta | None = None) -> LedgerStats:
    states = list(states)
    start = now - since if since else None
    incidents = [i for s in states for i in s.record().incidents
                 if start is None or i.at >= start]
    return LedgerStats(
        now=now, since=start, people=len(states),
        by_category=dict(Counter(i.category.value if i.category else "moderator"
                                 for i in incidents).most_common()),
        by_rule=dict(Counter(r for i in incidents for r in i.rule_ids).most_common()),
        steps={rung(s).name: n for s, n in sorted(Counter(i.step for i in incidents).items())},
        false_positives=_rates(incidents),
        bans=tuple(b for s in states for b in active_bans(s, now)),
        open_reviews=sum(len(s.open_reviews()) for s in states),
    )


def _rates(incidents: Sequence[Incident]) -> tuple[RuleRate, ...]:
    """False positives per rule, for steps the bot took (moderators' own are not rated)."""
    total: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for incident in incidents:
        if incident.by != "bot":
            continue
        total.update(incident.rule_ids)
        if incident.false_positive:
            wrong.update(incident.rule_ids)
    rates = [RuleRate(rule, n, wrong[rule]) for rule, n in total.items()]
    return tuple(sorted(rates, key=lambda r: (-r.rate, -r.incidents, r.rule)))


def active_bans(state: PersonState, now: datetime) -> list[Ban]:
    return [Ban(state.login, i.step, i.expires_at if i.step is Step.TEMPORARY_BAN else None)
            for i in state.record().active() if blocking(i, now)]


def stats_text(stats: LedgerStats) -> str:
    since = f"since {render.when(stats.since)}" if stats.since else "all time"
    lines = [f"Ledger statistics ({since}; {stats.people} people, "
             f"{stats.open_reviews} open review items)", ""]
    lines += _table(("category", "incidents"), stats.by_category.items())
    lines += _table(("rule", "incidents"), stats.by_rule.items())
    lines += _table(("step", "taken"), stats.steps.items())
    lines += _table(("rule", "bot incidents", "false positives", "rate"),
                    ((r.rule, r.incidents, r.false_positives, f"{r.rate:.0%}")
                     for r in stats.false_positives))
    expiring = set(stats.expiring())
    lines += _table(("banned", "step", "until", "expiring"),
                    ((f"@{b.login}", rung(b.step).name, render.when(b.until) if b.until
                      else "permanent", "yes" if b in expiring else "") for b in stats.bans))
    return "\n".join(lines).rstrip() + "\n"


def stats_json(stats: LedgerStats) -> dict[str, Any]:
    return {
        "now": stats.now.isoformat(),
        "since": stats.since.isoformat() if stats.since else None,
        "people": stats.people,
        "open_reviews": stats.open_reviews,
        "incidents_by_category": stats.by_category,
        "incidents_by_rule": stats.by_rule,
        "steps": stats.steps,
        "false_positives": [{"rule": r.rule, "incidents": r.incidents,
                             "false_positives": r.false_positives, "rate": round(r.rate, 4)}
                            for r in stats.false_positives],
        "bans": [_ban_json(b, b in stats.expiring()) for b in stats.bans],
    }


def _ban_json(ban: Ban, expiring: bool) -> dict[str, Any]:
    return {"login": ban.login, "step": rung(ban.step).name,
            "until": ban.until.isoformat() if ban.until else None, "expiring": expiring}


# ---------------------------------------------------------------------------- show


def person_text(state: PersonState, now: datetime) -> str:
    record = state.record()
    step = record.current_step()
    lines = [
        f"@{state.login}: step {'none' if step is Step.NONE else rung(step).name}, "
        f"ban {render.ban_status(state, now)}, {len(state.open_reviews())} open review items",
        "",
    ]
    rows = ((render.when(e.at), e.kind.value, e.get("step", "") or "",
             ", ".join(e.get("rule_ids", ()) or ()), e.by, _summary(e.kind, e.details))
            for e in state.entries)
    lines += _table(("when", "what", "step", "rules", "by", "details"), rows)
    return "\n".join(lines).rstrip() + "\n"


def person_json(state: PersonState, now: datetime) -> dict[str, Any]:
    record = state.record()
    return {
        "login": state.login,
        "revision": state.revision,
        "step": rung(record.current_step()).name if record.current_step() else None,
        "ban": render.ban_status(state, now),
        "open_reviews": len(state.open_reviews()),
        "entries": [{"kind": e.kind.value, "key": e.key, "at": e.at.isoformat(), "by": e.by,
                     **{k: v for k, v in e.details.items() if k != "original_text"}}
                    for e in state.entries],
    }


def _summary(kind: EntryKind, details: Any) -> str:
    text = {
        EntryKind.INCIDENT: details.get("url", ""),
        EntryKind.PARDON: f"undoes {details.get('incident_key')}"
                          + (" (false positive)" if details.get("false_positive") else ""),
        EntryKind.REVIEW: details.get("reason", ""),
        EntryKind.NOTE: details.get("text", ""),
        EntryKind.BAN_LIFTED: f"ban of {details.get('incident_key')} lifted",
    }[kind]
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:57] + "..."


def _table(head: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    body = [[str(c) for c in row] for row in rows]
    if not body:
        return [f"{head[0]}: none", ""]
    widths = [max(len(str(h)), *(len(r[n]) for r in body)) for n, h in enumerate(head)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*head).rstrip(), fmt.format(*("-" * w for w in widths)),
            *(fmt.format(*r).rstrip() for r in body), ""]


# ------------------------------------------------------------------------- loaders


async def load_person(ledger: GitHubLedger, login: str) -> PersonState:
    return await ledger.state_for(login.removeprefix("@"))


async def load_states(ledger: GitHubLedger) -> list[PersonState]:
    return [await ledger.state_for(login) for login in await ledger.people()]


async def load_stats(ledger: GitHubLedger, now: datetime,
                     since: timedelta | None = None) -> LedgerStats:
    return ledger_stats(await load_states(ledger), now, since)
