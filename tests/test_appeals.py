"""Appeals end to end: the notice says how and until when, ``/coc appeal`` opens a review
item, ``/coc uphold`` and ``/coc pardon`` answer it, the person is told every outcome by
e-mail (real SMTP, aiosmtpd), and nobody decides an appeal of their own decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.config.defaults import schema
from governance.ledger.state import EntryKind
from governance.model import Step
from governance.policy.appeals import appeals_markdown
from governance.policy.commands import Command, Verb, parse_command
from tests.fake_smtp import SmtpFake
from tests.ledger_world import World, world_fixture  # noqa: F401  (the world fixture)

REPLY_TO = "moderators@example.org"


@pytest.fixture
def mailed(world: World, smtp_server: SmtpFake) -> World:
    world.mailer = SmtpMailer(SmtpSettings(smtp_server.host, smtp_server.port,
                                           "Conduct <conduct@example.org>", security="none",
                                           reply_to=REPLY_TO))
    for login in ("mallory", "bob"):
        world.fake.add_user(login, email=f"{login}@example.org")
    return world


async def say(world: World, body: str, author: str) -> None:
    await world.service.command(world.post(body, author), world.config)


def mail_to(smtp: SmtpFake, login: str) -> list[tuple[str, str]]:
    """(subject, plain text) of every message to the person, oldest first."""
    out = []
    for m in smtp.messages:
        if m.rcpt_tos == (f"{login}@example.org",):
            part = m.message.get_body(("plain",)) if m.message.is_multipart() else m.message
            out.append((str(m.message["Subject"]), part.get_content()))
    return out


def test_appeal_and_uphold_need_a_reason():
    assert parse_command("/coc appeal").error == "/coc appeal needs a reason"
    assert parse_command("/coc uphold @bob").error == "/coc uphold needs a reason"
    assert parse_command("/coc appeal it was a quote") == Command(Verb.APPEAL,
                                                                  reason="it was a quote")


async def test_appeal_received_once_and_upheld_by_another_moderator(
        mailed: World, smtp_server: SmtpFake):
    await mailed.incident(mailed.post("you are an idiot", "mallory"))
    [(subject, notice)] = mail_to(smtp_server, "mallory")
    assert "You may appeal this decision until 16 November 2026: comment `/coc appeal " \
           "<your reason>` in any thread of acme/widgets, or reply to this e-mail" in notice
    assert smtp_server.messages[0].message["Reply-To"] == REPLY_TO

    await say(mailed, "/coc appeal I was quoting the other person", "mallory")
    state = await mailed.state("mallory")
    (appeal,) = [e for e in state.of_kind(EntryKind.REVIEW) if e.key.startswith("appeal:")]
    assert "by @mallory: I was quoting the other person" in appeal.get("reason")
    assert len(state.open_reviews()) == 1
    assert mail_to(smtp_server, "mallory")[-1][0] == "Your appeal in acme/widgets was received"

    await say(mailed, "/coc appeal please look again", "mallory")
    subject, text = mail_to(smtp_server, "mallory")[-1]
    assert subject == "About your appeal in acme/widgets"
    assert "was appealed already, and each decision can be appealed once" in text
    assert len((await mailed.state("mallory")).of_kind(EntryKind.REVIEW)) == 1

    await say(mailed, "/coc uphold @mallory the insult was your own words", "maintainer")
    state = await mailed.state("mallory")
    assert any(e.key.startswith("appeal-decided:") and "Appeal upheld by @maintainer" in
               e.get("text") for e in state.of_kind(EntryKind.NOTE))
    assert state.open_reviews() == ()
    subject, text = mail_to(smtp_server, "mallory")[-1]
    assert subject == "Your appeal in acme/widgets: the decision stands"
    assert "the insult was your own words" in text
    assert state.record().current_step() is Step.CORRECTION  # the step stays


async def test_nobody_decides_an_appeal_of_their_own_step_and_a_pardon_grants_it(
        mailed: World, smtp_server: SmtpFake):
    await say(mailed, "/coc warn @bob rude to a newcomer", "maintainer")
    await say(mailed, "/coc appeal it was a joke between friends", "bob")

    await say(mailed, "/coc uphold @bob still rude", "maintainer")
    await say(mailed, "/coc pardon @bob ok", "maintainer")
    state = await mailed.state("bob")
    assert state.record().current_step() is Step.WARNING
    assert not [e for e in state.of_kind(EntryKind.NOTE) if e.key.startswith("appeal-decided")]

    await say(mailed, "/coc pardon @bob context shows a joke", "modteam")
    state = await mailed.state("bob")
    assert state.record().current_step() is Step.NONE
    assert mail_to(smtp_server, "bob")[-1][0] == "Your appeal in acme/widgets was granted"
    assert any("Appeal granted by @modteam" in e.get("text")
               for e in state.of_kind(EntryKind.NOTE))


async def test_a_late_appeal_is_declined_politely(mailed: World, smtp_server: SmtpFake):
    await mailed.incident(mailed.post("you are an idiot", "mallory"))
    mailed.clock.advance(days=15)
    await say(mailed, "/coc appeal I only saw this now", "mallory")
    subject, text = mail_to(smtp_server, "mallory")[-1]
    assert subject == "About your appeal in acme/widgets"
    assert "the time to appeal the decision of 2026-11-02 ended on 2026-11-16" in text
    assert not (await mailed.state("mallory")).open_reviews()


def test_the_code_of_conduct_tells_the_community_how_to_appeal():
    days = schema()["properties"]["ladder"]["properties"]["appeal_days"]["default"]
    template = (Path(__file__).parents[1] / "templates" / "CODE_OF_CONDUCT.md").read_text()
    generated = template.split("<!-- appeals:start -->\n", 1)[1].split(
        "\n<!-- appeals:end -->", 1)[0]
    assert generated == appeals_markdown(days)
    assert f"within {days} days" in generated and "`/coc appeal" in generated
