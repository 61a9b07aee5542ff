"""Ban-evasion check cost per first-time author (printed, not asserted).

    python benchmarks/evasion_speed.py [--bans 1000] [--authors 200] [--repeat 5]

Two parts of the check, on one core, CPU time:
- ``match``: one first-time author against ``--bans`` active bans (logins shaped like
  benchmarks/app_load.py's, each ban with the fingerprint of a different text), in ms per
  1,000 bans; authors that match nobody, the usual case and the costly one (every ban seen);
- ``active_bans``: one read of the ledger's ``bans.json`` holding those bans, the file
  unchanged between reads (as the App sees it: the adapter's ETag cache answers a 304), in ms.
The median and the best of ``--repeat`` runs are printed (a busy shared machine slows
single runs down).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from governance.ledger.bans import LedgerBans, to_json  # noqa: E402 - needs the path above
from governance.model import Association  # noqa: E402
from governance.policy.evasion import match  # noqa: E402
from governance.policy.waves import fingerprint  # noqa: E402
from governance.ports import ActiveBan, FileContent  # noqa: E402
from tests.builders import event  # noqa: E402

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
LEDGER = "acme/coc-ledger"


def login(kind: str, i: int) -> str:
    """As benchmarks/app_load.py makes them: a kind and ten hex digits."""
    return f"{kind}-{hashlib.blake2b(str(i).encode(), digest_size=5).hexdigest()}"


def text(i: int) -> str:
    return f"Cheap followers number {i} for your repository, message me, offer {i * 7919}"


def bans(count: int) -> list[ActiveBan]:
    return [ActiveBan(login("visitor", i), f"incident-{i}", NOW + timedelta(days=3),
                      (fingerprint(text(i)),)) for i in range(count)]


class OneFile:
    """The bans file, the same blob on every read (what a 304 hands back)."""

    def __init__(self, content: str) -> None:
        self.file = FileContent(content, hashlib.sha1(content.encode()).hexdigest())

    async def read_file(self, repo: str, path: str) -> FileContent | None:
        return self.file


class Clock:
    def now(self) -> datetime:
        return NOW


def cpu_ms(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best CPU milliseconds of ``repeat`` runs after a warm-up."""
    run()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times), min(times)


def time_match(active: list[ActiveBan], kind: str, authors: int, repeat: int
               ) -> tuple[float, float]:
    events = [event(f"Has anyone tried building this on board {i}?",
                    login=login(kind, 10**6 + i), association=Association.NONE)
              for i in range(authors)]
    prints = [fingerprint(e.body) for e in events]

    def run() -> None:
        for ev, fp in zip(events, prints, strict=True):
            assert match(ev, fp, active, NOW) is None

    median, best = cpu_ms(run, repeat)
    per_thousand = 1000 / len(active) / authors
    return median * per_thousand, best * per_thousand


def time_reads(active: list[ActiveBan], reads: int, repeat: int) -> tuple[float, float]:
    github = OneFile(to_json(active))

    async def read_all() -> None:
        for _ in range(reads):
            found = await LedgerBans(github, LEDGER, Clock()).active_bans()  # type: ignore[arg-type]
            assert len(found) == len(active)

    median, best = cpu_ms(lambda: asyncio.run(read_all()), repeat)
    return median / reads, best / reads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bans", type=int, default=1000)
    parser.add_argument("--authors", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    active = bans(args.bans)
    for kind in ("newcomer", "visitor"):  # visitor-: the banned ones' beginning
        median, best = time_match(active, kind, args.authors, args.repeat)
        print(f"match, one first-time author ({kind}-...): {median:.2f} ms per 1,000 bans "
              f"(best {best:.2f}; {args.bans} bans, {args.authors} authors)")
    median, best = time_reads(active, 50, args.repeat)
    print(f"active_bans, unchanged bans.json of {args.bans} bans: {median:.3f} ms per read "
          f"(best {best:.3f})")


if __name__ == "__main__":
    main()
