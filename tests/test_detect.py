"""classify(): layered rules, evidence spans into the original text, context tuning."""

from __future__ import annotations

import pytest

from governance.detect import DEFAULT_CONTEXT, DetectContext, classify
from governance.detect import checksums as ck
from governance.detect.engine import classify_rules
from governance.detect.normalize import normalize
from governance.model import Association, Category, Label
from tests.known_model_limits import MODEL_FP_ACT


def label(text: str, context: DetectContext = DEFAULT_CONTEXT) -> Label:
    return classify(text, context).label


def evidence(text: str, context: DetectContext = DEFAULT_CONTEXT) -> list[str]:
    return [text[s:e] for h in classify(text, context).hits for s, e in h.evidence]


# ------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("you are an 1d10t", "1d10t"),
        ("what an i d i o t", "i d i o t"),
        ("you st\u200bupid m\u043er\u043en", "m\u043er\u043en"),
        ("you are a stuuuupid clown", "stuuuupid"),
        ("ｙｏｕ ｉｄｉｏｔ", "ｉｄｉｏｔ"),
    ],
)
def test_evasions_are_undone_and_evidence_points_into_the_original(text, word):
    verdict = classify(text)
    assert verdict.label is Label.ABUSE
    assert any(word in text[s:e] for h in verdict.hits for s, e in h.evidence)


def test_offset_map_covers_every_folded_character():
    norm = normalize("Ｈｅｌｌｏ\u200b w0rld!! sooo  c o o l")
    assert len(norm.folded.offsets) == len(norm.folded.text) + 1
    assert norm.folded.offsets == sorted(norm.folded.offsets)


# -------------------------------------------------------------------------- abuse


@pytest.mark.parametrize(
    "text",
    [
        "this code is garbage",
        "damn, forgot to push again",
        "kill the process and restart the worker",
        "Still not fixed after 3 years?! This API is braindead.",
        "I'm such an idiot, the bug was in my config",
        pytest.param("Please don't call people idiots in this tracker.", marks=MODEL_FP_ACT),
        "Damn you Kconfig...! Works now.",
        "tell pylint to shut up about this line",
        "You are entitled to your opinion, but the benchmark says otherwise.",
        "the white space should be removed",
        "the dev team is going to release this as 2.0 as they said",
    ],
)
def test_heated_or_self_directed_text_stays_ok(text):
    assert label(text) is Label.OK


@pytest.mark.parametrize(
    "text",
    [
        "you are garbage",
        "@octocat you worthless moron, go back to flipping burgers",
        "What a clueless clown you are.",
        "Shut up, nobody asked you.",
        "Typical Romanian developers, can't write a single line of working code.",
        "The maintainers are idiots.",
    ],
)
def test_insults_aimed_at_people_are_abuse(text):
    assert label(text) is Label.ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "@dana_k you are a waste of space",  # "of" is an everyday word, not a folded "off"
        "what a bunch of clowns runs this repo",
        "You're a piece of crap, and everyone here knows it",
        "I agree, @sam-dev is being a total jerk here",  # a mention after a space is a target
        "honestly it looks like a monkey coded this",
        "my lazy piece of shit boss pushed this to prod",
        "nobody wants your lazy self in this project",
        "What the fuck are you doing with this PR?",
        "You're going to act like a child about this too?",
        "I'm done arguing, you useless clowns",  # self-directed opener, but a new clause
    ],
)
def test_more_insults_aimed_at_people_are_abuse(text):
    assert label(text) is Label.ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "This piece of shit build script broke again",
        "The CLI prints 'invalid choice, you moron' when you mistype a flag",
        'The old bot used to reply "read the docs, idiot" which is why we removed it',
        "fuck of a day, the CI was down for hours",
    ],
)
def test_insults_about_things_or_in_reported_speech_stay_ok(text):
    assert label(text) is Label.OK


def test_reported_or_self_directed_words_stay_ok_but_a_slur_counts_anywhere():
    assert label("he called me an idiot in the last thread, please keep it civil") is Label.OK
    assert label("it makes me feel like a fool when the docs skip a step") is Label.OK
    # a self-description does not cover an insult that names its own target
    assert label("I am sure you are an idiot") is Label.ABUSE
    assert label("it makes me feel like you are a moron") is Label.ABUSE
    # slurs are identity attacks also in self-directed or reported speech
    verdict = classify("lol we are such retards today")
    assert verdict.label is Label.ABUSE
    assert "abuse.slur" in [h.rule_id for h in verdict.hits]


def test_threats_are_severe_and_scored_for_removal():
    verdict = classify("Merge it or I will find you and hurt you.")
    assert verdict.label is Label.ABUSE and verdict.score >= 0.85
    assert max(h.severity for h in verdict.hits) == 3


def test_abuse_inside_code_blocks_and_quotes_is_ignored():
    assert label("```\n# you idiot, this hack kills the process\n```") is Label.OK
    assert label("> you are an idiot\nPlease keep it civil, that quote is not ok.") is Label.OK


# ---------------------------------------------------------------------------- pii


def test_checksums():
    assert ck.luhn("4539578763621486") and not ck.luhn("4539578763621487")
    assert ck.iban_ok("GB82 WEST 1234 5698 7654 32") and not ck.iban_ok("GB82WEST12345698765433")
    assert ck.cpf_ok("52998224725") and not ck.cpf_ok("52998224726")
    assert ck.verhoeff("2363") and not ck.verhoeff("2364")
    assert ck.dni_ok("12345678Z") and not ck.dni_ok("12345678A")
    assert ck.sin_ok("130692544") and not ck.sin_ok("130692545")
    assert ck.ssn_ok("123", "45", "6788") and not ck.ssn_ok("666", "45", "6788")
    assert ck.nino_ok("AB123456C") and not ck.nino_ok("GB123456C")


@pytest.mark.parametrize(
    "text",
    [
        "My card 4539 5787 6362 1486 exp 11/27 cvv 123 keeps getting declined",
        "Send the refund to DE44 5001 0517 5407 3249 31 please",
        "her SSN is 536-22-1234, she told me",
        "the lead dev's private number: +44 7911 123456, call him",
        "his personal mail is jane.doe.1987@gmail.com, spam him",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEYz1 AKIAZ7Q3MPLE2VUEXQ4Z",
        "token ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9d3Jt0m4xZ1\n",
        "DATABASE_URL=postgres://app:S3cr3tPassw0rd@db.internal:5432/app",
    ],
)
def test_validated_personal_data_and_secrets_are_pii(text):
    assert label(text) is Label.PII


@pytest.mark.parametrize(
    "text",
    [
        "Use Stripe's test card 4242 4242 4242 4242 with any future expiry.",
        "The IBAN validator fails for the example DE89 3704 0044 0532 0130 00 from Wikipedia.",
        "Set AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE as in the AWS docs.",
        "Signed-off-by: Jane Doe <jane.doe@gmail.com>",
        "password: <redacted> and the rest of the config is below",
        "Checksum sha256:42aa3b3a5316162acc033790406a4707cca2b087bc6bd9ce0ed6f6ae7bc5fd98",
        "Request 8c129c29-e9ea-41e3-822f-9011d23584bb failed, pod 10.0.3.4:8080 unreachable",
        "Card number 4539 5787 6362 1487 fails Luhn, as it should.",
        "Upgrading from 12.5.21 to 2.16.13 fixed it (node v10.32.28).",
        "Maintainer here: for security reports write to security@example.org",
    ],
)
def test_fixtures_placeholders_and_look_alikes_are_ok(text):
    assert label(text) is Label.OK


def test_own_domains_are_not_private_email():
    text = "Contact me at jane@people.acme.dev about the private beta, she said."
    assert label(text) is Label.PII
    assert label(text, DetectContext(own_domains=("acme.dev",))) is Label.OK


def test_pii_evidence_is_the_number_itself():
    text = "Customer card was 4539 5787 6362 1486, refund failed"
    assert "4539 5787 6362 1486" in evidence(text)


# ------------------------------------------------------------------- solicitation


@pytest.mark.parametrize(
    "text",
    [
        "I can build this for you quickly. Hire me on Upwork or DM me on Telegram @fastdev99",
        "Boost your ranking! SEO backlinks package only $49: https://bit.ly/3abcdEf",
        "Play poker online and get $50 free, no deposit required: https://lucky-spin.bet",
        "We're an analyst team doing market research: how many enterprise users do you have? "
        "Fill out our survey for a $50 gift card.",
        "I can build your website fast, reach me on telegram @webfast_dev",
    ],
)
def test_spam_is_solicitation(text):
    assert label(text) is Label.SOLICITATION


@pytest.mark.parametrize(
    "text",
    [
        "I maintain fastjson-lite (MIT), which handles this: https://github.com/me/fastjson-lite."
        " Disclaimer: I'm the author.",
        "We use this library at Acme in production for two years, thanks for the work!",
        "You can sponsor the project at https://github.com/sponsors/octocat",
        "Shame on me, I missed it. The talk explains it: https://www.youtube.com/watch?v=Xa1b2",
        "The docs site is close to 20,000 subscribers on the mailing list, nice work",
    ],
)
def test_on_topic_recommendations_and_sponsor_links_are_ok(text):
    assert label(text) is Label.OK


def test_github_context_raises_borderline_spam():
    text = "Check https://best-deals.shop for great VPN offers"
    # the context signals raise the rules' score (the model reads text only)
    plain = classify_rules(text).category_score(Category.SOLICITATION)
    ctx = DetectContext(repo="acme/widget", association=Association.FIRST_TIMER, repeat_count=4,
                        thread_closed=True, thread_age_days=400)
    boosted = classify_rules(text, ctx).category_score(Category.SOLICITATION)
    assert boosted > plain and boosted >= 0.85


def test_context_alone_never_flags():
    ctx = DetectContext(repo="acme/widget", repeat_count=9, thread_closed=True, thread_age_days=900)
    assert label("Any update on this? Still seeing it on 2.3.", ctx) is Label.OK


# ------------------------------------------------------------------ tuning


def test_disabled_rules_switch_off_a_rule_or_a_family():
    text = "you are an idiot"
    assert label(text, DetectContext(disabled_rules=frozenset({"abuse"}))) is Label.OK
    rule = classify(text).hits[0].rule_id
    assert label(text, DetectContext(disabled_rules=frozenset({rule}))) in (Label.ABUSE, Label.OK)
    assert rule not in [h.rule_id for h in
                        classify(text, DetectContext(disabled_rules=frozenset({rule}))).hits]


def test_allow_words_and_re2_patterns_drop_matching_evidence():
    text = "Call the hotline at +1 415 555 2671 for the Piranha release party"
    bad = "(unclosed"
    assert label("you are a muppet", DetectContext(allow_words=("muppet",))) is Label.OK
    ctx = DetectContext(allow_patterns=(bad, r"^\+1 415"))
    assert all(not h.rule_id.startswith("pii.phone") for h in classify(text, ctx).hits)


def test_verdict_score_is_the_winning_category_score():
    verdict = classify("you worthless moron")
    assert verdict.score == verdict.category_score(Category.ABUSE)
    ok = classify("thanks, merged!")
    assert ok.label is Label.OK and ok.score < 0.5


def test_classify_is_deterministic_and_handles_empty_text():
    assert classify("") == classify("   ") == classify("\n")
    text = "you are a clown, see https://bit.ly/x"
    assert classify(text) == classify(text)
