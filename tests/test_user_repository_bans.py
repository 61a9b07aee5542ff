"""Bans in repositories owned by a person: GitHub lets no App block anyone there, so a ban is
recorded and reported (``report-only``) or limits the whole repository to its collaborators
(``collaborators-only``), and every text says which, never "blocked"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from governance import messages
from governance.model import (
    ActorType,
    BlockUser,
    Category,
    Incident,
    LimitInteractions,
    Notify,
    PersonRecord,
    RecordIncident,
    RecordNote,
    Step,
    UnblockUser,
)
from governance.policy.commands import parse_command, plan_command
from governance.policy.moderation import limit_end, moderate
from tests.builders import NOW, config, event, verdict

LEDGER = {"repository": "acme/coc-ledger"}
THREAT = verdict(Category.ABUSE, 0.97, severity=3)
USER = ActorType.USER


def cfg(mode: str | None = None):
    return config(ledger=LEDGER, ladder={"user_repository_bans": mode} if mode else {})


def of(plan, kind):
    return [a for a in plan.actions if isinstance(a, kind)]


def test_report_only_is_the_default():
    assert cfg().ladder.user_repository_bans == "report-only"


def test_report_only_ban_sets_no_limit_and_the_ledger_says_how_the_owner_blocks():
    plan = moderate(event(owner_type=USER), THREAT, cfg(), PersonRecord("someone"), NOW)
    assert not of(plan, LimitInteractions) and not of(plan, BlockUser)
    (record,) = of(plan, RecordIncident)
    told = messages.USER_REPO_BAN_RECORDED.format(owner="acme", login="someone")
    assert told in record.actions_taken and told in plan.reasons
    assert "Settings" in told and "Blocked users" in told
    (notice,) = of(plan, Notify)
    assert notice.template == "ban-recorded"


@pytest.mark.parametrize(("days", "expiry"), [(1, "one_day"), (7, "one_week"),
                                              (14, "one_month"), (90, "six_months")])
def test_collaborators_only_limits_the_whole_repository_for_the_ban(days, expiry):
    settings = config(ledger=LEDGER, ladder={"user_repository_bans": "collaborators-only",
                                             "temporary_ban_days": days})
    plan = moderate(event(owner_type=USER), THREAT, settings, PersonRecord("x"), NOW)
    assert of(plan, LimitInteractions) == [
        LimitInteractions("acme/widgets", "collaborators_only", expiry)]
    (record,) = of(plan, RecordIncident)
    told = messages.USER_REPO_COLLABORATORS_ONLY.format(repo="acme/widgets", expiry=expiry)
    assert told in record.actions_taken and told in plan.reasons
    assert of(plan, Notify)[0].template == "ban-collaborators"


def test_no_ban_anywhere_uses_the_existing_users_limit():
    for mode in ("report-only", "collaborators-only"):
        plan = moderate(event(owner_type=USER), THREAT, cfg(mode), PersonRecord("x"), NOW)
        assert all(a.limit != "existing_users" for a in of(plan, LimitInteractions))
        command = parse_command("/coc ban @mallory 7d")
        assert command is not None
        p = plan_command(command, event("/coc ban @mallory 7d", login="mod", owner_type=USER),
                         "write", PersonRecord("mallory"), cfg(mode), NOW)
        assert all(a.limit != "existing_users" for a in of(p, LimitInteractions))


def test_an_organisation_ban_still_blocks_and_says_blocked():
    plan = moderate(event(), THREAT, cfg("collaborators-only"), PersonRecord("x"), NOW)
    assert of(plan, BlockUser) and not of(plan, LimitInteractions)
    subject, body = messages.render_notice(of(plan, Notify)[0])
    assert subject == "You have been blocked from acme" and "blocked until" in body


# ------------------------------------------------------------------------------ notices


# Every notice of a step ends with how to appeal it (no deadline: ``appeal_by`` not set here).
APPEAL = messages.APPEAL_PARAGRAPH.substitute(deadline="within the appeal period",
                                              repo="acme/widgets")


def notice(template: str, step: Step = Step.TEMPORARY_BAN, until=NOW + timedelta(days=7)):
    until = until if step is Step.TEMPORARY_BAN else None
    return Notify("mallory", template, step, "abuse", "https://github.com/acme/widgets/issues/7",
                  "acme/widgets", at=NOW, until=until,
                  limit_until=limit_end(template, NOW, until))


def test_report_only_notice_says_a_ban_was_recorded_and_the_owner_may_block():
    subject, body = messages.render_notice(notice("ban-recorded"))
    assert subject == "A ban under the code of conduct of acme/widgets"
    assert body == (
        "Hello @mallory,\n\nThe maintainers of acme/widgets have recorded a ban on you under "
        "its code of conduct (https://github.com/acme/widgets/blob/HEAD/CODE_OF_CONDUCT.md"
        "#unacceptable-behaviour), until 29 November 2026. Please do not take part in "
        "acme/widgets during it. The repository belongs to a personal account, and GitHub "
        "does not let the project's bot block anyone from it; its owner, @acme, may block "
        "you from their account.\n") + APPEAL
    assert "blocked from" not in subject + body


def test_collaborators_only_notice_says_the_repository_is_limited_until_the_date():
    subject, body = messages.render_notice(notice("ban-collaborators"))
    assert subject == "acme/widgets is limited to collaborators"
    assert body == (
        "Hello @mallory,\n\nThe maintainers of acme/widgets have recorded a ban on you under "
        "its code of conduct (https://github.com/acme/widgets/blob/HEAD/CODE_OF_CONDUCT.md"
        "#unacceptable-behaviour), until 29 November 2026. GitHub does not let the project's "
        "bot block one person from a repository owned by a personal account, so acme/widgets "
        "is limited to its collaborators until 29 November 2026: only they can comment or "
        "open issues and pull requests there.\n") + APPEAL
    assert "blocked from" not in subject + body


def test_a_permanent_ban_notice_in_a_user_repository_names_no_false_date():
    _, recorded = messages.render_notice(notice("ban-recorded", Step.PERMANENT_BAN))
    assert "with no end date" in recorded
    _, limited = messages.render_notice(notice("ban-collaborators", Step.PERMANENT_BAN))
    assert "with no end date" in limited
    assert "limited to its collaborators until 21 May 2027" in limited  # six months


def test_the_collaborators_limit_end_is_the_limit_github_sets_not_the_ban_end():
    _, body = messages.render_notice(notice("ban-collaborators", until=NOW + timedelta(days=10)))
    assert "), until 2 December 2026." in body  # the ban
    assert "collaborators until 22 December 2026" in body  # one_month, GitHub's next length


@pytest.mark.parametrize("mode", ["report-only", "collaborators-only"])
def test_planned_notices_carry_the_limit_end_only_with_a_limit(mode):
    settings = config(ledger=LEDGER, ladder={"user_repository_bans": mode,
                                             "temporary_ban_days": 10})
    plan = moderate(event(owner_type=USER), THREAT, settings, PersonRecord("x"), NOW)
    limited = mode == "collaborators-only"
    assert of(plan, Notify)[0].limit_until == (NOW + timedelta(days=30) if limited else None)
    banned = command_plan("/coc ban @mallory permanent", mode)
    assert of(banned, Notify)[0].limit_until == (NOW + timedelta(days=180) if limited else None)


def test_every_notice_template_has_a_title_for_the_ledger():
    assert set(messages.NOTICE_TITLES) == set(messages.NOTICE_TEMPLATES)


# ----------------------------------------------------------------------------- commands


def command_plan(body: str, mode: str, record: PersonRecord | None = None):
    command = parse_command(body)
    assert command is not None
    ev = event(body, login="maintainer", owner_type=USER, node_id="IC_cmd",
               html_url="https://github.com/acme/widgets/issues/7#issuecomment-9")
    return plan_command(command, ev, "write", record or PersonRecord("mallory"), cfg(mode), NOW)


def test_ban_command_in_a_user_repository_follows_the_setting():
    recorded = command_plan("/coc ban @mallory 3d", "report-only")
    assert not of(recorded, LimitInteractions)
    assert messages.USER_REPO_BAN_RECORDED.format(owner="acme", login="mallory") in \
        of(recorded, RecordIncident)[0].actions_taken
    assert of(recorded, Notify)[0].template == "ban-recorded"
    limited = command_plan("/coc ban @mallory 3d", "collaborators-only")
    assert of(limited, LimitInteractions) == [
        LimitInteractions("acme/widgets", "collaborators_only", "three_days")]
    assert of(limited, Notify)[0].template == "ban-collaborators"


BAN = Incident("IC_2", NOW - timedelta(days=1), Category.ABUSE, ("abuse.insult",),
               Step.TEMPORARY_BAN, "https://github.com/acme/widgets/issues/7#issuecomment-2",
               expires_at=NOW + timedelta(days=3))


@pytest.mark.parametrize(("mode", "text"), [
    ("report-only", messages.USER_REPO_UNBLOCK_BY_OWNER.format(owner="acme", login="mallory")),
    ("collaborators-only", messages.USER_REPO_LIMIT_LEFT.format(repo="acme/widgets")),
])
@pytest.mark.parametrize("verb", ["unban", "pardon"])
def test_unban_and_pardon_record_what_is_left_to_the_owner_or_to_github(mode, text, verb):
    p = command_plan(f"/coc {verb} @mallory", mode, PersonRecord("mallory", (BAN,)))
    assert not of(p, UnblockUser) and not of(p, LimitInteractions)
    assert [n.text for n in of(p, RecordNote)] == [text]


def test_unban_without_a_ban_says_nothing_about_the_owner():
    p = command_plan("/coc unban @mallory", "report-only")
    (note,) = of(p, RecordNote)
    assert note.text.startswith("Unblocked by @maintainer (no ban on record)")
