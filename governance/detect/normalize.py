"""Text normalisation against evasion, with an offset map back into the original text.

Two views of a text are built:

* ``base``: NFKC, invisible characters (zero-width, bidi controls, soft hyphen) removed,
  look-alike letters from other scripts mapped to Latin inside mixed-script words. Case is
  kept, digits are untouched: PII, secret, link and spam rules read this view.
* ``folded``: ``base`` lower-cased and read as GitHub renders it (``rendering``: emphasis,
  character references and HTML comments inside a word, marks on Latin letters, variation
  selectors, right-to-left overrides), leetspeak inside words undone ("1d10t"), s p a c e d or
  d.o.t.t.e.d letters joined, and runs of one letter squashed to one ("stuuupid" -> "stupid",
  also "kill" -> "kil"; rules written for this view go through :func:`squash_pattern`).
  Abuse lexicons read this view.

Every view keeps ``offsets``: ``offsets[i]`` is the index in the original text of the
character that produced ``text[i]``, so evidence spans found in a view point into the text
the user actually wrote. Every step is one linear pass over the text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from governance.detect import rendering
from governance.model import Span

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\u3164\uffa0"
)

# Letters from Cyrillic, Greek and IPA that render like Latin ones (a small, common subset
# of Unicode's confusables table).
CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I",
    "Ј": "J", "α": "a", "ο": "o", "ρ": "p", "ν": "v", "τ": "t", "υ": "u", "ι": "i", "κ": "k",
    "ε": "e", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ɡ": "g", "ɑ": "a", "ı": "i",
}
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_LEET_TOKEN = re.compile(r"(?<![A-Za-z0-9@$!])[A-Za-z0-9@$!]*[0134579@$!][A-Za-z0-9@$!]*")
# Both start with a character class (lookbehinds moved after it) so that ``re`` can skip
# ahead to candidate characters instead of trying every position:
# "[a-z][0134579@$!]+[a-z]|[a-z]{2}[0134579$]|[0134579@$][a-z]{2}" and
# "(?<![^\W_])(?:[^\W\d_][ .\-_*]){3,}[^\W\d_](?![^\W_])".
_LEET_CANDIDATE = re.compile(
    r"[0134579@$!](?:(?<=[a-z][0134579@$!])[0134579@$!]*[a-z]|(?<=[a-z]{2}[0134579$])"
    r"|(?<=[0134579@$])[a-z]{2})"
)
# Every spaced run contains "separator, letter, separator, letter, separator": a cheap test.
_SPACED_HINT = re.compile(r"[ .\-_*][^\W\d_][ .\-_*][^\W\d_][ .\-_*]")
_SPACED = re.compile(
    r"[^\W\d_](?<![^\W_][^\W\d_])[ .\-_*](?:[^\W\d_][ .\-_*]){2,}[^\W\d_](?![^\W_])"
)
_REPEAT = re.compile(r"([^\W\d_])\1+")
# The same squashing as _REPEAT.sub(r"\1", ...) but without a replacement template (faster):
# delete each letter that the same letter follows.
_REPEAT_TAIL = re.compile(r"([^\W\d_])(?=\1)")
_ASCII_REPEAT_TAIL = re.compile(r"([a-z])(?=\1)")  # for ASCII lower-case text
_PATTERN_REPEAT = re.compile(r"(?<!\\)([a-z])\1+")


class View:
    """A rewritten text plus where each of its characters came from.

    ``offsets`` may be built lazily (``View.lazy``): most texts never need it, since it is
    only read to map a match back to the original text. They ascend unless a right-to-left
    override was read in reverse (``ordered`` is then False).
    """

    __slots__ = ("_build", "_offsets", "ordered", "text")

    def __init__(self, text: str, offsets: Sequence[int], ordered: bool = True) -> None:
        self.text = text
        self._offsets: Sequence[int] | None = offsets  # len(text) + 1 entries
        self._build: Callable[[], Sequence[int]] | None = None
        self.ordered = ordered

    @classmethod
    def lazy(cls, text: str, build: Callable[[], Sequence[int]], ordered: bool = True) -> View:
        view = cls(text, (), ordered)
        view._offsets, view._build = None, build
        return view

    @property
    def offsets(self) -> Sequence[int]:
        """``offsets[i]``: index in the original of ``text[i]``; the last one is its length."""
        if self._offsets is None:
            assert self._build is not None
            self._offsets, self._build = self._build(), None
        return self._offsets

    def span(self, start: int, end: int) -> Span:
        """Map ``text[start:end]`` back to a span of the original text."""
        offsets = self.offsets
        if end <= start:
            return (offsets[start], offsets[start])
        if not self.ordered:  # the smallest span covering every source character
            sources = offsets[start:end]
            return (min(sources), max(sources) + 1)
        return (offsets[start], offsets[end - 1] + 1)


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    base: View
    folded: View
    lower: str  # base lower-cased, same length (so base offsets apply)


def normalize(text: str) -> Normalized:
    base = _base_view(text)
    lower = lower_same_length(base.text)
    return Normalized(text, base, _folded_view(base, lower, text), lower)


def squash(text: str) -> str:
    """Squash runs of one letter, as the folded view does (for lexicon words)."""
    return _REPEAT_TAIL.sub("", text)


def squash_pattern(pattern: str) -> str:
    """Squash doubled letters in a regex written for the folded view (escapes are kept)."""
    return _PATTERN_REPEAT.sub(r"\1", pattern)


def _base_view(text: str) -> View:
    if text.isascii():
        return View(text, range(len(text) + 1))
    runs = [m.span() for m in _NON_ASCII.finditer(text)]
    if all(_base_char(c) == c for start, end in runs for c in text[start:end]):
        return _map_confusables(View(text, range(len(text) + 1)))  # accents, CJK, emoji
    chars: list[str] = []
    offsets: list[int] = []
    previous = 0
    for start, end in runs:  # ASCII stretches are copied as they are
        chars.append(text[previous:start])
        offsets.extend(range(previous, start))
        for index in range(start, end):
            out = _base_char(text[index])
            chars.append(out)
            offsets.extend([index] * len(out))
        previous = end
    chars.append(text[previous:])
    offsets.extend(range(previous, len(text) + 1))
    return _map_confusables(View("".join(chars), offsets))


@functools.lru_cache(maxsize=8192)
def _base_char(char: str) -> str:
    """One non-ASCII character of the base view: invisible ones dropped, NFKC applied."""
    if char in INVISIBLE or unicodedata.category(char) == "Cf":
        return ""
    return unicodedata.normalize("NFKC", char)


def _map_confusables(view: View) -> View:
    text = view.text
    if not any(c in CONFUSABLES for c in text):
        return view
    out = list(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if any(c in CONFUSABLES for c in word) and (
            any(c.isascii() for c in word) or all(c in CONFUSABLES for c in word)
        ):
            for i in range(match.start(), match.end()):
                out[i] = CONFUSABLES.get(out[i], out[i])
    return View("".join(out), view.offsets)


def _folded_view(base: View, lower: str, original: str) -> View:
    text, offsets = _as_read(lower.replace("\u2019", "'"), base.offsets, original)
    ordered = rendering.RLO not in original
    text = _undo_leet(text)  # same length
    spaced = _spaced_letter_separators(text)
    if spaced:
        text, offsets = _delete(text, offsets, spaced)
    squashed = (_ASCII_REPEAT_TAIL if text.isascii() else _REPEAT_TAIL).sub("", text)
    if len(squashed) == len(text):
        return View(text, offsets, ordered)

    def build() -> Sequence[int]:
        repeats = [i for m in _REPEAT.finditer(text) for i in range(m.start() + 1, m.end())]
        return _delete(text, offsets, repeats)[1]

    return View.lazy(squashed, build, ordered)


def _as_read(text: str, offsets: Sequence[int], original: str) -> tuple[str, Sequence[int]]:
    """Undo renderings that hide a word from a match (see ``rendering``)."""
    changes = rendering.edits(text)
    if changes:
        text, offsets = rendering.apply(text, offsets, changes)
    runs = rendering.overridden_runs(original) if rendering.RLO in original else []
    if runs:
        text, offsets = rendering.reverse(text, offsets, runs)
    return text, offsets


def _delete(text: str, offsets: Sequence[int], drop: list[int]) -> tuple[str, Sequence[int]]:
    """Remove the characters at the (sorted) indexes ``drop``, keeping the offset map."""
    if not drop:
        return text, offsets
    pieces: list[str] = []
    kept: list[int] = []
    previous = 0
    for index in drop:
        pieces.append(text[previous:index])
        kept.extend(offsets[previous:index])
        previous = index + 1
    pieces.append(text[previous:])
    kept.extend(offsets[previous : len(text) + 1])
    return "".join(pieces), kept


def lower_same_length(text: str) -> str:
    """Lower-case without changing the length (a few letters lower to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _undo_leet(text: str) -> str:
    """Map digits and symbols to letters inside words that are mostly letters."""
    if not _LEET_CANDIDATE.search(text):
        return text
    out: list[str] | None = None
    for match in _LEET_TOKEN.finditer(text):
        token = match.group()
        letters = sum(c.isalpha() for c in token)
        if letters < 2 or letters == len(token) or token.isdigit():
            continue
        if out is None:
            out = list(text)
        end = len(token.rstrip("!"))
        for i in range(1 if token[0] == "@" else 0, end):
            char = token[i]
            if char in LEET:
                out[match.start() + i] = LEET[char]
    return text if out is None else "".join(out)


def _spaced_letter_separators(text: str) -> list[int]:
    """Indexes of the separators in runs like "i d i o t" or "f.u.c.k" (dropped)."""
    drop: list[int] = []  # (sorted: matches do not overlap)
    if not _SPACED_HINT.search(text):
        return drop
    for match in _SPACED.finditer(text):
        drop.extend(range(match.start() + 1, match.end(), 2))
    return drop
