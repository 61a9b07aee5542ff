"""``Decision``: one event's decision as a small state machine, in the style of h11.

Given the event, the repository's config and the time, the decision says what it needs next
(``next()``: a ``Need``, or None once the plan is made) and takes each answer through one
method (``send``). It reads nothing itself (no network, environment or clock), so whoever
answers is free to fulfil a need however it likes, and a test walks it with no fakes:

    decision = Decision(event, config, now)
    while (need := decision.next()) is not None:
        decision.send(answer_to(need))
    plan = decision.plan

What it asks, in this order and each only when it matters:

- content: ``RecentSightings`` (spam waves on, text long enough to compare),
  ``SecondOpinion`` (LLM on, a borderline verdict), ``AccountProfile`` (borderline spam from
  a first-time author, account signals on), ``ActiveBans`` (a first-time author),
  ``LedgerRecord`` (a ladder step, a ledger configured), ``BreakerCount`` (mode ``act``, a
  plan hiding, redacting or deleting content, breaker on), ``AccountProfile`` for the step's
  provenance (unless read already);
- a merged pull request: ``LedgerRecord`` (a reward to give, a ledger configured).

So no need is asked twice and a decision asks at most ``MAX_NEEDS``. An answer of the wrong
kind, or one nobody asked for, raises ``DecisionError`` and leaves the decision as it was.
The plan is what was decided; ``config.mode`` (act, shadow, review) says what the service
does with it (``scan.shadow.in_mode``).
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from datetime import datetime
from typing import TypeVar

from governance.config.types import Config, Mode
from governance.decision import assess, borderline_part, decide, with_opinion
from governance.decision.needs import (
    NEEDS,
    AccountProfile,
    ActiveBans,
    Answer,
    Bans,
    BreakerCount,
    Counted,
    LedgerRecord,
    Need,
    Opinion,
    Profile,
    RecentSightings,
    Record,
    SecondOpinion,
    Sightings,
    nothing_known,
)
from governance.model import (
    ContentEvent,
    Event,
    MergedPullRequest,
    PersonRecord,
    Plan,
    RecordIncident,
    RecordReview,
    Reward,
    Sighting,
    Verdict,
)
from governance.policy import breaker
from governance.policy.evasion import evasion_review
from governance.policy.moderation import held_for_review
from governance.policy.provenance import wants_provenance, with_provenance
from governance.policy.recognition import held, recognize
from governance.policy.signals import (
    AccountSignals,
    account_created,
    signals_from_profile,
    wave_can_matter,
    worth_a_profile_read,
)
from governance.policy.waves import NO_WAVE, Wave, fingerprint, wave_of

MAX_NEEDS = len(NEEDS)  # each kind of need at most once
# Asked again when a step was decided on a record that changed meanwhile: the record, and
# the breaker whose count goes with the step. Everything else the decision was told stands.
FRESH: frozenset[type[Need]] = frozenset({LedgerRecord, BreakerCount})

R = TypeVar("R")
A = TypeVar("A", bound=Answer)
Steps = Generator[Need, Answer | None, R]  # asks for needs, is told answers, returns an R


class DecisionError(Exception):
    """The decision was used out of turn: an answer of the wrong kind or that nobody asked
    for, or the plan asked for before it is made."""


class Decision:
    @classmethod
    def offline(cls, event: Event, config: Config, now: datetime) -> Plan:
        """The plan when nothing can be asked: every need answered ``nothing_known``."""
        decision = cls(event, config, now)
        while (need := decision.next()) is not None:
            decision.send(nothing_known(need))
        return decision.plan

    def __init__(self, event: Event, config: Config, now: datetime,
                 known: Mapping[type[Need], Answer] | None = None) -> None:
        self.event, self.config, self.now = event, config, now
        self._known = dict(known or {})  # answers from an earlier round (``again``)
        self._told: dict[type[Need], Answer] = {}  # every answer, by the need it answered
        self._steps = self._walk()
        self._pending: Need | None = None
        self._answer: Answer | None = None
        self._plan: Plan | None = None

    def next(self) -> Need | None:
        """The need to answer now (the same one until it is answered), or None once the
        plan is made. Here the deciding happens, so this is the call to run off the loop."""
        if self._plan is not None:
            return None
        if self._pending is not None and self._answer is None:
            return self._pending
        answer, self._answer = self._answer, None
        try:
            need = self._steps.send(answer)
            while type(need) in self._known:  # told in an earlier round
                self._told[type(need)] = told = self._known[type(need)]
                need = self._steps.send(told)
        except StopIteration as done:
            self._pending, self._plan = None, done.value
            return None
        self._pending = need
        return need

    def send(self, answer: Answer) -> None:
        """The answer to the need ``next()`` named; of another kind, or when no need waits
        for one, a ``DecisionError`` (and the need still waits for its answer)."""
        need = self._pending
        if need is None or self._answer is not None:
            raise DecisionError(f"no need waits for an answer, yet {type(answer).__name__} "
                                "was sent; call next() first")
        if not isinstance(answer, need.answer):
            raise DecisionError(f"{type(need).__name__} takes {need.answer.__name__}, "
                                f"not {type(answer).__name__}")
        self._answer = self._told[type(need)] = answer

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            raise DecisionError("no plan yet: answer what next() asks until it says None")
        return self._plan

    def again(self, now: datetime) -> Decision:
        """The same event to decide again on a fresh record (the one it was told changed
        before the step was recorded): only the record and the breaker are asked again."""
        kept = {kind: answer for kind, answer in self._told.items() if kind not in FRESH}
        return Decision(self.event, self.config, now, kept)

    # ------------------------------------------------------------------ the walk

    def _walk(self) -> Steps[Plan]:
        if isinstance(self.event, MergedPullRequest):
            return (yield from self._reward(self.event))
        return (yield from self._moderation(self.event))

    def _reward(self, pr: MergedPullRequest) -> Steps[Plan]:
        """A reward, held when the author's record asks for it: the record is asked for
        only when there is a reward to give and a ledger to read."""
        plan = recognize(pr, self.config)
        if not self.config.ledger.repository or not any(isinstance(a, Reward)
                                                        for a in plan.actions):
            return plan
        told = yield from _ask(LedgerRecord(pr.author.login), Record)
        return held(plan, told.record, self.config, self.now)

    def _moderation(self, event: ContentEvent) -> Steps[Plan]:
        config, now = self.config, self.now
        verdict = assess(event, config, now)
        wave = yield from self._wave(event, verdict)
        if wave.is_wave:
            verdict = assess(event, config, now, wave)
        verdict = yield from self._second_opinion(event, verdict)
        account = None
        if worth_a_profile_read(verdict, event.author.association,
                                config.moderation.account_signals):
            profile = (yield from self._profile(event)).fields
            account = signals_from_profile(profile, now) if profile is not None else None
        evasion = yield from self._evasion(event)
        plan = yield from self._decided(event, verdict, wave, account, evasion)
        if config.mode is not Mode.ACT:
            return plan  # nothing acts, so nothing counts in the breaker, and no step is kept
        plan = yield from self._braked(event, plan, wave, account)
        if not wants_provenance(plan, event):
            return plan
        profile = (yield from self._profile(event)).fields
        return with_provenance(plan, event, account_created(profile) if profile else None)

    def _wave(self, event: ContentEvent, verdict: Verdict) -> Steps[Wave]:
        """A repository with spam waves off costs no read and leaves no sighting. Every
        sighting is remembered, but earlier ones are looked up only when a wave could
        matter: benign content costs nothing."""
        settings = self.config.moderation.spam_waves
        fp = fingerprint(event.body)
        if fp is None or not settings.enabled:
            return NO_WAVE
        thread = f"{event.repo.full_name}#{event.number}"
        look = wave_can_matter(verdict)
        sighting = Sighting(fp, event.author.login, thread, self.now)
        told = yield from _ask(RecentSightings(event, sighting, look), Sightings)
        return wave_of(fp, thread, told.seen, self.now, settings) if look else NO_WAVE

    def _second_opinion(self, event: ContentEvent, verdict: Verdict) -> Steps[Verdict]:
        """For a borderline verdict only, the LLM's opinion moves the score; no opinion
        keeps the local verdict."""
        part = borderline_part(event, verdict, self.config.llm.band) \
            if self.config.llm.enabled else None
        if part is None:
            return verdict
        field_name, text, asked = part
        told = yield from _ask(SecondOpinion(field_name, text, asked), Opinion)
        return verdict if told.verdict is None else with_opinion(verdict, field_name,
                                                                 told.verdict)

    def _profile(self, event: ContentEvent) -> Steps[Profile]:
        """The author's profile, asked for once (signals and provenance share it)."""
        told = self._told.get(AccountProfile)
        if isinstance(told, Profile):
            return told
        return (yield from _ask(AccountProfile(event.author.login), Profile))

    def _evasion(self, event: ContentEvent) -> Steps[RecordReview | None]:
        """First-time participants only: the active bans, for a report-only review."""
        if not event.author.association.is_first_time:
            return None
        banned = (yield from _ask(ActiveBans(), Bans)).banned
        if not banned:
            return None
        return evasion_review(event, fingerprint(event.body), banned, self.now)

    def _decided(self, event: ContentEvent, verdict: Verdict, wave: Wave,
                 account: AccountSignals | None, evasion: RecordReview | None
                 ) -> Steps[Plan]:
        """Decided without the record first: the record only matters once the ladder is
        reached, and with an empty record the ladder always records a step. So content that
        is benign, only reviewed or not for the ladder costs no ledger read."""

        def on(record: PersonRecord) -> Plan:
            return decide(event, self.config, record, self.now, verdict=verdict, wave=wave,
                          account=account, evasion=evasion)

        plan = on(PersonRecord(event.author.login))
        if not self.config.ledger.repository or not any(isinstance(a, RecordIncident)
                                                        for a in plan.actions):
            return plan
        return on((yield from _ask(LedgerRecord(event.author.login), Record)).record)

    def _braked(self, event: ContentEvent, plan: Plan, wave: Wave,
                account: AccountSignals | None) -> Steps[Plan]:
        """The plan, held for review while the repository's circuit breaker is open. Only a
        plan that hides, redacts or deletes content is counted (members of a new-account
        spam wave are not: a burst of those is the bot working)."""
        settings, now = self.config.moderation.breaker, self.now
        if (not settings.enabled or self.config.dry_run or not breaker.acts_on_content(plan)
                or breaker.new_account_wave(event, wave, account, self.config)):
            return plan
        repo = event.repo.full_name
        count = BreakerCount(repo, event.node_id, event.html_url, now, settings)
        state = (yield from _ask(count, Counted)).state
        if state is None or not breaker.is_open(state, now):
            return plan
        until = f"{state.open_until:%Y-%m-%d %H:%M} UTC" if state.open_until else ""
        why = f"circuit breaker: {repo} is in review mode until {until} ({state.reason})"
        return held_for_review(event, plan, self.config, why)


def _ask(need: Need, kind: type[A]) -> Steps[A]:
    """Ask for ``need``; its answer, of the kind ``Decision.send`` let through."""
    answer = yield need
    assert isinstance(answer, kind), f"{type(need).__name__} answered by {answer!r}"
    return answer
