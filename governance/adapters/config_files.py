"""An installation's GitHub adapter that keeps the config files it read for a few seconds.

Every delivery needs the repository's `.github/governance.yml` and its organisation's. Read
from GitHub each time (a free 304 thanks to the ETag cache, but still an HTTP round trip
each), they were two of a benign delivery's three GitHub calls and a third of the App's CPU
time under load. Kept for ``ttl`` seconds, a busy installation reads them once per ``ttl``
and a quiet one (a delivery every few seconds) still reads them for nearly every delivery.
The price: an edit to a config file applies to deliveries at most ``ttl`` seconds later.
Only the config path is kept; the ledger and everything else are read every time.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from governance.adapters.github import GitHubAdapter
from governance.config.load import REPO_CONFIG as CONFIG_PATH
from governance.ports import FileContent

CONFIG_TTL = 10.0  # seconds a config file read from GitHub is used without asking again


class ConfigKeepingGitHub(GitHubAdapter):
    def __init__(self, *args: Any, config_ttl: float = CONFIG_TTL, capacity: int = 1024,
                 monotonic: Callable[[], float] = time.monotonic, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ttl = config_ttl
        self._capacity = capacity
        self._monotonic = monotonic
        self._kept: OrderedDict[str, tuple[float, FileContent | None]] = OrderedDict()

    async def read_file(self, repo: str, path: str) -> FileContent | None:
        if path != CONFIG_PATH or self._ttl <= 0:
            return await super().read_file(repo, path)
        key = repo.lower()
        kept = self._kept.get(key)
        if kept is not None and self._monotonic() - kept[0] < self._ttl:
            return kept[1]
        read_at = self._monotonic()
        content = await super().read_file(repo, path)
        self._keep(key, read_at, content)
        return content

    async def write_file(self, repo: str, path: str, text: str, sha: str | None,
                         message: str) -> str:
        if path == CONFIG_PATH:
            self._kept.pop(repo.lower(), None)
        return await super().write_file(repo, path, text, sha, message)

    def _keep(self, key: str, read_at: float, content: FileContent | None) -> None:
        self._kept[key] = (read_at, content)
        self._kept.move_to_end(key)
        while len(self._kept) > self._capacity:
            self._kept.popitem(last=False)
