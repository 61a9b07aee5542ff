"""The scan's rows and position on disk: ``ROWS`` (JSON Lines, appended per page) and the
state file beside it, replaced atomically after the rows it counts are on disk. A resumed
scan cuts the rows back to what the state counted, so a page that was being read when the
scan stopped is neither lost nor counted twice."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

VERSION = 1


class CheckpointError(Exception):
    """A checkpoint that belongs to another scan or cannot be read."""


def saved_extra(path: Path) -> dict[str, Any] | None:
    """What the run that wrote ``path`` settled, so a resumed run keeps it (a window of
    "30d" means the same days after a restart)."""
    try:
        extra: dict[str, Any] = json.loads(path.read_text("utf-8")).get("extra") or {}
    except (OSError, ValueError):
        return None
    return extra


class FileCheckpoint:
    def __init__(self, path: Path, scan_key: Mapping[str, Any],
                 extra: Mapping[str, Any] | None = None) -> None:
        self.path = path
        self.rows_path = path.with_name(path.name + ".rows")
        self.key = dict(scan_key)  # what the scan was asked (repos, window, config)
        self.extra = dict(extra or {})  # what the first run settled (e.g. the window)

    def load(self) -> dict[str, Any] | None:
        if not self.path.exists():
            self.rows_path.write_bytes(b"")
            return None
        try:
            saved = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise CheckpointError(f"{self.path}: not a scan checkpoint ({exc})") from exc
        if saved.get("version") != VERSION or saved.get("key") != self.key:
            raise CheckpointError(f"{self.path}: a checkpoint of another scan (other "
                                  "repositories, window or config); remove it to start over")
        with self.rows_path.open("ab") as rows:
            rows.truncate(int(saved["rows_bytes"]))
        state: dict[str, Any] = saved["state"]
        return state

    def commit(self, state: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> None:
        with self.rows_path.open("ab") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        saved = {"version": VERSION, "key": self.key, "extra": self.extra, "rows_bytes": size,
                 "state": state}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name + ".")
        with os.fdopen(fd, "w", encoding="utf-8") as out_state:
            json.dump(saved, out_state)
            out_state.flush()
            os.fsync(out_state.fileno())
        os.replace(tmp, self.path)

    def rows(self) -> Iterator[dict[str, Any]]:
        """The rows, read one at a time (memory stays flat whatever the repository's size)."""
        with self.rows_path.open("r", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)
