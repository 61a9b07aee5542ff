"""Ledger state files: version 2 keeps a step's planned notice as fields; version-1 files
written by the earlier bot are read, their notices recovered, and rewritten as version 2."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from governance.ledger.state import SCHEMA_VERSION, from_json, incident_entry, to_json
from governance.model import Incident, Notify, RecordIncident, Step
from governance.policy.sweep import PlannedNotice, unsent_notices
from governance.sweep import planned_notices

AT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def v1_entry(key: str, step: str, category: str | None, rule_summary: str,
             taken: list[str]) -> dict[str, object]:
    return {"kind": "incident", "key": key, "at": AT.isoformat(), "by": "bot",
            "recorded_at": AT.isoformat(), "revision": 1,
            "details": {"category": category, "rule_ids": ["abuse.insult"], "step": step,
                        "url": "https://github.com/acme/widgets/issues/1#issuecomment-1",
                        "expires_at": None, "rule_summary": rule_summary,
                        "evidence": ["you idiot"], "original_text": "you idiot",
                        "actions_taken": taken}}


V1 = {"schema": 1, "login": "grumpy", "revision": 3, "entries": [
    v1_entry("IC_1", "correction", "abuse", "abuse",
             ["hide issue_comment", "notify @grumpy privately (correction)"]),
    v1_entry("IC_2", "warning", None, "moderator decision: repeated insults",
             ["notify @grumpy privately (warning)"]),
    v1_entry("IC_3", "warning", "abuse", "abuse", ["post comment on the thread"]),
]}


def test_a_version_1_file_is_read_with_its_planned_notices():
    state = from_json(json.dumps(V1))

    assert planned_notices(state) == [
        PlannedNotice("IC_1", "abuse", "correction"),
        PlannedNotice("IC_2", "repeated insults", "warning"),
    ]  # IC_3's warning was a public comment: no notice to resend


def test_a_version_1_file_is_rewritten_as_version_2_without_loss():
    rewritten = json.loads(to_json(from_json(json.dumps(V1))))

    assert rewritten["schema"] == SCHEMA_VERSION == 2
    for old, new in zip(V1["entries"], rewritten["entries"], strict=True):
        notice = new["details"].pop("notice")
        assert new == old  # every version-1 field is kept as it was
        assert (notice is None) == (old["key"] == "IC_3")
    again = from_json(to_json(from_json(json.dumps(V1))))
    assert planned_notices(again) == planned_notices(from_json(json.dumps(V1)))


def test_an_unknown_schema_is_refused():
    try:
        from_json(json.dumps({**V1, "schema": 3}))
    except ValueError as exc:
        assert "schema 3" in str(exc)
    else:
        raise AssertionError("schema 3 was read")


def test_the_sweep_resends_the_removed_text_and_the_revoke_advice_it_planned():
    incident = Incident("IC_9", AT, None, ("pii.secret.github_token",), Step.CORRECTION,
                        "https://github.com/acme/widgets/issues/1#issuecomment-9")
    notice = Notify("leaky", "correction", Step.CORRECTION, "pii", incident.url,
                    "acme/widgets", incident="IC_9", at=AT, removed="deleted",
                    removed_text="my config: [removed]", secret=True)
    entry = incident_entry(RecordIncident("leaky", incident, "personal data",
                                          notice=notice), AT)
    state = from_json(to_json(_state_of("leaky", entry)))

    [planned] = planned_notices(state)
    [resent] = unsent_notices(state.record(), [planned], AT + timedelta(hours=1), 0)

    assert (resent.removed, resent.removed_text, resent.secret) == (
        "deleted", "my config: [removed]", True)
    assert (resent.template, resent.reason, resent.incident) == ("correction", "pii", "IC_9")


def _state_of(login: str, entry):  # type: ignore[no-untyped-def]
    from governance.ledger.state import PersonState

    added = PersonState(login).add(entry)
    assert added is not None
    return added
