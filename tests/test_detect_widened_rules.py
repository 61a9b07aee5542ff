"""Rules widened from the dev corpus's misses: each kind of abuse or spam with a hit in
new wording, its evidence, and a hard negative that shares its words but stays ok."""

from __future__ import annotations

import pytest

from governance.detect import classify
from governance.model import Label
from tests.known_model_limits import MODEL_OVERRULED, MODEL_REVIEW


def rule_evidence(text: str, rule_id: str) -> list[str]:
    return [text[s:e] for h in classify(text).hits if h.rule_id == rule_id for s, e in h.evidence]


@pytest.mark.parametrize(
    ("text", "rule_id", "shown", "label"),
    [
        ("Thanks, you really excel at being a complete jerk in every review.",
         "abuse.insult.being_a", "you really excel at being a complete jerk", Label.ABUSE),
        ("Seriously, are you drunk? Nobody merges a migration like that on a Friday.",
         "abuse.hostile.intoxicated", "are you drunk", Label.ABUSE),
        pytest.param("What were you smoking when you approved this schema?",
                     "abuse.hostile.intoxicated", "What were you smoking", Label.ABUSE,
                     marks=MODEL_OVERRULED),
        pytest.param("Go look it up sweetheart, the RFC explains the header.",
                     "abuse.belittle.condescending_address", "sweetheart", Label.ABUSE,
                     marks=MODEL_OVERRULED),
        ("Kiddo, semver is not a suggestion.",
         "abuse.belittle.condescending_address", "Kiddo", Label.ABUSE),
        ("lol r u gey or what", "abuse.identity.orientation_taunt", "r u gey", Label.ABUSE),
        ("You are all stooges of that vendor.", "abuse.insult.you_are", "You are all stooges",
         Label.ABUSE),
        ("Great tune!! like n suscribe for more covers", "solicitation.channel_promo",
         "like n suscribe", Label.SOLICITATION),
        ("subcribe 2 my channel, new beats every friday", "solicitation.channel_promo",
         "subcribe 2 my channel", Label.SOLICITATION),
        ("I answer paid surveys on my sofa and earn 300 dollars every week, see my profile",
         "solicitation.research", "paid surveys", Label.SOLICITATION),
        ("Bored tonight? Chat now 09012345678, our dating service is waiting",
         "solicitation.spam_keywords", "dating service", Label.SOLICITATION),
    ],
)
def test_new_kind_is_flagged_with_its_own_words_as_evidence(text, rule_id, shown, label):
    assert classify(text).label is label
    assert shown in rule_evidence(text, rule_id)


@MODEL_REVIEW
def test_income_claim_points_at_the_claim_but_alone_stays_below_the_threshold():
    text = "Last year the project made about 1,200 dollars monthly through sponsors."
    assert rule_evidence(text, "solicitation.income_claim") == ["made about 1,200 dollars monthly"]
    assert classify(text).label is Label.OK


def test_premium_rate_chat_line_counts_as_a_second_prize_cue():
    text = "Lonely? chat now 09098765432 only 50p/min"
    assert classify(text).label is Label.SOLICITATION
    assert "chat now 09098765432" in rule_evidence(text, "solicitation.sms_prize")


@pytest.mark.parametrize(
    "text",
    [
        # being_a: a hedge about oneself has no "you"
        "At the risk of being a jerk, I think this PR needs tests before merge.",
        # intoxicated: "high" of a setting or a measurement
        "Are you high DPI aware in this build? The icons look blurry.",
        "Are you high availability or single node in production?",
        # condescending_address: a parent's word for their child
        "My kiddo uses this app for homework and it crashes on login.",
        "I bought it for my sweetheart and the sync never finished.",
        # orientation_taunt: identity talk, not a taunt
        "Are you gay-friendly in the code of conduct? It should say so explicitly.",
        pytest.param("Our meetup is for gay people and allies who write Rust.",
                     marks=MODEL_REVIEW),
        # running dog: an animal in a game
        "The running dog sprite flickers at 144 Hz.",
        # subscribe: GitHub's own subscribe and watch
        "Watch and subscribe to releases to get notified.",
        "I subscribed to the issue and will test the next nightly.",
        "Subscribe if you want to follow the RFC discussion.",
        # dating: a product built with the library
        "We use this ORM in our dating app backend and hit a deadlock.",
    ],
)
def test_hard_negatives_that_share_the_new_words_stay_ok(text):
    assert classify(text).label is Label.OK
