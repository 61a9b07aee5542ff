"""Recent content per installation, in the App's memory: the input of spam-wave detection.

Kept per installation so that private data of one installation never meets another's; each
replica sees the share of deliveries it served, which is enough to notice a wave (every
member raises the count). Bounded in size and age per installation and in all, so memory
stays flat under load: about 0.4 kB a sighting, so at most ~40 MB at the default bounds.

Sightings are indexed by SimHash band (``waves.band_keys``): a new text is compared only
with the sightings sharing a band with it, which include every near-duplicate, instead of
with all of an installation's recent content for every delivery.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Sequence

from governance.model import ContentEvent, Sighting
from governance.policy.waves import LONGEST_WINDOW, band_keys, fingerprint

WINDOW = LONGEST_WINDOW  # each repository's spam_waves.window_hours fits in it


class _Recent:
    """One installation's sightings, oldest first, and the same sightings by band."""

    def __init__(self) -> None:
        self.order: deque[Sighting] = deque()
        self.by_band: dict[int, list[Sighting]] = {}

    def __len__(self) -> int:
        return len(self.order)

    def add(self, sighting: Sighting) -> None:
        self.order.append(sighting)
        for key in band_keys(sighting.fingerprint):
            self.by_band.setdefault(key, []).append(sighting)

    def drop_oldest(self) -> None:
        oldest = self.order.popleft()
        for key in band_keys(oldest.fingerprint):
            bucket = self.by_band[key]
            # buckets keep the overall order, so the oldest overall is first in each of its own
            del bucket[0]
            if not bucket:
                del self.by_band[key]

    def near(self, fp: int) -> tuple[Sighting, ...]:
        """Every sighting sharing a band with ``fp``, each once."""
        found: dict[int, Sighting] = {}
        for key in band_keys(fp):
            for sighting in self.by_band.get(key, ()):
                found[id(sighting)] = sighting
        return tuple(found.values())


class RecentMemory:
    def __init__(self, per_installation: int = 2000, installations: int = 500,
                 total: int = 100_000) -> None:
        self._per = per_installation
        self._max = installations
        self._total = total
        self._count = 0
        self._by_installation: OrderedDict[int, _Recent] = OrderedDict()

    async def sightings(self, event: ContentEvent) -> Sequence[Sighting]:
        """The installation's recent sightings that can be near-duplicates of the event's
        text (the others could never count towards its wave)."""
        recent = self._by_installation.get(event.installation_id or 0)
        fp = fingerprint(event.body)
        if recent is None or fp is None:
            return ()
        return recent.near(fp)

    async def remember(self, event: ContentEvent, sighting: Sighting) -> None:
        key = event.installation_id or 0
        recent = self._by_installation.get(key)
        if recent is None:
            recent = self._by_installation[key] = _Recent()
        self._by_installation.move_to_end(key)
        while recent.order and (len(recent) >= self._per
                                or recent.order[0].at < sighting.at - WINDOW):
            recent.drop_oldest()
            self._count -= 1
        recent.add(sighting)
        self._count += 1
        self._forget_least_active()

    def _forget_least_active(self) -> None:
        """Whole installations, least recently active first, beyond the bounds."""
        while len(self._by_installation) > self._max or (
                self._count > self._total and len(self._by_installation) > 1):
            self._count -= len(self._by_installation.popitem(last=False)[1])
