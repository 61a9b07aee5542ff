"""Runs the detectors, applies per-repository tuning and turns hits into a verdict.

``classify`` = the rules (``classify_rules``) and then the learned language model, whose
log-odds and the rules' score become one calibrated score per language category
(``with_language_model``, ``language.py``). The rest of this docstring is about the rules.

Scoring: each rule's hit carries a calibrated score. A category's score is the noisy-or of
its three strongest rules (1 - prod(1 - s)), so independent weak signals add up while a
single rule keeps its own score; the strongest hit of the category is raised to that
combined score so that ``Verdict.category_score`` (the max over hits) equals it.

Label rule: the category with the highest score wins when that score is >= 0.5
(``LABEL_THRESHOLD``); otherwise the label is ``ok`` and the score is the highest category
score. Scores >= 0.85 mean "a moderator would remove this", 0.55-0.85 "worth a human look".
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Protocol

from governance.detect import abuse, language, malware, ngram, ownership, pii, secrets, solicitation
from governance.detect import model as language_model
from governance.detect.context import DEFAULT_CONTEXT, DetectContext
from governance.detect.doc import Doc, SpanIndex, build_doc
from governance.detect.model_input import model_text
from governance.detect.quotes import blank, inside, quote_blocks
from governance.model import Category, Label, RuleHit, Span, Verdict

LABEL_THRESHOLD = 0.5
MAX_SCORE = 0.99
# Order used to break ties between equal category scores (the more harmful first).
CATEGORY_ORDER = (Category.MALWARE, Category.PII, Category.ABUSE, Category.SOLICITATION)
DETECTORS: tuple[Callable[[Doc], Iterable[RuleHit]], ...] = (
    pii.detect, secrets.detect, abuse.detect, solicitation.detect, malware.detect,
)
log = logging.getLogger(__name__)


Models = Mapping[Category, ngram.LinearModel]


def classify(text: str, context: DetectContext = DEFAULT_CONTEXT) -> Verdict:
    """Label one text: the rules and the n-gram scorer; with ``context.language_model``
    (``moderation.language_model``), the rules rescored by the learned model instead.

    Pure: the same text and context always give the same verdict (the shipped model is
    loaded once, on first use; ``model.ModelMissingError`` if it is not installed).
    """
    if context.language_model:
        return classify_with_language_model(text, context)
    return classify_with(text, context, ngram.shipped_models())


def classify_with_language_model(text: str, context: DetectContext = DEFAULT_CONTEXT
                                 ) -> Verdict:
    """The rules, then the learned model for the language categories."""
    return with_language_model(text, context, classify_rules(text, context),
                               language_model.shipped(), language.shipped_calibrations())


def classify_rules(text: str, context: DetectContext = DEFAULT_CONTEXT) -> Verdict:
    """The rules alone: structure, evidence spans, no statistical or learned model."""
    return classify_with(text, context, {})


def classify_with(text: str, context: DetectContext, models: Models) -> Verdict:
    """``classify`` with an explicit statistical model (cross-validation uses fold models)."""
    if not text or not text.strip():
        return Verdict.ok()
    doc = build_doc(text, context)
    hits = [h for detect in DETECTORS for h in detect(doc)]
    hits += _unsupported_capped(_model_hits(doc, models), hits)
    hits = _mark_quoted(hits, text, context, models)
    if not hits:
        return Verdict.ok()  # most comments
    hits = _lure_passwords(_advertiser_contacts(list(_tuned(hits, text, context))))
    return _verdict(_own_contacts(doc, hits))


def _never(doc: Doc) -> bool:
    return False


def _always(doc: Doc) -> bool:
    return True


MODEL_GATES: dict[Category, Callable[[Doc], bool]] = {
    Category.ABUSE: abuse.has_abusive_vocabulary,
    Category.SOLICITATION: solicitation.has_commercial_hint,
}
# Does the gate's vocabulary appear in the author's own words? When it appears only in speech
# the author reports ("Reporting this comment by @x: ..."), the model's hit is quoted too.
MODEL_OWN_WORDS: dict[Category, Callable[[Doc], bool]] = {
    Category.ABUSE: abuse.speaks_abusive_vocabulary,
}


def _model_hits(doc: Doc, models: Models) -> list[RuleHit]:
    """One hit per category whose model probability reaches its calibrated threshold."""
    gated = [(c, m) for c, m in models.items() if MODEL_GATES.get(c, _never)(doc)]
    if not gated:
        return []  # the model only raises texts that carry the category's vocabulary
    feats = ngram.features(doc.folded.text)
    out = []
    for category, model in gated:
        p = model.probability(feats)
        if p >= model.threshold:
            # a whole-text judgement: no span to point at (nothing to redact either)
            quoted = not MODEL_OWN_WORDS.get(category, _always)(doc)
            out.append(RuleHit(f"{category.value}.model", category, round(model.hit_score(p), 3),
                               quoted=quoted))
    return out


# An abuse judgement of the model alone (no rule of the category fired) labels a text only
# when the model is sure; below that it is kept as a review-level score. Out of fold on dev,
# model-only abuse hits under 0.7 were wrong half of the time (self-directed or joking
# texts), those above it about one time in ten.
MODEL_ALONE = {Category.ABUSE: 0.7}
MODEL_ALONE_CAP = 0.45


def _unsupported_capped(model_hits: list[RuleHit], rule_hits: list[RuleHit]) -> list[RuleHit]:
    supported = {h.category for h in rule_hits}
    return [dataclasses.replace(h, score=min(h.score, MODEL_ALONE_CAP))
            if h.category not in supported and h.score < MODEL_ALONE.get(h.category, 0.0) else h
            for h in model_hits]


CONTACT_RULES = frozenset({"pii.phone_number", "pii.private_email"})
ADVERTISER_CAP = 0.45


def _advertiser_contacts(hits: list[RuleHit]) -> list[RuleHit]:
    """A phone number or address inside an ad is the advertiser's own, not doxxing.

    When solicitation evidence is strong and every PII hit is a contact detail without a
    third-party cue (severity < 3), those hits are capped below the label threshold.
    """
    spam = _combine([h.score for h in hits if h.category is Category.SOLICITATION])
    pii_hits = [h for h in hits if h.category is Category.PII]
    if spam < 0.6 or not pii_hits:
        return hits
    if any(h.rule_id not in CONTACT_RULES or h.severity >= 3 for h in pii_hits):
        return hits
    return [dataclasses.replace(h, score=min(h.score, ADVERTISER_CAP))
            if h.category is Category.PII else h for h in hits]


# Ways to reach someone that are neither a link nor an e-mail address: only a maintainer's
# can be the project's (one link into the repository must not vouch for a stranger's ad).
OFF_LINK_CONTACTS = frozenset({"solicitation.contact_handle", "solicitation.chat_invite",
                               "solicitation.dm_me", "pii.phone_number"})


def _own_contacts(doc: Doc, hits: list[RuleHit]) -> list[RuleHit]:
    """The project's own support address or a maintainer's office hours: no ad, no leak.

    Solicitation, and a maintainer's own contact details (no third-party cue), are capped
    below every tier when all links and addresses of the text are the project's own.
    """
    own_pii = ownership.is_maintainer(doc)
    if not own_pii and any(h.rule_id in OFF_LINK_CONTACTS for h in hits):
        return hits  # a stranger's chat handle or phone number is no project contact
    capped = [h for h in hits if h.category is Category.SOLICITATION or (
        own_pii and h.rule_id in CONTACT_RULES and h.severity < 3)]
    if not capped or not ownership.only_own_contacts(doc):
        return hits
    capped_ids = {id(h) for h in capped}  # ("h not in capped" compared hits pairwise)
    kept = [h for h in hits if id(h) not in capped_ids]
    for category in {h.category for h in capped}:  # one capped hit each: weak ones add nothing
        strongest = max((h for h in capped if h.category is category), key=lambda h: h.score)
        kept.append(dataclasses.replace(strongest, score=min(strongest.score, ADVERTISER_CAP)))
    return kept


def _lure_passwords(hits: list[RuleHit]) -> list[RuleHit]:
    """An archive password shared with a lure is part of the lure, not a leaked secret."""
    lure = SpanIndex(span for h in hits if h.rule_id == "malware.archive_password"
                     for span in h.evidence)
    if not lure:
        return hits
    return [h for h in hits if not (h.rule_id == "pii.secret.password"
                                    and any(lure.overlaps(s, e) for s, e in h.evidence))]


def _tuned(hits: list[RuleHit], text: str, context: DetectContext) -> Iterator[RuleHit]:
    """Drop disabled rules and hits whose evidence the repository allows."""
    allowed = _allow_checks(context.allow_words, context.allow_patterns)
    for hit in hits:
        if _disabled(hit.rule_id, context.disabled_rules):
            continue
        # a whole-text model judgement has no evidence: it yields to any allowed word in the text
        evidence = [text[s:e] for s, e in hit.evidence] or (
            [text] if hit.rule_id.endswith(".model") else [])
        if evidence and allowed and all(allowed(e) for e in evidence):
            continue
        yield hit


def _disabled(rule_id: str, disabled: frozenset[str]) -> bool:
    """A disabled id switches off that rule and every rule below it ("pii.secret")."""
    if not disabled:
        return False
    parts = rule_id.split(".")
    return any(".".join(parts[:i]) in disabled for i in range(1, len(parts) + 1))


def _allow_checks(
    words: tuple[str, ...], patterns: tuple[str, ...]
) -> Callable[[str], bool] | None:
    if not words and not patterns:
        return None
    lowered = tuple(w.lower() for w in words if w)
    compiled = [p for p in (_compile_re2(p) for p in patterns) if p is not None]

    def allowed(evidence: str) -> bool:
        low = evidence.lower()
        return any(w in low for w in lowered) or any(p.search(evidence) for p in compiled)

    return allowed


class _Searcher(Protocol):
    def search(self, text: str) -> object: ...


@functools.lru_cache(maxsize=256)
def _compile_re2(pattern: str) -> _Searcher | None:
    """Compile a user pattern with RE2 (linear time); a bad pattern is skipped, not fatal."""
    try:
        import re2

        compiled: _Searcher = re2.compile(pattern)
        return compiled
    except Exception as exc:  # re2.error and anything a broken binding may raise
        log.warning("allow pattern %r ignored: %s", pattern, exc)
        return None


# Categories judged on the author's own words only. A hit entirely inside a quote block is
# someone else's words (a report, a warning, a reply): for these categories it stays on
# record below the label, the default review threshold and the LLM's default band (0.45),
# however strong; a spam wave (+0.2 on hits from 0.4) can still lift it to review.
# Personal data is not among them: quoting it exposes it again, so it is still found (and
# redacted); the policy spares the quoter the ladder. ``quotes`` says what is no quote.
QUOTE_CAPPED = frozenset({Category.ABUSE, Category.SOLICITATION, Category.MALWARE})
QUOTED_CAP = 0.4


def _mark_quoted(hits: list[RuleHit], text: str, context: DetectContext,
                 models: Models) -> list[RuleHit]:
    """Mark the hits whose evidence lies entirely in quote blocks. A model hit has no
    evidence: it is quoted when the model does not fire on the text without the quotes."""
    blocks = quote_blocks(text) if hits else ()
    if not blocks:
        return hits
    own_model: set[Category] | None = None
    out = []
    for hit in hits:
        if hit.rule_id.endswith(".model"):
            if own_model is None:
                own_doc = build_doc(blank(text, blocks), context)
                own_model = {h.category for h in _model_hits(own_doc, models)}
            quoted = hit.category not in own_model
        else:
            quoted = inside(blocks, hit.evidence)
        out.append(dataclasses.replace(hit, quoted=True) if quoted else hit)
    return out


def _by_speaker(category: Category, hits: list[RuleHit]) -> tuple[float, list[RuleHit]]:
    """A category's score and its hits (one per rule), strongest first. For
    ``QUOTE_CAPPED`` categories the author's own hits are combined alone and quoted ones
    only ever reach ``QUOTED_CAP``; elsewhere a rule with any hit of the author's own is
    not quoted."""
    if category not in QUOTE_CAPPED or not any(h.quoted for h in hits):
        spoken = {h.rule_id for h in hits if not h.quoted}
        mine = [dataclasses.replace(h, quoted=False) if h.quoted and h.rule_id in spoken else h
                for h in _strongest_per_rule(hits)]
        return _combine([h.score for h in mine]), mine
    own = _strongest_per_rule([h for h in hits if not h.quoted])
    quoted = [dataclasses.replace(h, score=min(h.score, QUOTED_CAP))
              for h in _strongest_per_rule([h for h in hits if h.quoted])]
    own_score = _combine([h.score for h in own]) if own else 0.0
    quoted_score = min(QUOTED_CAP, _combine([h.score for h in quoted]))
    if own_score >= quoted_score:
        return own_score, own + quoted
    return quoted_score, quoted + own


def _verdict(hits: list[RuleHit]) -> Verdict:
    if not hits:
        return Verdict.ok()
    scores: dict[Category, float] = {}
    out: list[RuleHit] = []
    for category in CATEGORY_ORDER:
        mine = [h for h in hits if h.category is category]
        if not mine:
            continue
        score, mine = _by_speaker(category, mine)
        scores[category] = score
        out.append(dataclasses.replace(mine[0], score=score))
        out.extend(mine[1:])
    label, top = _label(scores)
    return Verdict(label, top, tuple(out))


def _label(scores: Mapping[Category, float]) -> tuple[Label, float]:
    best = max(CATEGORY_ORDER, key=lambda c: (scores.get(c, 0.0), -CATEGORY_ORDER.index(c)))
    if best is Category.SOLICITATION and scores.get(Category.MALWARE, 0.0) >= LABEL_THRESHOLD:
        best = Category.MALWARE  # a lure that also reads like spam is still a lure
    top = scores.get(best, 0.0)
    return (best.label if top >= LABEL_THRESHOLD else Label.OK), top


def _strongest_per_rule(hits: list[RuleHit]) -> list[RuleHit]:
    """One hit per rule: its strongest (the first of equal scores) with every hit's evidence.

    Linear in the hits: spans are gathered per rule and sorted once (merging them hit by hit
    re-sorted the growing union each time, quadratic for a text of many hits).
    """
    by_rule: dict[str, RuleHit] = {}
    evidence: dict[str, list[tuple[Span, ...]]] = {}
    for hit in hits:
        kept = by_rule.get(hit.rule_id)
        if kept is None or hit.score > kept.score:
            by_rule[hit.rule_id] = hit
        evidence.setdefault(hit.rule_id, []).append(hit.evidence)
    merged = [hit if len(evidence[rule]) == 1 else dataclasses.replace(
                  hit, evidence=tuple(sorted({s for ev in evidence[rule] for s in ev})))
              for rule, hit in by_rule.items()]
    return sorted(merged, key=lambda h: -h.score)


def _combine(scores: list[float]) -> float:
    remaining = 1.0
    for score in sorted(scores, reverse=True)[:3]:
        remaining *= 1.0 - score
    return round(min(MAX_SCORE, 1.0 - remaining), 3)


def with_language_model(
    text: str,
    context: DetectContext,
    rules: Verdict,
    model: language_model.LanguageModel,
    calibrations: Mapping[Category, language.Calibration],
) -> Verdict:
    """The rules' verdict with each language category rescored by ``language.Calibration``.

    The category's strongest own rule hit carries the calibrated score (the policy reads the
    maximum), the others are capped at it, quoted hits keep their cap; when the model raises
    a category above its rules a ``<category>.model`` hit without evidence says so. A repository that disables
    ``<category>.model`` or allows a word of the text keeps the rules' score.

    The model reads the poster's own words only (``model_input.model_text``: no quotes,
    code, reported or negated clauses, nor the project's own contacts); when none are left
    it abstains and the rules' verdict stands.
    """
    own = model_text(text, context)
    if own is None:
        return rules
    logits = model.logits(own)
    hits = list(rules.hits)
    for category, calibration in calibrations.items():
        probe = RuleHit(f"{category.value}.model", category, 0.0)
        if not any(_tuned([probe], text, context)):
            continue
        before = own_category_score(rules, category)
        score = round(min(MAX_SCORE, calibration.score(before, logits[category])), 3)
        if only_quoted(rules, category):
            score = min(score, QUOTED_CAP)  # a reply to quoted words shares their topic
        hits = _rescored(hits, probe, score, before)
    hits.sort(key=lambda h: CATEGORY_ORDER.index(h.category))
    label, top = _label({c: max(h.score for h in hits if h.category is c)
                         for c in {h.category for h in hits}})
    return Verdict(label, top, tuple(hits))


def own_category_score(verdict: Verdict, category: Category) -> float:
    """The category's score from the poster's own hits only: quoted ones (someone else's
    words, capped by ``_by_speaker``) are not the rules' judgement of the poster, so they
    neither feed the calibration nor take its score. ``_verdict`` puts the combined own
    score on the first own hit when own hits lead, else each keeps its own."""
    mine = [h for h in verdict.hits if h.category is category]
    own = [h.score for h in mine if not h.quoted]
    if not own:
        return 0.0
    return own[0] if not mine[0].quoted else _combine(own)


def only_quoted(verdict: Verdict, category: Category) -> bool:
    """Did the rules find the category's words only in someone else's words (quote blocks,
    reported speech)? Then the poster's own words are a reply to them (a report, a warning) and read
    like their topic: the model's score stays within the quoted cap, as the quoted hits do."""
    worded = [h for h in verdict.hits if h.category is category and h.evidence]
    return bool(worded) and all(h.quoted for h in worded)  # (context signals have no words)


def _rescored(hits: list[RuleHit], probe: RuleHit, score: float, before: float) -> list[RuleHit]:
    """The category's own hits take the calibrated score (the strongest) or are capped at it;
    quoted hits keep their capped scores."""
    mine = [h for h in hits if h.category is probe.category and not h.quoted]  # strongest first
    out = [h for h in hits if h.category is not probe.category or h.quoted]
    out += [dataclasses.replace(h, score=score if i == 0 else min(h.score, score))
            for i, h in enumerate(mine)]
    if score > before and score >= language.REPORT_FLOOR:
        out.append(dataclasses.replace(probe, score=score))
    return out
