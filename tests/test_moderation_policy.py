"""Pure moderation decisions: gates, content actions and ladder steps."""

from dataclasses import replace
from datetime import timedelta

import pytest

from governance import messages
from governance.model import (
    ActorType,
    AddLabel,
    Association,
    BlockUser,
    Category,
    HideClassifier,
    Incident,
    LimitInteractions,
    Lock,
    Notify,
    PersonRecord,
    PostComment,
    RecordIncident,
    RecordReview,
    Redact,
    Skip,
    Step,
    Surface,
    Verdict,
)
from governance.policy.moderation import moderate
from governance.policy.redaction import apply_redaction
from tests.builders import NOW, config, event, verdict

LEDGER = {"repository": "acme/coc-ledger"}


def kinds(plan):
    return [a.kind for a in plan.actions]


def test_benign_content_gets_a_skip_with_its_reason():
    plan = moderate(event(), Verdict.ok(), config(), PersonRecord("someone"), NOW)
    assert plan.actions == (Skip(messages.SKIP_BENIGN),)
    assert plan.effective == ()


@pytest.mark.parametrize(("assoc", "login", "bot"), [
    (Association.MEMBER, "someone", False),
    (Association.NONE, "friendly", False),
    (Association.NONE, "helper[bot]", True),
])
def test_exempt_authors_are_left_alone(assoc, login, bot):
    cfg = config(moderation={"exempt": {"associations": ["MEMBER"], "bots": True,
                                        "logins": ["Friendly"]}})
    plan = moderate(event(association=assoc, login=login), verdict(Category.ABUSE, 0.99), cfg,
                    PersonRecord(login), NOW)
    assert kinds(plan) == ["skip"]
    assert "exempt" in plan.reasons[0]


def test_unchanged_edit_is_not_checked_again():
    edit = event("same", action="edited", previous_body="same")
    plan = moderate(edit, verdict(Category.ABUSE, 0.99), config(), PersonRecord("x"), NOW)
    assert plan.actions == (Skip(messages.SKIP_UNCHANGED),)


def test_abusive_comment_is_hidden_with_the_abuse_classifier():
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), config(), PersonRecord("x"), NOW)
    assert kinds(plan) == ["hide_comment"]
    assert plan.actions[0].classifier is HideClassifier.ABUSE
    assert plan.actions[0].target.node_id == "IC_node1"
    assert messages.SKIP_NO_LEDGER in plan.reasons


def test_borderline_score_opens_a_review_item_and_does_nothing_public():
    plan = moderate(event(), verdict(Category.ABUSE, 0.7), config(), PersonRecord("x"), NOW)
    assert kinds(plan) == ["record_review"]
    assert not any(a.public for a in plan.actions)


def test_below_review_threshold_is_benign():
    plan = moderate(event(), verdict(Category.ABUSE, 0.3), config(), PersonRecord("x"), NOW)
    assert kinds(plan) == ["skip"]


def test_disabled_category_and_rule_do_not_act():
    off = config(moderation={"rules": {"abuse": {"enabled": False}}})
    assert kinds(moderate(event(), verdict(Category.ABUSE, 0.99), off, PersonRecord("x"),
                          NOW)) == ["skip"]
    rule_off = config(moderation={"rules": {"abuse": {"disabled_rules": ["test.rule"]}}})
    assert kinds(moderate(event(), verdict(Category.ABUSE, 0.99), rule_off, PersonRecord("x"),
                          NOW)) == ["skip"]


def test_pii_is_redacted_span_by_span_and_only_on_the_version_seen():
    body = "call him on +44 7911 123456 tonight"
    ev = event(body)
    plan = moderate(ev, verdict(Category.PII, 0.97, evidence=((12, 27),)), config(),
                    PersonRecord("x"), NOW)
    (redact,) = plan.actions
    assert isinstance(redact, Redact)
    assert apply_redaction(body, redact) == f"call him on {messages.REDACTED_MARKER} tonight"
    assert apply_redaction(body + " (edited)", redact) is None


@pytest.mark.parametrize(("body_action", "expected"), [
    ("label", ["add_label"]), ("lock", ["lock"]), ("redact", ["redact", "add_label"]),
])
def test_issue_bodies_cannot_be_hidden_so_body_action_applies(body_action, expected):
    cfg = config(moderation={"body_action": body_action})
    ev = event("spam spam", surface=Surface.ISSUE, title="Buy now")
    plan = moderate(ev, verdict(Category.SOLICITATION, 0.95), cfg, PersonRecord("x"), NOW)
    assert kinds(plan) == expected
    assert all(getattr(a, "target", None) is None or a.target.surface is Surface.ISSUE
               for a in plan.actions)


def test_lock_and_notice_are_added_when_configured():
    cfg = config(moderation={"rules": {"abuse": {"lock": True, "notice": True}}})
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), cfg, PersonRecord("x"), NOW)
    assert kinds(plan) == ["hide_comment", "lock", "post_comment"]
    notice = plan.actions[2]
    assert isinstance(notice, PostComment) and "#unacceptable-behaviour" in notice.body


def test_first_incident_records_a_correction_sent_privately():
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER),
                    PersonRecord("someone"), NOW)
    assert kinds(plan) == ["hide_comment", "record_incident", "notify"]
    record, notify = plan.actions[1], plan.actions[2]
    assert isinstance(record, RecordIncident) and record.incident.step is Step.CORRECTION
    assert record.original_text == "hello"
    assert isinstance(notify, Notify) and notify.template == "correction"
    assert not record.public and not notify.public


def test_warning_can_be_a_public_comment():
    history = PersonRecord("someone", (Incident("old", NOW - timedelta(days=3), Category.ABUSE,
                                                ("r",), Step.CORRECTION),))
    cfg = config(ledger=LEDGER, ladder={"warning_channel": "comment"})
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), cfg, history, NOW)
    assert kinds(plan) == ["hide_comment", "post_comment", "record_incident"]


def test_temporary_ban_blocks_in_an_org_and_only_records_it_for_a_user_repo():
    threat = verdict(Category.ABUSE, 0.97, severity=3)
    plan = moderate(event(), threat, config(ledger=LEDGER), PersonRecord("someone"), NOW)
    block = next(a for a in plan.actions if isinstance(a, BlockUser))
    assert block.org == "acme" and block.until == NOW + timedelta(days=7)
    # GitHub first, then the ledger, then the notice: a retry after the record redoes nothing
    assert kinds(plan) == ["hide_comment", "block_user", "record_incident", "notify"]
    user_repo = event(owner_type=ActorType.USER)
    plan = moderate(user_repo, threat, config(ledger=LEDGER), PersonRecord("someone"), NOW)
    # report-only by default (tests/test_user_repository_bans.py has both settings)
    assert kinds(plan) == ["hide_comment", "record_incident", "notify"]
    assert not any(isinstance(a, LimitInteractions | BlockUser) for a in plan.actions)


KNOWN = Incident("IC_node1", NOW, Category.ABUSE, ("r",), Step.CORRECTION)


def test_known_content_is_not_recorded_twice():
    first = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER),
                     PersonRecord("someone"), NOW)
    receipt = next(a for a in first.actions if isinstance(a, Notify)).receipt_key
    history = PersonRecord("someone", (KNOWN,), entry_keys=frozenset({"IC_node1", receipt}))
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER), history,
                    NOW + timedelta(minutes=5))
    assert kinds(plan) == ["hide_comment"]
    assert plan.reasons[1:] == (messages.SKIP_KNOWN,)


def test_a_known_step_without_a_note_of_its_notice_sends_the_same_notice_again():
    first = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER),
                     PersonRecord("someone"), NOW)
    history = PersonRecord("someone", (KNOWN,), entry_keys=frozenset({"IC_node1"}))
    later = NOW + timedelta(hours=2)
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER), history, later)
    assert kinds(plan) == ["hide_comment", "notify"]
    assert messages.NOTICE_RESENT in plan.reasons
    (sent,) = [a for a in first.actions if isinstance(a, Notify)]
    assert plan.actions[1] == replace(sent, at=later)  # the same Message-ID: one mail at most


@pytest.mark.parametrize("undone", [{"pardoned": True}, {"at": NOW - timedelta(days=4)}])
def test_no_notice_again_for_an_undone_or_old_step(undone):
    history = PersonRecord("someone", (replace(KNOWN, **undone),),
                           entry_keys=frozenset({"IC_node1"}))
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER), history, NOW)
    assert kinds(plan) == ["hide_comment"]


def test_report_only_never_touches_content():
    cfg = config(moderation={"rules": {"abuse": {"action": "report-only"}}})
    plan = moderate(event(), verdict(Category.ABUSE, 0.99), cfg, PersonRecord("x"), NOW)
    assert [type(a) for a in plan.actions] == [RecordReview]


def test_label_action_labels_the_thread():
    cfg = config(moderation={"rules": {"solicitation": {"action": "label"}}})
    plan = moderate(event(), verdict(Category.SOLICITATION, 0.99), cfg, PersonRecord("x"), NOW)
    (label,) = plan.actions
    assert isinstance(label, AddLabel) and label.label == "coc:spam"
    assert label.target.surface is Surface.ISSUE and label.target.node_id == "I_node7"


def test_plan_serialises_with_stable_field_names():
    plan = moderate(event(), verdict(Category.ABUSE, 0.95), config(ledger=LEDGER),
                    PersonRecord("someone"), NOW)
    data = plan.to_dict()
    assert [a["type"] for a in data["actions"]] == ["hide_comment", "record_incident", "notify"]
    assert data["actions"][0]["classifier"] == "ABUSE"
    assert data["actions"][1]["incident"]["step"] == "correction"
    assert "hide issue_comment" in plan.render()


def test_edited_into_abuse_is_checked():
    ev = replace(event("you idiot"), action="edited", previous_body="thanks")
    plan = moderate(ev, verdict(Category.ABUSE, 0.95), config(), PersonRecord("x"), NOW)
    assert kinds(plan) == ["hide_comment"]


def test_lock_reason_matches_the_category():
    cfg = config(moderation={"body_action": "lock"})
    ev = event("x", surface=Surface.ISSUE, title="t")
    plan = moderate(ev, verdict(Category.ABUSE, 0.95), cfg, PersonRecord("x"), NOW)
    assert isinstance(plan.actions[0], Lock) and plan.actions[0].reason.value == "too heated"


def test_a_wave_member_is_boosted_and_the_wave_recorded_once_by_key():
    from governance.decision import decide
    from governance.policy.waves import Wave

    wave = Wave(2, ("a", "b"), ("acme/widgets#1", "acme/widgets#7"), "00ff")
    plan = decide(event(), config(), PersonRecord("x"), NOW,
                  verdict=verdict(Category.SOLICITATION, 0.7), wave=wave)
    assert kinds(plan) == ["hide_comment", "record_review"]
    assert plan.actions[-1].key == "wave:00ff"
    quiet = decide(event(), config(), PersonRecord("x"), NOW,
                   verdict=verdict(Category.SOLICITATION, 0.2), wave=wave)
    assert kinds(quiet) == ["skip"]


def test_malware_lure_defaults_hide_as_spam_label_thread_and_temporary_ban_for_first_timers():
    cfg = config(ledger=LEDGER, moderation={"rules": {"malware": {"notice": True}}})
    plan = moderate(event(), verdict(Category.MALWARE, 0.97), cfg, PersonRecord("someone"), NOW)
    assert kinds(plan)[:3] == ["hide_comment", "add_label", "post_comment"]
    assert plan.actions[0].classifier is HideClassifier.SPAM
    assert "suspicious download" in plan.actions[2].body
    record = next(a for a in plan.actions if isinstance(a, RecordIncident))
    assert record.incident.step is Step.TEMPORARY_BAN
    regular = event(association=Association.CONTRIBUTOR)
    plan = moderate(regular, verdict(Category.MALWARE, 0.97), cfg, PersonRecord("someone"), NOW)
    record = next(a for a in plan.actions if isinstance(a, RecordIncident))
    assert record.incident.step is Step.WARNING
