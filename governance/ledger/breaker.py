"""``BreakerStore`` on the ledger repository: ``breaker/<owner>/<repo>.json`` per repository.

No database: like the person records and the ban index, each repository's circuit breaker
is a small JSON file written with the contents API's blob ``sha`` as a compare-and-swap, so
App replicas (and Action runs) count the same actions and agree whether it is open. One file
per repository keeps writers of different repositories from racing each other. It is read
only when a plan would hide, redact or delete content. A trip is recorded as a ledger issue
labelled ``coc:breaker`` (why, until when, the items acted on); its end by ``/coc resume``
as a comment that closes it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from governance.ledger.store import LedgerNotPrivate
from governance.model import BreakerState
from governance.ports import Clock, Conflict, GitHub, IssueRef

log = logging.getLogger("governance.ledger")

BREAKER_LABEL = "coc:breaker"
SCHEMA_VERSION = 1


def path_of(repo: str) -> str:
    return f"breaker/{repo.lower()}.json"


def title_of(repo: str, state: BreakerState) -> str:
    since = f"{state.opened_at:%Y-%m-%d %H:%M} UTC" if state.opened_at else "now"
    return f"Circuit breaker: {repo} in review mode since {since}"


@dataclass
class LedgerBreaker:
    github: GitHub
    repository: str  # the ledger
    clock: Clock
    max_attempts: int = 8
    _private: bool = field(default=False, init=False)

    async def state(self, repo: str) -> BreakerState:
        return (await self._read(repo))[0]

    async def change(self, repo: str,
                     change: Callable[[BreakerState], BreakerState | None]) -> BreakerState:
        for _ in range(self.max_attempts):
            state, sha = await self._read(repo)
            new = change(state)
            if new is None:
                return state
            await self._ensure_private()
            try:
                await self.github.write_file(self.repository, path_of(repo), to_json(new), sha,
                                             f"breaker: {repo}")
            except Conflict:
                log.info("breaker write lost a race; re-reading")
                continue
            return new
        raise Conflict(f"{self.repository}/{path_of(repo)}: gave up after "
                       f"{self.max_attempts} attempts")

    async def record_trip(self, repo: str, state: BreakerState) -> None:
        title = title_of(repo, state)
        if any(i.title == title for i in await self._issues()):
            return  # a redelivery: recorded already
        await self._ensure_private()
        items = "\n".join(f"- {at:%Y-%m-%d %H:%M:%S} UTC {url}" for _, at, url in state.acted)
        until = f"{state.open_until:%Y-%m-%d %H:%M} UTC" if state.open_until else "-"
        body = (f"The circuit breaker of **{repo}** tripped: {state.reason}.\n\n"
                f"Until {until} the bot hides, redacts and deletes nothing there: what it "
                "would act on opens a review item instead (`coc:review`).\n\n"
                f"A moderator ends review mode early with `/coc resume [reason]` in any "
                f"thread of {repo}.\n\nActions counted:\n\n{items}\n")
        await self.github.create_issue(self.repository, title, body, [BREAKER_LABEL])

    async def record_resume(self, repo: str, by: str, reason: str) -> None:
        prefix = f"Circuit breaker: {repo} in review mode"
        open_items = [i for i in await self._issues() if i.title.startswith(prefix)]
        if not open_items:
            return
        latest = max(open_items, key=lambda i: i.number)
        await self.github.add_issue_comment(
            self.repository, latest.number,
            f"Review mode ended early by @{by} (`/coc resume`). Reason: {reason or '-'}")
        await self.github.update_issue(self.repository, latest.number, state="closed")

    async def _ensure_private(self) -> None:
        """The state lists links to hidden content: written to a private ledger only."""
        if not self._private:
            if not await self.github.repo_is_private(self.repository):
                raise LedgerNotPrivate(self.repository)
            self._private = True

    async def _issues(self) -> list[IssueRef]:
        return list(await self.github.find_issues(self.repository, BREAKER_LABEL))

    async def _read(self, repo: str) -> tuple[BreakerState, str | None]:
        found = await self.github.read_file(self.repository, path_of(repo))
        if found is None:
            return BreakerState(), None
        return from_json(found.text), found.sha


def to_json(state: BreakerState) -> str:
    data = {"schema": SCHEMA_VERSION,
            "acted": [{"key": k, "at": at.isoformat(), "url": url} for k, at, url in state.acted],
            "open_until": _stamp(state.open_until), "opened_at": _stamp(state.opened_at),
            "opened_by": state.opened_by, "reason": state.reason,
            "resumed_by": state.resumed_by}
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def from_json(text: str) -> BreakerState:
    """The state in the file; an unreadable file counts as a closed breaker with no count
    (the bot then acts as it would without a breaker, and the next write repairs it)."""
    try:
        data = json.loads(text)
        acted = tuple((str(a["key"]), datetime.fromisoformat(a["at"]), str(a.get("url", "")))
                      for a in data["acted"])
        return BreakerState(acted, _time(data.get("open_until")), _time(data.get("opened_at")),
                            str(data.get("opened_by", "")), str(data.get("reason", "")),
                            str(data.get("resumed_by", "")))
    except (ValueError, KeyError, TypeError):
        log.warning("a breaker state file is not readable; counting from zero")
        return BreakerState()


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
