"""The monthly spotlight, rendered from pure inputs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from governance.experts.activity import Contribution, Kind
from governance.experts.months import Month, grace_window
from governance.experts.records import Channel, Closing, Notice, Outcome, Records
from governance.experts.report import MonthlyReport, build_report, render_json, render_markdown
from tests.builders import config

SETTINGS = config(experts={"enabled": True, "team": "acme/experts", "minimum": 10}).experts
NOV = Month(2026, 11)
NOW = datetime(2026, 12, 2, tzinfo=UTC)


def helped(login: str, kind: Kind, n: int) -> list[Contribution]:
    start = datetime(2026, 11, 5, tzinfo=UTC)
    return [Contribution(login, kind, start + timedelta(hours=i), "acme/widgets")
            for i in range(n)]


def report(records: Records) -> MonthlyReport:
    found = (helped("ada", Kind.ANSWER, 4) + helped("bob", Kind.REVIEW, 2)
             + helped("dee", Kind.QUESTION_COMMENT, 7))
    experts = {"ada": "ada", "bob": "bob"}
    return build_report(NOV, SETTINGS, experts, records, found, ["acme/widgets"], NOW, top=2)


def test_private_report_lists_each_expert_and_the_grace_deadline() -> None:
    notice = Notice("bob", NOV, NOW, grace_window(NOW, 30), 2, 10, Channel.EMAIL)
    text = render_markdown(report(Records((notice,))))
    assert "| @ada | 4 | 0 | 0 | 0 | 12 | yes | active |" in text
    assert "| @bob | 0 | 0 | 0 | 2 | 2 | no | in grace until 2026-12-31 |" in text
    assert "1 of 2 experts met the requirement." in text
    assert "- @bob until the end of 2026-12-31 UTC" in text
    assert "| 1 | @ada |" in text and "| 2 | @dee |" in text and "| 3 |" not in text


def test_public_report_thanks_without_private_details() -> None:
    notice = Notice("bob", NOV, NOW, grace_window(NOW, 30), 2, 10, Channel.EMAIL)
    built = report(Records((notice,)))
    text = render_markdown(built, public=True)
    assert "- @ada (12)" in text
    assert "grace" not in text and "@bob" not in text
    data = json.loads(render_json(built, public=True))
    assert [e["login"] for e in data["experts"]] == ["ada"] and "status" not in data["experts"][0]


def test_someone_revoked_this_month_still_appears_as_ended() -> None:
    closing = Closing("cy", Month(2026, 10), datetime(2026, 11, 30, tzinfo=UTC),
                      Outcome.REVOKED, 1, 10, ("acme/experts",))
    data = json.loads(render_json(report(Records((), (closing,)))))
    cy = next(e for e in data["experts"] if e["login"] == "cy")
    assert cy["status"] == "ended 2026-11-30" and cy["met"] is False
    assert data["met"] == ["ada"]


def test_public_top_helpers_leave_out_experts_under_the_minimum() -> None:
    """Someone revoked this month is under the minimum too: not a public top helper either."""
    closing = Closing("cy", Month(2026, 10), datetime(2026, 11, 30, tzinfo=UTC),
                      Outcome.REVOKED, 1, 10, ("acme/experts",))
    found = (helped("ada", Kind.ANSWER, 4) + helped("bob", Kind.REVIEW, 2)
             + helped("cy", Kind.REVIEW, 3) + helped("eve", Kind.REVIEW, 1))
    built = build_report(NOV, SETTINGS, {"ada": "ada", "bob": "bob"}, Records((), (closing,)),
                         found, ["acme/widgets"], NOW, top=2)
    assert [t.login for t in built.top_helpers] == ["ada", "cy"]  # the private report
    assert [t.login for t in built.public_helpers] == ["ada", "eve"]
    public = render_markdown(built, public=True)
    assert "| 2 | @eve |" in public and "@cy" not in public and "@bob" not in public
