"""The RE2 prefilter may only skip patterns that cannot match, and the faster rewrites of
normalisation and case-insensitive patterns give the same results as the plain forms."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import re2

from governance.detect import DEFAULT_CONTEXT, abuse, malware, secrets, solicitation
from governance.detect import normalize as nz
from governance.detect.doc import Doc, build_doc
from governance.detect.fastre import lower_pattern
from governance.detect.prefilter import Prefilter, relax

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
CASES = Path(__file__).resolve().parents[1] / "benchmarks" / "malware_cases.jsonl"
SAMPLES = [
    "you are a stuuupid m0r0n and everyone knows it",
    "@alice you useless clown, stop contributing",
    "typical indian devs, can't code",
    "I will find you and hurt you",
    "Boost your ranking! SEO backlinks only $49: https://bit.ly/3abcdEf",
    "DM me on telegram @cheapdev99 for a quote, hire me today",
    "Earn $500 a day working from home! Claim your bonus now",
    "token ghp_0123456789abcdefghijABCDEFGHIJ012345 leaked",
    "password: hunter22x and user admin / s3cretpass",
    "DATABASE_URL=postgres://app:Xy9!pq@db.internal/prod",
    "Download the fix here: https://mediafire.com/file/fix.zip password: 1234",
    "Your GitHub account will be suspended, verify your account within 24 hours",
    "Please disable your antivirus and run as administrator",
]


def corpus_texts(limit: int = 1500) -> list[str]:
    """Labelled-positive dev items (where the rules fire) plus our own cases and samples."""
    texts = list(SAMPLES)
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh if line.strip()]
        texts += [it["text"] for it in items if it["label"] != "ok"][:limit]
        texts += [it["text"] for it in items if it["label"] == "ok"][::25]
    with CASES.open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


Search = Callable[[str], object]
Table = tuple[Prefilter, list[Search], Callable[[Doc], str]]


def table(detector: str) -> Table:
    """A detector's prefilter, its patterns' ``search`` in prefilter order, and their view."""
    if detector == "abuse":
        return (abuse._prefilter(), [p.pattern.search for _, p in abuse.compiled_rules()],
                lambda d: d.folded.text)
    if detector == "solicitation":
        return (solicitation._prefilter(),
                [p.pattern.search for _, _, p in solicitation.compiled_signals()],
                lambda d: d.lower)
    if detector == "secrets":
        searches = [f.pattern.pattern.search for f in secrets.TOKEN_FORMATS]
        searches += [p.search for p, _ in secrets.CREDENTIAL_RULES]
        return secrets._prefilter(), searches, lambda d: d.base.text
    return malware._prefilter(), [p.search for p in malware.TEXT_RULES], lambda d: d.base.text


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return [build_doc(t, DEFAULT_CONTEXT) for t in corpus_texts()]


@pytest.mark.parametrize("detector", ["abuse", "solicitation", "secrets", "malware"])
def test_every_pattern_that_matches_is_a_candidate(detector, docs):
    prefilter, searches, view = table(detector)
    matched = 0
    for doc in docs:
        text = view(doc)
        candidates = set(prefilter.candidates(text))
        for index, search in enumerate(searches):
            if search(text):
                matched += 1
                assert index in candidates, (detector, index, text[:120])
    assert matched > 10  # the check really saw matches


def test_the_prefilter_skips_most_patterns_on_an_ordinary_comment(docs):
    doc = build_doc("Thanks, merged! This fixes the race in the scheduler.", DEFAULT_CONTEXT)
    for detector in ("abuse", "solicitation", "secrets", "malware"):
        prefilter, searches, view = table(detector)
        # a few patterns have only atoms too short to look for ("u", "pw"): they always run
        assert len(prefilter.candidates(view(doc))) <= min(2, len(searches) // 2), detector


@pytest.mark.parametrize(
    ("pattern", "flags", "texts"),
    [
        (r"(?<![\w.])ab(?=\d)\d{2,}x?\b", 0, ["ab12", "zz ab123x"]),
        (r"(\b[a-z][\w ]{2,30}) \| \1 near me\b", 0, ["plumber | plumber near me"]),
        (r"\bgh[pousr]_[A-Za-z0-9]{36}", 0, ["ghs_" + "a" * 36]),
        (r"(?:sign up|register) (?:\w+ ){0,3}(?:today|now)", re.I, ["Sign Up for it NOW"]),
        (r"[^\W\d_](?<![^\W_][^\W\d_])[ .\-_*](?:[^\W\d_][ .\-_*]){2,}[^\W\d_]", 0,
         ["i d i o t"]),
    ],
)
def test_a_relaxed_pattern_is_valid_re2_and_matches_a_superset(pattern, flags, texts):
    relaxed = relax(pattern, flags)
    assert relaxed is not None
    for text in texts:
        assert re.search(pattern, text, flags)
        assert re2.search(relaxed, text), (relaxed, text)


def test_a_pattern_re2_cannot_take_always_runs_and_indexes_stay_in_order():
    prefilter = Prefilter([("zebra", 0), ("(?P<x>a)(?P=x", 0), ("apple", 0)])  # 2nd: invalid
    assert prefilter.candidates("an apple") == [1, 2]
    assert prefilter.candidates("nothing") == [1]


def test_lone_surrogates_do_not_break_the_prefilter():
    assert Prefilter([("moron", 0)]).candidates("you moron \ud800") == [0]


def _fuzz(alphabet: str, n: int = 4000, length: int = 24) -> Iterable[str]:
    rng = random.Random(7)
    return ("".join(rng.choice(alphabet) for _ in range(length)) for _ in range(n))


def test_rewritten_normalisation_patterns_equal_their_plain_forms():
    leet = re.compile(r"[a-z][0134579@$!]+[a-z]|[a-z]{2}[0134579$]|[0134579@$][a-z]{2}")
    spaced = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .\-_*]){3,}[^\W\d_](?![^\W_])")
    for text in _fuzz("ab1o0$@! .-_*é9"):
        assert bool(nz._LEET_CANDIDATE.search(text)) == bool(leet.search(text)), text
        assert ([m.span() for m in nz._SPACED.finditer(text)]
                == [m.span() for m in spaced.finditer(text)]), text
        assert nz._REPEAT_TAIL.sub("", text) == nz._REPEAT.sub(r"\1", text), text
        if text.isascii():
            assert nz._ASCII_REPEAT_TAIL.sub("", text) == nz._REPEAT.sub(r"\1", text), text


def _plain_base_view(text: str) -> tuple[str, list[int]]:
    """The base view character by character, as its definition says."""
    chars, offsets = [], []
    for index, char in enumerate(text):
        if char in nz.INVISIBLE or unicodedata.category(char) == "Cf":
            continue
        for out in unicodedata.normalize("NFKC", char):
            chars.append(out)
            offsets.append(index)
    view = nz._map_confusables(nz.View("".join(chars), [*offsets, len(text)]))
    return view.text, list(view.offsets)


def test_the_run_based_base_view_equals_the_per_character_definition():
    alphabet = "ab ,.1é\u200b\u202eｆｉ\ufb01оаΑ😀\u00ad\u0301…\u00a0中"
    for text in [*_fuzz(alphabet, n=3000), "plain ascii", "café ｆｕｌｌ", "m\u043er\u043en"]:
        view = nz._base_view(text)
        assert (view.text, list(view.offsets)) == _plain_base_view(text), text


def test_lowered_patterns_on_lowered_text_equal_ignorecase_on_the_original(docs):
    for signal in solicitation.SIGNALS:
        plain = re.compile(signal.pattern, re.I | re.M)
        lowered = re.compile(lower_pattern(signal.pattern), re.M)
        for doc in docs[::3]:
            text = doc.base.text
            assert ([m.span() for m in plain.finditer(text)]
                    == [m.span() for m in lowered.finditer(doc.lower)]), (signal.rule_id, text)
