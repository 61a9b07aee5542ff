"""The App put together: settings -> App client, token cache, adapters, service, web app.

One GitHub adapter per installation is kept (bounded), so its ETag cache keeps config
reads cheap and its counters feed ``/metrics``; all share one HTTP session and one cache of
installation tokens. With ``config_ttl`` (``config_files.CONFIG_TTL`` is meant for serving),
each adapter keeps the config files it read for that many seconds (``config_files``): under
load, a benign delivery then costs no GitHub call for its config.
"""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping

import aiohttp
from aiohttp import web

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.adapters.http import GitHubError
from governance.adapters.retry import RetryPolicy
from governance.app.auth import AppClient, InstallationTokens
from governance.app.metrics import GitHubFigures, Metrics
from governance.app.server import (
    DEADLINE,
    AddRoutes,
    AppDeps,
    Delivery,
    Handle,
    Result,
    create_app,
)
from governance.app.workers import CpuWorkers
from governance.config.load import ConfigError
from governance.events import EventError
from governance.ledger.store import LedgerNotPrivate
from governance.ports import Clock
from governance.service import Outcome
from governance.settings import Settings

WiringFactory = Callable[[GitHubAdapter], runtime.Wiring]  # ``runtime.wire`` for the App


class Installations:
    """GitHub adapters by installation id, least recently used dropped beyond ``capacity``;
    with ``wire``, each installation's wiring too, kept as long as its adapter."""

    def __init__(self, session: aiohttp.ClientSession, tokens: InstallationTokens,
                 settings: Settings, retry: RetryPolicy, capacity: int = 256,
                 config_ttl: float = 0.0, wire: WiringFactory | None = None) -> None:
        self._session = session
        self._tokens = tokens
        self._settings = settings
        self._setup = runtime.SetUp(retry=retry, config_ttl=config_ttl)
        self._capacity = capacity
        self._wire = wire
        self._adapters: OrderedDict[int, GitHubAdapter] = OrderedDict()
        self._wirings: dict[int, runtime.Wiring] = {}
        self._retired = GitHubFigures("retired", 0, 0, None)

    def github(self, installation_id: int) -> GitHubAdapter:
        adapter = self._adapters.get(installation_id)
        if adapter is None:
            adapter = runtime.github_for(self._session, self._tokens.provider(installation_id),
                                         self._settings, self._setup)
            self._adapters[installation_id] = adapter
        self._adapters.move_to_end(installation_id)
        while len(self._adapters) > self._capacity:
            self._retire(*self._adapters.popitem(last=False))
        return adapter

    def wiring(self, installation_id: int) -> runtime.Wiring:
        """The installation's deployment over its adapter, built once."""
        assert self._wire is not None, "Installations(wire=...) builds the wirings"
        adapter = self.github(installation_id)
        found = self._wirings.get(installation_id)
        if found is None or found.github is not adapter:
            found = self._wirings[installation_id] = self._wire(adapter)
        return found

    def _retire(self, installation_id: int, adapter: GitHubAdapter) -> None:
        self._wirings.pop(installation_id, None)
        old = self._retired
        self._retired = GitHubFigures("retired", old.calls + adapter.metrics.calls,
                                      old.retries + adapter.metrics.retries, None)

    def figures(self) -> Iterable[GitHubFigures]:
        for installation_id, adapter in self._adapters.items():
            m = adapter.metrics
            yield GitHubFigures(str(installation_id), m.calls, m.retries,
                                m.rate_limit_remaining)
        if self._retired.calls:
            yield self._retired


def result_of(outcome: Outcome) -> Result:
    if outcome.plan is None:
        return Result(200, "ignored", detail=outcome.ignored)
    if outcome.plan.dry_run:
        return Result(200, "dry-run")
    if outcome.left_to_sweep:  # not "done": say what the sweep still has to finish
        return Result(202, "left-to-sweep", tuple(outcome.done),
                      detail="; ".join(outcome.left_to_sweep)[:300])
    return Result(200, "done", tuple(outcome.done))


def delivery_handler(installations: Installations) -> Handle:
    """Run one verified delivery through the service of its installation."""

    async def handle(delivery: Delivery) -> Result:
        installation_id = delivery.installation_id
        if installation_id is None:
            return Result(200, "ignored", detail="no installation in the payload")
        service = installations.wiring(installation_id).service
        try:
            outcome = await service.handle(delivery.event, delivery.payload)
        except ConfigError as exc:
            # The repository's config is broken: failing the delivery keeps it in GitHub's
            # log, and redelivering once the file is fixed finishes the work.
            return Result(422, "config-error", detail=f"{len(exc.errors)} config error(s)")
        except LedgerNotPrivate as exc:
            return Result(422, "config-error", detail=str(exc))
        except EventError:
            return Result(400, "rejected", detail="payload does not have its event's shape")
        except GitHubError as exc:  # the adapter's own words: method, path template, status
            return Result(502, "failed", detail=f"{type(exc).__name__}: {exc}"[:300])
        return result_of(outcome)

    return handle


async def app_from_settings(
    settings: Settings,
    *,
    clock: Clock | None = None,
    retry: RetryPolicy = runtime.APP_RETRY,
    deadline: float = DEADLINE,
    metrics: Metrics | None = None,
    extra: AddRoutes | None = None,
    subapps: Mapping[str, web.Application] | None = None,
    config_ttl: float = 0.0,
    sweep_every: float = 0.0,
) -> web.Application:
    """The App's web application; must be awaited inside the loop that will serve it.

    ``config_ttl``: seconds a config file read from GitHub is used before reading it again
    (0: read for every delivery). ``sweep_every``: seconds between the sweep timer's rounds
    over every installation (0: no timer; ``timer.py``).
    """
    assert settings.app is not None, "App settings are required"
    clock = clock or runtime.SystemClock()
    metrics = metrics or Metrics()
    workers = CpuWorkers()  # classification and config parsing, off the event loop
    # recent: this replica's view of recent content, for spam waves
    setup = runtime.SetUp(retry=retry, clock=clock, recent=runtime.recent_in_memory(),
                          serving=True, offload=workers, config_ttl=config_ttl)
    session = runtime.session_for(setup)
    installations = _installations(settings, session, setup, metrics)

    token = settings.app.metrics_token
    deps = AppDeps(webhook_secret=settings.app.webhook_secret.reveal(),
                   handle=delivery_handler(installations),
                   metrics=metrics, deadline=deadline,
                   metrics_token=token.reveal() if token else "")
    app = create_app(deps, extra=extra, subapps=subapps)

    async def close_session(_app: web.Application) -> None:
        await session.close()
        workers.close()

    app.on_cleanup.append(close_session)
    if sweep_every > 0:  # the sweep timer; it stops (cleanup_ctx) before the session closes
        from governance.app.timer import SweepRound, sweep_timer

        sweep = SweepRound(settings, session, installations, clock)
        app.cleanup_ctx.append(sweep_timer(sweep, sweep_every))
    return app


def _installations(settings: Settings, session: aiohttp.ClientSession, setup: runtime.SetUp,
                   metrics: Metrics) -> Installations:
    """The App's own client, its token cache, the adapters and each installation's wiring
    (``runtime.wire``), all counted in ``metrics``."""
    assert settings.app is not None and setup.clock is not None
    clock = setup.clock
    client = AppClient(session, app_id=settings.app.app_id,
                       private_key=settings.app.private_key.reveal(),
                       api_url=settings.api_url, clock=clock)
    installations = Installations(
        session, InstallationTokens(client, clock), settings, setup.retry,
        config_ttl=setup.config_ttl,
        wire=lambda github: runtime.wire(settings, session, github, setup))
    metrics.github_sources.append(installations.figures)
    metrics.github_sources.append(lambda: [GitHubFigures("app", client.calls, 0, None)])
    return installations


def settle_process() -> None:
    """Call once before serving: load the detector's model now, so that the first delivery
    does not wait for it (nor every delivery arriving meanwhile), and move what start-up
    allocated out of the garbage collector's way (``gc.freeze``): its full passes then skip
    those tens of thousands of long-lived objects (modules, model, schema), and the pauses
    they cause in every delivery in flight shrink from tens of milliseconds to a few."""
    from governance.config.defaults import default_config
    from governance.decision import config_context
    from governance.detect import classify

    # the learned model too when the default config runs it (loading it takes a moment)
    classify("warming up the detector before the first delivery",
             config_context(default_config()))
    gc.collect()
    gc.freeze()
