"""The service over the real gidgethub adapter and the contract-checking fake GitHub:
what one event costs in GitHub calls, and that a second delivery repeats nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.decision import context_for
from governance.deployment import Deployment
from governance.model import Association, ContentEvent, Surface
from governance.service import Service
from tests.builders import config, event
from tests.clock import ManualClock
from tests.fake_github import CommentKind, FakeGitHub

REPO = "acme/widgets"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
NOTICE_CONFIG = "moderation:\n  rules:\n    abuse:\n      notice: true\n"


@pytest.fixture
def service(github: GitHubAdapter) -> Service:
    return Service(Deployment(github, ManualClock(NOW)))


def with_ledger(service: Service) -> Service:
    """The service with the ledger each config names, as ``runtime.wire`` builds it."""
    d = service.deployment
    return Service(replace(d, ledger_for=runtime.ledger_for(d.github, d.clock)))


def discussion_event(fake: FakeGitHub, body: str) -> ContentEvent:
    discussion = fake.add_discussion(REPO, title="How do I build on Windows?")
    comment = fake.add_discussion_comment(REPO, discussion.number, body, author="drive-by")
    return event(body, surface=Surface.DISCUSSION_COMMENT, login="drive-by",
                 number=discussion.number, node_id=comment.node_id, rest_id=comment.id,
                 thread_node_id=discussion.node_id, event_name="discussion_comment",
                 html_url=f"https://github.com/{REPO}/discussions/{discussion.number}")


async def test_a_notice_in_a_discussion_is_posted_once_across_deliveries(
        fake_github: FakeGitHub, service: Service):
    fake_github.add_file(REPO, ".github/governance.yml", NOTICE_CONFIG)
    ev = discussion_event(fake_github, ABUSIVE)
    config = await service.deployment.config_for(REPO)

    first = await service.run(ev, config)
    second = await service.run(ev, config)

    assert first.done == second.done == ("hide_comment", "post_comment")
    bot = [c for c in fake_github.comments_on(REPO, ev.number, CommentKind.DISCUSSION)
           if c.node_id != ev.node_id]
    assert len(bot) == 1 and "governance:comment" in bot[0].body


async def test_an_edited_version_of_the_content_gets_its_own_notice(
        fake_github: FakeGitHub, service: Service):
    fake_github.add_file(REPO, ".github/governance.yml", NOTICE_CONFIG)
    ev = discussion_event(fake_github, ABUSIVE)
    config = await service.deployment.config_for(REPO)
    await service.run(ev, config)

    edited = replace(ev, action="edited", body=ABUSIVE + " Really.", previous_body=ABUSIVE)
    await service.run(edited, config)

    bot = [c for c in fake_github.comments_on(REPO, ev.number, CommentKind.DISCUSSION)
           if c.node_id != ev.node_id]
    assert len(bot) == 2


# ------------------------------------------------------------ what an event costs

LEDGER = "acme/coc-ledger"
LEDGER_CONFIG = f"ledger:\n  repository: {LEDGER}\n"
BENIGN = "Thanks for the quick fix! I tested the patch on Windows 11 and the crash is gone."


def issue_event(fake: FakeGitHub, body: str, *, association: Association = Association.NONE,
                login: str = "drive-by") -> ContentEvent:
    issue = fake.add_issue(REPO, title="Crash on startup")
    comment = fake.add_comment(REPO, issue.number, body, author=login)
    return event(body, login=login, association=association, number=issue.number,
                 node_id=comment.node_id, rest_id=comment.id, thread_node_id=issue.node_id,
                 html_url=f"https://github.com/{REPO}/issues/{issue.number}"
                          f"#issuecomment-{comment.id}")


async def test_benign_content_costs_the_config_reads_and_no_ledger_read(
        fake_github: FakeGitHub, service: Service):
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    ev = issue_event(fake_github, BENIGN, association=Association.CONTRIBUTOR)
    service = with_ledger(service)

    outcome = await service.handle_event(ev)

    assert outcome.done == ("skip",)
    assert [(c.method, c.path) for c in fake_github.calls] == [
        ("GET", f"/repos/{REPO}/contents/.github/governance.yml"),
        ("GET", "/repos/acme/.github/contents/.github/governance.yml")]


async def test_acted_on_content_reads_the_record_before_its_ladder_step(
        fake_github: FakeGitHub, service: Service):
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    ev = issue_event(fake_github, ABUSIVE, association=Association.CONTRIBUTOR)
    service = with_ledger(service)

    outcome = await service.handle_event(ev)

    assert outcome.done[:2] == ("hide_comment", "record_incident")
    state_reads = [c for c in fake_github.calls
                   if c.method == "GET" and c.path.endswith("/people/drive-by.json")]
    assert state_reads  # the decision read the record, and the write re-read it
    first_write = next(i for i, c in enumerate(fake_github.calls) if c.is_write)
    assert fake_github.calls.index(state_reads[0]) < first_write


# ------------------------------------------------------------------ detection context


async def test_a_login_imitating_the_owner_is_flagged_as_impersonation(
        fake_github: FakeGitHub, service: Service):
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    service = with_ledger(service)
    text = "Hello from the team, we are looking into this and will get back to you."
    ev = issue_event(fake_github, text, login="acme-support")

    outcome = await service.handle_event(ev)

    assert outcome.plan is not None and outcome.plan.verdict is not None
    assert "malware.impersonation" in {h.rule_id for h in outcome.plan.verdict.hits}
    assert outcome.done == ("record_review",)
    plain = await service.handle_event(issue_event(fake_github, text, login="helpful-person"))
    assert plain.done == ("skip",)


def test_the_detection_context_names_the_author_the_owner_and_configured_staff():
    cfg = config(recognition={"exclude": {"logins": ["Ada", "bob"]}})
    context = context_for(event("hi", login="ada-official"), cfg, NOW)
    assert context.author == "ada-official"
    assert context.maintainers == ("acme", "ada", "bob")
