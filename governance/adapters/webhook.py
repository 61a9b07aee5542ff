"""The moderators' webhook: one JSON POST per message (``ledger.notifications``)."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp

log = logging.getLogger("governance.webhook")

TIMEOUT = aiohttp.ClientTimeout(total=10)


class WebhookPoster:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __call__(self, url: str, payload: dict[str, Any]) -> bool:
        """Deliver one message; False (logged, never raised) when the receiver refused it or
        could not be reached: a moderator's notification must not stop the sweep."""
        try:
            async with self.session.post(url, json=payload, timeout=TIMEOUT) as answer:
                if answer.status >= 300:
                    log.warning("moderators' webhook answered %s", answer.status)
                    return False
                return True
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("moderators' webhook failed: %s", type(exc).__name__)
            return False
