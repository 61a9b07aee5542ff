"""The identity terms the language model never reads (``governance/detect/blind.py``)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from governance.detect import blind
from governance.detect import model as language_model
from governance.detect.wordpiece import WordPiece


@pytest.fixture(scope="module")
def tokenizer() -> WordPiece:
    vocab = resources.files("governance.data").joinpath(language_model.VOCAB_FILE)
    return WordPiece.from_lines(vocab.read_text("utf-8").splitlines())


@pytest.mark.parametrize("term", blind.TERMS)
def test_every_term_its_plural_and_any_case_are_left_out(term: str) -> None:
    for form in (term, term + "s", term.upper(), term.capitalize()):
        assert blind.blinded(f"as a {form} dev, I approve") == \
            "as a  dev, I approve"


@pytest.mark.parametrize("text", [
    "add the host to the blacklist", "trailing whitespace", "transform the matrix",
    "a black-box test", "white-space: nowrap", "the translation is stale", "Christianity",
    "run the formatter, then gayety", "Indiana", "womenswear",
])
def test_words_that_only_contain_a_term_are_left_alone(text: str) -> None:
    assert blind.blinded(text) == text


def test_possessives_and_punctuation_still_end_a_term() -> None:
    assert blind.blinded("Women's meetup (Muslim, Black) and LGBTQ+ folks!") == \
        "'s meetup (, ) and  folks!"


def test_the_model_reads_two_identities_as_the_same_input(tokenizer: WordPiece) -> None:
    # the point of the table: a mention of who the poster is changes nothing the model sees
    texts = [f"I'm {who} and I approve this PR, thanks for the fix" for who in
             ("gay", "Jewish", "a Black woman", "trans", "Muslim")]
    encoded = {tuple(language_model.encode(tokenizer, t)) for t in texts[:2] + texts[3:]}
    assert len(encoded) == 1
    assert language_model.encode(tokenizer, texts[2]) != language_model.encode(
        tokenizer, "I'm a developer and I approve this PR, thanks for the fix")


def test_the_shipped_model_was_trained_with_this_table() -> None:
    manifest = json.loads(resources.files("governance.data").joinpath(
        "language_model.json").read_text("utf-8"))
    assert manifest.get("identity_blind") == blind.VERSION, (
        "the shipped model read a different identity table: retrain it "
        "(benchmarks/train_model.py) or restore the table it was trained with")


@given(st.lists(st.sampled_from(
    [*"abcdeghilmnorstuwy -'.,", "gay", "Black", "women", "lgbtq+", "trans", "-"]),
    max_size=40).map("".join))
def test_blinding_twice_changes_nothing_more(text: str) -> None:
    once = blind.blinded(text)
    assert blind.blinded(once) == once
