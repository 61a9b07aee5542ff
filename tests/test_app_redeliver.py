"""``governance redeliver``: failed deliveries are sent again, once, and nothing else is."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from governance.app.redeliver import (
    describe,
    parse_duration,
    redeliver_failed,
    redeliver_with_settings,
)
from governance.settings import load_settings
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

# The fake lists deliveries with the delivery time of GitHub's example (2019-06-03T00:57:16Z).
EXAMPLE_TIME = datetime(2019, 6, 3, 1, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def settings_for(fake: FakeGitHub, key: rsa.RSAPrivateKey) -> Any:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    return load_settings({"GITHUB_APP_ID": "99", "GITHUB_PRIVATE_KEY": pem,
                          "GITHUB_WEBHOOK_SECRET": "s", "GITHUB_API_URL": fake.url}, "app")


async def test_only_deliveries_without_any_success_are_redelivered(
        fake_github: FakeGitHub, key: rsa.RSAPrivateKey):
    fake = fake_github
    for number in range(120):  # more than one page of 100
        fake.add_delivery(f"ok-{number}", "issue_comment", "created")
    fake.add_delivery("recovered", "issue_comment", "created", status_code=502)
    fake.add_delivery("recovered", "issue_comment", "created").redelivery = True
    fake.add_delivery("stuck", "issues", "opened", status_code=500)
    newest = fake.add_delivery("stuck", "issues", "opened", status_code=503)
    newest.redelivery = True
    fake.add_delivery("timed-out", "discussion_comment", "created", status_code=0)

    report = await redeliver_with_settings(settings_for(fake, key), timedelta(hours=24),
                                           clock=ManualClock(EXAMPLE_TIME))

    timed_out = next(d for d in fake.deliveries if d.guid == "timed-out")
    assert sorted(fake.redelivered) == sorted([newest.id, timed_out.id])
    assert report.seen == 125 and report.already_ok == 1
    assert {a.guid for a in report.redelivered} == {"stuck", "timed-out"}
    listing = fake.requests("GET", "/app/hook/deliveries")
    assert len(listing) == 2  # followed the cursor to the second page
    scheme, _, token = listing[0].headers["authorization"].partition(" ")
    claims = jwt.decode(token, key.public_key(), algorithms=["RS256"],
                        options={"verify_exp": False, "verify_iat": False})  # 2019 clock
    assert scheme.lower() == "bearer" and claims["iss"] == "99"
    assert claims["exp"] <= EXAMPLE_TIME.timestamp() + 600
    assert "redelivered 2:" in describe(report, dry_run=False)


async def test_dry_run_lists_without_asking(fake_github: FakeGitHub, key: rsa.RSAPrivateKey):
    fake_github.add_delivery("stuck", "issues", "opened", status_code=500)

    report = await redeliver_with_settings(settings_for(fake_github, key), timedelta(hours=1),
                                           clock=ManualClock(EXAMPLE_TIME), dry_run=True)

    assert [a.guid for a in report.redelivered] == ["stuck"]
    assert fake_github.redelivered == []
    assert "would redeliver 1" in describe(report, dry_run=True)


class Log:
    """A delivery log in memory, newest first, that records how far it was read."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.read = 0
        self.asked: list[int] = []

    async def deliveries(self) -> AsyncIterator[dict[str, Any]]:
        for item in self.items:
            self.read += 1
            yield item

    async def redeliver(self, delivery_id: int) -> None:
        self.asked.append(delivery_id)


def item(delivery_id: int, guid: str, status: int, hours_ago: float) -> dict[str, Any]:
    moment = EXAMPLE_TIME - timedelta(hours=hours_ago)
    return {"id": delivery_id, "guid": guid, "status_code": status, "event": "issues",
            "delivered_at": moment.isoformat().replace("+00:00", "Z")}


async def test_the_log_is_read_only_back_to_the_start_of_the_window():
    log = Log([item(5, "new", 500, 1), item(4, "mid", 502, 3), item(3, "old", 500, 30),
               item(2, "older", 500, 40), item(1, "oldest", 500, 50)])

    report = await redeliver_failed(log, EXAMPLE_TIME - timedelta(hours=24))

    assert log.asked == [5, 4]
    assert log.read == 3  # stopped at the first delivery older than the window
    assert report.seen == 2


def test_durations():
    assert parse_duration("24h") == timedelta(hours=24)
    assert parse_duration(" 3d ") == timedelta(days=3)
    assert parse_duration("90s") == timedelta(seconds=90)
    assert parse_duration("30m") == timedelta(minutes=30)
    for bad in ("", "24", "h", "1.5h", "-1h", "2y"):
        with pytest.raises(ValueError):
            parse_duration(bad)
