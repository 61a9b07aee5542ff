"""Recognition respects the ladder: a merged PR by someone under an active ban, or with a
recent step, is held with a review item; ``/coc reward release`` sends it (through the real
reward flow and SMTP), ``/coc reward drop`` drops it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from governance import runtime
from governance.deployment import Deployment
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import (
    Association,
    Category,
    HoldReward,
    Incident,
    PersonRecord,
    Plan,
    RecordIncident,
    RecordReview,
    Reward,
    Step,
)
from governance.policy.commands import parse_command
from governance.policy.recognition import held
from governance.rewards.held import held_path
from governance.rewards.usecases import reward_handlers
from governance.service import Service
from tests.builders import config, event
from tests.rewards_world import LEDGER, REPO, RewardWorld

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ALEX = "alex@example.org"
REWARD = Reward("alex", REPO, 12, "100", f"https://github.com/{REPO}/pull/12")


def record(step: Step, days_ago: float, until_days: float | None = None) -> PersonRecord:
    at = NOW - timedelta(days=days_ago)
    until = at + timedelta(days=until_days) if until_days is not None else None
    return PersonRecord("alex", (Incident("k1", at, Category.ABUSE, ("abuse.insult",), step,
                                          "u", expires_at=until),))


def plan() -> Plan:
    return Plan("k", (REWARD,), ("merged",), None, False)


def test_an_active_ban_or_a_recent_step_holds_the_reward_and_an_old_step_does_not():
    cfg = config(recognition={"hold_if_step_within_days": 30})
    banned = held(plan(), record(Step.TEMPORARY_BAN, 40, until_days=60), cfg, NOW)
    hold, review = banned.actions
    assert isinstance(hold, HoldReward) and hold.reward == REWARD
    assert hold.reason == "the author is under an active ban"
    assert isinstance(review, RecordReview) and review.key == "reward-hold:acme/widgets#12"
    assert "`/coc reward release acme/widgets#12`" in review.reason
    recent = held(plan(), record(Step.CORRECTION, 10), cfg, NOW)
    assert recent.actions[0].reason == "the author had a correction on 2026-11-10"
    assert held(plan(), record(Step.CORRECTION, 31), cfg, NOW).actions == (REWARD,)
    assert held(plan(), record(Step.TEMPORARY_BAN, 40, until_days=7), cfg, NOW).actions \
        == (REWARD,)  # the ban ran out long ago
    only_bans = config(recognition={"hold_if_step_within_days": 0})
    assert held(plan(), record(Step.WARNING, 1), only_bans, NOW).actions == (REWARD,)


def test_the_reward_command_names_an_answer_and_a_pull_request():
    command = parse_command("/coc reward release acme/widgets#12")
    assert (command.reason, command.ref, command.error) == ("release", "acme/widgets#12", "")
    for bad in ["/coc reward", "/coc reward send acme/widgets#12", "/coc reward drop widgets#3"]:
        assert parse_command(bad).error == "/coc reward needs release or drop and owner/repo#N"


def wired(w: RewardWorld) -> Service:
    return Service(Deployment(w.github, w.clock, mailer=w.mailer,
                              ledger_for=runtime.ledger_for(w.github, w.clock),
                              handlers_for=lambda d, _left: reward_handlers(w.deps(),
                                                                            d.ledger_for)))


async def banned(w: RewardWorld, login: str) -> None:
    until = w.clock.now() + timedelta(days=5)
    incident = Incident("ban1", w.clock.now() - timedelta(days=2), Category.ABUSE,
                        ("abuse.insult",), Step.TEMPORARY_BAN, "u", expires_at=until)
    await GitHubLedger(w.github, LEDGER, w.clock).record_incident(
        RecordIncident(login, incident, "rule"))


async def say(w: RewardWorld, service: Service, body: str, login: str) -> None:
    issue = w.fake.add_issue(REPO, title="Rewards")
    posted = w.fake.add_comment(REPO, issue.number, body, author=login)
    await service.handle_event(event(body, login=login, association=Association.MEMBER,
                                     number=issue.number, node_id=posted.node_id,
                                     rest_id=posted.id))


async def test_a_held_reward_is_released_by_a_moderator_and_sent_once(
        reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.set_permission(REPO, "maintainer", "maintain")
    number = w.merged_pr("alex", emails=(ALEX,))
    await banned(w, "alex")
    service = wired(w)

    outcome = await service.handle("pull_request", w.payload("alex", number))
    assert outcome.done == ("hold_reward", "record_review")
    assert w.smtp.messages == [] and w.claims() == []
    kept = json.loads(w.fake.repo(LEDGER).files[held_path(REPO, number)].text)
    assert (kept["login"], kept["tier"], kept["status"]) == ("alex", "100", "held")
    state = await GitHubLedger(w.github, LEDGER, w.clock).state_for("alex")
    assert [e.key for e in state.open_reviews()] == [f"reward-hold:{REPO}#{number}"]

    await say(w, service, f"/coc reward release {REPO}#{number}", "alex")  # not a moderator
    assert w.smtp.messages == []
    await say(w, service, f"/coc reward release {REPO}#{number}", "maintainer")
    (mail,) = w.smtp.messages
    assert mail.rcpt_tos == (ALEX,) and w.claim(number).state.value == "thanked"
    kept = json.loads(w.fake.repo(LEDGER).files[held_path(REPO, number)].text)
    assert (kept["status"], kept["by"]) == ("released", "maintainer")
    state = await GitHubLedger(w.github, LEDGER, w.clock).state_for("alex")
    assert state.open_reviews() == ()
    assert any("released by @maintainer" in e.get("text")
               for e in state.of_kind(EntryKind.NOTE))

    await say(w, service, f"/coc reward release {REPO}#{number}", "maintainer")
    assert len(w.smtp.messages) == 1


async def test_a_dropped_reward_is_never_sent(reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.set_permission(REPO, "maintainer", "maintain")
    number = w.merged_pr("alex", emails=(ALEX,))
    await banned(w, "alex")
    service = wired(w)
    await service.handle("pull_request", w.payload("alex", number))

    await say(w, service, f"/coc reward drop {REPO}#{number}", "maintainer")
    await say(w, service, f"/coc reward release {REPO}#{number}", "maintainer")

    assert w.smtp.messages == [] and w.claims() == []
    kept = json.loads(w.fake.repo(LEDGER).files[held_path(REPO, number)].text)
    assert kept["status"] == "dropped"
