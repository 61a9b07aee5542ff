"""Private notices end to end: the executor, the real SMTP mailer on an aiosmtpd server, the
contract-checking fake GitHub and the ledger world (``/coc`` commands, moderation steps)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from governance import messages
from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.ledger.state import EntryKind
from governance.model import Notify, Step
from tests.fake_smtp import SmtpFake
from tests.ledger_world import World, world_fixture  # noqa: F401  (the world fixture)

URL = "https://github.com/acme/widgets/issues/1"


@pytest.fixture
def mailed(world: World, smtp_server: SmtpFake) -> World:
    world.mailer = SmtpMailer(SmtpSettings(smtp_server.host, smtp_server.port,
                                           "Conduct <conduct@example.org>", security="none"))
    for login in ("alice", "bob"):
        world.fake.add_user(login, email=f"{login}@example.org")
    return world


async def command(world: World, body: str) -> None:
    await world.service.command(world.post(body, "maintainer"), world.config)


def message_ids(smtp: SmtpFake) -> list[str]:
    return [str(m.message["Message-ID"]) for m in smtp.messages]


async def test_each_person_and_incident_gets_its_own_message_id(mailed: World,
                                                                smtp_server: SmtpFake):
    await command(mailed, "/coc warn @alice rude")
    await command(mailed, "/coc warn @bob rude")
    mailed.clock.advance(days=1)
    await command(mailed, "/coc warn @alice rude again")

    assert [m.rcpt_tos for m in smtp_server.messages] == [
        ("alice@example.org",), ("bob@example.org",), ("alice@example.org",)]
    assert len(set(message_ids(smtp_server))) == 3


def test_a_retry_of_the_same_incident_keeps_its_message_id():
    first = Notify("alice", "warning", Step.WARNING, "rude", URL, "acme/widgets", incident="IC_1")
    assert replace(first, reason="other words").message_id == first.message_id
    assert replace(first, incident="IC_2").message_id != first.message_id
    assert replace(first, login="bob").message_id != first.message_id
    assert "alice" not in first.message_id and "github.com" not in first.message_id


async def test_an_emailed_notice_is_recorded_in_the_ledger_without_the_address(
        mailed: World, smtp_server: SmtpFake):
    await command(mailed, "/coc warn @alice rude")

    assert len(smtp_server.messages) == 1
    (note,) = (await mailed.state("alice")).of_kind(EntryKind.NOTE)
    assert note.key.startswith("notice:coc-warning-") and note.at == mailed.clock.now()
    assert note.get("text") == messages.NOTICE_EMAILED.substitute(
        what="Warning", login="alice", source=messages.EMAIL_SOURCES["profile"])
    assert "alice@example.org" not in str(note.details)
    assert "sent to @alice by email" in mailed.person_issue("alice").body + "".join(
        c.body for c in mailed.fake.comments_on("acme/coc-ledger", mailed.person_issue(
            "alice").number))
