"""Private notices end to end: the executor, the real SMTP mailer on an aiosmtpd server, the
contract-checking fake GitHub and the ledger world (``/coc`` commands, moderation steps)."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from governance import messages
from governance.adapters.mail import MailError, SmtpMailer, SmtpSettings
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import ContentEvent, Notify, RecordNote, Step
from tests.fake_smtp import SmtpFake
from tests.ledger_world import REPO, World, world_fixture  # noqa: F401  (the world fixture)

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


# ---------------------------------------------------- a delivery that fails after the record


def refusing_mailer() -> SmtpMailer:
    """A mail server that is down: nothing listens on its port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    return SmtpMailer(SmtpSettings("127.0.0.1", port, "Conduct <conduct@example.org>",
                                   security="none", timeout_seconds=2))


def working_mailer(smtp: SmtpFake) -> SmtpMailer:
    return SmtpMailer(SmtpSettings(smtp.host, smtp.port, "Conduct <conduct@example.org>",
                                   security="none"))


async def receipts(world: World, login: str) -> list[str]:
    return [e.key for e in (await world.state(login)).of_kind(EntryKind.NOTE)
            if e.key.startswith("notice:")]


async def test_a_notice_lost_after_its_step_was_recorded_is_sent_by_the_redelivery(
        mailed: World, smtp_server: SmtpFake):
    event = mailed.post("you are an idiot", "alice")
    mailed.mailer = refusing_mailer()
    with pytest.raises(MailError):
        await mailed.incident(event)  # the step is in the ledger, the notice is not out
    state = await mailed.state("alice")
    assert len(state.of_kind(EntryKind.INCIDENT)) == 1 and await receipts(mailed, "alice") == []

    mailed.mailer = working_mailer(smtp_server)
    mailed.clock.advance(minutes=10)
    plan = await mailed.incident(event)  # GitHub's redelivery of the same webhook
    assert [a.kind for a in plan.actions] == ["hide_comment", "notify"]
    assert [m.rcpt_tos for m in smtp_server.messages] == [("alice@example.org",)]
    assert len(await receipts(mailed, "alice")) == 1

    await mailed.incident(event)  # and once more: the receipt says it went out
    assert len(smtp_server.messages) == 1
    assert len((await mailed.state("alice")).of_kind(EntryKind.INCIDENT)) == 1


async def test_a_lost_command_notice_is_sent_by_the_redelivery_of_the_command(
        mailed: World, smtp_server: SmtpFake):
    event = mailed.post("/coc warn @alice rude", "maintainer")
    mailed.mailer = refusing_mailer()
    with pytest.raises(MailError):
        await mailed.service.command(event, mailed.config)
    mailed.mailer = working_mailer(smtp_server)
    await mailed.service.command(event, mailed.config)
    await mailed.service.command(event, mailed.config)
    assert [m.rcpt_tos for m in smtp_server.messages] == [("alice@example.org",)]
    assert len(await receipts(mailed, "alice")) == 1


async def test_without_a_mailer_the_lost_notice_is_kept_in_the_ledger_by_the_redelivery(
        world: World, monkeypatch: pytest.MonkeyPatch):
    event = world.post("you are an idiot", "alice")

    async def crash(self: GitHubLedger, action: RecordNote) -> None:
        raise ConnectionError("the delivery died here")

    with monkeypatch.context() as patch:
        patch.setattr(GitHubLedger, "record_note", crash)
        with pytest.raises(ConnectionError):
            await world.incident(event)
    await world.incident(event)
    await world.incident(event)
    (note,) = (await world.state("alice")).of_kind(EntryKind.NOTE)
    assert note.get("text").startswith("A note about your contribution")


async def test_an_old_incident_without_a_receipt_is_not_noticed_again(
        mailed: World, smtp_server: SmtpFake):
    """Past GitHub's redelivery window a missing note is no reason to send: steps recorded
    before notices left notes have none, and an edit of their content must not mail again."""
    event = mailed.post("you are an idiot", "alice")
    mailed.mailer = refusing_mailer()
    with pytest.raises(MailError):
        await mailed.incident(event)
    mailed.mailer = working_mailer(smtp_server)
    mailed.clock.advance(days=4)
    plan = await mailed.incident(event)
    assert "notify" not in [a.kind for a in plan.actions] and smtp_server.messages == []


# ------------------------------------------------------------ which address a notice goes to


def pr_comment(world: World, author: str, commits: list[tuple[str, str, str | None]]
               ) -> ContentEvent:
    """A comment by ``author`` on a pull request with these commits (name, e-mail, login)."""
    pr = world.fake.add_pull_request(REPO, title="Fix the parser", author=author,
                                     commits=commits)
    posted = world.fake.add_comment(REPO, pr.number, "you are an idiot", author=author)
    return replace(world.post("placeholder", author), number=pr.number, body=posted.body,
                   node_id=posted.node_id, rest_id=posted.id, thread_node_id=pr.node_id,
                   html_url=f"https://github.com/{REPO}/pull/{pr.number}"
                            f"#issuecomment-{posted.id}")


async def emailed_note(world: World, login: str) -> str:
    (note,) = (await world.state(login)).of_kind(EntryKind.NOTE)
    return str(note.get("text"))


async def test_on_their_pull_request_the_commit_address_comes_first(
        mailed: World, smtp_server: SmtpFake):
    event = pr_comment(mailed, "alice", [
        ("Alice", "12345+alice@users.noreply.github.com", "alice"),
        ("Bot", "bot@example.org", "helper[bot]"),
        ("Alice", "alice@work.example", "alice"),
    ])
    await mailed.incident(event)
    assert [m.rcpt_tos for m in smtp_server.messages] == [("alice@work.example",)]
    assert messages.EMAIL_SOURCES["commit"] in await emailed_note(mailed, "alice")


async def test_with_only_noreply_commits_the_profile_address_is_used(
        mailed: World, smtp_server: SmtpFake):
    event = pr_comment(mailed, "alice", [("Alice", "alice@users.noreply.github.com", "alice")])
    await mailed.incident(event)
    assert [m.rcpt_tos for m in smtp_server.messages] == [("alice@example.org",)]
    assert messages.EMAIL_SOURCES["profile"] in await emailed_note(mailed, "alice")


async def test_someone_elses_commits_are_never_used(mailed: World, smtp_server: SmtpFake):
    mailed.fake.add_user("carol")  # no public address
    event = pr_comment(mailed, "carol", [("Alice", "alice@work.example", "alice")])
    await mailed.incident(event)
    assert smtp_server.messages == []  # the notice stays in the ledger instead
    assert (await emailed_note(mailed, "carol")).startswith("A note about your contribution")


async def test_a_noreply_profile_address_is_not_mailed(world: World, smtp_server: SmtpFake):
    world.mailer = working_mailer(smtp_server)
    world.fake.add_user("dave", email="dave@users.noreply.github.com")
    await world.incident(world.post("you are an idiot", "dave"))
    assert smtp_server.messages == []
