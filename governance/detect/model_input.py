"""What the language model reads: the poster's own words, nothing else.

The model judges a whole text, so whatever it reads is taken as the poster's voice. The rules
already know, by structure, which parts of a comment are not: ``model_text`` removes those
same parts (no phrase list of its own), and the engine, the calibration and the training
all feed the model this text, so it is judged on the input it learnt from.

Removed (each replaced by an ellipsis, ``OMITTED``):

- quote blocks (``quotes.quote_blocks``): an earlier message repeated, e.g. in a report;
- code, fenced and inline (``doc.code_regions``): code is judged as code, by the rules;
- reported speech (``abuse.reported_quotes``, ``abuse.reported_posts``): a quotation after
  a verb of saying with a named speaker, a post repeated in a reporting frame;
- clauses the abuse rules read as negated, self-directed or reported
  (``abuse.vocabulary_voices``): the whole clause, up to an abusive word of the poster's
  own voice, so "please don't call people idiots" and "I'm such an idiot" leave nothing
  behind while "not saying you're dumb, but you're a <insult>" keeps its second clause;
- ``/coc`` command lines (``policy.commands``' syntax, addressed to the bot, which judges
  them as commands): "/coc report doxxing" names a breach, it does not commit one;
- the project's own links and e-mail addresses (``ownership.own_contact_spans``: the
  context's ``own_domains`` and ``repo``, a maintainer's own pages).

``None`` when no letter of the poster's own is left: the model abstains and the rules alone
decide. The result is at most ``model.MAX_CHARS`` characters and a few more (a long text is
read by its head and tail, like the model does).
"""

from __future__ import annotations

import bisect
import re

from governance.detect import abuse, ownership
from governance.detect.context import DEFAULT_CONTEXT, DetectContext
from governance.detect.doc import Doc, SpanIndex, build_doc
from governance.detect.model import bounded_text
from governance.detect.quotes import quote_blocks
from governance.model import Span

# Where a clause starts, looking back from an abusive word (the rules' own clause limits:
# their negation and self-description frames stop at these too).
_CLAUSE_END = re.compile(r"[.!?;,:\n]")
_SPEECH_MARKS = ("'", '"', "“", "‘")
# A /coc command line as written text (an indented one is code, left to ``_code``).
_COMMAND_LINE = re.compile(r"^[ \t]{0,3}/coc\b[^\n]*", re.IGNORECASE | re.MULTILINE)
OMITTED = "…"  # what stands for a removed part (a word-piece of the encoder's vocabulary)
PASSES = 4


def model_text(text: str, context: DetectContext = DEFAULT_CONTEXT) -> str | None:
    """The poster's own words of ``text``; None when none are left (the model abstains).

    Reading the result again removes nothing more: when a removal changed the text, it is
    read again (what is left can line up into new structure, such as two stray backticks
    around an ellipsis), at most ``PASSES`` times."""
    kept: str | None = bounded_text(text).strip()
    for _ in range(PASSES):
        assert kept is not None
        again = _one_pass(kept, context)
        if again == kept or again is None:
            return again
        kept = again
    return kept


def _one_pass(text: str, context: DetectContext) -> str | None:
    if not _has_letter(text):
        return None
    doc = build_doc(text, context)
    reported = _reported(doc)
    clauses = _disowned_clauses(doc, SpanIndex(reported))
    spans = [*quote_blocks(text), *_code(doc), *_own_contacts(doc), *_commands(text),
             *(doc.folded.span(s, e) for s, e in (*reported, *clauses))]
    kept = _blanked(text, _merged(spans)).strip()
    return kept if _has_letter(kept) else None


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _code(doc: Doc) -> list[Span]:
    return [doc.base.span(s, e) for s, e in doc.code]


def _commands(text: str) -> list[Span]:
    return [m.span() for m in _COMMAND_LINE.finditer(text)]


def _own_contacts(doc: Doc) -> list[Span]:
    return [doc.base.span(s, e) for s, e in ownership.own_contact_spans(doc)]


def _reported(doc: Doc) -> list[Span]:
    """Folded-view spans of reported speech and reported posts (found like the rules do)."""
    folded = doc.folded.text
    spans = abuse.reported_posts(folded)
    if any(mark in folded for mark in _SPEECH_MARKS):
        spans += abuse.reported_quotes(folded)
    return [(s, e) for s, e in spans if e > s]


def _disowned_clauses(doc: Doc, reported: SpanIndex) -> list[Span]:
    """Folded-view spans: the clause of each abusive word the rules read as negated,
    self-directed or reported, up to the next abusive word of the poster's own (which
    stays). Words inside reported speech go with that speech, not with a clause."""
    voices = abuse.vocabulary_voices(doc)
    if not voices:
        return []
    folded = doc.folded.text
    ends = [m.start() for m in _CLAUSE_END.finditer(folded)]
    own_starts = sorted(s for (s, _), own in voices if own)
    out = []
    for (start, end), own in voices:
        if own or reported.covers(start):
            continue
        i = bisect.bisect_left(ends, start)
        clause_start = ends[i - 1] + 1 if i else 0
        j = bisect.bisect_left(own_starts, end)  # the next word of the poster's own
        clause_end = min([e for e in ends[i:i + 1] if e >= end] + [len(folded)]
                         + own_starts[j:j + 1])
        out.append((clause_start, max(end, clause_end)))
    return out


def _merged(spans: list[Span]) -> list[Span]:
    out: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _blanked(text: str, spans: list[Span]) -> str:
    """Each span replaced by an ellipsis: the text keeps its shape (a colon still has words
    after it, so the next paragraph does not become what it introduces) and the model sees
    that something was left out."""
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], OMITTED]
        last = end
    parts.append(text[last:])
    return "".join(parts)
