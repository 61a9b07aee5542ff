"""The circuit breaker: a burst of the bot's hides trips review mode for the repository,
which ends by time or by ``/coc resume``; spam waves from new accounts do not count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.deployment import Deployment
from governance.ledger.breaker import BREAKER_LABEL, path_of
from governance.model import Association, BreakerState, ContentEvent, RecordReview
from governance.policy import breaker
from governance.policy.signals import AccountSignals
from governance.policy.waves import NO_WAVE, Wave
from governance.service import Outcome, Service
from tests.builders import config, event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

REPO = "acme/widgets"
LEDGER = "acme/coc-ledger"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
SETTINGS = config(moderation={"breaker": {"max_actions": 3, "window_minutes": 10,
                                           "cooldown_hours": 2}}).moderation.breaker
CONFIG = f"""ledger:
  repository: {LEDGER}
moderation:
  breaker:
    max_actions: 3
    window_minutes: 10
    cooldown_hours: 2
"""


# ------------------------------------------------------------------ the pure count


def count(state: BreakerState, key: str, at: datetime) -> BreakerState:
    new = breaker.counted(state, key, f"https://github.com/{REPO}/issues/1#{key}", at, SETTINGS)
    assert new is not None
    return new


def test_one_more_than_max_actions_in_the_window_trips_the_breaker():
    state = BreakerState()
    for n in range(3):
        state = count(state, f"c{n}", NOW + timedelta(minutes=n))
    assert not breaker.is_open(state, NOW + timedelta(minutes=3))
    state = count(state, "c3", NOW + timedelta(minutes=3))
    assert breaker.is_open(state, NOW + timedelta(minutes=3))
    assert state.open_until == NOW + timedelta(minutes=3, hours=2)
    assert state.reason == "4 hides, redactions or deletions within 10 minutes (limit 3)"
    assert breaker.tripped_by(state, "c3", NOW + timedelta(minutes=3))
    assert not breaker.tripped_by(state, "c2", NOW + timedelta(minutes=3))
    assert not breaker.is_open(state, NOW + timedelta(minutes=3, hours=2))


def test_actions_older_than_the_window_do_not_count():
    state = BreakerState()
    for n in range(6):
        state = count(state, f"c{n}", NOW + timedelta(minutes=4 * n))
    assert not breaker.is_open(state, NOW + timedelta(minutes=20))
    assert len(state.acted) == 3  # 12, 16, 20 minutes: the others fell out of the window


def test_a_redelivered_action_is_counted_once_and_resume_ends_review_mode():
    state = count(BreakerState(), "c0", NOW)
    assert breaker.counted(state, "c0", "", NOW, SETTINGS) is None
    for n in range(1, 4):
        state = count(state, f"c{n}", NOW)
    ended = breaker.resumed(state, "maintainer", NOW)
    assert ended is not None and not breaker.is_open(ended, NOW)
    assert ended.acted == ()  # the count starts again
    assert breaker.resumed(ended, "maintainer", NOW) is None


def test_only_spam_wave_members_from_new_accounts_are_left_out_of_the_count():
    wave = Wave(key=1, count=3, threads=("a#1", "a#2"), authors=("x", "y"))
    newcomer = event(ABUSIVE, association=Association.FIRST_TIMER)
    regular = event(ABUSIVE, association=Association.CONTRIBUTOR)
    cfg = config()
    young = AccountSignals(age_days=2, followers=0, public_repos=0)
    old = AccountSignals(age_days=900, followers=0, public_repos=0)
    assert breaker.new_account_wave(newcomer, wave, None, cfg)
    assert breaker.new_account_wave(newcomer, wave, young, cfg)
    assert not breaker.new_account_wave(newcomer, wave, old, cfg)
    assert not breaker.new_account_wave(regular, wave, young, cfg)
    assert not breaker.new_account_wave(newcomer, NO_WAVE, young, cfg)


# ------------------------------------------------------------------ through the service


def service(github: GitHubAdapter, clock: ManualClock) -> Service:
    return Service(Deployment(github, clock, ledger_for=runtime.ledger_for(github, clock),
                              bans_for=runtime.bans_for(github, clock),
                              breaker_for=runtime.breaker_for(github, clock)))


def abusive(fake: FakeGitHub, login: str) -> ContentEvent:
    issue = fake.add_issue(REPO, title="Crash on startup")
    posted = fake.add_comment(REPO, issue.number, ABUSIVE, author=login)
    return event(ABUSIVE, login=login, association=Association.CONTRIBUTOR,
                 number=issue.number, node_id=posted.node_id, rest_id=posted.id,
                 thread_node_id=issue.node_id,
                 html_url=f"https://github.com/{REPO}/issues/{issue.number}"
                          f"#issuecomment-{posted.id}")


def setup(fake: FakeGitHub) -> None:
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", CONFIG)
    fake.set_permission(REPO, "maintainer", "maintain")
    fake.set_permission(REPO, "reader", "read")


async def burst(fake: FakeGitHub, svc: Service, n: int, clock: ManualClock) -> list[ContentEvent]:
    events = []
    for i in range(n):
        ev = abusive(fake, f"troll{i}")
        await svc.handle_event(ev)
        clock.advance(seconds=30)
        events.append(ev)
    return events


def hidden(fake: FakeGitHub, ev: ContentEvent) -> bool:
    return fake.comments[ev.node_id].minimized_as is not None


def breaker_reviews(outcome: Outcome) -> list[RecordReview]:
    assert outcome.plan is not None
    return [a for a in outcome.plan.actions
            if isinstance(a, RecordReview) and a.reason.startswith("circuit breaker")]


async def test_a_burst_trips_review_mode_which_ends_by_time(
        fake_github: FakeGitHub, github: GitHubAdapter):
    setup(fake_github)
    clock = ManualClock(NOW)
    svc = service(github, clock)
    first = await burst(fake_github, svc, 3, clock)
    assert all(hidden(fake_github, ev) for ev in first)

    fourth = abusive(fake_github, "troll3")
    outcome = await svc.handle_event(fourth)

    assert not hidden(fake_github, fourth)
    assert outcome.done == ("record_review",)
    (review,) = breaker_reviews(outcome)
    assert "review mode until 2026-11-22 14:01 UTC" in review.reason
    assert "would have done: hide issue_comment" in review.reason
    (trip,) = [i for i in fake_github.repo(LEDGER).issues.values() if BREAKER_LABEL in i.labels]
    assert trip.title == f"Circuit breaker: {REPO} in review mode since 2026-11-22 12:01 UTC"
    assert "4 hides, redactions or deletions within 10 minutes (limit 3)" in trip.body
    assert all(ev.html_url in trip.body for ev in [*first, fourth])
    assert path_of(REPO) in fake_github.repo(LEDGER).files

    # a redelivery of the fourth neither hides it nor records the trip twice
    await svc.handle_event(fourth)
    assert not hidden(fake_github, fourth)
    assert len([i for i in fake_github.repo(LEDGER).issues.values()
                if BREAKER_LABEL in i.labels]) == 1

    clock.advance(hours=2)
    later = abusive(fake_github, "troll9")
    await svc.handle_event(later)
    assert hidden(fake_github, later)


async def test_resume_by_a_moderator_ends_review_mode_early_and_a_reader_cannot(
        fake_github: FakeGitHub, github: GitHubAdapter):
    setup(fake_github)
    clock = ManualClock(NOW)
    svc = service(github, clock)
    await burst(fake_github, svc, 4, clock)

    issue = fake_github.add_issue(REPO, title="Bot went wild")
    by_reader = fake_github.add_comment(REPO, issue.number, "/coc resume", author="reader")
    await svc.handle_event(event("/coc resume", login="reader", number=issue.number,
                                 node_id=by_reader.node_id, rest_id=by_reader.id))
    still = abusive(fake_github, "troll5")
    assert breaker_reviews(await svc.handle_event(still))
    assert not hidden(fake_github, still)

    posted = fake_github.add_comment(REPO, issue.number, "/coc resume rule fixed",
                                     author="maintainer")
    resume = event("/coc resume rule fixed", login="maintainer", number=issue.number,
                   association=Association.MEMBER, node_id=posted.node_id, rest_id=posted.id)
    outcome = await svc.handle_event(resume)
    assert outcome.plan is not None, outcome
    assert "resume_moderation" in outcome.done, outcome.plan.render()

    (trip,) = [i for i in fake_github.repo(LEDGER).issues.values() if BREAKER_LABEL in i.labels]
    assert trip.state == "closed"
    assert any("ended early by @maintainer" in c.body and "rule fixed" in c.body
               for c in fake_github.comments_on(LEDGER, trip.number))
    after = abusive(fake_github, "troll6")
    await svc.handle_event(after)
    assert hidden(fake_github, after)


async def test_a_switched_off_breaker_neither_reads_nor_counts(
        fake_github: FakeGitHub, github: GitHubAdapter):
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, ".github/governance.yml",
                         CONFIG + "    enabled: false\n")
    clock = ManualClock(NOW)
    events = await burst(fake_github, service(github, clock), 5, clock)
    assert all(hidden(fake_github, ev) for ev in events)
    assert path_of(REPO) not in fake_github.repo(LEDGER).files
    assert not [c for c in fake_github.calls if "breaker/" in c.path]


async def test_an_acted_on_comment_costs_one_read_and_one_write_a_benign_one_nothing(
        fake_github: FakeGitHub, github: GitHubAdapter):
    setup(fake_github)
    clock = ManualClock(NOW)
    svc = service(github, clock)
    issue = fake_github.add_issue(REPO, title="Thanks")
    kind = fake_github.add_comment(REPO, issue.number, "Thanks, the fix works on Windows 11.")
    await svc.handle_event(event("Thanks, the fix works on Windows 11.", number=issue.number,
                                 node_id=kind.node_id, rest_id=kind.id))
    assert not [c for c in fake_github.calls if "breaker/" in c.path]

    await svc.handle_event(abusive(fake_github, "troll0"))
    touched = [(c.method, c.is_write) for c in fake_github.calls if "breaker/" in c.path]
    assert touched == [("GET", False), ("PUT", True)]
