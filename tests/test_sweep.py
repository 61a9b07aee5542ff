"""The sweep: expired temporary bans are lifted once, by one replica or several."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from governance.ledger.state import EntryKind
from governance.model import Category, Incident, PersonRecord, RecordBanLifted, Skip, Step
from governance.model import UnblockUser as Unblock
from governance.policy.sweep import expired_bans, sweep_plan
from governance.sweep import sweep_people
from tests.ledger_world import ORG, World, world_fixture  # noqa: F401  (the world fixture)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
URL = "https://github.com/acme/widgets/issues/7#issuecomment-1"


def ban(key: str, step: Step, expires: datetime | None, **kw) -> Incident:
    return Incident(key, NOW - timedelta(days=8), Category.ABUSE, ("r",), step, URL,
                    expires_at=expires, **kw)


def test_only_expired_unlifted_unpardoned_bans_are_lifted():
    record = PersonRecord("m", (
        ban("a", Step.TEMPORARY_BAN, NOW - timedelta(hours=1)),
        ban("b", Step.TEMPORARY_BAN, NOW + timedelta(days=1)),
        ban("c", Step.TEMPORARY_BAN, NOW - timedelta(days=1), lifted_at=NOW),
        ban("d", Step.TEMPORARY_BAN, NOW - timedelta(days=1), pardoned=True),
    ))
    assert [i.key for i in expired_bans(record, NOW)] == ["a"]


def test_a_running_ban_keeps_the_block_but_the_expired_one_is_recorded():
    record = PersonRecord("m", (ban("a", Step.TEMPORARY_BAN, NOW - timedelta(hours=1)),
                                ban("p", Step.PERMANENT_BAN, None)))
    plan = sweep_plan(record, NOW, "fallback")
    assert plan is not None
    assert [type(a) for a in plan.actions] == [Skip, RecordBanLifted]


def test_the_block_is_lifted_in_the_organisation_of_the_incident():
    record = PersonRecord("m", (ban("a", Step.TEMPORARY_BAN, NOW),))
    plan = sweep_plan(record, NOW, "fallback")
    assert plan is not None and plan.actions[0] == Unblock("acme", "m")
    assert sweep_plan(PersonRecord("m"), NOW, "fallback") is None


async def banned(world: World) -> None:
    await world.command("/coc ban @mallory 2d spam", "maintainer")
    assert "mallory" in world.fake.orgs[ORG].blocks


async def test_nothing_happens_before_expiry(world: World):
    await banned(world)
    world.clock.advance(days=1)
    plans = await sweep_people(world.github, world.ledger, world.clock.now(), dry_run=False)
    assert plans == [] and "mallory" in world.fake.orgs[ORG].blocks


async def test_an_expired_ban_is_lifted_and_recorded_once(world: World):
    await banned(world)
    world.clock.advance(days=2, minutes=1)
    (plan,) = await sweep_people(world.github, world.ledger, world.clock.now(), dry_run=False)
    assert [a.kind for a in plan.actions] == ["unblock_user", "record_ban_lifted"]
    assert "mallory" not in world.fake.orgs[ORG].blocks
    writes = len(world.fake.writes)
    assert await sweep_people(world.github, world.ledger, world.clock.now(), dry_run=False) == []
    assert world.fake.writes[writes:] == []  # the second sweep changes nothing
    state = await world.state("mallory")
    assert len(state.of_kind(EntryKind.BAN_LIFTED)) == 1
    assert "- **Ban:** none" in world.person_issue("mallory").body


async def test_replicas_sweeping_at_once_lift_once(world: World):
    await banned(world)
    world.clock.advance(days=3)
    await asyncio.gather(*(sweep_people(world.github, world.ledger, world.clock.now(),
                                        dry_run=False) for _ in range(3)))
    state = await world.state("mallory")
    assert len(state.of_kind(EntryKind.BAN_LIFTED)) == 1
    assert "mallory" not in world.fake.orgs[ORG].blocks
    issue = world.person_issue("mallory")
    lifted = [c for c in world.fake.comments_on("acme/coc-ledger", issue.number)
              if "Ban lifted" in c.body]
    assert len(lifted) == 1


async def test_dry_run_sweep_only_reports(world: World):
    await banned(world)
    world.clock.advance(days=3)
    writes = len(world.fake.writes)
    (plan,) = await sweep_people(world.github, world.ledger, world.clock.now(), dry_run=True)
    assert plan.dry_run and "unblock @mallory in acme" in plan.render()
    assert world.fake.writes[writes:] == []
    assert "mallory" in world.fake.orgs[ORG].blocks


async def test_a_failed_record_is_logged_without_the_login(world: World, caplog):
    """The Action's log is public: the failure names nobody (the plan and ledger do)."""
    await banned(world)
    world.clock.advance(days=2, minutes=1)
    world.fake.inject("status", method="DELETE", path=r"/orgs/acme/blocks/mallory", status=403)
    plans = await sweep_people(world.github, world.ledger, world.clock.now(), dry_run=False)
    assert any(isinstance(a, Skip) and "failed" in a.reason for p in plans for a in p.actions)
    assert "sweep of one person's record failed" in caplog.text
    assert "mallory" not in caplog.text
