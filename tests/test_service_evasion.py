"""Ban evasion through the service: a ban lands in the ledger's ban index, a first-time
account resembling the banned person gets a review item (never an action), and the check
costs established participants nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.config.load import load_config
from governance.deployment import Deployment
from governance.executor import Executor
from governance.ledger import bans as bans_module
from governance.ledger.bans import PATH, LedgerBans, ParsedBans, from_json, to_json
from governance.model import Association, ContentEvent, Plan, RecordPardon, RecordReview
from governance.ports import ActiveBan
from governance.service import Service
from tests.builders import event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

ORG = "acme"
REPO = f"{ORG}/widgets"
LEDGER = f"{ORG}/coc-ledger"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
SPAM = ("Cheap followers and stars for your repository, message me on telegram for the "
        "price list")
BENIGN = "Has anyone tried building this on a Raspberry Pi? The docs do not say."
CONFIG = f"ledger:\n  repository: {LEDGER}\nladder:\n  first_timer_spam: temporary-ban\n"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def service(fake_github: FakeGitHub, github: GitHubAdapter, clock: ManualClock) -> Service:
    fake_github.add_org(ORG)
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, ".github/governance.yml", CONFIG)
    return Service(Deployment(github, clock, ledger_for=runtime.ledger_for(github, clock),
                              bans_for=runtime.bans_for(github, clock)))


def comment(fake: FakeGitHub, body: str, login: str,
            association: Association = Association.NONE) -> ContentEvent:
    issue = fake.add_issue(REPO, title="Widgets crash")
    posted = fake.add_comment(REPO, issue.number, body, author=login)
    return event(body, login=login, association=association, number=issue.number,
                 node_id=posted.node_id, rest_id=posted.id, thread_node_id=issue.node_id,
                 html_url=f"https://github.com/{REPO}/issues/{issue.number}"
                          f"#issuecomment-{posted.id}")


def ban_reads(fake: FakeGitHub) -> int:
    return len(fake.requests("GET", rf"/repos/{LEDGER}/contents/{PATH}"))


def public_writes(fake: FakeGitHub) -> int:
    return len([c for c in fake.writes if LEDGER not in c.path])


async def ban_starseller(fake: FakeGitHub, service: Service) -> None:
    outcome = await service.handle_event(comment(fake, SPAM, "starseller"))
    assert "block_user" in outcome.done, outcome.plan
    [ban] = await LedgerBans(service.deployment.github, LEDGER,
                             service.deployment.clock).active_bans()
    assert ban.login == "starseller" and ban.fingerprints and ban.until is not None


async def test_a_look_alike_newcomer_gets_a_review_item_and_nothing_else(
        fake_github: FakeGitHub, service: Service):
    await ban_starseller(fake_github, service)
    before, public = ban_reads(fake_github), public_writes(fake_github)

    outcome = await service.handle_event(comment(fake_github, BENIGN, "starse11er"))

    assert outcome.done == ("record_review",)
    assert outcome.plan is not None
    [review] = outcome.plan.actions
    assert isinstance(review, RecordReview) and "@starseller" in review.reason
    assert ban_reads(fake_github) == before + 1
    assert public_writes(fake_github) == public  # nothing outside the private ledger


async def test_the_banned_text_from_a_new_account_adds_a_review_to_the_moderation(
        fake_github: FakeGitHub, service: Service):
    await ban_starseller(fake_github, service)

    outcome = await service.handle_event(comment(fake_github, SPAM + "!", "fresh-account"))

    assert outcome.plan is not None
    reviews = [a for a in outcome.plan.actions if isinstance(a, RecordReview)]
    assert any("possible ban evasion" in r.reason for r in reviews)
    assert "hide_comment" in outcome.done  # the spam itself is moderated as usual


async def test_established_participants_cost_no_read_of_the_bans(
        fake_github: FakeGitHub, service: Service):
    await ban_starseller(fake_github, service)
    before = ban_reads(fake_github)

    ev = comment(fake_github, BENIGN, "starse11er", Association.CONTRIBUTOR)
    outcome = await service.handle_event(ev)

    assert outcome.done == ("skip",) and ban_reads(fake_github) == before


async def test_a_pardon_or_an_expiry_ends_the_match(fake_github: FakeGitHub, service: Service,
                                                     clock: ManualClock):
    await ban_starseller(fake_github, service)
    bans = LedgerBans(service.deployment.github, LEDGER, clock)
    [ban] = await bans.active_bans()
    clock.moment = ban.until + timedelta(seconds=1)  # type: ignore[operator]
    assert await bans.active_bans() == []

    clock.moment = NOW
    pardon = RecordPardon("starseller", "pardon-1", ban.key, "mod-ann", NOW)
    github = service.deployment.github
    ledger = runtime.ledger_for(github, clock)(await service.deployment.config_for(REPO))
    await Executor(github, ledger, bans=bans).carry_out(
        Plan("pardon", (pardon,), dry_run=False))

    assert await bans.active_bans() == []
    outcome = await service.handle_event(comment(fake_github, BENIGN, "starse11er"))
    assert outcome.done == ("skip",)



@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of bans.json parsed from now on, with a fresh cache of parsed lists."""
    seen: list[str] = []

    def counted(text: str) -> list[ActiveBan]:
        seen.append(text)
        return from_json(text)

    monkeypatch.setattr(bans_module, "from_json", counted)
    monkeypatch.setattr(bans_module, "PARSED", ParsedBans())
    return seen


async def test_the_ban_file_is_parsed_once_per_change_not_once_per_read(
        fake_github: FakeGitHub, github: GitHubAdapter, clock: ManualClock, parses: list[str]):
    fake_github.add_repo(LEDGER, private=True)
    config = load_config(CONFIG, None)

    def for_an_event() -> LedgerBans:  # as the App builds them: one per event
        bans = runtime.bans_for(github, clock)(config)
        assert isinstance(bans, LedgerBans)
        return bans

    ban = ActiveBan("starseller", "incident-1", NOW + timedelta(days=3), (12345,))
    await for_an_event().add_ban(ban)
    assert from_json(fake_github.repo(LEDGER).files[PATH].text) == [ban]
    for _ in range(3):
        assert await for_an_event().active_bans() == [ban]
    assert parses == []  # the list written is the list read: nothing to parse

    other = ActiveBan("spammer", "incident-2", None, ())
    fake_github.add_file(LEDGER, PATH, to_json([ban, other]))  # another replica's write
    for _ in range(3):
        assert await for_an_event().active_bans() == [ban, other]
    assert len(parses) == 1


async def test_parsed_ban_lists_keep_one_entry_per_ledger(
        fake_github: FakeGitHub, github: GitHubAdapter, clock: ManualClock, parses: list[str]):
    ledgers = (LEDGER, f"{ORG}/other-ledger")
    for ledger in ledgers:
        fake_github.add_repo(ledger, private=True)
        for i in range(3):
            fake_github.add_file(ledger, PATH, to_json([ActiveBan(f"user{i}", f"k{i}", None)]))
            [ban] = await LedgerBans(github, ledger, clock).active_bans()
            assert ban.login == f"user{i}"
    assert len(bans_module.PARSED) == len(ledgers) and len(parses) == 6
