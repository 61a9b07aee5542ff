# ruff: noqa: F811 - the fixtures of tests/test_app.py are imported and used by name
"""Attacks on the App from outside (issue 11): each refused clearly, none stalls the server.

Signed deliveries travel over loopback to the fake GitHub like in tests/test_app.py (whose
fixtures these tests share); the server-only attacks use an injected handler.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import pytest

from governance.adapters.github import GitHubAdapter
from governance.adapters.http import UnsafePath
from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.app.manifest import EVENTS
from governance.app.metrics import KNOWN_EVENTS
from governance.app.server import DEADLINE, AppDeps, Delivery, Result, create_app
from governance.app.signature import sign
from governance.app.wiring import app_from_settings
from governance.app.workers import THREAD_NAME
from governance.config.load import MAX_CONFIG_BYTES, ConfigError
from governance.deployment import Deployment
from governance.model import Reward
from governance.rewards.usecases import retry_pending, reward_handler
from governance.service import CONFIG_PATH, Service
from governance.settings import load_settings
from tests.fake_github import FakeGitHub
from tests.fake_smtp import SmtpFake
from tests.rewards_world import LEDGER, ORG, SENDER, RewardWorld, SimulatedCrash
from tests.rewards_world import REPO as REWARD_REPO
from tests.test_app import (  # noqa: F401 - fixtures
    MakeClient,
    clock,
    content_calls,
    content_writes,
    fake,
    make_client,
    pem,
    post,
    private_key,
    settings,
    sleeps,
)
from tests.test_app_payloads import ABUSIVE, INSTALLATION, REPO, SECRET, Sent, comment_delivery
from tests.test_config_attacks import ALIAS_BOMB


async def done(_: Delivery) -> Result:
    return Result(200, "done")


def signed(body: bytes, delivery_id: str = "d-1", event: str = "issues") -> dict[str, str]:
    return {"X-GitHub-Event": event, "X-GitHub-Delivery": delivery_id,
            "X-Hub-Signature-256": sign(SECRET, body)}


# ------------------------------------------------------------ hostile config files


@pytest.mark.parametrize("config", ["alias bomb", "over 1 MB", "over the cap", "not UTF-8"])
async def test_a_hostile_repository_config_fails_the_delivery_as_a_config_error(
        fake: FakeGitHub, make_client: MakeClient, config: str):
    files: dict[str, str | bytes] = {
        "alias bomb": ALIAS_BOMB,
        "over 1 MB": "# padding\n" * (110 * 1024),  # GitHub sends no content for it
        "over the cap": "dry_run: true\n" + "#" * MAX_CONFIG_BYTES + "\n",
        "not UTF-8": b"moderation:\n  enabled: tru\xe9\n"}
    fake.add_file(REPO, CONFIG_PATH, files[config])
    client = await make_client()
    sent, comment = comment_delivery(fake, ABUSIVE)

    started = time.perf_counter()
    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (422, "config-error")
    assert time.perf_counter() - started < 2.0
    assert content_writes(fake) == [] and comment.minimized_as is None


async def test_the_config_error_names_the_file_and_position(fake_github: FakeGitHub,
                                                            github: GitHubAdapter, clock: Any):
    fake_github.add_file(REPO, CONFIG_PATH, b"dry_run: false\nmoderation:\n  enabled: tru\xe9\n")
    fake_github.add_file("acme/.github", CONFIG_PATH, "# padding\n" * (110 * 1024))
    deployment = Deployment(github, clock)
    with pytest.raises(ConfigError) as caught:
        await deployment.config_for(REPO)
    assert caught.value.errors == [f"{REPO}/{CONFIG_PATH}:3:15: not UTF-8 text (byte 0xe9); "
                                   "save the file as UTF-8"]
    fake_github.add_file(REPO, CONFIG_PATH, "dry_run: true\n")
    with pytest.raises(ConfigError, match=r"^acme/\.github/\.github/governance\.yml:1:1: the "
                                          r"file is 1126400 bytes"):
        await deployment.config_for(REPO)


# ----------------------------------------------------------------- payload shapes


@pytest.mark.parametrize(("field", "value"), [("name", ".."), ("name", "x/../../y"),
                                              ("owner", ".."), ("owner", "acme/../x")])
async def test_a_repository_name_github_could_not_issue_is_refused(
        fake: FakeGitHub, make_client: MakeClient, field: str, value: str):
    client = await make_client()
    sent, comment = comment_delivery(fake, ABUSIVE)
    repository = sent.payload["repository"]
    if field == "name":
        repository["name"] = value
    else:
        repository["owner"]["login"] = value

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (400, "rejected")
    assert content_calls(fake) == [] and comment.minimized_as is None


async def test_the_client_refuses_a_path_escape_before_sending(fake_github: FakeGitHub,
                                                              github: GitHubAdapter):
    with pytest.raises(UnsafePath):
        await github.read_file("acme/..", CONFIG_PATH)
    with pytest.raises(UnsafePath):
        await github.read_file("acme/widgets", "../../../user")
    assert fake_github.calls == []


async def test_a_deeply_nested_signed_body_is_a_400_not_a_crash(aiohttp_client: Any):
    client = await aiohttp_client(create_app(AppDeps(webhook_secret=SECRET, handle=done)))
    body = b"[" * 100_000 + b"]" * 100_000

    response = await client.post("/webhook", data=body, headers=signed(body))

    assert response.status == 400
    assert (await response.json())["outcome"] == "rejected"


# ---------------------------------------------------------------------- /metrics


async def test_unsigned_event_headers_never_become_metrics_labels(aiohttp_client: Any):
    client = await aiohttp_client(create_app(AppDeps(webhook_secret=SECRET, handle=done)))
    for n in range(20):
        await client.post("/webhook", data=b"{}", headers={"X-GitHub-Event": f"made-up-{n}",
                                                           "X-GitHub-Delivery": f"u-{n}"})
    body = b'{"action": "opened"}'
    await client.post("/webhook", data=body, headers=signed(body, "s-1", "issues"))
    await client.post("/webhook", data=body, headers=signed(body, "s-2", "made-up-signed"))

    text = await (await client.get("/metrics")).text()

    assert "made-up" not in text
    assert 'governance_webhook_deliveries_total{event="other",outcome="unauthorized"} 20' in text
    assert 'governance_webhook_deliveries_total{event="issues",outcome="done"} 1' in text
    assert 'governance_webhook_deliveries_total{event="other",outcome="done"} 1' in text


def test_every_event_the_app_subscribes_to_is_a_known_label():
    assert {event for event, _ in EVENTS} <= KNOWN_EVENTS


async def test_metrics_ask_for_the_bearer_token_when_one_is_set(aiohttp_client: Any):
    deps = AppDeps(webhook_secret=SECRET, handle=done, metrics_token="scrape-me")
    client = await aiohttp_client(create_app(deps))

    missing = await client.get("/metrics")
    wrong = await client.get("/metrics", headers={"Authorization": "Bearer scrape-you"})
    right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
    health = await client.get("/healthz")

    assert (missing.status, wrong.status, right.status, health.status) == (401, 401, 200, 200)
    assert "governance_webhook_deliveries_total" in await right.text()
    assert "governance_webhook_deliveries_total" not in await wrong.text()


def test_the_metrics_token_comes_from_the_environment(pem: str):
    env = {"GITHUB_APP_ID": "1", "GITHUB_PRIVATE_KEY": pem, "GITHUB_WEBHOOK_SECRET": SECRET,
           "METRICS_TOKEN": "scrape-me"}
    app = load_settings(env, "app").app
    assert app is not None and app.metrics_token is not None
    assert app.metrics_token.reveal() == "scrape-me" and "scrape-me" not in repr(app)


# ------------------------------------------------------------------- slow bodies


async def test_a_body_that_drips_in_is_cut_off(aiohttp_client: Any):
    deps = AppDeps(webhook_secret=SECRET, handle=done, body_timeout=0.3)
    client = await aiohttp_client(create_app(deps))

    async def drip() -> Any:
        for _ in range(100):
            yield b" "
            await asyncio.sleep(0.05)

    started = time.perf_counter()
    response = await client.post("/webhook", data=drip(),
                                 headers={"X-GitHub-Event": "issues", "X-GitHub-Delivery": "x",
                                          "Content-Type": "application/json"})

    assert response.status == 408
    assert time.perf_counter() - started < 2.0
    assert json.loads(await response.text())["outcome"] == "slow-body"


async def test_a_delivery_sent_at_once_is_not_affected(aiohttp_client: Any):
    deps = AppDeps(webhook_secret=SECRET, handle=done, body_timeout=0.3)
    client = await aiohttp_client(create_app(deps))
    body = Sent("issues", {"action": "opened"}, "d-2").body
    response = await client.post("/webhook", data=body, headers=signed(body))
    assert response.status == 200


# ------------------------------------------------------------- slow classification


async def test_healthz_answers_while_a_slow_comment_is_classified(
        fake: FakeGitHub, make_client: MakeClient, monkeypatch: pytest.MonkeyPatch):
    # Thousands of secret-looking lines took seconds before the detector was made linear;
    # whatever a future rule costs, it runs on a worker thread. A classification that holds
    # the CPU for 0.8 s stands in for it, so the test does not depend on today's speed.
    import governance.decision.machine

    real_assess = governance.decision.machine.assess

    def slow_assess(*args: Any, **kwargs: Any) -> Any:
        deadline = time.perf_counter() + 0.8
        while time.perf_counter() < deadline:
            pass
        return real_assess(*args, **kwargs)

    monkeypatch.setattr(governance.decision.machine, "assess", slow_assess)
    slow = "\n".join(f"pw=h{n}" for n in range(3000))
    client = await make_client()
    sent, _ = comment_delivery(fake, slow)
    began = time.perf_counter()
    delivery = asyncio.create_task(post(client, sent))
    latencies: list[float] = []
    while not delivery.done():
        started = time.perf_counter()
        response = await client.get("/healthz")
        latencies.append(time.perf_counter() - started)
        assert response.status == 200
        await asyncio.sleep(0.02)
    await delivery
    took = time.perf_counter() - began

    # Relative, so that a loaded machine cannot decide it: on the loop, one /healthz
    # waited for nearly the whole classification, i.e. most of the delivery.
    assert max(latencies) < took / 4, f"/healthz waited {max(latencies):.2f} of {took:.2f} s"
    assert any(t.name.startswith(THREAD_NAME) for t in threading.enumerate())


# ------------------------------------------------------------ outside deadlines


async def test_an_smtp_server_stalling_after_data_leaves_the_reward_to_the_sweep(
        reward_world: RewardWorld, pem: str, aiohttp_client: Any, smtp_stalling: SmtpFake,
        caplog: pytest.LogCaptureFixture):
    w = reward_world
    w.fake.add_installation(INSTALLATION, ORG)
    number = w.merged_pr("first-pr-alex", emails=("alex@example.org",))
    payload = w.payload("first-pr-alex", number)
    payload["installation"] = {"id": INSTALLATION}
    env = {"GITHUB_APP_ID": "1", "GITHUB_PRIVATE_KEY": pem, "GITHUB_WEBHOOK_SECRET": SECRET,
           "GITHUB_API_URL": w.fake.url, "SMTP_HOST": smtp_stalling.host,
           "SMTP_PORT": str(smtp_stalling.port), "SMTP_TLS": "none", "SMTP_FROM": SENDER}
    client = await aiohttp_client(await app_from_settings(load_settings(env, "app"),
                                                          clock=w.clock))
    answers = []
    for delivery_id in ("merge-1", "merge-1-redelivered"):
        started = time.perf_counter()
        answers.append((*await post(client, Sent("pull_request", payload, delivery_id)),
                        time.perf_counter() - started))

    for status, body, seconds in answers:
        assert (status, body["outcome"]) == (202, "left-to-sweep"), body
        assert "pending (mail-failed); left to the sweep" in body["detail"]
        assert seconds < DEADLINE, "answered within the delivery's deadline"
    assert smtp_stalling.collector.stalled == 2 and smtp_stalling.messages == []
    claim = w.claim(number)
    assert (claim.state.value, claim.pending, claim.lease_owner) == ("allocated",
                                                                     "mail-failed", "")
    assert sum("left to the sweep" in r.getMessage() for r in caplog.records) >= 2

    (outcome,) = await retry_pending(w.deps(), LEDGER)  # the sweep, with SMTP back

    assert outcome.state == "thanked" and len(w.mails_to("alex@example.org")) == 1


async def test_a_reward_held_by_another_worker_is_not_answered_done(
        reward_world: RewardWorld):
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=("alex@example.org",))
    crashing = w.deps()
    w.crashes.armed.add("allocated")  # this worker dies holding the claim's lease
    with pytest.raises(SimulatedCrash):
        await w.reward("first-pr-alex", number, crashing)
    service = Service(Deployment(  # wired as runtime.wire wires it
        w.github, w.clock, mailer=w.mailer,
        handlers_for=lambda _d, left: {Reward: reward_handler(w.deps(), left)}))

    outcome = await service.handle("pull_request", w.payload("first-pr-alex", number))

    assert outcome.left_to_sweep == (
        f"reward {REWARD_REPO}#{number}: another worker holds its claim; left to the sweep",)


async def test_a_reward_cut_off_by_the_deadline_frees_its_claim_for_the_redelivery(
        reward_world: RewardWorld, smtp_stalling: SmtpFake):
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=("alex@example.org",))
    stalled = SmtpMailer(SmtpSettings(smtp_stalling.host, smtp_stalling.port, SENDER,
                                      security="none", timeout_seconds=60))
    deps = w.deps()
    deps.mailer = stalled

    with pytest.raises(TimeoutError):  # the delivery's deadline, as the App's server sets it
        await asyncio.wait_for(w.reward("first-pr-alex", number, deps), 1.0)
    for _ in range(100):  # the claim is freed in the background
        if not w.claim(number).lease_owner:
            break
        await asyncio.sleep(0.02)

    assert w.claim(number).lease_owner == ""
    assert (await w.reward("first-pr-alex", number)).state == "thanked"
    assert len(w.mails_to("alex@example.org")) == 1
