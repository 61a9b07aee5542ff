"""The ladder table and the escalation rule."""

import re
from datetime import timedelta

import pytest

from governance.config.types import STEP_NAMES
from governance.model import Association, Category, Incident, PersonRecord, RuleHit, Step
from governance.policy import ladder
from tests.builders import NOW, config

POLICY = config().ladder


def record(*steps: Step, days_ago: int = 1, pardoned: bool = False) -> PersonRecord:
    return PersonRecord("p", tuple(
        Incident(f"k{i}", NOW - timedelta(days=days_ago), Category.ABUSE, ("r",), s,
                 pardoned=pardoned) for i, s in enumerate(steps)))


def test_table_covers_every_step_once_in_order():
    assert [r.step for r in ladder.LADDER] == [Step.CORRECTION, Step.WARNING,
                                               Step.TEMPORARY_BAN, Step.PERMANENT_BAN]
    assert {r.name for r in ladder.LADDER} == set(STEP_NAMES)
    assert all(r.label == f"coc:{r.name}" for r in ladder.LADDER)


@pytest.mark.parametrize(("history", "expected"), [
    ((), Step.CORRECTION),
    ((Step.CORRECTION,), Step.WARNING),
    ((Step.CORRECTION, Step.WARNING), Step.TEMPORARY_BAN),
])
def test_each_incident_climbs_one_step(history, expected):
    step = ladder.next_step(record(*history), Category.ABUSE, (), Association.NONE, POLICY, NOW)
    assert step is expected


def test_automatic_steps_stop_at_the_configured_maximum():
    history = record(Step.CORRECTION, Step.WARNING, Step.TEMPORARY_BAN)
    step = ladder.next_step(history, Category.ABUSE, (), Association.NONE, POLICY, NOW)
    assert step is Step.TEMPORARY_BAN
    allowed = config(ladder={"max_automatic_step": "permanent-ban"}).ladder
    assert ladder.next_step(history, Category.ABUSE, (), Association.NONE, allowed, NOW) \
        is Step.PERMANENT_BAN


def test_old_and_pardoned_incidents_do_not_count():
    old = record(Step.WARNING, days_ago=POLICY.window_days + 1)
    assert ladder.next_step(old, Category.ABUSE, (), Association.NONE, POLICY, NOW) \
        is Step.CORRECTION
    pardoned = record(Step.WARNING, pardoned=True)
    assert ladder.next_step(pardoned, Category.ABUSE, (), Association.NONE, POLICY, NOW) \
        is Step.CORRECTION


def test_severe_rules_start_at_a_temporary_ban():
    threat = (RuleHit("abuse.threat", Category.ABUSE, 0.95, severity=3),)
    step = ladder.next_step(record(), Category.ABUSE, threat, Association.NONE, POLICY, NOW)
    assert step is Step.TEMPORARY_BAN


def test_first_timer_spam_can_start_higher_when_configured():
    strict = config(ladder={"first_timer_spam": "permanent-ban",
                            "max_automatic_step": "permanent-ban"}).ladder
    first = ladder.next_step(record(), Category.SOLICITATION, (), Association.FIRST_TIMER,
                             strict, NOW)
    member = ladder.next_step(record(), Category.SOLICITATION, (), Association.CONTRIBUTOR,
                              strict, NOW)
    assert (first, member) == (Step.PERMANENT_BAN, Step.CORRECTION)


def test_temporary_bans_expire_after_the_configured_days():
    assert ladder.ban_expiry(Step.TEMPORARY_BAN, NOW, POLICY) == NOW + timedelta(days=7)
    assert ladder.ban_expiry(Step.PERMANENT_BAN, NOW, POLICY) is None


# ------------------------------------------------------------- the code of conduct


def coc_ladder_sections() -> dict[str, str]:
    """Heading -> text of each step under the template's "Enforcement ladder"."""
    from governance.scaffold import coc_template

    ladder_part = coc_template().split("## Enforcement ladder", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^### +(.+?) *$", ladder_part, flags=re.MULTILINE)
    return dict(zip(parts[1::2], (" ".join(t.split()) for t in parts[2::2]), strict=True))


def test_the_template_has_one_section_per_rung_in_ladder_order():
    from governance.messages import COC_SECTIONS

    assert list(coc_ladder_sections()) == [r.title for r in ladder.LADDER]
    assert all(COC_SECTIONS[r.name] == "#" + r.title.lower().replace(" ", "-")
               for r in ladder.LADDER)


def test_the_template_says_what_each_rung_does():
    sections = coc_ladder_sections()
    for r in ladder.LADDER:
        text = sections[r.title]
        bans = r.step in (Step.TEMPORARY_BAN, Step.PERMANENT_BAN)
        assert ("blocked from the organisation" in text) is bans, r.name
        assert ("lifts by itself" in text) is r.expires, r.name


def test_only_a_moderator_bans_permanently_unless_configured():
    assert POLICY.max_automatic_step < Step.PERMANENT_BAN
    assert "Unless the project configures otherwise, a permanent ban is only ever issued by " \
           "a moderator" in coc_ladder_sections()["Permanent ban"]


@pytest.mark.parametrize(("days", "expiry"), [
    (1, "one_day"), (2, "three_days"), (7, "one_week"), (8, "one_month"), (181, "six_months")])
def test_interaction_limits_cover_the_ban(days, expiry):
    assert ladder.interaction_expiry(timedelta(days=days)) == expiry
    assert ladder.interaction_expiry(None) == "six_months"
