"""Read a text as GitHub renders it: markup and marks that hide a word from a match.

A reader sees "idiot" in ``i**d**iot`` (bold d), ``id&#105;ot`` (a character reference),
``id<!-- -->iot`` (an HTML comment), ``i̶d̶i̶o̶t̶`` (U+0336 strike-through overlay), zalgo
(stacked combining marks), ``id\ufe0fiot`` (a variation selector) and ``\u202etoidi``
(a right-to-left override that displays the letters in reverse). The folded view undoes
these renderings before the lexicons read it, keeping for every character its offset in the
original text, so evidence and redaction still point at what the user wrote.

Each step is one left-to-right pass (bounded patterns, ``str.find``): linear in the text.
Only renderings that change how a *word* reads are undone: ``**important**``, ``a & b``,
``&amp;`` and comments between words are left as they are, so is right-to-left text
written in its own script (Arabic and Hebrew need no override).
"""

from __future__ import annotations

import bisect
import functools
import html.entities
import re
import unicodedata
from collections.abc import Sequence

from governance.model import Span

Edit = tuple[int, int, str]  # replace text[start:end] with a string of at most one character

RLO, PDF = "\u202e", "\u202c"  # right-to-left override ... pop directional formatting
# A character reference (``&#105;``, ``&#x69;``, ``&eacute;``); GitHub needs the semicolon.
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Emphasis or strike-through around letters that touch a letter outside ("i**d**iot",
# "idi~~ot~~"); "**important**" touches none and keeps its markup.
_LETTER = r"[^\W\d_]"
EMPHASIS = re.compile(
    rf"(?<={_LETTER})(\*{{1,3}}|~~)({_LETTER}+)\1|(\*{{1,3}}|~~)({_LETTER}+)\3(?={_LETTER})"
)
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def edits(text: str) -> list[Edit]:
    """Sorted, non-overlapping edits that turn a lower-cased text into what a reader reads."""
    found: list[Edit] = []
    if COMMENT_OPEN in text:
        found += _comments_in_words(text)
    if "&" in text:
        found += _letter_references(text)
    if "*" in text or "~" in text:
        found += _emphasis_in_words(text)
    if not text.isascii():
        found += _marks(text)
    found.sort()
    out: list[Edit] = []
    for edit in found:  # the first edit of overlapping ones wins
        if not out or edit[0] >= out[-1][1]:
            out.append(edit)
    return out


def apply(text: str, offsets: Sequence[int], changes: list[Edit]) -> tuple[str, list[int]]:
    """Apply sorted edits; a replacement character keeps the offset of its first source."""
    pieces: list[str] = []
    kept: list[int] = []
    previous = 0
    for start, end, replacement in changes:
        pieces.append(text[previous:start])
        kept.extend(offsets[previous:start])
        if replacement:
            pieces.append(replacement)
            kept.append(offsets[start])
        previous = end
    pieces.append(text[previous:])
    kept.extend(offsets[previous : len(text) + 1])
    return "".join(pieces), kept


def overridden_runs(original: str) -> list[Span]:
    """Spans of the original shown right to left: from an RLO to its PDF or the line end."""
    runs: list[Span] = []
    start = original.find(RLO)
    while start != -1:
        line_end = original.find("\n", start)
        line_end = len(original) if line_end == -1 else line_end
        pop = original.find(PDF, start, line_end)
        end = line_end if pop == -1 else pop
        runs.append((start + 1, end))
        start = original.find(RLO, end)
    return runs


def reverse(text: str, offsets: Sequence[int], runs: list[Span]) -> tuple[str, list[int]]:
    """Reverse the characters (and their offsets) that came from the original ``runs``.

    ``offsets`` must still be ordered (reversal is the last step that reorders).
    """
    chars, kept = list(text), list(offsets)
    ordered = offsets[: len(text)]
    for start, end in runs:
        i, j = bisect.bisect_left(ordered, start), bisect.bisect_left(ordered, end)
        chars[i:j] = chars[i:j][::-1]
        kept[i:j] = kept[i:j][::-1]
    return "".join(chars), kept


def _comments_in_words(text: str) -> list[Edit]:
    out: list[Edit] = []
    start = text.find(COMMENT_OPEN)
    while start != -1:
        close = text.find(COMMENT_CLOSE, start + len(COMMENT_OPEN))
        if close == -1:
            break  # no comment closes after this one: none further either
        end = close + len(COMMENT_CLOSE)
        if start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
            out.append((start, end, ""))
        start = text.find(COMMENT_OPEN, end)
    return out


def _letter_references(text: str) -> list[Edit]:
    out: list[Edit] = []
    for m in REFERENCE.finditer(text):
        char = _referenced_letter(m.group())
        if char:
            out.append((m.start(), m.end(), char))
    return out


@functools.lru_cache(maxsize=1024)
def _referenced_letter(reference: str) -> str:
    """The lower-cased letter a reference stands for, or "" (``&amp;`` is no letter)."""
    body = reference[1:-1]
    if body.startswith("#"):
        try:
            code = int(body[2:], 16) if body[1:2] in "xX" and len(body) > 1 else int(body[1:])
            char = chr(code)
        except (ValueError, OverflowError):
            return ""
    else:
        char = html.entities.html5.get(body + ";", "")
    if len(char) != 1 or not char.isalpha():
        return ""
    folded = unicodedata.normalize("NFKC", char).lower()
    return (_plain_latin(folded) or folded) if len(folded) == 1 else ""


def _emphasis_in_words(text: str) -> list[Edit]:
    out: list[Edit] = []
    for m in EMPHASIS.finditer(text):
        mark = 1 if m.group(1) else 3
        out.append((m.start(mark), m.end(mark), ""))
        out.append((m.end(mark + 1), m.end(), ""))
    return out


def _marks(text: str) -> list[Edit]:
    """Combining marks on Latin letters (accents, zalgo, overlays) and variation selectors.

    Marks on letters of other scripts are kept (they spell vowels in Arabic, Hindi, ...);
    marks on ASCII characters (letters, spaces, punctuation) are decoration.
    """
    out: list[Edit] = []
    latin_before = False  # was the last base character before a mark ASCII or Latin?
    previous = -2
    for m in _NON_ASCII.finditer(text):
        index, char = m.start(), m.group()
        if index != previous + 1:
            latin_before = index > 0  # after an ASCII character
        previous = index
        kind = _mark_kind(char)
        if kind == "selector" or (kind == "mark" and latin_before):
            out.append((index, index + 1, ""))
        elif kind != "mark":
            plain = _plain_latin(char)
            latin_before = bool(plain)
            if plain:
                out.append((index, index + 1, plain))
    return out


def is_mark(char: str) -> bool:
    """A combining mark or variation selector: drawn over (or after) the character before."""
    return not char.isascii() and _mark_kind(char) != "other"


@functools.lru_cache(maxsize=4096)
def _mark_kind(char: str) -> str:
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return "selector"
    return "mark" if unicodedata.category(char) in ("Mn", "Me") else "other"


@functools.lru_cache(maxsize=4096)
def _plain_latin(char: str) -> str:
    """"é" -> "e": an accented Latin letter without its marks ("" for anything else)."""
    parts = unicodedata.normalize("NFD", char)
    if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha() and all(
            unicodedata.combining(c) for c in parts[1:]):
        return parts[0]
    return ""
