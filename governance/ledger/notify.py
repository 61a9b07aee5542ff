"""The sweep's notification round for one ledger: read the open review items, claim what
goes out in ``notifications/state.json`` (compare-and-swap: of several replicas sweeping
at once, one sends), then post the webhook messages and mail the digest.

At most once: the claim is written before anything is sent, so a failed webhook or mail is
logged and not retried (the item's reminder, or the next digest, still tells of it).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from governance.config.types import Notifications
from governance.ledger import notifications as plan
from governance.ledger.render import person_label
from governance.ledger.report import load_states
from governance.ledger.store import GitHubLedger
from governance.ports import Conflict, Mailer

log = logging.getLogger("governance.notifications")

Post = Callable[[str, dict[str, Any]], Awaitable[bool]]


async def notify_moderators(ledger: GitHubLedger, settings: Notifications, now: datetime, *,
                            mailer: Mailer | None, post: Post | None, webhook_url: str = "",
                            dry_run: bool = False) -> list[str]:
    """One round; what was (or, dry, would be) sent, as lines without personal data.
    ``webhook_url``: the deployment's (``MODERATORS_WEBHOOK_URL``), never the config's."""
    if not settings.enabled:
        return []
    github, repository = ledger.github, ledger.repository
    states = [s for s in await load_states(ledger) if s.open_reviews()]
    links = {s.login: await _issue_link(ledger, s.login) for s in states}
    found = await github.read_file(repository, plan.PATH)
    sent = plan.from_json(found.text) if found else plan.Sent({})
    round_ = plan.plan_round(plan.open_items(states, links), sent, now, settings)
    lines = [f"notify: {len(round_.new)} new, {len(round_.reminders)} reminders, "
             f"digest of {len(round_.digest)}"]
    if dry_run or round_.state == sent:
        return lines if round_.new or round_.reminders or round_.digest else []
    try:
        await github.write_file(repository, plan.PATH, plan.to_json(round_.state),
                                found.sha if found else None, "notifications: sent")
    except Conflict:
        return ["notify: another sweep sends this round"]
    await _webhook(round_, webhook_url if settings.webhook else "", repository, post)
    await _digest(round_, settings, repository, mailer, now)
    return lines


async def _issue_link(ledger: GitHubLedger, login: str) -> str:
    issues = await ledger.github.find_issues(ledger.repository, person_label(login))
    return issues[0].url if issues else f"https://github.com/{ledger.repository}"


async def _webhook(round_: plan.Round, url: str, ledger: str, post: Post | None) -> None:
    if not url or post is None:
        return
    for reminder, items in ((False, round_.new), (True, round_.reminders)):
        for item in items:
            await post(url, plan.webhook_message(item, reminder=reminder,
                                                              ledger=ledger))


async def _digest(round_: plan.Round, settings: Notifications, ledger: str,
                  mailer: Mailer | None, now: datetime) -> None:
    if not round_.digest or mailer is None:
        return
    subject, text = plan.digest_mail(round_.digest, ledger)
    stamp = hashlib.sha256(f"{ledger}\x00{now.isoformat()}".encode()).hexdigest()[:16]
    for address in settings.email:
        try:
            await mailer.send(address, subject, text, message_id=f"coc-digest-{stamp}")
        except Exception as exc:  # one refused address must not stop the others
            log.warning("moderators' digest not sent to one address: %s", type(exc).__name__)
