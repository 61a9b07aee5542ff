"""Pure decisions of the expert programme (no I/O): measure, notices, grace, revocation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from governance.experts.activity import Contribution, Kind, measure
from governance.experts.months import Month, Window
from governance.experts.policy import (
    CloseGrace,
    Members,
    RevokeExpert,
    SendExpertNotice,
    candidates,
    plan_sweep,
    window_to_read,
)
from governance.experts.records import Channel, Closing, Notice, Outcome, Records, decode, encode
from governance.model import Skip
from tests.builders import config

SETTINGS = config(experts={"enabled": True, "team": "acme/experts", "minimum": 10,
                           "label": "acme/triagers"}).experts
NOV = Month(2026, 11)
DEC_1 = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
TEAM = Members(team=frozenset({"ada", "bob"}))


def helped(login: str, n: int, kind: Kind = Kind.DISCUSSION_COMMENT, *,
           day: datetime = datetime(2026, 11, 10, tzinfo=UTC), **kw: object) -> list[Contribution]:
    return [Contribution(login, kind, day + timedelta(minutes=i), "acme/widgets", **kw)  # type: ignore[arg-type]
            for i in range(n)]


def notice(login: str, month: Month = NOV, at: datetime = DEC_1) -> Notice:
    grace = Window(datetime(at.year, at.month, at.day, tzinfo=UTC),
                   datetime(at.year, at.month, at.day, tzinfo=UTC) + timedelta(days=30))
    return Notice(login, month, at, grace, 2.0, 10.0, Channel.EMAIL)


# ------------------------------------------------------------------------- measure


def test_weights_apply_per_kind() -> None:
    found = helped("ada", 2, Kind.ANSWER) + helped("ada", 3, Kind.REVIEW)
    tally = measure(found, NOV.window, SETTINGS.weights)["ada"]
    assert tally.score == 2 * 3 + 3 * 1
    assert tally.count(Kind.ANSWER) == 2


def test_hidden_bot_and_own_thread_activity_does_not_count() -> None:
    found = (helped("ada", 4, hidden=True) + helped("ada", 4, thread_author="ADA")
             + helped("dependabot[bot]", 5, bot=True) + helped("ada", 1))
    tallies = measure(found, NOV.window, SETTINGS.weights)
    assert tallies["ada"].score == 1
    assert "dependabot[bot]" not in tallies


def test_activity_outside_the_month_does_not_count() -> None:
    found = (helped("ada", 5, day=datetime(2026, 10, 31, 23, 0, tzinfo=UTC))
             + helped("ada", 1, day=datetime(2026, 12, 1, tzinfo=UTC)))
    assert measure(found, NOV.window, SETTINGS.weights) == {}


# --------------------------------------------------------------------------- sweep


def test_expert_over_the_minimum_gets_nothing() -> None:
    plan = plan_sweep(DEC_1, SETTINGS, Members(frozenset({"ada"})), Records(),
                      helped("ada", 10))
    assert [type(a) for a in plan.actions] == [Skip]


def test_expert_under_the_minimum_gets_one_notice_with_the_deadline() -> None:
    plan = plan_sweep(DEC_1, SETTINGS, TEAM, Records(), helped("ada", 10) + helped("bob", 4))
    (action,) = plan.effective
    assert isinstance(action, SendExpertNotice)
    assert (action.notice.login, action.notice.month, action.notice.score) == ("bob", NOV, 4)
    assert action.notice.grace == Window(datetime(2026, 12, 1, tzinfo=UTC),
                                         datetime(2026, 12, 31, tzinfo=UTC))
    assert "grace until the end of 2026-12-30 UTC" in action.summary()


def test_rerunning_after_the_notice_changes_nothing() -> None:
    records = Records((notice("bob"),))
    later = DEC_1 + timedelta(days=3)
    plan = plan_sweep(later, SETTINGS, TEAM, records, helped("ada", 10))
    assert plan.effective == ()


def test_expert_who_reengages_within_grace_is_kept() -> None:
    records = Records((notice("bob"),))
    at = datetime(2027, 1, 1, 6, tzinfo=UTC)
    december = helped("bob", 10, day=datetime(2026, 12, 20, tzinfo=UTC))
    ada = helped("ada", 10, day=at - timedelta(days=5))
    plan = plan_sweep(at, SETTINGS, TEAM, records, december + ada)
    (action,) = plan.effective
    assert isinstance(action, CloseGrace)
    assert action.closing.outcome is Outcome.KEPT and action.closing.score == 10


def test_expert_still_inactive_at_the_deadline_is_revoked() -> None:
    records = Records((notice("bob"),))
    at = datetime(2027, 1, 1, 6, tzinfo=UTC)
    plan = plan_sweep(at, SETTINGS, TEAM, records,
                      helped("bob", 3, day=datetime(2026, 12, 5, tzinfo=UTC))
                      + helped("ada", 10, day=datetime(2026, 12, 5, tzinfo=UTC)))
    (action,) = plan.effective
    assert isinstance(action, RevokeExpert)
    assert action.team == "acme/experts" and action.role == "acme/triagers"
    assert action.closing.outcome is Outcome.REVOKED
    assert action.closing.removed_from == ("acme/experts", "acme/triagers")
    assert action.public  # leaving the team is visible on GitHub


def test_grace_that_has_not_ended_is_left_alone() -> None:
    records = Records((notice("bob"),))
    plan = plan_sweep(datetime(2026, 12, 30, 23, tzinfo=UTC), SETTINGS, TEAM, records,
                      helped("ada", 10))
    assert plan.effective == ()


def test_the_month_a_grace_period_judges_gets_no_second_notice() -> None:
    # a notice sent 15 December: its grace runs into January, so December is covered
    records = Records((notice("bob", NOV, datetime(2026, 12, 15, tzinfo=UTC)),))
    plan = plan_sweep(datetime(2027, 1, 2, tzinfo=UTC), SETTINGS, TEAM, records,
                      helped("ada", 10, day=datetime(2026, 12, 2, tzinfo=UTC)))
    assert plan.effective == ()


def test_someone_who_left_the_team_has_their_grace_closed_without_removal() -> None:
    records = Records((notice("bob"),))
    plan = plan_sweep(datetime(2027, 1, 1, 6, tzinfo=UTC), SETTINGS,
                      Members(frozenset({"ada"})), records,
                      helped("ada", 10, day=datetime(2026, 12, 5, tzinfo=UTC)))
    (action,) = plan.effective
    assert isinstance(action, CloseGrace) and action.closing.outcome is Outcome.LEFT


def test_listed_expert_revocation_asks_maintainers_and_then_keeps_them_out() -> None:
    listed = Members(listed=frozenset({"cy"}))
    records = Records((notice("cy"),))
    at = datetime(2027, 1, 1, 6, tzinfo=UTC)
    (action,) = plan_sweep(at, SETTINGS, listed, records, []).effective
    assert isinstance(action, RevokeExpert) and action.listed and action.team == ""
    assert action.closing.listed and action.closing.removed_from == ("acme/triagers",)
    revoked = Records(records.notices, (action.closing,))
    assert listed.by_key(revoked) == {}
    assert plan_sweep(datetime(2027, 2, 1, tzinfo=UTC), SETTINGS, listed, revoked,
                      []).effective == ()


def test_window_to_read_covers_the_month_and_due_grace_periods() -> None:
    records = Records((notice("bob"),))
    at = datetime(2027, 1, 1, 6, tzinfo=UTC)
    assert window_to_read(records, at) == Window(datetime(2026, 12, 1, tzinfo=UTC),
                                                 datetime(2027, 1, 1, tzinfo=UTC))
    early = Records((notice("bob", NOV, datetime(2026, 11, 20, tzinfo=UTC)),))
    assert window_to_read(early, at).start == datetime(2026, 11, 20, tzinfo=UTC)


def test_grace_minimum_is_pro_rata_to_the_grace_length() -> None:
    short = config(experts={"minimum": 10, "grace_days": 15, "team": "acme/experts"}).experts
    records = Records((Notice("bob", NOV, DEC_1, Window(datetime(2026, 12, 1, tzinfo=UTC),
                                                        datetime(2026, 12, 16, tzinfo=UTC)),
                              0, 10),))
    plan = plan_sweep(datetime(2026, 12, 16, tzinfo=UTC), short, Members(frozenset({"bob"})),
                      records, helped("bob", 5, day=datetime(2026, 12, 3, tzinfo=UTC)))
    (action,) = plan.effective
    assert isinstance(action, CloseGrace) and action.closing.required == 5


# ---------------------------------------------------------------------- candidates


def test_candidates_are_the_most_helpful_non_experts() -> None:
    found = (helped("ada", 30) + helped("eve", 2, Kind.ANSWER) + helped("fin", 7)
             + helped("gus", 1, hidden=True))
    best = candidates(found, NOV, SETTINGS, ["ada"], limit=5)
    assert [(t.login, t.score) for t in best] == [("fin", 7), ("eve", 6)]


# ------------------------------------------------------------------------- records


def test_records_round_trip_through_the_hidden_marker() -> None:
    n = notice("bob")
    c = Closing("bob", NOV, DEC_1 + timedelta(days=30), Outcome.REVOKED, 3, 10, ("acme/experts",))
    text = f"some words\n\n{encode(n)}\n{encode(c)}"
    assert decode(text) == [n, c]
    assert decode("<!-- governance:experts:v1 {broken -->") == []


def test_records_deduplicate_by_person_and_month() -> None:
    records = Records.of([notice("bob"), notice("BOB"), notice("ada")])
    assert len(records.notices) == 2
    assert records.notice("Bob", NOV) is not None


def test_a_late_sweep_revokes_without_also_sending_a_notice() -> None:
    records = Records((notice("bob"),))  # grace ended 31 December; the sweep runs in February
    plan = plan_sweep(datetime(2027, 2, 5, tzinfo=UTC), SETTINGS, Members(frozenset({"bob"})),
                      records, [])
    assert [type(a) for a in plan.effective] == [RevokeExpert]
