"""Reported speech (words someone else posted, repeated inline) never hides abuse.

Words after "they wrote:" or 'posted "..."' used to be dropped from abuse detection, so
prefixing an attack with a posting verb made it vanish. Now such words are someone else's
only in a real reporting frame (a reporting cue near the colon, a speaker other than the
poster), and even then they stay on record as quoted hits: capped like a quote block, never
acted on. Next to the poster's own abuse they count as the poster's.
"""

from __future__ import annotations

import pytest

from governance.detect import classify
from governance.detect.engine import QUOTED_CAP
from governance.model import Category, Label, PersonRecord, Verdict
from governance.policy.moderation import acts_on_own_words, moderate
from tests import builders

ATTACK = "@dana you are a worthless clown, shut the fuck up and go die in a fire"
CONFIG = builders.config(ledger={"repository": "acme/coc-ledger"})
ABUSE_RULE = CONFIG.moderation.rules[Category.ABUSE]


def public_actions(text: str, verdict: Verdict) -> list[str]:
    plan = moderate(builders.event(text), verdict, CONFIG, PersonRecord("someone"), builders.NOW)
    return [a.kind for a in plan.actions if a.public]


@pytest.mark.parametrize("text", [
    f"they wrote: {ATTACK}",
    f"somebody posted this:\n\n{ATTACK}",
    f"remarks like: {ATTACK}",
    f"mods, I left: {ATTACK}",
    "she said that @dana is a worthless clown, shut the fuck up and go die in a fire",
])
def test_a_posting_verb_without_a_reporting_frame_hides_nothing(text):
    verdict = classify(text)
    assert verdict.label is Label.ABUSE
    assert verdict.score >= ABUSE_RULE.review_threshold
    assert any(not h.quoted for h in verdict.hits_for(Category.ABUSE))
    assert public_actions(text, verdict)  # the poster's own attack: acted on


def test_a_bare_posting_verb_before_a_quotation_is_the_posters_own():
    verdict = classify(f'posted "{ATTACK}"')
    assert verdict.score >= ABUSE_RULE.review_threshold and verdict.label is Label.ABUSE


@pytest.mark.parametrize("text", [
    "I said: you are a worthless clown",
    "he said that @dana is a pathetic moron",
])
def test_said_without_a_frame_is_no_shield_for_a_single_insult(text):
    assert classify(text).label is Label.ABUSE


@pytest.mark.parametrize("text", [
    "Reporting this comment from @qx, they wrote: 'you are a worthless clown'. Could a "
    "moderator have a look?",
    "Somebody left this under my PR:\n\nyou are a stupid idiot and nobody wants you here\n\n"
    "I have reported it.",
    "FYI @qx said that the maintainer is a pathetic moron; flagged for the mods.",
    f"Flagging this comment for the moderators: {ATTACK}",
])
def test_a_genuine_report_stays_on_record_and_is_not_acted_on(text):
    verdict = classify(text)
    found = verdict.hits_for(Category.ABUSE)
    assert found and all(h.quoted for h in found)  # kept, as someone else's words
    assert 0 < verdict.score <= QUOTED_CAP < ABUSE_RULE.act_threshold
    assert not acts_on_own_words(verdict, CONFIG)
    assert public_actions(text, verdict) == []


def test_the_reporters_own_words_outside_the_report_are_still_judged():
    text = ("Reporting this comment from @qx, they wrote: 'you are a worthless clown'. "
            "And frankly you are an idiot too.")
    verdict = classify(text)
    assert verdict.label is Label.ABUSE and verdict.score >= ABUSE_RULE.act_threshold
    assert not any(h.quoted for h in verdict.hits_for(Category.ABUSE))
    assert public_actions(text, verdict)


def test_a_report_next_to_the_posters_own_abuse_counts_in_full():
    """The exemption holds only while the rest of the comment is not abusive itself."""
    framed = f"Reporting this comment, mods: {ATTACK}"
    assert classify(framed).score <= QUOTED_CAP
    verdict = classify(framed + "\n\nand you are a moron as well")
    assert verdict.score >= ABUSE_RULE.act_threshold
    assert "abuse.threat.life" in [h.rule_id for h in verdict.hits if not h.quoted]


def test_what_was_said_to_the_poster_is_on_record_but_not_their_abuse():
    verdict = classify("he told me to go die in a fire, please keep it civil")
    assert verdict.label is Label.OK and 0 < verdict.score <= QUOTED_CAP
    assert [h.rule_id for h in verdict.hits if h.quoted] == ["abuse.threat.life"]


def test_a_slur_counts_in_reported_speech_too():
    verdict = classify("Reporting this comment, they wrote: 'lol such retards'")
    assert verdict.label is Label.ABUSE
    assert any(h.rule_id == "abuse.slur" and not h.quoted for h in verdict.hits)
