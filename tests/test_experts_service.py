"""The expert programme end to end: real adapters against the fake GitHub and the SMTP fake."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from governance.adapters.github import GitHubAdapter
from governance.adapters.github_activity import GitHubActivity
from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.experts.months import Month
from governance.experts.policy import CloseGrace, RevokeExpert, SendExpertNotice
from governance.experts.records import MARKER, Outcome
from governance.experts.report import render_json, render_markdown
from governance.experts.service import ExpertProgramme, ExpertsError
from tests import experts_seed as seed
from tests.builders import config
from tests.fake_github import FakeGitHub, FaultKind

if TYPE_CHECKING:
    from tests.fake_smtp import SmtpFake


LEDGER = "acme/ledger"
CONFIG = config(experts={"enabled": True, "team": "acme/experts", "minimum": 10},
                ledger={"repository": LEDGER})
NOV = Month(2026, 11)
DEC_1 = seed.day(12, 1, 6)
DEC_31 = seed.day(12, 31, 6)


@pytest.fixture
def world(fake_github: FakeGitHub) -> FakeGitHub:
    """ada answers plenty; bob (no public email) and cy (public email) fall short in November."""
    fake = fake_github
    fake.add_repo(seed.REPO)
    fake.add_repo(LEDGER, private=True)
    fake.add_user("cy", email="cy@example.org")
    fake.add_team("acme", "experts", ["ada", "bob", "cy"])
    seed.answers(fake, "ada", 4, seed.day(11, 3))
    seed.comments(fake, "bob", 2, seed.day(11, 4))
    seed.reviews(fake, "cy", 3, seed.day(11, 5))
    seed.answers(fake, "dee", 5, seed.day(11, 6))  # not an expert: a candidate
    return fake


@pytest.fixture
def programme(github: GitHubAdapter, smtp_server: SmtpFake) -> ExpertProgramme:
    mailer = SmtpMailer(SmtpSettings(smtp_server.host, smtp_server.port,
                                     "Community <experts@example.org>", security="none"))
    return ExpertProgramme(github, GitHubActivity.of(github), mailer)


def ledger_comments(fake: FakeGitHub, month: Month) -> list[str]:
    (issue,) = [i for i in fake.repo(LEDGER).issues.values()
                if i.title == f"Expert programme {month}"]
    assert issue.labels == ["expert-programme"]
    return [c.body for c in fake.comments_on(LEDGER, issue.number)]


async def test_notices_go_to_those_under_the_minimum_only(
    world: FakeGitHub, programme: ExpertProgramme, smtp_server: SmtpFake
) -> None:
    outcome = await programme.sweep(CONFIG, seed.REPO, DEC_1)

    notices = [a.notice for a in outcome.plan.effective if isinstance(a, SendExpertNotice)]
    assert [(n.login, n.score) for n in notices] == [("bob", 2), ("cy", 3)]
    (mail,) = smtp_server.messages
    assert mail.rcpt_tos == ("cy@example.org",)
    text = mail.message.get_body(("plain",)).get_content()
    assert "reach 10 between 1 December 2026 and the end of 30 December 2026 (UTC)" in text
    assert "by email because your GitHub profile shows a public email address" in text
    bob, cy = ledger_comments(world, NOV)
    assert "Hello @bob" in bob and "30 December 2026" in bob and MARKER in bob
    assert "private ledger" in bob
    assert "sent to @cy by email" in cy and "cy@example.org" not in cy
    assert any("by email" in line and "@cy" in line for line in outcome.lines)
    assert any("private ledger issue #" in line and "@bob" in line for line in outcome.lines)


async def test_a_noreply_profile_address_is_not_mailed(
    world: FakeGitHub, programme: ExpertProgramme, smtp_server: SmtpFake
) -> None:
    world.add_user("cy", email="cy@users.noreply.github.com")
    outcome = await programme.sweep(CONFIG, seed.REPO, DEC_1)
    assert smtp_server.messages == []
    assert any("private ledger issue #" in line and "@cy" in line for line in outcome.lines)


async def test_rerunning_the_sweep_changes_nothing(
    world: FakeGitHub, programme: ExpertProgramme, smtp_server: SmtpFake,
    github: GitHubAdapter,
) -> None:
    await programme.sweep(CONFIG, seed.REPO, DEC_1)
    writes = len(world.writes)
    again = ExpertProgramme(github, GitHubActivity.of(github), programme.mailer)  # fresh run
    outcome = await again.sweep(CONFIG, seed.REPO, DEC_1.replace(hour=18))
    assert outcome.plan.effective == ()
    assert len(world.writes) == writes
    assert len(smtp_server.messages) == 1


async def test_grace_ends_keeping_who_came_back_and_removing_who_did_not(
    world: FakeGitHub, programme: ExpertProgramme, github: GitHubAdapter,
    smtp_server: SmtpFake,
) -> None:
    await programme.sweep(CONFIG, seed.REPO, DEC_1)
    seed.comments(world, "bob", 10, seed.day(12, 12))  # bob re-engages within the grace
    seed.reviews(world, "cy", 1, seed.day(12, 13))  # cy does a little, not enough

    before = await programme.sweep(CONFIG, seed.REPO, seed.day(12, 30, 23))
    assert before.plan.effective == ()  # the grace period has not ended yet

    fresh = ExpertProgramme(github, GitHubActivity.of(github), programme.mailer)
    outcome = await fresh.sweep(CONFIG, seed.REPO, DEC_31)
    kept = [a.closing for a in outcome.plan.effective if isinstance(a, CloseGrace)]
    revoked = [a.closing for a in outcome.plan.effective if isinstance(a, RevokeExpert)]
    assert [(c.login, c.outcome, c.score) for c in kept] == [("bob", Outcome.KEPT, 10)]
    assert [(c.login, c.outcome, c.score) for c in revoked] == [("cy", Outcome.REVOKED, 1)]
    assert world.orgs["acme"].teams["experts"] == ["ada", "bob"]
    entries = ledger_comments(world, NOV)
    assert any("@bob re-engaged" in e for e in entries)
    assert any("@cy's expert status ended on 2026-12-31" in e and "acme/experts" in e
               for e in entries)

    writes = len(world.writes)
    last = ExpertProgramme(github, GitHubActivity.of(github), programme.mailer)
    assert (await last.sweep(CONFIG, seed.REPO, DEC_31.replace(hour=20))).plan.effective == ()
    assert len(world.writes) == writes
    assert len(smtp_server.messages) == 1  # only the original notice to cy


async def test_dry_run_plans_without_writing(
    world: FakeGitHub, programme: ExpertProgramme, smtp_server: SmtpFake
) -> None:
    outcome = await programme.sweep(CONFIG, seed.REPO, DEC_1, dry_run=True)
    assert outcome.plan.dry_run and len(outcome.plan.effective) == 2
    assert world.writes == [] and smtp_server.messages == []


async def test_records_never_go_to_a_public_repository(
    world: FakeGitHub, programme: ExpertProgramme
) -> None:
    public = config(experts={"enabled": True, "team": "acme/experts"},
                    ledger={"repository": seed.REPO})
    with pytest.raises(ExpertsError, match="not private"):
        await programme.sweep(public, seed.REPO, DEC_1)
    assert world.writes == []


async def test_report_shows_activity_grace_and_top_helpers(
    world: FakeGitHub, programme: ExpertProgramme
) -> None:
    await programme.sweep(CONFIG, seed.REPO, DEC_1)
    report = await programme.report(CONFIG, seed.REPO, NOV, seed.day(12, 2))
    assert [(e.login, e.met, e.status) for e in report.experts] == [
        ("ada", True, "active"), ("cy", False, "in grace"), ("bob", False, "in grace")]
    assert report.experts[1].grace_until == datetime(2026, 12, 30, tzinfo=UTC)
    assert [t.login for t in report.top_helpers][:2] == ["dee", "ada"]
    private = render_markdown(report)
    assert "| @bob | 0 | 2 | 0 | 0 | 2 | no | in grace until 2026-12-30 |" in private
    public = render_markdown(report, public=True)
    assert "@ada (12)" in public and "grace" not in public and "| met |" not in public
    assert '"grace_until": "2026-12-30"' in render_json(report)
    assert "grace_until" not in render_json(report, public=True)


async def test_candidates_are_helpful_non_experts(
    world: FakeGitHub, programme: ExpertProgramme
) -> None:
    found = await programme.candidates(CONFIG, seed.REPO, NOV)
    assert [(t.login, t.score) for t in found] == [("dee", 15)]


async def test_publish_writes_the_public_report_once(
    world: FakeGitHub, programme: ExpertProgramme
) -> None:
    cfg = config(experts={"enabled": True, "team": "acme/experts",
                          "publish": {"path": "docs/experts/{month}.md"}},
                 ledger={"repository": LEDGER})
    report = await programme.report(cfg, seed.REPO, NOV, seed.day(12, 2))
    where = await programme.publish(cfg, seed.REPO, report)
    assert where == "acme/widgets/docs/experts/2026-11.md"
    text = world.repo(seed.REPO).files["docs/experts/2026-11.md"].text
    assert text == render_markdown(report, public=True)
    writes = len(world.writes)
    await programme.publish(cfg, seed.REPO, report)
    assert len(world.writes) == writes


async def test_a_notice_that_could_not_be_recorded_is_sent_again_with_the_same_id(
    world: FakeGitHub, programme: ExpertProgramme, smtp_server: SmtpFake,
    github: GitHubAdapter,
) -> None:
    world.orgs["acme"].teams["experts"].remove("bob")  # only cy (email) falls short
    world.inject(FaultKind.STATUS, method="POST", path=r"/repos/acme/ledger/issues/\d+/comments",
                 status=403)
    first = await programme.sweep(CONFIG, seed.REPO, DEC_1)
    assert first.done == () and "@cy" in first.failed[0]
    retry = ExpertProgramme(github, GitHubActivity.of(github), programme.mailer)
    second = await retry.sweep(CONFIG, seed.REPO, DEC_1.replace(hour=7))
    assert second.failed == () and second.done == ("expert_notice",)
    ids = {m.message["Message-ID"] for m in smtp_server.messages}
    assert len(smtp_server.messages) == 2 and len(ids) == 1  # a duplicate mail readers can drop
    (entry,) = ledger_comments(world, NOV)
    assert "sent to @cy by email" in entry


async def test_publish_as_a_discussion_and_a_disabled_programme_does_nothing(
    world: FakeGitHub, programme: ExpertProgramme
) -> None:
    cfg = config(experts={"enabled": True, "team": "acme/experts",
                          "publish": {"discussion_category": "Announcements"}},
                 ledger={"repository": LEDGER})
    report = await programme.report(cfg, seed.REPO, NOV, seed.day(12, 2))
    url = await programme.publish(cfg, seed.REPO, report)
    posted = [d for d in world.repo(seed.REPO).discussions.values()
              if d.title == "Community experts: 2026-11"]
    assert len(posted) == 1 and url.endswith(f"/discussions/{posted[0].number}")
    assert "grace" not in posted[0].body

    off = config(experts={"enabled": False, "team": "acme/experts"},
                 ledger={"repository": LEDGER})
    writes = len(world.writes)
    assert (await programme.sweep(off, seed.REPO, DEC_1)).plan.actions == ()
    assert len(world.writes) == writes


async def test_a_failed_step_is_logged_without_whom_it_is_about(
    world: FakeGitHub, programme: ExpertProgramme, caplog: pytest.LogCaptureFixture,
) -> None:
    world.orgs["acme"].teams["experts"].remove("bob")  # only cy falls short
    world.inject(FaultKind.STATUS, method="POST", path=r"/repos/acme/ledger/issues/\d+/comments",
                 status=403)
    first = await programme.sweep(CONFIG, seed.REPO, DEC_1)
    assert "@cy" in first.failed[0]  # the maintainers' own report names them
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "expert programme" in logged and "@cy" not in logged and " cy" not in logged
