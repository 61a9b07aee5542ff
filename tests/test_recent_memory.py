"""The App's per-installation memory of recent content."""

from dataclasses import replace
from datetime import timedelta

from governance.adapters.recent_memory import RecentMemory
from governance.model import Sighting
from tests.builders import NOW, event


async def test_sightings_are_kept_per_installation_and_expire():
    memory = RecentMemory()
    a, b = replace(event(), installation_id=1), replace(event(), installation_id=2)
    await memory.remember(a, Sighting(1, "x", "o/r#1", NOW - timedelta(hours=30)))
    await memory.remember(a, Sighting(2, "x", "o/r#2", NOW))
    assert [s.fingerprint for s in await memory.sightings(a)] == [2]
    assert await memory.sightings(b) == ()


async def test_memory_is_bounded():
    memory = RecentMemory(per_installation=3, installations=2)
    first = replace(event(), installation_id=1)
    for i in range(5):
        await memory.remember(first, Sighting(i, "x", "t", NOW))
    assert [s.fingerprint for s in await memory.sightings(first)] == [2, 3, 4]
    for inst in (2, 3):
        await memory.remember(replace(event(), installation_id=inst), Sighting(9, "x", "t", NOW))
    assert await memory.sightings(first) == ()
    assert len(await memory.sightings(replace(event(), installation_id=3))) == 1
