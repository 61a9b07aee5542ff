"""``governance redeliver``: ask GitHub to send again the deliveries we failed.

GitHub never retries a failed delivery by itself. This walks the App's delivery log
(newest first, stopping at the start of the window), groups attempts by delivery GUID (a
redelivery keeps the GUID) and asks for one new attempt of each GUID that has no
successful attempt yet. Safe to run from cron on every replica: a duplicate redelivery is
harmless because the handlers are idempotent.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from governance.ports import Clock
from governance.settings import Settings

_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


class DeliveryLog(Protocol):
    def deliveries(self) -> AsyncIterator[dict[str, Any]]: ...
    async def redeliver(self, delivery_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class Attempt:
    id: int
    guid: str
    ok: bool
    delivered_at: datetime | None
    event: str


@dataclass(frozen=True, slots=True)
class RedeliveryReport:
    seen: int  # attempts inside the window
    redelivered: tuple[Attempt, ...]  # the attempts a new try was asked for
    already_ok: int  # GUIDs that failed once but later succeeded


def parse_duration(text: str) -> timedelta:
    """``90s``, ``30m``, ``24h``, ``3d``; raises ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text)
    if match is None:
        raise ValueError(f"expected a duration such as 30m, 24h or 3d, got {text!r}")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def attempt_of(item: dict[str, Any]) -> Attempt:
    code = item.get("status_code")
    ok = isinstance(code, int) and 200 <= code < 300
    return Attempt(int(item["id"]), str(item.get("guid", "")), ok,
                   _time(item.get("delivered_at")), str(item.get("event", "")))


def to_redeliver(attempts: Iterable[Attempt]) -> tuple[list[Attempt], int]:
    """The newest failed attempt of every GUID without a success, and how many recovered."""
    by_guid: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_guid.setdefault(attempt.guid, []).append(attempt)
    chosen, recovered = [], 0
    for group in by_guid.values():
        if any(a.ok for a in group):
            recovered += any(not a.ok for a in group)
            continue
        chosen.append(max(group, key=lambda a: (a.delivered_at is not None, a.delivered_at, a.id)))
    return chosen, recovered


async def redeliver_failed(log: DeliveryLog, since: datetime, *,
                           dry_run: bool = False) -> RedeliveryReport:
    attempts = []
    async for item in log.deliveries():
        attempt = attempt_of(item)
        if attempt.delivered_at is not None and attempt.delivered_at < since:
            break  # newest first: everything after this is older still
        attempts.append(attempt)
    chosen, recovered = to_redeliver(attempts)
    if not dry_run:
        for attempt in chosen:
            await log.redeliver(attempt.id)
    return RedeliveryReport(len(attempts), tuple(chosen), recovered)


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


async def redeliver_with_settings(settings: Settings, window: timedelta, *,
                                  dry_run: bool = False, clock: Clock | None = None
                                  ) -> RedeliveryReport:
    """Build the App client from settings and redeliver what failed within ``window``."""
    from governance import runtime
    from governance.app.auth import AppClient

    assert settings.app is not None, "App settings are required"
    clock = clock or runtime.SystemClock()
    async with runtime.new_session() as session:
        client = AppClient(session, app_id=settings.app.app_id,
                           private_key=settings.app.private_key.reveal(),
                           api_url=settings.api_url, clock=clock)
        return await redeliver_failed(client, clock.now() - window, dry_run=dry_run)


def describe(report: RedeliveryReport, dry_run: bool) -> str:
    verb = "would redeliver" if dry_run else "redelivered"
    lines = [f"{report.seen} delivery attempt(s) in the window; {report.already_ok} failed "
             f"delivery(ies) had already succeeded on a later attempt; {verb} "
             f"{len(report.redelivered)}:"]
    lines += [f"  {a.guid} ({a.event}, attempt {a.id})" for a in report.redelivered]
    return "\n".join(lines)
