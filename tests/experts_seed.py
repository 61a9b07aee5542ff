"""Seeding helpers for the expert programme's tests on the fake GitHub (dated activity)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.fake_github import Comment, Discussion, FakeGitHub, Issue

REPO = "acme/widgets"


def day(month: int, d: int, hour: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, d, hour, tzinfo=UTC)


def discussion(fake: FakeGitHub, when: datetime, *, asker: str = "asker",
               repo: str = REPO) -> Discussion:
    d = fake.add_discussion(repo, title=f"How do I {when:%d %H:%M}?", author=asker)
    d.created_at = d.updated_at = when
    return d


def comment(fake: FakeGitHub, d: Discussion, login: str, when: datetime, *,
            answer: bool = False, reply_to: Comment | None = None) -> Comment:
    c = fake.add_discussion_comment(d.repo, d.number, "Try this.", author=login)
    c.created_at = c.updated_at = when
    c.reply_to = reply_to.node_id if reply_to else None
    if answer:
        d.answer_id = c.node_id
    d.updated_at = max(d.updated_at, when)
    return c


def answers(fake: FakeGitHub, login: str, n: int, start: datetime, *, repo: str = REPO) -> None:
    for i in range(n):
        when = start + timedelta(minutes=i)
        comment(fake, discussion(fake, when, repo=repo), login, when, answer=True)


def comments(fake: FakeGitHub, login: str, n: int, start: datetime, *, repo: str = REPO
             ) -> Discussion:
    d = discussion(fake, start, repo=repo)
    for i in range(n):
        comment(fake, d, login, start + timedelta(minutes=i))
    return d


def question(fake: FakeGitHub, login: str, n: int, when: datetime, *, label: str = "question",
             repo: str = REPO) -> Issue:
    issue = fake.add_issue(repo, title="Why?", author="asker", labels=[label])
    issue.created_at = issue.updated_at = when
    for i in range(n):
        c = fake.add_comment(repo, issue.number, "Because.", author=login)
        c.created_at = c.updated_at = when + timedelta(minutes=i)
        issue.updated_at = c.created_at
    return issue


def reviews(fake: FakeGitHub, login: str, n: int, when: datetime, *, state: str = "APPROVED",
            repo: str = REPO) -> Issue:
    pr = fake.add_pull_request(repo, title="Fix", author="contributor")
    pr.created_at = pr.updated_at = when
    for i in range(n):
        r = fake.add_review(repo, pr.number, "Looks good.", author=login)
        r.created_at = r.updated_at = when + timedelta(minutes=i)
        r.review_state = state
        pr.updated_at = r.created_at
    return pr
