"""The service over the real gidgethub adapter and the contract-checking fake GitHub:
what one event costs in GitHub calls, and that a second delivery repeats nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from governance.adapters.github import GitHubAdapter
from governance.model import ContentEvent, Surface
from governance.service import Service
from tests.builders import event
from tests.fake_github import CommentKind, FakeGitHub

REPO = "acme/widgets"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
NOTICE_CONFIG = "moderation:\n  rules:\n    abuse:\n      notice: true\n"


class Clock:
    def now(self) -> datetime:
        return NOW


@pytest.fixture
def service(github: GitHubAdapter) -> Service:
    return Service(github, Clock())


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
    config = await service.config_for(REPO)

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
    config = await service.config_for(REPO)
    await service.run(ev, config)

    edited = replace(ev, action="edited", body=ABUSIVE + " Really.", previous_body=ABUSIVE)
    await service.run(edited, config)

    bot = [c for c in fake_github.comments_on(REPO, ev.number, CommentKind.DISCUSSION)
           if c.node_id != ev.node_id]
    assert len(bot) == 2
