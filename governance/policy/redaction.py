"""Replacing only the offending spans of a text, and nothing if the text moved on."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from governance.model import Redact


def apply_redaction(current: str, action: Redact) -> str | None:
    """The text with each span replaced by the marker, or None when ``current`` is not the
    version the spans were computed on (a newer edit will be checked on its own event)."""
    if hashlib.sha256(current.encode()).hexdigest() != action.text_sha256:
        return None
    out, last = [], 0
    for start, end in sorted(action.spans):
        out += [current[last:start], action.marker]
        last = max(last, end)
    out.append(current[last:])
    return "".join(out)


def merge_spans(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping and touching ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
