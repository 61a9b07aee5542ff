"""docs/ledger.md stays in step with the ladder table, the commands and the labels."""

from pathlib import Path

from governance.ledger import render
from governance.policy.commands import CLASSIFIER_WORDS, Verb
from governance.policy.ladder import LADDER, ladder_markdown

DOC = (Path(__file__).resolve().parents[1] / "docs" / "ledger.md").read_text("utf-8")


def test_the_ladder_section_is_the_code_table():
    section = DOC.split("<!-- ladder:start -->\n", 1)[1].split("\n<!-- ladder:end -->", 1)[0]
    assert section == ladder_markdown()


def test_every_command_and_hide_classifier_is_documented():
    missing = [v for v in Verb if f"`/coc {v.value}" not in DOC]
    assert missing == []
    assert all(word in DOC for word in CLASSIFIER_WORDS)


def test_every_label_the_ledger_sets_is_documented():
    labels = [render.PERSON_LABEL, render.REVIEW_LABEL, render.DUPLICATE_LABEL,
              *(r.label for r in LADDER)]
    assert [label for label in labels if f"`{label}`" not in DOC] == []
