"""Pure parts of rewards: texts and overrides, the claim's state machine, the report."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from governance.config import defaults
from governance.config.load import ConfigError, load_config_text
from governance.config.types import Config
from governance.rewards import texts
from governance.rewards.claims import NO_EMAIL, Claim, State, Step, from_json, to_json
from governance.rewards.report import build_report, pending_json, pending_text
from governance.rewards.store import IndexEntry

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
VALUES = texts.values_for(login="alex", repo="acme/widgets", number=42,
                          url="https://github.com/acme/widgets/pull/42", tier="100",
                          tier_label="$100 <merch> credit", store_url="", contact="")


STORE = "https://merch.acme.example/?ref=gov&lang=en"


def with_store(url: str) -> dict[str, str]:
    return texts.values_for(login="alex", repo="acme/widgets", number=42,
                            url="https://github.com/acme/widgets/pull/42", tier="100",
                            tier_label="$100 <merch> credit", store_url=url, contact="")


def test_email_names_pr_and_tier_and_explains_redeeming() -> None:
    mail = texts.Texts(texts.DEFAULTS).email(with_store(STORE), "CODE-1234")
    assert "acme/widgets#42" in mail.subject and "$100 <merch> credit" in mail.subject
    assert "CODE-1234" in mail.text and "checkout" in mail.text
    assert "CODE-1234" in mail.html and "$100 &lt;merch&gt; credit" in mail.html
    assert "<merch>" not in mail.html  # values are escaped in the HTML part


def test_email_links_the_store_when_one_is_configured() -> None:
    mail = texts.Texts(texts.DEFAULTS).email(with_store(STORE), "CODE-1234")
    assert texts.redeem_text(STORE) in mail.text
    assert f"pick what you like at {STORE} and enter the code at checkout" in mail.text
    escaped = "https://merch.acme.example/?ref=gov&amp;lang=en"
    assert f'<a href="{escaped}">{escaped}</a>' in mail.html
    assert "&amp;lt;" not in mail.html and "&lt;a href" not in mail.html  # a link, not text


def test_email_without_a_store_says_how_to_redeem_anyway() -> None:
    mail = texts.Texts(texts.DEFAULTS).email(VALUES, "CODE-1234")
    assert texts.redeem_text("") in mail.text and texts.redeem_text("") in mail.html
    assert "reply to this e-mail" in texts.redeem_text("")
    assert "our merch store" not in mail.text and "checkout" not in mail.text
    assert "href" not in texts.redeem_html("")


def test_email_overrides_can_place_the_store_link_themselves() -> None:
    chosen = texts.Texts.with_overrides({
        texts.EMAIL_TEXT: "Code $code, shop at $store_url ($store).",
        texts.EMAIL_HTML: "<p>$code</p><p>$redeem</p>"})
    mail = chosen.email(with_store(STORE), "CODE-1234")
    assert mail.text == f"Code CODE-1234, shop at {STORE} ({STORE})."
    assert '<a href="https://merch.acme.example/?ref=gov&amp;lang=en">' in mail.html
    bare = chosen.email(VALUES, "CODE-1234")
    assert bare.text == "Code CODE-1234, shop at  (our merch store)."


def test_comments_never_carry_code_or_address_even_from_an_override() -> None:
    sneaky = texts.Texts.with_overrides({texts.THANKS: "Thanks @$login, code $code to $email"})
    body = sneaky.thanks({**VALUES, "code": "CODE-1234", "email": "a@example.org"},
                         "acme/widgets#42")
    assert "CODE-1234" not in body and "a@example.org" not in body
    assert body.startswith("Thanks @alex, code $code")
    assert texts.marker(texts.THANKS, "acme/widgets#42") in body


def test_email_override_without_the_code_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    chosen = texts.Texts.with_overrides({texts.EMAIL_TEXT: "Hello $login, thanks!",
                                         texts.SUBJECT: "Merch for $repo#$number",
                                         "unknown.txt": "ignored"})
    mail = chosen.email(VALUES, "CODE-1234")
    assert "CODE-1234" in mail.text and mail.subject == "Merch for acme/widgets#42"
    assert "has no $code" in caplog.text


def test_contact_comment_falls_back_to_a_generic_contact() -> None:
    body = texts.Texts(texts.DEFAULTS).contact(VALUES, "k")
    assert texts.DEFAULT_CONTACT in body and "@alex" in body


def claim(**kw: object) -> Claim:
    base = Claim("acme/widgets#42", "rewards/claims/pr/acme/widgets/42.json", "alex",
                 "acme/widgets", 42, "100", "https://github.com/acme/widgets/pull/42", NOW)
    return replace(base, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "step"), [
    ({}, Step.FIND_EMAIL),
    ({"email_checked": True}, Step.ASK_CONTACT),
    ({"email_checked": True, "contact_asked": True, "state": State.PENDING,
      "pending": NO_EMAIL}, Step.WAIT),
    ({"email": "a@example.org", "email_checked": True}, Step.ALLOCATE),
    ({"email": "a@example.org", "state": State.PENDING}, Step.ALLOCATE),  # address given later
    ({"state": State.ALLOCATED, "code": "C"}, Step.SEND),
    ({"state": State.SENT}, Step.THANK),
    ({"state": State.THANKED}, Step.DONE),
])
def test_next_step(changes: dict[str, object], step: Step) -> None:
    assert claim(**changes).next_step() is step


def test_lease_belongs_to_one_worker_until_it_runs_out() -> None:
    held = claim().leased("w1", NOW, timedelta(minutes=10))
    assert held.leased_by_other("w2", NOW + timedelta(minutes=9))
    assert not held.leased_by_other("w1", NOW)
    assert not held.leased_by_other("w2", NOW + timedelta(minutes=11))
    assert not held.released().leased_by_other("w2", NOW)


def test_claim_json_round_trip() -> None:
    full = claim(email="a@example.org", code="C", state=State.SENT, sent_at=NOW,
                 lease_owner="w", lease_until=NOW).note(NOW, "e-mail sent")
    assert from_json(to_json(full)) == full


def entry(key: str, state: str, created: str, sent: str = "", tier: str = "100",
          repo: str = "acme/widgets", pending: str = "") -> IndexEntry:
    return IndexEntry(key, f"p/{key}", "alex", repo, 1, tier, "", state, pending,
                      created, sent)


def test_report_counts_sent_in_the_month_and_what_was_still_waiting() -> None:
    entries = [
        entry("a#1", "thanked", "2026-11-02T10:00:00+00:00", "2026-11-02T10:01:00+00:00"),
        entry("a#2", "thanked", "2026-10-30T10:00:00+00:00", "2026-11-03T10:00:00+00:00",
              tier="25", repo="acme/website"),
        entry("a#3", "claimed", "2026-11-10T10:00:00+00:00", pending="no-email"),
        entry("a#4", "thanked", "2026-10-01T10:00:00+00:00", "2026-10-01T10:00:00+00:00"),
        entry("a#5", "allocated", "2026-12-01T10:00:00+00:00", pending="mail-failed"),
        entry("a#6", "skipped", "2026-11-11T10:00:00+00:00"),
        entry("a#7", "thanked", "2026-11-29T10:00:00+00:00", "2026-12-01T10:00:00+00:00"),
    ]
    report = build_report(entries, "2026-11")
    data = report.to_dict()
    assert data["sent"] == {"total": 2, "by_tier": {"100": 1, "25": 1},
                            "by_repository": {"acme/website": 1, "acme/widgets": 1}}
    assert [r["pr"] for r in data["pending"]["rewards"]] == ["a#3", "a#7"]
    text = report.text()
    assert "Sent: 2" in text and "Pending at the end of the month: 2" in text
    assert "a#3 @alex tier 100 (claimed, no-email)" in text
    with pytest.raises(ValueError, match="YYYY-MM"):
        build_report(entries, "2026-13")


def test_pending_listing_text_and_json() -> None:
    waiting = [entry("acme/widgets#3", "pending", "2026-11-10T10:00:00+00:00",
                     pending="no-email")]
    assert pending_text(waiting).startswith("acme/widgets#3\t@alex\ttier 100\tpending "
                                            "(no-email)\tsince 2026-11-10")
    assert pending_text([]) == "No pending rewards.\n"
    assert '"reason": "no-email"' in pending_json(waiting)


def test_store_url_is_a_web_address_in_the_config() -> None:
    def store_url(text: str) -> str:
        given = load_config_text(text, "g.yml")
        return Config.from_mapping(defaults.fill(defaults.schema(), given)).recognition.store_url

    assert store_url("recognition:\n  store_url: https://merch.acme.example\n") \
        == "https://merch.acme.example"
    assert store_url("") == ""
    with pytest.raises(ConfigError, match=r"g\.yml:2:14: recognition\.store_url"):
        load_config_text("recognition:\n  store_url: javascript:alert(1)\n", "g.yml")
