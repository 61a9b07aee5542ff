"""One linear-time pass that tells which rule regexes can possibly match a text.

Most comments match none of our few hundred rule patterns, yet Python's backtracking ``re``
has to scan the text once per pattern to find that out. RE2's ``FilteredRE2`` (exposed as
``re2.Filter``) reduces each pattern to the literal strings ("atoms") a match must contain,
looks for all atoms of all patterns in one automaton pass and returns the patterns whose
atom condition holds. Only those are then run with ``re``, which still decides the match,
its span and every Python-only feature (lookarounds, backreferences, Unicode ``\\w``).

RE2 cannot parse every Python pattern, so each pattern is first *relaxed* into one that
matches a superset of texts: literals, alternations and groups are kept; character classes
with more than a few members, ``\\w``/``\\d``, optional or repeated parts and backreferences
become ``.*`` or ``.``; anchors, word boundaries and lookarounds are dropped. A relaxed
pattern can only admit more texts, never fewer, so filtering never loses a match. Patterns
that still fail in RE2 are simply always run.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import re2

log = logging.getLogger(__name__)
ANY = "(?s:.)"
ANYTHING = "(?s:.*)"
SMALL_CLASS = 8  # larger classes become "any character"
_EMPTY_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


class Prefilter:
    """Candidate patterns for a text; ``candidates`` is a necessary condition for a match."""

    def __init__(self, patterns: Sequence[tuple[str, int]]) -> None:
        self._size = len(patterns)
        self._filter: Any = re2.Filter()
        self._always: list[int] = []
        options = re2.Options()
        options.max_mem = 64 << 20
        ids: list[int] = []  # filter index -> pattern index
        for index, (source, flags) in enumerate(patterns):
            relaxed = relax(source, flags)
            try:
                if relaxed is None:
                    raise ValueError("not representable")
                self._filter.Add(relaxed, options)
                ids.append(index)
            except Exception as exc:  # re2.error, or a pattern we cannot relax
                log.debug("prefilter: pattern %d always runs (%s)", index, exc)
                self._always.append(index)
        self._ids = ids
        if ids:
            self._filter.Compile()

    def candidates(self, text: str) -> list[int]:
        """Indexes (ascending) of the patterns that may match ``text``."""
        if not self._ids:
            return list(range(self._size))
        # lone surrogates (valid in JSON strings) cannot match an atom; keep them as bytes
        data = text.encode("utf-8", "surrogatepass")
        found = self._filter.Match(data, potential=True) or ()
        out = [self._ids[i] for i in found]
        if self._always:
            out = sorted({*out, *self._always})
        return out


def relax(source: str, flags: int = 0) -> str | None:
    """An RE2 pattern matching a superset of what ``re.compile(source, flags)`` matches."""
    try:
        tree = sre_parse.parse(source, flags)
    except re.error:
        return None
    relaxed = _sequence(list(tree))
    return "(?i)" + relaxed if flags & re.IGNORECASE else relaxed


def _sequence(items: list[tuple[Any, Any]]) -> str:
    return "".join(_item(op, av) for op, av in items)


def _item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return _literal(av)
    if op in _EMPTY_WIDTH:
        return ""  # dropping a condition only widens the match
    if op is sre.SUBPATTERN:
        return f"(?:{_sequence(list(av[-1]))})"
    if op is sre.ATOMIC_GROUP:
        return f"(?:{_sequence(list(av))})"
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(list(b)) for b in av[1]) + ")"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        # x{m,n} with m >= 1 lies inside "x then anything"; with m == 0 it may be absent
        return ANYTHING if low == 0 else f"(?:{_sequence(list(body))}){ANYTHING}"
    if op is sre.IN:
        return _char_class(av)
    return ANYTHING if op in (sre.GROUPREF, sre.GROUPREF_EXISTS) else ANY


def _char_class(members: list[tuple[Any, Any]]) -> str:
    if len(members) <= SMALL_CLASS and all(op is sre.LITERAL for op, _ in members):
        # as an alternation: RE2 keeps it in its literal cross products ("gh[pousr]_")
        return "(?:" + "|".join(_literal(code) for _, code in members) + ")"
    return ANY


def _literal(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\x{{{code:x}}}"
