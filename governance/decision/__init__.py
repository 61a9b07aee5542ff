"""``decide``: the whole pure decision for one event, detection included.

(event, config, ledger record, clock value) -> plan. No I/O: ``decision.machine.Decision``
walks these steps and says which inputs it needs and when (``decision.needs``: the record,
recent sightings for spam waves, an account profile...); the service answers them and
carries the plan out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from governance.config.types import Config
from governance.detect import classify
from governance.detect.context import DetectContext
from governance.detect.engine import LABEL_THRESHOLD
from governance.detect.llm import borderline_category
from governance.model import (
    Category,
    ContentEvent,
    Event,
    Field,
    Label,
    MergedPullRequest,
    PersonRecord,
    Plan,
    RecordReview,
    RuleHit,
    Verdict,
)
from governance.policy.moderation import gate, moderate
from governance.policy.recognition import recognize
from governance.policy.signals import AccountSignals, boost
from governance.policy.waves import NO_WAVE, Wave


def config_context(config: Config) -> DetectContext:
    """What detection takes from the configuration alone (no event): allow-lists, disabled
    rules, code handling, the learned model. ``governance classify`` judges texts with it, so
    its verdicts are the ones the App and the Action reach for the same text and config."""
    mod = config.moderation
    return DetectContext(
        own_domains=mod.allow.domains,
        allow_words=mod.allow.words,
        allow_patterns=mod.allow.patterns,
        disabled_rules=frozenset(r for rule in mod.rules.values() for r in rule.disabled_rules),
        ignore_code=mod.ignore_code,
        malware_research=mod.malware_research,
        language_model=mod.language_model,
    )


def context_for(event: ContentEvent, config: Config, now: datetime,
                repeat_count: int = 0) -> DetectContext:
    age = None
    if event.thread_created_at is not None:
        age = (now - event.thread_created_at).total_seconds() / 86400
    return replace(
        config_context(config),
        association=event.author.association,
        repo=event.repo.full_name,
        thread_closed=event.thread_state == "closed",
        thread_age_days=age,
        repeat_count=repeat_count,
        author=event.author.login,
        maintainers=maintainers_of(event, config),
    )


def maintainers_of(event: ContentEvent, config: Config) -> tuple[str, ...]:
    """Logins an impersonator would imitate: the repository's owner (user or organisation)
    and the staff the config names (``recognition.exclude.logins``). The config has no list
    of maintainers of its own, and reading the moderators team would cost a call per event."""
    staff = sorted(config.recognition.exclude.logins)
    return tuple(dict.fromkeys([event.repo.owner.lower(), *staff]))


def assess(event: ContentEvent, config: Config, now: datetime, wave: Wave = NO_WAVE) -> Verdict:
    """Classify title and body separately so evidence spans keep pointing into each."""
    context = context_for(event, config, now, wave.count)
    hits: list[RuleHit] = []
    best = Verdict.ok()
    for field_name, text in event.fields():
        verdict = classify(text, context)
        hits += [replace(h, field=field_name) for h in verdict.hits]
        if verdict.label is not Label.OK and (best.label is Label.OK or verdict.score > best.score):
            best = verdict
        elif best.label is Label.OK:
            best = Verdict(Label.OK, max(best.score, verdict.score))
    return Verdict(best.label, best.score, tuple(hits))


def borderline_part(event: ContentEvent, verdict: Verdict, band: tuple[float, float]
                    ) -> tuple[Field, str, Verdict] | None:
    """What to ask the LLM about a borderline verdict: the field holding the borderline
    category's strongest hit, its text, and the hits found in it (their evidence spans point
    into that text, so personal data is redacted in the right places). None: not borderline."""
    category = borderline_category(verdict, band)
    if category is None:
        return None
    field_name = max(verdict.hits_for(category), key=lambda h: h.score).field
    text = dict(event.fields()).get(field_name, "")
    hits = tuple(h for h in verdict.hits if h.field is field_name)
    return field_name, text, Verdict(verdict.label, verdict.score, hits)


def with_opinion(verdict: Verdict, field_name: Field, reviewed: Verdict) -> Verdict:
    """The whole verdict after the second opinion on one field's part of it."""
    hits = (*(h for h in verdict.hits if h.field is not field_name),
            *(replace(h, field=field_name) for h in reviewed.hits))
    scores = {c: max((h.score for h in hits if h.category is c), default=0.0) for c in Category}
    best = max(scores, key=lambda c: scores[c])
    label = best.label if scores[best] >= LABEL_THRESHOLD else Label.OK
    return Verdict(label, scores[best], hits)


def decide(event: Event, config: Config, history: PersonRecord, now: datetime, *,
           verdict: Verdict | None = None, wave: Wave = NO_WAVE,
           account: AccountSignals | None = None, evasion: RecordReview | None = None
           ) -> Plan:
    if isinstance(event, MergedPullRequest):
        return recognize(event, config)
    if not config.moderation.spam_waves.enabled:
        wave = NO_WAVE  # a repository that turned waves off has none, whoever gathered one
    if verdict is None:
        verdict = assess(event, config, now, wave)
    verdict = boost(verdict, event.author.association, account, wave, config.moderation)
    plan = moderate(event, verdict, config, history, now)
    if wave.is_wave and plan.effective:
        plan = replace(plan, actions=(*plan.actions, wave_review(event, wave)))
    if evasion is not None and gate(event, config) is None:
        plan = with_review(plan, evasion)
    return plan


def with_review(plan: Plan, review: RecordReview) -> Plan:
    """The plan with one more review item for moderators (in place of "nothing to do")."""
    return replace(plan, actions=(*plan.effective, review),
                   reasons=(*plan.reasons, review.reason))


def wave_review(event: ContentEvent, wave: Wave) -> RecordReview:
    """One ledger review item per wave: its key is the wave's, so members add nothing new."""
    authors = ", ".join(f"@{a}" for a in sorted({*wave.authors, event.author.login}))
    reason = f"spam wave: nearly the same text in {len(wave.threads)} threads by {authors}"
    return RecordReview(event.author.login, f"wave:{wave.key}", event.html_url, reason,
                        ("spam.wave",), event.body)
