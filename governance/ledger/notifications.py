"""Moderators hear about it: which open review items to announce, remind of or put in the
digest. Pure over the ledger's open review items and what was sent before (``Sent``); the
sweep reads both, claims the new state in the ledger (compare-and-swap), then sends.

Every message carries the item's source (community report, appeal, spam wave, ...) and the
link to the private ledger issue: no login, no text, nothing else personal. The webhook
message fits a generic JSON receiver and Slack's (``text``) and Discord's (``content``)
incoming webhooks alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from governance.config.types import Notifications
from governance.ledger.state import PersonState
from governance.ledger.transparency import review_source

PATH = "notifications/state.json"
DIGEST_EVERY = {"hourly": timedelta(hours=1), "daily": timedelta(days=1)}
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Item:
    """One open review item, as moderators are told of it."""

    key: str  # "<login>/<entry key>": unique in the ledger, never shown
    source: str
    opened_at: datetime
    link: str  # the private ledger issue


@dataclass(frozen=True, slots=True)
class Sent:
    """What went out before: per item when it was first announced and when reminded."""

    seen: Mapping[str, tuple[datetime, datetime | None]]
    last_digest: datetime | None = None


@dataclass(frozen=True, slots=True)
class Round:
    """What one sweep sends, and the state to claim before sending it."""

    new: tuple[Item, ...]
    reminders: tuple[Item, ...]
    digest: tuple[tuple[str, Item], ...]  # ("new" | "reminder", item) since the last digest
    state: Sent


def open_items(states: Iterable[PersonState], links: Mapping[str, str]) -> list[Item]:
    """The open review items of every person; ``links``: login -> their ledger issue."""
    return [Item(f"{s.login}/{e.key}", review_source(e), e.at, links.get(s.login, ""))
            for s in states for e in s.open_reviews()]


def plan_round(items: Iterable[Item], sent: Sent, now: datetime, settings: Notifications
               ) -> Round:
    items = list(items)
    remind = timedelta(days=settings.remind_after_days)
    new = tuple(i for i in items if i.key not in sent.seen)
    reminders = tuple(i for i in items if i.key in sent.seen and sent.seen[i.key][1] is None
                      and now - sent.seen[i.key][0] >= remind)
    seen = {i.key: sent.seen[i.key] for i in items if i.key in sent.seen}  # closed: dropped
    seen.update({i.key: (now, None) for i in new})
    seen.update({i.key: (seen[i.key][0], now) for i in reminders})
    state = Sent(seen, sent.last_digest)
    digest: tuple[tuple[str, Item], ...] = ()
    if settings.email and _digest_due(sent, now, settings):
        digest = tuple((kind, i) for i in items
                       if (kind := _since(seen[i.key], sent.last_digest)))
        if digest:
            state = replace(state, last_digest=now)
    return Round(new, reminders, digest, state)


def _since(times: tuple[datetime, datetime | None], last: datetime | None) -> str:
    """How an item enters the digest: reminded or first seen since the last one, or not."""
    first, reminded = times
    if reminded is not None and (last is None or reminded > last):
        return "reminder"
    return "new" if last is None or first > last else ""


def _digest_due(sent: Sent, now: datetime, settings: Notifications) -> bool:
    return sent.last_digest is None or now - sent.last_digest >= DIGEST_EVERY[settings.digest]


def webhook_message(item: Item, *, reminder: bool, ledger: str) -> dict[str, Any]:
    """The JSON a webhook receives (documented in the README)."""
    head = "Reminder: review item still open" if reminder else "New review item"
    text = f"{head} in the conduct ledger {ledger} ({item.source}): {item.link}"
    return {"text": text, "content": text, "event": "reminder" if reminder else "new",
            "source": item.source, "ledger": ledger, "link": item.link,
            "opened_at": item.opened_at.isoformat()}


def digest_mail(digest: Iterable[tuple[str, Item]], ledger: str) -> tuple[str, str]:
    """Subject and plain text of the moderators' digest."""
    rows = list(digest)
    lines = [f"Review items in the conduct ledger {ledger} that need a moderator:", ""]
    for kind, item in rows:
        marker = "reminder, still open" if kind == "reminder" else "new"
        lines.append(f"- {item.source} ({marker}, opened {item.opened_at:%Y-%m-%d %H:%M} UTC):"
                     f" {item.link}")
    lines += ["", "Act on an item with /coc commands; a note (`/coc note @login reviewed: "
              "...`) closes it."]
    return f"{len(rows)} review item(s) in {ledger}", "\n".join(lines) + "\n"


def to_json(sent: Sent) -> str:
    data = {"schema": SCHEMA_VERSION,
            "last_digest": sent.last_digest.isoformat() if sent.last_digest else None,
            "seen": {k: [a.isoformat(), b.isoformat() if b else None]
                     for k, (a, b) in sorted(sent.seen.items())}}
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def from_json(text: str) -> Sent:
    """The state in the file; an unreadable one counts as nothing sent."""
    try:
        data = json.loads(text)
        seen = {str(k): (datetime.fromisoformat(v[0]),
                         datetime.fromisoformat(v[1]) if v[1] else None)
                for k, v in data["seen"].items()}
        last = data.get("last_digest")
        return Sent(seen, datetime.fromisoformat(last) if last else None)
    except (ValueError, KeyError, TypeError, IndexError):
        return Sent({})
