"""`governance ledger report`: the transparency report from a seeded ledger with known
counts, its public version without any login or link, and publishing it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from governance.cli import main
from governance.ledger.state import (
    PersonState,
    incident_entry,
    note_entry,
    pardon_entry,
    review_entry,
)
from governance.ledger.transparency import month, quarter, report_markdown, transparency
from governance.model import (
    Category,
    Incident,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
    Step,
)
from tests.ledger_world import LEDGER, REPO, World, world_fixture  # noqa: F401

NOV = datetime(2026, 11, 1, tzinfo=UTC)


def day(n: float) -> datetime:
    return NOV + timedelta(days=n)


def seeded() -> list[PersonState]:
    """In November 2026: 4 steps (3 by the bot, 1 by a moderator), 1 pardon as a false
    positive of abuse.insult, 2 community reports (one decided after 6 hours), a spam wave
    review, an appeal (upheld); one step in September that the quarter and November leave out."""
    def step(login: str, key: str, at: datetime, category: Category | None, rule: str,
             s: Step, by: str = "bot") -> RecordIncident:
        return RecordIncident(login, Incident(key, at, category, (rule,), s,
                                              f"https://github.com/acme/widgets/issues/1#{key}",
                                              by=by), "rule")

    ann = PersonState("ann")
    for action in [step("ann", "a0", datetime(2026, 9, 3, tzinfo=UTC), Category.ABUSE,
                        "abuse.insult", Step.CORRECTION),
                   step("ann", "a1", day(1), Category.ABUSE, "abuse.insult", Step.WARNING)]:
        ann = ann.add(incident_entry(action, action.incident.at)) or ann
    ann = ann.add(pardon_entry(RecordPardon("ann", "p1", "a1", "mod", day(2),
                                            rule_ids=("abuse.insult",)), day(2))) or ann
    bob = PersonState("bob")
    bob = bob.add(review_entry(RecordReview("bob", "r1", "u", "reported by @carol: rude"),
                               day(3))) or bob
    moderator_ban = step("bob", "b1", day(3) + timedelta(hours=6), None, "moderator.ban",
                         Step.TEMPORARY_BAN, by="mod")
    bob = bob.add(incident_entry(moderator_ban, moderator_ban.incident.at)) or bob
    bob = bob.add(review_entry(RecordReview("bob", "appeal:b1:c9", "u", "appeal"), day(4))) or bob
    upheld = RecordNote("bob", "appeal-decided:b1", "Appeal upheld by @mod2: stands", "mod2",
                        day(5), resolves_reviews=True)
    bob = bob.add(note_entry(upheld, day(5))) or bob
    spammer = PersonState("spammer")
    for n, s in enumerate([Step.CORRECTION, Step.WARNING]):
        action = step("spammer", f"s{n}", day(5 + n), Category.SOLICITATION, "spam.link", s)
        spammer = spammer.add(incident_entry(action, action.incident.at)) or spammer
    spammer = spammer.add(review_entry(RecordReview("spammer", "wave:9", "u", "spam wave"),
                                       day(5))) or spammer
    dan = PersonState("dan")
    dan = dan.add(review_entry(RecordReview("dan", "r2", "u", "reported by @eve: spam"),
                               day(20))) or dan
    dan = dan.add(note_entry(RecordNote("dan", "n1", "seen", "bot", day(21)), day(21))) or dan
    return [ann, bob, spammer, dan]


def test_periods_are_quarters_and_months():
    q4 = quarter("2026-q4")
    assert (q4.name, q4.start, q4.end) == ("2026-Q4", datetime(2026, 10, 1, tzinfo=UTC),
                                           datetime(2027, 1, 1, tzinfo=UTC))
    assert quarter("2026-Q1").end == datetime(2026, 4, 1, tzinfo=UTC)
    assert month("2026-12").end == datetime(2027, 1, 1, tzinfo=UTC)
    for bad in ["2026-Q5", "Q4", "2026"]:
        with pytest.raises(ValueError, match="--period"):
            quarter(bad)
    with pytest.raises(ValueError, match="--month"):
        month("2026-13")


def test_the_report_counts_what_the_ledger_holds_in_the_period():
    report = transparency(seeded(), month("2026-11"))
    assert (report.reports, report.reports_decided) == (2, 1)
    assert report.median_to_decision == timedelta(hours=6)
    assert report.steps == {("abuse", "warning"): 1, ("moderator decision", "temporary-ban"): 1,
                            ("solicitation", "correction"): 1, ("solicitation", "warning"): 1}
    assert (report.automatic, report.by_moderators, report.pardons) == (3, 1, 1)
    assert report.false_positives == {"abuse.insult": 1}
    assert report.reviews == {"community report": 2, "appeal": 1, "spam wave": 1}
    assert (report.appeals, report.appeals_upheld, report.appeals_granted) == (1, 1, 0)
    assert report.reported_logins == ("bob", "dan")
    september = transparency(seeded(), quarter("2026-Q3"))
    assert september.steps == {("abuse", "correction"): 1} and september.reports == 0


def test_the_public_report_has_counts_and_no_login_or_link():
    text = report_markdown(transparency(seeded(), month("2026-11")), public=True)
    assert text == """# Moderation transparency report 2026-11

2026-11-01 to 2026-11-30 (UTC).

- Reports received from the community: 2 (1 decided; median time from report to decision: 6.0 h)
- Ladder steps taken: 4 (3 automatic, 1 by moderators)
- Steps undone by moderators (pardons): 1
- Appeals: 1 made; decided in the period: 1 upheld, 0 granted

## Steps per category and ladder step

| category | step | count |
|---|---|---|
| abuse | warning | 1 |
| moderator decision | temporary-ban | 1 |
| solicitation | correction | 1 |
| solicitation | warning | 1 |

## Review items by source

| source | count |
|---|---|
| community report | 2 |
| appeal | 1 |
| spam wave | 1 |

## False positives (the bot's steps pardoned) per rule

| rule | count |
|---|---|
| abuse.insult | 1 |
"""
    private = report_markdown(transparency(seeded(), month("2026-11")), public=False)
    assert private.startswith(text.rstrip()) and "People reported: @bob, @dan" in private


async def cli(world: World, *argv: str) -> int:
    env = {"GITHUB_API_URL": world.fake.url, "GITHUB_TOKEN": "test-token"}
    return await asyncio.to_thread(main, list(argv), env)


async def test_report_and_publish_through_the_cli(world: World, capsys):
    await world.incident(world.post("you are an idiot", "mallory"))
    world.post("buy cheap followers at my shop", "seller")
    await world.command("/coc report spam", "reader")
    world.clock.advance(hours=3)
    await world.command("/coc ban @seller 3d spam", "maintainer")

    assert await cli(world, "ledger", "report", "--month", "2026-11", "--ledger", LEDGER) == 0
    private = capsys.readouterr().out
    assert "median time from report to decision: 3.0 h" in private
    assert "| abuse | correction | 1 |" in private
    assert "| moderator decision | temporary-ban | 1 |" in private
    assert "People reported: @seller" in private

    assert await cli(world, "ledger", "report", "--period", "2026-Q4", "--ledger", LEDGER,
                     "--publish", f"{REPO}:docs/transparency/2026-Q4.md") == 0
    assert "published the public report for 2026-Q4" in capsys.readouterr().out
    published = world.fake.repo(REPO).files["docs/transparency/2026-Q4.md"].text
    assert "Reports received from the community: 1 (1 decided" in published
    for secret in ("@", "mallory", "seller", "reader", "https://"):
        assert secret not in published

    assert await cli(world, "ledger", "report", "--period", "2026-Q9", "--ledger", LEDGER) == 1
    assert "--period: expected a quarter" in capsys.readouterr().err


def test_the_median_of_an_even_count_lies_between_the_middle_two():
    from governance.ledger.transparency import _median

    hours = [timedelta(hours=h) for h in (8, 2, 4, 6)]
    assert _median(hours) == timedelta(hours=5)
    assert _median(hours[:3]) == timedelta(hours=4)
    assert _median([]) is None
