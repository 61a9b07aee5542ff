"""Through the service: spam waves follow the repository's ``moderation.spam_waves``."""

from __future__ import annotations

from datetime import UTC, datetime

from governance.adapters.github import GitHubAdapter
from governance.adapters.recent_memory import RecentMemory
from governance.deployment import Deployment
from governance.model import Association, ContentEvent, RecordReview
from governance.service import Service
from tests.builders import event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

REPO = "acme/widgets"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
BORDERLINE = ("We build custom dashboards like this for clients, happy to help your team with "
              "it if you want.")


def comment(fake: FakeGitHub, login: str) -> ContentEvent:
    issue = fake.add_issue(REPO, title="Dashboards")
    posted = fake.add_comment(REPO, issue.number, BORDERLINE, author=login)
    return event(BORDERLINE, login=login, association=Association.CONTRIBUTOR,
                 number=issue.number, node_id=posted.node_id, rest_id=posted.id,
                 thread_node_id=issue.node_id)


async def second_of_two(fake: FakeGitHub, github: GitHubAdapter, config: str,
                        hours_apart: float = 1) -> tuple[list[str], RecentMemory]:
    """The same text in two threads, ``hours_apart``: the wave review keys of the second."""
    if config:
        fake.add_file(REPO, ".github/governance.yml", config)
    else:
        fake.add_repo(REPO)
    clock, memory = ManualClock(NOW), RecentMemory()
    service = Service(Deployment(github, clock, recent=memory, dry_run=True))
    await service.handle_event(comment(fake, "seller1"))
    clock.advance(hours=hours_apart)
    outcome = await service.handle_event(comment(fake, "seller2"))
    assert outcome.plan is not None
    return [a.key for a in outcome.plan.actions
            if isinstance(a, RecordReview) and a.key.startswith("wave:")], memory


async def test_by_default_the_same_text_in_two_threads_is_one_wave(
        fake_github: FakeGitHub, github: GitHubAdapter):
    keys, _ = await second_of_two(fake_github, github, "", hours_apart=20)
    assert len(keys) == 1


async def test_waves_off_compare_nothing_and_remember_nothing(
        fake_github: FakeGitHub, github: GitHubAdapter):
    keys, memory = await second_of_two(
        fake_github, github, "moderation:\n  spam_waves:\n    enabled: false\n")
    assert keys == []
    assert await memory.sightings(event(BORDERLINE)) == ()


async def test_a_shorter_window_drops_the_older_copy(
        fake_github: FakeGitHub, github: GitHubAdapter):
    keys, _ = await second_of_two(
        fake_github, github, "moderation:\n  spam_waves:\n    window_hours: 2\n", hours_apart=3)
    assert keys == []
