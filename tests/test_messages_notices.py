"""The private notices' texts: what the warning asks and when a ban ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from governance import messages
from governance.model import Category, Notify, PersonRecord, Step, Surface
from governance.policy.commands import parse_command, plan_command
from governance.policy.moderation import moderate
from tests.builders import NOW, config, event, verdict

LEDGER = {"repository": "acme/coc-ledger"}
URL = "https://github.com/acme/widgets/issues/7"


def notice_of(plan) -> Notify:
    (notice,) = [a for a in plan.actions if isinstance(a, Notify)]
    return notice


def test_the_ban_notice_names_the_day_the_ban_ends():
    notice = Notify("mallory", "ban", Step.TEMPORARY_BAN, "abuse", URL, "acme/widgets",
                    until=datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    body = messages.render_notice(notice)[1]
    assert "blocked until 29 November 2026." in body
    assert "limited time" not in body


def test_a_permanent_ban_notice_says_so():
    notice = Notify("mallory", "ban", Step.PERMANENT_BAN, "abuse", URL, "acme/widgets")
    assert "blocked permanently." in messages.render_notice(notice)[1]


def test_the_warning_asks_for_the_configured_quiet_period():
    notice = Notify("mallory", "warning", Step.WARNING, "abuse", URL, "acme/widgets",
                    quiet_days=14)
    assert "for 14 days." in messages.render_notice(notice)[1]
    one = Notify("mallory", "warning", Step.WARNING, "abuse", URL, "acme/widgets", quiet_days=1)
    assert "for 1 day." in messages.render_notice(one)[1]


def test_moderation_fills_the_ban_end_and_the_quiet_period_from_config():
    cfg = config(ledger=LEDGER, ladder={"temporary_ban_days": 22, "warning_quiet_days": 10,
                                        "start": {"abuse": "warning"}})
    warned = notice_of(moderate(event(), verdict(Category.ABUSE, 0.95), cfg,
                                PersonRecord("x"), NOW))
    assert warned.template == "warning" and warned.quiet_days == 10
    threat = verdict(Category.ABUSE, 0.97, severity=3)
    banned = notice_of(moderate(event(), threat, cfg, PersonRecord("x"), NOW))
    assert banned.until == NOW + timedelta(days=22)


def test_the_quiet_period_defaults_to_a_week():
    assert config().ladder.warning_quiet_days == 7


def test_commands_fill_the_ban_end_and_the_quiet_period():
    cfg = config(ledger=LEDGER, ladder={"warning_quiet_days": 3})
    moderator = event("/coc warn @mallory rude", login="mod")
    command = parse_command(moderator.body)
    assert command is not None
    warned = notice_of(plan_command(command, moderator, "maintain", PersonRecord("mallory"),
                                    cfg, NOW))
    assert warned.quiet_days == 3
    ban = event("/coc ban @mallory 2w spam", login="mod")
    command = parse_command(ban.body)
    assert command is not None
    banned = notice_of(plan_command(command, ban, "maintain", PersonRecord("mallory"), cfg, NOW))
    assert banned.until == NOW + timedelta(weeks=2)
    assert f"blocked until {banned.until.day} " in messages.render_notice(banned)[1]


@pytest.mark.parametrize(("surface", "url", "number"), [
    (Surface.REVIEW_COMMENT, "https://github.com/acme/widgets/pull/7#discussion_r1", 7),
    (Surface.ISSUE_COMMENT, "https://github.com/acme/widgets/pull/7#issuecomment-1", 7),
    (Surface.ISSUE_COMMENT, "https://github.com/acme/widgets/issues/7#issuecomment-1", 0),
])
def test_a_notice_on_a_pull_request_names_it_for_the_commit_addresses(surface, url, number):
    plan = moderate(event(surface=surface, html_url=url), verdict(Category.ABUSE, 0.95),
                    config(ledger=LEDGER), PersonRecord("x"), NOW)
    assert notice_of(plan).pull_request == number
    moderator = event("/coc warn @mallory rude", login="mod", html_url=url)
    command = parse_command(moderator.body)
    assert command is not None
    warned = plan_command(command, moderator, "maintain", PersonRecord("mallory"), config(
        ledger=LEDGER), NOW)
    assert notice_of(warned).pull_request == number
