"""The scan's rows and position on disk: two JSON Lines spools appended per page (``.rows``:
the decided items; ``.held``: the items kept for the time-ordered ladder replay) and the
state file beside them, replaced atomically once the lines it counts are on disk. A resumed
scan cuts the spools back to what the state counted, so a page that was being read when
the scan stopped is neither lost nor counted twice."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

VERSION = 1
SPOOLS = ("rows", "held")


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


def _append(path: Path, lines: Sequence[Mapping[str, Any]]) -> int:
    """Append and sync; the spool's size after it."""
    with path.open("ab") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
        out.flush()
        os.fsync(out.fileno())
        return out.tell()


def _read(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("r", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


class FileCheckpoint:
    def __init__(self, path: Path, scan_key: Mapping[str, Any],
                 extra: Mapping[str, Any] | None = None) -> None:
        self.path = path
        self.spools = {name: path.with_name(f"{path.name}.{name}") for name in SPOOLS}
        self.key = dict(scan_key)  # what the scan was asked (repos, window, config)
        self.extra = dict(extra or {})  # what the first run settled (e.g. the window)

    def load(self) -> dict[str, Any] | None:
        if not self.path.exists():
            for spool in self.spools.values():
                spool.write_bytes(b"")
            return None
        try:
            saved = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise CheckpointError(f"{self.path}: not a scan checkpoint ({exc})") from exc
        if saved.get("version") != VERSION or saved.get("key") != self.key:
            raise CheckpointError(f"{self.path}: a checkpoint of another scan (other "
                                  "repositories, window or config); remove it to start over")
        for name, spool in self.spools.items():
            with spool.open("ab") as out:
                out.truncate(int(saved["sizes"][name]))
        state: dict[str, Any] = saved["state"]
        return state

    def commit(self, state: Mapping[str, Any], rows: Sequence[Mapping[str, Any]],
               held: Sequence[Mapping[str, Any]] = ()) -> None:
        sizes = {"rows": _append(self.spools["rows"], rows),
                 "held": _append(self.spools["held"], held)}
        saved = {"version": VERSION, "key": self.key, "extra": self.extra, "sizes": sizes,
                 "state": state}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name + ".")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(saved, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)

    def rows(self) -> Iterator[dict[str, Any]]:
        """The decided rows, read one at a time (memory stays flat whatever the size)."""
        return _read(self.spools["rows"])

    def held(self) -> Iterator[dict[str, Any]]:
        """The items held back for the ladder replay, in the order they were read."""
        return _read(self.spools["held"])
