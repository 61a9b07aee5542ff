"""The enforcement ladder as one table, and the pure escalation rule.

Code, tests, the README and the code-of-conduct template all read ``LADDER``; change a step
here and the docs test will say where the prose is out of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from governance.config.types import Ladder
from governance.model import Association, Category, PersonRecord, RuleHit, Step


@dataclass(frozen=True, slots=True)
class Rung:
    step: Step
    name: str  # config and CLI spelling
    label: str  # ledger label
    title: str
    meaning: str
    expires: bool  # is the block lifted by the sweep?


LADDER: tuple[Rung, ...] = (
    Rung(
        Step.CORRECTION, "correction", "coc:correction", "Correction",
        "A private written note that explains what was inappropriate and links to the rule. "
        "Nothing public happens to the person.",
        expires=False,
    ),
    Rung(
        Step.WARNING, "warning", "coc:warning", "Warning",
        "A warning with consequences: further breaches lead to a ban. The person is asked not to "
        "interact with the people involved for a period.",
        expires=False,
    ),
    Rung(
        Step.TEMPORARY_BAN, "temporary-ban", "coc:temporary-ban", "Temporary ban",
        "The person is blocked from the organisation for a set time; the block is lifted "
        "automatically when it expires.",
        expires=True,
    ),
    Rung(
        Step.PERMANENT_BAN, "permanent-ban", "coc:permanent-ban", "Permanent ban",
        "The person is blocked from the organisation without an end date.",
        expires=False,
    ),
)

RUNGS: dict[Step, Rung] = {r.step: r for r in LADDER}


def rung(step: Step) -> Rung:
    return RUNGS[step]


def recent_step(record: PersonRecord, now: datetime, window_days: int) -> Step:
    """The highest unpardoned step taken within the escalation window."""
    since = now - timedelta(days=window_days)
    steps = [i.step for i in record.active() if i.at >= since]
    return max(steps, default=Step.NONE)


def first_step(category: Category, hits: tuple[RuleHit, ...], association: Association,
               policy: Ladder) -> Step:
    """Where a person with no recent record starts, from the severity of what they did."""
    step = policy.start.get(category, Step.CORRECTION)
    if any(h.severity >= 3 for h in hits):
        step = max(step, policy.severe_start)
    first_timer = {Category.SOLICITATION: policy.first_timer_spam,
                   Category.MALWARE: policy.first_timer_malware}.get(category)
    if association.is_first_time and first_timer is not None:
        step = max(step, first_timer)
    return step


def next_step(record: PersonRecord, category: Category, hits: tuple[RuleHit, ...],
              association: Association, policy: Ladder, now: datetime) -> Step:
    """The step for a new incident: one above the recent record, at least the starting step,
    and never above what the bot may take on its own."""
    climbed = Step(min(recent_step(record, now, policy.window_days) + 1, Step.PERMANENT_BAN))
    step = max(climbed, first_step(category, hits, association, policy))
    return Step(min(step, policy.max_automatic_step))


def ban_expiry(step: Step, now: datetime, policy: Ladder) -> datetime | None:
    if step is Step.TEMPORARY_BAN:
        return now + timedelta(days=policy.temporary_ban_days)
    return None


# GitHub's interaction-limit expiries (REST ``interaction-expiry``), shortest first.
INTERACTION_EXPIRIES: tuple[tuple[str, timedelta], ...] = (
    ("one_day", timedelta(days=1)),
    ("three_days", timedelta(days=3)),
    ("one_week", timedelta(weeks=1)),
    ("one_month", timedelta(days=30)),
    ("six_months", timedelta(days=180)),
)


def interaction_expiry(length: timedelta | None) -> str:
    """The shortest interaction limit that covers a ban of ``length`` on a user-owned
    repository (``None``: permanent, the longest GitHub offers; the sweep cannot renew it)."""
    if length is not None:
        for name, covers in INTERACTION_EXPIRIES:
            if length <= covers:
                return name
    return INTERACTION_EXPIRIES[-1][0]


def ladder_markdown() -> str:
    """The ladder as a Markdown table: README and code of conduct are checked against it."""
    rows = ["| step | name | ledger label | what it means |", "|---|---|---|---|"]
    rows += [f"| {r.step.value} | {r.title} (`{r.name}`) | `{r.label}` | {r.meaning} |"
             for r in LADDER]
    return "\n".join(rows)
