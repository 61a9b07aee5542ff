"""A repository's history on the fake GitHub for the scan's tests and benchmark: issues,
pull requests (conversation comments, reviews, review comments) and discussions (comments,
replies), written over the past weeks, with a few threads longer than one nested page."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tests.fake_github import FakeGitHub
from tests.fake_github_state import Comment, Discussion, Issue

REPO = "acme/widgets"
LEDGER = "acme/ledger"
CONFIG = f"ledger:\n  repository: {LEDGER}\n"

BENIGN = (
    "Thanks for the quick fix! I tested the patch on Windows 11 and the crash is gone.",
    "Could you add a test for the empty-input case? Otherwise this looks good to me.",
    "I can reproduce this on 2.3.1 with Python 3.12; the stack trace is attached above.",
    "Closing as a duplicate of the other ticket, please follow the discussion there.",
    "Nit: this loop could use enumerate instead of a counter, but it is fine either way.",
)
ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
SPAM = ("Hire our agency! Guaranteed SEO backlinks and page-one Google ranking in a week. "
        "Message me on Telegram @rankboost_pro for prices.")
PHONE = "+49 30 901820"
PII = f"Complain to him directly, his private number is {PHONE} and he lives at 17 Rosenweg."


@dataclass
class Texts:
    """Bodies and authors in a fixed rotation: mostly benign, now and then abuse (always by
    the same person, so the ladder has something to climb), spam by first-timers, PII."""

    benign: Sequence[str] = BENIGN
    counter: Iterator[int] = field(default_factory=itertools.count)

    def next(self) -> tuple[str, str, str]:
        """(body, author, association)."""
        n = next(self.counter)
        if n % 23 == 7:
            return ABUSIVE, "troll", "CONTRIBUTOR"
        if n % 31 == 11:
            return SPAM, f"seo-{n}", "NONE"
        if n % 37 == 5:
            return PII, "doxxer", "CONTRIBUTOR"
        return self.benign[n % len(self.benign)], f"dev-{n % 17}", "CONTRIBUTOR"


@dataclass
class World:
    fake: FakeGitHub
    start: datetime = field(default_factory=lambda: datetime.now(UTC) - timedelta(days=20))
    texts: Texts = field(default_factory=Texts)
    minutes: Iterator[int] = field(default_factory=lambda: itertools.count(0, 3))
    items: int = 0
    last: datetime | None = None  # when the newest item was written

    def _when(self) -> datetime:
        self.last = self.start + timedelta(minutes=next(self.minutes))
        return self.last

    def _written(self, item: Issue | Discussion | Comment, association: str,
                 thread: Issue | Discussion | None = None) -> None:
        """Stamp a new item with the next moment; a comment also bumps its thread."""
        item.created_at = item.updated_at = self._when()
        item.association = association
        if thread is not None:
            thread.updated_at = item.created_at
        self.items += 1

    def _comments(self, thread: Issue | Discussion, count: int,
                  add: Callable[[str, str], Comment]) -> list[Comment]:
        made = []
        for _ in range(count):
            body, author, association = self.texts.next()
            made.append(add(body, author))
            self._written(made[-1], association, thread)
        return made

    def issue(self, comments: int, *, repo: str = REPO) -> Issue:
        body, author, association = self.texts.next()
        issue = self.fake.add_issue(repo, title="Crash when saving", body=body, author=author)
        self._written(issue, association)
        self._comments(issue, comments, lambda text, login: self.fake.add_comment(
            repo, issue.number, text, author=login))
        return issue

    def pull_request(self, comments: int, reviews: int, lines: int, *, repo: str = REPO
                     ) -> Issue:
        body, author, association = self.texts.next()
        pr = self.fake.add_pull_request(repo, title="Fix the parser", body=body, author=author)
        self._written(pr, association)
        self._comments(pr, comments, lambda text, login: self.fake.add_comment(
            repo, pr.number, text, author=login))
        for review in self._comments(pr, reviews, lambda text, login: self.fake.add_review(
                repo, pr.number, text, author=login)):
            for line in self._comments(pr, lines, lambda text, login: self.fake.add_review_comment(
                    repo, pr.number, text, author=login)):
                line.review_id = review.node_id
        return pr

    def discussion(self, comments: int, replies: int, *, repo: str = REPO) -> Discussion:
        body, author, association = self.texts.next()
        d = self.fake.add_discussion(repo, title="How do I configure it?", body=body,
                                     author=author)
        self._written(d, association)

        def add(text: str, login: str) -> Comment:
            return self.fake.add_discussion_comment(repo, d.number, text, author=login)
        for top in self._comments(d, comments, add):
            for reply in self._comments(d, replies, add):
                reply.reply_to = top.node_id
        return d


def seed(fake: FakeGitHub, *, config: str | None = CONFIG) -> World:
    """Several hundred items over every surface, several pages of threads each, and a few
    threads that need follow-up pages (a long issue, a long review, a long reply chain)."""
    if config is not None:
        fake.add_file(REPO, ".github/governance.yml", config)
    world = World(fake)
    for n in range(130):
        world.issue(comments=60 if n == 3 else n % 3)
    for n in range(110):
        world.pull_request(comments=1, reviews=1 if n % 4 else 2, lines=12 if n == 5 else 1)
    for n in range(105):
        world.discussion(comments=1 + n % 2, replies=12 if n == 8 else n % 2)
    return world
