"""The pure half of the optional LLM second opinion (no I/O here).

Only borderline verdicts are asked about (a score in ``band = [low, high)``). The prompt
states the policy and asks for one JSON object; the answer is parsed strictly (anything
else is ignored) and combined with the local verdict, which it can move but not replace:

* the model agrees the content breaks the rule -> the category score moves towards 1 by
  ``AGREE_WEIGHT * confidence`` of the remaining distance;
* the model says ``ok`` -> the score moves towards 0 by ``DISAGREE_WEIGHT * confidence``;
* any other answer leaves the verdict as it was.

PII evidence is replaced by ``[redacted]`` before the text leaves the process.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import Any

from governance.detect.engine import LABEL_THRESHOLD
from governance.model import Category, Label, RuleHit, Verdict

MAX_TEXT = 4000
AGREE_WEIGHT = 0.7
DISAGREE_WEIGHT = 0.6
MAX_REASON = 300
RULE_ID = "llm.second_opinion"

SYSTEM_PROMPT = """You review comments posted on a GitHub project for its code of conduct.
Labels:
- abuse: insults, harassment, threats, hate or identity attacks, or hostile vulgar language
  aimed at people. Frustration, profanity about code, tools or oneself, and heated but
  civil disagreement are ok.
- solicitation: ads, spam, pitching a product or service, hire-me or agency offers,
  recruiting spam, SEO/crypto/casino/course spam, market or competitor research requests.
  Recommending an open-source library on topic or a company saying it uses the project is ok.
- pii: someone's phone number, private e-mail, home address, card, bank or national id
  numbers, passwords, API keys, tokens or private keys. Placeholders and documented
  examples are ok.
- malware: links or instructions that lure readers into downloading and running files,
  archive passwords, fake GitHub or security notices, impersonation of maintainers.
- ok: everything else.
Answer with one JSON object and nothing else:
{"label": "ok|abuse|solicitation|pii|malware", "confidence": <number 0..1>, "reason": "<short>"}"""


@dataclass(frozen=True, slots=True)
class Opinion:
    label: Label
    confidence: float
    reason: str = ""


def borderline_category(verdict: Verdict, band: tuple[float, float]) -> Category | None:
    """The category whose score is in the band, if the verdict is borderline."""
    low, high = band
    best: Category | None = None
    for category in Category:
        score = verdict.category_score(category)
        if low <= score < high and (best is None or score > verdict.category_score(best)):
            best = category
    if best is None:
        return None
    top = max(verdict.category_score(c) for c in Category)
    return best if verdict.category_score(best) >= top else None


def redact(text: str, verdict: Verdict) -> str:
    """Blank out PII evidence so personal data is never sent to the model."""
    spans = sorted(s for h in verdict.hits_for(Category.PII) for s in h.evidence)
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out += [text[last:start], "[redacted]"]
        last = end
    out.append(text[last:])
    return "".join(out)


def build_request(text: str, verdict: Verdict, model: str) -> dict[str, Any]:
    """An OpenAI-compatible chat-completions request body."""
    shown = redact(text, verdict)[:MAX_TEXT]
    local = ", ".join(f"{h.rule_id} ({h.score:.2f})" for h in verdict.hits[:8]) or "none"
    user = f"Comment:\n<<<\n{shown}\n>>>\nLocal rules that fired: {local}"
    return {
        "model": model,
        "temperature": 0,
        "max_tokens": 120,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": user},
        ],
    }


_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.S)


def parse_answer(content: object) -> Opinion | None:
    """Strictly parse the model's answer; ``None`` for anything not exactly as asked."""
    if not isinstance(content, str):
        return None
    stripped = content.strip()
    fenced = _FENCE.match(stripped)
    if fenced:
        stripped = fenced.group(1)
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    if not isinstance(data, dict) or not {"label", "confidence"} <= data.keys():
        return None
    if not data.keys() <= {"label", "confidence", "reason"}:
        return None
    label, confidence, reason = data["label"], data["confidence"], data.get("reason", "")
    if label not in {lab.value for lab in Label} or not isinstance(reason, str):
        return None
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        return None
    if not 0.0 <= float(confidence) <= 1.0:
        return None
    return Opinion(Label(label), float(confidence), reason[:MAX_REASON])


def combine(verdict: Verdict, opinion: Opinion | None, band: tuple[float, float]) -> Verdict:
    """Move the borderline category's score with the model's opinion (see module doc)."""
    category = borderline_category(verdict, band)
    if opinion is None or category is None:
        return verdict
    score = verdict.category_score(category)
    if opinion.label is category.label:
        new = score + (1.0 - score) * AGREE_WEIGHT * opinion.confidence
    elif opinion.label is Label.OK:
        new = score * (1.0 - DISAGREE_WEIGHT * opinion.confidence)
    else:
        return verdict
    new = round(min(0.99, new), 3)
    hits = [_capped(h, category, new) for h in verdict.hits]
    # an opinion on words the author only quoted is about those words: still quoted
    quoted = all(h.quoted for h in verdict.hits_for(category))
    hits.append(RuleHit(RULE_ID, category, new, (), quoted=quoted))
    return _relabel(tuple(hits))


def _capped(hit: RuleHit, category: Category, score: float) -> RuleHit:
    if hit.category is category and hit.score > score:
        return dataclasses.replace(hit, score=score)
    return hit


def _relabel(hits: tuple[RuleHit, ...]) -> Verdict:
    scores = {c: max((h.score for h in hits if h.category is c), default=0.0) for c in Category}
    best = max(scores, key=lambda c: scores[c])
    label = best.label if scores[best] >= LABEL_THRESHOLD else Label.OK
    return Verdict(label, scores[best], hits)
