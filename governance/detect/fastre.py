"""Faster scanning for word-anchored patterns.

Python's ``re`` skips quickly to candidate positions when a pattern starts with literal
text, but a leading ``\\b`` disables that prefix scan and makes every position a start
attempt (5-40x slower on our rule tables). ``compile_words`` removes a leading ``\\b`` from
each top-level alternative and ``finditer`` re-checks the word boundary on each match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

BOUNDARY = "\\b"


@dataclass(frozen=True, slots=True)
class WordPattern:
    pattern: re.Pattern[str]
    check_start: bool  # the original began with \b: re-check it on every match

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for m in self.pattern.finditer(text):
            if not self.check_start or _word_start(text, m.start()):
                yield m

    def search(self, text: str) -> re.Match[str] | None:
        """The first match (as ``re.search`` on the original pattern would find one)."""
        return next(self.finditer(text), None)


def compile_words(source: str, flags: int = 0) -> WordPattern:
    parts = split_alternatives(source)
    if not any(p.startswith(BOUNDARY) for p in parts):
        return WordPattern(re.compile(source, flags), False)
    if not all(p.startswith(BOUNDARY) for p in parts):
        return WordPattern(re.compile(source, flags), False)
    stripped = "|".join(p[len(BOUNDARY):] for p in parts)
    return WordPattern(re.compile(stripped, flags), True)


def lower_pattern(source: str) -> str:
    """A case-insensitive pattern for lower-cased text: literals lowered, escapes kept.

    Scanning lower-cased text with a case-sensitive pattern gives the same matches as
    ``re.IGNORECASE`` on the original (for ASCII; the base view is NFKC-normalised) and is
    2-4x faster, since ``re`` can use its literal-prefix scan again.
    """
    out, i = [], 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i : i + 2])
            i += 2
        else:
            out.append(source[i].lower())
            i += 1
    return "".join(out)


def split_alternatives(source: str) -> list[str]:
    """Split a regex at its top-level ``|`` (outside groups and character classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _word_start(text: str, index: int) -> bool:
    """Would ``\\b`` match at ``index``? (A start is always a boundary before a word char.)

    An ``@mention`` starts a word too ("... that @alice is ..."), unless a word char comes
    right before it ("mail@alice").
    """
    if index == 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    if after == "@":
        return not _is_word(before)
    return _is_word(before) != _is_word(after)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def trie_alternation(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes.

    ``re`` tries alternatives one by one; "i(?:diot|mbecile)" rejects a position after one
    character instead of trying every word, which matters for lexicons of hundreds.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    terminal = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items())
                if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return body + "?" if len(body) == 1 or (body.startswith("(?:") and _one_group(body)) else f"(?:{body})?"
    return body


def _one_group(body: str) -> bool:
    """Is ``body`` a single parenthesised group (so a trailing ``?`` applies to all of it)?"""
    depth = 0
    for i, char in enumerate(body):
        if char == "\\":
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and i != len(body) - 1:
                return False
    return True
