"""Defaults come from the schema only: this module walks it and fills them in."""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

from governance.config.types import Config


@functools.cache
def schema() -> dict[str, Any]:
    """The shipped JSON Schema of `.github/governance.yml`."""
    text = resources.files("governance.config").joinpath("schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def maximum(*path: str) -> float:
    """The schema's ``maximum`` for the setting at ``path`` under the top level: a bound
    code sizes itself by (how long the App keeps recent content, for one)."""
    node = schema()
    for key in path:
        node = node["properties"][key]
    value: float = node["maximum"]
    return value


def fill(node: dict[str, Any], data: Any) -> Any:
    """Return ``data`` with every absent property set to its schema default, recursively."""
    if node.get("type") != "object" or not isinstance(data, dict):
        return data
    out = dict(data)
    for key, sub in node.get("properties", {}).items():
        if key not in out and "default" in sub:
            out[key] = copy.deepcopy(sub["default"])
        if key in out:
            out[key] = fill(sub, out[key])
    return out


def default_config() -> Config:
    """The configuration that applies when a repository has no config file at all."""
    return Config.from_mapping(fill(schema(), {}))
