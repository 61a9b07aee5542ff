"""The sweep's pure decision: which temporary bans have expired and must be lifted.

A lifted ban is recorded (``RecordBanLifted``) after the unblock, so a crash in between
only repeats an idempotent unblock on the next sweep. The person stays blocked while any
other step of theirs still blocks them (a permanent ban, or a longer temporary ban).
"""

from __future__ import annotations

from datetime import datetime

from governance.model import (
    Action,
    Incident,
    PersonRecord,
    Plan,
    RecordBanLifted,
    Skip,
    Step,
    UnblockUser,
)
from governance.policy.commands import blocking, org_of

SWEEPER = "sweep"


def expired_bans(record: PersonRecord, now: datetime) -> tuple[Incident, ...]:
    """Temporary bans whose time is up and that nobody has lifted or pardoned yet."""
    return tuple(
        i for i in record.active()
        if i.step is Step.TEMPORARY_BAN and i.lifted_at is None
        and i.expires_at is not None and i.expires_at <= now
    )


def sweep_plan(record: PersonRecord, now: datetime, default_org: str) -> Plan | None:
    """Lift what has expired for one person; None when there is nothing to do."""
    expired = expired_bans(record, now)
    if not expired:
        return None
    still_blocked = {org_of(i.url, default_org) for i in record.active() if blocking(i, now)}
    actions: list[Action] = []
    for org in dict.fromkeys(org_of(i.url, default_org) for i in expired):
        if org in still_blocked:
            actions.append(Skip(f"@{record.login} stays blocked in {org} by another step"))
        elif org:
            actions.append(UnblockUser(org, record.login))
    actions += [RecordBanLifted(record.login, f"lift:{i.key}", i.key, SWEEPER, now)
                for i in expired]
    reason = f"{len(expired)} temporary ban(s) of @{record.login} expired"
    return Plan(f"sweep:{record.login}", tuple(actions), (reason,), None, False)
