"""The expert programme's GitHub reads, through the real adapter against the fake GitHub."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from governance.adapters.github import GitHubAdapter
from governance.adapters.github_activity import GitHubActivity
from governance.experts.activity import Kind
from governance.experts.months import Month
from tests import experts_seed as seed
from tests.fake_github import FakeGitHub

NOV = Month(2026, 11)


def by_kind(found: list) -> Counter:  # type: ignore[type-arg]
    return Counter((c.login, c.kind) for c in found if c.counts())


async def test_pagination_over_many_answers_comments_and_replies(
    fake_github: FakeGitHub, github: GitHubAdapter
) -> None:
    seed.answers(fake_github, "ada", 130, seed.day(11, 3))  # 6 pages of 25 discussions
    busy = seed.comments(fake_github, "bob", 150, seed.day(11, 20))  # 2 pages of comments
    top = seed.comment(fake_github, busy, "asker", seed.day(11, 21))
    for i in range(120):  # 2 pages of replies under one comment
        seed.comment(fake_github, busy, "cy", seed.day(11, 22) + timedelta(minutes=i),
                     reply_to=top)
    found = await GitHubActivity.of(github).contributions(seed.REPO, NOV.window, "question")
    counts = by_kind(found)
    assert counts[("ada", Kind.ANSWER)] == 130
    assert counts[("bob", Kind.DISCUSSION_COMMENT)] == 150
    assert counts[("cy", Kind.DISCUSSION_COMMENT)] == 120
    assert len(fake_github.requests(graphql="node")) >= 2  # follow-up pages per node
    pages = [c for c in fake_github.requests(graphql="repository")
             if "ExpertDiscussions" in c.body["query"]]
    assert len(pages) == 6


async def test_reading_stops_at_threads_older_than_the_window(
    fake_github: FakeGitHub, github: GitHubAdapter
) -> None:
    seed.answers(fake_github, "ada", 60, seed.day(9, 1))
    seed.answers(fake_github, "ada", 5, seed.day(11, 2))
    found = await GitHubActivity.of(github).contributions(seed.REPO, NOV.window, "question")
    assert by_kind(found)[("ada", Kind.ANSWER)] == 5
    pages = [c for c in fake_github.requests(graphql="repository")
             if "ExpertDiscussions" in c.body["query"]]
    assert len(pages) == 1  # the first old discussion ends the walk


async def test_questions_reviews_hidden_and_own_threads(
    fake_github: FakeGitHub, github: GitHubAdapter
) -> None:
    seed.question(fake_github, "ada", 3, seed.day(11, 5))
    seed.question(fake_github, "ada", 4, seed.day(11, 5), label="bug")  # not a question
    seed.reviews(fake_github, "ada", 2, seed.day(11, 6))
    seed.reviews(fake_github, "ada", 1, seed.day(11, 6), state="PENDING")  # invisible draft
    d = seed.discussion(fake_github, seed.day(11, 7), asker="bob")
    hidden = seed.comment(fake_github, d, "ada", seed.day(11, 7))
    fake_github.comments[hidden.node_id].minimized_as = "SPAM"
    seed.comment(fake_github, d, "bob", seed.day(11, 8))  # the asker helping themselves
    fake_github.add_user("helper[bot]", type="Bot")
    seed.comment(fake_github, d, "helper[bot]", seed.day(11, 9))

    found = await GitHubActivity.of(github).contributions(seed.REPO, NOV.window, "question")
    assert by_kind(found) == Counter({("ada", Kind.QUESTION_COMMENT): 3,
                                      ("ada", Kind.REVIEW): 2})
    assert {c.login for c in found if not c.counts()} == {"ada", "bob", "helper[bot]"}


async def test_leaving_the_team(fake_github: FakeGitHub, github: GitHubAdapter) -> None:
    fake_github.add_team("acme", "experts", ["ada", "bob"])
    activity = GitHubActivity.of(github)
    await activity.remove_team_member("acme/experts", "bob")
    await activity.remove_team_member("acme/experts", "bob")  # twice: still fine
    assert list(await github.team_members("acme", "experts")) == ["ada"]


async def test_report_discussion_is_posted_once(
    fake_github: FakeGitHub, github: GitHubAdapter
) -> None:
    fake_github.add_repo("acme/community")
    activity = GitHubActivity.of(github)
    first = await activity.post_discussion("acme/community", "Announcements", "Experts 2026-11",
                                           "Thank you!")
    again = await activity.post_discussion("acme/community", "announcements", "Experts 2026-11",
                                           "Thank you!")
    assert first == again
    assert len(fake_github.repo("acme/community").discussions) == 1
