"""Use cases: where policy and ports meet. Both edges (App and Action) call only this.

``Service.handle`` turns one webhook into a carried-out plan:
parse -> load config -> gather (waves, verdict, signals, for first-timers the active bans)
-> decide, reading the person's ledger record only when the ladder needs it -> execute;
then, for a comment that gives a ``/coc`` command, the command (moderation always first).
Every step is idempotent, so a redelivered webhook is a safe retry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol, TypeVar

from governance.coc import handle_command
from governance.config.load import REPO_CONFIG, ConfigError, load_config
from governance.config.types import Config, Mode
from governance.decision import assess, borderline_part, decide, with_opinion
from governance.events import parse_event
from governance.executor import Executor, Handler
from governance.ledger.render import PERSON_LABEL
from governance.model import (
    Action,
    ContentEvent,
    Event,
    MergedPullRequest,
    PersonRecord,
    Plan,
    RecordIncident,
    RecordReview,
    Repository,
    Reward,
    Sighting,
    Verdict,
)
from governance.policy import breaker, provenance
from governance.policy.commands import is_command
from governance.policy.evasion import evasion_review
from governance.policy.moderation import acts_on_own_words, held_for_review
from governance.policy.recognition import held
from governance.policy.signals import (
    AccountSignals,
    signals_from_profile,
    wave_can_matter,
    worth_a_profile_read,
)
from governance.policy.waves import NO_WAVE, Wave, fingerprint, wave_of
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


@dataclass(frozen=True, slots=True)
class Findings:
    """What one content event's decision needs besides the ledger record, gathered once."""

    event: ContentEvent
    verdict: Verdict
    wave: Wave = NO_WAVE
    account: AccountSignals | None = None
    evasion: RecordReview | None = None  # a first-timer resembling someone banned

    def decide(self, config: Config, record: PersonRecord, now: datetime) -> Plan:
        return decide(self.event, config, record, now, verdict=self.verdict, wave=self.wave,
                      account=self.account, evasion=self.evasion)


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
        replica, a second comment in the same second) is decided again on the fresh record.
        What the decision needs besides the record is gathered once."""
        if not isinstance(event, ContentEvent):
            plan = in_mode(event, await self._recognized(event, config), config,
                           self.clock.now())
            return await self._carry_out(plan, config)
        found = await self._gather(event, config, self.clock.now())
        for _ in range(attempts - 1):
            try:
                return await self._carry_out(await self._planned(found, config), config)
            except StaleRecord:
                log.info("record of @%s changed while deciding; deciding again",
                         event.author.login)
        return await self._carry_out(await self._planned(found, config), config)

    async def _carry_out(self, plan: Plan, config: Config) -> Outcome:
        dry = self.dry_run or config.dry_run
        plan = Plan(plan.key, plan.actions, plan.reasons, plan.verdict, dry)
        done = () if dry else await self.execute(plan)
        return Outcome(plan, done, left_to_sweep=tuple(self.left_to_sweep))

    async def _gather(self, event: ContentEvent, config: Config, now: datetime) -> Findings:
        """Spam waves, the verdict and, for borderline first-timer spam, account signals."""
        verdict = await self.cpu(lambda: assess(event, config, now))
        wave = await self._wave(event, config, now, look=wave_can_matter(verdict))
        if wave.is_wave:
            verdict = await self.cpu(lambda: assess(event, config, now, wave))
        verdict = await self._second_opinion(event, config, verdict)
        account = None
        if worth_a_profile_read(verdict, event.author.association,
                                config.moderation.account_signals):
            account = signals_from_profile(await self.github.user(event.author.login), now)
        return Findings(event, verdict, wave, account, await self._evasion(event, now))

    async def _evasion(self, event: ContentEvent, now: datetime) -> RecordReview | None:
        """First-time participants only: one read of the active bans, report-only."""
        if self.bans is None or not event.author.association.is_first_time:
            return None
        banned = await self.bans.active_bans()
        if not banned:
            return None
        return await self.cpu(lambda: evasion_review(event, fingerprint(event.body), banned, now))

    async def _second_opinion(self, event: ContentEvent, config: Config, verdict: Verdict
                              ) -> Verdict:
        """For a borderline verdict only, the LLM's opinion moves the score; a failure, a
        timeout or no answer keeps the local verdict."""
        part = borderline_part(event, verdict, config.llm.band) if config.llm.enabled else None
        opinion = self.llm_for(config) if part is not None and self.llm_for else None
        if part is None or opinion is None:
            return verdict
        field_name, text, asked = part
        try:
            reviewed = await asyncio.wait_for(opinion.review(text, asked),
                                              config.llm.timeout_seconds + LLM_GRACE_SECONDS)
        except Exception as exc:  # the second opinion may only refine, never block
            log.warning("LLM second opinion failed (%s); keeping the local verdict",
                        type(exc).__name__)
            return verdict
        return with_opinion(verdict, field_name, reviewed)

    async def _decide(self, found: Findings, config: Config) -> Plan:
        """Decide without the ledger first: the record only matters once the ladder is
        reached, and with an empty record the ladder always records a step. So content
        that is benign, only reviewed or not for the ladder costs no ledger read."""
        event = found.event
        plan = found.decide(config, PersonRecord(event.author.login), self.clock.now())
        if not any(isinstance(a, RecordIncident) for a in plan.actions):
            return plan
        return found.decide(config, await self.record_for(event, config), self.clock.now())

    async def _recognized(self, event: MergedPullRequest, config: Config) -> Plan:
        """A reward, held when the author's ledger record asks for it: the record is read
        only when there is a reward to give and a ledger to read."""
        now = self.clock.now()
        plan = decide(event, config, PersonRecord(event.author.login), now)
        if self.ledger is None or not config.ledger.repository \
                or not any(isinstance(a, Reward) for a in plan.actions):
            return plan
        return held(plan, await self.ledger.record_for(event.author.login), config, now)

    async def _planned(self, found: Findings, config: Config) -> Plan:
        """The plan to carry out: decided, braked, and with a step's evidence kept."""
        plan = await self._braked(found, config)
        if not provenance.wants_provenance(plan, found.event):
            return plan
        return provenance.with_provenance(plan, found.event,
                                          await self._account_created(found.event))

    async def _account_created(self, event: ContentEvent) -> datetime | None:
        """When the author's account was created (one read, for content the bot acts on);
        None when the profile is gone already (a suspended account) or says nothing."""
        try:
            created = (await self.github.user(event.author.login)).get("created_at")
        except NotFound:
            return None
        try:
            return datetime.fromisoformat(created.replace("Z", "+00:00")) \
                if isinstance(created, str) else None
        except ValueError:
            return None

    async def _braked(self, found: Findings, config: Config) -> Plan:
        """The decided plan, held for review while the repository's circuit breaker is open.
        Only a plan that hides, redacts or deletes content reads (and counts in) the state."""
        plan = await self._decide(found, config)
        if config.mode is not Mode.ACT:  # nothing acts, so nothing counts in the breaker
            return in_mode(found.event, plan, config, self.clock.now())
        event, store = found.event, self.breaker
        if (store is None or not config.moderation.breaker.enabled or config.dry_run
                or self.dry_run or not breaker.acts_on_content(plan)
                or breaker.new_account_wave(event, found.wave, found.account, config)):
            return plan
        repo, now = event.repo.full_name, self.clock.now()
        state = await store.change(repo, lambda s: None if breaker.is_open(s, now) else
                                   breaker.counted(s, event.node_id, event.html_url, now,
                                                   config.moderation.breaker))
        if not breaker.is_open(state, now):
            return plan
        if breaker.tripped_by(state, event.node_id, now):
            log.warning("circuit breaker tripped in %s: %s", repo, state.reason)
            await store.record_trip(repo, state)
        until = f"{state.open_until:%Y-%m-%d %H:%M} UTC" if state.open_until else ""
        why = f"circuit breaker: {repo} is in review mode until {until} ({state.reason})"
        return held_for_review(event, plan, config, why)

    async def _wave(self, event: ContentEvent, config: Config, now: datetime, *,
                    look: bool) -> Wave:
        """A repository with spam waves off costs no read and leaves no sighting. Every
        sighting is remembered, but earlier ones are looked up (one read in the Action) only
        when ``look``: benign content costs nothing."""
        settings = config.moderation.spam_waves
        fp = await self.cpu(lambda: fingerprint(event.body))
        if self.recent is None or fp is None or not settings.enabled:
            return NO_WAVE
        thread = f"{event.repo.full_name}#{event.number}"
        seen = await self.recent.sightings(event) if look else ()
        await self.recent.remember(event, Sighting(fp, event.author.login, thread, now))
        return wave_of(fp, thread, seen, now, settings) if look else NO_WAVE

    async def record_for(self, event: Event, config: Config) -> PersonRecord:
        wants_ladder = isinstance(event, ContentEvent) and config.ledger.repository
        if self.ledger is None or not wants_ladder:
            return PersonRecord(event.author.login)
        return await self.ledger.record_for(event.author.login)

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
