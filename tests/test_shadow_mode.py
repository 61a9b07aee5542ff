"""``mode: shadow`` and ``mode: review`` through the service on the fake GitHub, with a real
ledger and real SMTP: shadow decides as usual but writes only private shadow entries; review
turns every would-be action into a review item; ``act`` is unchanged; and
``governance ledger shadow`` summarises the shadow entries as the scan's report and sheet."""

from __future__ import annotations

import asyncio
import csv
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from governance import runtime
from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.cli import main
from governance.deployment import Deployment
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import Association, ContentEvent, Reward
from governance.rewards.usecases import reward_handler
from governance.scan.shadow import SHADOW_PREFIX
from governance.service import Service
from tests.fake_smtp import SmtpFake
from tests.ledger_world import LEDGER, REPO, World, world_fixture  # noqa: F401  (fixture)
from tests.rewards_world import CONFIG_YAML as REWARD_CONFIG
from tests.rewards_world import LEDGER as REWARD_LEDGER
from tests.rewards_world import RewardWorld
from tests.scan_world import ABUSIVE, PHONE, PII, SPAM

CONFIG = f"""ledger:
  repository: {LEDGER}
ladder:
  max_automatic_step: permanent-ban
  correction_public_note: true
"""
# What hides, deletes, redacts, labels, locks, blocks or comments on the public repository.
PUBLIC_WRITE = ("minimizeComment", "deleteIssueComment", "deleteDiscussionComment",
                "updateIssueComment", "updateDiscussionComment", "addDiscussionComment",
                "lockLockable", "addLabelsToLabelable")


def public_writes(world: World) -> list[str]:
    """Writes the fake saw outside the ledger repository: REST calls to another repository's
    paths, and GraphQL mutations that hide, delete, edit, comment, label or lock."""
    out = []
    for call in world.fake.writes:
        if call.path.endswith("/graphql"):
            query = call.body.get("query", "") if isinstance(call.body, dict) else ""
            out += [m for m in PUBLIC_WRITE if m in query]
        elif not call.path.startswith(f"/repos/{LEDGER}/"):
            out.append(f"{call.method} {call.path}")
    return out


@pytest.fixture
def mailed(world: World, smtp_server: SmtpFake) -> World:
    world.mailer = SmtpMailer(SmtpSettings(smtp_server.host, smtp_server.port,
                                           "Conduct <conduct@example.org>", security="none"))
    for login in ("troll", "spammer", "doxxer"):
        world.fake.add_user(login, email=f"{login}@example.org")
    return world


def configured(world: World, mode: str) -> World:
    world.fake.add_file(REPO, ".github/governance.yml", f"mode: {mode}\n{CONFIG}")
    return world


def contributor(world: World, body: str, login: str) -> ContentEvent:
    event = world.post(body, login)
    return replace(event, author=replace(event.author, association=Association.CONTRIBUTOR))


async def three(world: World) -> list[ContentEvent]:
    """A spam comment, an abusive one and one with a phone number, each handled."""
    events = [contributor(world, SPAM, "spammer"), contributor(world, ABUSIVE, "troll"),
              contributor(world, PII, "doxxer")]
    for event in events:
        await world.service.handle_event(event)
        world.clock.advance(minutes=1)
    return events


async def test_shadow_mode_acts_nowhere_and_writes_shadow_entries(
        mailed: World, smtp_server: SmtpFake):
    events = await three(configured(mailed, "shadow"))

    assert public_writes(mailed) == []
    assert smtp_server.messages == []
    for event in events:
        comment = mailed.fake.comments[event.node_id]
        assert comment.minimized_as is None and comment.body == event.body
        state = await mailed.state(event.author.login)
        assert [e.kind for e in state.entries] == [EntryKind.NOTE]  # no step, no review item
        (entry,) = state.entries
        assert entry.key == SHADOW_PREFIX + event.version_key
        row = entry.get("shadow")
        assert row["url"] == event.html_url and row["decision"] == "act"
        assert entry.get("text").startswith("mode: shadow: nothing carried out")
    doxxer = (await mailed.state("doxxer")).entries[0]
    assert {"delete_comment", "block_user"} <= set(doxxer.get("shadow")["actions"])
    assert PHONE not in str(doxxer.get("shadow"))  # the row masks it; original_text keeps it
    troll = (await mailed.state("troll")).entries[0].get("shadow")
    assert troll["category"] == "abuse" and troll["step"]


async def test_a_redelivery_in_shadow_mode_writes_nothing_more(mailed: World):
    (spam, *_) = await three(configured(mailed, "shadow"))
    writes = len(mailed.fake.writes)
    await mailed.service.handle_event(spam)
    assert len(mailed.fake.writes) == writes


async def test_benign_content_in_shadow_mode_costs_no_ledger_write(mailed: World):
    configured(mailed, "shadow")
    await mailed.service.handle_event(contributor(mailed, "Thanks, the fix works here.", "ann"))
    assert mailed.fake.writes == []


async def test_review_mode_opens_review_items_and_nothing_public(
        mailed: World, smtp_server: SmtpFake):
    events = await three(configured(mailed, "review"))

    assert public_writes(mailed) == []
    assert smtp_server.messages == []
    for event in events:
        state = await mailed.state(event.author.login)
        (review,) = state.open_reviews()
        assert review.key == event.node_id
        assert review.get("reason").startswith("mode: review")
        assert not state.of_kind(EntryKind.INCIDENT)


async def test_act_mode_is_unchanged(mailed: World, smtp_server: SmtpFake):
    events = await three(configured(mailed, "act"))

    spam, abuse = (mailed.fake.comments[e.node_id] for e in events[:2])
    assert spam.minimized_as is not None and abuse.minimized_as is not None
    assert events[2].node_id not in mailed.fake.comments  # the phone number's comment: deleted
    assert smtp_server.messages  # and its author told
    assert (await mailed.state("troll")).of_kind(EntryKind.INCIDENT)
    assert not [e for e in (await mailed.state("troll")).entries
                if e.key.startswith(SHADOW_PREFIX)]
    assert public_writes(mailed)


async def cli(world: World, *argv: str) -> int:
    env = {"GITHUB_API_URL": world.fake.url, "GITHUB_TOKEN": "test-token"}
    return await asyncio.to_thread(main, list(argv), env)


async def test_ledger_shadow_summarises_the_shadow_entries(
        mailed: World, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    # the CLI dates --since by the system clock, so the ledger's entries are dated by it too
    mailed.clock.moment = datetime.now(UTC) - timedelta(days=10)  # outside --since 7d
    await mailed.service.handle_event(
        contributor(configured(mailed, "shadow"), ABUSIVE, "oldtroll"))
    mailed.clock.moment = datetime.now(UTC) - timedelta(hours=1)
    events = await three(mailed)
    sheet = tmp_path / "sheet.csv"

    assert await cli(mailed, "ledger", "shadow", "--since", "7d", "--ledger", LEDGER,
                     "--review-sheet", str(sheet)) == 0
    report = capsys.readouterr().out
    assert "# What governance would have done: shadow mode, ledger acme/coc-ledger" in report
    assert "would act on 3" in report
    assert all(e.html_url in report for e in events)
    assert "oldtroll" not in report
    assert PHONE not in report and "[redacted]" in report
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert sorted(r["author"] for r in rows) == ["doxxer", "spammer", "troll"]
    assert {r["kind"] for r in rows} == {"action"} and {r["correct"] for r in rows} == {""}

    assert await cli(mailed, "ledger", "shadow", "--since", "30d", "--ledger", LEDGER,
                     "--format", "csv") == 0
    assert "oldtroll" in capsys.readouterr().out


async def test_a_reward_in_shadow_mode_is_a_shadow_note_and_nothing_else(
        reward_world: RewardWorld):
    w = reward_world
    w.set_config(f"mode: shadow\n{REWARD_CONFIG}")
    number = w.merged_pr("alex", emails=("alex@example.org",))
    service = Service(Deployment(w.github, w.clock, mailer=w.mailer,
                                 ledger_for=runtime.ledger_for(w.github, w.clock),
                                 handlers_for=lambda _d, _left: {Reward: reward_handler(w.deps())}))

    outcome = await service.handle("pull_request", w.payload("alex", number))

    assert outcome.done == ("record_note",)
    assert w.smtp.messages == [] and w.claims() == [] and w.comments(number) == []
    state = await GitHubLedger(w.github, REWARD_LEDGER, w.clock).state_for("alex")
    (note,) = state.entries
    assert note.key.startswith(SHADOW_PREFIX) and "reward @alex" in note.get("text")
