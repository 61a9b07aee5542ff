"""Unblocking where there is no organisation: a temporary ban in a user account's
repository was an interaction limit, and GitHub answers 404 for ``/orgs/{user}/blocks``.
The sweep must still record the lift, or it tries again on every run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from governance.adapters.github import GitHubAdapter
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import Category, Incident, RecordIncident, Step
from governance.sweep import sweep_people
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

USER_REPO = "ada/tools"
LEDGER = "ada/coc-ledger"
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


async def test_unblocking_in_a_user_account_is_nothing_to_do(
    fake_github: FakeGitHub, github: GitHubAdapter
):
    fake_github.add_repo(USER_REPO, owner_type="User")
    await github.unblock("ada", "mallory")  # no organisation "ada": nothing to unblock


async def test_the_sweep_records_the_lift_of_a_ban_in_a_user_account(
    fake_github: FakeGitHub, github: GitHubAdapter
):
    fake_github.add_repo(USER_REPO, owner_type="User")
    fake_github.add_repo(LEDGER, private=True, owner_type="User")
    clock = ManualClock(START)
    ledger = GitHubLedger(github, LEDGER, clock)
    url = f"https://github.com/{USER_REPO}/issues/1#issuecomment-5"
    incident = Incident("IC_ban", START, Category.ABUSE, ("abuse.insult",), Step.TEMPORARY_BAN,
                        url, expires_at=START + timedelta(days=7))
    await ledger.record_incident(RecordIncident("mallory", incident, "harassment"))
    clock.moment = START + timedelta(days=8)

    (plan,) = await sweep_people(github, ledger, clock.now(), dry_run=False)

    assert [a.kind for a in plan.actions] == ["unblock_user", "record_ban_lifted"]
    state = await ledger.state_for("mallory")
    assert len(state.of_kind(EntryKind.BAN_LIFTED)) == 1
    # nothing left to do
    assert await sweep_people(github, ledger, clock.now(), dry_run=False) == []
