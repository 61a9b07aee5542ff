"""The deployment and the repository's context: where the config is read, what one event
is given, and the one set-up every edge builds (``runtime.wire``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.adapters.mail import SmtpMailer
from governance.config.load import REPO_CONFIG, ConfigError
from governance.config.types import Config
from governance.deployment import ConfigSource, Deployment
from governance.ledger.store import GitHubLedger
from governance.model import Association, HoldReward, ReleaseReward, Reward
from governance.ports import LedgerStore
from governance.service import Service
from governance.settings import Secret, Settings, SmtpSettings, SmtpTls
from tests.builders import config, event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

REPO = "acme/widgets"
LEDGER = "acme/coc-ledger"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."


def test_the_usual_path_reads_as_usual_and_another_one_must_exist():
    assert ConfigSource.named(REPO_CONFIG) == ConfigSource.named("") == ConfigSource()
    assert not ConfigSource().required
    assert ConfigSource.named("ops/conduct.yml") == ConfigSource("ops/conduct.yml", True)


async def test_a_named_config_is_read_over_the_organisation_defaults(
        fake_github: FakeGitHub, github: GitHubAdapter):
    fake_github.add_file("acme/.github", REPO_CONFIG, f"ledger:\n  repository: {LEDGER}\n")
    fake_github.add_file(REPO, "ops/conduct.yml", "dry_run: true\n")

    config = await ConfigSource.named("ops/conduct.yml").load(github, REPO)

    assert config.dry_run and config.ledger.repository == LEDGER


async def test_a_missing_named_config_is_an_error_and_the_usual_one_means_defaults(
        fake_github: FakeGitHub, github: GitHubAdapter):
    fake_github.add_repo(REPO)

    with pytest.raises(ConfigError) as caught:
        await ConfigSource.named("ops/conduct.yml").load(github, REPO)

    assert caught.value.errors == [f"{REPO}/ops/conduct.yml: not found on the default branch"]
    assert not (await ConfigSource().load(github, REPO)).ledger.repository


def counting(github: GitHubAdapter, clock: ManualClock, built: Counter[str]) -> Deployment:
    """A deployment whose factories count what they build."""

    def ledger_for(config: Config) -> LedgerStore | None:
        built["ledger"] += 1
        repository = config.ledger.repository
        return GitHubLedger(github, repository, clock) if repository else None

    def handlers_for(_deployment: Deployment, left: object) -> dict[type, object]:
        built["handlers"] += 1
        return {}

    return Deployment(github, clock, ledger_for=ledger_for,
                      handlers_for=handlers_for)  # type: ignore[arg-type]


async def test_one_event_asks_for_its_context_once(fake_github: FakeGitHub,
                                                    github: GitHubAdapter):
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, REPO_CONFIG, f"ledger:\n  repository: {LEDGER}\n")
    issue = fake_github.add_issue(REPO, title="Crash on startup")
    posted = fake_github.add_comment(REPO, issue.number, ABUSIVE, author="drive-by")
    ev = event(ABUSIVE, login="drive-by", association=Association.CONTRIBUTOR,
               number=issue.number, node_id=posted.node_id, rest_id=posted.id,
               thread_node_id=issue.node_id)
    built: Counter[str] = Counter()

    outcome = await Service(counting(github, ManualClock(NOW), built)).handle_event(ev)

    # read the record, decided, hid and recorded: with the one ledger built for the event
    assert outcome.done[:2] == ("hide_comment", "record_incident")
    assert built == {"ledger": 1, "handlers": 1}


async def test_each_context_has_its_own_list_of_what_was_left_to_the_sweep(
        github: GitHubAdapter):
    def handlers_for(_deployment: Deployment, left: Callable[[str], None]) -> dict[type, Any]:
        async def reward(_action: Reward) -> None:
            left("reward left to the sweep")

        return {Reward: reward}

    deployment = Deployment(github, ManualClock(NOW), handlers_for=handlers_for)
    first = deployment.context_of(config())
    second = deployment.context_of(config())

    await first.handlers[Reward](None)

    assert (first.left_to_sweep, second.left_to_sweep) == (["reward left to the sweep"], [])


async def test_the_set_up_wires_the_reward_handlers_and_the_edge_options(
        github: GitHubAdapter):
    smtp = SmtpSettings("smtp.example.org", 465, "bot@example.org", tls=SmtpTls.IMPLICIT,
                        username="bot", password=Secret("pw"))
    setup = runtime.SetUp(config=ConfigSource.named("ops/conduct.yml"), dry_run=True,
                          clock=ManualClock(NOW), serving=True)
    async with aiohttp.ClientSession() as http:
        wiring = runtime.wire(Settings(smtp=smtp), http, github, setup)
    deployment = wiring.deployment

    assert deployment.config_source == ConfigSource("ops/conduct.yml", True)
    assert deployment.dry_run and deployment.clock is setup.clock
    assert isinstance(deployment.mailer, SmtpMailer)
    assert deployment.mailer.settings.timeout_seconds == runtime.APP_MAIL_TIMEOUT
    handlers = deployment.context_of(config()).handlers
    assert set(handlers) == {Reward, HoldReward, ReleaseReward}
