"""Exactly once across crashes: the process dies at each point of the reward flow, the
next attempt (a redelivery within the lease, then the sweep after it) finishes the job."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from governance.adapters.codes_pool import PoolCodes
from governance.config.types import Config
from governance.rewards.claims import from_json, to_json
from governance.rewards.codes import CodeProvider
from governance.rewards.store import ClaimStore, IndexEntry
from governance.rewards.usecases import retry_pending
from tests.rewards_world import (
    CODES_100,
    LEDGER,
    REPO,
    RewardWorld,
    SimulatedCrash,
    reward_world,
)

__all__ = ["reward_world"]

ALEX = "alex@example.org"
Chooser = Callable[[Config], CodeProvider]

# Every point where a crash leaves durable state behind, in flow order.
CRASH_POINTS = [
    "claimed",  # the claim file exists, nothing else
    "after-find-email",  # the address is recorded
    "pool-written",  # the pool gave the code away, the claim does not know it yet
    "allocated",  # the provider answered, the claim does not know it yet
    "after-allocate",  # the claim holds the code
    "after-send",  # the claim says sent
    "commented",  # the thank-you is on the PR, the label and the claim are not
    "after-thank",  # everything is done
]


async def crash_then_recover(w: RewardWorld, point: str) -> int:
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    deps = w.deps()
    deps.codes_for = _pool_with_crash(w, deps.codes_for, point)
    w.crashes.armed.add(point)
    with pytest.raises(SimulatedCrash):
        await w.reward("first-pr-alex", number, deps)
    return number


def _pool_with_crash(w: RewardWorld, choose: Chooser, point: str) -> Chooser:
    """The pool provider, reporting the moment right after its write as a checkpoint."""
    def wrapped(config: Config) -> CodeProvider:
        provider = choose(config)
        assert isinstance(provider, PoolCodes)
        provider.after_write = lambda _key: w.crashes("pool-written")
        return provider
    return wrapped


@pytest.mark.parametrize("point", CRASH_POINTS)
async def test_a_crash_at_any_point_still_gives_one_email_one_code_one_comment(
        reward_world: RewardWorld, point: str) -> None:
    w = reward_world
    number = await crash_then_recover(w, point)

    # a redelivery right away finds the claim held by the dead worker and leaves it
    again = await w.reward("first-pr-alex", number)
    assert again.state in ("busy", "thanked")

    w.clock.advance(minutes=11)  # the dead worker's lease runs out
    await retry_pending(w.deps(), LEDGER)
    await w.reward("first-pr-alex", number)  # and a late redelivery changes nothing

    assert len(w.smtp.messages) == 1
    assert CODES_100[0] in w.smtp.messages[0].message.get_body(("plain",)).get_content()
    assert w.used_codes() == {CODES_100[0]: f"{REPO}#{number}"}
    assert len(w.comments(number)) == 1
    assert w.claim(number).state.value == "thanked"


async def test_crash_after_the_server_accepted_resends_the_same_code_recognisably(
        reward_world: RewardWorld) -> None:
    """The one window SMTP cannot close: accepted, then the process died before recording
    it. The retry sends again, with the same code and the same Message-ID."""
    w = reward_world
    number = await crash_then_recover(w, "mail-accepted")
    w.clock.advance(minutes=11)
    await retry_pending(w.deps(), LEDGER)

    first, second = w.smtp.messages
    assert first.message["Message-ID"] == second.message["Message-ID"]
    for mail in (first, second):
        assert CODES_100[0] in mail.message.get_body(("plain",)).get_content()
    assert w.used_codes() == {CODES_100[0]: f"{REPO}#{number}"}
    assert len(w.comments(number)) == 1
    claim = w.claim(number)
    assert (claim.state.value, claim.send_attempts) == ("thanked", 2)


async def test_crash_points_are_all_reached(reward_world: RewardWorld) -> None:
    """Guards the list above: a renamed checkpoint would make its crash test vacuous."""
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    deps = w.deps()
    deps.codes_for = _pool_with_crash(w, deps.codes_for, "")
    await w.reward("first-pr-alex", number, deps)
    assert set(CRASH_POINTS) | {"mail-accepted"} <= set(w.crashes.seen)


async def test_crash_between_index_entry_and_claim_is_finished_by_the_sweep(
        reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    key = f"{REPO}#{number}"
    path = f"rewards/claims/pr/acme/widgets/{number}.json"
    entry = IndexEntry(key, path, "first-pr-alex", REPO, number, "100",
                       f"https://github.com/{REPO}/pull/{number}", "claimed", "",
                       w.clock.now().isoformat())
    await ClaimStore(w.github, LEDGER).index_put(entry)  # and then the process died
    (outcome,) = await retry_pending(w.deps(), LEDGER)
    assert outcome.state == "thanked"
    assert len(w.smtp.messages) == 1 and len(w.comments(number)) == 1
    assert w.claim(number).path == path


async def test_a_worker_that_lost_its_claim_stops_and_the_new_holder_finishes(
        reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    path = f"rewards/claims/pr/acme/widgets/{number}.json"

    def taken_over(point: str) -> None:  # another worker leases the claim under our feet
        if point == "after-find-email":
            files = w.fake.repo(LEDGER).files
            claim = from_json(files[path].text).leased("other", w.clock.now(),
                                                        timedelta(minutes=10))
            w.fake.add_file(LEDGER, path, to_json(claim))

    deps = w.deps()
    deps.checkpoint = taken_over
    outcome = await w.reward("first-pr-alex", number, deps)
    assert outcome.state == "busy"
    assert w.smtp.messages == []  # its code stays reserved under the reward's key


    w.clock.advance(minutes=11)  # "other" died too; the sweep finishes
    (done,) = await retry_pending(w.deps(), LEDGER)
    assert done.state == "thanked" and len(w.smtp.messages) == 1
    assert w.used_codes() == {CODES_100[0]: f"{REPO}#{number}"}
