"""``mode: shadow`` and ``mode: review``: a decided plan as the configured mode carries it out,
and the shadow entries of the ledger as the scan's rows (``governance ledger shadow``).

In shadow mode the decision is made as usual (the ladder step included, on the person's real
record), but the plan becomes one private ledger note saying what would have been done, with
the scan's row of the item, so the summary and review sheet read exactly like a scan's. No
step is recorded, so shadow entries never move anyone up the ladder. Content the bot would
leave alone costs no ledger write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from governance.config.types import Config, Mode
from governance.ledger.state import EntryKind, PersonState
from governance.model import ContentEvent, Event, Plan, RecordNote, RecordReview
from governance.policy.moderation import _original, held_for_review
from governance.scan.rows import row_of

SHADOW_PREFIX = "shadow:"
REVIEW_MODE = "mode: review (every action waits for a moderator)"
SHADOWED = "mode: shadow: nothing carried out; would have done: {would}"


def in_mode(event: Event, plan: Plan, config: Config, now: datetime) -> Plan:
    """The plan as ``config.mode`` carries it out. A plan that does nothing stays as it is;
    in review mode so does one that only opens review items, and a reward (review mode
    holds moderation only)."""
    if config.mode is Mode.ACT or not plan.effective:
        return plan
    if config.mode is Mode.REVIEW:
        if not isinstance(event, ContentEvent):
            return plan
        if all(isinstance(a, RecordReview) for a in plan.effective):
            return plan
        return held_for_review(event, plan, config, REVIEW_MODE)
    return shadowed(event, plan, now)


def shadowed(event: Event, plan: Plan, now: datetime) -> Plan:
    """One private note in the author's ledger record instead of every action (with the
    scan's row for content; a reward has none and is not in the summary)."""
    would = "; ".join(a.summary() for a in plan.effective)
    row, original = "", ""
    if isinstance(event, ContentEvent):
        row = json.dumps({**row_of(event, plan), "decided_at": now.isoformat()},
                         ensure_ascii=False)
        original = _original(event)
    note = RecordNote(event.author.login, SHADOW_PREFIX + plan.key, SHADOWED.format(would=would),
                      "bot", now, event.html_url, original_text=original, shadow=row)
    return Plan(plan.key, (note,), (*plan.reasons, note.text), plan.verdict, plan.dry_run)


def shadow_rows(states: Iterable[PersonState], since: datetime | None) -> list[dict[str, Any]]:
    """The shadow entries recorded at or after ``since``, as the scan's rows, oldest first."""
    found = [(e.at, e.get("shadow")) for s in states for e in s.of_kind(EntryKind.NOTE)
             if e.key.startswith(SHADOW_PREFIX) and isinstance(e.get("shadow"), dict)
             and (since is None or e.at >= since)]
    return [{**row, "created_at": row.get("created_at") or at.isoformat()}
            for at, row in sorted(found, key=lambda f: f[0])]
