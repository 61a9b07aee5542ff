"""Pure parsing and planning of /coc commands (no I/O)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from governance.model import (
    ActorType,
    BlockUser,
    Category,
    HideClassifier,
    HideComment,
    Incident,
    LimitInteractions,
    Notify,
    PersonRecord,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
    Skip,
    Step,
    Surface,
    Target,
    UnblockUser,
    UnhideComment,
)
from governance.policy.commands import (
    Command,
    TargetComment,
    Verb,
    is_command,
    parse_command,
    plan_command,
)
from tests.builders import NOW, config, event

CONFIG = config(ledger={"repository": "acme/coc-ledger"})
TARGET = TargetComment(
    Target("acme/widgets", Surface.ISSUE_COMMENT, 7, "IC_bad", 5,
           "https://github.com/acme/widgets/issues/7#issuecomment-5"),
    author="mallory", body="you are all idiots")


def cmd_event(body: str, login: str = "maintainer", **kw):
    return event(body, login=login, node_id="IC_cmd", rest_id=9,
                 html_url="https://github.com/acme/widgets/issues/7#issuecomment-9", **kw)


def plan(body: str, permission: str = "write", record: PersonRecord | None = None,
         target: TargetComment | None = TARGET, **kw):
    command = parse_command(body)
    assert command is not None
    login = command.login or (target.author if target else "")
    return plan_command(command, cmd_event(body, **kw), permission,
                        record or PersonRecord(login), CONFIG, NOW, target=target)


def types(p):
    return [type(a) for a in p.actions]


# ------------------------------------------------------------------------------ parsing


@pytest.mark.parametrize(("body", "expected"), [
    ("/coc hide", Command(Verb.HIDE)),
    ("/coc hide spam selling shoes", Command(Verb.HIDE, reason="spam selling shoes")),
    ("  /COC Warn @Ann-B be kind", Command(Verb.WARN, "Ann-B", reason="be kind")),
    ("/coc ban @ann 7d repeated insults",
     Command(Verb.BAN, "ann", timedelta(days=7), reason="repeated insults")),
    ("/coc ban @ann 12h", Command(Verb.BAN, "ann", timedelta(hours=12))),
    ("/coc ban @ann permanent doxxing", Command(Verb.BAN, "ann", permanent=True,
                                                 reason="doxxing")),
    ("/coc ban @ann insults", Command(Verb.BAN, "ann", reason="insults")),
    ("/coc unban @ann", Command(Verb.UNBAN, "ann")),
    ("/coc pardon @ann not abuse, a quote", Command(Verb.PARDON, "ann",
                                                     reason="not abuse, a quote")),
    ("/coc note @ann spoke to them\nby email", Command(Verb.NOTE, "ann",
                                                       reason="spoke to them\nby email")),
    ("/coc report spam link", Command(Verb.REPORT, reason="spam link")),
    ("> you are all idiots\n\n/coc hide", Command(Verb.HIDE, quote="you are all idiots")),
])
def test_parse_commands(body, expected):
    assert parse_command(body) == expected


@pytest.mark.parametrize("body", ["please /coc hide", "hello", "", "> quote only",
                                  "/cocktail recipe"])
def test_text_that_is_not_a_command(body):
    assert parse_command(body) is None
    assert not is_command(body)


@pytest.mark.parametrize(("body", "error"), [
    ("/coc frobnicate", "unknown command"),
    ("/coc", "unknown command"),
    ("/coc warn ann", "needs an @login"),
    ("/coc ban", "needs an @login"),
    ("/coc note @ann", "needs a text"),
    ("/coc ban @ann 400d", "from 1h to 365d"),
])
def test_malformed_commands_carry_an_error(body, error):
    command = parse_command(body)
    assert command is not None and error in command.error


# ----------------------------------------------------------------------------- planning


@pytest.mark.parametrize("body", ["/coc hide", "/coc unhide", "/coc warn @mallory",
                                  "/coc ban @mallory 7d", "/coc unban @mallory",
                                  "/coc pardon @mallory", "/coc note @mallory hi"])
@pytest.mark.parametrize("permission", ["read", "triage", "none"])
def test_people_without_write_access_change_nothing(body, permission):
    p = plan(body, permission, login="reader")
    assert types(p) == [Skip]
    assert "may not use" in p.reasons[0]


@pytest.mark.parametrize("permission", ["write", "maintain", "admin", "moderator"])
def test_writers_and_the_moderators_team_may_warn(permission):
    assert RecordIncident in types(plan("/coc warn @mallory", permission))


def test_hide_hides_the_target_keeps_its_text_privately_and_hides_the_command():
    p = plan("/coc hide spam selling shoes")
    hide, note, own = p.actions
    assert hide == HideComment(TARGET.target, HideClassifier.SPAM)
    assert isinstance(note, RecordNote)
    assert (note.login, note.original_text, note.by) == ("mallory", TARGET.body, "maintainer")
    assert "selling shoes" in note.text
    assert own == HideComment(cmd_target(), HideClassifier.RESOLVED)


def cmd_target():
    e = cmd_event("")
    return Target("acme/widgets", Surface.ISSUE_COMMENT, 7, e.node_id, e.rest_id, e.html_url)


def test_commands_need_a_target_comment_in_the_thread():
    p = plan("/coc hide", target=None)
    assert types(p) == [Skip] and "no comment above" in p.reasons[0]


def test_warn_records_a_warning_by_the_moderator_and_notifies_privately():
    p = plan("/coc warn @mallory keep it civil")
    record, notify, hide = p.actions
    assert isinstance(record, RecordIncident) and isinstance(notify, Notify)
    assert (record.incident.step, record.incident.by, record.incident.key) == \
        (Step.WARNING, "maintainer", "IC_cmd")
    assert notify.template == "warning" and notify.reason == "keep it civil"
    assert isinstance(hide, HideComment) and hide.classifier is HideClassifier.RESOLVED


def test_ban_blocks_for_the_given_time():
    p = plan("/coc ban @mallory 3d")
    block, record = p.actions[:2]
    assert block == BlockUser("acme", "mallory", NOW + timedelta(days=3))
    assert record.incident.step is Step.TEMPORARY_BAN
    assert record.incident.expires_at == NOW + timedelta(days=3)


def test_ban_defaults_to_the_configured_days_and_permanent_has_no_end():
    default = plan("/coc ban @mallory").actions[0]
    assert default.until == NOW + timedelta(days=CONFIG.ladder.temporary_ban_days)
    forever = plan("/coc ban @mallory permanent")
    assert forever.actions[0] == BlockUser("acme", "mallory", None)
    assert forever.actions[1].incident.step is Step.PERMANENT_BAN


@pytest.mark.parametrize(("length", "expiry"), [
    ("12h", "one_day"), ("3d", "three_days"), ("7d", "one_week"), ("30d", "one_month"),
    ("90d", "six_months"), ("permanent", "six_months")])
def test_collaborators_only_ban_on_a_user_owned_repository_lasts_long_enough(length, expiry):
    command = parse_command(f"/coc ban @mallory {length}")
    assert command is not None
    settings = config(ledger={"repository": "acme/coc-ledger"},
                      ladder={"user_repository_bans": "collaborators-only"})
    p = plan_command(command, cmd_event("/coc ban", owner_type=ActorType.USER), "write",
                     PersonRecord("mallory"), settings, NOW, target=TARGET)
    assert p.actions[0] == LimitInteractions("acme/widgets", "collaborators_only", expiry)


def test_nobody_bans_themselves():
    p = plan("/coc ban @maintainer 7d")
    assert types(p) == [Skip]


def bot_incident(step=Step.CORRECTION, key="IC_bad", days_ago=1, **kw) -> Incident:
    return Incident(key, NOW - timedelta(days=days_ago), Category.ABUSE, ("abuse.insult",), step,
                    url=f"https://github.com/acme/widgets/issues/7#issuecomment-{key}", **kw)


def test_pardon_undoes_the_last_step_restores_content_and_unblocks_a_ban():
    record = PersonRecord("mallory", (
        bot_incident(Step.CORRECTION, "IC_1", days_ago=5),
        bot_incident(Step.TEMPORARY_BAN, "IC_2", expires_at=NOW + timedelta(days=3)),
    ))
    p = plan("/coc pardon @mallory misread sarcasm", record=record)
    unhide, unblock, pardon, _ = p.actions
    assert isinstance(unhide, UnhideComment) and unhide.target.node_id == "IC_2"
    assert unblock == UnblockUser("acme", "mallory")
    assert isinstance(pardon, RecordPardon)
    assert (pardon.incident_key, pardon.false_positive, pardon.rule_ids) == \
        ("IC_2", True, ("abuse.insult",))


def test_pardon_and_unban_in_a_user_owned_repository_lift_no_block():
    """There the ban was an interaction limit (no org to unblock in: GitHub answers 404)."""
    record = PersonRecord("mallory", (
        bot_incident(Step.TEMPORARY_BAN, "IC_2", expires_at=NOW + timedelta(days=3)),))
    user_owned = {"record": record, "owner_type": ActorType.USER}
    pardon = plan("/coc pardon @mallory", **user_owned)
    assert UnblockUser not in types(pardon) and RecordPardon in types(pardon)
    unban = plan("/coc unban @mallory", **user_owned)
    assert types(unban) == [RecordNote, RecordBanLifted, HideComment]


def test_pardon_keeps_the_block_while_another_ban_still_runs():
    record = PersonRecord("mallory", (
        bot_incident(Step.PERMANENT_BAN, "IC_1", days_ago=5),
        bot_incident(Step.TEMPORARY_BAN, "IC_2", expires_at=NOW + timedelta(days=3)),
    ))
    assert UnblockUser not in types(plan("/coc pardon @mallory", record=record))


def test_pardon_of_a_moderator_step_is_not_a_false_positive():
    incident = Incident("IC_x", NOW, None, ("moderator.warn",), Step.WARNING,
                        "https://github.com/acme/widgets/issues/7", "maintainer")
    p = plan("/coc pardon @mallory", record=PersonRecord("mallory", (incident,)))
    pardon = next(a for a in p.actions if isinstance(a, RecordPardon))
    assert not pardon.false_positive
    assert UnhideComment not in types(p)


def test_pardon_with_nothing_on_record_does_nothing_but_tidy_up():
    assert types(plan("/coc pardon @mallory")) == [Skip, HideComment]


def test_unhide_of_bot_hidden_content_records_a_false_positive():
    record = PersonRecord("mallory", (bot_incident(),))
    p = plan("/coc unhide quoting a film", record=record)
    assert types(p) == [UnhideComment, RecordPardon, HideComment]
    assert p.actions[1].false_positive


def test_unhide_of_content_without_a_step_just_notes_it():
    assert types(plan("/coc unhide")) == [UnhideComment, RecordNote, HideComment]


def test_unban_lifts_active_bans():
    record = PersonRecord("mallory", (
        bot_incident(Step.TEMPORARY_BAN, expires_at=NOW + timedelta(days=3)),))
    p = plan("/coc unban @mallory", record=record)
    assert types(p) == [UnblockUser, RecordBanLifted, HideComment]


def test_note_resolves_review_items():
    note = plan("/coc note @mallory reviewed, nothing to do").actions[0]
    assert isinstance(note, RecordNote) and note.resolves_reviews


@pytest.mark.parametrize("permission", ["none", "read", "anyone"])
def test_anyone_can_report_and_the_report_is_hidden(permission):
    p = plan("/coc report insults", permission, login="bystander")
    review, hide = p.actions
    assert isinstance(review, RecordReview)
    assert (review.login, review.url, review.original_text) == \
        ("mallory", TARGET.target.url, TARGET.body)
    assert "@bystander" in review.reason
    assert hide.target.node_id == "IC_cmd" and hide.classifier is HideClassifier.RESOLVED


def test_a_command_already_in_the_ledger_is_not_repeated():
    record = PersonRecord("mallory", entry_keys=frozenset({"IC_cmd"}))
    p = plan("/coc ban @mallory 7d", record=record)
    assert types(p) == [HideComment]


def test_bots_are_ignored():
    p = plan("/coc ban @mallory", login="helper[bot]")
    assert types(p) == [Skip]
