"""Pure recognition decisions: who is rewarded, which tier, which address, which claim."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from governance.model import (
    Actor,
    ActorType,
    Association,
    MergedPullRequest,
    Repository,
    Reward,
    Skip,
)
from governance.policy.recognition import (
    claim_path,
    membership_exclusion,
    period_start,
    pick_email,
    recognize,
    reward_key,
    team_ref,
    tier_for,
    usable_email,
)
from tests.builders import config

TIERS = [
    {"name": "100", "description": "$100 merch credit", "repositories": ["acme/widgets",
                                                                          "acme/app-*"]},
    {"name": "25", "description": "$25 merch credit", "repositories": ["acme/website"]},
]


def rec(**kw: object):  # type: ignore[no-untyped-def]
    return config(recognition={"enabled": True, "tiers": TIERS, **kw})


def pr(repo: str = "acme/widgets", *, login: str = "alex", labels: tuple[str, ...] = (),
       association: Association = Association.CONTRIBUTOR, base: str = "main",
       kind: ActorType = ActorType.USER) -> MergedPullRequest:
    owner, name = repo.split("/")
    return MergedPullRequest(Repository(owner, name), 42, Actor(login, kind, 1, association),
                             "Fix", f"https://github.com/{repo}/pull/42", "PR_1", base,
                             labels)


@pytest.mark.parametrize(("repo", "labels", "tier"), [
    ("acme/widgets", (), "100"),
    ("ACME/App-Mobile", (), "100"),
    ("acme/website", (), "25"),
    ("acme/website", ("extra-merch",), "100"),  # the label raises one tier
    ("acme/widgets", ("extra-merch",), "100"),  # already the top tier
])
def test_tier_from_repository_patterns_and_raise_label(repo: str, labels: tuple[str, ...],
                                                       tier: str) -> None:
    found = tier_for(pr(repo, labels=labels), rec())
    assert found is not None and found.name == tier


def test_outside_pr_gets_a_reward_action() -> None:
    plan = recognize(pr("acme/website"), rec())
    assert plan.actions == (Reward("alex", "acme/website", 42, "25",
                                   "https://github.com/acme/website/pull/42"),)


@pytest.mark.parametrize(("change", "why"), [
    ({"login": "dependabot[bot]", "kind": ActorType.BOT}, "bot"),
    ({"association": Association.MEMBER}, "association MEMBER"),
    ({"association": Association.OWNER}, "association OWNER"),
    ({"login": "Vendor-Bob"}, "listed login"),
    ({"base": "gh-pages"}, "gh-pages"),
    ({"repo": "acme/internal"}, "no reward tier"),
])
def test_who_is_not_rewarded(change: dict[str, object], why: str) -> None:
    cfg = rec(exclude={"logins": ["vendor-bob"]}, base_branches=["main"])
    plan = recognize(pr(**change), cfg)  # type: ignore[arg-type]
    (action,) = plan.actions
    assert isinstance(action, Skip) and why in action.reason


def test_disabled_recognition_rewards_nobody() -> None:
    plan = recognize(pr(), config(recognition={"tiers": TIERS}))
    assert isinstance(plan.actions[0], Skip)


@pytest.mark.parametrize(("address", "ok"), [
    ("alex@example.org", True),
    ("Alex.Dev+merch@mail.example.co.uk", True),
    ("12345+alex@users.noreply.github.com", False),
    ("alex@users.noreply.github.com", False),
    ("noreply@github.com", False),
    ("49699333+dependabot[bot]@users.noreply.github.com", False),
    ("ci[bot]@example.org", False),
    ("not-an-address", False),
    ("alex@localhost", False),
    ("", False),
])
def test_usable_email(address: str, ok: bool) -> None:
    assert usable_email(address) is ok


def test_pick_email_prefers_the_authors_commit_address_then_the_profile() -> None:
    commits = [("other", "other@example.org"), ("alex", "1+alex@users.noreply.github.com"),
               ("ALEX", "alex@example.org"), ("alex", "second@example.org")]
    assert pick_email("alex", commits, "profile@example.org") == "alex@example.org"
    assert pick_email("alex", commits[:2], "profile@example.org") == "profile@example.org"
    assert pick_email("alex", commits[:2], "1+alex@users.noreply.github.com") == ""
    assert pick_email("alex", [("", "alex@example.org")], "") == ""  # not linked to alex


def test_claim_path_is_one_per_pr_or_one_per_person_and_period() -> None:
    window = date(2026, 1, 1)
    assert claim_path("Acme/Widgets", 42, "alex", "pr", window) == \
        "rewards/claims/pr/acme/widgets/42.json"
    assert claim_path("acme/widgets", 42, "Alex", "person-period", window) == \
        "rewards/claims/person/alex/2026-01-01.json"
    assert reward_key("Acme/Widgets", 42) == "acme/widgets#42"


def test_period_windows_are_fixed_and_cover_every_day() -> None:
    day = datetime(2026, 11, 20, 23, 59, tzinfo=UTC)
    start = period_start(day, 30)
    assert (day.date() - start).days < 30
    first = datetime(start.year, start.month, start.day, tzinfo=UTC)
    assert period_start(first + timedelta(days=29, hours=23), 30) == start
    assert period_start(first - timedelta(seconds=1), 30) == start - timedelta(days=30)
    assert period_start(day, 1) == day.date()


def test_membership_and_teams_exclude() -> None:
    teams = {"acme/staff": ["Staffer"]}
    assert membership_exclusion("acme", True, {}, "x") == "the author is a member of acme"
    assert "acme/staff" in (membership_exclusion("acme", False, teams, "staffer") or "")
    assert membership_exclusion("acme", False, teams, "alex") is None
    assert team_ref("staff", "acme") == ("acme", "staff")
    assert team_ref("other/staff", "acme") == ("other", "staff")
