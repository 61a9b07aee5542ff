"""The gidgethub adapter over real HTTP against the contract-checking fake GitHub.

Every test runs through the ``fake_github`` fixture, which fails the test if any request
(or the fake's own answer) breaks GitHub's REST description or GraphQL schema.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from governance.adapters.github import LABEL_COLOR, GitHubAdapter
from governance.adapters.http import (
    GitHubError,
    GitHubUnavailable,
    endpoints_from_env,
    graphql_url_for,
)
from governance.adapters.retry import RetryPolicy
from governance.model import Field, HideClassifier, LockReason, Surface, Target
from governance.ports import Conflict, NotFound
from tests.fake_github import CommentKind, FakeGitHub

REPO = "acme/widgets"


def target(surface: Surface, number: int, node_id: str = "", rest_id: int = 0) -> Target:
    return Target(REPO, surface, number, node_id, rest_id)


@pytest.fixture
def fake(fake_github: FakeGitHub) -> FakeGitHub:
    fake_github.add_repo(REPO)
    return fake_github


# ------------------------------------------------------------------------ moderation


async def test_minimize_sends_one_mutation_on_the_node_id(fake, github):
    issue = fake.add_issue(REPO)
    comment = fake.add_comment(REPO, issue.number, "you are an idiot", author="troll")

    await github.minimize(comment.node_id, HideClassifier.ABUSE)

    [call] = fake.requests(graphql="minimizeComment")
    assert call.variables == {"id": comment.node_id, "classifier": "ABUSE"}
    assert comment.minimized_as == "ABUSE"
    assert len(fake.writes) == 1


async def test_unminimize_restores_the_comment(fake, github):
    discussion = fake.add_discussion(REPO)
    comment = fake.add_discussion_comment(REPO, discussion.number, "fine after all")
    comment.minimized_as = "SPAM"

    await github.unminimize(comment.node_id)

    assert comment.minimized_as is None
    assert len(fake.requests(graphql="unminimizeComment")) == 1


@pytest.mark.parametrize("surface", [Surface.ISSUE, Surface.PULL_REQUEST])
async def test_redact_issue_and_pull_request_title_and_body(fake, github, surface):
    issue = fake.add_issue(REPO, title="call 555-0100", body="mail me at a@b.example",
                           pull_request=surface is Surface.PULL_REQUEST)
    where = target(surface, issue.number, issue.node_id, issue.id)

    assert await github.get_text(where, Field.TITLE) == "call 555-0100"
    await github.set_text(where, Field.TITLE, "call [redacted]")
    await github.set_text(where, Field.BODY, "mail me at [redacted]")

    assert (issue.title, issue.body) == ("call [redacted]", "mail me at [redacted]")
    kind = "pulls" if surface is Surface.PULL_REQUEST else "issues"
    assert len(fake.requests("PATCH", rf"/repos/{REPO}/{kind}/\d+")) == 2


@pytest.mark.parametrize("kind, surface", [
    (CommentKind.ISSUE, Surface.ISSUE_COMMENT),
    (CommentKind.REVIEW_COMMENT, Surface.REVIEW_COMMENT),
    (CommentKind.REVIEW, Surface.REVIEW),
])
async def test_redact_rest_comments(fake, github, kind, surface):
    pr = fake.add_pull_request(REPO)
    add = {CommentKind.ISSUE: fake.add_comment, CommentKind.REVIEW: fake.add_review,
           CommentKind.REVIEW_COMMENT: fake.add_review_comment}[kind]
    comment = add(REPO, pr.number, "token ghp_secret here")
    where = target(surface, pr.number, comment.node_id, comment.id)

    assert await github.get_text(where, Field.BODY) == "token ghp_secret here"
    await github.set_text(where, Field.BODY, "token [redacted] here")

    assert comment.body == "token [redacted] here"


async def test_comments_have_no_title(fake, github):
    issue = fake.add_issue(REPO)
    comment = fake.add_comment(REPO, issue.number, "x")
    with pytest.raises(ValueError, match="no title"):
        await github.get_text(target(Surface.ISSUE_COMMENT, issue.number, comment.node_id,
                                     comment.id), Field.TITLE)


async def test_redact_discussion_and_discussion_comment_over_graphql(fake, github):
    discussion = fake.add_discussion(REPO, title="buy now", body="cheap pills")
    comment = fake.add_discussion_comment(REPO, discussion.number, "my phone 555-0100")
    on_discussion = target(Surface.DISCUSSION, discussion.number, discussion.node_id)
    on_comment = target(Surface.DISCUSSION_COMMENT, discussion.number, comment.node_id)

    assert await github.get_text(on_discussion, Field.TITLE) == "buy now"
    assert await github.get_text(on_comment, Field.BODY) == "my phone 555-0100"
    await github.set_text(on_discussion, Field.BODY, "[redacted]")
    await github.set_text(on_comment, Field.BODY, "my phone [redacted]")

    assert (discussion.body, comment.body) == ("[redacted]", "my phone [redacted]")
    assert fake.requests(graphql="updateDiscussion")[0].variables["text"] == "[redacted]"
    assert len(fake.requests(graphql="updateDiscussionComment")) == 1


async def test_add_label_creates_a_missing_label_once(fake, github):
    issue = fake.add_issue(REPO)
    where = target(Surface.ISSUE, issue.number, issue.node_id, issue.id)

    await github.add_label(where, "coc: warning", "Set by the bot")
    await github.add_label(where, "coc: warning", "Set by the bot")

    [create] = fake.requests("POST", rf"/repos/{REPO}/labels")
    assert create.body == {"name": "coc: warning", "color": LABEL_COLOR,
                           "description": "Set by the bot"}
    assert issue.labels == ["coc: warning"]


async def test_add_label_uses_an_existing_label(fake, github):
    fake.add_label(REPO, "spam", color="000000")
    pr = fake.add_pull_request(REPO)
    await github.add_label(target(Surface.PULL_REQUEST, pr.number, pr.node_id, pr.id), "spam")
    assert fake.requests("POST", rf"/repos/{REPO}/labels") == []
    assert pr.labels == ["spam"]


async def test_discussion_labels_go_through_graphql_with_label_node_ids(fake, github):
    discussion = fake.add_discussion(REPO)
    comment = fake.add_discussion_comment(REPO, discussion.number, "hi")
    where = target(Surface.DISCUSSION_COMMENT, discussion.number, comment.node_id)

    await github.add_label(where, "coc: review")
    assert discussion.labels == ["coc: review"]
    [add] = fake.requests(graphql="addLabelsToLabelable")
    assert add.variables == {"id": discussion.node_id,
                             "labels": [fake.repo(REPO).labels["coc: review"].node_id]}

    await github.remove_label(where, "coc: review")
    assert discussion.labels == []


async def test_remove_label_that_is_not_there_is_fine(fake, github):
    issue = fake.add_issue(REPO, labels=["keep"])
    where = target(Surface.ISSUE, issue.number, issue.node_id, issue.id)
    await github.remove_label(where, "gone")
    await github.remove_label(where, "keep")
    assert issue.labels == []


async def test_lock_issue_uses_rest_spelling_and_discussion_graphql_spelling(fake, github):
    issue = fake.add_issue(REPO)
    discussion = fake.add_discussion(REPO)

    await github.lock(target(Surface.ISSUE, issue.number, issue.node_id), LockReason.TOO_HEATED)
    await github.lock(target(Surface.DISCUSSION, discussion.number, discussion.node_id),
                      LockReason.OFF_TOPIC)

    assert (issue.locked, issue.lock_reason) == (True, "too heated")
    assert fake.requests("PUT", rf"/repos/{REPO}/issues/\d+/lock")[0].body == {
        "lock_reason": "too heated"}
    assert (discussion.locked, discussion.lock_reason) == (True, "off-topic")
    assert fake.requests(graphql="lockLockable")[0].variables["reason"] == "OFF_TOPIC"


async def test_comment_on_issue_and_discussion(fake, github):
    issue = fake.add_issue(REPO)
    discussion = fake.add_discussion(REPO)

    url = await github.comment(target(Surface.ISSUE, issue.number), "Please stay civil.")
    await github.comment(target(Surface.DISCUSSION, discussion.number, discussion.node_id),
                         "Please stay civil.")

    assert url.startswith(f"https://github.com/{REPO}/issues/{issue.number}")
    assert [c.body for c in fake.comments_on(REPO, issue.number)] == ["Please stay civil."]
    assert [c.body for c in fake.comments_on(REPO, discussion.number,
                                             CommentKind.DISCUSSION)] == ["Please stay civil."]


# ---------------------------------------------------------------------------- people


async def test_block_and_unblock(fake, github):
    await github.block("acme", "troll")
    assert "troll" in fake.orgs["acme"].blocks
    await github.block("acme", "troll")  # already blocked: still fine
    await github.unblock("acme", "troll")
    assert fake.orgs["acme"].blocks == set()


async def test_block_refused_by_github_is_an_error(fake, github):
    fake.add_org("acme", members=["insider"])
    with pytest.raises(GitHubError) as caught:
        await github.block("acme", "insider")
    assert caught.value.status == 422


async def test_limit_interactions(fake, github):
    await github.limit_interactions(REPO, "collaborators_only", "one_week")
    limit = fake.repo(REPO).interaction_limit
    assert limit["limit"] == "collaborators_only"
    expires = datetime.fromisoformat(limit["expires_at"].replace("Z", "+00:00"))
    assert timedelta(days=6, hours=23) < expires - datetime.now(UTC) <= timedelta(days=7)


@pytest.mark.parametrize("role, expected", [
    ("admin", "admin"), ("maintain", "maintain"), ("triage", "triage"), ("read", "read")])
async def test_permission_reports_the_real_role(fake, github, role, expected):
    fake.set_permission(REPO, "alice", role)
    assert await github.permission(REPO, "alice") == expected


async def test_permission_of_unknown_user_is_none(fake, github):
    assert await github.permission(REPO, "nobody") == "none"


async def test_org_membership_204_404_302(fake, github):
    org = fake.add_org("acme", members=["alice"])
    assert await github.is_org_member("acme", "alice") is True
    assert await github.is_org_member("acme", "bob") is False
    org.requester_is_member = False
    assert await github.is_org_member("acme", "alice") is False


async def test_team_members_are_paginated(fake, github):
    logins = [f"user{n}" for n in range(130)]
    fake.add_team("acme", "experts", logins)
    assert list(await github.team_members("acme", "experts")) == logins
    assert len(fake.requests(graphql="organization")) == 2


async def test_missing_team_is_not_found(fake, github):
    fake.add_org("acme")
    with pytest.raises(NotFound):
        await github.team_members("acme", "ghosts")


async def test_user_profile_and_unknown_user(fake, github):
    fake.add_user("alice", name="Alice", email="alice@example.org")
    profile = await github.user("alice")
    assert (profile["login"], profile["name"]) == ("alice", "Alice")
    with pytest.raises(NotFound):
        await github.user("nobody")


async def test_pr_commit_emails_are_paginated_and_deduplicated(fake, github):
    commits = [("Alice", "alice@example.org", "alice")] * 120
    commits += [("Ghost", "ghost@example.org", None)]
    pr = fake.add_pull_request(REPO, author="alice", commits=commits)

    emails = await github.pr_commit_emails(REPO, pr.number)

    assert list(emails) == [("alice", "alice@example.org"), ("", "ghost@example.org")]
    assert len(fake.requests("GET", rf"/repos/{REPO}/pulls/\d+/commits")) == 2


async def test_pr_commit_emails_include_committers(fake, github):
    commits = [("Bo", "12+bo@users.noreply.github.com", "bo", "bo@example.org", "bo")]
    pr = fake.add_pull_request(REPO, author="bo", commits=commits)

    emails = await github.pr_commit_emails(REPO, pr.number)

    assert list(emails) == [("bo", "12+bo@users.noreply.github.com"), ("bo", "bo@example.org")]


# ----------------------------------------------------------- repositories and files


async def test_repo_visibility(fake, github):
    fake.add_repo("acme/ledger", private=True)
    assert await github.repo_is_private("acme/ledger") is True
    assert await github.repo_is_private(REPO) is False


async def test_read_missing_file_is_none(fake, github):
    assert await github.read_file(REPO, ".github/governance.yml") is None


async def test_write_file_is_compare_and_swap(fake, github):
    sha = await github.write_file(REPO, "ledger/alice.json", "{}", None, "create")
    current = await github.read_file(REPO, "ledger/alice.json")
    assert current is not None and (current.text, current.sha) == ("{}", sha)

    new_sha = await github.write_file(REPO, "ledger/alice.json", '{"a": 1}', sha, "update")
    assert new_sha != sha
    with pytest.raises(Conflict):  # stale sha: 409
        await github.write_file(REPO, "ledger/alice.json", "{}", sha, "late writer")
    with pytest.raises(Conflict):  # creating what exists: 422
        await github.write_file(REPO, "ledger/alice.json", "{}", None, "second creator")
    assert fake.repo(REPO).files["ledger/alice.json"].text == '{"a": 1}'


async def test_second_read_of_unchanged_file_is_a_free_304(fake, github):
    fake.add_file(REPO, ".github/governance.yml", "moderation:\n  enabled: true\n")
    first = await github.read_file(REPO, ".github/governance.yml")
    budget = fake.rate_limit["core"]

    second = await github.read_file(REPO, ".github/governance.yml")

    assert second == first
    assert [c.status for c in fake.requests("GET", rf"/repos/{REPO}/contents/.*")] == [200, 304]
    assert fake.rate_limit["core"] == budget
    assert github.metrics.not_modified == 1


async def test_changed_file_is_read_again(fake, github):
    fake.add_file(REPO, "a.yml", "one")
    await github.read_file(REPO, "a.yml")
    fake.add_file(REPO, "a.yml", "two")
    assert (await github.read_file(REPO, "a.yml")).text == "two"


# ---------------------------------------------------------------------------- issues


async def test_find_issues_by_label_skips_pull_requests(fake, github):
    for n in range(105):
        fake.add_issue(REPO, title=f"@user{n}", labels=["coc-ledger"])
    fake.add_issue(REPO, title="other")
    fake.add_pull_request(REPO, labels=["coc-ledger"])

    found = await github.find_issues(REPO, "coc-ledger")

    assert len(found) == 105 and all(i.labels == ("coc-ledger",) for i in found)


async def test_create_and_update_issue(fake, github):
    ref = await github.create_issue(REPO, "@alice", "record", ["coc-ledger", "step-1"])
    await github.update_issue(REPO, ref.number, body="record 2", labels=["coc-ledger"],
                              state="closed")
    issue = fake.issue(REPO, ref.number)
    assert (issue.body, issue.labels, issue.state) == ("record 2", ["coc-ledger"], "closed")
    assert ref.labels == ("coc-ledger", "step-1")


async def test_issue_comments_are_paginated(fake, github):
    issue = fake.add_issue(REPO)
    for n in range(101):
        fake.add_comment(REPO, issue.number, f"entry {n}")
    comments = await github.issue_comments(REPO, issue.number)
    assert [c.body for c in comments] == [f"entry {n}" for n in range(101)]
    added = await github.add_issue_comment(REPO, issue.number, "entry 101")
    assert added.body == "entry 101" and added.node_id


# -------------------------------------------------------------------- faults, retries


async def test_502_then_success(fake, github, github_sleeps):
    fake.add_user("alice")
    fake.inject("status", method="GET", path="/users/alice", status=502)
    assert (await github.user("alice"))["login"] == "alice"
    assert len(fake.requests("GET", "/users/alice")) == 2
    assert github_sleeps == [0.75]  # first backoff: 1 s step, half fixed + half * 0.5
    assert github.metrics.retries == 1


async def test_secondary_rate_limit_waits_for_retry_after(fake, github, github_sleeps):
    issue = fake.add_issue(REPO)
    fake.inject("secondary_rate_limit", method="PUT", path=r".*/lock", retry_after=7)
    await github.lock(target(Surface.ISSUE, issue.number), LockReason.SPAM)
    assert github_sleeps == [7.0]
    assert issue.locked


async def test_429_on_graphql_is_retried(fake, github, github_sleeps):
    issue = fake.add_issue(REPO)
    comment = fake.add_comment(REPO, issue.number, "spam")
    fake.inject("too_many_requests", graphql="minimizeComment", retry_after=3)
    await github.minimize(comment.node_id, HideClassifier.SPAM)
    assert github_sleeps == [3.0]
    assert comment.minimized_as == "SPAM"


async def test_graphql_rate_limited_error_in_a_200_waits_until_reset(
        fake, github, github_sleeps):
    fake.add_repo("acme/ledger", private=True)
    fake.inject("graphql_rate_limited", graphql="repository", reset_in=30)
    assert await github.repo_is_private("acme/ledger") is True
    assert len(fake.requests(graphql="repository")) == 2
    assert len(github_sleeps) == 1 and 29 <= github_sleeps[0] <= 32


async def test_secondary_rate_limit_on_graphql_is_retried(fake, github, github_sleeps):
    fake.add_team("acme", "experts", ["alice"])
    fake.inject("secondary_rate_limit", graphql="organization", retry_after=5)
    assert list(await github.team_members("acme", "experts")) == ["alice"]
    assert github_sleeps == [5.0]


async def test_lost_file_write_that_landed_is_adopted_not_reported_as_conflict(fake, github):
    fake.inject("status", method="PUT", path=r".*/contents/.*", status=502, after=True)
    sha = await github.write_file(REPO, "ledger/bob.json", "{}", None, "create")
    assert sha == fake.repo(REPO).files["ledger/bob.json"].sha
    assert len(fake.requests("PUT", r".*/contents/.*")) == 1


async def test_lost_file_write_that_did_not_land_is_retried(fake, github):
    fake.inject("disconnect", method="PUT", path=r".*/contents/.*")
    await github.write_file(REPO, "ledger/bob.json", "{}", None, "create")
    assert fake.repo(REPO).files["ledger/bob.json"].text == "{}"
    assert len(fake.requests("PUT", r".*/contents/.*")) == 2


async def test_primary_rate_limit_reset_too_far_away_is_a_clear_error(
        fake, github, github_sleeps):
    fake.add_user("alice")
    fake.inject("primary_rate_limit", method="GET", path="/users/alice", reset_in=3600)
    with pytest.raises(GitHubUnavailable, match="rate limited for"):
        await github.user("alice")
    assert github_sleeps == []


async def test_primary_rate_limit_waits_until_reset(fake, github, github_sleeps):
    fake.add_user("alice")
    fake.inject("primary_rate_limit", method="GET", path="/users/alice", reset_in=120)
    assert (await github.user("alice"))["login"] == "alice"
    assert len(github_sleeps) == 1 and 119 <= github_sleeps[0] <= 122


async def test_dropped_connection_after_the_comment_was_made_gives_one_comment(
        fake, github):
    issue = fake.add_issue(REPO)
    fake.inject("disconnect", method="POST", path=rf"/repos/{REPO}/issues/\d+/comments",
                after=True)

    url = await github.comment(target(Surface.ISSUE, issue.number), "Thanks for the PR!")

    [comment] = fake.comments_on(REPO, issue.number)
    assert comment.body == "Thanks for the PR!" and url.endswith(str(comment.id))
    assert len(fake.requests("POST", rf"/repos/{REPO}/issues/\d+/comments")) == 1


async def test_dropped_connection_before_the_comment_was_made_posts_it_once(fake, github):
    issue = fake.add_issue(REPO)
    fake.inject("disconnect", method="POST", path=rf"/repos/{REPO}/issues/\d+/comments")
    await github.comment(target(Surface.ISSUE, issue.number), "Thanks for the PR!")
    assert [c.body for c in fake.comments_on(REPO, issue.number)] == ["Thanks for the PR!"]
    assert len(fake.requests("POST", rf"/repos/{REPO}/issues/\d+/comments")) == 2


async def test_502_after_creating_a_ledger_issue_does_not_duplicate_it(fake, github):
    fake.inject("status", method="POST", path=rf"/repos/{REPO}/issues", after=True)
    ref = await github.create_issue(REPO, "@alice", "record", ["coc-ledger"])
    assert [i.number for i in fake.repo(REPO).issues.values()] == [ref.number]


async def test_dropped_discussion_comment_is_not_doubled(fake, github):
    discussion = fake.add_discussion(REPO)
    fake.inject("disconnect", graphql="addDiscussionComment", after=True)
    await github.comment(target(Surface.DISCUSSION, discussion.number, discussion.node_id),
                         "Locked for a cool-down.")
    assert len(fake.comments_on(REPO, discussion.number, CommentKind.DISCUSSION)) == 1


async def test_slow_answer_times_out_and_is_retried(fake_github, github_sleeps):
    fake_github.add_user("alice")
    fake_github.inject("delay", method="GET", path="/users/alice", delay=1.0)

    async def sleep(seconds: float) -> None:
        github_sleeps.append(seconds)

    timeout = aiohttp.ClientTimeout(total=0.5)  # generous: a loaded machine must not trip it
    async with aiohttp.ClientSession(timeout=timeout) as session:
        adapter = GitHubAdapter(session, token="t", base_url=fake_github.url,
                                retry=RetryPolicy(sleep=sleep, random=lambda: 0.0))
        assert (await adapter.user("alice"))["login"] == "alice"
    assert github_sleeps == [0.5]


async def test_exhausting_retries_is_a_clear_error(fake, github, github_sleeps):
    fake.add_user("alice")
    fake.inject("status", method="GET", path="/users/alice", status=503, times=99)
    with pytest.raises(GitHubUnavailable, match=r"failed after 5 tries"):
        await github.user("alice")
    assert len(fake.requests("GET", "/users/alice")) == 5
    assert github_sleeps == [0.75, 1.5, 3.0, 6.0]


async def test_client_errors_are_not_retried(fake, github):
    with pytest.raises(NotFound):
        await github.get_text(target(Surface.ISSUE, 99), Field.BODY)
    assert len(fake.calls) == 1


async def test_graphql_errors_in_a_200_are_clear(fake, github):
    with pytest.raises(NotFound):
        await github.minimize("IC_does_not_exist", HideClassifier.SPAM)


async def test_token_provider_is_asked_and_refreshed_after_401(fake_github):
    fake_github.add_user("alice")
    fake_github.valid_tokens = {"fresh"}
    handed_out = iter(["stale", "fresh", "fresh"])

    async def token() -> str:
        return next(handed_out)

    async with aiohttp.ClientSession() as session:
        adapter = GitHubAdapter(session, token=token, base_url=fake_github.url)
        assert (await adapter.user("alice"))["login"] == "alice"
    assert [c.headers["authorization"] for c in fake_github.calls] == [
        "token stale", "token fresh"]


async def test_metrics_count_calls_and_remaining_rate_limit(fake, github):
    fake.add_user("alice")
    await github.user("alice")
    await github.user("alice")
    assert github.metrics.calls == 2
    assert github.metrics.rate_limit_remaining == fake.rate_limit["core"]


async def test_adapter_built_from_the_environment_talks_to_github_api_url(fake_github):
    fake_github.add_user("alice")
    async with aiohttp.ClientSession() as session:
        adapter = GitHubAdapter.for_environment(
            session, {"GITHUB_API_URL": fake_github.url}, token="t")
        assert (await adapter.user("alice"))["login"] == "alice"
    assert adapter.client.graphql_url == fake_github.url + "/graphql"


def test_endpoints_honour_github_api_url():
    assert endpoints_from_env({}) == ("https://api.github.com", "https://api.github.com/graphql")
    ghes = {"GITHUB_API_URL": "https://ghe.example/api/v3"}
    assert endpoints_from_env(ghes) == ("https://ghe.example/api/v3",
                                        "https://ghe.example/api/graphql")
    assert graphql_url_for("http://127.0.0.1:8080") == "http://127.0.0.1:8080/graphql"


async def test_a_label_check_the_token_may_not_read_counts_as_absent(fake, github):
    fake.inject("status", method="GET", path=r"/repos/.*/labels/.*", status=403)
    assert await github.has_label(REPO, "coc:person") is False
    fake.add_label(REPO, "coc:person")
    assert await github.has_label(REPO, "coc:person") is True
