"""``BanList`` on the ledger repository: ``bans.json``, the active bans in one file.

Ban-evasion checks run for every first-time participant, so they must cost one read, not
one per banned person: the executor keeps this index beside the person records (a ban adds
its entry after the ledger recorded the step; a pardon or a lifted ban removes it), written
with the blob ``sha`` as a compare-and-swap like the records. Expired bans are pruned on
every write and ignored on reading. The index is a convenience for a report-only check:
the person records stay the authority (a ban set by editing a state file by hand is not
in it; moderators see those in the ledger anyway).

Reading is cheap when nothing changed: the adapter's ETag cache makes the request a 304,
and the parsed list is kept by the file's blob sha (``ParsedBans``), so the JSON of
1,000 bans is parsed once per change of the file, not once per first-time participant.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from governance.ports import ActiveBan, Clock, Conflict, FileContent, GitHub

log = logging.getLogger("governance.ledger")

PATH = "bans.json"
SCHEMA_VERSION = 1


class ParsedBans:
    """The ban list of each ledger as last parsed, with the blob sha of the file it came from.

    A blob sha names the file's content (git hashes the content into it), so the same sha
    means the same list: only a changed file is parsed again. One entry per ledger: a new
    sha replaces the ledger's old list. The lists are tuples, never changed in place.
    """

    def __init__(self) -> None:
        self._by_ledger: dict[str, tuple[str, tuple[ActiveBan, ...]]] = {}

    def __len__(self) -> int:
        return len(self._by_ledger)

    def bans(self, repository: str, found: FileContent) -> tuple[ActiveBan, ...]:
        kept = self._by_ledger.get(repository)
        if kept is not None and kept[0] == found.sha:
            return kept[1]
        bans = tuple(from_json(found.text))
        self.keep(repository, found.sha, bans)
        return bans

    def keep(self, repository: str, sha: str, bans: Sequence[ActiveBan]) -> None:
        self._by_ledger[repository] = (sha, tuple(bans))


# Shared by every LedgerBans of the process: the App builds one per event (runtime.bans_for).
PARSED = ParsedBans()


@dataclass
class LedgerBans:
    github: GitHub
    repository: str
    clock: Clock
    max_attempts: int = 8
    parsed: ParsedBans = field(default_factory=lambda: PARSED, repr=False, compare=False)

    async def active_bans(self) -> Sequence[ActiveBan]:
        now = self.clock.now()
        bans, _ = await self._read()
        return [b for b in bans if b.until is None or b.until > now]

    async def add_ban(self, ban: ActiveBan) -> None:
        def added(bans: Sequence[ActiveBan]) -> list[ActiveBan] | None:
            if any(b.key == ban.key and b.login == ban.login for b in bans):
                return None
            return [*bans, ban]

        await self._change(added, f"bans: @{ban.login} banned")

    async def remove_ban(self, login: str, incident_key: str) -> None:
        def removed(bans: Sequence[ActiveBan]) -> list[ActiveBan] | None:
            kept = [b for b in bans if not (b.key == incident_key
                                            and b.login.lower() == login.lower())]
            return kept if len(kept) != len(bans) else None

        await self._change(removed, f"bans: ban of @{login} ended")

    async def _change(self, change: Callable[[Sequence[ActiveBan]], list[ActiveBan] | None],
                      message: str) -> None:
        for _ in range(self.max_attempts):
            bans, sha = await self._read()
            new = change(bans)
            if new is None:
                return
            now = self.clock.now()
            new = [b for b in new if b.until is None or b.until > now]
            try:
                written = await self.github.write_file(self.repository, PATH, to_json(new), sha,
                                                       message)
            except Conflict:
                log.info("ban index write lost a race; re-reading")
                continue
            self.parsed.keep(self.repository, written, new)  # what the file now says
            return
        raise Conflict(f"{self.repository}/{PATH}: gave up after {self.max_attempts} attempts")

    async def _read(self) -> tuple[Sequence[ActiveBan], str | None]:
        found = await self.github.read_file(self.repository, PATH)
        if found is None:
            return (), None
        return self.parsed.bans(self.repository, found), found.sha


def to_json(bans: Sequence[ActiveBan]) -> str:
    items = [{"login": b.login, "key": b.key,
              "until": b.until.isoformat() if b.until else None,
              "fingerprints": [str(f) for f in b.fingerprints]} for b in bans]
    return json.dumps({"schema": SCHEMA_VERSION, "bans": items}, indent=1, sort_keys=True) + "\n"


def from_json(text: str) -> list[ActiveBan]:
    """The bans in the file; an unreadable file counts as none (the check only reports)."""
    try:
        data = json.loads(text)
        return [ActiveBan(str(i["login"]), str(i["key"]), _time(i.get("until")),
                          tuple(int(f) for f in i.get("fingerprints", ())))
                for i in data["bans"]]
    except (ValueError, KeyError, TypeError):
        log.warning("%s is not readable; ban-evasion checks see no bans", PATH)
        return []


def _time(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
