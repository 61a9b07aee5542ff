"""``governance scan``: what the bot would have done to a repository's history.

Every item created in the window is decided in dry-run by the service, as the App would
decide the same delivery at the moment the item was written (the clock is set to its
creation time). The ladder is replayed in memory in time order: items whose plan takes a
ladder step (the only ones whose decision reads the person's record) are held back while
the pages stream by and decided at the end, oldest first, each on the record the earlier
ones built. Everything else is decided as its page arrives and leaves memory as a row.

Pages come through ``HistoryReader`` (a GraphQL adapter); rows and the position go to a
``Checkpoint`` after every page, so an interrupted scan resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from governance.config.types import Config
from governance.deployment import Deployment
from governance.events import parse_event
from governance.ledger.state import PersonState, incident_entry
from governance.model import (
    ContentEvent,
    Incident,
    PersonRecord,
    Plan,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
)
from governance.ports import GitHub
from governance.scan.items import Connection, Item, Node, items_of, parse_time
from governance.scan.rows import row_of
from governance.service import Service

CONNECTIONS = tuple(Connection)
ConfigFor = Callable[[str], Awaitable[Config]]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a top-level connection, its threads complete (nested pages followed)."""

    repository: dict[str, Any]  # the webhook's ``repository`` object
    threads: Sequence[Node]
    cursor: str | None
    has_next: bool
    total: int = 0  # threads in the connection (progress)
    requests: int = 1  # GraphQL requests this page took
    remaining: int | None = None  # rate-limit budget left after it


class HistoryReader(Protocol):
    async def repositories(self, org: str) -> list[str]: ...
    async def page(self, repo: str, connection: Connection, cursor: str | None,
                   since: datetime | None) -> Page: ...


class Checkpoint(Protocol):
    """Where the scan keeps its rows and its position (a file for ``--resume``)."""

    def load(self) -> dict[str, Any] | None: ...
    def commit(self, state: Mapping[str, Any], rows: Sequence[Mapping[str, Any]],
               held: Sequence[Mapping[str, Any]] = ()) -> None: ...
    def held(self) -> Iterable[dict[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class Window:
    since: datetime | None = None
    until: datetime | None = None

    def holds(self, moment: datetime | None) -> bool:
        if moment is None:
            return False
        return ((self.since is None or moment >= self.since)
                and (self.until is None or moment < self.until))

    def passed(self, thread: Node, connection: Connection) -> bool:
        """Newest-updated-first connections: a thread last updated before the window
        starts, and every one after it, holds nothing created in the window."""
        if connection is Connection.ISSUES or self.since is None:
            return False  # issues are filtered by GitHub (``filterBy.since``)
        updated = parse_time(thread.get("updatedAt"))
        return updated is not None and updated < self.since


@dataclass
class Progress:
    repo: str = ""
    connection: str = ""
    threads_done: int = 0
    threads_total: int = 0
    items_read: int = 0
    items_decided: int = 0
    requests: int = 0
    remaining: int | None = None
    pages: int = 0


@dataclass
class ScanState:
    """Everything needed to continue besides the spools: position and counters."""

    repos: list[str]
    repo_index: int = 0
    connection_index: int = 0
    cursor: str | None = None
    progress: Progress = field(default_factory=Progress)
    finished: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"repos": self.repos, "repo_index": self.repo_index,
                "connection_index": self.connection_index, "cursor": self.cursor,
                "progress": vars(self.progress), "finished": self.finished}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScanState:
        return cls(list(data["repos"]), data["repo_index"], data["connection_index"],
                   data["cursor"], Progress(**data["progress"]), bool(data["finished"]))


@dataclass
class ReplayClock:
    """The service's clock during a scan: the moment the item being decided was written."""

    at: datetime

    def now(self) -> datetime:
        return self.at


@dataclass
class ReplayLedger:
    """The ladder record per person, built as the scan replays incidents in time order.
    Only ``record_for`` is ever called: the service runs in dry-run."""

    records: dict[str, list[Incident]] = field(default_factory=dict)

    async def record_for(self, login: str) -> PersonRecord:
        return PersonRecord(login, tuple(self.records.get(login, ())))

    def add(self, plan: Plan) -> None:
        for action in plan.actions:
            if isinstance(action, RecordIncident):
                self.records.setdefault(action.login, []).append(action.incident)

    async def state_for(self, login: str) -> PersonState:
        """The replayed incidents as ledger entries (the scan keeps nothing else)."""
        state = PersonState(login)
        for incident in self.records.get(login, ()):
            state = state.add(incident_entry(RecordIncident(login, incident, ""),
                                             incident.at)) or state
        return state

    async def people(self) -> Sequence[str]:
        return sorted(self.records)

    # A scan runs the service in dry-run: nothing may be written. Were a write ever
    # attempted, it fails loudly instead of passing for done.
    async def record_incident(self, action: RecordIncident) -> None:
        raise ScanWrite("record_incident")

    async def record_review(self, action: RecordReview) -> None:
        raise ScanWrite("record_review")

    async def note(self, login: str, text: str) -> None:
        raise ScanWrite("note")

    async def record_pardon(self, action: RecordPardon) -> None:
        raise ScanWrite("record_pardon")

    async def record_note(self, action: RecordNote) -> None:
        raise ScanWrite("record_note")

    async def record_ban_lifted(self, action: RecordBanLifted) -> None:
        raise ScanWrite("record_ban_lifted")

    async def repair(self, login: str) -> None:
        raise ScanWrite("repair")


class ScanWrite(RuntimeError):
    """Something tried to write during a scan (a bug: the scan is dry-run throughout)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"a scan must not write, but {what} was called")


@dataclass
class Scan:
    reader: HistoryReader
    github: GitHub  # reads only: the config files, and profiles for account signals
    checkpoint: Checkpoint
    window: Window
    config_for: ConfigFor | None = None  # None: each repository's own config, as the App
    on_page: Callable[[Progress], None] = lambda _progress: None
    _configs: dict[str, Config] = field(default_factory=dict)

    async def run(self, repos: Sequence[str]) -> ScanState:
        saved = self.checkpoint.load()
        state = ScanState.from_dict(saved) if saved else ScanState(list(repos))
        clock = ReplayClock(datetime.min)
        service = Service(Deployment(self.github, clock, dry_run=True))
        while not state.finished and state.repo_index < len(state.repos):
            await self._page(state, service, clock)
        if not state.finished:
            await self._replay_ladder(state, service, clock)
        return state

    async def _page(self, state: ScanState, service: Service, clock: ReplayClock) -> None:
        repo = state.repos[state.repo_index]
        connection = CONNECTIONS[state.connection_index]
        page = await self.reader.page(repo, connection, state.cursor, self.window.since)
        config = await self._config(repo, service)
        rows: list[dict[str, Any]] = []
        held: list[dict[str, Any]] = []
        passed = False
        for thread in page.threads:
            if self.window.passed(thread, connection):
                passed = True
                break
            for item in items_of(connection, thread, page.repository):
                await self._first_pass(item, config, service, clock, state, rows, held)
        self._advance(state, repo, connection, page, passed)
        self.checkpoint.commit(state.to_dict(), rows, held)
        self.on_page(state.progress)

    def _advance(self, state: ScanState, repo: str, connection: Connection, page: Page,
                 passed: bool) -> None:
        p = state.progress
        p.repo, p.connection, p.pages = repo, connection.value, p.pages + 1
        p.requests += page.requests
        p.remaining = page.remaining if page.remaining is not None else p.remaining
        p.threads_total = page.total
        p.threads_done = p.threads_done + len(page.threads) if state.cursor else len(
            page.threads)
        if page.has_next and not passed:
            state.cursor = page.cursor
            return
        state.cursor, state.connection_index = None, state.connection_index + 1
        if state.connection_index == len(CONNECTIONS):
            state.connection_index, state.repo_index = 0, state.repo_index + 1

    async def _config(self, repo: str, service: Service) -> Config:
        if repo not in self._configs:
            source = self.config_for or service.deployment.config_for
            self._configs[repo] = await source(repo)
        return self._configs[repo]

    async def _first_pass(self, item: Item, config: Config, service: Service,
                          clock: ReplayClock, state: ScanState, rows: list[dict[str, Any]],
                          held: list[dict[str, Any]]) -> None:
        """Decide one item now, or hold it back for the ladder replay."""
        event = parse_event(item.event_name, item.payload)
        state.progress.items_read += 1
        if not isinstance(event, ContentEvent) or not self.window.holds(event.created_at):
            return
        plan = await self._decide(event, config, service, clock)
        if plan is None:
            return
        if config.ledger.repository and any(isinstance(a, RecordIncident) for a in plan.actions):
            held.append({"event_name": item.event_name, "payload": item.payload,
                         "created_at": item.created_at})
            return  # decided again in time order, on the replayed record
        state.progress.items_decided += 1
        rows.append(row_of(event, plan))

    async def _decide(self, event: ContentEvent, config: Config, service: Service,
                      clock: ReplayClock) -> Plan | None:
        """The service's own path: gather, decide, and (dry-run) carry out nothing."""
        if config.ledger.repository.lower() == event.repo.full_name.lower():
            return None  # the App never moderates the ledger repository
        clock.at = event.created_at or clock.at
        return (await service.run(event, config)).plan

    async def _replay_ladder(self, state: ScanState, service: Service,
                             clock: ReplayClock) -> None:
        ledger = ReplayLedger()
        with_ledger = Service(Deployment(self.github, clock, dry_run=True,
                                         ledger_for=lambda _config: ledger))
        rows: list[dict[str, Any]] = []
        # Only the items that take a ladder step are held: few, so sorting them in memory
        # is fine where sorting every item would not be.
        for held in sorted(self.checkpoint.held(), key=lambda h: h["created_at"]):
            event = parse_event(held["event_name"], held["payload"])
            assert isinstance(event, ContentEvent)  # it was one when it was held
            config = await self._config(event.repo.full_name, service)
            plan = await self._decide(event, config, with_ledger, clock)
            if plan is not None:
                ledger.add(plan)
                rows.append(row_of(event, plan))
        state.progress.items_decided += len(rows)
        state.finished = True
        self.checkpoint.commit(state.to_dict(), rows)
