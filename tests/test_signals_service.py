"""Through the service: the profile read for account signals happens only while the
repository's ``moderation.account_signals`` are on."""

from __future__ import annotations

from datetime import UTC, datetime

from governance.adapters.github import GitHubAdapter
from governance.deployment import Deployment
from governance.model import Association, ContentEvent
from governance.service import Service
from tests.builders import event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

REPO = "acme/widgets"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
# Borderline solicitation: a review item on its own, the kind account signals may raise.
BORDERLINE = ("We build custom dashboards like this for clients, happy to help your team with "
              "it if you want.")


def comment(fake: FakeGitHub, body: str, login: str) -> ContentEvent:
    issue = fake.add_issue(REPO, title="Dashboards")
    posted = fake.add_comment(REPO, issue.number, body, author=login)
    return event(body, login=login, association=Association.FIRST_TIMER, number=issue.number,
                 node_id=posted.node_id, rest_id=posted.id, thread_node_id=issue.node_id)


def profile_reads(fake: FakeGitHub) -> int:
    return len(fake.requests("GET", r"/users/[^/]+"))


async def test_signals_on_read_the_profile_once(fake_github: FakeGitHub, github: GitHubAdapter):
    fake_github.add_repo(REPO)
    outcome = await Service(Deployment(github, ManualClock(NOW), dry_run=True)).handle_event(
        comment(fake_github, BORDERLINE, "newbie"))
    assert outcome.plan is not None and outcome.plan.effective
    assert profile_reads(fake_github) == 1


async def test_signals_off_mean_no_profile_read(fake_github: FakeGitHub, github: GitHubAdapter):
    fake_github.add_file(REPO, ".github/governance.yml",
                         "moderation:\n  account_signals:\n    enabled: false\n")
    outcome = await Service(Deployment(github, ManualClock(NOW), dry_run=True)).handle_event(
        comment(fake_github, BORDERLINE, "newbie"))
    assert outcome.plan is not None and outcome.plan.effective  # still reviewed on content
    assert profile_reads(fake_github) == 0
