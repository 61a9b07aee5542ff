"""Use cases: where policy and ports meet. Both edges (App and Action) call only this.

``Service.handle`` turns one webhook into a carried-out plan: parse -> the repository's
context, asked of the deployment once (``deployment.py``: the config and the ledger, bans,
breaker, LLM and reward handlers it names) -> one loop over the decision's needs
(``decision.machine``: it says what it needs, recent sightings, a second opinion, the
profile, the bans, the record, the breaker's count, and the service answers each through a
port, one method a need) -> the plan as the config's mode carries it out -> execute; then,
for a comment that gives a ``/coc`` command, the command (moderation always first). Every
step is idempotent, so a redelivered webhook is a safe retry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, assert_never

from governance.coc import handle_command
from governance.config.load import REPO_CONFIG, ConfigError
from governance.config.types import Config
from governance.decision import needs
from governance.decision.machine import Decision
from governance.deployment import Deployment, RepoContext
from governance.events import parse_event
from governance.executor import Executor
from governance.ledger.render import PERSON_LABEL
from governance.model import ContentEvent, Event, PersonRecord, Plan, Repository
from governance.policy.commands import is_command
from governance.policy.moderation import acts_on_own_words
from governance.ports import NotFound, StaleRecord
from governance.scan.shadow import in_mode

log = logging.getLogger("governance")

CONFIG_PATH = REPO_CONFIG  # one spelling, in config.load
LLM_GRACE_SECONDS = 1.0  # beyond llm.timeout_seconds, before the service stops waiting


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one event: the plan, and which actions were carried out."""

    plan: Plan | None
    done: tuple[str, ...] = ()
    ignored: str = ""  # why the event was not for us (no plan)
    left_to_sweep: tuple[str, ...] = ()  # carried out, but stuck for now (``RepoContext``)


@dataclass(frozen=True, slots=True)
class Service:
    """The use cases over one deployment; each event asks it for its repository's context
    once (``Deployment.context_for``) and runs with that."""

    deployment: Deployment

    # ------------------------------------------------------------------ use cases

    async def handle(self, event_name: str, payload: Mapping[str, Any]) -> Outcome:
        event = parse_event(event_name, payload)
        if event is None:
            action = payload.get("action", "")
            return Outcome(None, ignored=f"{event_name}.{action} is not an event the bot acts on")
        return await self.handle_event(event)

    async def handle_event(self, event: Event) -> Outcome:
        """One parsed event: its repository's context, moderation, then any ``/coc`` command.

        Every piece of content is moderated exactly as its author's other content would be,
        whatever it starts with: a command is read from a comment as a further step, never
        instead of moderation (else ``/coc`` in front of abuse, spam or someone's phone
        number would keep it up)."""
        context = await self.deployment.context_for(event.repo.full_name)
        if await self._is_ledger(event.repo, context.config):
            return Outcome(None, ignored="events of the ledger repository are not moderated")
        moderated = await self._moderate(event, context)
        if isinstance(event, ContentEvent) and _is_command(event):
            return _together(moderated, await self._command(event, context, moderated.plan))
        return moderated

    async def _is_ledger(self, repo: Repository, config: Config) -> bool:
        """The ledger quotes hidden content and moderators' talk: never moderate it, however
        it was named. Named by this repository's config or the organisation's defaults, that
        is known at once. Named only by another repository's config, it is recognised by what
        the bot keeps there: a ledger is private and its person issues carry ``coc:person``
        (one read, in private repositories only)."""
        if repo.full_name.lower() == config.ledger.repository.lower():
            return True
        return repo.private and await self.deployment.github.has_label(repo.full_name,
                                                                       PERSON_LABEL)

    async def run(self, event: Event, config: Config, attempts: int = 3) -> Outcome:
        """Moderation of ``event`` under a config at hand (the scan's replay reads each
        repository's once)."""
        return await self._moderate(event, self.deployment.context_of(config), attempts)

    async def command(self, event: ContentEvent, config: Config,
                      moderation: Plan | None = None) -> Outcome:
        """A ``/coc`` comment under a config at hand (see ``_command``)."""
        return await self._command(event, self.deployment.context_of(config), moderation)

    async def _command(self, event: ContentEvent, context: RepoContext,
                       moderation: Plan | None) -> Outcome:
        """A ``/coc`` comment: the enforcement command handler plans and carries it out.
        ``moderation``: the plan moderation made for the same comment; a comment it hid or
        redacted for its author's own words carries out no command. Content the author only
        quoted (a report quoting spam, or someone's phone number, removed all the same) does
        not stop the command: quoting the offending comment is how a report points at it."""
        moderated = (moderation is not None and acts_on_content(moderation, event)
                     and (moderation.verdict is None
                          or acts_on_own_words(moderation.verdict, context.config)))
        d = self.deployment
        plan = await handle_command(event, context.config, d.github, context.ledger,
                                    d.clock.now(), dry_run=d.dry_run,
                                    executor=executor_for(d, context), moderated=moderated)
        done = () if plan.dry_run else tuple(a.kind for a in plan.actions)
        return Outcome(plan, done)

    async def _moderate(self, event: Event, context: RepoContext, attempts: int = 3
                        ) -> Outcome:
        """Decide and carry out; a step decided on a record that changed meanwhile (another
        replica, a second comment in the same second) is decided again on the fresh record,
        everything else the decision was told kept (``Decision.again``)."""
        clock = self.deployment.clock
        decision = Decision(event, context.config, clock.now())
        for _ in range(attempts - 1):
            try:
                return await self._carry_out(await self._decided(decision, context), context)
            except StaleRecord:
                log.info("record of @%s changed while deciding; deciding again",
                         event.author.login)
                decision = decision.again(clock.now())
        return await self._carry_out(await self._decided(decision, context), context)

    async def _decided(self, decision: Decision, context: RepoContext) -> Plan:
        """The decision's plan, each need it names fulfilled through the ports, as the
        config's mode carries it out (act, shadow or review)."""
        while (need := await self.deployment.cpu(decision.next)) is not None:
            decision.send(await self.fulfil(need, context))
        return in_mode(decision.event, decision.plan, context.config, decision.now)

    async def _carry_out(self, plan: Plan, context: RepoContext) -> Outcome:
        dry = self.deployment.dry_run or context.config.dry_run
        plan = Plan(plan.key, plan.actions, plan.reasons, plan.verdict, dry)
        done = () if dry else await executor_for(self.deployment, context).carry_out(plan)
        return Outcome(plan, done, left_to_sweep=tuple(context.left_to_sweep))

    async def execute(self, plan: Plan, config: Config) -> tuple[str, ...]:
        """Carry the actions out in order under ``config``; stop at the first failure (the
        caller retries)."""
        return await self.executor(config).carry_out(plan)

    def executor(self, config: Config) -> Executor:
        return executor_for(self.deployment, self.deployment.context_of(config))

    # ------------------------------------------------------------------ needs

    async def fulfil(self, need: needs.Need, context: RepoContext) -> needs.Answer:
        """One need of a decision, answered through the port that holds it."""
        match need:
            case needs.RecentSightings():
                return await self._sightings(need)
            case needs.SecondOpinion():
                return await self._second_opinion(need, context)
            case needs.AccountProfile():
                return await self._profile(need)
            case needs.ActiveBans():
                return await _active_bans(context)
            case needs.LedgerRecord():
                return await _record(need, context)
            case needs.BreakerCount():
                return await self._breaker_count(need, context)
        assert_never(need)

    async def _sightings(self, need: needs.RecentSightings) -> needs.Sightings:
        """The sighting is remembered; earlier ones are read (one read in the Action) only
        when the decision looks."""
        recent = self.deployment.recent
        if recent is None:
            return needs.Sightings()
        seen = await recent.sightings(need.event) if need.look else ()
        await recent.remember(need.event, need.sighting)
        return needs.Sightings(tuple(seen))

    async def _second_opinion(self, need: needs.SecondOpinion, context: RepoContext
                              ) -> needs.Opinion:
        """The LLM the config asks for; a failure, a timeout or no LLM is no opinion."""
        if context.llm is None:
            if context.config.llm.enabled:
                log.warning("llm.enabled, but no key for %s here; local verdicts only",
                            context.config.llm.api_key_env)
            return needs.Opinion()
        timeout = context.config.llm.timeout_seconds + LLM_GRACE_SECONDS
        try:
            reviewed = await asyncio.wait_for(context.llm.review(need.text, need.asked), timeout)
        except Exception as exc:  # the second opinion may only refine, never block
            log.warning("LLM second opinion failed (%s); keeping the local verdict",
                        type(exc).__name__)
            return needs.Opinion()
        return needs.Opinion(reviewed)

    async def _profile(self, need: needs.AccountProfile) -> needs.Profile:
        """The author's profile; none when it is gone already (a suspended account)."""
        try:
            return needs.Profile(await self.deployment.github.user(need.login))
        except NotFound:
            return needs.Profile()

    async def _breaker_count(self, need: needs.BreakerCount, context: RepoContext
                             ) -> needs.Counted:
        """Counted in the repository's breaker (a dry run counts nothing); the count that
        trips it records the trip in the ledger."""
        store = context.breaker
        if store is None or self.deployment.dry_run:
            return needs.Counted()
        state = await store.change(need.repo, need.counted)
        if need.tripped(state):
            log.warning("circuit breaker tripped in %s: %s", need.repo, state.reason)
            await store.record_trip(need.repo, state)
        return needs.Counted(state)


async def _active_bans(context: RepoContext) -> needs.Bans:
    if context.bans is None:
        return needs.Bans()
    return needs.Bans(tuple(await context.bans.active_bans()))


async def _record(need: needs.LedgerRecord, context: RepoContext) -> needs.Record:
    if context.ledger is None:
        return needs.Record(PersonRecord(need.login))
    return needs.Record(await context.ledger.record_for(need.login))


def executor_for(deployment: Deployment, context: RepoContext) -> Executor:
    return Executor(deployment.github, context.ledger, deployment.mailer, context.handlers,
                    context.bans, context.breaker)


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
