"""The frozen split every fitted part of detection respects.

Items are assigned to a split by a hash of their *group key*, never by reading them, so the
split cannot be steered by looking at errors:

- synthetic items: their sentence frame (``family``), so all items of one frame fall together;
- lure cases: their campaign (``campaign``), for the same reason;
- real items gathered from public threads (``source_link``): their thread, so the comments
  of one issue or pull request fall together;
- other real items: their ``id`` (real sources have too few datasets to hold whole sources
  out at calibration time; whole-source hold-out is what leave-one-source-out validation
  does).

``calibrate`` (one bucket in five) is where thresholds and the score calibration are chosen;
nothing is trained on it and nobody reads it item by item. ``fit`` is the rest: rules may be
written from it and models trained on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Literal

Split = Literal["fit", "calibrate"]
BUCKETS = 5
CALIBRATE_BUCKET = 0
SALT = "governance-frozen-split-v1"


def group_key(item: Mapping[str, object]) -> str:
    """What an item is held out with: its frame, its campaign, its thread, or itself."""
    for field in ("family", "campaign"):
        value = item.get(field)
        if value:
            return f"{field}:{value}"
    thread = str(item.get("source_link") or "").split("#", 1)[0]
    return f"thread:{thread}" if thread else f"id:{item['id']}"


def split_of(item: Mapping[str, object]) -> Split:
    digest = hashlib.sha256(f"{SALT}:{group_key(item)}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % BUCKETS
    return "calibrate" if bucket == CALIBRATE_BUCKET else "fit"


def source_dataset(item: Mapping[str, object]) -> str:
    """The dataset of an item (``vcu/None`` -> ``vcu``): the unit of leave-one-source-out."""
    return str(item.get("source", "")).split("/", 1)[0]
