"""The backends, each chosen from settings or from what a repository's config names.

GitHub through the gidgethub adapter (``runtime.github_for``); the ledger in the private
repository the config names (``GitHubLedger``), with its ban index and circuit breakers; mail
over SMTP when ``SMTP_HOST`` is set (else notices stay in the ledger); reward codes from the
pool file or Shopify, as the config chooses; the LLM second opinion over the HTTP session
when the config enables it and a key is at hand (the deployment's ``LLM_API_KEY`` to its
``LLM_URL``, else the run's own token). ``runtime.wire`` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp

from governance.adapters.checkpoint import FileCheckpoint
from governance.adapters.codes_pool import PoolCodes
from governance.adapters.github import GitHubAdapter
from governance.adapters.github_activity import GitHubActivity
from governance.adapters.llm import LlmSecondOpinion
from governance.adapters.mail import SmtpMailer
from governance.adapters.mail import SmtpSettings as MailSettings
from governance.adapters.recent_github import RecentFromGitHub
from governance.adapters.recent_memory import RecentMemory
from governance.adapters.shopify import API_VERSION, ShopifyCodes
from governance.adapters.webhook import WebhookPoster
from governance.config.types import Config
from governance.experts.service import ExpertProgramme
from governance.ledger.bans import LedgerBans
from governance.ledger.breaker import LedgerBreaker
from governance.ledger.store import GitHubLedger
from governance.ports import Clock, GitHub, Mailer, RecentContent
from governance.rewards.codes import CodeProvider, Unconfigured
from governance.settings import LlmSettings, Settings, SmtpSettings

MAIL_TIMEOUT = 30.0  # seconds for a hand-over: the Action and the command line have minutes


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


def build_mailer(smtp: SmtpSettings | None, timeout: float = MAIL_TIMEOUT) -> SmtpMailer | None:
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
            ) -> Callable[[Config], LlmSecondOpinion | None]:
    """The second opinion each repository's ``llm`` config asks for, if a key is at hand.

    With a deployment key (``LLM_API_KEY``, the App's only one) every enabled repository
    uses it, sent only to the deployment's ``LLM_URL``: the config's ``llm.url`` and
    ``llm.api_key_env`` are ignored, so no repository can send that key elsewhere.
    Otherwise the run's own token (``keys``) goes to the config's ``llm.url``.
    ``max_timeout`` caps the config's ``llm.timeout_seconds`` (the App's delivery budget).
    """

    def choose(config: Config) -> LlmSecondOpinion | None:
        llm = config.llm
        if not llm.enabled:
            return None
        if deployment is not None:
            key, url = deployment.api_key.reveal(), deployment.url
        else:
            key, url = keys.get(llm.api_key_env, ""), llm.url
        if not key:  # the service says so when a verdict asks for the opinion
            return None
        timeout = llm.timeout_seconds if max_timeout is None else min(llm.timeout_seconds,
                                                                         max_timeout)
        return LlmSecondOpinion(session, url=url, model=llm.model, api_key=key,
                                timeout_seconds=timeout, band=llm.band)

    return choose


def webhook_poster(session: aiohttp.ClientSession) -> WebhookPoster:
    """Posts the moderators' notifications (``notifications.webhook``)."""
    return WebhookPoster(session)


def ledger_for(github: GitHub, clock: Clock) -> Callable[[Config], GitHubLedger | None]:
    """The ledger each repository's config names; none when it names none."""

    def choose(config: Config) -> GitHubLedger | None:
        repository = config.ledger.repository
        return GitHubLedger(github, repository, clock) if repository else None

    return choose


def bans_for(github: GitHub, clock: Clock) -> Callable[[Config], LedgerBans | None]:
    """The active-ban index beside the ledger each config names (ban-evasion checks)."""

    def choose(config: Config) -> LedgerBans | None:
        repository = config.ledger.repository
        return LedgerBans(github, repository, clock) if repository else None

    return choose


def breaker_for(github: GitHub, clock: Clock) -> Callable[[Config], LedgerBreaker | None]:
    """The circuit breakers' state beside the ledger each config names."""

    def choose(config: Config) -> LedgerBreaker | None:
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



def scan_checkpoint(path: Path, key: Mapping[str, Any], extra: Mapping[str, Any]
                    ) -> FileCheckpoint:
    """The scan's rows and position, in ``path`` and ``path.rows``."""
    return FileCheckpoint(path, key, extra)
