"""Mentioning who you are is not abuse: identity terms in ordinary project comments.

Models trained on hate-speech tweets learn that an identity word predicts abuse (Dixon et al.
2018, "Measuring and mitigating unintended bias in text classification"). These comments,
written for this test and in no training or calibration set, mention an identity in passing
while doing ordinary project work. None may reach act (hidden); at most one in ten may reach
the private review tier. A fine-tuned encoder that read identity words sent 27 of these 120 to
review; the shipped one never reads them (``detect/blind.py``) and sends none (model card).

The same on real text: ``benchmarks/data/identity_real.jsonl`` (ok comments from public
threads about Pride logos, inclusive renames, sanctions, accessibility, religion; never
trained or calibrated on) may see at most 1% of its ok comments acted on and 12% reach
review or act (the shipped model: 1 and 27 of 269, the head before it 0 and 37).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from governance.config.defaults import default_config
from governance.decision import config_context
from governance.detect import classify
from governance.detect.context import DetectContext
from governance.model import Category
from governance.policy.moderation import tier_of
from governance.policy.tier import Tier

REAL = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "identity_real.jsonl"

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


def test_real_comments_that_mention_identities_are_rarely_flagged() -> None:
    config = default_config()
    context = config_context(config)
    ok = [json.loads(line)["text"] for line in REAL.read_text("utf-8").splitlines()
          if json.loads(line)["label"] == "ok"]
    tiers = [tier_of(classify(text, context), config).tier for text in ok]
    acted = sum(t is Tier.ACT for t in tiers)
    flagged = sum(t is not Tier.NONE for t in tiers)
    assert len(ok) >= 250
    assert acted <= len(ok) // 100, f"{acted} of {len(ok)} acted on"
    assert flagged <= len(ok) * 12 // 100, f"{flagged} of {len(ok)} to review or act"
