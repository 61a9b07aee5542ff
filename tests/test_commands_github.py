"""/coc commands end to end: the real adapter against the contract-checking fake GitHub."""

from __future__ import annotations

from datetime import timedelta

import pytest

from governance.coc import handle_command
from governance.ledger.state import EntryKind
from tests.ledger_world import LEDGER, ORG, World, world_fixture  # noqa: F401  (the world fixture)

MODERATOR_COMMANDS = ["/coc hide", "/coc unhide", "/coc warn @mallory rude",
                      "/coc ban @mallory 7d rude", "/coc unban @mallory",
                      "/coc pardon @mallory", "/coc note @mallory spoke to them"]


@pytest.fixture
def abusive(world: World):
    """A comment by mallory that is still visible."""
    return world.post("you are all idiots", "mallory")


@pytest.mark.parametrize("body", MODERATOR_COMMANDS)
async def test_a_reader_changes_nothing(world: World, abusive, body):
    before = len(world.fake.writes)
    plan = await world.command(body, "reader")
    assert "may not use" in plan.reasons[0]
    assert world.fake.writes[before:] == []  # no hide, block, or ledger write at all
    assert world.fake.orgs[ORG].blocks == set()
    assert not world.fake.repo(LEDGER).files


async def test_the_moderators_team_counts_as_moderators(world: World, abusive):
    await world.command("/coc hide", "modteam")
    assert world.fake.comments[abusive.node_id].minimized_as == "ABUSE"


async def test_hide_hides_the_previous_comment_and_the_command_and_keeps_the_text(world, abusive):
    plan = await world.command("/coc hide spam links", "maintainer")
    command_node = plan.key.removeprefix("coc-command:")
    assert world.fake.comments[abusive.node_id].minimized_as == "SPAM"
    assert world.fake.comments[command_node].minimized_as == "RESOLVED"
    state = await world.state("mallory")
    (note,) = state.of_kind(EntryKind.NOTE)
    assert note.get("original_text") == "you are all idiots"
    # the confirmation goes to the ledger, never to the thread
    thread = world.fake.comments_on("acme/widgets", world.thread)
    assert [c.author for c in thread] == ["mallory", "maintainer"]


async def test_a_quote_reply_picks_the_quoted_comment(world: World, abusive):
    world.post("I disagree politely", "bob")
    await world.command("> you are all idiots\n\n/coc hide", "maintainer")
    assert world.fake.comments[abusive.node_id].minimized_as == "ABUSE"


async def test_unhide_restores_bot_hidden_content_as_a_false_positive(world: World, abusive):
    await world.incident(abusive)
    assert world.fake.comments[abusive.node_id].minimized_as == "ABUSE"
    await world.command("/coc unhide quoting the bug report", "maintainer")
    assert world.fake.comments[abusive.node_id].minimized_as is None
    record = (await world.state("mallory")).record()
    assert record.incidents[0].false_positive and record.current_step().name == "NONE"


async def test_warn_records_a_warning_and_notifies_in_the_ledger(world: World):
    await world.command("/coc warn @mallory be civil", "maintainer")
    state = await world.state("mallory")
    (incident,) = state.of_kind(EntryKind.INCIDENT)
    assert (incident.get("step"), incident.by) == ("warning", "maintainer")
    assert "coc:warning" in world.person_issue("mallory").labels
    assert any("Warning" in n.get("text") for n in state.of_kind(EntryKind.NOTE))


async def test_ban_blocks_and_unban_lifts(world: World):
    await world.command("/coc ban @mallory 3d spam", "maintainer")
    assert "mallory" in world.fake.orgs[ORG].blocks
    state = await world.state("mallory")
    (ban,) = state.of_kind(EntryKind.INCIDENT)
    assert ban.get("expires_at") == (world.clock.now() + timedelta(days=3)).isoformat()
    await world.command("/coc unban @mallory", "maintainer")
    assert "mallory" not in world.fake.orgs[ORG].blocks
    assert (await world.state("mallory")).record().incidents[0].lifted_at is not None


async def test_note_is_kept_and_closes_review_items(world: World, abusive):
    await world.command("/coc report insults", "bystander")
    assert "coc:review" in world.person_issue("mallory").labels
    await world.command("/coc note @mallory reviewed: a joke between friends", "maintainer")
    assert "coc:review" not in world.person_issue("mallory").labels


async def test_anyone_can_report_and_the_report_is_hidden(world: World, abusive):
    plan = await world.command("/coc report they insult everyone", "bystander")
    command_node = plan.key.removeprefix("coc-command:")
    assert world.fake.comments[command_node].minimized_as == "RESOLVED"
    assert world.fake.comments[abusive.node_id].minimized_as is None  # moderators decide
    (review,) = (await world.state("mallory")).open_reviews()
    assert "@bystander" in review.get("reason")
    assert review.get("original_text") == "you are all idiots"


async def test_a_redelivered_command_is_carried_out_once(world: World, abusive):
    event = world.post("/coc ban @mallory 7d", "maintainer")
    for _ in range(2):
        await handle_command(event, world.config, world.github, world.ledger, world.clock.now())
    state = await world.state("mallory")
    assert len(state.of_kind(EntryKind.INCIDENT)) == 1
    assert len(world.fake.requests("PUT", r"/orgs/acme/blocks/mallory")) == 1


async def test_a_redelivered_pardon_does_not_pardon_a_second_step(world: World):
    await world.command("/coc warn @mallory one", "maintainer")
    await world.command("/coc ban @mallory 7d two", "maintainer")
    event = world.post("/coc pardon @mallory", "maintainer")
    for _ in range(2):
        await handle_command(event, world.config, world.github, world.ledger, world.clock.now())
    record = (await world.state("mallory")).record()
    assert [i.pardoned for i in record.incidents] == [False, True]


async def test_edited_commands_are_not_carried_out(world: World, abusive):
    from dataclasses import replace

    event = replace(world.post("/coc hide", "maintainer"), action="edited")
    plan = await handle_command(event, world.config, world.github, world.ledger,
                                world.clock.now())
    assert "edited" in plan.reasons[0]
    assert world.fake.comments[abusive.node_id].minimized_as is None


async def test_dry_run_decides_but_changes_nothing(world: World, abusive):
    before = len(world.fake.writes)
    event = world.post("/coc ban @mallory 7d", "maintainer")
    plan = await handle_command(event, world.config, world.github, world.ledger,
                                world.clock.now(), dry_run=True)
    assert plan.dry_run and [a.kind for a in plan.actions][:2] == ["block_user",
                                                                    "record_incident"]
    assert world.fake.writes[before:] == []


async def test_without_a_ledger_commands_are_not_carried_out(world: World, abusive):
    event = world.post("/coc report insults", "bystander")
    plan = await handle_command(event, world.config, world.github, None, world.clock.now())
    assert "no ledger repository" in plan.reasons[0]
    assert world.fake.comments[event.node_id].minimized_as is None


async def test_a_missing_moderators_team_grants_nothing(world: World, abusive):
    from dataclasses import replace

    from governance.config.types import Ledger

    world.config = replace(world.config, ledger=Ledger(LEDGER, f"{ORG}/no-such-team"))
    plan = await world.command("/coc hide", "modteam")
    assert "may not use" in plan.reasons[0]
    assert world.fake.comments[abusive.node_id].minimized_as is None
