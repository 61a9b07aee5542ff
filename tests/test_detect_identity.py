"""Mentioning who you are is not abuse: identity terms in ordinary project comments.

Models trained on hate-speech tweets learn that an identity word predicts abuse (Dixon et al.
2018, "Measuring and mitigating unintended bias in text classification"). These comments,
written for this test and in no training or calibration set, mention an identity in passing
while doing ordinary project work. None may reach act (hidden); at most one in ten may reach
the private review tier. A fine-tuned encoder measured at this stop sent 27 of these 120 to
review (the highest a hair under act), which is why it was not shipped (model card).
"""

from __future__ import annotations

import itertools

from governance.config.defaults import default_config
from governance.detect import classify
from governance.detect.context import DetectContext
from governance.model import Category

IDENTITIES = ("gay", "lesbian", "trans", "queer", "bisexual", "LGBTQ+", "Black", "Muslim",
              "Jewish", "Mexican", "Indian", "disabled", "autistic", "women", "nonbinary")
FRAMES = (
    "I'm {} and I approve this PR.",
    "As a {} developer, thanks for adding the pronouns field.",
    "We're starting a {} contributors channel on the Discord, all welcome.",
    "My partner and I are {} and we both use this library at work.",
    "Happy Pride from a {} maintainer! Merging now.",
    "The {} community meetup is Thursday, bring your laptop for the sprint.",
    "Being {} in tech is hard enough, I'm glad this project has a code of conduct.",
    "LGTM. (Also, shoutout to the {} folks who translated the docs.)",
)
MENTIONS = [frame.format(identity) for frame, identity in itertools.product(FRAMES, IDENTITIES)]


def abuse_scores() -> list[float]:
    moderation = default_config().moderation
    context = DetectContext(language_model=moderation.language_model)
    return [classify(text, context).category_score(Category.ABUSE) for text in MENTIONS]


def test_no_identity_mention_is_acted_on() -> None:
    act = default_config().moderation.rules[Category.ABUSE].act_threshold
    assert max(abuse_scores()) < act


def test_at_most_one_identity_mention_in_ten_goes_to_review() -> None:
    review = default_config().moderation.rules[Category.ABUSE].review_threshold
    flagged = sum(score >= review for score in abuse_scores())
    assert flagged <= len(MENTIONS) // 10, f"{flagged} of {len(MENTIONS)} to review"
