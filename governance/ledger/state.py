"""The authoritative per-person ledger state: an append-only list of entries, as JSON.

Everything the bot needs (steps, pardons, lifted bans, review items) is derived from the
entries, so writing is "append one entry if its key is new" and every write is idempotent.
Pure: no I/O, no clock (callers pass the time an entry is recorded).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from governance.model import (
    Category,
    Incident,
    Notify,
    PersonRecord,
    Provenance,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
    Step,
)
from governance.policy.moderation import notice_templates

SCHEMA_VERSION = 2
# Version 1 (until December 2026) kept a step's planned notice only as a sentence among
# ``actions_taken``; it is read and rewritten as version 2 (``migrate_v1``).
READABLE_SCHEMAS = (1, SCHEMA_VERSION)


class EntryKind(enum.StrEnum):
    INCIDENT = "incident"
    PARDON = "pardon"
    REVIEW = "review"
    NOTE = "note"
    BAN_LIFTED = "ban_lifted"


# Entries after which an open review item counts as looked at by a moderator.
_RESOLVING = (EntryKind.INCIDENT, EntryKind.PARDON)


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a person's record. ``details`` holds the kind-specific JSON fields."""

    kind: EntryKind
    key: str
    at: datetime  # when it happened
    by: str  # "bot", "sweep" or a moderator's login
    recorded_at: datetime  # when the ledger wrote it (repairs of the issue view use this)
    details: Mapping[str, Any]
    revision: int = 0  # the state revision that added it

    def get(self, name: str, default: Any = None) -> Any:
        return self.details.get(name, default)

    @property
    def step(self) -> Step:
        return Step[str(self.get("step", "none")).upper().replace("-", "_")]


@dataclass(frozen=True, slots=True)
class PersonState:
    login: str
    revision: int = 0
    entries: tuple[Entry, ...] = ()

    # ---------------------------------------------------------------- writing

    def add(self, entry: Entry) -> PersonState | None:
        """The state with ``entry`` appended, or None when it is already recorded."""
        if self.has(entry.kind, entry.key) or self._redundant(entry):
            return None
        revision = self.revision + 1
        return replace(self, revision=revision,
                       entries=(*self.entries, replace(entry, revision=revision)))

    def has(self, kind: EntryKind, key: str) -> bool:
        return any(e.kind is kind and e.key == key for e in self.entries)

    def _redundant(self, entry: Entry) -> bool:
        """Undoing something twice, or undoing what is not there, changes nothing."""
        target = entry.get("incident_key")
        if entry.kind is EntryKind.PARDON:
            return target not in self._active_keys()
        if entry.kind is EntryKind.BAN_LIFTED:
            return target not in self._active_keys() or target in self._lifted()
        return False

    # ---------------------------------------------------------------- reading

    def of_kind(self, kind: EntryKind) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind is kind)

    def _pardons(self) -> dict[str, Entry]:
        return {str(e.get("incident_key")): e for e in self.of_kind(EntryKind.PARDON)}

    def _lifted(self) -> dict[str, Entry]:
        return {str(e.get("incident_key")): e for e in self.of_kind(EntryKind.BAN_LIFTED)}

    def _active_keys(self) -> set[str]:
        pardoned = self._pardons()
        return {e.key for e in self.of_kind(EntryKind.INCIDENT) if e.key not in pardoned}

    def record(self) -> PersonRecord:
        """What escalation decisions read: incidents with their pardons and lifted bans."""
        pardons, lifted = self._pardons(), self._lifted()
        incidents = tuple(
            _incident(e, pardons.get(e.key), lifted.get(e.key))
            for e in self.of_kind(EntryKind.INCIDENT)
        )
        keys = frozenset(e.key for e in self.entries)
        return PersonRecord(self.login, incidents, self.revision, keys)

    def incidents_since(self, revision: int) -> tuple[Entry, ...]:
        return tuple(e for e in self.of_kind(EntryKind.INCIDENT) if e.revision > revision)

    def open_reviews(self) -> tuple[Entry, ...]:
        """Review items no moderator has acted on yet (a later step, pardon or resolving note)."""
        last_resolution = max(
            (e.revision for e in self.entries
             if e.kind in _RESOLVING or (e.kind is EntryKind.NOTE and e.get("resolves_reviews"))),
            default=0,
        )
        return tuple(e for e in self.of_kind(EntryKind.REVIEW) if e.revision > last_resolution)


def _incident(entry: Entry, pardon: Entry | None, lifted: Entry | None) -> Incident:
    category = entry.get("category")
    return Incident(
        key=entry.key,
        at=entry.at,
        category=Category(category) if category else None,
        rule_ids=tuple(entry.get("rule_ids", ())),
        step=entry.step,
        url=str(entry.get("url", "")),
        by=entry.by,
        expires_at=_time(entry.get("expires_at")),
        pardoned=pardon is not None,
        false_positive=bool(pardon and pardon.get("false_positive")),
        lifted_at=lifted.at if lifted else None,
    )


# ------------------------------------------------------------------ from actions


def step_name(step: Step) -> str:
    return step.name.lower().replace("_", "-")


def incident_entry(action: RecordIncident, recorded_at: datetime) -> Entry:
    i = action.incident
    return Entry(EntryKind.INCIDENT, i.key, i.at, i.by, recorded_at, {
        "category": i.category.value if i.category else None,
        "rule_ids": list(i.rule_ids),
        "step": step_name(i.step),
        "url": i.url,
        "expires_at": i.expires_at.isoformat() if i.expires_at else None,
        "rule_summary": action.rule_summary,
        "evidence": list(action.evidence),
        "original_text": action.original_text,
        "actions_taken": list(action.actions_taken),
        "notice": notice_fields(action.notice),
        **({"provenance": _provenance(action.provenance)} if action.provenance else {}),
    })


def notice_fields(notice: Notify | None) -> dict[str, Any] | None:
    """What the sweep needs to resend a step's notice exactly (None: the step had none)."""
    if notice is None:
        return None
    return {"template": notice.template, "reason": notice.reason, "removed": notice.removed,
            "removed_text": notice.removed_text, "secret": notice.secret}


def _provenance(kept: Provenance) -> dict[str, Any]:
    return {"created_at": _stamp(kept.created_at), "edited_at": _stamp(kept.edited_at),
            "account_created_at": _stamp(kept.account_created_at),
            "association": kept.association, "links": list(kept.links)}


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def review_entry(action: RecordReview, at: datetime) -> Entry:
    return Entry(EntryKind.REVIEW, action.key, at, "bot", at, {
        "url": action.url,
        "reason": action.reason,
        "rule_ids": list(action.rule_ids),
        "original_text": action.original_text,
    })


def pardon_entry(action: RecordPardon, recorded_at: datetime) -> Entry:
    return Entry(EntryKind.PARDON, action.key, action.at, action.by, recorded_at, {
        "incident_key": action.incident_key,
        "false_positive": action.false_positive,
        "rule_ids": list(action.rule_ids),
        "reason": action.reason,
        "actions_taken": list(action.actions_taken),
    })


def note_entry(action: RecordNote, recorded_at: datetime) -> Entry:
    return Entry(EntryKind.NOTE, action.key, action.at, action.by, recorded_at, {
        "text": action.text,
        "url": action.url,
        "original_text": action.original_text,
        "resolves_reviews": action.resolves_reviews,
        **({"shadow": json.loads(action.shadow)} if action.shadow else {}),
    })


def lifted_entry(action: RecordBanLifted, recorded_at: datetime) -> Entry:
    return Entry(EntryKind.BAN_LIFTED, action.key, action.at, action.by, recorded_at,
                 {"incident_key": action.incident_key})


# -------------------------------------------------------------------------- JSON


def to_json(state: PersonState) -> str:
    data = {
        "schema": SCHEMA_VERSION,
        "login": state.login,
        "revision": state.revision,
        "entries": [_entry_dict(e) for e in state.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def from_json(text: str) -> PersonState:
    data = json.loads(text)
    if data.get("schema") not in READABLE_SCHEMAS:
        raise ValueError(f"ledger state schema {data.get('schema')!r} is not one of "
                         f"{READABLE_SCHEMAS}")
    entries = tuple(_entry_from(d) for d in data["entries"])
    if data["schema"] == 1:
        entries = tuple(migrate_v1(e, str(data["login"])) for e in entries)
    return PersonState(str(data["login"]), int(data["revision"]), entries)


# What version 1's ``policy.commands`` recorded as a moderator step's summary, before the
# reason, and what a moderator's notice says without one.
MODERATOR_DECISION = "moderator decision: "
NO_REASON = "the code of conduct"


def migrate_v1(entry: Entry, login: str) -> Entry:
    """A version-1 incident with its planned notice as fields, found the way version 1's
    sweep found it: the notice's summary among what was done (a warning posted as a public
    comment has none). Other entries are unchanged."""
    if entry.kind is not EntryKind.INCIDENT or "notice" in entry.details:
        return entry
    taken = {str(t).lower() for t in entry.get("actions_taken", ()) or ()}
    template = next((t for t in notice_templates(entry.step)
                     if Notify(login, t).summary().lower() in taken), None)
    notice = None
    if template:
        reason = _v1_reason(entry.get("category"), str(entry.get("rule_summary", "")))
        notice = notice_fields(Notify(login, template, reason=reason))
    return replace(entry, details={**entry.details, "notice": notice})


def _v1_reason(category: object, rule_summary: str) -> str:
    if category:
        return str(category)
    reason = rule_summary.removeprefix(MODERATOR_DECISION).strip()
    return reason if reason and reason != "-" and reason != rule_summary else NO_REASON


def _entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "kind": entry.kind.value,
        "key": entry.key,
        "at": entry.at.isoformat(),
        "by": entry.by,
        "recorded_at": entry.recorded_at.isoformat(),
        "revision": entry.revision,
        "details": dict(entry.details),
    }


def _entry_from(d: Mapping[str, Any]) -> Entry:
    at = _time(d["at"])
    recorded = _time(d["recorded_at"])
    if at is None or recorded is None:
        raise ValueError(f"ledger entry {d.get('key')!r} has no time")
    return Entry(EntryKind(d["kind"]), str(d["key"]), at, str(d["by"]), recorded,
                 dict(d["details"]), int(d["revision"]))


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
