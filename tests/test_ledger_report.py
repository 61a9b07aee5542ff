"""`governance ledger show` and `governance ledger stats`: pure renderers and the loaders."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from governance.ledger import report
from governance.ledger.state import PersonState, incident_entry, pardon_entry, review_entry
from governance.model import (
    Category,
    Incident,
    RecordIncident,
    RecordPardon,
    RecordReview,
    Step,
)
from tests.ledger_world import World, world_fixture  # noqa: F401  (the world fixture)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def person(login: str, *incidents: tuple[str, Step, str, int], pardon: str = "",
           review: bool = False) -> PersonState:
    """incidents: (key, step, rule, days ago); ``pardon``: key pardoned by a moderator."""
    state = PersonState(login)
    for key, step, rule, days in incidents:
        at = NOW - timedelta(days=days)
        expires = at + timedelta(days=7) if step is Step.TEMPORARY_BAN else None
        incident = Incident(key, at, Category.ABUSE if rule.startswith("abuse") else
                            Category.SOLICITATION, (rule,), step, f"https://github.com/a/b/{key}",
                            expires_at=expires)
        state = state.add(incident_entry(RecordIncident(login, incident, "rule"), at)) or state
    if pardon:
        state = state.add(pardon_entry(RecordPardon(login, f"p-{pardon}", pardon, "mod", NOW,
                                                    rule_ids=()), NOW)) or state
    if review:
        state = state.add(review_entry(RecordReview(login, "r1", "u", "why"), NOW)) or state
    return state


STATES = [
    person("ann", ("a1", Step.CORRECTION, "abuse.insult", 40), ("a2", Step.WARNING,
                                                                 "abuse.insult", 10),
           pardon="a2"),
    person("bob", ("b1", Step.CORRECTION, "spam.link", 3),
           ("b2", Step.TEMPORARY_BAN, "spam.link", 2), review=True),
    person("cyd", ("c1", Step.PERMANENT_BAN, "abuse.threat", 1)),
]


def test_stats_count_incidents_steps_false_positives_and_bans():
    stats = report.ledger_stats(STATES, NOW)
    assert stats.by_category == {"abuse": 3, "solicitation": 2}
    assert stats.by_rule == {"abuse.insult": 2, "spam.link": 2, "abuse.threat": 1}
    assert stats.steps == {"correction": 2, "warning": 1, "temporary-ban": 1, "permanent-ban": 1}
    insult = next(r for r in stats.false_positives if r.rule == "abuse.insult")
    assert (insult.incidents, insult.false_positives, insult.rate) == (2, 1, 0.5)
    assert [(b.login, b.step) for b in stats.bans] == [("bob", Step.TEMPORARY_BAN),
                                                       ("cyd", Step.PERMANENT_BAN)]
    assert [b.login for b in stats.expiring()] == ["bob"]
    assert stats.open_reviews == 1


def test_since_limits_the_incidents_counted():
    stats = report.ledger_stats(STATES, NOW, report.parse_since("30d"))
    assert stats.by_rule["abuse.insult"] == 1


def test_text_and_json_agree():
    stats = report.ledger_stats(STATES, NOW)
    text = report.stats_text(stats)
    data = report.stats_json(stats)
    assert "abuse.insult" in text and "50%" in text and "permanent" in text
    assert json.loads(json.dumps(data))["false_positives"][0] == {
        "rule": "abuse.insult", "incidents": 2, "false_positives": 1, "rate": 0.5}
    assert data["bans"][0]["expiring"] is True


@pytest.mark.parametrize("bad", ["30", "d30", "1y", ""])
def test_since_needs_a_duration(bad):
    with pytest.raises(ValueError, match="--since"):
        report.parse_since(bad)


def test_show_lists_every_entry_without_the_original_text_in_json():
    state = person("bob", ("b1", Step.CORRECTION, "spam.link", 3), review=True)
    text = report.person_text(state, NOW)
    assert text.startswith("@bob: step correction, ban none, 1 open review items")
    data = report.person_json(state, NOW)
    assert [e["kind"] for e in data["entries"]] == ["incident", "review"]
    assert all("original_text" not in e for e in data["entries"])


async def test_loaders_read_the_ledger(world: World):
    await world.command("/coc warn @mallory rude", "maintainer")
    await world.command("/coc ban @bob 3d spam", "maintainer")
    state = await report.load_person(world.ledger, "@Mallory")
    assert state.login == "mallory" and state.record().current_step() is Step.WARNING
    stats = await report.load_stats(world.ledger, world.clock.now())
    assert stats.people == 2 and [b.login for b in stats.bans] == ["bob"]
