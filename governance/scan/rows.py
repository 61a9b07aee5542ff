"""One decided item as a flat row: what the reports, the review sheet and ``--format json``
show. Personal data in evidence is masked before it reaches a row (the report may be shared
with other maintainers; the ledger is the only place for the original text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from governance.model import Category, ContentEvent, Field, Plan, RecordIncident, Verdict
from governance.policy.ladder import rung
from governance.policy.redaction import merge_spans

MARKER = "[redacted]"
CONTEXT = 40  # characters of evidence context either side
EXCERPT = 160  # characters of the item's text a row keeps to judge it by
MAX_EVIDENCE = 3


class Decision:
    """What the bot would have done to an item, coarsely: the review sheet's three kinds."""

    ACT = "act"  # something public (hide, redact, label, lock...) or a ladder step
    REVIEW = "review"  # only a private review item for moderators
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Masked:
    text: str
    spans: tuple[tuple[int, int], ...]  # personal data, merged and sorted

    def slice(self, start: int, end: int) -> str:
        """``text[start:end]`` with every piece of personal data in it replaced by the marker
        (a span reaching into the window is masked whole, its outside part included)."""
        out, at = [], max(0, start)
        for s, e in self.spans:
            if e <= at or s >= end:
                continue
            out += [self.text[at:max(at, s)], MARKER]
            at = max(at, e)
        if at < end:
            out.append(self.text[at:end])
        return " ".join("".join(out).split())


def masked(text: str, verdict: Verdict, field: Field) -> Masked:
    spans = [s for h in verdict.hits_for(Category.PII) if h.field is field for s in h.evidence]
    return Masked(text, merge_spans(spans))


def decision_of(plan: Plan) -> str:
    actions = plan.effective
    if any(a.public or isinstance(a, RecordIncident) for a in actions):
        return Decision.ACT
    return Decision.REVIEW if actions else Decision.NONE


def _evidence(event: ContentEvent, verdict: Verdict) -> list[str]:
    texts = dict(event.fields())
    out: list[str] = []
    for hit in sorted(verdict.hits, key=lambda h: -h.score)[:MAX_EVIDENCE]:
        view = masked(texts.get(hit.field, ""), verdict, hit.field)
        for start, end in hit.evidence[:1]:
            out.append(f"{hit.rule_id}: …{view.slice(start - CONTEXT, end + CONTEXT)}…")
    return out


def row_of(event: ContentEvent, plan: Plan) -> dict[str, Any]:
    verdict = plan.verdict or Verdict.ok()
    decision = decision_of(plan)
    steps = [a.incident.step for a in plan.actions if isinstance(a, RecordIncident)]
    top = sorted(verdict.hits, key=lambda h: -h.score)
    body = masked(event.body, verdict, Field.BODY)
    return {
        "repo": event.repo.full_name, "surface": event.surface.value, "url": event.html_url,
        "node_id": event.node_id, "author": event.author.login,
        "created_at": event.created_at.isoformat() if event.created_at else "",
        "category": verdict.label.value, "score": round(verdict.score, 4),
        # the strongest hit's category, also when it stayed below every threshold
        "top_category": top[0].category.value if top else "",
        "rule": top[0].rule_id if top and verdict.label.value != "ok" else "",
        "rules": list(dict.fromkeys(h.rule_id for h in top)),
        "decision": decision, "actions": [a.kind for a in plan.effective],
        "step": rung(steps[0]).name if steps else "",
        "evidence": _evidence(event, verdict) if decision != Decision.NONE else [],
        "excerpt": body.slice(0, EXCERPT),
    }
