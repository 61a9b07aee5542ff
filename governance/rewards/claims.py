"""The reward claim: one JSON file per reward in the private ledger repository.

A claim walks ``claimed -> allocated -> sent -> thanked``; every move is a compare-and-swap
write of the file, so the claim is both the record and the lock. ``pending`` marks a claim
that waits for a person (no e-mail address known) rather than for a retry. The file holds
the code and the e-mail address: it never leaves the private repository.

Everything here is pure: the flow (``rewards.flow``) reads, decides with ``next_step`` and
writes back.
"""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

FORMAT = 1


class State(enum.StrEnum):
    CLAIMED = "claimed"  # the reward is ours; no code yet
    ALLOCATED = "allocated"  # a code is reserved for it (and stored here)
    SENT = "sent"  # the mail server accepted the e-mail
    THANKED = "thanked"  # the thank-you comment and label are on the PR: done
    PENDING = "pending"  # waits for a maintainer: no e-mail address is known


class Step(enum.StrEnum):
    """What the flow does next for a claim."""

    FIND_EMAIL = "find-email"
    ASK_CONTACT = "ask-contact"
    ALLOCATE = "allocate"
    SEND = "send"
    THANK = "thank"
    WAIT = "wait"  # a person must act (pending)
    DONE = "done"


# Why a claim is stuck; the sweep retries all but NO_EMAIL, which needs a maintainer.
NO_EMAIL = "no-email"
NO_CODES = "no-codes"
MAIL_FAILED = "mail-failed"
CODES_FAILED = "codes-failed"


@dataclass(frozen=True, slots=True)
class Claim:
    key: str  # owner/repo#number (lower-case)
    path: str  # where this file lives in the ledger repository
    login: str
    repo: str
    number: int
    tier: str
    url: str
    created_at: datetime
    state: State = State.CLAIMED
    planned_code: str = ""  # shopify: chosen before creating it, so a retry is idempotent
    email: str = ""
    email_checked: bool = False
    code: str = ""
    message_id: str = ""
    send_attempts: int = 0  # SMTP hand-overs started; > 1 means a recognisable resend
    sent_at: datetime | None = None
    thanked_at: datetime | None = None
    contact_asked: bool = False
    pending: str = ""  # NO_EMAIL, NO_CODES, MAIL_FAILED, CODES_FAILED or ""
    error: str = ""  # the last failure, without addresses or codes
    lease_owner: str = ""
    lease_until: datetime | None = None
    updated_at: datetime | None = None
    history: tuple[tuple[str, str], ...] = field(default=())  # (when, what)

    # ------------------------------------------------------------------ decisions

    def next_step(self) -> Step:
        if self.state is State.THANKED:
            return Step.DONE
        if self.state is State.SENT:
            return Step.THANK
        if self.state is State.ALLOCATED:
            return Step.SEND
        if not self.email:
            if not self.email_checked:
                return Step.FIND_EMAIL
            return Step.WAIT if self.contact_asked else Step.ASK_CONTACT
        return Step.ALLOCATE

    def leased_by_other(self, worker: str, now: datetime) -> bool:
        return bool(self.lease_owner) and self.lease_owner != worker and \
            self.lease_until is not None and self.lease_until > now

    @property
    def summary_state(self) -> str:
        """The one word shown in lists and reports."""
        return self.state.value if not self.pending else f"pending ({self.pending})"

    @property
    def open(self) -> bool:
        return self.state is not State.THANKED

    # ------------------------------------------------------------------ moves

    def note(self, now: datetime, what: str, **changes: Any) -> Claim:
        """The claim with ``changes`` applied and ``what`` appended to its history."""
        return replace(self, updated_at=now,
                       history=(*self.history, (now.isoformat(), what)), **changes)

    def leased(self, worker: str, now: datetime, ttl: timedelta) -> Claim:
        return replace(self, lease_owner=worker, lease_until=now + ttl, updated_at=now)

    def released(self) -> Claim:
        return replace(self, lease_owner="", lease_until=None)


# ---------------------------------------------------------------------- JSON


def to_json(claim: Claim) -> str:
    data = asdict(claim)
    data["format"] = FORMAT
    data["history"] = [list(h) for h in claim.history]
    for name in ("created_at", "sent_at", "thanked_at", "lease_until", "updated_at"):
        value = data[name]
        data[name] = value.isoformat() if value else None
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def from_json(text: str) -> Claim:
    data = json.loads(text)
    data.pop("format", None)
    data["state"] = State(data["state"])
    data["history"] = tuple(tuple(h) for h in data.get("history", ()))
    for name in ("created_at", "sent_at", "thanked_at", "lease_until", "updated_at"):
        value = data.get(name)
        data[name] = datetime.fromisoformat(value) if value else None
    known = set(Claim.__dataclass_fields__)
    return Claim(**{k: v for k, v in data.items() if k in known})
