"""The App's per-installation memory of recent content."""

import random
from dataclasses import replace
from datetime import timedelta

from governance.adapters.recent_memory import RecentMemory
from governance.model import Sighting
from governance.policy.waves import MAX_DISTANCE, distance, fingerprint, wave_of
from tests.builders import NOW, event

TEXT = "Hi, I had the same crash and this patched build fixed it, grab it from the link below"
FP = fingerprint(TEXT)


def flip(fp: int, bits: list[int]) -> int:
    for bit in bits:
        fp ^= 1 << bit
    return fp


def at(installation: int, body: str = TEXT):
    return replace(event(body), installation_id=installation)


async def test_sightings_are_kept_per_installation_and_expire():
    memory = RecentMemory()
    a, b = at(1), at(2)
    await memory.remember(a, Sighting(FP, "x", "o/r#1", NOW - timedelta(hours=30)))
    await memory.remember(a, Sighting(FP, "x", "o/r#2", NOW))
    assert [s.thread for s in await memory.sightings(a)] == ["o/r#2"]
    assert await memory.sightings(b) == ()


async def test_short_texts_have_no_sightings_to_compare_with():
    memory = RecentMemory()
    await memory.remember(at(1), Sighting(FP, "x", "o/r#1", NOW))
    assert await memory.sightings(at(1, "+1 thanks")) == ()


async def test_every_near_duplicate_is_found_and_most_unrelated_texts_are_not():
    rng = random.Random(7)
    memory = RecentMemory()
    near = [flip(FP, rng.sample(range(64), rng.randint(0, MAX_DISTANCE))) for _ in range(200)]
    far = [rng.getrandbits(64) for _ in range(1000)]
    for i, fp in enumerate(near + far):
        await memory.remember(at(1), Sighting(fp, f"u{i}", f"o/r#{i}", NOW))
    found = await memory.sightings(at(1))
    found_fps = [s.fingerprint for s in found]
    assert sorted(fp for fp in found_fps if distance(fp, FP) <= MAX_DISTANCE) == sorted(near)
    assert len(found) < len(near) + len(far) // 4  # the index spares most comparisons
    everything = [Sighting(fp, f"u{i}", f"o/r#{i}", NOW) for i, fp in enumerate(near + far)]
    assert wave_of(FP, "o/r#new", found, NOW) == wave_of(FP, "o/r#new", everything, NOW)


async def test_memory_is_bounded_per_installation_and_in_number_of_installations():
    memory = RecentMemory(per_installation=3, installations=2)
    first = at(1)
    for i in range(5):
        await memory.remember(first, Sighting(flip(FP, [i]), "x", f"t{i}", NOW))
    assert sorted(s.thread for s in await memory.sightings(first)) == ["t2", "t3", "t4"]
    for inst in (2, 3):
        await memory.remember(at(inst), Sighting(FP, "x", "t", NOW))
    assert await memory.sightings(first) == ()
    assert len(await memory.sightings(at(3))) == 1


async def test_memory_is_bounded_in_all_by_forgetting_the_least_active_installations():
    memory = RecentMemory(per_installation=10, total=15)
    for inst in (1, 2):
        for i in range(10):
            await memory.remember(at(inst), Sighting(flip(FP, [i]), "x", f"t{i}", NOW))
    assert await memory.sightings(at(1)) == ()
    assert len(await memory.sightings(at(2))) == 10
