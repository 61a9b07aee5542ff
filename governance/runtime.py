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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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
from governance.config.load import load_config
from governance.config.types import Config
from governance.experts.service import ExpertProgramme
from governance.ledger.bans import LedgerBans
from governance.ledger.breaker import LedgerBreaker
from governance.ledger.store import GitHubLedger
from governance.model import Reward
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
from governance.rewards.held import HeldRewards, held_handlers
from governance.rewards.usecases import reward_handler
from governance.service import (
    CONFIG_PATH,
    ConfigError,
    Offload,
    Outcome,
    Service,
    read_config_text,
)
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


def build_github(session: aiohttp.ClientSession, token: TokenSource, api_url: str, *,
                 retry: RetryPolicy = ACTION_RETRY, graphql_url: str | None = None,
                 config_ttl: float = 0.0) -> GitHubAdapter:
    """``config_ttl`` > 0 (the App): config files read are kept that many seconds."""
    graphql = graphql_url or graphql_url_for(api_url)
    if config_ttl > 0:
        return ConfigKeepingGitHub(session, token=token, base_url=api_url, graphql_url=graphql,
                                   retry=retry, config_ttl=config_ttl)
    return GitHubAdapter(session, token=token, base_url=api_url, graphql_url=graphql,
                         retry=retry)


def recent_in_memory() -> RecentContent:
    """The App's spam-wave memory: this replica's recent content, per installation."""
    return RecentMemory()


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


@dataclass
class PinnedConfigService(Service):
    """A service reading the repository's config from another path (the Action's input)."""

    config_path: str = CONFIG_PATH

    async def config_for(self, repo: str) -> Config:
        owner = repo.split("/", 1)[0]
        repo_text = await read_config_text(self.github, repo, self.config_path)
        if repo_text is None:
            raise ConfigError([f"{repo}/{self.config_path}: not found on the default branch"])
        org_text = None if repo == f"{owner}/.github" else await read_config_text(
            self.github, f"{owner}/.github", CONFIG_PATH)
        return await self.cpu(lambda: load_config(
            repo_text, org_text, repo_name=f"{repo}/{self.config_path}",
            org_name=f"{owner}/.github/{CONFIG_PATH}"))


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


def sweep_deps(github: GitHubAdapter, service: Service, settings: Settings,
               session: aiohttp.ClientSession, target: LedgerToSweep) -> SweepDeps:
    """What ``sweep`` needs for ``target``, sharing the service's clock and mailer: every
    edge (the CLI, the Action, the App's timer) sweeps with these."""
    hook = settings.moderators_webhook
    return SweepDeps(target, github, service.clock, service.mailer,
                     reward_deps(service, settings, session),
                     expert_programme(github, service.mailer), webhook_poster(session),
                     hook.reveal() if hook else "")


def build_service(github: GitHub, settings: Settings, *, clock: Clock | None = None,
                  dry_run: bool = False, session: aiohttp.ClientSession | None = None,
                  recent: RecentContent | None = None, config_path: str = "",
                  offload: Offload | None = None, serving: bool = False) -> Service:
    """The service for one token or installation, every backend chosen from settings.

    ``config_path``: read the repository's config from there instead of the usual
    ``.github/governance.yml`` (the organisation's defaults still apply). ``offload``:
    where CPU-heavy steps run (the App's worker threads); None: inline. ``serving``: the
    App's, whose outside calls fit a delivery's deadline (``APP_*_TIMEOUT``).
    """
    clock = clock or SystemClock()
    mailer = build_mailer(settings.smtp, APP_MAIL_TIMEOUT if serving else MAIL_TIMEOUT)
    fields: dict[str, Any] = dict(github=github, clock=clock, mailer=mailer, recent=recent,
                                  dry_run=dry_run, ledger_for=ledger_for(github, clock),
                                  bans_for=bans_for(github, clock), offload=offload,
                                  breaker_for=breaker_for(github, clock))
    if session is not None:
        fields["llm_for"] = llm_for(session, llm_keys(settings), settings.llm,
                                    APP_LLM_TIMEOUT if serving else None)
    if config_path and config_path != CONFIG_PATH:
        service: Service = PinnedConfigService(**fields, config_path=config_path)
    else:
        service = Service(**fields)
    service.extra_handlers[Reward] = reward_handler(reward_deps(service, settings, session),
                                                    service.left_to_sweep.append)
    service.extra_handlers.update(held_handlers(HeldRewards(
        github, service.config_for, ledger_for(github, clock), service.extra_handlers[Reward])))
    return service


def reward_deps(service: Service, settings: Settings,
                session: aiohttp.ClientSession | None) -> RewardDeps:
    """What the reward flow needs, sharing the service's GitHub, clock, config and mailer."""
    shopify = settings.shopify_token.reveal() if settings.shopify_token else ""
    codes = code_provider(service.github, service.clock, http=session, shopify_token=shopify)
    return RewardDeps(service.github, service.clock, service.config_for, codes, service.mailer)


async def run_with_token(token: str, env: Mapping[str, str], event_name: str,
                         payload: Mapping[str, Any], *, dry_run: bool) -> Outcome:
    """One event, carried out with a plain token (``governance moderate --token``)."""
    settings = load_settings(env, "token", token=token)
    assert settings.token is not None
    async with new_session() as session:
        github = build_github(session, settings.token.reveal(), settings.api_url,
                              graphql_url=settings.graphql_url or None)
        service = build_service(github, settings, dry_run=dry_run, session=session)
        return await service.handle(event_name, payload)


# ------------------------------------------------------------------ governance scan


def scan_backends(session: aiohttp.ClientSession, settings: Settings, *, sleep: Sleep,
                  now: Callable[[], float]) -> tuple[GitHubAdapter, GraphQLHistory]:
    """The token's GitHub with a scan's patience (rate limits are waited out however long
    they last) and the GraphQL history reader on it, pacing the budget."""
    assert settings.token is not None
    github = build_github(session, settings.token.reveal(), settings.api_url,
                          retry=scan_retry(sleep, now), graphql_url=settings.graphql_url or None)
    pacer = Pacer(sleep, lambda: datetime.fromtimestamp(now(), UTC))
    return github, GraphQLHistory(github.client, pacer)


def scan_checkpoint(path: Path, key: Mapping[str, Any], extra: Mapping[str, Any]
                    ) -> FileCheckpoint:
    """The scan's rows and position, in ``path`` and ``path.rows``."""
    return FileCheckpoint(path, key, extra)

