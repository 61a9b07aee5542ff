"""Kinds of text the rules + language model pipeline is known to get wrong, and the ones it
now gets right (texts written for this file, one per kind named in the model card's "Known
limits"). A kind still wrong is a strict xfail: when a new model fixes it, the test fails
until it becomes a plain test (``pyproject.toml`` collects this file with the tests).
"""

from __future__ import annotations

import pytest

from governance.config.defaults import default_config
from governance.detect import engine
from governance.detect.context import DetectContext
from governance.model import Association
from governance.policy.moderation import tier_of
from governance.policy.tier import Tier

WITH_MODEL = DetectContext(language_model=True)


def tier(text: str, context: DetectContext = WITH_MODEL) -> Tier:
    return tier_of(engine.classify(text, context), default_config()).tier


# ----------------------------------------------------------------- the poster's own words
# (what ``model_input.model_text`` takes out of the model's reading)


def test_a_moderators_reminder_that_names_an_insult_is_not_acted_on():
    assert tier("Please stop calling each other morons in this thread; further comments "
                "like that will be hidden.") is not Tier.ACT


def test_a_report_of_a_quoted_comment_is_not_flagged():
    text = ("> you are all brainless clowns, this project is a joke\n\n"
            "Reporting the comment above to the maintainers, it is the third one this week.")
    assert tier(text) is Tier.NONE


def test_a_self_directed_insult_is_not_flagged():
    assert tier("I'm such an idiot, I had the feature flag disabled the whole time. "
                "Closing this, sorry for the noise.") is Tier.NONE


def test_speech_reported_to_the_moderators_is_not_acted_on():
    assert tier("He called me a worthless moron in the review of #812; could a moderator "
                "look at it?") is not Tier.ACT


def test_a_maintainers_own_commercial_support_contact_is_not_an_ad():
    context = DetectContext(language_model=True, association=Association.OWNER,
                            repo="tessera/tessera", own_domains=("tessera.io",),
                            author="mkovacs")
    text = ("If your company needs an SLA, we offer paid support and consulting: "
            "write to support@tessera.io or see https://tessera.io/support.")
    assert tier(text, context) is Tier.NONE


def test_a_warning_above_a_quoted_scam_is_not_flagged():
    text = ("Careful, this is a phishing attempt, nobody should click it:\n\n"
            "> Congratulations! Claim your 3,000 USDT bonus now, connect your wallet at "
            "https://usdt-bonus-claim.pages.dev before midnight.")
    assert tier(text) is Tier.NONE


# ----------------------------------------------------------------- stance more than topic


def test_a_contributor_offering_to_fix_the_bug_is_not_flagged():
    assert tier("I can fix this quickly if you want, just assign me and I'll open a PR "
                "tonight.") is Tier.NONE


def test_blunt_but_civil_review_is_not_acted_on():
    assert tier("Stop being lazy about edge cases and add tests for the empty input, "
                "please.") is not Tier.ACT


def test_calling_a_component_dumb_is_not_acted_on():
    assert tier("The proxies in front are dumb pipes, so the retry has to live in the "
                "client.") is not Tier.ACT


def test_a_community_meetup_for_gay_contributors_is_not_flagged():
    assert tier("We're hosting a meetup for gay and trans contributors at the conference "
                "next week, everyone on the team is welcome to drop by.") is Tier.NONE


def test_offering_a_chat_channel_to_pair_is_not_acted_on():
    assert tier("Happy to pair on this, you can reach me on Discord in the evenings.") \
        is not Tier.ACT


def test_a_maintainer_thanking_sponsors_is_not_acted_on():
    assert tier("Thanks to the 40 sponsors the project now covers about $600 a month of "
                "my time, which pays for the CI runners too.") is not Tier.ACT


# ----------------------------------------------------------------- what must still be caught


def test_an_insult_in_the_posters_own_voice_is_still_acted_on():
    assert tier("@omar you are a useless, brainless idiot and nobody here wants your "
                "patches.") is Tier.ACT


def test_an_insult_after_a_quote_block_is_still_the_posters():
    text = ("> I think the cache should be opt-in\n\n"
            "Only a complete moron like you would think that. Get lost.")
    assert tier(text) is not Tier.NONE


@pytest.mark.xfail(strict=True, reason="a drug jab at a reviewer without an insult word: the "
                   "rules' hostile-intoxicated hit is weak and the model trained with 2,136 real "
                   "GitHub comments (banter and blunt replies among them) adds little; the "
                   "review point, set with 475 real GitHub ok comments, is above it (0.15)")
def test_asking_a_reviewer_what_they_were_on_reaches_review():
    assert tier("What were you smoking when you approved this PR, @lena?") is not Tier.NONE


# ----------------------------------------------------------------- still wrong (strict xfails)


@pytest.mark.xfail(strict=True, reason="an insult diluted by a log link and a screenshot: the "
                   "model reads the markup as an ordinary bug report (abuse 0.13 against 1.00 "
                   "for the insult alone) and the rules' 0.99 is pulled just under act (0.847): "
                   "review, not act. Of the dev insults acted on, 40% stay at act with a log "
                   "link and a screenshot appended and 69% with one neutral technical "
                   "sentence (model card)")
def test_an_insult_with_a_log_link_and_a_screenshot_is_still_acted_on():
    assert tier("You are a worthless idiot and nobody wants your garbage patches here. Get "
                "lost. Proof: [log](https://paste.example/raw/abc). "
                "![shot](https://github.com/user-attachments/assets/"
                "0f3c2a1e-77aa-4f0e-9d1b-5d0c1e9a2b3c) "
                '<img src="https://cdn.example/x.png"> and www.example.org/page.') is Tier.ACT


@pytest.mark.xfail(strict=True, reason="a soft agency pitch: the rules read it at 0.80 (review), "
                   "the model trained on real threads, where vendors offering their own tools "
                   "are ok, reads it as ok (0.006), and the combined score is 0.55, just under "
                   "review; a wave of it by two accounts reaches review, not act")
def test_a_soft_agency_pitch_reaches_review():
    assert tier("We build custom dashboards like this for clients, happy to help your team "
                "with it if you want.") is not Tier.NONE


def test_a_reminder_quoting_the_insult_in_quotation_marks_is_not_flagged():
    assert tier('Reminder for everyone: don\'t call other contributors "incompetent", '
                "review the patch and leave the person out of it.") is Tier.NONE


@pytest.mark.xfail(strict=True, reason="a veiled threat without a violent word: neither the "
                   "rules nor the language model read it as one")
def test_a_veiled_threat_is_caught():
    assert tier("I know which city you're in and I am going to find where you live.") \
        is not Tier.NONE


@pytest.mark.xfail(strict=True, reason="the spam a reporter paraphrases in quotation marks "
                   "after a verb the reported-speech structure does not know is read as theirs")
def test_a_report_of_a_spam_bot_repeating_its_pitch_is_not_flagged():
    assert tier('Heads up, a bot keeps commenting "earn 5000 USD weekly from home, message '
                'me" on our PRs; I reported it to GitHub.') is Tier.NONE
