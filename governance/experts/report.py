"""The monthly spotlight: each expert's activity, who met the requirement, who is in grace.

Two renderings of the same report: the maintainers' one (everything, private) and the
public one (``public=True``: thanks and top helpers only; grace periods and shortfalls are
private records and never appear in it). An expert under the minimum is left out of the
public one altogether, top helpers included: being listed there but not thanked would show
they fell short.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from governance.config.types import Experts
from governance.experts.activity import Contribution, Kind, Tally, measure, ranked, tally_of
from governance.experts.months import Month, last_day
from governance.experts.records import Outcome, Records
from governance.experts.texts import BY_HAND_HEAD, KIND_NAMES, by_hand_steps


@dataclass(frozen=True, slots=True)
class ExpertLine:
    tally: Tally
    met: bool
    status: str  # active | in grace | grace over, decided by the next sweep | ended DATE
    grace_until: datetime | None = None  # last day of the open grace period

    @property
    def login(self) -> str:
        return self.tally.login


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    month: Month
    minimum: float
    repositories: tuple[str, ...]
    experts: tuple[ExpertLine, ...]
    top_helpers: tuple[Tally, ...]
    generated_at: datetime
    public_helpers: tuple[Tally, ...] = ()  # top helpers without experts under the minimum
    by_hand: tuple[tuple[str, str], ...] = ()  # (login, step) the maintainers still owe

    @property
    def met(self) -> tuple[ExpertLine, ...]:
        return tuple(e for e in self.experts if e.met)


def build_report(
    month: Month, settings: Experts, experts: Mapping[str, str], records: Records,
    contributions: Sequence[Contribution], repositories: Sequence[str], now: datetime,
    top: int = 5,
) -> MonthlyReport:
    """``experts``: lower-cased login -> login of the current experts (see ``Members``)."""
    tallies = measure(contributions, month.window, settings.weights)
    people = dict(experts)
    for closing in records.closings:
        if closing.outcome is Outcome.REVOKED and closing.at >= month.start:
            people.setdefault(closing.login.lower(), closing.login)
    lines = [_line(tally_of(tallies, login), settings.minimum, records, now)
             for login in people.values()]
    lines.sort(key=lambda e: (-e.tally.score, e.login.lower()))
    helpers = ranked(tallies.values())
    short = {e.login.lower() for e in lines if not e.met}
    public = [t for t in helpers if t.login.lower() not in short]
    return MonthlyReport(month, settings.minimum, tuple(repositories), tuple(lines),
                         tuple(helpers[:top]), now, tuple(public[:top]),
                         _by_hand(month, settings, records))


def _by_hand(month: Month, settings: Experts, records: Records) -> tuple[tuple[str, str], ...]:
    """What revocations left to the maintainers: a label, in the report of the month it
    happened; a login in experts.logins, in every report until it is deleted from there."""
    listed = {login.lower() for login in settings.logins}
    found: list[tuple[str, str]] = []
    for login in sorted({c.login for c in records.closings}, key=str.lower):
        last = records.last_closing(login)
        if last is None or last.outcome is not Outcome.REVOKED:
            continue
        label = last.label_by_hand if last.at >= month.start else ""
        found += [(login, s) for s in by_hand_steps(login, label, login.lower() in listed)]
    return tuple(found)


def _line(tally: Tally, minimum: float, records: Records, now: datetime) -> ExpertLine:
    met = tally.meets(minimum)
    open_notice = next((n for n in records.open_notices()
                        if n.login.lower() == tally.login.lower()), None)
    if open_notice is not None and open_notice.grace.end > now:
        return ExpertLine(tally, met, "in grace", last_day(open_notice.grace))
    if open_notice is not None:
        return ExpertLine(tally, met, "grace over, decided by the next sweep")
    last = records.last_closing(tally.login)
    if last is not None and last.outcome is Outcome.REVOKED:
        return ExpertLine(tally, met, f"ended {last.at:%Y-%m-%d}")
    return ExpertLine(tally, met, "active")


# ----------------------------------------------------------------------- rendering


def _counts(tally: Tally) -> list[int]:
    return [tally.count(kind) for kind in Kind]


def render_markdown(report: MonthlyReport, *, public: bool = False) -> str:
    lines = [f"# Community experts: {report.month}", ""]
    where = ", ".join(report.repositories)
    lines += [f"Activity in {where} during {report.month} (UTC). The programme asks for "
              f"{report.minimum:g} a month.", ""]
    lines += _public_part(report) if public else _private_part(report)
    return "\n".join(lines).rstrip() + "\n"


def _private_part(report: MonthlyReport) -> list[str]:
    head = ["Expert", *(KIND_NAMES[k] for k in Kind), "score", "met", "status"]
    rows = [[f"@{e.login}", *map(str, _counts(e.tally)), f"{e.tally.score:g}",
             "yes" if e.met else "no", _status(e)] for e in report.experts]
    out = _table(head, rows) if rows else ["No experts yet."]
    out += ["", f"{len(report.met)} of {len(report.experts)} experts met the requirement."]
    graced = [e for e in report.experts if e.grace_until is not None]
    if graced:
        out += ["", "In a grace period:"]
        out += [f"- @{e.login} until the end of {e.grace_until:%Y-%m-%d} UTC"
                for e in graced if e.grace_until]
    return [*out, *_to_do(report), "", *_top(report.top_helpers)]


def _to_do(report: MonthlyReport) -> list[str]:
    steps = [f"- @{login}: {step}" for login, step in report.by_hand]
    return ["", "## To do by hand", "", BY_HAND_HEAD, "", *steps] if steps else []


def _public_part(report: MonthlyReport) -> list[str]:
    thanks = [f"- @{e.login} ({e.tally.score:g})" for e in report.met]
    out = ["Thank you to the experts who helped this month:", "", *thanks] if thanks else []
    return [*out, "", *_top(report.public_helpers)]


def _top(top: Iterable[Tally]) -> list[str]:
    rows = [[str(i), f"@{t.login}", *map(str, _counts(t)), f"{t.score:g}"]
            for i, t in enumerate(top, 1)]
    if not rows:
        return ["## Top helpers", "", "Nobody yet this month."]
    head = ["#", "Helper", *(KIND_NAMES[k] for k in Kind), "score"]
    return ["## Top helpers", "", *_table(head, rows)]


def _status(line: ExpertLine) -> str:
    if line.grace_until is not None:
        return f"in grace until {line.grace_until:%Y-%m-%d}"
    return line.status


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return out + ["| " + " | ".join(row) + " |" for row in rows]


def report_to_dict(report: MonthlyReport, *, public: bool = False) -> dict[str, Any]:
    experts = [_expert_dict(e, public) for e in report.experts if e.met or not public]
    private = {} if public else {"by_hand": [{"login": login, "step": step}
                                             for login, step in report.by_hand]}
    return {
        "month": str(report.month),
        "minimum": report.minimum,
        "repositories": list(report.repositories),
        "generated_at": report.generated_at.isoformat(),
        "experts": experts,
        "met": [e.login for e in report.met],
        "top_helpers": [_tally_dict(t) for t in _helpers(report, public)],
        **private,
    }


def _helpers(report: MonthlyReport, public: bool) -> tuple[Tally, ...]:
    return report.public_helpers if public else report.top_helpers


def _expert_dict(line: ExpertLine, public: bool) -> dict[str, Any]:
    out = {**_tally_dict(line.tally), "met": line.met}
    if not public:
        out["status"] = line.status
        out["grace_until"] = line.grace_until.date().isoformat() if line.grace_until else None
    return out


def _tally_dict(tally: Tally) -> dict[str, Any]:
    counts = {kind.value: tally.count(kind) for kind in Kind}
    return {"login": tally.login, "score": tally.score, "counts": counts}


def render_json(report: MonthlyReport, *, public: bool = False) -> str:
    return json.dumps(report_to_dict(report, public=public), indent=2, ensure_ascii=False)
