"""The private ledger on the contract-checking fake GitHub: the ladder, idempotency,
races, refusal of public repositories, the human view and dry-run."""

from __future__ import annotations

import asyncio
import json

import pytest

from governance.ledger import render
from governance.ledger.state import EntryKind, from_json
from governance.ledger.store import GitHubLedger, LedgerNotPrivate
from governance.model import RecordNote, RecordReview, Step
from governance.sweep import sweep_people
from tests.ledger_world import LEDGER, ORG, World, world_fixture  # noqa: F401  (the world fixture)


def steps(state) -> list[str]:
    return [e.get("step") for e in state.of_kind(EntryKind.INCIDENT)]


async def test_four_incidents_climb_the_whole_ladder_and_a_pardon_undoes_the_last(world: World):
    fake, clock = world.fake, world.clock
    first = world.post("you are an idiot and a clown", "mallory")
    await world.incident(first)
    assert fake.comments[first.node_id].minimized_as == "ABUSE"
    for days in (1, 1):
        clock.advance(days=days)
        await world.incident(world.post("still an idiot, all of you", "mallory"))
    assert "mallory" in fake.orgs[ORG].blocks  # third incident: temporary ban

    clock.advance(days=8)
    await sweep_people(world.github, world.ledger, clock.now(), dry_run=False)
    assert "mallory" not in fake.orgs[ORG].blocks

    clock.advance(days=1)
    fourth = world.post("idiots, the lot of you", "mallory")
    await world.incident(fourth)
    assert "mallory" in fake.orgs[ORG].blocks  # fourth: permanent ban

    clock.advance(days=1)
    await world.command("/coc pardon @mallory that was a quote from the bug report", "maintainer")

    state = await world.state("mallory")
    assert steps(state) == ["correction", "warning", "temporary-ban", "permanent-ban"]
    record = state.record()
    assert [i.pardoned for i in record.incidents] == [False, False, False, True]
    assert record.incidents[3].false_positive
    assert record.current_step() is Step.TEMPORARY_BAN
    assert "mallory" not in fake.orgs[ORG].blocks
    assert fake.comments[fourth.node_id].minimized_as is None  # restored

    issue = world.person_issue("mallory")
    assert issue.title == "Conduct record: @mallory"
    assert set(issue.labels) == {"coc:person", "coc-person:mallory", "coc:temporary-ban"}
    comments = fake.comments_on(LEDGER, issue.number)
    assert len(comments) == len(state.entries)  # one comment per entry, none twice
    assert "you are an idiot and a clown" in comments[0].body  # original hidden text kept
    assert "- **Ban:** none" in issue.body


async def test_the_state_file_is_the_authority_and_the_issue_carries_a_hidden_block(world):
    await world.incident(world.post("you are an idiot", "Mallory"))
    state_file = world.fake.repo(LEDGER).files["people/mallory.json"]
    data = json.loads(state_file.text)
    assert data["login"] == "Mallory" and data["revision"] >= 1
    issue = world.person_issue("mallory")
    hidden = issue.body.rsplit("<!-- coc-ledger ", 1)[1].removesuffix(" -->")
    assert json.loads(hidden)["step"] == "correction"
    assert from_json(state_file.text).record().current_step() is Step.CORRECTION


async def test_a_redelivered_event_adds_no_second_incident_or_comment(world: World):
    event = world.post("you are an idiot", "mallory")
    await world.incident(event)
    writes = len(world.fake.writes)
    plan = await world.incident(event)  # same delivery again
    state = await world.state("mallory")
    assert steps(state) == ["correction"]
    assert any("already recorded" in r for r in plan.reasons)
    issue = world.person_issue("mallory")
    # one incident comment + the correction notice kept in the ledger (no public email)
    assert len(world.fake.comments_on(LEDGER, issue.number)) == 2
    assert not [c for c in world.fake.writes[writes:] if "contents" in c.path]


async def test_the_same_action_twice_writes_the_state_once(world: World):
    review = RecordReview("ann", "IC_x", "https://github.com/acme/widgets/issues/1", "looks off")
    await world.ledger.record_review(review)
    await world.ledger.record_review(review)
    state = await world.state("ann")
    assert state.revision == 1 and len(state.open_reviews()) == 1
    assert "coc:review" in world.person_issue("ann").labels


async def test_two_incidents_in_the_same_second_neither_skip_nor_double_a_step(world: World):
    one = world.post("you idiot", "mallory")
    two = world.post("you moron", "mallory")
    await asyncio.gather(world.incident(one), world.incident(two))
    lost = [c for c in world.fake.requests("PUT", r"/repos/acme/coc-ledger/contents/.*")
            if c.status in (409, 422)]
    assert lost, "the two writes did not race; the test proves nothing"
    state = await world.state("mallory")
    assert sorted(steps(state)) == ["correction", "warning"]
    assert len(world.issues("coc-person:mallory")) == 1
    issue = world.person_issue("mallory")
    assert issue.state == "open" and "coc:warning" in issue.labels
    incident_comments = [c for c in world.fake.comments_on(LEDGER, issue.number)
                         if '"kind": "incident"' in c.body]
    assert len(incident_comments) == 2


async def test_two_replicas_writing_at_once_lose_no_entry(world: World, github):
    replica = GitHubLedger(github, LEDGER, world.clock)
    notes = [RecordNote("ann", f"n{i}", f"note {i}", "maintainer", world.clock.now())
             for i in range(4)]
    await asyncio.gather(*(ledger.record_note(n) for ledger, n in
                           zip([world.ledger, replica] * 2, notes, strict=True)))
    state = await world.state("ann")
    assert sorted(e.key for e in state.entries) == ["n0", "n1", "n2", "n3"]
    assert state.revision == 4
    issue = world.person_issue("ann")
    assert f"revision {state.revision})" in issue.body  # the view shows the latest state


async def test_a_public_ledger_repository_is_refused_before_any_write(world: World, github):
    world.fake.add_repo("acme/public-ledger", private=False)
    ledger = GitHubLedger(github, "acme/public-ledger", world.clock)
    with pytest.raises(LedgerNotPrivate, match="public"):
        await ledger.record_note(RecordNote("ann", "k", "text", "bot", world.clock.now()))
    assert world.fake.writes == []


async def test_a_crash_between_state_and_view_is_repaired_by_the_sweep(world: World):
    await world.ledger.record_note(RecordNote("ann", "k1", "first", "bot", world.clock.now()))
    state = await world.state("ann")
    # a writer died after its state write: an entry without its comment or label
    review = RecordReview("ann", "IC_y", "https://github.com/acme/widgets/issues/2", "check")
    from governance.ledger.state import review_entry, to_json

    newer = state.add(review_entry(review, world.clock.now()))
    sha = world.fake.repo(LEDGER).files["people/ann.json"].sha
    await world.github.write_file(LEDGER, "people/ann.json", to_json(newer), sha, "crash")
    world.clock.advance(minutes=10)
    await sweep_people(world.github, world.ledger, world.clock.now(), dry_run=False)
    issue = world.person_issue("ann")
    assert "coc:review" in issue.labels
    bodies = [c.body for c in world.fake.comments_on(LEDGER, issue.number)]
    assert sum("Review item" in b for b in bodies) == 1


def test_user_text_cannot_break_out_of_the_ledger_view():
    from datetime import UTC, datetime

    from governance.ledger.state import PersonState, review_entry

    now = datetime(2026, 1, 1, tzinfo=UTC)
    nasty = "```\n@everyone <!-- --> <script>x</script>\n````"
    state = PersonState("ann").add(review_entry(
        RecordReview("ann", "k", "https://x.test", "a -- b", original_text=nasty), now))
    assert state is not None
    comment = render.entry_comment(state.entries[0])
    assert "`````text\n" + nasty + "\n`````" in comment
    marker = comment.split("\n", 1)[0]
    assert marker.count("-->") == 1


def test_very_long_original_text_is_cut_to_fit_a_comment():
    from datetime import UTC, datetime

    from governance.ledger.state import PersonState, review_entry

    now = datetime(2026, 1, 1, tzinfo=UTC)
    state = PersonState("ann").add(review_entry(
        RecordReview("ann", "k", "https://x.test", "long", original_text="x" * 70_000), now))
    assert state is not None
    comment = render.entry_comment(state.entries[0])
    assert len(comment) < 65_536 and "cut short" in comment
    assert len(state.entries[0].get("original_text")) == 70_000  # the state keeps it all
