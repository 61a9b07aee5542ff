"""``governance classify``: JSON Lines in, one verdict per line out, in the same order.

Input lines are objects ``{"id": ..., "text": ...}``. Output lines are
``{"id", "label", "score", "rules": [{"id", "category", "evidence": [[start, end], ...]}]}``
plus ``"tier": "act" | "review" | "none"`` when a ``tier`` function is given (the command
line passes the policy's, under the default or the ``--config`` configuration).
A line that is not a JSON object with a string ``text`` still gets an output line, with
``"label": "ok"``, ``"score": 0.0`` and an ``"error"`` field, so the output stays aligned
with the input; the exit code is then 1 (0 when every line was classified). Blank lines are
skipped. Memory stays bounded: one line is read, classified and written at a time.

With ``explain=True`` a human-readable block is written per item instead of JSON: the label,
the rules that fired with their scores, and the text with evidence marked »like this«.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from governance.detect.context import DEFAULT_CONTEXT, DetectContext
from governance.detect.engine import classify
from governance.model import Span, Verdict

EXPLAIN_WIDTH = 2000  # characters of text shown per item in --explain


def run_classify(
    src: TextIO,
    dst: TextIO,
    *,
    explain: bool = False,
    context: DetectContext = DEFAULT_CONTEXT,
    tier: Callable[[Verdict], str] | None = None,
) -> int:
    failures = 0
    for number, line in enumerate(src, start=1):
        if not line.strip():
            continue
        item_id, text, error = _parse(line, number)
        if error is not None:
            failures += 1
            _write_error(dst, item_id, error, explain, tier is not None)
            continue
        verdict = classify(text, context)
        level = tier(verdict) if tier else None
        if explain:
            dst.write(render_explanation(item_id, text, verdict, level))
        else:
            dst.write(json.dumps(verdict_json(item_id, verdict, level)) + "\n")
    dst.flush()
    return 1 if failures else 0


def _parse(line: str, number: int) -> tuple[Any, str, str | None]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, "", f"line {number}: not JSON ({exc.msg})"
    if not isinstance(item, dict):
        return None, "", f"line {number}: not a JSON object"
    text = item.get("text")
    if not isinstance(text, str):
        return item.get("id"), "", f"line {number}: missing string field 'text'"
    return item.get("id"), text, None


def verdict_json(item_id: Any, verdict: Verdict, tier: str | None = None) -> dict[str, Any]:
    out = {
        "id": item_id,
        "label": verdict.label.value,
        "score": round(verdict.score, 4),
        "rules": [
            {"id": h.rule_id, "category": h.category.value,
             "evidence": [[s, e] for s, e in h.evidence]}
            for h in verdict.hits
        ],
    }
    if tier is not None:
        out["tier"] = tier
    return out


def _write_error(dst: TextIO, item_id: Any, error: str, explain: bool, tiered: bool) -> None:
    if explain:
        dst.write(f"== {printable(str(item_id))}: error: {error}\n\n")
        return
    out = {"id": item_id, "label": "ok", "score": 0.0, "rules": [], "error": error}
    if tiered:
        out["tier"] = "none"
    dst.write(json.dumps(out) + "\n")


def render_explanation(item_id: Any, text: str, verdict: Verdict, tier: str | None = None
                       ) -> str:
    text = printable(text)
    tiered = f", tier {tier}" if tier else ""
    lines = [f"== {printable(str(item_id))}: {verdict.label.value} ({verdict.score:.2f}{tiered})"]
    for hit in verdict.hits:
        quotes = ", ".join(repr(text[s:e][:60]) for s, e in hit.evidence[:3])
        lines.append(f"   {hit.rule_id} [{hit.category.value}] score {hit.score:.2f} "
                     f"severity {hit.severity}{' quoted' if hit.quoted else ''}: {quotes}")
    spans = [span for hit in verdict.hits for span in hit.evidence]
    lines.append("   " + highlight(text[:EXPLAIN_WIDTH], spans).replace("\n", "\n   "))
    return "\n".join(lines) + "\n\n"


def printable(text: str) -> str:
    """Replace lone surrogates (valid in JSON, not in UTF-8) one for one, keeping offsets."""
    return text.encode("utf-8", "replace").decode("utf-8")


def highlight(text: str, spans: list[Span]) -> str:
    """Mark evidence »like this«; overlapping spans are merged first."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[0] < len(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, min(end, len(text))])
    out, last = [], 0
    for start, end in merged:
        out += [text[last:start], "»", text[start:end], "«"]
        last = end
    out.append(text[last:])
    return "".join(out)
