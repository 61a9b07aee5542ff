"""What the Service runs with: the deployment, and one repository's context built from it.

A ``Deployment`` lives as long as its client: the App's installation, the Action's run, a
maintainer's command. It holds the GitHub client, the clock, the mailer, dry-run, where
CPU-heavy steps run, where the config is read (``ConfigSource``) and the factories the
settings chose for what a repository's config names: its ledger, the ban index and the
circuit breaker beside it, the LLM second opinion, and the handlers of actions the executor
does not know itself (rewards). ``context_for(repo)`` reads the config and builds the
``RepoContext`` from it: the Service asks for it once per event, and everything it does for
that event comes from there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from governance.config.load import REPO_CONFIG, ConfigError, load_config
from governance.config.types import Config
from governance.executor import Handler
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
    UnreadableFile,
)

T = TypeVar("T")


class Offload(Protocol):
    """Runs ``work`` elsewhere (e.g. a worker thread) and awaits its result."""

    async def __call__(self, work: Callable[[], T]) -> T: ...


@dataclass(frozen=True, slots=True)
class ConfigSource:
    """Where a repository's config file is read (on its default branch, through the API).

    ``required``: a missing file is an error rather than the defaults (a path the Action's
    ``config:`` input names must exist). The organisation's defaults are always read from
    its ``.github`` repository at the usual path."""

    path: str = REPO_CONFIG
    required: bool = False

    @classmethod
    def named(cls, path: str) -> ConfigSource:
        """The Action's input: the usual path reads as usual, another one must exist."""
        return cls(path, required=True) if path and path != REPO_CONFIG else cls()

    async def load(self, github: GitHub, repo: str, offload: Offload | None = None
                   ) -> Config:
        """Repository config over the organisation's ``.github`` defaults; no file at all
        means the defaults (unless ``required``)."""
        owner = repo.split("/", 1)[0]
        repo_text = await read_config_text(github, repo, self.path)
        if repo_text is None and self.required:
            raise ConfigError([f"{repo}/{self.path}: not found on the default branch"])
        org_text = None if repo == f"{owner}/.github" else await read_config_text(
            github, f"{owner}/.github", REPO_CONFIG)

        def parse() -> Config:
            return load_config(repo_text, org_text, repo_name=f"{repo}/{self.path}",
                               org_name=f"{owner}/.github/{REPO_CONFIG}")

        return parse() if offload is None else await offload(parse)


async def read_config_text(github: GitHub, repo: str, path: str) -> str | None:
    """A config file's text (``None``: no such file); a file GitHub sends without text (over
    1 MB) or that is not UTF-8 is a ``ConfigError``, never silently the defaults."""
    try:
        found = await github.read_file(repo, path)
    except UnreadableFile as exc:
        raise ConfigError([f"{repo}/{path}:{exc.line}:{exc.column}: {exc.reason}"]) from None
    return found.text if found is not None else None


@dataclass(frozen=True, slots=True)
class RepoContext:
    """One repository's parts for one event, as its config names them."""

    config: Config
    ledger: LedgerStore | None = None
    bans: BanList | None = None  # the ledger's index of active bans (ban evasion)
    breaker: BreakerStore | None = None  # the circuit breakers' state beside the ledger
    llm: LlmOpinion | None = None  # the second opinion for borderline verdicts
    handlers: Mapping[type[Action], Handler] = field(default_factory=dict)
    # Steps this event started but left to the sweep (a reward whose e-mail could not go
    # out, one another worker holds), in words for the edge's answer and log.
    left_to_sweep: list[str] = field(default_factory=list)


def _none(_config: Config) -> None:
    return None


def _no_handlers(_deployment: Deployment, _left_to_sweep: Callable[[str], None]
                 ) -> Mapping[type[Action], Handler]:
    return {}


# The handlers of actions the executor does not carry out itself (rewards), built for one
# event: they may read configs through the deployment and tell what they left to the sweep.
HandlersFor = Callable[["Deployment", Callable[[str], None]], Mapping[type[Action], Handler]]


@dataclass(frozen=True, slots=True)
class Deployment:
    """What lives as long as the client it was built for, the same for every event; the
    ``*_for`` factories turn a repository's config into its parts (``context_of``)."""

    github: GitHub
    clock: Clock
    mailer: Mailer | None = None  # without one, private notices stay in the ledger
    recent: RecentContent | None = None  # the spam-wave memory
    dry_run: bool = False
    offload: Offload | None = None  # where CPU-heavy steps run; None: inline
    config_source: ConfigSource = ConfigSource()
    ledger_for: Callable[[Config], LedgerStore | None] = _none
    bans_for: Callable[[Config], BanList | None] = _none
    breaker_for: Callable[[Config], BreakerStore | None] = _none
    llm_for: Callable[[Config], LlmOpinion | None] = _none
    handlers_for: HandlersFor = _no_handlers

    async def config_for(self, repo: str) -> Config:
        """The repository's effective config, read through the ``config_source``."""
        return await self.config_source.load(self.github, repo, self.offload)

    async def context_for(self, repo: str) -> RepoContext:
        """What one event of ``repo`` runs with: its config and the parts it names."""
        return self.context_of(await self.config_for(repo))

    def context_of(self, config: Config) -> RepoContext:
        """The parts ``config`` names, built once for one event."""
        left: list[str] = []
        return RepoContext(config, self.ledger_for(config), self.bans_for(config),
                           self.breaker_for(config), self.llm_for(config),
                           self.handlers_for(self, left.append), left)

    async def cpu(self, work: Callable[[], T]) -> T:
        """A CPU-heavy step (classifying a text, parsing a config) where ``offload`` runs
        it: the App hands these to a bounded pool of worker threads, so one slow comment or
        config cannot stop its event loop from answering other deliveries and /healthz."""
        return work() if self.offload is None else await self.offload(work)
