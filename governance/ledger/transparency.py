"""``governance ledger report``: what was done in a quarter or a month, from the ledger.

Pure over the person states (the loaders in ``ledger.report`` read them): reports received,
steps per category and ladder step, automatic and moderator decisions, pardons (false
positives of the bot's rules) per rule, review items by source and the median time from a
community report to a moderator's decision. The public version carries counts only: no
login, no link, no text, no rule a reader could tie to one person beyond its count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from governance.ledger.state import Entry, EntryKind, PersonState
from governance.policy import appeals
from governance.policy.ladder import rung

REPORTED = "reported by @"  # how ``/coc report`` opens its review item (policy.commands)
_QUARTER = re.compile(r"^(?P<year>\d{4})-Q(?P<q>[1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")


@dataclass(frozen=True, slots=True)
class Period:
    name: str  # "2026-Q4" or "2026-11"
    start: datetime
    end: datetime  # exclusive

    def holds(self, at: datetime) -> bool:
        return self.start <= at < self.end


def quarter(text: str) -> Period:
    """``2026-Q4``; ValueError otherwise."""
    match = _QUARTER.match(text.strip())
    if match is None:
        raise ValueError(f"--period: expected a quarter like 2026-Q4, not {text!r}")
    year, q = int(match["year"]), int(match["q"])
    start = datetime(year, 3 * q - 2, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) if q == 4 else datetime(year, 3 * q + 1, 1,
                                                                        tzinfo=UTC)
    return Period(f"{year}-Q{q}", start, end)


def month(text: str) -> Period:
    """``2026-11``; ValueError otherwise."""
    match = _MONTH.match(text.strip())
    if match is None:
        raise ValueError(f"--month: expected a month like 2026-11, not {text!r}")
    year, m = int(match["year"]), int(match["month"])
    start = datetime(year, m, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) if m == 12 else datetime(year, m + 1, 1,
                                                                         tzinfo=UTC)
    return Period(f"{year}-{m:02d}", start, end)


@dataclass(frozen=True, slots=True)
class TransparencyReport:
    period: Period
    reports: int  # community reports received (``/coc report``)
    reports_decided: int
    median_to_decision: timedelta | None  # from a report to the next decision on the person
    reviews: dict[str, int]  # review items by source
    steps: dict[tuple[str, str], int]  # (category, ladder step) -> steps taken
    automatic: int  # steps the bot took
    by_moderators: int  # steps moderators took
    pardons: int  # steps undone by moderators
    false_positives: dict[str, int]  # per rule: the bot's steps pardoned as false positives
    appeals: int = 0  # appeals made in the period
    appeals_upheld: int = 0  # decided in the period: the decision stands
    appeals_granted: int = 0  # decided in the period: the step undone
    reported_logins: tuple[str, ...] = ()  # private version only


def transparency(states: Iterable[PersonState], period: Period) -> TransparencyReport:
    states = list(states)
    incidents = [e for s in states for e in s.of_kind(EntryKind.INCIDENT) if period.holds(e.at)]
    pardons = [e for s in states for e in s.of_kind(EntryKind.PARDON) if period.holds(e.at)]
    reviews = [e for s in states for e in s.of_kind(EntryKind.REVIEW) if period.holds(e.at)]
    waits = [w for s in states for w in _report_waits(s, period)]
    answers = [str(e.get("text", "")) for s in states for e in s.of_kind(EntryKind.NOTE)
               if period.holds(e.at) and e.key.startswith(appeals.DECIDED)]
    decided = [w for w in waits if w is not None]
    return TransparencyReport(
        period=period,
        reports=len(waits),
        reports_decided=len(decided),
        median_to_decision=_median(decided),
        reviews=dict(Counter(review_source(e) for e in reviews).most_common()),
        steps=dict(sorted(Counter((str(e.get("category") or "moderator decision"),
                                   rung(e.step).name) for e in incidents).items())),
        automatic=sum(1 for e in incidents if e.by == "bot"),
        by_moderators=sum(1 for e in incidents if e.by != "bot"),
        pardons=len(pardons),
        false_positives=dict(Counter(r for e in pardons if e.get("false_positive")
                                     for r in e.get("rule_ids", ()) or ()).most_common()),
        appeals=sum(1 for e in reviews if e.key.startswith(appeals.APPEAL)),
        appeals_upheld=sum(1 for a in answers if a.startswith(appeals.UPHELD)),
        appeals_granted=sum(1 for a in answers if a.startswith(appeals.GRANTED)),
        reported_logins=tuple(sorted({s.login for s in states
                                      for e in s.of_kind(EntryKind.REVIEW)
                                      if period.holds(e.at) and _is_report(e)})),
    )


def _median(values: Sequence[timedelta]) -> timedelta | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    return ordered[middle] if len(values) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def review_source(entry: Entry) -> str:
    """Where a review item came from, as the policy that opened it words its key or reason."""
    reason, key = str(entry.get("reason", "")), entry.key
    if _is_report(entry):
        return "community report"
    if key.startswith(appeals.APPEAL):
        return "appeal"
    if key.startswith("wave:"):
        return "spam wave"
    if key.startswith("evasion:"):
        return "possible ban evasion"
    if reason.startswith("circuit breaker"):
        return "circuit breaker"
    return "detection below the act threshold"


def _is_report(entry: Entry) -> bool:
    return str(entry.get("reason", "")).startswith(REPORTED)


def _report_waits(state: PersonState, period: Period) -> list[timedelta | None]:
    """For each report in the period, the time to the next moderator decision about the
    person (a step, a pardon or a note that resolves review items); None: not decided."""
    decisions = [e.at for e in state.entries
                 if e.by not in ("bot", "sweep") and (
                     e.kind in (EntryKind.INCIDENT, EntryKind.PARDON)
                     or (e.kind is EntryKind.NOTE and e.get("resolves_reviews")))]
    out: list[timedelta | None] = []
    for report in state.of_kind(EntryKind.REVIEW):
        if not (period.holds(report.at) and _is_report(report)):
            continue
        after = [at for at in decisions if at >= report.at]
        out.append(min(after) - report.at if after else None)
    return out


# ------------------------------------------------------------------------ rendering


def report_markdown(report: TransparencyReport, *, public: bool) -> str:
    """The report as Markdown; ``public``: counts only, without any login or link."""
    p = report.period
    lines = [f"# Moderation transparency report {p.name}", "",
             f"{p.start:%Y-%m-%d} to {p.end - timedelta(days=1):%Y-%m-%d} (UTC).", ""]
    decided = _duration(report.median_to_decision)
    lines += [f"- Reports received from the community: {report.reports} "
              f"({report.reports_decided} decided; median time from report to decision: "
              f"{decided})",
              f"- Ladder steps taken: {report.automatic + report.by_moderators} "
              f"({report.automatic} automatic, {report.by_moderators} by moderators)",
              f"- Steps undone by moderators (pardons): {report.pardons}",
              f"- Appeals: {report.appeals} made; decided in the period: "
              f"{report.appeals_upheld} upheld, {report.appeals_granted} granted", ""]
    lines += _table("Steps per category and ladder step", ("category", "step", "count"),
                    ((c, s, n) for (c, s), n in report.steps.items()))
    lines += _table("Review items by source", ("source", "count"), report.reviews.items())
    lines += _table("False positives (the bot's steps pardoned) per rule", ("rule", "count"),
                    report.false_positives.items())
    if not public:
        reported = ", ".join(f"@{login}" for login in report.reported_logins) or "nobody"
        lines += ["## Private", "", f"People reported: {reported}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _duration(value: timedelta | None) -> str:
    if value is None:
        return "-"
    hours = value.total_seconds() / 3600
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


def _table(title: str, head: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    body = [[str(c) for c in row] for row in rows]
    if not body:
        return [f"## {title}", "", "None.", ""]
    return [f"## {title}", "", "| " + " | ".join(head) + " |",
            "|" + "---|" * len(head), *("| " + " | ".join(r) + " |" for r in body), ""]
