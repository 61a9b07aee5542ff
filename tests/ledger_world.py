"""A small world for ledger, command and sweep tests: an organisation on the fake GitHub,
a private ledger repository, the real gidgethub adapter, and helpers that post comments
and run incidents and commands the way the service does."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest

from governance.adapters.github import GitHubAdapter
from governance.coc import handle_command
from governance.config.types import Config
from governance.deployment import Deployment
from governance.ledger.state import PersonState
from governance.ledger.store import GitHubLedger
from governance.model import (
    Actor,
    ActorType,
    Association,
    Category,
    ContentEvent,
    Plan,
    Repository,
    Surface,
)
from governance.policy.moderation import moderate
from governance.ports import Mailer, StaleRecord
from governance.service import Service
from tests.builders import config, verdict
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

ORG = "acme"
REPO = "acme/widgets"
LEDGER = "acme/coc-ledger"
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def world_config(**ladder: object) -> Config:
    return config(ledger={"repository": LEDGER, "moderators_team": f"{ORG}/moderators"},
                  ladder={"max_automatic_step": "permanent-ban", **ladder})


@dataclass
class World:
    fake: FakeGitHub
    github: GitHubAdapter
    clock: ManualClock
    ledger: GitHubLedger
    config: Config
    thread: int
    mailer: Mailer | None = None

    @property
    def service(self) -> Service:
        return Service(Deployment(self.github, self.clock, self.mailer,
                                  ledger_for=lambda _config: self.ledger))

    def post(self, body: str, author: str) -> ContentEvent:
        """A new comment in the thread, and its webhook as a model event."""
        comment = self.fake.add_comment(REPO, self.thread, body, author=author)
        return ContentEvent(
            event_name="issue_comment", action="created", surface=Surface.ISSUE_COMMENT,
            repo=Repository(ORG, "widgets", ActorType.ORGANIZATION),
            number=self.thread, author=Actor(author, ActorType.USER, 1, Association.NONE),
            body=body, html_url=f"https://github.com/{REPO}/issues/{self.thread}"
                                f"#issuecomment-{comment.id}",
            node_id=comment.node_id, rest_id=comment.id, created_at=self.clock.now(),
            thread_node_id="I_thread")

    async def incident(self, event: ContentEvent, category: Category = Category.ABUSE,
                       rule: str = "abuse.insult") -> Plan:
        """What the service does for acted-on content: read the record, decide, carry out;
        decide again when the record changed under the decision."""
        found = verdict(category, 0.97, rule=rule, evidence=((0, min(12, len(event.body))),))
        for _ in range(3):
            record = await self.ledger.record_for(event.author.login)
            plan = moderate(event, found, self.config, record, self.clock.now())
            plan = replace(plan, dry_run=False)
            try:
                await self.service.execute(plan, self.config)
            except StaleRecord:
                continue
            return plan
        raise AssertionError("the record kept changing")

    async def command(self, body: str, author: str) -> Plan:
        event = self.post(body, author)
        return await handle_command(event, self.config, self.github, self.ledger,
                                    self.clock.now())

    async def state(self, login: str) -> PersonState:
        return await self.ledger.state_for(login)

    def issues(self, label: str) -> list:
        return [i for i in self.fake.repo(LEDGER).issues.values() if label in i.labels]

    def person_issue(self, login: str):
        (issue,) = self.issues(f"coc-person:{login.lower()}")
        return issue


@pytest.fixture(name="world")
def world_fixture(fake_github: FakeGitHub, github: GitHubAdapter) -> World:
    fake_github.add_repo(REPO)
    fake_github.add_repo(LEDGER, private=True)
    thread = fake_github.add_issue(REPO, title="Widgets crash", author="reporter")
    fake_github.set_permission(REPO, "maintainer", "maintain")
    fake_github.set_permission(REPO, "reader", "read")
    fake_github.add_team(ORG, "moderators", ["modteam"])
    clock = ManualClock(START)
    return World(fake_github, github, clock, GitHubLedger(github, LEDGER, clock),
                 world_config(), thread.number)
