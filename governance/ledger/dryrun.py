"""A ``LedgerStore`` that writes nothing and remembers what it would have written.

Reads go to the real ledger when there is one, so the shown writes are exactly those the
real ledger would make: the same idempotency, the same comment text, the same labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from governance.ledger import render
from governance.ledger.state import (
    Entry,
    PersonState,
    incident_entry,
    lifted_entry,
    note_entry,
    pardon_entry,
    review_entry,
)
from governance.ledger.store import GitHubLedger, notice_key
from governance.model import (
    PersonRecord,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
)
from governance.ports import Clock, GitHub, LedgerStore


@dataclass(frozen=True, slots=True)
class IntendedWrite:
    login: str
    entry: Entry
    changes: bool  # False: already recorded, the real ledger would only repair its view
    state_path: str
    revision: int
    labels: tuple[str, ...]
    comment: str

    def render(self) -> str:
        if not self.changes:
            return f"ledger {self.state_path}: {self.entry.kind.value} {self.entry.key} is " \
                   "already recorded; no write"
        head = (f"ledger {self.state_path} -> revision {self.revision}: add "
                f"{self.entry.kind.value} {self.entry.key}; issue labels "
                f"{', '.join(self.labels)}; new comment:")
        return head + "\n" + "\n".join(f"    {line}" for line in self.comment.splitlines())


@dataclass
class DryRunLedger:
    inner: GitHubLedger | None
    clock: Clock
    writes: list[IntendedWrite] = field(default_factory=list)
    _pending: dict[str, PersonState] = field(default_factory=dict)

    async def _state(self, login: str) -> PersonState:
        key = login.lower()
        if key not in self._pending:
            found = await self.inner.state_for(login) if self.inner else PersonState(login)
            self._pending[key] = found
        return self._pending[key]

    async def record_for(self, login: str) -> PersonRecord:
        return (await self._state(login)).record()

    async def people(self) -> list[str]:
        return await self.inner.people() if self.inner else []

    async def record_incident(self, action: RecordIncident) -> None:
        await self._write(action.login, incident_entry(action, self.clock.now()))

    async def record_review(self, action: RecordReview) -> None:
        await self._write(action.login, review_entry(action, self.clock.now()))

    async def record_pardon(self, action: RecordPardon) -> None:
        await self._write(action.login, pardon_entry(action, self.clock.now()))

    async def record_note(self, action: RecordNote) -> None:
        await self._write(action.login, note_entry(action, self.clock.now()))

    async def record_ban_lifted(self, action: RecordBanLifted) -> None:
        await self._write(action.login, lifted_entry(action, self.clock.now()))

    async def note(self, login: str, text: str) -> None:
        now = self.clock.now()
        await self.record_note(RecordNote(login, notice_key(login, text), text, "bot", now))

    async def _write(self, login: str, entry: Entry) -> None:
        state = await self._state(login)
        new = state.add(entry)
        path = render.state_path(login)
        if new is None:
            self.writes.append(IntendedWrite(login, entry, False, path, state.revision,
                                             tuple(render.issue_labels(state)), ""))
            return
        self._pending[login.lower()] = new
        added = new.entries[-1]
        self.writes.append(IntendedWrite(login, added, True, path, new.revision,
                                         tuple(render.issue_labels(new)),
                                         render.entry_comment(added)))

    def render(self) -> str:
        if not self.writes:
            return "no ledger writes"
        return "\n".join(w.render() for w in self.writes)


def open_ledger(github: GitHub, repository: str, clock: Clock, *, dry_run: bool = False
                ) -> LedgerStore | None:
    """The ledger a configuration names (None when it names none); in dry-run a recorder
    over it, whose ``render()`` shows the writes that would have happened."""
    if not repository:
        return None
    real = GitHubLedger(github, repository, clock)
    return DryRunLedger(real, clock) if dry_run else real
