"""Pure decisions of the expert programme: who gets a notice, who keeps or loses the status.

No I/O and no clock: the service passes ``now``, the experts, the ledger records and the
contributions GitHub shows, and receives a ``Plan`` of frozen actions to carry out. Every
decision is keyed by (person, month) and checked against the records, so running the sweep
again, or daily instead of monthly, changes nothing once it has acted.

The monthly minimum also applies to the grace window, pro rata to its length
(``minimum × grace_days / 30``): with the default 30 days it is the same number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from governance.config.types import Experts
from governance.experts import texts
from governance.experts.activity import Contribution, Tally, measure, ranked, tally_of
from governance.experts.months import Month, Window, grace_window, last_day, pro_rata
from governance.experts.records import Closing, Notice, Outcome, Records
from governance.model import Action, Plan, Skip

# -------------------------------------------------------------------------- actions


@dataclass(frozen=True, slots=True)
class SendExpertNotice(Action):
    """Tell an expert privately that they were under the minimum, and until when to re-engage."""

    kind: ClassVar[str] = "expert_notice"
    public: ClassVar[bool] = False
    notice: Notice

    def summary(self) -> str:
        n = self.notice
        return (f"notify @{n.login} privately: {n.score:g} of {n.required:g} in {n.month}, "
                f"grace until the end of {last_day(n.grace):%Y-%m-%d} UTC")


@dataclass(frozen=True, slots=True)
class CloseGrace(Action):
    """Record that a grace period ended without revocation (re-engaged, or left already)."""

    kind: ClassVar[str] = "expert_grace_closed"
    public: ClassVar[bool] = False
    closing: Closing

    def summary(self) -> str:
        c = self.closing
        if c.outcome is Outcome.KEPT:
            return f"keep @{c.login}: {c.score:g} of {c.required:g} during the grace period"
        return f"close the grace period of @{c.login}: no longer an expert"


@dataclass(frozen=True, slots=True)
class RevokeExpert(Action):
    """End the expert status: leave the team (and role), record it, tell the maintainers."""

    kind: ClassVar[str] = "expert_revoke"
    closing: Closing
    team: str = ""  # org/slug to remove the person from, when they are in it
    role: str = ""  # experts.label: another team (org/slug) or a label to take away
    listed: bool = False  # listed by login in the config: maintainers edit the file

    def summary(self) -> str:
        c = self.closing
        where = ", ".join(self.places()) or "the programme"
        text = f"end @{c.login}'s expert status ({c.score:g} of {c.required:g}): leave {where}"
        steps = texts.by_hand_steps(c.login, self.label(), self.listed)
        numbered = " ".join(f"({i}) {step}." for i, step in enumerate(steps, 1))
        return f"{text}; a maintainer by hand: {numbered}" if steps else text

    def places(self) -> tuple[str, ...]:
        """The teams the bot itself removes the person from."""
        return tuple(t for t in (self.team, self.role) if "/" in t)

    def label(self) -> str:
        """``experts.label`` when it is a label, not a team: the maintainers take it away."""
        return "" if "/" in self.role else self.role


# ------------------------------------------------------------------------ who is in


@dataclass(frozen=True, slots=True)
class Members:
    """The current experts: the team's members plus the logins listed in the config."""

    team: frozenset[str] = frozenset()  # logins as GitHub spells them
    listed: frozenset[str] = frozenset()

    def by_key(self, records: Records) -> dict[str, str]:
        """Lower-cased login -> login, without listed people whose status was revoked.

        Team membership is GitHub's truth (re-adding someone to the team reinstates them);
        a config list cannot be edited by the bot, so a revocation record keeps a still-listed
        login out until the maintainers remove it from the file.
        """
        out = {login.lower(): login for login in self.listed if not _revoked(records, login)}
        out.update({login.lower(): login for login in self.team})
        return dict(sorted(out.items()))

    def is_listed(self, login: str) -> bool:
        return login.lower() in {x.lower() for x in self.listed}

    def in_team(self, login: str) -> bool:
        return login.lower() in {x.lower() for x in self.team}


def _revoked(records: Records, login: str) -> bool:
    last = records.last_closing(login)
    return last is not None and last.outcome is Outcome.REVOKED


# --------------------------------------------------------------------------- sweep


def grace_requirement(notice: Notice, settings: Experts) -> float:
    """The current minimum, pro rata to the notice's grace window."""
    return pro_rata(settings.minimum, notice.grace)


def ended_month(now: datetime) -> Month:
    """The month the sweep judges: the last one that has fully ended."""
    return Month.containing(now).previous()


def due_notices(records: Records, now: datetime) -> tuple[Notice, ...]:
    return tuple(n for n in records.open_notices() if n.grace.end <= now)


def window_to_read(records: Records, now: datetime) -> Window:
    """One window covering the ended month and every grace period that is due."""
    window = ended_month(now).window
    for notice in due_notices(records, now):
        window = window.cover(notice.grace)
    return window


def plan_sweep(
    now: datetime,
    settings: Experts,
    members: Members,
    records: Records,
    contributions: Sequence[Contribution],
) -> Plan:
    month = ended_month(now)
    experts = members.by_key(records)
    actions: list[Action] = []
    for notice in due_notices(records, now):
        actions.append(_close(notice, now, settings, members, experts, contributions))
    ending = {a.closing.login.lower() for a in actions if isinstance(a, RevokeExpert)}
    tallies = measure(contributions, month.window, settings.weights)
    for login in (name for key, name in experts.items() if key not in ending):
        short = _notice_if_short(login, month, now, settings, records, tallies)
        if short is not None:
            actions.append(SendExpertNotice(short))
    reasons = (f"sweep of the expert programme for {month} at {now:%Y-%m-%d %H:%M} UTC",)
    if not actions:
        actions.append(Skip(f"every expert met the minimum in {month}, no grace period ended"))
    return Plan(f"experts:{month}", tuple(actions), reasons, None, True)


def _notice_if_short(
    login: str, month: Month, now: datetime, settings: Experts, records: Records,
    tallies: Mapping[str, Tally],
) -> Notice | None:
    tally = tally_of(tallies, login)
    if tally.meets(settings.minimum) or records.notice(login, month) is not None:
        return None
    if any(n.grace.overlaps(month.window) for n in records.of_login(login)):
        return None  # that month is already judged by a grace period
    grace = grace_window(now, settings.grace_days)
    return Notice(login, month, now, grace, tally.score, settings.minimum)


def _close(
    notice: Notice, now: datetime, settings: Experts, members: Members,
    experts: Mapping[str, str], contributions: Sequence[Contribution],
) -> Action:
    required = grace_requirement(notice, settings)
    score = tally_of(measure(contributions, notice.grace, settings.weights), notice.login).score
    closing = Closing(notice.login, notice.month, now, Outcome.KEPT, score, required)
    if notice.login.lower() not in experts:
        return CloseGrace(_with(closing, Outcome.LEFT))
    if score >= required:
        return CloseGrace(closing)
    team = settings.team if members.in_team(notice.login) else ""
    listed = members.is_listed(notice.login)
    plain = RevokeExpert(closing, team, settings.label, listed)
    revoked = _with(closing, Outcome.REVOKED, plain.places(), plain.label(), listed)
    return RevokeExpert(revoked, team, settings.label, listed)


def _with(closing: Closing, outcome: Outcome, removed: tuple[str, ...] = (), label: str = "",
          listed: bool = False) -> Closing:
    return Closing(closing.login, closing.month, closing.at, outcome, closing.score,
                   closing.required, removed, label, listed)


# ---------------------------------------------------------------------- candidates


def candidates(
    contributions: Iterable[Contribution], month: Month, settings: Experts,
    experts: Iterable[str], limit: int = 10,
) -> list[Tally]:
    """The most helpful people who are not experts, by the same measure, best first."""
    skip = {login.lower() for login in experts}
    tallies = measure(contributions, month.window, settings.weights)
    found = [t for key, t in tallies.items() if key not in skip and t.score > 0]
    return ranked(found)[:limit]
