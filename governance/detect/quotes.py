"""Quote blocks: the parts of a comment that repeat someone else's words.

A quote reply ("> ...", GitHub's "Quote reply" and e-mail replies alike) repeats an earlier
message: a report of spam, a warning about a lure or a reply to a leaked phone number holds
the offending words without being the author's own speech. ``quote_blocks`` finds those
blocks structurally, for every category alike; the engine marks the hits that lie entirely
inside them (``RuleHit.quoted``).

What is not a quote, so that putting words in ``>`` does not hide them:
- ``>`` lines inside code (a shell prompt in a fence is code, and code is judged as code);
- GitHub alerts (``> [!NOTE]``, ``> [!WARNING]``...): the author's own call-out;
- a comment with no words of its own outside its quote blocks: quoting something without
  saying anything about it is posting it, so the whole text is the author's (a spammer
  cannot wrap a bare pitch in ``>``). An e-mail attribution line ("On ... wrote:", or just
  "Bob wrote:") is no word of the author's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from governance.detect.malware_vocab import EMAIL_REPLY
from governance.model import Span

_QUOTE_LINE = re.compile(r"^[ \t]{0,3}>.*$", re.M)
_ALERT = re.compile(r"[ \t]{0,3}>[ \t]*\[!(?:note|tip|important|warning|caution)\]", re.I)
# E-mail clients' attribution line before the quoted message (any language): an address or
# a year, and a colon at its end or at the end of the next, short line ("...> \n wrote:").
_SENDER = re.compile(r"@|\b\d{4}\b")
_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_WORD = re.compile(r"[^\W\d_]{2,}")
_ATTRIBUTION_MAX = 120  # "Bob wrote:" and its kin are short; a sentence ending "wrote:" is not


def quote_blocks(text: str) -> tuple[Span, ...]:
    """Spans of the quote blocks (consecutive ``>`` lines) that are someone else's words, in
    ``text`` coordinates; () when the comment has no words of its own outside them."""
    if ">" not in text:
        return ()
    fences = [m.span() for m in _FENCE.finditer(text)] if ("```" in text or "~~~" in text) else []
    blocks: list[list[int]] = []
    fence = 0  # fences and lines both come in text order: one walk over each
    for m in _QUOTE_LINE.finditer(text):
        start, end = m.span()
        while fence < len(fences) and fences[fence][1] <= start:
            fence += 1
        if fence < len(fences) and fences[fence][0] <= start:
            continue  # a line of code
        if blocks and blocks[-1][1] + 1 == start:
            blocks[-1][1] = end  # the next line of the same block
        else:
            blocks.append([start, end])
    quoted = tuple((s, e) for s, e in blocks if not _ALERT.match(text, s))
    return quoted if quoted and _has_own_words(text, quoted) else ()


def _has_own_words(text: str, blocks: tuple[Span, ...]) -> bool:
    lines = []
    for line in _own_lines(text, blocks):
        if _WORD.search(line) and not line.endswith(":") and not _SENDER.search(line):
            return True  # plainly the author's (most comments stop at their first line)
        lines.append(line)
    for i, line in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else ""
        attribution = (_SENDER.search(line) and (
            line.endswith(":") or (len(after) <= 40 and after.endswith(":")))) or _replies(line)
        is_tail = line.endswith(":") and i > 0 and _SENDER.search(lines[i - 1]) is not None
        if not (attribution or is_tail) and _WORD.search(line):
            return True
    return False


def _replies(line: str) -> bool:
    """A short line that ends like an e-mail attribution ("Bob wrote:", "Ana escribió:")."""
    return len(line) <= _ATTRIBUTION_MAX and line.lower().endswith(EMAIL_REPLY)


def _own_lines(text: str, blocks: tuple[Span, ...]) -> Iterator[str]:
    """The non-empty lines outside the blocks, stripped."""
    last = 0
    for start, end in (*blocks, (len(text), len(text))):
        for line in text[last:start].split("\n"):
            if line.strip():
                yield line.strip()
        last = end


def blank(text: str, blocks: tuple[Span, ...]) -> str:
    """``text`` with the blocks replaced by spaces (newlines kept): same length and lines."""
    if not blocks:
        return text
    parts, last = [], 0
    for start, end in blocks:
        lines = text[start:end].split("\n")
        parts += [text[last:start], "\n".join(" " * len(line) for line in lines)]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def inside(blocks: tuple[Span, ...], spans: tuple[Span, ...]) -> bool:
    """Does every span lie within one block? (No spans: nothing to place, False.) Blocks are
    sorted and disjoint: one binary search per span."""
    if not spans:
        return False
    for start, end in spans:
        i = bisect.bisect_right(blocks, start, key=_start) - 1
        if i < 0 or not (blocks[i][0] <= start and end <= blocks[i][1]):
            return False
    return True


def _start(span: Span) -> int:
    return span[0]
