"""The ladder table and the escalation rule."""

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
