"""Moderators hear about it: new review items reach a loopback webhook receiver (the exact
JSON, no personal data) and an e-mail digest (real SMTP); reminders go out once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.adapters.webhook import WebhookPoster
from governance.config.types import Notifications
from governance.ledger import notifications as plan
from governance.ledger.notify import notify_moderators
from governance.model import RecordReview
from tests.fake_smtp import SmtpFake
from tests.ledger_world import LEDGER, World, world_fixture  # noqa: F401  (the world fixture)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def settings(webhook: bool = False, email: tuple[str, ...] = (), digest: str = "hourly"
             ) -> Notifications:
    return Notifications(email, digest, webhook, 3)


def item(key: str, source: str = "community report") -> plan.Item:
    return plan.Item(key, source, NOW - timedelta(hours=1), "https://github.com/a/l/issues/1")


def test_new_items_once_a_reminder_once_and_closed_items_forgotten():
    cfg = settings(webhook=True)
    first = plan.plan_round([item("a/r1")], plan.Sent({}), NOW, cfg)
    assert [i.key for i in first.new] == ["a/r1"] and first.reminders == ()
    again = plan.plan_round([item("a/r1")], first.state, NOW + timedelta(days=1), cfg)
    assert again.new == again.reminders == () and again.state == first.state
    late = plan.plan_round([item("a/r1")], first.state, NOW + timedelta(days=3), cfg)
    assert [i.key for i in late.reminders] == ["a/r1"]
    later = plan.plan_round([item("a/r1")], late.state, NOW + timedelta(days=9), cfg)
    assert later.reminders == ()
    assert plan.plan_round([], later.state, NOW, cfg).state.seen == {}


def test_the_digest_waits_for_its_period_and_holds_what_came_since():
    cfg = settings(email=("mods@example.org",), digest="daily")
    first = plan.plan_round([item("a/r1")], plan.Sent({}), NOW, cfg)
    assert [(k, i.key) for k, i in first.digest] == [("new", "a/r1")]
    soon = plan.plan_round([item("a/r1"), item("b/r2")], first.state,
                           NOW + timedelta(hours=2), cfg)
    assert soon.digest == () and [i.key for i in soon.new] == ["b/r2"]
    next_day = plan.plan_round([item("a/r1"), item("b/r2")], soon.state,
                               NOW + timedelta(days=1), cfg)
    assert [(k, i.key) for k, i in next_day.digest] == [("new", "b/r2")]
    assert plan.from_json(plan.to_json(next_day.state)) == next_day.state


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    """A loopback HTTP server that keeps every JSON body posted to /hook."""
    got: list[dict[str, Any]] = []

    async def hook(request: web.Request) -> web.Response:
        got.append(await request.json())
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}/hook", got
    await runner.cleanup()


async def test_a_round_posts_the_exact_json_and_mails_the_digest(
        world: World, receiver: tuple[str, list[dict[str, Any]]], smtp_server: SmtpFake):
    url, got = receiver
    await world.ledger.record_review(RecordReview(
        "mallory", "r1", "https://github.com/acme/widgets/issues/1#issuecomment-9",
        "reported by @reader: rude", (), "you are an idiot"))
    issue = world.person_issue("mallory")
    link = f"https://github.com/{LEDGER}/issues/{issue.number}"
    mailer = SmtpMailer(SmtpSettings(smtp_server.host, smtp_server.port,
                                     "Conduct <conduct@example.org>", security="none"))
    cfg = settings(webhook=True, email=("mods@example.org",))

    async with aiohttp.ClientSession() as session:
        post = WebhookPoster(session)
        lines = await notify_moderators(world.ledger, cfg, NOW, mailer=mailer, post=post,
                                           webhook_url=url)
        assert lines == ["notify: 1 new, 0 reminders, digest of 1"]
        text = f"New review item in the conduct ledger {LEDGER} (community report): {link}"
        assert got == [{"text": text, "content": text, "event": "new",
                        "source": "community report", "ledger": LEDGER, "link": link,
                        "opened_at": world.clock.now().isoformat()}]
        (mail,) = smtp_server.messages
        assert mail.rcpt_tos == ("mods@example.org",)
        body = mail.message.get_body(("plain",)).get_content()
        assert "- community report (new, opened " in body and link in body
        for personal in ("mallory", "reader", "idiot", "issuecomment"):
            assert personal not in str(got) and personal not in body

        assert await notify_moderators(world.ledger, cfg, NOW + timedelta(hours=1),
                                       mailer=mailer, post=post,
                                           webhook_url=url) == []
        await notify_moderators(world.ledger, cfg, NOW + timedelta(days=3), mailer=mailer,
                                post=post, webhook_url=url)
        assert [g["event"] for g in got] == ["new", "reminder"]
        assert len(smtp_server.messages) == 2
        assert "reminder, still open" in smtp_server.messages[1].message.get_body(
            ("plain",)).get_content()
        await notify_moderators(world.ledger, cfg, NOW + timedelta(days=7), mailer=mailer,
                                post=post, webhook_url=url)
        assert len(got) == 2 and len(smtp_server.messages) == 2


async def test_a_refusing_receiver_does_not_stop_the_round(world: World):
    await world.ledger.record_review(RecordReview("mallory", "r1", "u", "spam wave", ()))
    async with aiohttp.ClientSession() as session:
        lines = await notify_moderators(world.ledger, settings(webhook=True), NOW,
                                        mailer=None, post=WebhookPoster(session),
                                        webhook_url="http://127.0.0.1:9/x")
    assert lines == ["notify: 1 new, 0 reminders, digest of 0"]
    assert plan.PATH in world.fake.repo(LEDGER).files  # claimed: not sent twice


async def test_the_sweep_runs_the_round_of_the_config_naming_the_ledger(world: World, capsys):
    import asyncio

    from governance.cli import main
    from tests.ledger_world import REPO

    world.fake.add_file(REPO, ".github/governance.yml",
                        f"ledger:\n  repository: {LEDGER}\nnotifications:\n"
                        "  webhook: true\n")
    await world.ledger.record_review(RecordReview("mallory", "r1", "u", "spam wave", ()))
    env = {"GITHUB_API_URL": world.fake.url, "GITHUB_TOKEN": "test-token"}
    code = await asyncio.to_thread(main, ["sweep", "--dry-run", "--ledger", LEDGER,
                                          "--repo", REPO], env)
    assert code == 0
    assert "notify: 1 new, 0 reminders, digest of 0" in capsys.readouterr().out
    assert plan.PATH not in world.fake.repo(LEDGER).files  # a dry run claims nothing


async def test_a_config_cannot_name_a_webhook_url_and_the_deployment_secret_is_https():
    from governance.config.load import ConfigError, load_config
    from governance.settings import SettingsError, load_settings

    with pytest.raises(ConfigError):
        load_config("notifications:\n  webhook: https://evil.example/steal\n", None)
    env = {"GITHUB_TOKEN": "t", "MODERATORS_WEBHOOK_URL": "http://hooks.example/x"}
    with pytest.raises(SettingsError, match="MODERATORS_WEBHOOK_URL"):
        load_settings(env, "token")
    hook = load_settings({**env, "MODERATORS_WEBHOOK_URL": "https://hooks.example/x"},
                         "token").moderators_webhook
    assert hook is not None and hook.reveal() == "https://hooks.example/x"
    assert "hooks.example" not in repr(hook)
