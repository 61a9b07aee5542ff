"""The document every detector reads: normalised views, code regions and the context."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from governance.detect import rendering
from governance.detect.context import DetectContext
from governance.detect.normalize import Normalized, View, normalize
from governance.detect.quotes import quote_blocks
from governance.model import Category, RuleHit, Span

_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_INLINE = re.compile(r"`[^`\n]+`")
_WORD = re.compile(r"[a-z]+")
_LOWER_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Doc:
    norm: Normalized
    context: DetectContext
    code: tuple[Span, ...]  # fenced blocks and inline code, in base-view coordinates
    lower: str  # the base view lower-cased, same length: case-insensitive rules read it
    words: frozenset[str]  # the folded view's [a-z]+ words (rule triggers look them up)
    lower_words: frozenset[str]  # the lower-cased base view's [a-z0-9]+ words

    @property
    def base(self) -> View:
        return self.norm.base

    @property
    def folded(self) -> View:
        return self.norm.folded

    def in_code(self, start: int, end: int) -> bool:
        """Is base-view ``[start, end)`` inside a code region?"""
        return self.code_around(start, end) is not None

    def code_around(self, start: int, end: int) -> Span | None:
        """The code region holding base-view ``[start, end)``, if any (a bisection: callers
        ask once per match, and a text can hold thousands of matches and of regions)."""
        i = bisect.bisect_right(self.code, (start, len(self.base.text) + 1)) - 1
        found = i >= 0 and self.code[i][0] <= start and end <= self.code[i][1]
        return self.code[i] if found else None

    def around(self, start: int, end: int, radius: int = 60) -> str:
        """Lower-cased base text around a match, for context cues."""
        return self.lower[max(0, start - radius) : end + radius]

    def hit(
        self,
        rule_id: str,
        category: Category,
        score: float,
        spans: list[tuple[int, int]],
        *,
        severity: int = 1,
        view: View | None = None,
    ) -> RuleHit:
        """A hit whose spans (given in ``view`` coordinates) point into the original text."""
        source = view or self.base
        mapped = tuple(sorted({self._full_span(source, s, e) for s, e in spans}))
        return RuleHit(rule_id, category, round(min(1.0, max(0.0, score)), 3), mapped,
                       severity=severity)


    def _full_span(self, view: View, start: int, end: int) -> Span:
        """Map a span back; on the folded view, also cover letters squashing dropped."""
        s, e = view.span(start, end)
        if view is self.norm.folded:
            original = self.norm.original
            while 0 < e < len(original) and (original[e].lower() == original[e - 1].lower()
                                             or rendering.is_mark(original[e])):
                e += 1  # also the marks over the last letter (a struck-through "t̶")
        return (s, e)


def build_doc(text: str, context: DetectContext) -> Doc:
    norm = normalize(text)
    base = norm.base.text
    words = frozenset(_WORD.findall(norm.folded.text))
    lower_words = frozenset(_LOWER_WORD.findall(norm.lower))
    return Doc(norm, context, code_regions(base), norm.lower, words, lower_words)


def code_regions(text: str) -> tuple[Span, ...]:
    if "`" not in text and "~~~" not in text:
        return ()
    spans = [m.span() for m in _FENCE.finditer(text)]
    fences = SpanIndex(spans)
    spans += [m.span() for m in _INLINE.finditer(text) if not fences.covers(m.start())]
    return tuple(sorted(spans))


def quoted_lines(text: str) -> tuple[Span, ...]:
    """Blocks of lines quoting an earlier message ("> ..."): words there are someone
    else's. What counts as one (not code, not an alert, not a bare quote): ``quotes``."""
    return quote_blocks(text)


class SpanIndex:
    """Spans answering "does any of them overlap [start, end)?" in O(log n).

    Detectors ask this once per match; scanning every span each time was quadratic in a
    text of many matches and many spans (quoted lines, code, trailers, lures).
    """

    def __init__(self, spans: Iterable[Span | re.Match[str]]) -> None:
        ordered = sorted({s if isinstance(s, tuple) else s.span() for s in spans})
        self._starts = [s for s, _ in ordered]
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start

    def covers(self, index: int) -> bool:
        return self.overlaps(index, index + 1)
