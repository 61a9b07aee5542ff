"""Wiring: the one place that puts a deployment together from settings, for every edge.

An edge says how it wants it (``SetUp``: config source, retry policy, dry-run, clock, and the
App's serving and offload options) and gets a ``Wiring``: its HTTP session, the GitHub
client of its token or installation, and the ``Deployment`` the Service runs with. The
Action and the command line ``connect`` with a token; the App builds one GitHub adapter per
installation (``github_for``) and ``wire``s it once. The backends are chosen in
``runtime.backends``. Everything is built inside a running event loop (aiohttp sessions
must be), and nothing happens at import time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp

from governance.adapters.config_files import ConfigKeepingGitHub
from governance.adapters.github import GitHubAdapter
from governance.adapters.history import GraphQLHistory, Pacer, scan_retry
from governance.adapters.http import TokenSource, graphql_url_for
from governance.adapters.retry import RetryPolicy, Sleep
from governance.deployment import ConfigSource, Deployment, Offload
from governance.executor import Handler
from governance.experts.service import ExpertProgramme
from governance.model import Action
from governance.ports import Clock
from governance.rewards.flow import RewardDeps
from governance.rewards.usecases import reward_handlers
from governance.runtime.backends import (
    MAIL_TIMEOUT,
    RecentSource,
    bans_for,
    breaker_for,
    build_mailer,
    code_pool,
    code_provider,
    expert_programme,
    ledger_for,
    llm_for,
    llm_keys,
    recent_from_github,
    recent_in_memory,
    scan_checkpoint,
    webhook_poster,
)
from governance.service import Outcome, Service
from governance.settings import Settings, load_settings
from governance.sweep import LedgerToSweep, SweepDeps

__all__ = [
    "ACTION_RETRY", "APP_HTTP_TIMEOUT", "APP_LLM_TIMEOUT", "APP_MAIL_TIMEOUT", "APP_RETRY",
    "HTTP_TIMEOUT", "MAIL_TIMEOUT", "SetUp", "SystemClock", "Wiring", "bans_for", "breaker_for",
    "build_mailer", "code_pool", "code_provider", "connect", "github_for", "ledger_for",
    "llm_for", "llm_keys", "new_session", "recent_from_github", "recent_in_memory",
    "reward_deps", "run_with_token", "scan_backends", "scan_checkpoint", "session_for", "wire",
]


# A webhook must be answered within 10 s, so the App never sleeps long on GitHub's behalf:
# it fails the delivery instead, and the redelivery does the rest. The Action has minutes.
APP_RETRY = RetryPolicy(max_tries=3, base_delay=0.5, max_delay=2.0, max_wait=3.0)
ACTION_RETRY = RetryPolicy(max_tries=5, max_wait=5 * 60.0)
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=20, connect=5)
# Every outside call of a delivery fits its 9 s (``app.server.DEADLINE``): one GitHub or
# Shopify request, an SMTP hand-over, an LLM opinion each end well within it, so a stalled
# server leaves time to record what is pending (the sweep finishes it) and to answer.
APP_HTTP_TIMEOUT = aiohttp.ClientTimeout(total=5, connect=3)
APP_MAIL_TIMEOUT = 4.0
APP_LLM_TIMEOUT = 3.0


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def new_session(timeout: aiohttp.ClientTimeout = HTTP_TIMEOUT) -> aiohttp.ClientSession:
    """Call inside a running loop; the caller closes it."""
    return aiohttp.ClientSession(timeout=timeout)


# ------------------------------------------------------------------ the one set-up


@dataclass(frozen=True, slots=True)
class SetUp:
    """How an edge wants its deployment built (everything else comes from settings).

    ``serving``: the App's, whose outside calls fit a delivery's deadline (``APP_*``);
    ``offload``: where CPU-heavy steps run (the App's worker threads), None: inline;
    ``config_ttl`` > 0 (the App): config files read are kept that many seconds."""

    config: ConfigSource = field(default_factory=ConfigSource)
    retry: RetryPolicy = ACTION_RETRY
    dry_run: bool = False
    clock: Clock | None = None  # None: the system clock
    recent: RecentSource | None = None  # None: no spam-wave memory
    serving: bool = False
    offload: Offload | None = None
    config_ttl: float = 0.0


@dataclass(frozen=True, slots=True)
class Wiring:
    """What an edge runs with: its settings, the HTTP session, the GitHub client of its
    token or installation, and the deployment over it."""

    settings: Settings
    http: aiohttp.ClientSession
    github: GitHubAdapter
    deployment: Deployment

    @property
    def service(self) -> Service:
        return Service(self.deployment)

    @property
    def clock(self) -> Clock:  # the edge's one clock: the ledger's writes and every "now"
        return self.deployment.clock

    def reward_deps(self) -> RewardDeps:
        return reward_deps(self.deployment, self.settings, self.http)

    def programme(self) -> ExpertProgramme:
        return expert_programme(self.github, self.deployment.mailer)

    def sweep_deps(self, target: LedgerToSweep) -> SweepDeps:
        """What ``sweep`` needs for ``target``: every edge (the CLI, the Action, the App's
        timer) sweeps with these."""
        hook = self.settings.moderators_webhook
        return SweepDeps(target, self.github, self.clock, self.deployment.mailer,
                         self.reward_deps(), self.programme(), webhook_poster(self.http),
                         hook.reveal() if hook else "")


def session_for(setup: SetUp) -> aiohttp.ClientSession:
    """Call inside a running loop; the caller closes it."""
    return new_session(APP_HTTP_TIMEOUT if setup.serving else HTTP_TIMEOUT)


def github_for(http: aiohttp.ClientSession, token: TokenSource, settings: Settings,
               setup: SetUp) -> GitHubAdapter:
    """The GitHub client of a token (or an installation's token source)."""
    graphql = settings.graphql_url or graphql_url_for(settings.api_url)
    if setup.config_ttl > 0:
        return ConfigKeepingGitHub(http, token=token, base_url=settings.api_url,
                                   graphql_url=graphql, retry=setup.retry,
                                   config_ttl=setup.config_ttl)
    return GitHubAdapter(http, token=token, base_url=settings.api_url, graphql_url=graphql,
                         retry=setup.retry)


def wire(settings: Settings, http: aiohttp.ClientSession, github: GitHubAdapter,
         setup: SetUp) -> Wiring:
    """The deployment over ``github``, every backend chosen from settings: the one place
    the set-up is composed (``connect`` for a token, the App once per installation)."""
    clock = setup.clock or SystemClock()
    recent = setup.recent(github, clock.now()) if setup.recent is not None else None

    def handlers(deployment: Deployment, left_to_sweep: Callable[[str], None]
                 ) -> Mapping[type[Action], Handler]:
        deps = reward_deps(deployment, settings, http)
        return reward_handlers(deps, deployment.ledger_for, left_to_sweep)

    serving = setup.serving
    deployment = Deployment(
        github, clock, recent=recent, dry_run=setup.dry_run, offload=setup.offload,
        config_source=setup.config,
        mailer=build_mailer(settings.smtp, APP_MAIL_TIMEOUT if serving else MAIL_TIMEOUT),
        ledger_for=ledger_for(github, clock), bans_for=bans_for(github, clock),
        breaker_for=breaker_for(github, clock),
        llm_for=llm_for(http, llm_keys(settings), settings.llm,
                        APP_LLM_TIMEOUT if serving else None),
        handlers_for=handlers)
    return Wiring(settings, http, github, deployment)


@asynccontextmanager
async def connect(settings: Settings, token: str, setup: SetUp) -> AsyncIterator[Wiring]:
    """A token's wiring (the Action, the command line) for as long as the block runs."""
    async with session_for(setup) as http:
        yield wire(settings, http, github_for(http, token, settings, setup), setup)


def reward_deps(deployment: Deployment, settings: Settings,
                http: aiohttp.ClientSession) -> RewardDeps:
    """What the reward flow needs, sharing the deployment's GitHub, clock, configs, mailer."""
    shopify = settings.shopify_token.reveal() if settings.shopify_token else ""
    codes = code_provider(deployment.github, deployment.clock, http=http,
                          shopify_token=shopify)
    return RewardDeps(deployment.github, deployment.clock, deployment.config_for, codes,
                      deployment.mailer)


async def run_with_token(token: str, env: Mapping[str, str], event_name: str,
                         payload: Mapping[str, Any], *, dry_run: bool) -> Outcome:
    """One event, carried out with a plain token (``governance moderate --token``)."""
    settings = load_settings(env, "token", token=token)
    assert settings.token is not None
    async with connect(settings, settings.token.reveal(), SetUp(dry_run=dry_run)) as wiring:
        return await wiring.service.handle(event_name, payload)


# ------------------------------------------------------------------ governance scan


def scan_backends(session: aiohttp.ClientSession, settings: Settings, *, sleep: Sleep,
                  now: Callable[[], float]) -> tuple[GitHubAdapter, GraphQLHistory]:
    """The token's GitHub with a scan's patience (rate limits are waited out however long
    they last) and the GraphQL history reader on it, pacing the budget."""
    assert settings.token is not None
    github = github_for(session, settings.token.reveal(), settings,
                        SetUp(retry=scan_retry(sleep, now)))
    pacer = Pacer(sleep, lambda: datetime.fromtimestamp(now(), UTC))
    return github, GraphQLHistory(github.client, pacer)
