"""Classes of legitimate comments that read like a violation on the surface (our own wording).

Each class is decided by structure — a published list, a quote or report frame, a code fence
that holds test data, the project's own context — and each has its true-positive twin, so
the exemption cannot be a blanket one.
"""

from __future__ import annotations

import base64

import pytest

from governance.detect import DetectContext, classify
from governance.detect import pii as pii_detector
from governance.detect.checksums import luhn
from governance.detect.published import DOCUMENTED_SECRETS, TEST_CARDS
from governance.model import Association, Label

# ---------------------------------------------------------------- published example values

AWS_DOC_PAIR = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")


@pytest.mark.parametrize("text", [
    "Here is the profile I use, straight from the AWS guide:\n```ini\n[dev]\n"
    f"aws_access_key_id = {AWS_DOC_PAIR[0]}\naws_secret_access_key = {AWS_DOC_PAIR[1]}\n```\n"
    "and `aws s3 ls` still hangs.",
    f"Exporting AWS_ACCESS_KEY_ID={AWS_DOC_PAIR[0]} AWS_SECRET_ACCESS_KEY={AWS_DOC_PAIR[1]} "
    "before the tests makes moto happy.",
    "Connecting to the emulator with AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuF"
    "q2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw== fails after the 3.x upgrade",
    "Stripe's own docs call it with sk_test_4eC39HqLyjWDarjtT1zdp7dc, which works for me too",
])
def test_documented_example_credentials_are_ok(text):
    assert classify(text).label is Label.OK


def test_a_key_pair_that_is_not_the_documented_one_is_still_a_leak():
    text = ("aws_access_key_id = AKIAZ7Q3LMXW4R2TB6PN\n"
            "aws_secret_access_key = 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")
    assert classify(text).label is Label.PII


@pytest.mark.parametrize("text", [
    "Payments in test mode: 4000 0000 0000 9995 is declined for insufficient funds while "
    "5555 5555 5555 4444 goes through.",
    "The 3DS flow triggers with 4000002500003155 but not with 4000 0000 0000 3220 here.",
    "For the German account I tried 4000002760000016, and Amex 3782 822463 10005.",
    "expired card 4000000000000069 gives the right error, cvc check 4000000000000127 too",
    "UnionPay 6200000000000005 and JCB 3566 0020 2036 0505 both render the wrong logo",
])
def test_published_test_cards_are_ok(text):
    assert classify(text).label is Label.OK


def test_a_real_looking_card_next_to_test_cards_still_counts():
    text = "4242 4242 4242 4242 works, but my own card 4929 1324 8812 3457 was charged twice"
    assert classify(text).label is Label.PII


def test_every_published_card_passes_luhn_and_the_tables_are_used():
    assert all(luhn(card) for card in TEST_CARDS)
    assert pii_detector.TEST_CARDS is TEST_CARDS
    assert all(value.strip() == value and value for value in DOCUMENTED_SECRETS)


# ------------------------------------------------------------------ reported or quoted abuse

@pytest.mark.parametrize("text", [
    "Somebody left this under my pull request an hour ago: you are a brainless idiot and "
    "nobody wants your garbage patches. Reporting it so a moderator can hide it.",
    "Flagging for the mods. From the linked thread:\n\n> @dana you worthless clown, quit "
    "programming\n\nThis is the third time this account did it.",
    "FYI @rk_dev wrote that the maintainer is a pathetic moron who should be fired; "
    "I have reported the comment to GitHub.",
    'The user in #881 replied "shut up, you stupid loser" to a first-time contributor.',
    "Reporting this review comment by @qx-bot:\nyou are a useless idiot and this PR is trash",
    'A stranger posted "you are a brainless moron" on my PR, could a mod hide it?',
    "Forwarding the reply I received so the mods can judge it:\n\nyou're a disgrace of a "
    "developer, delete your account",
    "Reminder from the moderators: remarks such as 'you are a clown' get you blocked.",
    "We remove comments like: go kill yourself. The account has been banned.",
    "Note: the person who told @ines to go back to her country has been blocked.",
])
def test_reporting_someone_elses_abuse_is_not_abuse(text):
    assert classify(text).label is not Label.ABUSE


@pytest.mark.parametrize("text", [
    "You are a brainless idiot and nobody wants your garbage patches.",
    "@dana you worthless clown, quit programming",
    "I'll repeat what I wrote yesterday: you are a brainless idiot.",
    "Reporting you: you are a useless idiot.",
    "I posted my benchmark: you are all idiots.",
])
def test_the_same_words_said_directly_are_abuse(text):
    assert classify(text).label is Label.ABUSE


# -------------------------------------------------------------------- violent idioms about code

@pytest.mark.parametrize("text", [
    "That old XML config loader? Kill it with fire.",
    "Shoot me now, this build has been stuck on linking for forty minutes.",
    "If the assets look stale, nuke the cache and the dist folder, then rebuild.",
    "I am going to murder this flaky integration test one of these days.",
    "Honestly the v1 plugin API should die in a fire, nobody can maintain it.",
    "Let it die in a fire and move everyone to the new parser.",
    "This regression absolutely kills startup time on cold caches.",
    "We should execute the migration before we blow away the staging database.",
])
def test_violent_idioms_about_code_are_ok(text):
    assert classify(text).label is Label.OK


@pytest.mark.parametrize("text", [
    "Go die in a fire, nobody asked for your opinion.",
    "@mirko you should die in a fire.",
    "I will hurt you if you close my issue again.",
])
def test_the_same_violence_aimed_at_a_person_is_abuse(text):
    assert classify(text).label is Label.ABUSE


# ---------------------------------------------------------------- test data inside code fences

@pytest.mark.parametrize("text", [
    "The serializer breaks on this fixture:\n```python\nclass CustomerFixture:\n"
    "    name = 'Ines Duarte'\n    email = 'ines.duarte@gmail.com'\n"
    "    address = '17 Harbour Road, Portsmouth'\n```",
    "```ruby\nFactoryBot.define do\n  factory :user do\n    email { 'tom.price@yahoo.com' }\n"
    "    home_address { '88 Willow Lane, Leeds' }\n  end\nend\n```",
    "Seed data for the demo:\n```js\n// seeds/users.js\nmodule.exports = [{ name: 'Ana Ruiz', "
    "address: '5 Rue Lepic, Paris', mail: 'ana.ruiz@hotmail.com' }]\n```",
])
def test_made_up_people_in_test_fixtures_are_not_pii(text):
    assert classify(text).label is not Label.PII


def test_a_real_persons_address_in_a_code_block_is_still_pii():
    text = ("this is where she lives, go visit her:\n```\nJoanna Kerr\n"
            "24 Birch Avenue, Springfield IL 62704\n```")
    assert classify(text).label is Label.PII


# -------------------------------------------------------- the project's own contacts and support

OWNER = DetectContext(repo="kestrel-labs/kestrel", association=Association.OWNER,
                      author="mara-kestrel", own_domains=("kestrel.dev",))


@pytest.mark.parametrize("text", [
    "If your company needs an SLA, we sell commercial support: write to sales@kestrel.dev "
    "and we'll send a quote.",
    "I run paid office hours for teams adopting Kestrel, book a slot at "
    "https://calendly.com/mara-kestrel/office-hours or mail me at mara.kestrel@gmail.com",
    "Sponsoring keeps this project alive: https://github.com/sponsors/kestrel-labs — "
    "enterprise licences via https://kestrel.dev/pricing",
])
def test_a_maintainers_own_support_and_office_hours_are_ok(text):
    assert classify(text, OWNER).label is Label.OK


def test_the_projects_own_support_address_is_ok_from_anyone():
    ctx = DetectContext(repo="kestrel-labs/kestrel", association=Association.NONE,
                        own_domains=("kestrel.dev",))
    text = "For commercial support contact support@kestrel.dev, they offer paid plans."
    assert classify(text, ctx).label is Label.OK


def test_a_stranger_borrowing_the_project_name_is_still_an_ad():
    ctx = DetectContext(repo="kestrel-labs/kestrel", association=Association.NONE,
                        own_domains=("kestrel.dev",))
    text = ("Tired of waiting for fixes? Our agency offers premium Kestrel consulting at 50% "
            "off this week, order now at https://kestrel-experts.shop/deal and get a free audit!")
    assert classify(text, ctx).label is Label.SOLICITATION


def test_a_maintainer_linking_someone_elses_shop_gets_no_pass():
    text = ("Buy cheap followers and stars for your repo, 70% discount today only, order at "
            "https://starboost.shop/offer")
    assert classify(text, OWNER).label is Label.SOLICITATION


def test_own_contacts_need_the_context_to_say_so():
    text = ("I run paid office hours for teams adopting Kestrel, book a slot at "
            "https://calendly.com/mara-kestrel/office-hours or mail me at mara.kestrel@gmail.com")
    stranger = DetectContext(repo="kestrel-labs/kestrel", association=Association.NONE,
                             author="mara-kestrel")
    assert classify(text, stranger).label is not Label.OK


# ------------------------------------------------------------- advertiser's own number in an ad

@pytest.mark.parametrize("text", [
    "Need a mobile app fast? Our agency builds iOS and Android apps at affordable prices, "
    "free quote today! Call our sales team at +1 415 867 5309 or WhatsApp us.",
    "Freelance Django developer available for hire, fixed price, reply or WhatsApp me on "
    "+91 98765 43210",
    "Payroll software errors fixed 24/7 by certified experts, support number "
    "+1-888-602-3471, call now",
])
def test_an_advertisers_own_phone_number_makes_the_ad_solicitation_not_pii(text):
    verdict = classify(text)
    assert verdict.label is Label.SOLICITATION
    phone = [h for h in verdict.hits if h.rule_id == "pii.phone_number"]
    assert phone and all(h.score < 0.5 for h in phone)  # kept as evidence, below any tier


def test_a_third_partys_number_inside_an_ad_stays_pii():
    text = ("Cheap SEO services, best price guaranteed, order today! Also here is his private "
            "number, call him day and night: +1 415 867 5309")
    assert classify(text).label is Label.PII


def test_smtp_auth_credentials_reported_in_base64_are_pii():
    b64 = base64.b64encode(b"\0ops@mailer.io\0Tr0ub4dor&3x").decode()
    assert classify(f"smtplib debug: send: 'AUTH PLAIN {b64}\\r\\n'").label is Label.PII
