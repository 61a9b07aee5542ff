"""The sweep sends a private notice whose step was recorded but which never went out: the
notice the redelivery would send (same Message-ID, same three days), once, from one replica."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from governance.adapters.mail import MailError
from governance.cli import main
from governance.executor import Executor
from governance.ledger.state import EntryKind
from governance.model import ContentEvent, Notify, Step
from governance.policy.moderation import NOTICE_RETRY, notice_for
from governance.policy.sweep import NOTICE_GRACE, PlannedNotice, unsent_notices
from governance.sweep import planned_notices, sweep_people
from tests.fake_smtp import SmtpFake
from tests.ledger_world import LEDGER, World, world_config, world_fixture  # noqa: F401  (fixture)
from tests.test_executor_notices import refusing_mailer, working_mailer


@pytest.fixture
def mailed(world: World) -> World:
    for login in ("alice", "bob"):
        world.fake.add_user(login, email=f"{login}@example.org")
    return world


async def lost_notice(world: World, body: str = "you are an idiot") -> ContentEvent:
    """A step recorded whose notice never went out (the mail server was down)."""
    event = world.post(body, "alice")
    world.mailer = refusing_mailer()
    with pytest.raises(MailError):
        await world.incident(event)
    return event


async def sweep_with_mail(world: World, smtp: SmtpFake, **options: object) -> list:
    executor = Executor(world.github, world.ledger, working_mailer(smtp))
    return await sweep_people(world.github, world.ledger, world.clock.now(), False,
                       executor=executor, notices=True, config=world.config, **options)


def receipts(state) -> list[str]:
    return [e.key for e in state.of_kind(EntryKind.NOTE) if e.key.startswith("notice:")]


async def test_a_lost_notice_is_sent_once_with_the_message_id_of_its_step(
        mailed: World, smtp_server: SmtpFake):
    decided_at = mailed.clock.now()
    event = await lost_notice(mailed)
    (incident,) = (await mailed.state("alice")).record().incidents
    expected = notice_for(event, incident, mailed.config, decided_at)
    assert expected is not None
    mailed.clock.advance(minutes=20)

    (plan,) = await sweep_with_mail(mailed, smtp_server)

    assert [a.kind for a in plan.actions] == ["notify"]
    [message] = smtp_server.messages
    assert message.rcpt_tos == ("alice@example.org",)
    assert message.message["Message-ID"].strip("<>").startswith(expected.message_id)
    assert "harassment and abuse" in message.message.get_body(("plain",)).get_content()
    assert receipts(await mailed.state("alice")) == [expected.receipt_key]

    writes = len(mailed.fake.writes)
    assert await sweep_with_mail(mailed, smtp_server) == []
    assert len(smtp_server.messages) == 1 and mailed.fake.writes[writes:] == []
    mailed.clock.advance(hours=2)
    await mailed.incident(event)  # and a late redelivery sees the receipt too
    assert len(smtp_server.messages) == 1


async def test_a_young_step_is_left_to_its_delivery_and_an_old_one_alone(
        mailed: World, smtp_server: SmtpFake):
    await lost_notice(mailed)
    mailed.clock.advance(seconds=NOTICE_GRACE.total_seconds() - 60)
    assert await sweep_with_mail(mailed, smtp_server) == []
    mailed.clock.advance(seconds=NOTICE_RETRY.total_seconds())
    assert await sweep_with_mail(mailed, smtp_server) == []
    assert smtp_server.messages == []


async def test_replicas_sweeping_at_once_send_the_notice_once(
        mailed: World, smtp_server: SmtpFake):
    await lost_notice(mailed)
    mailed.clock.advance(minutes=30)

    await asyncio.gather(*(sweep_with_mail(mailed, smtp_server) for _ in range(3)))

    assert len(smtp_server.messages) == 1
    state = await mailed.state("alice")
    assert len(receipts(state)) == 1
    assert len([e for e in state.of_kind(EntryKind.NOTE)
                if e.key.startswith("notice-claim:")]) == 1


async def test_a_moderators_lost_notice_gives_the_moderators_reason(
        mailed: World, smtp_server: SmtpFake):
    mailed.mailer = refusing_mailer()
    with pytest.raises(MailError):
        await mailed.service.command(mailed.post("/coc warn @alice spamming the tracker",
                                                 "maintainer"), mailed.config)
    mailed.clock.advance(hours=1)

    await sweep_with_mail(mailed, smtp_server)

    [message] = smtp_server.messages
    body = message.message.get_body(("plain",)).get_content()
    assert "spamming the tracker" in body and "for 7 days" in body


async def test_a_warning_posted_as_a_comment_has_no_notice_to_send(
        mailed: World, smtp_server: SmtpFake):
    mailed.config = world_config(warning_channel="comment")
    mailed.mailer = working_mailer(smtp_server)
    await mailed.incident(mailed.post("you are an idiot", "alice"))  # correction, mailed
    mailed.clock.advance(hours=1)
    await mailed.incident(mailed.post("you are an idiot again", "alice"))  # public warning
    steps = [i.step for i in (await mailed.state("alice")).record().incidents]
    assert steps == [Step.CORRECTION, Step.WARNING]
    mailed.clock.advance(hours=1)

    assert await sweep_with_mail(mailed, smtp_server) == []
    assert len(smtp_server.messages) == 1


async def test_the_dry_run_lists_the_notice_and_sends_nothing(
        mailed: World, smtp_server: SmtpFake):
    await lost_notice(mailed)
    mailed.clock.advance(hours=1)
    writes = len(mailed.fake.writes)
    executor = Executor(mailed.github, mailed.ledger, working_mailer(smtp_server))
    (plan,) = await sweep_people(mailed.github, mailed.ledger, mailed.clock.now(), True,
                          executor=executor, notices=True)
    assert plan.dry_run and [a.kind for a in plan.actions] == ["notify"]
    assert smtp_server.messages == [] and mailed.fake.writes[writes:] == []


async def test_without_notices_the_sweep_leaves_them_to_redeliveries(
        mailed: World, smtp_server: SmtpFake):
    await lost_notice(mailed)
    mailed.clock.advance(hours=1)
    executor = Executor(mailed.github, mailed.ledger, working_mailer(smtp_server))
    assert await sweep_people(mailed.github, mailed.ledger, mailed.clock.now(), False,
                       executor=executor) == []
    assert smtp_server.messages == []


# ------------------------------------------------------------------------ pure parts


async def test_planned_notices_read_the_steps_ledger_entries(mailed: World):
    await lost_notice(mailed)
    mailed.mailer = refusing_mailer()
    with pytest.raises(MailError):
        await mailed.service.command(mailed.post("/coc ban @alice 3d", "maintainer"),
                                     mailed.config)
    state = await mailed.state("alice")
    keys = [e.key for e in state.of_kind(EntryKind.INCIDENT)]
    assert planned_notices(state) == [PlannedNotice(keys[0], "abuse", "correction"),
                                      PlannedNotice(keys[1], "the code of conduct", "ban")]


async def test_a_ban_notice_in_a_persons_repository_is_resent_with_its_own_text(
        mailed: World):
    await lost_notice(mailed)
    record = (await mailed.state("alice")).record()
    (incident,) = record.incidents
    later = incident.at + timedelta(hours=1)
    banned = replace(incident, step=Step.TEMPORARY_BAN, expires_at=incident.at + timedelta(days=7))
    [notice] = unsent_notices(replace(record, incidents=(banned,)),
                              [PlannedNotice(incident.key, "abuse", "ban-recorded")], later, 7)
    assert notice.template == "ban-recorded" and notice.limit_until is None
    [limited] = unsent_notices(replace(record, incidents=(banned,)),
                               [PlannedNotice(incident.key, "abuse", "ban-collaborators")],
                               later, 7)
    assert limited.limit_until is not None and limited.limit_until >= banned.expires_at


async def test_an_unsent_notice_rebuilds_the_pull_request_and_repository(mailed: World):
    await lost_notice(mailed)
    record = (await mailed.state("alice")).record()
    (incident,) = record.incidents
    on_pr = replace(incident, url="https://github.com/acme/widgets/pull/12#discussion_r5")
    later = incident.at + timedelta(hours=1)
    [notice] = unsent_notices(replace(record, incidents=(on_pr,)),
                              [PlannedNotice(incident.key, "abuse")], later, 7)
    assert isinstance(notice, Notify)
    assert (notice.repo, notice.pull_request, notice.quiet_days) == ("acme/widgets", 12, 0)
    assert notice.at == incident.at and notice.template == "correction"


# ------------------------------------------------------------------ governance sweep


async def test_governance_sweep_mails_the_lost_notice(mailed: World, smtp_server: SmtpFake,
                                                      capsys: pytest.CaptureFixture[str]):
    mailed.clock.moment = datetime.now(UTC) - timedelta(hours=1)  # the CLI reads the real clock
    await lost_notice(mailed)
    env = {"GITHUB_API_URL": mailed.fake.url, "GITHUB_TOKEN": "test-token",
           "SMTP_HOST": smtp_server.host, "SMTP_PORT": str(smtp_server.port),
           "SMTP_TLS": "none", "SMTP_FROM": "conduct@example.org"}

    code = await asyncio.to_thread(main, ["sweep", "--ledger", LEDGER], env)

    assert code == 0, capsys.readouterr().err
    assert [m.rcpt_tos for m in smtp_server.messages] == [("alice@example.org",)]
    assert "notify @alice privately (correction)" in capsys.readouterr().out
