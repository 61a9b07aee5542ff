"""Spam waves: the same or nearly the same text posted across threads within a time window.

Pure: a 64-bit SimHash over the text's words, and counting near-duplicates in a list of recent
sightings the caller gathered (the App from its per-installation memory, the Action from one
read of the repository's recent comments). Short texts never form a wave: "+1" and "thanks!"
are repeated innocently all the time.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from governance.model import Sighting

MIN_TOKENS = 8  # below this a text is too generic to call a repeat a wave
# Hamming distance (of 64 bits) that still counts as "nearly the same": unrelated texts sit
# around 32, a spam template with a few words swapped around 4.
MAX_DISTANCE = 8
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


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


def fingerprint(text: str) -> int | None:
    """SimHash of the text's words, or None when the text is too short to compare."""
    words = tokens(text)
    if len(words) < MIN_TOKENS:
        return None
    weights = [0] * 64
    for word in words:
        bits = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
        for i in range(64):
            weights[i] += 1 if bits >> i & 1 else -1
    return sum(1 << i for i, w in enumerate(weights) if w > 0)


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def wave_of(fp: int | None, thread: str, recent: Iterable[Sighting], now: datetime,
            window: timedelta = timedelta(hours=24)) -> Wave:
    """How often nearly the same text was seen in other places within the window."""
    if fp is None:
        return NO_WAVE
    since = now - window
    alike = [s for s in recent
             if s.at >= since and distance(fp, s.fingerprint) <= MAX_DISTANCE]
    others = [s for s in alike if s.thread != thread]
    if not others:
        return NO_WAVE
    threads = tuple(sorted({s.thread for s in alike} | {thread}))
    first = min(alike, key=lambda s: (s.at, s.fingerprint))
    return Wave(len(alike), tuple(sorted({s.author for s in alike})), threads,
                f"{first.fingerprint:016x}")
