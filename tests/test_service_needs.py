"""Through the service: one loop over the decision's needs. A step decided on a record that
changed meanwhile is decided again, and only the record and the breaker are asked again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from governance.adapters.recent_memory import RecentMemory
from governance.deployment import Deployment
from governance.ledger.store import GitHubLedger
from governance.model import PersonRecord, Step
from governance.service import Service
from tests.ledger_world import World, world_fixture  # noqa: F401  (the fixture)

ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
AGAIN = "Still a worthless idiot, and your patches are still garbage. Nobody wants you here."


@dataclass
class RacedLedger:
    """The real ledger, raced once by another replica: right after this replica's first
    read of a record, the other records a step of the same person."""

    ledger: GitHubLedger
    race: Callable[[], Awaitable[Any]] | None

    async def record_for(self, login: str) -> PersonRecord:
        record = await self.ledger.record_for(login)
        if self.race is not None:
            race, self.race = self.race, None
            await race()
        return record

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ledger, name)


async def test_a_record_changed_meanwhile_is_read_again_and_nothing_else(world: World):
    earlier, later = world.post(ABUSIVE, "troll"), world.post(AGAIN, "troll")
    raced = RacedLedger(world.ledger, lambda: world.incident(earlier))
    memory = RecentMemory()
    service = Service(Deployment(world.github, world.clock, recent=memory,
                                 ledger_for=lambda _config: raced))  # type: ignore[arg-type,return-value]

    outcome = await service.run(later, world.config)

    assert outcome.done[:2] == ("hide_comment", "record_incident")
    record = await world.ledger.record_for("troll")
    # decided again on the record the other replica changed: the second rung, not the first
    assert [i.step for i in record.incidents] == [Step.CORRECTION, Step.WARNING]
    assert len(world.fake.requests("GET", r"/users/troll")) == 1  # the profile is kept
    assert len(await memory.sightings(later)) == 1  # and the sighting remembered once
