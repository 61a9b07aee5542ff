"""The SMTP adapter against aiosmtpd on loopback: plain, STARTTLS + AUTH, implicit TLS."""

from __future__ import annotations

import pytest

from governance.adapters.mail import MailError, SmtpMailer, SmtpSettings, make_message_id
from governance.ledger.state import EntryKind
from tests.ledger_world import world_fixture  # noqa: F401  (the world fixture)

SENDER = "Conduct bot <conduct@example.org>"


def settings(server, **kw) -> SmtpSettings:
    return SmtpSettings(host=server.host, port=server.port, sender=SENDER, **kw)


def with_login(server, password: str = "", **kw) -> SmtpSettings:
    return settings(server, username=server.user, password=password or server.password, **kw)


async def test_message_has_plain_and_html_parts_from_and_reply_to(smtp_server):
    mailer = SmtpMailer(settings(smtp_server, security="none", reply_to="mods@example.org"))
    await mailer.send("ann@example.net", "A note", "Hello @ann,\n\nSee https://x.test/a?b=1&c=2",
                      message_id="correction-https://github.com/acme/w/issues/7#c1")
    (got,) = smtp_server.messages
    msg = got.message
    assert got.rcpt_tos == ("ann@example.net",)
    assert (msg["From"], msg["Reply-To"], msg["Subject"]) == (SENDER, "mods@example.org", "A note")
    assert msg["Message-ID"].endswith("@example.org>")
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Hello @ann," in plain
    assert '<a href="https://x.test/a?b=1&amp;c=2">' in html
    assert "<p>Hello @ann,</p>" in html


async def test_given_html_part_is_used_as_is(smtp_server):
    mailer = SmtpMailer(settings(smtp_server, security="none"))
    await mailer.send("ann@example.net", "s", "text", "<p>custom</p>", message_id="k")
    html = smtp_server.messages[0].message.get_body(("html",)).get_content()
    assert html.strip() == "<p>custom</p>"


async def test_starttls_with_login(smtp_starttls, smtp_tls_client_context):
    mailer = SmtpMailer(with_login(smtp_starttls),
                        tls_context=smtp_tls_client_context)
    await mailer.send("ann@example.net", "s", "over starttls", message_id="k1")
    assert [m.login for m in smtp_starttls.messages] == ["bot"]


async def test_implicit_tls_with_login(smtp_tls, smtp_tls_client_context):
    mailer = SmtpMailer(with_login(smtp_tls, security="implicit"),
                        tls_context=smtp_tls_client_context)
    await mailer.send("ann@example.net", "s", "over tls", message_id="k2")
    assert [m.login for m in smtp_tls.messages] == ["bot"]


async def test_wrong_password_is_a_mail_error_without_the_password(smtp_starttls,
                                                                   smtp_tls_client_context):
    mailer = SmtpMailer(with_login(smtp_starttls, "hunter2-wrong"),
                        tls_context=smtp_tls_client_context)
    with pytest.raises(MailError) as caught:
        await mailer.send("ann@example.net", "s", "x", message_id="k3")
    assert "hunter2" not in str(caught.value)
    assert smtp_starttls.messages == []


async def test_untrusted_certificate_is_refused(smtp_starttls):
    mailer = SmtpMailer(with_login(smtp_starttls))
    with pytest.raises(MailError):
        await mailer.send("ann@example.net", "s", "x", message_id="k4")
    assert smtp_starttls.messages == []


def test_message_ids_are_stable_and_valid():
    first = make_message_id("correction-https://github.com/a/b/issues/1#c", SENDER)
    assert first == make_message_id("correction-https://github.com/a/b/issues/1#c", SENDER)
    assert first != make_message_id("warning-https://github.com/a/b/issues/1#c", SENDER)
    assert first.startswith("<") and first.endswith("@example.org>") and " " not in first


def test_settings_hide_the_password_and_check_the_mode():
    text = repr(SmtpSettings("smtp.example.org", 587, SENDER, "bot", "s3cret"))
    assert "s3cret" not in text
    with pytest.raises(ValueError, match="security"):
        SmtpSettings("h", 25, SENDER, security="ssl3")


# ------------------------------------------------------- end to end through the service


async def test_a_correction_goes_by_email_when_the_profile_shows_an_address(world, smtp_server):
    world.fake.add_user("mallory", email="mallory@example.net")
    world.mailer = SmtpMailer(settings(smtp_server, security="none",
                                       reply_to="conduct@example.org"))
    event = world.post("you are an idiot", "mallory")
    await world.incident(event)

    (got,) = smtp_server.messages
    assert got.rcpt_tos == ("mallory@example.net",)
    assert got.message["Subject"] == "A note about your contribution to acme/widgets"
    plain = got.message.get_body(("plain",)).get_content()
    assert event.html_url in plain and "private correction" in plain
    assert got.message.get_body(("html",)) is not None
    (note,) = (await world.state("mallory")).of_kind(EntryKind.NOTE)
    assert note.get("text") == "Correction notice sent to @mallory by email " \
                               "(their public profile address)."  # the channel, not the address


async def test_without_a_public_address_the_correction_stays_in_the_ledger(world, smtp_server):
    world.mailer = SmtpMailer(settings(smtp_server, security="none"))
    await world.incident(world.post("you are an idiot", "mallory"))
    assert smtp_server.messages == []
    (note,) = (await world.state("mallory")).of_kind(EntryKind.NOTE)
    assert note.get("text").startswith("A note about your contribution")
