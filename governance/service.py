"""Use cases: where policy and ports meet. Both edges (App and Action) call only this.

``Service.handle`` turns one webhook into a carried-out plan:
parse -> load config -> one loop over the decision's needs (``decision.machine``: it says
what it needs, recent sightings, a second opinion, the profile, the bans, the record, the
breaker's count, and the service answers each through a port, one method a need) -> the
plan as the config's mode carries it out -> execute; then, for a comment that gives a
``/coc`` command, the command (moderation always first). Every step is idempotent, so a
redelivered webhook is a safe retry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar, assert_never

from governance.coc import handle_command
from governance.config.load import REPO_CONFIG, ConfigError, load_config
from governance.config.types import Config
from governance.decision import needs
from governance.decision.machine import Decision
from governance.events import parse_event
from governance.executor import Executor, Handler
from governance.ledger.render import PERSON_LABEL
from governance.model import (
    Action,
    ContentEvent,
    Event,
    PersonRecord,
    Plan,
    Repository,
)
from governance.policy.commands import is_command
from governance.policy.moderation import acts_on_own_words
from governance.ports import (
    BanList,
    BreakerStore,
    Clock,
    GitHub,
    LedgerStore,
    LlmOpinion,
    Mailer,
    NotFound,
    RecentContent,
    StaleRecord,
    UnreadableFile,
)
from governance.scan.shadow import in_mode

log = logging.getLogger("governance")

CONFIG_PATH = REPO_CONFIG  # one spelling, in config.load
LLM_GRACE_SECONDS = 1.0  # beyond llm.timeout_seconds, before the service stops waiting
T = TypeVar("T")


class Offload(Protocol):
    """Runs ``work`` elsewhere (e.g. a worker thread) and awaits its result."""

    async def __call__(self, work: Callable[[], T]) -> T: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one event: the plan, and which actions were carried out."""

    plan: Plan | None
    done: tuple[str, ...] = ()
    ignored: str = ""  # why the event was not for us (no plan)
    left_to_sweep: tuple[str, ...] = ()  # carried out, but stuck for now (see Service)


@dataclass
class Service:
    github: GitHub
    clock: Clock
    ledger: LedgerStore | None = None
    mailer: Mailer | None = None
    recent: RecentContent | None = None
    dry_run: bool = False
    extra_handlers: dict[type[Action], Handler] = field(default_factory=dict)
    # The ledger lives where each repository's config says (``ledger.repository``); when
    # set, this builds it per event and takes precedence over ``ledger``.
    ledger_for: Callable[[Config], LedgerStore | None] | None = None
    # The ledger's index of active bans (ban evasion), per config like the ledger.
    bans: BanList | None = None
    bans_for: Callable[[Config], BanList | None] | None = None
    # The LLM second opinion for borderline verdicts, as each config asks (``llm.*``).
    llm_for: Callable[[Config], LlmOpinion | None] | None = None
    # Where CPU-heavy steps run (``cpu``); None: inline, on the caller's thread.
    offload: Offload | None = None
    # Steps this run started but left to the sweep (a reward whose e-mail could not go
    # out, one another worker holds), in words for the edge's answer and log.
    left_to_sweep: list[str] = field(default_factory=list)
    # The circuit breaker's state beside the ledger, per config like the ledger.
    breaker: BreakerStore | None = None
    breaker_for: Callable[[Config], BreakerStore | None] | None = None

    # ------------------------------------------------------------------ use cases

    async def handle(self, event_name: str, payload: Mapping[str, Any]) -> Outcome:
        event = parse_event(event_name, payload)
        if event is None:
            action = payload.get("action", "")
            return Outcome(None, ignored=f"{event_name}.{action} is not an event the bot acts on")
        return await self.handle_event(event)

    async def handle_event(self, event: Event) -> Outcome:
        """One parsed event: its repository's config, moderation, then any ``/coc`` command.

        Every piece of content is moderated exactly as its author's other content would be,
        whatever it starts with: a command is read from a comment as a further step, never
        instead of moderation (else ``/coc`` in front of abuse, spam or someone's phone
        number would keep it up)."""
        config = await self.config_for(event.repo.full_name)
        if await self._is_ledger(event.repo, config):
            return Outcome(None, ignored="events of the ledger repository are not moderated")
        service = self._with_ledger(config)
        moderated = await service.run(event, config)
        if isinstance(event, ContentEvent) and _is_command(event):
            return _together(moderated, await service.command(event, config, moderated.plan))
        return moderated

    async def _is_ledger(self, repo: Repository, config: Config) -> bool:
        """The ledger quotes hidden content and moderators' talk: never moderate it, however
        it was named. Named by this repository's config or the organisation's defaults, that
        is known at once. Named only by another repository's config, it is recognised by what
        the bot keeps there: a ledger is private and its person issues carry ``coc:person``
        (one read, in private repositories only)."""
        if repo.full_name.lower() == config.ledger.repository.lower():
            return True
        return repo.private and await self.github.has_label(repo.full_name, PERSON_LABEL)

    def _with_ledger(self, config: Config) -> Service:
        service = self
        if self.ledger_for is not None:
            service = replace(service, ledger=self.ledger_for(config), ledger_for=None)
        if self.bans_for is not None:
            service = replace(service, bans=self.bans_for(config), bans_for=None)
        if self.breaker_for is not None:
            service = replace(service, breaker=self.breaker_for(config), breaker_for=None)
        return service

    async def command(self, event: ContentEvent, config: Config,
                      moderation: Plan | None = None) -> Outcome:
        """A ``/coc`` comment: the enforcement command handler plans and carries it out.
        ``moderation``: the plan moderation made for the same comment; a comment it hid or
        redacted for its author's own words carries out no command. Content the author only
        quoted (a report quoting spam, or someone's phone number, removed all the same) does
        not stop the command: quoting the offending comment is how a report points at it."""
        moderated = (moderation is not None and acts_on_content(moderation, event)
                     and (moderation.verdict is None
                          or acts_on_own_words(moderation.verdict, config)))
        plan = await handle_command(event, config, self.github, self.ledger, self.clock.now(),
                                    dry_run=self.dry_run, executor=self.executor,
                                    moderated=moderated)
        done = () if plan.dry_run else tuple(a.kind for a in plan.actions)
        return Outcome(plan, done)

    async def run(self, event: Event, config: Config, attempts: int = 3) -> Outcome:
        """Decide and carry out; a step decided on a record that changed meanwhile (another
        replica, a second comment in the same second) is decided again on the fresh record,
        everything else the decision was told kept (``Decision.again``)."""
        decision = Decision(event, config, self.clock.now())
        for _ in range(attempts - 1):
            try:
                return await self._carry_out(await self._decided(decision, config), config)
            except StaleRecord:
                log.info("record of @%s changed while deciding; deciding again",
                         event.author.login)
                decision = decision.again(self.clock.now())
        return await self._carry_out(await self._decided(decision, config), config)

    async def _decided(self, decision: Decision, config: Config) -> Plan:
        """The decision's plan, each need it names fulfilled through the ports, as the
        config's mode carries it out (act, shadow or review)."""
        while (need := await self.cpu(decision.next)) is not None:
            decision.send(await self.fulfil(need, config))
        return in_mode(decision.event, decision.plan, config, decision.now)

    async def _carry_out(self, plan: Plan, config: Config) -> Outcome:
        dry = self.dry_run or config.dry_run
        plan = Plan(plan.key, plan.actions, plan.reasons, plan.verdict, dry)
        done = () if dry else await self.execute(plan)
        return Outcome(plan, done, left_to_sweep=tuple(self.left_to_sweep))

    # ------------------------------------------------------------------ needs

    async def fulfil(self, need: needs.Need, config: Config) -> needs.Answer:
        """One need of a decision, answered through the port that holds it."""
        match need:
            case needs.RecentSightings():
                return await self._sightings(need)
            case needs.SecondOpinion():
                return await self._second_opinion(need, config)
            case needs.AccountProfile():
                return await self._profile(need)
            case needs.ActiveBans():
                return await self._active_bans()
            case needs.LedgerRecord():
                return await self._record(need)
            case needs.BreakerCount():
                return await self._breaker_count(need)
        assert_never(need)

    async def _sightings(self, need: needs.RecentSightings) -> needs.Sightings:
        """The sighting is remembered; earlier ones are read (one read in the Action) only
        when the decision looks."""
        if self.recent is None:
            return needs.Sightings()
        seen = await self.recent.sightings(need.event) if need.look else ()
        await self.recent.remember(need.event, need.sighting)
        return needs.Sightings(tuple(seen))

    async def _second_opinion(self, need: needs.SecondOpinion, config: Config
                              ) -> needs.Opinion:
        """The LLM the config asks for; a failure, a timeout or no LLM is no opinion."""
        opinion = self.llm_for(config) if self.llm_for is not None else None
        if opinion is None:
            return needs.Opinion()
        try:
            reviewed = await asyncio.wait_for(opinion.review(need.text, need.asked),
                                              config.llm.timeout_seconds + LLM_GRACE_SECONDS)
        except Exception as exc:  # the second opinion may only refine, never block
            log.warning("LLM second opinion failed (%s); keeping the local verdict",
                        type(exc).__name__)
            return needs.Opinion()
        return needs.Opinion(reviewed)

    async def _profile(self, need: needs.AccountProfile) -> needs.Profile:
        """The author's profile; none when it is gone already (a suspended account)."""
        try:
            return needs.Profile(await self.github.user(need.login))
        except NotFound:
            return needs.Profile()

    async def _active_bans(self) -> needs.Bans:
        if self.bans is None:
            return needs.Bans()
        return needs.Bans(tuple(await self.bans.active_bans()))

    async def _record(self, need: needs.LedgerRecord) -> needs.Record:
        if self.ledger is None:
            return needs.Record(PersonRecord(need.login))
        return needs.Record(await self.ledger.record_for(need.login))

    async def _breaker_count(self, need: needs.BreakerCount) -> needs.Counted:
        """Counted in the repository's breaker (a dry run counts nothing); the count that
        trips it records the trip in the ledger."""
        store = self.breaker
        if store is None or self.dry_run:
            return needs.Counted()
        state = await store.change(need.repo, need.counted)
        if need.tripped(state):
            log.warning("circuit breaker tripped in %s: %s", need.repo, state.reason)
            await store.record_trip(need.repo, state)
        return needs.Counted(state)

    async def config_for(self, repo: str) -> Config:
        """Repository config over the org's `.github` defaults; no file at all means defaults."""
        owner = repo.split("/", 1)[0]
        repo_text = await read_config_text(self.github, repo, CONFIG_PATH)
        org_text = None if repo == f"{owner}/.github" else await read_config_text(
            self.github, f"{owner}/.github", CONFIG_PATH)
        return await self.cpu(lambda: load_config(
            repo_text,
            org_text,
            repo_name=f"{repo}/{CONFIG_PATH}",
            org_name=f"{owner}/.github/{CONFIG_PATH}",
        ))

    async def cpu(self, work: Callable[[], T]) -> T:
        """A CPU-heavy step (classifying a text, parsing a config) where ``offload`` runs
        it: the App hands these to a bounded pool of worker threads, so one slow comment or
        config cannot stop its event loop from answering other deliveries and /healthz."""
        return work() if self.offload is None else await self.offload(work)

    # ------------------------------------------------------------------ execution

    @property
    def executor(self) -> Executor:
        return Executor(self.github, self.ledger, self.mailer, self.extra_handlers, self.bans,
                        self.breaker)

    async def execute(self, plan: Plan) -> tuple[str, ...]:
        """Carry the actions out in order; stop at the first failure (the caller retries)."""
        return await self.executor.carry_out(plan)


async def read_config_text(github: GitHub, repo: str, path: str) -> str | None:
    """A config file's text (``None``: no such file); a file GitHub sends without text (over
    1 MB) or that is not UTF-8 is a ``ConfigError``, never silently the defaults."""
    try:
        found = await github.read_file(repo, path)
    except UnreadableFile as exc:
        raise ConfigError([f"{repo}/{path}:{exc.line}:{exc.column}: {exc.reason}"]) from None
    return found.text if found is not None else None


def _is_command(event: ContentEvent) -> bool:
    """Comments whose first line outside quotes is ``/coc``: after moderation, the command
    handler reads them too (a quote reply starts with ``>``, so the command may stand after
    the quote)."""
    return event.surface.minimizable and is_command(event.body)


def acts_on_content(plan: Plan, event: ContentEvent) -> bool:
    """Does ``plan`` hide, redact or remove this very piece of content? (Any action aimed at
    its node: thread-wide ones aim at the thread's node, and new kinds are covered too.)"""
    return any(getattr(getattr(a, "target", None), "node_id", None) == event.node_id
               for a in plan.effective)


def _together(moderation: Outcome, command: Outcome) -> Outcome:
    """One outcome for a comment that was moderated and read as a command."""
    first, then = moderation.plan, command.plan
    if first is None or then is None:
        return moderation if then is None else command
    plan = Plan(first.key, (*first.actions, *then.actions), (*first.reasons, *then.reasons),
                first.verdict, first.dry_run)
    return Outcome(plan, (*moderation.done, *command.done))


__all__ = ["ConfigError", "Outcome", "Service"]
