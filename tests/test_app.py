"""The GitHub App end to end: signed deliveries in, real HTTP to the fake GitHub out.

Each test builds the App from settings (App id, a key made for the test, the webhook secret,
``GITHUB_API_URL`` pointing at the fake), so JWTs, installation tokens, config reads and
moderation calls all travel over loopback and are checked against GitHub's contracts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from governance.adapters.retry import RetryPolicy
from governance.app.auth import InstallationTokens
from governance.app.wiring import app_from_settings
from governance.messages import REDACTED_MARKER
from governance.settings import Settings, load_settings
from tests.clock import ManualClock
from tests.fake_github import Call, FakeGitHub
from tests.test_app_payloads import (
    ABUSIVE,
    BENIGN,
    INSTALLATION,
    OWNER,
    PHONE,
    PII,
    REPO,
    SECRET,
    SPAM,
    Sent,
    comment_delivery,
    ignored_delivery,
)

APP_ID = 4242
MakeClient = Callable[..., Awaitable[TestClient]]


@pytest.fixture(scope="module")
def private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def pem(private_key: rsa.RSAPrivateKey) -> str:
    return private_key.private_bytes(serialization.Encoding.PEM,
                                     serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()).decode()


@pytest.fixture
def fake(fake_github: FakeGitHub) -> FakeGitHub:
    fake_github.add_repo(REPO)
    fake_github.add_installation(INSTALLATION, OWNER)
    fake_github.valid_tokens = set()  # only installation tokens the fake issued work
    return fake_github


@pytest.fixture
def settings(fake: FakeGitHub, pem: str) -> Settings:
    env = {"GITHUB_APP_ID": str(APP_ID), "GITHUB_PRIVATE_KEY": pem,
           "GITHUB_WEBHOOK_SECRET": SECRET, "GITHUB_API_URL": fake.url}
    return load_settings(env, "app")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def make_client(aiohttp_client: Any, settings: Settings, clock: ManualClock,
                sleeps: list[float]) -> MakeClient:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def make(**options: Any) -> TestClient:
        retry = RetryPolicy(max_tries=3, max_wait=3.0, sleep=sleep, random=lambda: 0.5)
        app = await app_from_settings(settings, clock=clock, retry=retry, **options)
        client: TestClient = await aiohttp_client(app)
        return client

    return make


@pytest.fixture
async def client(make_client: MakeClient) -> TestClient:
    return await make_client()


async def post(client: TestClient, sent: Sent, *, secret: str = SECRET,
               headers: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    response = await client.post("/webhook", data=sent.body,
                                 headers=headers if headers is not None else sent.headers(secret))
    return response.status, await response.json()


def content_calls(fake: FakeGitHub) -> list[Call]:
    """Calls made inside the installation (not the App's own token requests)."""
    return [c for c in fake.calls if not c.path.startswith("/app/")]


def content_writes(fake: FakeGitHub) -> list[Call]:
    return [c for c in content_calls(fake) if c.is_write]


# ----------------------------------------------------------------------- moderation


async def test_abusive_comment_is_hidden_once_as_abuse(fake: FakeGitHub, client: TestClient):
    sent, comment = comment_delivery(fake, ABUSIVE)

    status, body = await post(client, sent)

    assert (status, body["outcome"], body["actions"]) == (200, "done", ["hide_comment"])
    [write] = content_writes(fake)
    assert write.graphql_fields == ("minimizeComment",)
    assert write.variables == {"id": comment.node_id, "classifier": "ABUSE"}
    assert comment.minimized_as == "ABUSE"


async def test_spam_comment_is_hidden_as_spam(fake: FakeGitHub, client: TestClient):
    sent, comment = comment_delivery(fake, SPAM)

    status, _ = await post(client, sent)

    assert status == 200
    [write] = content_writes(fake)
    assert write.variables == {"id": comment.node_id, "classifier": "SPAM"}


async def test_personal_data_is_redacted_in_place(fake: FakeGitHub, client: TestClient):
    sent, comment = comment_delivery(fake, PII)

    status, body = await post(client, sent)

    assert (status, body["actions"]) == (200, ["redact"])
    [write] = content_writes(fake)
    assert (write.method, write.path) == ("PATCH", f"/repos/{REPO}/issues/comments/{comment.id}")
    assert PHONE not in comment.body and REDACTED_MARKER in comment.body
    assert comment.body.startswith("Complain to him directly") and comment.minimized_as is None


async def test_benign_comment_writes_nothing_and_reads_only_config(fake: FakeGitHub,
                                                                   client: TestClient):
    sent, comment = comment_delivery(fake, BENIGN)

    status, body = await post(client, sent)

    assert (status, body["outcome"], body["actions"]) == (200, "done", ["skip"])
    assert content_writes(fake) == []
    reads = [(c.method, c.path) for c in content_calls(fake)]
    assert reads == [("GET", f"/repos/{REPO}/contents/.github/governance.yml"),
                     ("GET", f"/repos/{OWNER}/.github/contents/.github/governance.yml")]
    assert comment.minimized_as is None


async def test_events_the_bot_does_not_act_on_make_no_calls(fake: FakeGitHub, client: TestClient):
    status, body = await post(client, ignored_delivery(fake))

    assert (status, body["outcome"]) == (200, "ignored")
    assert fake.calls == []


async def test_a_delivery_without_installation_is_ignored(fake: FakeGitHub, client: TestClient):
    sent, _ = comment_delivery(fake, ABUSIVE)
    del sent.payload["installation"]

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (200, "ignored")
    assert fake.calls == []


async def test_a_broken_repository_config_fails_the_delivery(fake: FakeGitHub, client: TestClient):
    fake.add_file(REPO, ".github/governance.yml", "moderation:\n  enabled: perhaps\n")
    sent, comment = comment_delivery(fake, ABUSIVE)

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (422, "config-error")
    assert content_writes(fake) == [] and comment.minimized_as is None


async def test_repository_config_is_honoured(fake: FakeGitHub, client: TestClient):
    fake.add_file(REPO, ".github/governance.yml", "moderation:\n  enabled: false\n")
    sent, comment = comment_delivery(fake, ABUSIVE)

    status, body = await post(client, sent)

    assert (status, body["actions"]) == (200, ["skip"])
    assert comment.minimized_as is None and content_writes(fake) == []


# ----------------------------------------------------------------------- signatures


@pytest.mark.parametrize("how", ["missing", "wrong secret", "tampered body", "sha1 only"])
async def test_unsigned_or_badly_signed_deliveries_get_401_and_no_call(
        fake: FakeGitHub, client: TestClient, how: str):
    sent, comment = comment_delivery(fake, ABUSIVE)
    headers = sent.headers("not the secret" if how == "wrong secret" else SECRET)
    if how in ("missing", "sha1 only"):
        del headers["X-Hub-Signature-256"]
    if how == "sha1 only":
        headers["X-Hub-Signature"] = "sha1=" + "0" * 40
    body = sent.body + b" " if how == "tampered body" else sent.body

    response = await client.post("/webhook", data=body, headers=headers)

    assert response.status == 401
    assert fake.calls == [] and comment.minimized_as is None


async def test_oversized_bodies_are_refused(fake: FakeGitHub, make_client: MakeClient):
    client = await make_client()
    sent, _ = comment_delivery(fake, ABUSIVE)
    sent.payload["padding"] = "x" * (5 * 1024 * 1024)

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (413, "too-large")
    assert fake.calls == []


async def test_ping_is_answered(fake: FakeGitHub, client: TestClient):
    sent = Sent("ping", {"zen": "Keep it logically awesome.", "hook_id": 1}, "d-ping")
    status, body = await post(client, sent)
    assert (status, body["outcome"]) == (200, "pong")


# ------------------------------------------------------------- tokens and the JWT


async def test_installation_token_is_fetched_with_a_valid_jwt_and_cached(
        fake: FakeGitHub, client: TestClient, private_key: rsa.RSAPrivateKey, clock: ManualClock):
    for number in range(3):
        sent, _ = comment_delivery(fake, BENIGN, delivery_id=f"d-{number}")
        assert (await post(client, sent))[0] == 200

    [token_call] = fake.requests("POST", rf"/app/installations/{INSTALLATION}/access_tokens")
    scheme, _, token = token_call.headers["authorization"].partition(" ")
    assert scheme.lower() == "bearer"
    claims = jwt.decode(token, private_key.public_key(), algorithms=["RS256"])
    now = int(clock.now().timestamp())
    assert claims["iss"] == str(APP_ID)
    assert claims["iat"] == now - 60 and claims["exp"] - claims["iat"] <= 600
    issued = fake.issued_tokens[0]
    assert {c.headers["authorization"] for c in content_calls(fake)} == {f"token {issued}"}


async def test_a_revoked_installation_token_is_replaced_once_and_the_delivery_succeeds(
        fake: FakeGitHub, client: TestClient):
    sent, _ = comment_delivery(fake, BENIGN, delivery_id="d-before")
    assert (await post(client, sent))[0] == 200
    [revoked] = fake.issued_tokens
    assert fake.valid_tokens is not None
    fake.valid_tokens.discard(revoked)  # e.g. the installation's permissions changed

    sent, comment = comment_delivery(fake, ABUSIVE, delivery_id="d-after")
    status, body = await post(client, sent)

    assert (status, body["actions"]) == (200, ["hide_comment"]), body
    assert comment.minimized_as == "ABUSE"
    assert len(fake.requests("POST", rf"/app/installations/{INSTALLATION}/access_tokens")) == 2
    [fresh] = [t for t in fake.issued_tokens if t != revoked]
    refused = [c for c in content_calls(fake) if c.headers["authorization"] == f"token {revoked}"]
    assert len(refused) == 3  # two config reads before, the one refused call after
    assert content_calls(fake)[-1].headers["authorization"] == f"token {fresh}"


# ---------------------------------------------------------------------- duplicates


async def test_the_same_delivery_twice_does_nothing_the_second_time(fake: FakeGitHub,
                                                                    client: TestClient):
    sent, _ = comment_delivery(fake, ABUSIVE)
    assert (await post(client, sent))[0] == 200
    calls = len(fake.calls)

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (200, "duplicate")
    assert len(fake.calls) == calls


async def test_another_replica_handling_the_same_delivery_changes_nothing_more(
        fake: FakeGitHub, make_client: MakeClient):
    first, second = await make_client(), await make_client()
    sent, comment = comment_delivery(fake, PII)

    assert (await post(first, sent))[0] == 200
    redacted = comment.body
    status, _ = await post(second, sent)

    assert status == 200
    assert comment.body == redacted and comment.body.count(REDACTED_MARKER) == 2
    assert len(fake.requests("PATCH", r"/repos/.*/issues/comments/\d+")) == 1


# -------------------------------------------------------------------------- faults


async def test_a_persistent_502_fails_the_delivery_and_redelivery_completes_it(
        fake: FakeGitHub, client: TestClient):
    sent, comment = comment_delivery(fake, ABUSIVE)
    fake.inject("status", graphql="minimizeComment", status=502, times=3)

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (502, "failed")
    assert comment.minimized_as is None
    status, body = await post(client, sent)  # GitHub's redelivery keeps the delivery id
    assert (status, body["outcome"]) == (200, "done")
    assert comment.minimized_as == "ABUSE"
    assert [c.status for c in fake.requests(graphql="minimizeComment")] == [502, 502, 502, 200]


async def test_a_short_secondary_rate_limit_is_waited_out_within_the_delivery(
        fake: FakeGitHub, client: TestClient, sleeps: list[float]):
    sent, comment = comment_delivery(fake, SPAM)
    fake.inject("secondary_rate_limit", graphql="minimizeComment", retry_after=2)

    status, _ = await post(client, sent)

    assert status == 200 and comment.minimized_as == "SPAM"
    assert sleeps == [2.0]


async def test_a_long_secondary_rate_limit_fails_fast_for_a_later_redelivery(
        fake: FakeGitHub, client: TestClient, sleeps: list[float]):
    sent, comment = comment_delivery(fake, SPAM)
    fake.inject("secondary_rate_limit", graphql="minimizeComment", retry_after=60)

    status, _ = await post(client, sent)

    assert status == 502 and comment.minimized_as is None
    assert sleeps == []  # never sleeps past GitHub's 10-second window
    assert (await post(client, sent))[0] == 200 and comment.minimized_as == "SPAM"


async def test_a_slow_github_times_the_delivery_out_and_redelivery_finishes(
        fake: FakeGitHub, make_client: MakeClient):
    client = await make_client(deadline=0.3)
    sent, comment = comment_delivery(fake, ABUSIVE)
    fake.inject("delay", graphql="minimizeComment", delay=1.0)

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (503, "timeout")
    # GitHub's redelivery, to a replica with the usual deadline (0.3 s is only there to make
    # the first one time out; on a loaded machine a whole delivery may take longer).
    replica = await make_client()
    status, _ = await post(replica, sent)
    assert status == 200 and comment.minimized_as == "ABUSE"


async def test_a_dropped_connection_on_the_redaction_is_retried_without_doubling(
        fake: FakeGitHub, client: TestClient):
    sent, comment = comment_delivery(fake, PII)
    dropped = fake.inject("disconnect", method="PATCH", path=r"/repos/.*/issues/comments/\d+",
                          after=True)

    status, _ = await post(client, sent)

    assert status == 200 and dropped.hits == 1
    assert PHONE not in comment.body and comment.body.count(REDACTED_MARKER) == 2


async def test_a_failure_after_github_acted_is_safe_to_redeliver(fake: FakeGitHub,
                                                                 client: TestClient):
    sent, comment = comment_delivery(fake, ABUSIVE)
    fake.inject("status", graphql="minimizeComment", status=502, times=3, after=True)

    assert (await post(client, sent))[0] == 502
    assert comment.minimized_as == "ABUSE"  # GitHub did it; we could not know
    assert (await post(client, sent))[0] == 200
    assert comment.minimized_as == "ABUSE"


async def test_a_notice_comment_is_posted_once_despite_a_lost_answer(fake: FakeGitHub,
                                                                     client: TestClient):
    fake.add_file(REPO, ".github/governance.yml",
                  "moderation:\n  rules:\n    abuse:\n      notice: true\n")
    sent, comment = comment_delivery(fake, ABUSIVE)
    issue_number = sent.payload["issue"]["number"]
    lost = fake.inject("disconnect", method="POST",
                       path=rf"/repos/{REPO}/issues/\d+/comments", after=True)

    status, body = await post(client, sent)

    assert (status, body["actions"]) == (200, ["hide_comment", "post_comment"])
    notices = [c for c in fake.comments_on(REPO, issue_number) if c.node_id != comment.node_id]
    assert len(notices) == 1 and lost.hits == 1


# ------------------------------------------------------- health, metrics and logs


async def test_healthz(client: TestClient):
    response = await client.get("/healthz")
    assert response.status == 200 and (await response.json()) == {"status": "ok"}


async def test_metrics_count_deliveries_actions_latency_and_github_calls(
        fake: FakeGitHub, client: TestClient):
    sent, _ = comment_delivery(fake, ABUSIVE, delivery_id="d-a")
    await post(client, sent)
    sent, _ = comment_delivery(fake, BENIGN, delivery_id="d-b")
    await post(client, sent)
    await client.post("/webhook", data=b"{}", headers={"X-GitHub-Event": "issues"})

    response = await client.get("/metrics")
    text = await response.text()

    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    lines = set(text.splitlines())
    assert 'governance_webhook_deliveries_total{event="issue_comment",outcome="done"} 2' in lines
    # an unsigned request's event header is anybody's words: never a label
    assert 'governance_webhook_deliveries_total{event="other",outcome="unauthorized"} 1' in lines
    assert 'governance_actions_total{type="hide_comment"} 1' in lines
    assert 'governance_handler_seconds_count 3' in lines
    assert 'governance_handler_seconds_bucket{le="+Inf"} 3' in lines
    calls = len(content_calls(fake))
    assert f'governance_github_requests_total{{installation="{INSTALLATION}"}} {calls}' in lines
    remaining = fake.rate_limit["core"]  # the last call was a REST config read
    assert (f'governance_github_rate_limit_remaining{{installation="{INSTALLATION}"}} '
            f"{remaining}") in lines
    assert "# TYPE governance_handler_seconds histogram" in lines


async def test_one_json_log_line_per_delivery_without_content_or_secrets(
        fake: FakeGitHub, client: TestClient, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="governance.app")
    sent, _ = comment_delivery(fake, PII, delivery_id="d-log")

    await post(client, sent)

    records = [r for r in caplog.records if r.name == "governance.app"]
    assert len(records) == 1
    line = json.loads(records[0].getMessage())
    assert line["delivery"] == "d-log" and line["event"] == "issue_comment"
    assert (line["action"], line["repo"], line["outcome"]) == ("created", REPO, "done")
    assert line["actions"] == ["redact"] and isinstance(line["duration_ms"], float)
    text = records[0].getMessage()
    for private in (PHONE, "Rosenweg", SECRET, *fake.issued_tokens, "drive-by-99"):
        assert private not in text


async def test_extra_routes_and_subapps_can_be_added(fake: FakeGitHub, make_client: MakeClient):
    async def hello(_: web.Request) -> web.Response:
        return web.Response(text="hello")

    sub = web.Application()
    sub.router.add_get("/", hello)
    client = await make_client(extra=lambda app: app.router.add_get("/hello", hello),
                               subapps={"/status/": sub})

    assert await (await client.get("/hello")).text() == "hello"
    assert await (await client.get("/status/")).text() == "hello"


# ------------------------------------------------------- the ledger and commands

LEDGER = f"{OWNER}/coc-ledger"
LEDGER_CONFIG = f"ledger:\n  repository: {LEDGER}\n"


def ledger_people(fake: FakeGitHub) -> dict[str, str]:
    files = fake.repo(LEDGER).files
    return {path: f.text for path, f in files.items() if path.startswith("people/")}


async def test_with_a_ledger_the_incident_is_recorded_once_across_redeliveries(
        fake: FakeGitHub, make_client: MakeClient):
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    sent, comment = comment_delivery(fake, ABUSIVE)
    client = await make_client()

    status, body = await post(client, sent)

    assert status == 200, body
    assert body["actions"][:2] == ["hide_comment", "record_incident"]
    [(path, text)] = ledger_people(fake).items()
    assert path == "people/drive-by-99.json" and comment.node_id in text
    replica = await make_client()  # the same delivery reaches another replica
    assert (await post(replica, sent))[0] == 200
    assert ledger_people(fake) == {path: text}
    assert comment.minimized_as == "ABUSE"


async def test_a_public_ledger_repository_fails_the_delivery_as_a_config_error(
        fake: FakeGitHub, client: TestClient, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="governance.app")
    fake.add_repo(LEDGER, private=False)
    fake.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    sent, _ = comment_delivery(fake, ABUSIVE)

    status, body = await post(client, sent)

    assert (status, body["outcome"]) == (422, "config-error")
    assert LEDGER not in ledger_people(fake) and fake.repo(LEDGER).files == {}
    [record] = [r for r in caplog.records if r.name == "governance.app"]
    assert "is public" in json.loads(record.getMessage())["detail"]


async def test_a_coc_command_from_a_moderator_goes_to_the_command_handler(
        fake: FakeGitHub, client: TestClient):
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    fake.set_permission(REPO, "mod-ann", "maintain")
    sent, command = comment_delivery(fake, "/coc note @drive-by-99 keeps posting link spam",
                                     author="mod-ann")
    sent.payload["comment"]["author_association"] = "MEMBER"

    status, body = await post(client, sent)

    assert status == 200, body
    assert "record_note" in body["actions"]
    [(path, text)] = ledger_people(fake).items()
    assert path == "people/drive-by-99.json" and "keeps posting link spam" in text
    assert command.minimized_as == "RESOLVED"  # the handler tidies its command away


async def test_the_same_comment_version_in_another_delivery_posts_no_second_notice(
        fake: FakeGitHub, client: TestClient):
    fake.add_file(REPO, ".github/governance.yml",
                  "moderation:\n  rules:\n    abuse:\n      notice: true\n")
    sent, comment = comment_delivery(fake, ABUSIVE, delivery_id="first")
    assert (await post(client, sent))[0] == 200
    again = Sent(sent.event, sent.payload, "second")  # e.g. a manual resend from the UI

    assert (await post(client, again))[0] == 200

    issue_number = sent.payload["issue"]["number"]
    notices = [c for c in fake.comments_on(REPO, issue_number) if c.node_id != comment.node_id]
    assert len(notices) == 1


def one_adapter_pool(session: Any, settings: Settings, clock: ManualClock, **options: Any
                     ) -> Any:
    """The App's installations, room for one adapter (``wiring.Installations``)."""
    from governance.app.auth import AppClient
    from governance.app.wiring import Installations

    assert settings.app is not None
    client = AppClient(session, app_id=APP_ID, private_key=settings.app.private_key.reveal(),
                       api_url=settings.api_url, clock=clock)
    return Installations(session, InstallationTokens(client, clock), settings, RetryPolicy(),
                         capacity=1, **options)


async def test_adapters_beyond_capacity_are_retired_and_their_calls_still_counted(
        settings: Settings, clock: ManualClock):
    import aiohttp

    async with aiohttp.ClientSession() as session:
        pool = one_adapter_pool(session, settings, clock)
        first = pool.github(1)
        first.metrics.calls = 5
        assert pool.github(1) is first
        pool.github(2).metrics.calls = 2

        figures = {f.installation: f.calls for f in pool.figures()}

    assert figures == {"2": 2, "retired": 5}


async def test_an_installation_keeps_its_wiring_as_long_as_its_adapter(
        settings: Settings, clock: ManualClock):
    import aiohttp

    from governance import runtime

    async with aiohttp.ClientSession() as session:
        setup = runtime.SetUp(clock=clock, serving=True)
        pool = one_adapter_pool(session, settings, clock, wire=lambda github: runtime.wire(
            settings, session, github, setup))
        first = pool.wiring(1)
        assert pool.wiring(1) is first and first.github is pool.github(1)
        pool.wiring(2)  # the first installation's adapter is retired, and its wiring with it
        again = pool.wiring(1)

    assert again is not first and again.github is not first.github


async def test_the_private_notice_is_mailed_once_when_smtp_is_configured(
        fake: FakeGitHub, pem: str, clock: ManualClock, aiohttp_client: Any, smtp_server: Any):
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    fake.add_user("drive-by-99", email="drive-by@example.net")
    env = {"GITHUB_APP_ID": str(APP_ID), "GITHUB_PRIVATE_KEY": pem,
           "GITHUB_WEBHOOK_SECRET": SECRET, "GITHUB_API_URL": fake.url,
           "SMTP_HOST": smtp_server.host, "SMTP_PORT": str(smtp_server.port), "SMTP_TLS": "none",
           "SMTP_FROM": "Code of conduct <conduct@example.org>"}
    settings = load_settings(env, "app")
    sent, _ = comment_delivery(fake, ABUSIVE)

    for _replica in range(2):  # the same delivery on two replicas
        app = await app_from_settings(settings, clock=clock)
        status, body = await post(await aiohttp_client(app), sent)
        assert status == 200, body

    [mail] = smtp_server.messages
    assert mail.rcpt_tos == ("drive-by@example.net",)
    assert "worthless" not in mail.message.as_string()


async def test_a_second_delivery_of_an_acted_on_comment_repeats_no_visible_or_private_step(
        fake: FakeGitHub, pem: str, clock: ManualClock, aiohttp_client: Any, smtp_server: Any):
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG + (
        "moderation:\n  rules:\n    abuse:\n      notice: true\n      label: coc:abuse\n"
        "      label_thread: true\n"))
    fake.add_user("drive-by-99", email="drive-by@example.net")
    env = {"GITHUB_APP_ID": str(APP_ID), "GITHUB_PRIVATE_KEY": pem,
           "GITHUB_WEBHOOK_SECRET": SECRET, "GITHUB_API_URL": fake.url,
           "SMTP_HOST": smtp_server.host, "SMTP_PORT": str(smtp_server.port), "SMTP_TLS": "none",
           "SMTP_FROM": "Code of conduct <conduct@example.org>"}
    client = await aiohttp_client(await app_from_settings(load_settings(env, "app"), clock=clock))
    sent, comment = comment_delivery(fake, ABUSIVE, delivery_id="first")
    status, body = await post(client, sent)
    assert status == 200 and "notify" in body["actions"], body
    people, issue_number = ledger_people(fake), sent.payload["issue"]["number"]
    [person] = fake.repo(LEDGER).issues.values()
    ledger_comments = len(fake.comments_on(LEDGER, person.number))
    assert ledger_comments >= 1

    status, body = await post(client, Sent(sent.event, sent.payload, "second"))

    assert status == 200 and "notify" not in body["actions"], body
    assert len(smtp_server.messages) == 1
    assert ledger_people(fake) == people
    assert len(fake.comments_on(LEDGER, person.number)) == ledger_comments
    notices = [c for c in fake.comments_on(REPO, issue_number) if c.node_id != comment.node_id]
    assert len(notices) == 1 and "governance:comment" in notices[0].body
    assert fake.issue(REPO, issue_number).labels.count("coc:abuse") == 1
    assert comment.minimized_as == "ABUSE"
