"""Claims and their index in the private ledger repository, through ``ports.GitHub``.

- ``rewards/claims/...json``: one file per reward (path from ``policy.recognition``),
  created with no ``sha`` (only one writer can create it) and then moved with the ``sha``
  it was read at (compare-and-swap).
- ``rewards/index.json``: every reward's key, path and state, without codes or addresses,
  so the sweep, ``rewards pending`` and the report need no directory listing. A reward is
  entered in the index before its claim is created, so a crash in between leaves a lead
  the sweep follows; the index is a view and is repaired from the claims.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from typing import Any

from governance.ports import Conflict, GitHub
from governance.rewards.claims import Claim, from_json, to_json

log = logging.getLogger("governance.rewards")

INDEX_PATH = "rewards/index.json"
SKIPPED = "skipped"  # index only: the claim path was taken by another reward


@dataclass(frozen=True, slots=True)
class IndexEntry:
    key: str
    path: str
    login: str
    repo: str
    number: int
    tier: str
    url: str
    state: str  # Claim.state, or "" before the claim file exists
    pending: str
    created_at: str
    sent_at: str = ""

    @classmethod
    def of(cls, claim: Claim) -> IndexEntry:
        return cls(claim.key, claim.path, claim.login, claim.repo, claim.number, claim.tier,
                   claim.url, claim.state.value, claim.pending, claim.created_at.isoformat(),
                   claim.sent_at.isoformat() if claim.sent_at else "")

    @property
    def open(self) -> bool:
        return self.state not in ("thanked", SKIPPED)


@dataclass
class ClaimStore:
    github: GitHub
    repository: str  # the private ledger repository
    max_attempts: int = 20

    async def read(self, path: str) -> tuple[Claim, str] | None:
        found = await self.github.read_file(self.repository, path)
        return (from_json(found.text), found.sha) if found else None

    async def create(self, claim: Claim) -> tuple[Claim, str] | None:
        """Create the claim; None when it exists already (someone else owns the reward)."""
        await self.index_put(IndexEntry.of(claim), only_if_missing=True)
        try:
            sha = await self.github.write_file(self.repository, claim.path, to_json(claim),
                                               None, f"rewards: claim {claim.key}")
        except Conflict:
            return None
        return claim, sha

    async def write(self, claim: Claim, sha: str, what: str) -> str:
        """Compare-and-swap: ``Conflict`` when the claim changed since ``sha``."""
        new_sha = await self.github.write_file(self.repository, claim.path, to_json(claim),
                                               sha, f"rewards: {claim.key} {what}")
        try:
            await self.index_put(IndexEntry.of(claim))
        except Conflict:  # the index is a view; the next write or the sweep repairs it
            log.warning("rewards index not updated for %s", claim.key)
        return new_sha

    # ------------------------------------------------------------------ index

    async def index(self) -> dict[str, IndexEntry]:
        entries, _ = await self._read_index()
        return entries

    async def index_put(self, entry: IndexEntry, *, only_if_missing: bool = False) -> None:
        for _ in range(self.max_attempts):
            entries, sha = await self._read_index()
            old = entries.get(entry.key)
            if old == entry or (only_if_missing and old is not None):
                return
            entries[entry.key] = entry
            try:
                await self.github.write_file(self.repository, INDEX_PATH, _dump(entries), sha,
                                             f"rewards: index {entry.key} ({entry.state})")
                return
            except Conflict:
                continue
        raise Conflict(f"rewards index: gave up after {self.max_attempts} attempts")

    async def _read_index(self) -> tuple[dict[str, IndexEntry], str | None]:
        found = await self.github.read_file(self.repository, INDEX_PATH)
        if found is None:
            return {}, None
        raw: dict[str, Any] = json.loads(found.text).get("rewards", {})
        return {k: IndexEntry(**v) for k, v in raw.items()}, found.sha


def _dump(entries: dict[str, IndexEntry]) -> str:
    data = {"format": 1, "rewards": {k: asdict(entries[k]) for k in sorted(entries)}}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
