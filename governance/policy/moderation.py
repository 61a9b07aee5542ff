"""Pure moderation decisions: (content event, verdict, config, record, now) -> plan.

Order matters and lives in one function, ``moderate``: gates first (cheap, explainable
reasons to do nothing), then what happens to the content, then the ladder.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from governance import messages
from governance.config.types import Config, RuleConfig
from governance.model import (
    Action,
    AddLabel,
    BlockUser,
    Category,
    ContentEvent,
    HideComment,
    Incident,
    LimitInteractions,
    Lock,
    LockReason,
    Notify,
    PersonRecord,
    Plan,
    PostComment,
    RecordIncident,
    RecordReview,
    Redact,
    Repository,
    RuleHit,
    Skip,
    Step,
    Surface,
    Target,
    Verdict,
)
from governance.policy import ladder, removal
from governance.policy.redaction import merge_spans
from governance.policy.tier import Tier, TierDecision, decide

LOCK_REASONS: dict[Category, LockReason] = {
    Category.ABUSE: LockReason.TOO_HEATED,
    Category.SOLICITATION: LockReason.SPAM,
    Category.PII: LockReason.OFF_TOPIC,
    Category.MALWARE: LockReason.SPAM,
}


def gate(event: ContentEvent, config: Config) -> str | None:
    """A reason to leave the content alone before looking at it, or None."""
    mod = config.moderation
    if not mod.enabled:
        return messages.SKIP_DISABLED
    if event.surface not in mod.surfaces:
        return messages.SKIP_SURFACE.format(surface=event.surface.value)
    if event.is_edit and not mod.on_edit:
        return messages.SKIP_EDITS_OFF
    if event.is_edit and _unchanged(event):
        return messages.SKIP_UNCHANGED
    return _exemption(event, config)


def _unchanged(event: ContentEvent) -> bool:
    body_same = event.previous_body is None or event.previous_body == event.body
    title_same = event.previous_title is None or event.previous_title == event.title
    return body_same and title_same


def _exemption(event: ContentEvent, config: Config) -> str | None:
    exempt = config.moderation.exempt
    author = event.author
    if exempt.bots and author.is_bot:
        return messages.SKIP_EXEMPT.format(why="bot account")
    if author.login.lower() in exempt.logins:
        return messages.SKIP_EXEMPT.format(why="allow-listed login")
    if author.association in exempt.associations:
        return messages.SKIP_EXEMPT.format(why=f"association {author.association.value}")
    return None


def scored_hits(verdict: Verdict, config: Config) -> dict[Category, tuple[RuleHit, ...]]:
    """The verdict's hits per enabled category, without switched-off rules."""
    out: dict[Category, tuple[RuleHit, ...]] = {}
    for category, rule in config.moderation.rules.items():
        if not rule.enabled:
            continue
        hits = tuple(h for h in verdict.hits_for(category) if h.rule_id not in rule.disabled_rules)
        if hits:
            out[category] = hits
    return out


def tier_of(verdict: Verdict, config: Config) -> TierDecision:
    """The tier ``moderate`` acts on for this verdict (``governance classify`` prints it):
    the author's own words only, as ``moderate`` reads them (quoted content never acts)."""
    return decide(authors_own(scored_hits(verdict, config)), config)


def strongest(hits: dict[Category, tuple[RuleHit, ...]]) -> tuple[Category, float] | None:
    best = max(hits.items(), key=lambda kv: max(h.score for h in kv[1]), default=None)
    if best is None:
        return None
    return best[0], max(h.score for h in best[1])


def target_of(event: ContentEvent) -> Target:
    return Target(
        repo=event.repo.full_name,
        surface=event.surface,
        number=event.number,
        node_id=event.node_id,
        rest_id=event.rest_id,
        url=event.html_url,
    )


def thread_target(event: ContentEvent) -> Target:
    """The issue, PR or discussion the content sits in (labels and locks apply there)."""
    surface = {
        Surface.ISSUE_COMMENT: Surface.ISSUE,
        Surface.REVIEW: Surface.PULL_REQUEST,
        Surface.REVIEW_COMMENT: Surface.PULL_REQUEST,
        Surface.DISCUSSION_COMMENT: Surface.DISCUSSION,
    }.get(event.surface, event.surface)
    node = event.thread_node_id if surface is not event.surface else event.node_id
    return Target(event.repo.full_name, surface, event.number, node, 0, event.html_url)


def content_actions(event: ContentEvent, category: Category, hits: tuple[RuleHit, ...],
                    config: Config) -> list[Action]:
    """What happens to the content itself, per the category's configured action."""
    rule = config.moderation.rules[category]
    action = rule.action
    if action == "hide" and not event.surface.minimizable:
        action = config.moderation.body_action  # bodies cannot be hidden on GitHub
    out: list[Action] = []
    if action == "hide":
        out.append(HideComment(target_of(event), rule.classifier))
    elif action == "redact":
        out += _redactions(event, hits) or [_fallback_for_redact(event, rule)]
    elif action == "label" and rule.label:
        out.append(AddLabel(thread_target(event), rule.label))
    elif action == "lock":
        out.append(Lock(thread_target(event), LOCK_REASONS[category]))
    labels_thread = not event.surface.minimizable or rule.label_thread
    if action in ("hide", "redact") and rule.label and labels_thread:
        out.append(AddLabel(thread_target(event), rule.label))
    if rule.lock and action != "lock":
        out.append(Lock(thread_target(event), LOCK_REASONS[category]))
    return out


def _fallback_for_redact(event: ContentEvent, rule: RuleConfig) -> Action:
    if event.surface.minimizable:
        return HideComment(target_of(event), rule.classifier)
    return AddLabel(thread_target(event), rule.label or "coc:review")


def _redactions(event: ContentEvent, hits: tuple[RuleHit, ...]) -> list[Action]:
    out: list[Action] = []
    for field_name, text in event.fields():
        spans = merge_spans(s for h in hits if h.field is field_name for s in h.evidence)
        if spans:
            digest = hashlib.sha256(text.encode()).hexdigest()
            out.append(Redact(target_of(event), field_name, spans, digest,
                              messages.REDACTED_MARKER))
    return out


# How long after a step a redelivery still sends its notice when the ledger has no note of
# it: GitHub keeps failed deliveries this long. Older steps may predate such notes.
NOTICE_RETRY = timedelta(days=3)
NOTICE_TEMPLATES: dict[Step, str] = {Step.CORRECTION: "correction", Step.WARNING: "warning",
                                     Step.TEMPORARY_BAN: "ban", Step.PERMANENT_BAN: "ban"}
# A ban's notice in a repository owned by a person, per ``ladder.user_repository_bans``:
# nobody is blocked there, so the notice must not say so.
USER_REPO_BAN_TEMPLATES: dict[str, str] = {"report-only": "ban-recorded",
                                           "collaborators-only": "ban-collaborators"}


def notice_template(step: Step, repo: Repository, config: Config) -> str:
    """The private notice's template for ``step`` in ``repo``."""
    if step >= Step.TEMPORARY_BAN and not repo.owned_by_org:
        return USER_REPO_BAN_TEMPLATES[config.ladder.user_repository_bans]
    return NOTICE_TEMPLATES[step]


def notice_templates(step: Step | None) -> tuple[str, ...]:
    """The templates a step's notice may have been recorded with."""
    if step is None or step not in NOTICE_TEMPLATES:
        return ()
    if step >= Step.TEMPORARY_BAN:
        return (NOTICE_TEMPLATES[step], *USER_REPO_BAN_TEMPLATES.values())
    return (NOTICE_TEMPLATES[step],)


def ban_actions(repo: Repository, login: str, until: datetime | None, length: timedelta | None,
                config: Config) -> tuple[list[Action], list[str]]:
    """What a ban does on GitHub, and what the ledger entry and the plan must say about it.

    An organisation blocks the person. In a repository owned by a person no App can block
    anyone (nor can an ``existing_users`` limit stop an established account), so the ban is
    recorded with how the owner blocks them, or the whole repository is limited to its
    collaborators, per ``ladder.user_repository_bans``."""
    if repo.owned_by_org:
        return [BlockUser(repo.owner, login, until)], []
    if config.ladder.user_repository_bans == "collaborators-only":
        expiry = ladder.interaction_expiry(length)
        told = messages.USER_REPO_COLLABORATORS_ONLY.format(repo=repo.full_name, expiry=expiry)
        return [LimitInteractions(repo.full_name, "collaborators_only", expiry)], [told]
    return [], [messages.USER_REPO_BAN_RECORDED.format(owner=repo.owner, login=login)]


def notice_for(event: ContentEvent, incident: Incident, config: Config, now: datetime
               ) -> Notify | None:
    """The private notice of a recorded step; None when the warning is a public comment."""
    step = incident.step
    if step is Step.NONE or (step is Step.WARNING and config.ladder.warning_channel == "comment"):
        return None
    category = incident.category.value if incident.category else ""
    template = notice_template(step, event.repo, config)
    return Notify(event.author.login, template, step, category, event.html_url,
                  event.repo.full_name, incident=incident.key, at=now,
                  until=incident.expires_at, quiet_days=quiet_days(step, config),
                  pull_request=pull_request_of(event),
                  limit_until=limit_end(template, now, incident.expires_at),
                  appeal_by=appeal_deadline(incident.at, config))


def limit_end(template: str, at: datetime, until: datetime | None) -> datetime | None:
    """When the collaborators-only limit of a ban decided ``at`` ends: GitHub's shortest
    limit that covers the ban (six months for a permanent one)."""
    if template != USER_REPO_BAN_TEMPLATES["collaborators-only"]:
        return None
    expiry = ladder.interaction_expiry(until - at if until else None)
    return at + dict(ladder.INTERACTION_EXPIRIES)[expiry]


def pull_request_of(event: ContentEvent) -> int:
    """The pull request the content sits in (its number), or 0."""
    on_pr = event.surface in (Surface.PULL_REQUEST, Surface.REVIEW, Surface.REVIEW_COMMENT)
    return event.number if on_pr or "/pull/" in event.html_url else 0


def quiet_days(step: Step, config: Config) -> int:
    """How long a warning asks the person to stay away (other steps ask nothing)."""
    return config.ladder.warning_quiet_days if step is Step.WARNING else 0


def step_actions(event: ContentEvent, incident: Incident, category: Category, config: Config
                 ) -> list[Action]:
    """What a ladder step does on GitHub: blocks and public notes. They come before the
    ledger record, so a delivery that fails after the record has nothing left to redo
    there; only the private notice (``notice_for``) follows the record."""
    step, until = incident.step, incident.expires_at
    out: list[Action] = []
    if step >= Step.TEMPORARY_BAN:
        length = timedelta(days=config.ladder.temporary_ban_days) if until else None
        out += ban_actions(event.repo, event.author.login, until, length, config)[0]
    if step is Step.CORRECTION and config.ladder.correction_public_note:
        out.append(PostComment(thread_target(event), _notice(event, category)))
    if step is Step.WARNING and config.ladder.warning_channel == "comment":
        out.append(PostComment(thread_target(event), _warning_comment(event, category)))
    return out


def recent_incident(record: PersonRecord, key: str, now: datetime) -> Incident | None:
    """The recorded step ``key`` while a redelivery may still carry out its private notice:
    not undone, and recorded within ``NOTICE_RETRY``."""
    return next((i for i in record.active() if i.key == key and i.lifted_at is None
                 and now - i.at <= NOTICE_RETRY), None)


def unsent(notice: Notify | None, record: PersonRecord) -> list[Action]:
    """The notice when the ledger has no note of it going out (or being kept there)."""
    return [notice] if notice is not None and notice.receipt_key not in record.entry_keys else []


def _notice(event: ContentEvent, category: Category) -> str:
    template = messages.NOTICES.get(category, messages.HIDDEN_NOTICE)
    return template.substitute(
        category=messages.CATEGORY_NAMES[category], coc=messages.coc_url(event.repo.full_name),
        anchor=messages.COC_SECTIONS[category.value])


def _warning_comment(event: ContentEvent, category: Category) -> str:
    return messages.WARNING_COMMENT.substitute(
        login=event.author.login, coc=messages.coc_url(event.repo.full_name),
        anchor=messages.COC_SECTIONS[category.value])


def ladder_actions(event: ContentEvent, category: Category, hits: tuple[RuleHit, ...],
                   done: list[Action], config: Config, record: PersonRecord,
                   now: datetime) -> tuple[list[Action], list[str]]:
    if not config.ladder.enabled:
        return [], []
    if not config.ledger.repository:
        return [], [messages.SKIP_NO_LEDGER]
    if record.knows(event.node_id):
        known = recent_incident(record, event.node_id, now)
        resend = unsent(notice_for(event, known, config, now) if known else None, record)
        return resend, [messages.SKIP_KNOWN, *([messages.NOTICE_RESENT] if resend else [])]
    step = ladder.next_step(record, category, hits, event.author.association, config.ladder, now)
    until = ladder.ban_expiry(step, now, config.ladder)
    incident = Incident(key=event.node_id, at=now, category=category,
                        rule_ids=tuple(sorted({h.rule_id for h in hits})), step=step,
                        url=event.html_url, expires_at=until)
    consequences = step_actions(event, incident, category, config)
    told = _ban_notes(event, incident, config)
    notice = notice_for(event, incident, config, now)
    after = [notice] if notice else []
    record_action = RecordIncident(
        login=event.author.login, incident=incident,
        rule_summary=messages.CATEGORY_NAMES[category],
        evidence=_excerpts(event, hits), original_text=_original(event),
        actions_taken=(*(a.summary() for a in [*done, *consequences, *after]), *told),
        basis=record.revision, notice=notice)
    return [*consequences, record_action, *after], [f"ladder step {ladder.rung(step).name}",
                                                    *told]


def _ban_notes(event: ContentEvent, incident: Incident, config: Config) -> list[str]:
    """What the ledger and plan say about a ban in a repository owned by a person."""
    if incident.step < Step.TEMPORARY_BAN:
        return []
    length = timedelta(days=config.ladder.temporary_ban_days) if incident.expires_at else None
    return ban_actions(event.repo, event.author.login, incident.expires_at, length, config)[1]


def _original(event: ContentEvent) -> str:
    return f"{event.title}\n\n{event.body}" if event.title else event.body


def _excerpts(event: ContentEvent, hits: tuple[RuleHit, ...], limit: int = 5) -> tuple[str, ...]:
    texts = dict(event.fields())
    out = []
    for h in hits:
        text = texts.get(h.field, "")
        out += [text[s:e][:200] for s, e in h.evidence]
    return tuple(dict.fromkeys(out))[:limit]


def moderate(event: ContentEvent, verdict: Verdict, config: Config, record: PersonRecord,
             now: datetime) -> Plan:
    dry = config.dry_run
    reason = gate(event, config)
    if reason:
        return Plan(event.version_key, (Skip(reason),), (reason,), verdict, dry)
    hits = scored_hits(verdict, config)
    own = authors_own(hits)
    spared = quoted_data_actions(event, hits, config)
    decision = decide(own, config)  # the one tier rule, on the author's own words
    if decision.category is None or decision.tier is Tier.NONE:
        top = (decision.category, decision.score) if decision.category else None
        return _quotes_only(event, verdict, hits, top, spared, config)
    category, score = decision.category, decision.score
    rule = config.moderation.rules[category]
    why = _because(category, score, hits[category])
    if decision.tier is Tier.REVIEW or rule.action == "report-only":
        review = RecordReview(event.author.login, event.node_id, event.html_url, why,
                              tuple(h.rule_id for h in hits[category]), _original(event))
        return Plan(event.version_key, (*spared, review), (why,), verdict, dry)
    done = [*content_actions(event, category, hits[category], config), *spared]
    if rule.notice and any(isinstance(a, HideComment) for a in done):
        done.append(PostComment(thread_target(event), _notice(event, category)))
    if category is Category.PII:
        done = removal.content_removal(event, done, target_of(event), config)
    steps, notes = ladder_actions(event, category, hits[category], done, config, record, now)
    actions = [*done, *steps]
    if category is Category.PII:
        actions = removal.finish(event, hits[category], actions, config, record, now)
    return Plan(event.version_key, tuple(actions), (why, *notes), verdict, dry)


# Quoted content (``RuleHit.quoted``: every piece of evidence inside a quote block) is
# someone else's words: a report, a warning, a reply. The quoter is never acted on or put on
# the ladder for it, whatever the score (a wave or account boost, a low act_threshold). Only
# personal data is still removed, since quoting it exposes it again; the quoter gets no
# step and no notice, and the original goes to a review item in the private ledger.
# Detection already treats a comment made of nothing but a quote as its author's own words.
QUOTED_DATA = ("personal data only inside quote blocks, removed; the quoting person is not "
               "in breach (no ladder step): {because}")
QUOTED_ONLY = "{category} only inside quote blocks (someone else's words), not acted on: {because}"


def quoted_only(hits: tuple[RuleHit, ...]) -> bool:
    return all(h.quoted for h in hits)


def authors_own(hits: dict[Category, tuple[RuleHit, ...]]
                ) -> dict[Category, tuple[RuleHit, ...]]:
    """The categories the author breached in their own words (not only in quotes)."""
    return {c: h for c, h in hits.items() if not quoted_only(h)}


def acts_on_own_words(verdict: Verdict, config: Config) -> bool:
    """Does moderation act on what the author said themselves (not only on what they
    quoted)? Such a comment carries out no command it holds."""
    top = strongest(authors_own(scored_hits(verdict, config)))
    if top is None:
        return False
    rule = config.moderation.rules[top[0]]
    return top[1] >= rule.act_threshold and rule.action != "report-only"


def quoted_data_actions(event: ContentEvent, hits: dict[Category, tuple[RuleHit, ...]],
                        config: Config) -> list[Action]:
    """Personal data the author only quoted, at or above its act threshold: removed as the
    category is configured (hide, redact...), without the category's public note."""
    found = hits.get(Category.PII, ())
    rule = config.moderation.rules[Category.PII]
    if not found or not quoted_only(found) or rule.action == "report-only":
        return []
    if max(h.score for h in found) < rule.act_threshold:
        return []
    return content_actions(event, Category.PII, found, config)


def _quotes_only(event: ContentEvent, verdict: Verdict,
                 hits: dict[Category, tuple[RuleHit, ...]], top: tuple[Category, float] | None,
                 spared: list[Action], config: Config) -> Plan:
    """Nothing of the author's own reaches review: remove quoted personal data, open a
    review item for quoted content that reaches review, or leave the content alone."""
    dry, key = config.dry_run, event.version_key
    reasons = (_because(*top, hits[top[0]]),) if top else ()
    quoted = {c: h for c, h in hits.items() if quoted_only(h)}
    worst = strongest(quoted)
    if worst is None:
        return Plan(key, (Skip(messages.SKIP_BENIGN),), reasons, verdict, dry)
    if spared:  # quoted personal data was found at its act threshold
        worst = Category.PII, max(h.score for h in quoted[Category.PII])
    category, score = worst
    because = _because(category, score, quoted[category])
    if spared:
        why = QUOTED_DATA.format(because=because)
    elif score >= config.moderation.rules[category].review_threshold:
        why = QUOTED_ONLY.format(category=category.value, because=because)
    else:
        return Plan(key, (Skip(messages.SKIP_BENIGN),), (*reasons, because), verdict, dry)
    review = RecordReview(event.author.login, event.node_id, event.html_url, why,
                          tuple(h.rule_id for h in quoted[category]), _original(event))
    return Plan(key, (*spared, review), (*reasons, why), verdict, dry)


def _because(category: Category, score: float, hits: tuple[RuleHit, ...]) -> str:
    rules = ", ".join(sorted({h.rule_id for h in hits}))
    return f"{category.value} score {score:.2f} (rules: {rules})"



def held_for_review(event: ContentEvent, plan: Plan, config: Config, why: str) -> Plan:
    """The plan in review mode (the circuit breaker is open): nothing is done on GitHub;
    a review item says what would have been done, and review items already planned stay."""
    hits = scored_hits(plan.verdict, config) if plan.verdict else {}
    top = strongest(hits)
    rule_ids = tuple(h.rule_id for h in hits[top[0]]) if top else ()
    would = "; ".join(a.summary() for a in plan.effective if a.public)
    review = RecordReview(event.author.login, event.node_id, event.html_url,
                          f"{why}; would have done: {would}", rule_ids, _original(event))
    kept = tuple(a for a in plan.effective
                 if isinstance(a, RecordReview) and a.key != review.key)
    return Plan(plan.key, (review, *kept), (*plan.reasons, why), plan.verdict, plan.dry_run)


def appeal_deadline(at: datetime, config: Config) -> datetime:
    """Until when a step decided ``at`` may be appealed (``ladder.appeal_days``)."""
    return at + timedelta(days=config.ladder.appeal_days)
