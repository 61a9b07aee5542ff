"""Wiring: the one place that chooses backends and builds a ``Service`` from settings.

Both edges come here: the App builds one GitHub adapter per installation, the Action and
``governance moderate`` one for their token. Everything is built inside a running event
loop (aiohttp sessions must be), and nothing happens at import time.

Backends: GitHub through the gidgethub adapter; the ledger in the private repository the
config names (``GitHubLedger``); mail over SMTP when ``SMTP_HOST`` is set (else notices stay
in the ledger); reward codes from the pool file or Shopify, as the config chooses; the LLM
second opinion over the HTTP session when the config enables it and a key is at hand (the
deployment's ``LLM_API_KEY`` to its ``LLM_URL``, else the run's own token).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

from governance.adapters.checkpoint import FileCheckpoint
from governance.adapters.codes_pool import PoolCodes
from governance.adapters.config_files import ConfigKeepingGitHub
from governance.adapters.github import GitHubAdapter
from governance.adapters.github_activity import GitHubActivity
from governance.adapters.history import GraphQLHistory, Pacer, scan_retry
from governance.adapters.http import TokenSource, graphql_url_for
from governance.adapters.llm import LlmSecondOpinion
from governance.adapters.mail import SmtpMailer
from governance.adapters.mail import SmtpSettings as MailSettings
from governance.adapters.recent_github import RecentFromGitHub
from governance.adapters.recent_memory import RecentMemory
from governance.adapters.retry import RetryPolicy, Sleep
from governance.adapters.shopify import API_VERSION, ShopifyCodes
from governance.adapters.webhook import WebhookPoster
from governance.config.types import Config
from governance.deployment import ConfigSource, Deployment, Offload
from governance.executor import Handler
from governance.experts.service import ExpertProgramme
from governance.ledger.bans import LedgerBans
from governance.ledger.breaker import LedgerBreaker
from governance.ledger.store import GitHubLedger
from governance.model import Action
from governance.ports import (
    BanList,
    BreakerStore,
    Clock,
    GitHub,
    LedgerStore,
    LlmOpinion,
    Mailer,
    RecentContent,
)
from governance.rewards.codes import CodeProvider, Unconfigured
from governance.rewards.flow import RewardDeps
from governance.rewards.usecases import reward_handlers
from governance.service import Outcome, Service
from governance.settings import LlmSettings, Settings, SmtpSettings, load_settings
from governance.sweep import LedgerToSweep, SweepDeps

log = logging.getLogger("governance.runtime")

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
MAIL_TIMEOUT = 30.0  # the Action and the command line have minutes


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def new_session(timeout: aiohttp.ClientTimeout = HTTP_TIMEOUT) -> aiohttp.ClientSession:
    """Call inside a running loop; the caller closes it."""
    return aiohttp.ClientSession(timeout=timeout)


# Where an edge's deployment keeps or finds recent content (spam waves): given the GitHub
# client and the moment the edge starts.
RecentSource = Callable[[GitHub, datetime], RecentContent]


def recent_in_memory() -> RecentSource:
    """The App's spam-wave memory: this replica's recent content, one memory for every
    installation (it keeps each installation's apart)."""
    memory = RecentMemory()
    return lambda _github, _now: memory


def recent_from_github(github: GitHub, now: datetime) -> RecentContent:
    """The Action keeps nothing between runs: the repository's newest comments, one read."""
    return RecentFromGitHub(github, now)


def build_mailer(smtp: SmtpSettings | None, timeout: float = MAIL_TIMEOUT) -> Mailer | None:
    """The SMTP mailer when SMTP is configured; without it notices go to the ledger.
    ``timeout``: seconds for a whole hand-over to the server."""
    if smtp is None:
        return None
    return SmtpMailer(MailSettings(
        host=smtp.host, port=smtp.port, sender=smtp.sender, username=smtp.username,
        password=smtp.password.reveal() if smtp.password else "", reply_to=smtp.reply_to,
        security=smtp.tls.value, timeout_seconds=timeout))


def llm_keys(settings: Settings) -> dict[str, str]:
    """API keys the LLM second opinion may use, by the variable ``llm.api_key_env`` names.

    Only the token this run already holds (the Action's or ``--token``), under its usual
    name ``GITHUB_TOKEN`` (GitHub Models accepts it): a repository's config must not be able
    to name any other variable of the deployment and have it sent to the URL it chooses.
    The deployment's own key (``LLM_API_KEY``) is not among them: see ``llm_for``.
    """
    return {"GITHUB_TOKEN": settings.token.reveal()} if settings.token else {}


def llm_for(session: aiohttp.ClientSession, keys: Mapping[str, str],
            deployment: LlmSettings | None = None, max_timeout: float | None = None
            ) -> Callable[[Config], LlmOpinion | None]:
    """The second opinion each repository's ``llm`` config asks for, if a key is at hand.

    With a deployment key (``LLM_API_KEY``, the App's only one) every enabled repository
    uses it, sent only to the deployment's ``LLM_URL``: the config's ``llm.url`` and
    ``llm.api_key_env`` are ignored, so no repository can send that key elsewhere.
    Otherwise the run's own token (``keys``) goes to the config's ``llm.url``.
    ``max_timeout`` caps the config's ``llm.timeout_seconds`` (the App's delivery budget).
    """

    def choose(config: Config) -> LlmOpinion | None:
        llm = config.llm
        if not llm.enabled:
            return None
        if deployment is not None:
            key, url = deployment.api_key.reveal(), deployment.url
        else:
            key, url = keys.get(llm.api_key_env, ""), llm.url
        if not key:
            log.warning("llm.enabled, but no key for %s here; local verdicts only",
                        llm.api_key_env)
            return None
        timeout = llm.timeout_seconds if max_timeout is None else min(llm.timeout_seconds,
                                                                         max_timeout)
        return LlmSecondOpinion(session, url=url, model=llm.model, api_key=key,
                                timeout_seconds=timeout, band=llm.band)

    return choose


def webhook_poster(session: aiohttp.ClientSession) -> WebhookPoster:
    """Posts the moderators' notifications (``notifications.webhook``)."""
    return WebhookPoster(session)


def ledger_for(github: GitHub, clock: Clock) -> Callable[[Config], LedgerStore | None]:
    """The ledger each repository's config names; none when it names none."""

    def choose(config: Config) -> LedgerStore | None:
        repository = config.ledger.repository
        return GitHubLedger(github, repository, clock) if repository else None

    return choose


def bans_for(github: GitHub, clock: Clock) -> Callable[[Config], BanList | None]:
    """The active-ban index beside the ledger each config names (ban-evasion checks)."""

    def choose(config: Config) -> BanList | None:
        repository = config.ledger.repository
        return LedgerBans(github, repository, clock) if repository else None

    return choose


def breaker_for(github: GitHub, clock: Clock) -> Callable[[Config], BreakerStore | None]:
    """The circuit breakers' state beside the ledger each config names."""

    def choose(config: Config) -> BreakerStore | None:
        repository = config.ledger.repository
        return LedgerBreaker(github, repository, clock) if repository else None

    return choose


def code_pool(github: GitHub, config: Config, clock: Clock) -> PoolCodes:
    """The tiers' code pools in the private ledger ``config`` names."""
    codes = config.recognition.codes
    return PoolCodes(github, config.ledger.repository, codes.pool_path, clock.now)


def code_provider(github: GitHub, clock: Clock, *,
                  http: aiohttp.ClientSession | None = None, shopify_token: str = "",
                  shopify_url: str = "", shopify_api_version: str = API_VERSION
                  ) -> Callable[[Config], CodeProvider]:
    """The provider the config chooses (``recognition.codes.provider``).

    ``shopify_token`` comes from the SHOPIFY_TOKEN secret (the edge reads it);
    ``shopify_url`` replaces ``https://<shop>`` (tests point it at the loopback fake).
    """

    def choose(config: Config) -> CodeProvider:
        codes = config.recognition.codes
        if codes.provider == "shopify":
            if http is None or not shopify_token or not codes.shopify_shop:
                return Unconfigured("the shopify provider needs recognition.codes."
                                    "shopify_shop and the SHOPIFY_TOKEN secret")
            return ShopifyCodes(http, codes.shopify_shop, shopify_token,
                                codes.shopify_price_rules, shopify_api_version, shopify_url)
        return code_pool(github, config, clock)

    return choose


def expert_programme(github: GitHubAdapter, mailer: Mailer | None) -> ExpertProgramme:
    """The expert programme, reading contributions through GitHub's GraphQL API."""
    return ExpertProgramme(github, GitHubActivity.of(github), mailer)


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

    deployment = Deployment(
        github, clock, build_mailer(settings.smtp, APP_MAIL_TIMEOUT if setup.serving
                                    else MAIL_TIMEOUT),
        recent, setup.dry_run, setup.offload, setup.config, ledger_for(github, clock),
        bans_for(github, clock), breaker_for(github, clock),
        llm_for(http, llm_keys(settings), settings.llm,
                APP_LLM_TIMEOUT if setup.serving else None), handlers)
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


def scan_checkpoint(path: Path, key: Mapping[str, Any], extra: Mapping[str, Any]
                    ) -> FileCheckpoint:
    """The scan's rows and position, in ``path`` and ``path.rows``."""
    return FileCheckpoint(path, key, extra)

