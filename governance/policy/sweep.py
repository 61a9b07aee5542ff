"""The sweep's pure decisions: which temporary bans have expired and must be lifted, and
which private notices of recorded steps never went out.

A lifted ban is recorded (``RecordBanLifted``) after the unblock, so a crash in between
only repeats an idempotent unblock on the next sweep. The person stays blocked while any
other step of theirs still blocks them (a permanent ban, or a longer temporary ban).

A step's private notice follows its ledger record and leaves a note (its receipt). When a
delivery or command fails in between and is never redelivered, the sweep sends the notice
the redelivery would have sent (``policy.moderation.unsent``: same Message-ID, same three
days), once the step is old enough that the delivery recording it is surely over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from string import Template

from governance.model import (
    Action,
    Incident,
    Notify,
    PersonRecord,
    Plan,
    RecordBanLifted,
    Skip,
    Step,
    UnblockUser,
)
from governance.policy.commands import blocking, org_of
from governance.policy.moderation import NOTICE_RETRY, NOTICE_TEMPLATES, limit_end, unsent

SWEEPER = "sweep"
# A notice goes out seconds after its step is recorded (minutes for an Action that waits
# on GitHub's rate limits): the sweep leaves younger steps to the run that recorded them.
NOTICE_GRACE = timedelta(minutes=15)
_REPO_URL = re.compile(r"https?://[^/]+/(?P<repo>[^/]+/[^/]+)/(?:issues|pull|discussions)/")
_PULL = re.compile(r"/pull/(?P<number>\d+)")


# The ledger note by which one sweep claims a notice before sending it: of several replicas
# sweeping at once, only the one whose note the ledger kept sends. Claims are per hour, so a
# sweep that died after claiming leaves the notice to the next hour's sweep.
NOTICE_CLAIM = Template("The sweep sends the $what notice of this step: the ledger has no "
                        "record of it going out (sweep run $run).")


def claim_key(notice: Notify, now: datetime) -> str:
    return f"notice-claim:{notice.message_id}:{now:%Y%m%d%H}"


@dataclass(frozen=True, slots=True)
class PlannedNotice:
    """A recorded step whose ledger entry lists a private notice among what was done."""

    incident_key: str
    reason: str  # the rule's category, or the moderator's reason
    template: str = ""  # the notice's template as recorded; empty: the step's usual one
    removed: str = ""  # as Notify: "" | "deleted" | "redacted"
    removed_text: str = ""  # their text without the personal data, to post again
    secret: bool = False  # what was removed included a secret: the notice says revoke it


def expired_bans(record: PersonRecord, now: datetime) -> tuple[Incident, ...]:
    """Temporary bans whose time is up and that nobody has lifted or pardoned yet."""
    return tuple(
        i for i in record.active()
        if i.step is Step.TEMPORARY_BAN and i.lifted_at is None
        and i.expires_at is not None and i.expires_at <= now
    )


def sweep_plan(record: PersonRecord, now: datetime, default_org: str,
               planned: Sequence[PlannedNotice] = (), quiet_days: int = 0) -> Plan | None:
    """Lift what has expired for one person, then send the notices that never went out;
    None when there is nothing to do. ``quiet_days``: a warning's quiet period."""
    lifts = _lift_plan(record, now, default_org)
    notices = unsent_notices(record, planned, now, quiet_days)
    if lifts is None and not notices:
        return None
    actions = (*(lifts.actions if lifts else ()), *notices)
    reasons = (*(lifts.reasons if lifts else ()),
               *([f"{len(notices)} private notice(s) of @{record.login} never went out"]
                 if notices else []))
    return Plan(f"sweep:{record.login}", actions, reasons, None, False)


def unsent_notices(record: PersonRecord, planned: Sequence[PlannedNotice], now: datetime,
                   quiet_days: int) -> list[Notify]:
    """The notices a redelivery would send again: steps recorded between ``NOTICE_GRACE``
    and ``NOTICE_RETRY`` ago, not undone, planned with a notice and without its receipt."""
    by_key = {p.incident_key: p for p in planned}
    out: list[Notify] = []
    for incident in record.active():
        if (incident.key in by_key and incident.lifted_at is None
                and incident.step in NOTICE_TEMPLATES
                and NOTICE_GRACE <= now - incident.at <= NOTICE_RETRY):
            planned_notice = by_key[incident.key]
            notice = replace(
                notice_of(record.login, incident, planned_notice.reason, quiet_days,
                          planned_notice.template),
                removed=planned_notice.removed, removed_text=planned_notice.removed_text,
                secret=planned_notice.secret)
            out += [a for a in unsent(notice, record) if isinstance(a, Notify)]
    return out


def notice_of(login: str, incident: Incident, reason: str, quiet_days: int,
              template: str = "") -> Notify:
    """The notice its step was recorded with (same Message-ID: login, template, URL, step
    and incident), rebuilt from the ledger's record of the step. ``template``: as recorded
    (a ban in a person's repository has its own notices)."""
    repo = _REPO_URL.match(incident.url)
    pull = _PULL.search(incident.url)
    template = template or NOTICE_TEMPLATES[incident.step]
    return Notify(login, template, incident.step, reason, incident.url,
                  repo["repo"] if repo else "", incident=incident.key, at=incident.at,
                  until=incident.expires_at,
                  limit_until=limit_end(template, incident.at, incident.expires_at),
                  quiet_days=quiet_days if incident.step is Step.WARNING else 0,
                  pull_request=int(pull["number"]) if pull else 0)


def _lift_plan(record: PersonRecord, now: datetime, default_org: str) -> Plan | None:
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
