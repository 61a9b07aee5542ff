"""Documentation generated from ``schema.json``: the README reference and the default file.

Both are derived, never written by hand, so they cannot drift from the defaults the bot
applies (``defaults.fill`` reads the same schema).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator
from typing import Any

from governance.config import defaults

__all__ = ["MERGE_RULE", "commented_default_yaml", "reference_markdown", "yaml_scalar"]

MERGE_RULE = (
    "A repository's `.github/governance.yml` is merged over the organisation defaults in "
    "`<org>/.github/governance.yml`: mappings merge key by key, while a list or a single "
    "value set in the repository replaces the organisation's value whole. Keys set in "
    "neither file take the defaults below."
)

_DEFAULTS_NOTE = "Every key is shown with its default; delete the ones you do not change."
_PLAIN_SCALAR = re.compile(r"[A-Za-z_][A-Za-z0-9_./-]*")
# Words some YAML parsers (1.1) read as booleans or null; quote them to be safe everywhere.
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


# ------------------------------------------------------------------ schema walking


def _rows(node: dict[str, Any], prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key path, schema) of every documented setting below ``node``, depth first."""
    for key, sub in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        if sub.get("type") == "object" and "properties" in sub:
            yield from _rows(sub, path)
            continue
        yield path, sub
        items = sub.get("items", {})
        if items.get("type") == "object":
            yield from _item_rows(items, f"{path}[]")


def _item_rows(items: dict[str, Any], prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    required = set(items.get("required", ()))
    for key, sub in items.get("properties", {}).items():
        yield f"{prefix}.{key}", {**sub, "x-required": key in required}


def _type_text(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    kind = str(node.get("type", "any"))
    if kind == "array":
        return _array_text(node)
    if kind == "object":
        values = node.get("additionalProperties", {})
        return f"mapping of string to {values.get('type', 'any')}"
    return kind + _range_text(node)


def _array_text(node: dict[str, Any]) -> str:
    items = node.get("items", {})
    if node.get("minItems") == node.get("maxItems") == 2:
        return f"pair of {items.get('type', 'value')}s{_range_text(items)}"
    if "enum" in items:
        return "list of " + ", ".join(f"`{v}`" for v in items["enum"])
    return f"list of {items.get('type', 'value')}s"


def _range_text(node: dict[str, Any]) -> str:
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        return f" {low}–{high}"
    if low is not None:
        return f" ≥ {low}"
    return ""


def _default_text(node: dict[str, Any]) -> str:
    if "default" not in node:
        return "required" if node.get("x-required") else "—"
    return f"`{json.dumps(node['default'], ensure_ascii=False)}`"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# ------------------------------------------------------------------------ Markdown


def reference_markdown() -> str:
    """The configuration reference: one Markdown table per top-level section."""
    schema = defaults.schema()
    parts = [
        "Generated from `governance/config/schema.json` by "
        "`governance.config.docs.reference_markdown()`; do not edit by hand.",
        MERGE_RULE,
    ]
    general = {k: v for k, v in schema["properties"].items() if v.get("type") != "object"}
    if general:
        parts.append(_section("General", "", {"properties": general}, ""))
    for key, sub in schema["properties"].items():
        if key not in general:
            parts.append(_section(f"`{key}`", sub.get("description", ""), sub, key))
    return "\n\n".join(parts) + "\n"


def _section(heading: str, description: str, node: dict[str, Any], prefix: str) -> str:
    lines = [f"### {heading}", ""]
    if description:
        lines += [_cell(description), ""]
    lines += ["| key | type | default | description |", "| --- | --- | --- | --- |"]
    for path, sub in _rows(node, prefix):
        cells = (f"`{path}`", _type_text(sub), _default_text(sub), sub.get("description", ""))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------- commented YAML


def commented_default_yaml() -> str:
    """A complete `.github/governance.yml`: every key at its default, described in comments.

    Loading it back gives exactly ``defaults.fill(schema, {})``.
    """
    schema = defaults.schema()
    intro = f"{schema.get('description', '')} {_DEFAULTS_NOTE}"
    lines = [*_comment(schema.get("title", "governance configuration"), 0)]
    lines += [*_comment(intro, 0), ""]
    lines += _mapping_lines(schema, defaults.fill(schema, {}), 0)
    return "\n".join(lines).rstrip("\n") + "\n"


def _describe_lines(node: dict[str, Any], indent: int) -> list[str]:
    """The YAML comment lines describing one schema node (empty if it has no description)."""
    return _comment(node.get("description", ""), indent)


def _comment(text: str, indent: int) -> list[str]:
    if not text:
        return []
    pad = " " * indent
    return textwrap.wrap(
        " ".join(text.split()), width=96, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}# "
    )


def _mapping_lines(node: dict[str, Any], value: dict[str, Any], indent: int) -> list[str]:
    lines: list[str] = []
    for key, sub in node.get("properties", {}).items():
        if key not in value:
            continue
        lines += _describe_lines(sub, indent)
        lines += _entry_lines(key, sub, value[key], indent)
        if indent == 0:
            lines.append("")  # a blank line between top-level sections
    return lines


def _entry_lines(key: str, node: dict[str, Any], value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict) and value and "properties" in node:
        return [f"{pad}{key}:", *_mapping_lines(node, value, indent + 2)]
    if isinstance(value, list) and value and not any(isinstance(v, dict | list) for v in value):
        return [f"{pad}{key}:", *(f"{pad}  - {yaml_scalar(v)}" for v in value)]
    return [f"{pad}{key}: {yaml_scalar(value)}"]


def yaml_scalar(value: Any) -> str:
    """A YAML 1.2 literal for a JSON value (flow style for containers)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        plain = _PLAIN_SCALAR.fullmatch(value) and value.lower() not in _YAML_WORDS
        return value if plain else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)
