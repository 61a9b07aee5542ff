"""Recent content read from GitHub itself: the Action's memory for spam waves.

The Action keeps nothing between runs, so it asks GitHub for the repository's newest
conversation comments: one read per delivery, the most the spam-wave check may cost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from governance.model import ContentEvent, Sighting
from governance.policy.waves import LONGEST_WINDOW, fingerprint
from governance.ports import GitHub

WINDOW = LONGEST_WINDOW  # each repository's spam_waves.window_hours fits in it
_THREAD = re.compile(r"/(?:issues|pull)/(\d+)")


class RecentFromGitHub:
    def __init__(self, github: GitHub, now: datetime) -> None:
        self._github = github
        self._now = now

    async def sightings(self, event: ContentEvent) -> Sequence[Sighting]:
        comments = await self._github.recent_comments(event.repo.full_name, self._now - WINDOW)
        out = []
        for c in comments:
            fp, thread = fingerprint(c.body), _THREAD.search(c.url)
            if fp is None or thread is None or c.node_id == event.node_id:
                continue
            at = c.created_at or self._now
            out.append(Sighting(fp, c.author, f"{event.repo.full_name}#{thread[1]}", at))
        return out

    async def remember(self, event: ContentEvent, sighting: Sighting) -> None:
        """GitHub already holds the comment; nothing to keep."""
