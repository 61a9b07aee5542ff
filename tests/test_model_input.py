"""The language model reads the poster's own words (``detect.model_input.model_text``).

Texts written for this test; each names the structure that takes a part out of what the
model reads, and the poster's own words that stay.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from governance.detect import model as language_model
from governance.detect.context import DEFAULT_CONTEXT, DetectContext
from governance.detect.model_input import model_text
from governance.model import Association


def test_a_plain_comment_is_read_whole():
    text = "Rebased on main and the flaky test passes now; could someone re-run the arm64 job?"
    assert model_text(text) == text


def test_an_insult_in_the_posters_own_voice_stays():
    text = "@rmarsh you are a clueless moron and should stop touching this repo."
    assert model_text(text) == text


def test_a_quote_block_is_left_out_and_the_report_around_it_stays():
    text = ("> honestly whoever wrote this parser is a brain-dead clown\n\n"
            "Flagging the comment above for the moderators, it breaks our conduct rules.")
    kept = model_text(text)
    assert kept is not None and "clown" not in kept and "Flagging" in kept


def test_a_bare_quote_with_nothing_of_ones_own_is_the_posters_words():
    text = "> buy cheap followers now, dm me on telegram"
    assert model_text(text) == text  # quoting without a word of one's own is posting it


def test_code_fenced_and_inline_is_not_language():
    text = ("The fixture has `class StupidIdiotUser` in it:\n```python\n"
            "assert insult == 'you moron'\n```\nrenaming it in the next commit.")
    kept = model_text(text)
    assert kept is not None
    assert "Idiot" not in kept and "moron" not in kept and "renaming it" in kept


def test_what_a_tool_printed_in_quotation_marks_is_reported_speech():
    text = 'After the upgrade the bot replies "shut up, loser" to every command I send.'
    kept = model_text(text)
    assert kept is not None and "loser" not in kept and "every command" in kept


def test_a_post_repeated_to_report_it_is_left_out():
    text = ("Reporting this comment by @qq7: nobody wants you here, you pathetic idiot\n\n"
            "Could a maintainer lock the thread?")
    kept = model_text(text)
    assert kept is not None and "pathetic" not in kept and "lock the thread" in kept


def test_a_reminder_that_names_an_insult_leaves_nothing_of_the_insult():
    assert model_text("Please don't call people idiots here.") is None
    kept = model_text("Folks, please don't call new contributors morons, it drives them away.")
    assert kept is not None and "moron" not in kept and "drives them away" in kept


def test_self_directed_and_reported_insults_leave_the_rest():
    kept = model_text("I'm such an idiot, the config was in the wrong folder all along.")
    assert kept is not None and "idiot" not in kept and "wrong folder" in kept
    kept = model_text("He called me a moron in the review, and I would like a mod to look.")
    assert kept is not None and "moron" not in kept and "mod to look" in kept


def test_an_insult_after_a_disowned_one_in_a_new_clause_is_still_read():
    kept = model_text("Not saying you are stupid, but you are a moron.")
    assert kept is not None and "moron" in kept and "stupid" not in kept


def test_the_projects_own_contacts_are_blanked_for_a_maintainer():
    context = DetectContext(association=Association.MEMBER, repo="lumen/lumen-db",
                            own_domains=("lumen.dev",), author="kaori")
    text = ("Commercial support is available: write to support@lumen.dev or see "
            "https://lumen.dev/support and https://github.com/lumen/lumen-db/discussions.")
    kept = model_text(text, context)
    assert kept is not None
    assert "lumen.dev" not in kept and "github.com" not in kept and "Commercial" in kept
    # without the context, the same addresses are anybody's and stay
    assert model_text(text) == text


def test_a_strangers_links_stay_even_next_to_the_projects():
    context = DetectContext(repo="lumen/lumen-db", own_domains=("lumen.dev",))
    text = "Docs at https://lumen.dev/docs, or get 50% off at https://fast-seo-deals.shop now"
    kept = model_text(text, context)
    assert kept is not None and "fast-seo-deals.shop" in kept and "lumen.dev" not in kept


def test_empty_and_letterless_texts_leave_the_model_out():
    for text in ("", "   \n", "+1", "👍👍", "```\nyou idiot\n```", "`x`"):
        assert model_text(text) is None, text


def test_a_long_text_is_read_by_its_head_and_tail():
    text = "start " + "all good here " * 5_000 + "end"
    kept = model_text(text)
    assert kept is not None and kept.startswith("start") and kept.endswith("end")
    assert len(kept) <= language_model.MAX_CHARS + 3


# ----------------------------------------------------------------- properties

FRAGMENTS = st.sampled_from([
    "you are an idiot", "I'm such a fool", "please don't call people morons",
    "he called me a loser", "thanks for the fix", "> quoted line", "`inline code`",
    "```\nfenced block\n```", 'the app prints "bye, idiot"', "Reporting this post by @z:",
    "buy cheap stars now", "https://lumen.dev/help", "support@lumen.dev", "\n", "\n\n", ", ",
    ". ", "ok", "   ", "@mention", "🙂", "ñandú está aquí",
])
COMMENTS = st.lists(FRAGMENTS | st.text(max_size=30), max_size=12).map(" ".join)
CONTEXTS = st.sampled_from([
    DEFAULT_CONTEXT,
    DetectContext(repo="lumen/lumen-db", own_domains=("lumen.dev",),
                  association=Association.OWNER, author="kaori"),
])


@settings(max_examples=300, deadline=None)
@given(COMMENTS, CONTEXTS)
def test_own_words_are_bounded_and_hold_a_letter(text, context):
    kept = model_text(text, context)
    if kept is not None:
        assert 0 < len(kept) <= max(len(text), language_model.MAX_CHARS + 3)
        assert any(c.isalpha() for c in kept)
        assert kept == kept.strip()


@settings(max_examples=300, deadline=None)
@given(COMMENTS, CONTEXTS)
def test_reading_the_own_words_again_removes_nothing_more(text, context):
    kept = model_text(text, context)
    if kept is not None:
        assert model_text(kept, context) == kept


@settings(max_examples=100, deadline=None)
@given(COMMENTS)
def test_the_same_text_gives_the_same_own_words(text):
    assert model_text(text) == model_text(text)


def test_a_coc_command_line_is_for_the_bot_not_the_model():
    # "/coc report doxxing" names the breach it reports; the command parser judges it
    assert model_text("> his number is in here\n\n/coc report doxxing") is None
    assert model_text("/COC hide spam\nthanks for flagging it, all") == \
        "…\nthanks for flagging it, all"
    assert model_text("see `/coc report` in the docs, or type /coc report") == \
        "see … in the docs, or type /coc report"
