"""Spam waves: the same or nearly the same text posted across threads within a time window.

Pure: a 64-bit SimHash over the text's words, and counting near-duplicates in a list of recent
sightings the caller gathered (the App from its per-installation memory, the Action from one
read of the repository's recent comments). Short texts never form a wave: "+1" and "thanks!"
are repeated innocently all the time. What counts (window, threads, distance) is each
repository's ``moderation.spam_waves``; the schema's maxima size the index and the memory.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from governance.config.defaults import default_config, maximum
from governance.config.types import SpamWavesConfig
from governance.model import Sighting

MIN_TOKENS = 8  # below this a text is too generic to call a repeat a wave
# The most a config may set as the Hamming distance (of 64 bits) that still counts as "nearly
# the same" (``spam_waves.max_distance``): unrelated texts sit around 32, a spam template with
# a few words swapped around 4. The band index below finds every pair this close.
MAX_DISTANCE = int(maximum("moderation", "spam_waves", "max_distance"))
# The longest ``spam_waves.window_hours`` a config may set: how long the App keeps recent
# content and how far back the Action reads, whatever each repository's own window.
LONGEST_WINDOW = timedelta(hours=maximum("moderation", "spam_waves", "window_hours"))
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# SimHash keeps 64 signed tallies. They are summed as 64 lanes of one big integer, a lane
# per bit (``_LANE`` bits wide, room for 2**32 words), instead of 64 Python additions a word.
_LANE = 32
_LANES = struct.Struct("<64I")
# Lanes set for each byte value (bit j of the byte -> lane j): a word's 64 bits are 8 bytes.
_BYTE_LANES = tuple(sum(1 << (_LANE * j) for j in range(8) if value >> j & 1)
                    for value in range(256))


@dataclass(frozen=True, slots=True)
class Wave:
    count: int  # other sightings of nearly the same text (0: not a wave)
    authors: tuple[str, ...]
    threads: tuple[str, ...]
    key: str = ""  # stable id of the wave: the fingerprint of its earliest sighting

    @property
    def is_wave(self) -> bool:
        return self.count >= 1 and len(self.threads) >= 2


NO_WAVE = Wave(0, (), ())


def tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _TOKEN.findall(folded)


@functools.lru_cache(maxsize=16)  # the service and the App's memory both ask for a new text
def fingerprint(text: str) -> int | None:
    """SimHash of the text's words, or None when the text is too short to compare.

    Bit i is set when more of the words (counted with repeats) have bit i set in their
    64-bit hash than not.
    """
    words = tokens(text)
    if len(words) < MIN_TOKENS:
        return None
    tally = sum(count * _lanes(word) for word, count in Counter(words).items())
    ones = _LANES.unpack(tally.to_bytes(_LANES.size, "little"))
    total = len(words)  # bit i is set when 2 * ones > total: no rounding
    return sum(1 << i for i, count in enumerate(ones) if 2 * count > total)


@functools.lru_cache(maxsize=4096)  # words repeat across comments; ~0.5 kB an entry
def _lanes(word: str) -> int:
    """The word's 64-bit hash, bit i spread to lane i of a tally."""
    bits = hashlib.blake2b(word.encode(), digest_size=8).digest()
    return sum(_BYTE_LANES[byte] << (_LANE * 8 * k) for k, byte in enumerate(reversed(bits)))


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


# Two fingerprints at most MAX_DISTANCE bits apart differ in at most MAX_DISTANCE of
# MAX_DISTANCE + 1 disjoint bit ranges ("bands"), so they agree on one whole band at least
# (pigeonhole): an index of sightings by band finds every near-duplicate of a text while
# comparing it only with the few sightings that share a band, not with all of them.
BANDS = MAX_DISTANCE + 1


def _band_layout(bands: int) -> tuple[tuple[int, int], ...]:
    """(shift, mask) of each band; the first ones take the bits that do not divide evenly."""
    width, extra = divmod(64, bands)
    layout, shift = [], 0
    for band in range(bands):
        bits = width + (1 if band < extra else 0)
        layout.append((shift, (1 << bits) - 1))
        shift += bits
    return tuple(layout)


_BAND_LAYOUT = _band_layout(BANDS)


def band_keys(fp: int) -> tuple[int, ...]:
    """One key per band (band number and the band's bits): equal keys, equal band."""
    return tuple(band << 16 | fp >> shift & mask
                 for band, (shift, mask) in enumerate(_BAND_LAYOUT))


def wave_of(fp: int | None, thread: str, recent: Iterable[Sighting], now: datetime,
            settings: SpamWavesConfig | None = None) -> Wave:
    """How often nearly the same text was seen in other places within the window, as the
    repository's ``moderation.spam_waves`` counts it (None: its defaults)."""
    settings = settings or _default_settings()
    if fp is None or not settings.enabled:
        return NO_WAVE
    since, limit = now - timedelta(hours=settings.window_hours), settings.max_distance
    alike = [s for s in recent if (fp ^ s.fingerprint).bit_count() <= limit and s.at >= since]
    threads = tuple(sorted({s.thread for s in alike} | {thread}))
    if len(threads) < max(2, settings.min_threads):  # repeats in one thread are no wave
        return NO_WAVE
    first = min(alike, key=lambda s: (s.at, s.fingerprint))
    return Wave(len(alike), tuple(sorted({s.author for s in alike})), threads,
                f"{first.fingerprint:016x}")


@functools.cache
def _default_settings() -> SpamWavesConfig:
    return default_config().moderation.spam_waves
