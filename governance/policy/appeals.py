"""Appeals: which step a person may appeal, which appeal is open, and what the code of
conduct tells the community about them. Pure; ``policy.commands`` plans the verbs.

An appeal is a review item in the ledger keyed ``appeal:<incident>:<command comment>``; its
decision a note keyed ``appeal-decided:<incident>`` (``/coc uphold``, or ``/coc pardon``
of the appealed step). Each step can be appealed once, within ``ladder.appeal_days``.
"""

from __future__ import annotations

import textwrap

from governance.model import Incident, PersonRecord

APPEAL = "appeal:"
DECIDED = "appeal-decided:"
UPHELD, GRANTED = "Appeal upheld", "Appeal granted"  # how a decision's note begins


def appeal_key(incident: Incident, command_key: str) -> str:
    return f"{APPEAL}{incident.key}:{command_key}"


def decided_key(incident: Incident) -> str:
    return f"{DECIDED}{incident.key}"


def appealed(record: PersonRecord, incident: Incident) -> bool:
    prefix = f"{APPEAL}{incident.key}:"
    return any(k.startswith(prefix) for k in record.entry_keys)


def decided(record: PersonRecord, incident: Incident) -> bool:
    return decided_key(incident) in record.entry_keys


def appealable(record: PersonRecord) -> Incident | None:
    """The step an appeal is about: the person's latest that is not undone."""
    return max(record.active(), key=lambda i: (i.at, i.step), default=None)


def open_appeal(record: PersonRecord) -> Incident | None:
    """The latest step whose appeal no moderator has decided yet."""
    waiting = [i for i in record.active() if appealed(record, i) and not decided(record, i)]
    return max(waiting, key=lambda i: (i.at, i.step), default=None)


def appeals_markdown(appeal_days: int) -> str:
    """The generated part of the code of conduct's "Appeals" section."""
    text = (
        f"You may appeal a step within {appeal_days} days: comment `/coc appeal <your reason>` "
        "in any issue or pull request of the project, or reply to the private message you "
        "received about it (replies reach the moderators; if you are blocked and cannot "
        "comment, this is the way). The private message says until when. Your appeal goes "
        "to the moderators as a review item; a moderator answers it by upholding the "
        "decision (`/coc uphold`) or by undoing it (`/coc pardon`), and you are told the "
        "outcome privately. Nobody decides an appeal about themselves or about a step they "
        "took. Each step can be appealed once; a second appeal of the same step is declined.")
    # Wrapped like the rest of the template, never inside a command's code span.
    wrapped = textwrap.fill(text.replace("`/coc ", "`/coc\u00a0"), width=90,
                            break_on_hyphens=False)
    return wrapped.replace("\u00a0", " ")
