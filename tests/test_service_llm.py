"""The LLM second opinion through the service: only borderline verdicts are sent, the answer
moves the decision, and a slow or broken endpoint leaves the local decision standing.
The chat endpoint is the loopback fake of ``tests/fake_llm.py``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import aiohttp
import pytest

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.config import defaults
from governance.decision import assess
from governance.deployment import Deployment
from governance.model import ContentEvent, Verdict
from governance.service import Service
from governance.settings import DEFAULT_LLM_URL, LlmSettings, Secret, Settings
from tests.builders import config, event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub
from tests.fake_llm import FakeChat, serve_chat

REPO = "acme/widgets"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
BORDERLINE = "contact me on telegram"  # a gig offer, no more: scores between review and act
BENIGN = "Thanks for the quick fix! I tested the patch on Windows 11 and the crash is gone."
KEY = "k-test-123"
SOLICITATION_ANSWER = '{"label": "solicitation", "confidence": 1.0, "reason": "gig"}'


@pytest.fixture
async def chat() -> AsyncIterator[tuple[FakeChat, str]]:
    async with serve_chat(FakeChat(content=SOLICITATION_ANSWER)) as served:
        yield served


@pytest.fixture
async def elsewhere() -> AsyncIterator[tuple[FakeChat, str]]:
    """Another endpoint: where a repository's config might try to send the key."""
    async with serve_chat(FakeChat(content=SOLICITATION_ANSWER)) as served:
        yield served


@pytest.fixture
async def service(github: GitHubAdapter) -> AsyncIterator[Service]:
    async with aiohttp.ClientSession() as session:
        yield Service(Deployment(github, ManualClock(NOW),
                                 llm_for=runtime.llm_for(session, {"GITHUB_TOKEN": KEY})))


def llm_config(fake: FakeGitHub, url: str, *, enabled: bool = True,
               timeout: float = 2.0) -> None:
    fake.add_file(REPO, ".github/governance.yml",
                  f"llm:\n  enabled: {str(enabled).lower()}\n  url: {url}\n"
                  f"  timeout_seconds: {timeout}\n")


def comment(fake: FakeGitHub, body: str) -> ContentEvent:
    issue = fake.add_issue(REPO, title="Crash on startup")
    posted = fake.add_comment(REPO, issue.number, body, author="drive-by")
    return event(body, login="drive-by", number=issue.number, node_id=posted.node_id,
                 rest_id=posted.id, thread_node_id=issue.node_id)


def test_the_example_is_borderline_for_the_default_band():
    verdict = assess(event(BORDERLINE), config(), NOW)
    low, high = config().llm.band
    assert low <= verdict.score < high, verdict


async def test_agreement_turns_a_review_into_hiding(fake_github: FakeGitHub, service: Service,
                                                    chat: tuple[FakeChat, str]):
    fake, url = chat
    llm_config(fake_github, url)

    outcome = await service.handle_event(comment(fake_github, BORDERLINE))

    assert outcome.done == ("hide_comment",)
    assert fake.headers == [f"Bearer {KEY}"]
    assert BORDERLINE in fake.requests[0]["messages"][1]["content"]
    assert outcome.plan is not None and outcome.plan.verdict is not None
    assert "llm.second_opinion" in {h.rule_id for h in outcome.plan.verdict.hits}


async def test_an_ok_opinion_leaves_the_content_alone(fake_github: FakeGitHub, service: Service,
                                                      chat: tuple[FakeChat, str]):
    fake, url = chat
    fake.content = '{"label": "ok", "confidence": 1.0}'
    llm_config(fake_github, url)

    outcome = await service.handle_event(comment(fake_github, BORDERLINE))

    assert outcome.done == ("skip",) and len(fake.requests) == 1


async def test_a_slow_endpoint_leaves_the_local_decision(fake_github: FakeGitHub,
                                                         service: Service,
                                                         chat: tuple[FakeChat, str]):
    fake, url = chat
    fake.delay = 1.5
    llm_config(fake_github, url, timeout=0.5)

    outcome = await service.handle_event(comment(fake_github, BORDERLINE))

    assert outcome.plan is not None
    assert [a.kind for a in outcome.plan.actions] == ["record_review"]  # as without the LLM


async def test_clear_verdicts_and_a_disabled_config_send_nothing(
        fake_github: FakeGitHub, service: Service, chat: tuple[FakeChat, str]):
    fake, url = chat
    llm_config(fake_github, url)
    assert (await service.handle_event(comment(fake_github, BENIGN))).done == ("skip",)
    llm_config(fake_github, url, enabled=False)
    assert (await service.handle_event(comment(fake_github, BORDERLINE))).plan is not None
    assert fake.requests == []


def test_only_the_token_the_run_holds_is_a_key_and_only_under_its_own_name():
    assert runtime.llm_keys(Settings(token=Secret("t-1"))) == {"GITHUB_TOKEN": "t-1"}
    assert runtime.llm_keys(Settings()) == {}  # the App: no token; only LLM_API_KEY serves


async def test_the_deployment_key_goes_only_to_the_deployment_endpoint(
        fake_github: FakeGitHub, github: GitHubAdapter, chat: tuple[FakeChat, str],
        elsewhere: tuple[FakeChat, str]):
    """The App's own key (LLM_API_KEY) with its LLM_URL: a repository's llm.url and
    llm.api_key_env cannot send it anywhere else."""
    deployment, deployment_url = chat
    other, other_url = elsewhere
    fake_github.add_file(REPO, ".github/governance.yml",
                         f"llm:\n  enabled: true\n  url: {other_url}\n"
                         f"  api_key_env: SOMETHING_ELSE\n")
    settings = Settings(llm=LlmSettings(Secret("deploy-key-9"), deployment_url))
    async with aiohttp.ClientSession() as session:
        setup = runtime.SetUp(clock=ManualClock(NOW))
        service = runtime.wire(settings, session, github, setup).service
        outcome = await service.handle_event(comment(fake_github, BORDERLINE))

    assert outcome.done == ("hide_comment",)
    assert deployment.headers == ["Bearer deploy-key-9"] and other.requests == []


def test_the_deployment_key_without_a_url_goes_to_github_models():
    schema_url = defaults.schema()["properties"]["llm"]["properties"]["url"]["default"]
    assert schema_url == DEFAULT_LLM_URL


class Hanging:
    """A second opinion that ignores its own timeout, or fails outright."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    async def review(self, text: str, verdict: Verdict) -> Verdict:
        if self.fail:
            raise RuntimeError("broken client")
        await asyncio.sleep(30)
        return verdict


@pytest.mark.parametrize("fail", [False, True])
async def test_the_service_bounds_the_wait_and_survives_a_failing_port(
        fake_github: FakeGitHub, github: GitHubAdapter, fail: bool):
    llm_config(fake_github, "http://127.0.0.1:9/unused", timeout=0.5)
    service = Service(Deployment(github, ManualClock(NOW), llm_for=lambda _config: Hanging(fail)))

    outcome = await service.handle_event(comment(fake_github, BORDERLINE))

    assert outcome.plan is not None
    assert [a.kind for a in outcome.plan.actions] == ["record_review"]
