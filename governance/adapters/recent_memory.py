"""Recent content per installation, in the App's memory: the input of spam-wave detection.

Kept per installation so that private data of one installation never meets another's; each
replica sees the share of deliveries it served, which is enough to notice a wave (every
member raises the count). Bounded in size and age, so memory stays flat under load.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Sequence
from datetime import timedelta

from governance.model import ContentEvent, Sighting

WINDOW = timedelta(hours=24)


class RecentMemory:
    def __init__(self, per_installation: int = 2000, installations: int = 500) -> None:
        self._per = per_installation
        self._max = installations
        self._by_installation: OrderedDict[int, deque[Sighting]] = OrderedDict()

    async def sightings(self, event: ContentEvent) -> Sequence[Sighting]:
        seen = self._by_installation.get(event.installation_id or 0)
        return tuple(seen) if seen else ()

    async def remember(self, event: ContentEvent, sighting: Sighting) -> None:
        key = event.installation_id or 0
        seen = self._by_installation.setdefault(key, deque(maxlen=self._per))
        self._by_installation.move_to_end(key)
        while seen and seen[0].at < sighting.at - WINDOW:
            seen.popleft()
        seen.append(sighting)
        while len(self._by_installation) > self._max:
            self._by_installation.popitem(last=False)
