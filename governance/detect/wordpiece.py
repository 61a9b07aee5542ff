"""BERT's uncased word-piece tokenizer in plain Python (the language model's input).

The ``tokenizers`` package would do the same but pulls in the Hugging Face hub client and
its HTTP stack (~30 MB of the default install, which has a 250 MB budget); this is the
same algorithm (``BertNormalizer`` with lower-casing and accent stripping, CJK characters
split, ``BertPreTokenizer``, greedy longest-match ``WordPiece`` with ``##`` continuations
and words over 100 characters as ``[UNK]``). ``benchmarks/train_model.py`` trains with this
very function and reports its agreement with ``tokenizers`` on the training texts.

Special tokens written in the text ("[CLS]") are ordinary characters here, so a comment
cannot inject them. Only the word-pieces the model reads are computed: the first ``head``
and the last ``tail`` (every word gives at least one piece, so the words in between never
need splitting).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MAX_WORD_CHARS = 100
UNK, CLS, SEP = "[UNK]", "[CLS]", "[SEP]"


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_whitespace(ch: str) -> bool:
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co")  # as `tokenizers` does


def _normalized(text: str) -> str:
    """clean_text, CJK characters padded with spaces, lower-cased, accents stripped."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            out.append(" ")
        elif _is_cjk(cp):
            out += [" ", ch, " "]
        else:
            out.append(ch)
    lowered = "".join(out).lower()
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def words(text: str) -> list[str]:
    """Whitespace-separated words with every punctuation character a word of its own."""
    out: list[str] = []
    for chunk in _normalized(text).split():
        start = 0
        for i, ch in enumerate(chunk):
            if _is_punctuation(ch):
                if start < i:
                    out.append(chunk[start:i])
                out.append(ch)
                start = i + 1
        if start < len(chunk):
            out.append(chunk[start:])
    return out


@dataclass(frozen=True, slots=True)
class WordPiece:
    vocab: Mapping[str, int]

    @classmethod
    def from_lines(cls, lines: Sequence[str]) -> WordPiece:
        return cls({piece: i for i, piece in enumerate(lines)})

    def id_of(self, piece: str) -> int:
        return self.vocab[piece]

    def pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.vocab[UNK]]
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    out.append(found)
                    break
                end -= 1
            else:
                return [self.vocab[UNK]]
            start = end
        return out

    def encode(self, text: str, head: int, tail: int) -> list[int]:
        """The first ``head`` and last ``tail`` word-pieces of ``text`` (all if it has fewer
        than ``head + tail``), without special tokens."""
        found = words(text)
        if len(found) <= head + tail:
            ids = [i for w in found for i in self.pieces(w)]
        else:  # a word is >= 1 piece: the first/last `head`/`tail` words are enough
            first = [i for w in found[:head] for i in self.pieces(w)][:head]
            last = [i for w in found[-tail:] for i in self.pieces(w)][-tail:]
            return first + last
        if len(ids) > head + tail:
            ids = ids[:head] + ids[-tail:]
        return ids
