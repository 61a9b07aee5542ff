"""Evidence kept before it vanishes: what the ledger entry of a step on content records
besides the text. Pure: the service reads the author's profile (account creation time) and
hands it in; everything else is in the event.

GitHub suspends spam accounts and their comments disappear, sometimes before a moderator
looks. So the entry keeps when the content was posted and last edited, when the account was
created, the author's association, and every link and attachment URL in the text, as text
(bounded: ``MAX_LINKS`` links of at most ``MAX_LINK_CHARS`` characters each).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from governance.detect.malware_links import URL
from governance.model import ContentEvent, Plan, Provenance, RecordIncident

MAX_LINKS = 64
MAX_LINK_CHARS = 500


def links_in(text: str) -> tuple[str, ...]:
    """Every http(s) and www. link in ``text`` (Markdown, HTML and bare ones alike), in
    order, each once; attachments are links to github.com/user-attachments and the like."""
    found: dict[str, None] = {}
    for match in URL.finditer(text):
        found[match.group().rstrip(".,;:!?")[:MAX_LINK_CHARS]] = None
        if len(found) >= MAX_LINKS:
            break
    return tuple(found)


def provenance_of(event: ContentEvent, account_created_at: datetime | None) -> Provenance:
    edited = event.updated_at if event.updated_at and event.updated_at != event.created_at \
        else None
    text = f"{event.title}\n{event.body}" if event.title else event.body
    return Provenance(event.created_at, edited, account_created_at,
                      event.author.association.value, links_in(text))


def wants_provenance(plan: Plan, event: ContentEvent) -> bool:
    return any(_about(a, event) for a in plan.actions)


def with_provenance(plan: Plan, event: ContentEvent, account_created_at: datetime | None
                    ) -> Plan:
    """The plan whose step on this content keeps its provenance in the ledger."""
    kept = provenance_of(event, account_created_at)
    actions = tuple(replace(a, provenance=kept) if isinstance(a, RecordIncident)
                    and _about(a, event) else a for a in plan.actions)
    return replace(plan, actions=actions)


def _about(action: object, event: ContentEvent) -> bool:
    return isinstance(action, RecordIncident) and action.incident.key == event.node_id
