"""The ``pool`` code provider: per-tier CSV files in the private ledger repository.

Every change is a compare-and-swap write through the contents API (the blob ``sha`` read
with the file), so two merges allocating at the same moment never get the same code: the
slower write fails with ``ports.Conflict``, re-reads and takes the next free code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from governance.ports import Conflict, GitHub
from governance.rewards import pool as pool_csv
from governance.rewards.codes import Allocation, CodesUnavailable, OutOfCodes
from governance.rewards.pool import ImportResult

log = logging.getLogger("governance.rewards")


@dataclass
class PoolCodes:
    github: GitHub
    repository: str  # the private ledger repository
    path_template: str  # e.g. "rewards/codes-{tier}.csv"
    now: Callable[[], datetime]
    max_attempts: int = 20
    # Called right after the pool write: tests put a simulated crash here.
    after_write: Callable[[str], None] = lambda _key: None

    def path(self, tier: str) -> str:
        return self.path_template.replace("{tier}", tier)

    async def allocate(self, key: str, tier: str, planned: str = "") -> Allocation:
        for _ in range(self.max_attempts):
            current, sha = await self._read(tier)
            known = current.code_for(key)
            if known is not None:  # a retry: the code is already this reward's
                return Allocation(known, current.available)
            taken = current.allocate(key, self.now())
            if taken is None:
                raise OutOfCodes(tier)
            new, code = taken
            try:
                await self.github.write_file(self.repository, self.path(tier),
                                             pool_csv.render(new), sha,
                                             f"rewards: allocate a tier {tier} code")
            except Conflict:
                log.info("code pool %s changed meanwhile; re-reading", tier)
                continue
            self.after_write(key)
            return Allocation(code, new.available)
        raise CodesUnavailable(f"code pool {tier}: still contended after "
                               f"{self.max_attempts} attempts")

    async def available(self, tier: str) -> int:
        current, _ = await self._read(tier)
        return current.available

    async def add(self, tier: str, codes: Sequence[str]) -> ImportResult:
        for _ in range(self.max_attempts):
            current, sha = await self._read(tier)
            new, added, duplicates = current.add(codes)
            if added:
                try:
                    await self.github.write_file(self.repository, self.path(tier),
                                                 pool_csv.render(new), sha,
                                                 f"rewards: import {added} tier {tier} codes")
                except Conflict:
                    continue
            return ImportResult(tier, added, duplicates, new.available)
        raise Conflict(f"code pool {tier}: gave up after {self.max_attempts} attempts")

    async def _read(self, tier: str) -> tuple[pool_csv.Pool, str | None]:
        found = await self.github.read_file(self.repository, self.path(tier))
        if found is None:
            return pool_csv.Pool(), None
        return pool_csv.parse(found.text), found.sha
