"""``LedgerStore`` on a private GitHub repository.

Authority: ``people/<login>.json``, written with the contents API's blob ``sha`` as a
compare-and-swap; a lost race (``ports.Conflict``) means re-read and try again, so two
replicas or two events in the same second can neither lose nor double an entry.
View: one issue per person, found by the label ``coc-person:<login>``; its body and labels
are rendered from the state and rewritten after every write, and each entry gets one
comment. A crash between the two is repaired by the next write or by ``repair`` (sweep).

Stale steps: an incident carries ``basis``, the revision of the record its step was decided
from. If other incidents were recorded since, ``StaleRecord`` is raised so the caller
decides the step again from the fresh record.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from governance.ledger import render
from governance.ledger.state import (
    Entry,
    EntryKind,
    PersonState,
    from_json,
    incident_entry,
    lifted_entry,
    note_entry,
    pardon_entry,
    review_entry,
    to_json,
)
from governance.model import (
    PersonRecord,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
)
from governance.ports import Clock, Conflict, GitHub, IssueRef, StaleRecord

log = logging.getLogger("governance.ledger")


class LedgerNotPrivate(Exception):
    """The configured ledger repository is public: the bot refuses to write personal records."""

    def __init__(self, repository: str) -> None:
        super().__init__(f"the ledger repository {repository} is public; the bot writes "
                         "conduct records only to a private repository")
        self.repository = repository


def notice_key(login: str, text: str) -> str:
    return "notice:" + hashlib.sha256(f"{login.lower()}\x00{text}".encode()).hexdigest()[:16]


@dataclass
class GitHubLedger:
    github: GitHub
    repository: str
    clock: Clock
    max_attempts: int = 8
    # Entries older than this without their comment were left by a crash: post them.
    repair_after: timedelta = timedelta(minutes=5)
    _private: bool = field(default=False, init=False)

    # ------------------------------------------------------------------ reading

    async def state_for(self, login: str) -> PersonState:
        state, _ = await self._read(login)
        return state

    async def record_for(self, login: str) -> PersonRecord:
        return (await self.state_for(login)).record()

    async def people(self) -> list[str]:
        """Logins (lower-cased) of everyone with a ledger issue."""
        issues = await self.github.find_issues(self.repository, render.PERSON_LABEL)
        prefix = render.person_label("")
        return sorted({label[len(prefix):] for issue in issues for label in issue.labels
                       if label.startswith(prefix)})

    async def _read(self, login: str) -> tuple[PersonState, str | None]:
        found = await self.github.read_file(self.repository, render.state_path(login))
        if found is None:
            return PersonState(login), None
        return from_json(found.text), found.sha

    # ------------------------------------------------------------------ writing

    async def record_incident(self, action: RecordIncident) -> None:
        await self._append(action.login, incident_entry(action, self.clock.now()), action.basis)

    async def record_review(self, action: RecordReview) -> None:
        await self._append(action.login, review_entry(action, self.clock.now()))

    async def record_pardon(self, action: RecordPardon) -> None:
        await self._append(action.login, pardon_entry(action, self.clock.now()))

    async def record_note(self, action: RecordNote) -> None:
        await self._append(action.login, note_entry(action, self.clock.now()))

    async def record_ban_lifted(self, action: RecordBanLifted) -> None:
        await self._append(action.login, lifted_entry(action, self.clock.now()))

    async def note(self, login: str, text: str) -> None:
        """A private notice that could not be emailed: kept in the ledger for moderators."""
        now = self.clock.now()
        await self.record_note(RecordNote(login, notice_key(login, text), text, "bot", now))

    async def repair(self, login: str) -> None:
        """Make the issue view match the state (after a crash between the two writes)."""
        state, _ = await self._read(login)
        if state.entries:
            await self._sync(state, own=None)

    async def _append(self, login: str, entry: Entry, basis: int | None = None) -> None:
        await self._ensure_private()
        for _ in range(self.max_attempts):
            state, sha = await self._read(login)
            if sha is None:
                await self._issue(state)  # findable by the sweep before its first entry
            _check_basis(state, entry, basis)
            new = state.add(entry)
            if new is None:  # already recorded (or nothing to undo): repair the view only;
                if state.entries:  # its comment is the writer's who recorded it
                    await self._sync(state, own=None)
                return
            try:
                await self.github.write_file(self.repository, render.state_path(login),
                                             to_json(new), sha, _commit_message(new, entry))
            except Conflict:
                log.info("ledger write for %s lost a race; re-reading", login)
                continue
            await self._sync(new, own=entry)
            return
        raise Conflict(f"ledger record of {login}: gave up after {self.max_attempts} attempts")

    async def _ensure_private(self) -> None:
        if not self._private:
            if not await self.github.repo_is_private(self.repository):
                raise LedgerNotPrivate(self.repository)
            self._private = True

    # ------------------------------------------------------------------ the view

    async def _sync(self, state: PersonState, own: Entry | None) -> None:
        issue = await self._issue(state)
        state = await self._update_issue(issue, state)
        comments = await self.github.issue_comments(self.repository, issue.number)
        posted = render.entry_keys(c.body for c in comments)
        for entry in state.entries:
            if (entry.kind.value, entry.key) not in posted and self._due(entry, own):
                await self.github.add_issue_comment(self.repository, issue.number,
                                                    render.entry_comment(entry))

    def _due(self, entry: Entry, own: Entry | None) -> bool:
        """A writer posts its own entry's comment; others' only when they look abandoned,
        so two writers in the same second do not both post the same comment."""
        mine = own is not None and (own.kind, own.key) == (entry.kind, entry.key)
        return mine or self.clock.now() - entry.recorded_at >= self.repair_after

    async def _update_issue(self, issue: IssueRef, state: PersonState) -> PersonState:
        """Rewrite body and labels until they show the latest state (a slower writer may
        have rendered an older one over ours)."""
        for _ in range(self.max_attempts):
            body = render.issue_body(state, self.clock.now())
            labels = render.issue_labels(state)
            if body != issue.body or set(labels) != set(issue.labels):
                await self.github.update_issue(self.repository, issue.number, body=body,
                                               labels=labels)
                issue = IssueRef(issue.number, issue.node_id, issue.title, body, tuple(labels))
            fresh, _ = await self._read(state.login)
            if fresh.revision == state.revision:
                return state
            state = fresh
        return state

    async def _issue(self, state: PersonState) -> IssueRef:
        """The person's issue: the lowest-numbered one with their label. Others (two
        writers that created one at the same time) are closed as duplicates."""
        found = await self.github.find_issues(self.repository, render.person_label(state.login))
        found = sorted(found, key=lambda i: i.number)
        if not found:
            return await self.github.create_issue(
                self.repository, render.issue_title(state.login),
                render.issue_body(state, self.clock.now()), render.issue_labels(state))
        for duplicate in found[1:]:
            await self.github.add_issue_comment(
                self.repository, duplicate.number,
                f"Duplicate of #{found[0].number}, which holds this person's record.")
            await self.github.update_issue(self.repository, duplicate.number,
                                           labels=[render.DUPLICATE_LABEL], state="closed")
        return found[0]


def _check_basis(state: PersonState, entry: Entry, basis: int | None) -> None:
    if basis is None or entry.kind is not EntryKind.INCIDENT or state.has(entry.kind, entry.key):
        return
    newer = state.incidents_since(basis)
    if newer:
        raise StaleRecord(f"{len(newer)} incident(s) of {state.login} were recorded after the "
                          f"step was decided (revision {basis} -> {state.revision})")


def _commit_message(state: PersonState, entry: Entry) -> str:
    return f"ledger: {entry.kind.value} for {state.login} (revision {state.revision})"
