"""The App's sweep timer: what ``governance sweep`` does, for every installation, on a clock.

``governance serve`` runs a round every ``--sweep-every`` (default an hour; 0 turns it off),
the first at a random moment within ``FIRST_ROUND_SPREAD`` (or the interval, if shorter),
so that replicas started together do not sweep together. A round lists the App's
installations (with the App's JWT) and, for each, with its installation token, finds the
ledgers to sweep: the one the organisation's ``.github`` config names and those named by the
installation's repositories that have a config file of their own (config reads go through
the installation adapter's ETag cache: an unchanged file costs a free 304). Each ledger is
swept once per round by the one sweep ``governance sweep`` and the Action run too
(``governance.sweep``): expired bans, lost private notices, pending rewards, the moderators'
notifications, the expert programme's monthly step.

Several replicas may sweep at once: every job is idempotent, ledger writes are
compare-and-swap, and a notice is claimed in the ledger before it is sent. A failure is
logged (its kind and, from GitHub, method, path template and status; never content, people
or tokens) and counted, and the round goes on; nothing a round does stops the server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp
import gidgethub.aiohttp
from aiohttp import web

from governance import runtime
from governance import sweep as sweeping
from governance.adapters.github import GitHubAdapter
from governance.adapters.http import GitHubError
from governance.app.auth import app_jwt
from governance.config.load import ConfigError
from governance.config.types import Config
from governance.ledger.store import LedgerNotPrivate
from governance.ports import Clock
from governance.service import CONFIG_PATH
from governance.settings import Settings
from governance.sweep import LedgerToSweep, SweepReport

log = logging.getLogger("governance.app")

SWEEP_EVERY = 3600.0  # seconds between rounds unless --sweep-every says otherwise
FIRST_ROUND_SPREAD = 600.0  # the first round starts at a random moment within this
PER_PAGE = 100


class WiringSource(Protocol):
    """The App's wiring by installation (``wiring.Installations``)."""

    def wiring(self, installation_id: int) -> runtime.Wiring: ...


def parse_interval(text: str) -> float:
    """``--sweep-every``: ``0`` (off) or a duration such as ``90s``, ``30m``, ``1h``, ``1d``."""
    from governance.app.redeliver import parse_duration

    if text.strip() in ("0", "off"):
        return 0.0
    seconds = parse_duration(text).total_seconds()
    if seconds <= 0:
        raise ValueError("the interval must be longer than 0 (0 alone turns the sweep off)")
    return seconds


# --------------------------------------------------------------------------- targets


def ledgers_to_sweep(configs: Sequence[tuple[str, Config]]) -> list[LedgerToSweep]:
    """One entry per ledger (names compared without case), from ``(repository, config)``
    pairs: the organisation's ``.github`` first, then repositories with their own config.

    The first config naming a ledger is kept. A ledger's expert programme runs once, for
    the first repository whose config enables it; the ``.github`` repository only when its
    config lists ``experts.repositories`` (else the programme would read its activity)."""
    kept: dict[str, LedgerToSweep] = {}
    for _repo, config in configs:
        ledger = config.ledger.repository
        if ledger and ledger.lower() not in kept:
            kept[ledger.lower()] = LedgerToSweep(ledger, config)
    for repo, config in sorted(configs, key=lambda rc: _is_org_defaults(rc[0])):
        key = config.ledger.repository.lower()
        target = kept.get(key)
        if target is None or target.experts_repo or not config.experts.enabled:
            continue
        if not _is_org_defaults(repo) or config.experts.repositories:
            kept[key] = LedgerToSweep(target.ledger, target.config, repo)
    return list(kept.values())


def _is_org_defaults(repo: str) -> bool:
    return repo.split("/", 1)[-1].lower() == ".github"


# ----------------------------------------------------------------------------- round


@dataclass
class RoundReport:
    """What one round did: counted for the log line that ends it."""

    installations: int = 0
    ledgers: list[str] = field(default_factory=list)
    failures: int = 0
    swept: list[SweepReport] = field(default_factory=list)  # one per ledger swept


@dataclass
class SweepRound:
    """One pass over every installation; ``await round()`` never raises (but cancellation)."""

    settings: Settings
    http: aiohttp.ClientSession
    wirings: WiringSource
    clock: Clock

    async def __call__(self) -> RoundReport:
        report, started = RoundReport(), time.monotonic()
        try:
            installations = await self.installations()
        except Exception as exc:  # GitHub down, a bad key: the next round tries again
            self._failed(report, exc, step="list installations")
            installations = []
        for installation_id, account in installations:
            report.installations += 1
            try:
                await self.sweep_installation(installation_id, account, report)
            except Exception as exc:
                self._failed(report, exc, installation=installation_id)
        _log("done", installations=report.installations, ledgers=len(report.ledgers),
             failures=report.failures, seconds=round(time.monotonic() - started, 3))
        return report

    async def installations(self) -> list[tuple[int, str]]:
        """(id, account login) of every installation that is not suspended (App JWT)."""
        assert self.settings.app is not None
        app = self.settings.app
        api = gidgethub.aiohttp.GitHubAPI(self.http, "governance",
                                          base_url=self.settings.api_url)
        token = app_jwt(app.app_id, app.private_key.reveal(), self.clock.now())
        found = [item async for item in api.getiter(
            "/app/installations{?per_page}", {"per_page": PER_PAGE}, jwt=token,
            iterable_key=None)]
        return [(int(i["id"]), str((i.get("account") or {}).get("login") or ""))
                for i in found if not i.get("suspended_at")]

    async def sweep_installation(self, installation_id: int, account: str,
                                 report: RoundReport) -> None:
        wiring = self.wirings.wiring(installation_id)
        for target in await self.targets(wiring, account, installation_id, report):
            if target.ledger.lower() in (name.lower() for name in report.ledgers):
                continue  # another installation's config named it too
            report.ledgers.append(target.ledger)
            await self.sweep_ledger(wiring, target, installation_id, report)

    async def targets(self, wiring: runtime.Wiring, account: str, installation_id: int,
                      report: RoundReport) -> list[LedgerToSweep]:
        configs: list[tuple[str, Config]] = []
        for repo in await self.config_repositories(wiring.github, account):
            try:
                configs.append((repo, await wiring.deployment.config_for(repo)))
            except ConfigError as exc:  # the delivery handler reports it the same way
                self._failed(report, exc, installation=installation_id, repo=repo)
        return ledgers_to_sweep(configs)

    async def config_repositories(self, github: GitHubAdapter, account: str) -> list[str]:
        """The organisation's ``.github`` (if it holds a config) and every repository of the
        installation with a config file of its own."""
        org_defaults = f"{account}/.github"
        found = [org_defaults] if await github.read_file(org_defaults, CONFIG_PATH) else []
        for repo in sorted(await installation_repositories(github)):
            if repo.lower() != org_defaults.lower() and await github.read_file(repo, CONFIG_PATH):
                found.append(repo)
        return found

    async def sweep_ledger(self, wiring: runtime.Wiring, target: LedgerToSweep,
                           installation_id: int, report: RoundReport) -> None:
        swept = await sweeping.sweep(wiring.sweep_deps(target), dry_run=False)
        report.swept.append(swept)
        for failure in swept.failures:  # one failing duty left the others to run
            self._failed(report, failure.error, installation=installation_id,
                         ledger=target.ledger, step=failure.job)

    def _failed(self, report: RoundReport, exc: Exception, **where: Any) -> None:
        report.failures += 1
        _log("failed", level=logging.WARNING, **where, error=describe(exc))


async def installation_repositories(github: GitHubAdapter) -> list[str]:
    """Full names of the repositories the installation may reach (its token's listing;
    pages through ``total_count``, each page a conditional request)."""
    names: list[str] = []
    page = 1
    while True:
        body = await github.client.rest("GET", "/installation/repositories{?per_page,page}",
                                        {"per_page": PER_PAGE, "page": page})
        body = body if isinstance(body, dict) else {}
        repos = body.get("repositories") or []
        names += [str(r["full_name"]) for r in repos]
        if not repos or len(names) >= int(body.get("total_count") or 0):
            return names
        page += 1


def describe(exc: Exception) -> str:
    """A failure in words safe for the log: GitHub's errors name method, path template and
    status; others only their kind (their text could hold content or people)."""
    if isinstance(exc, GitHubError | LedgerNotPrivate):
        return f"{type(exc).__name__}: {exc}"[:300]
    if isinstance(exc, ConfigError):
        return f"ConfigError: {len(exc.errors)} config error(s)"
    if isinstance(exc, gidgethub.HTTPException):
        return f"{type(exc).__name__}: {exc.status_code}"
    return type(exc).__name__


def _log(what: str, *, level: int = logging.INFO, **fields: Any) -> None:
    log.log(level, json.dumps({"sweep": what, **fields}, separators=(",", ":")))


# ----------------------------------------------------------------------------- timer


def first_delay(every: float) -> float:
    """When the first round starts: a random moment, so that replicas spread out."""
    return random.uniform(0.0, min(every, FIRST_ROUND_SPREAD))


async def run_timer(sweep: Callable[[], Awaitable[object]], every: float, *,
                    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                    delay: Callable[[float], float] | None = None) -> None:
    """Round after round until cancelled; an escaped error is logged, never raised."""
    await sleep((delay or first_delay)(every))
    while True:
        try:
            await sweep()
        except Exception as exc:
            _log("failed", level=logging.ERROR, step="round", error=describe(exc))
        await sleep(every)


def sweep_timer(sweep: Callable[[], Awaitable[object]], every: float
                ) -> Callable[[web.Application], AsyncIterator[None]]:
    """For ``app.cleanup_ctx``: the timer runs while the App serves and stops before its
    HTTP session closes."""

    async def running(_app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(run_timer(sweep, every), name="governance-sweep")
        yield
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task

    return running
