"""`governance init`: write a commented config, the code of conduct and example workflows.

The code-of-conduct template and the workflows have one source each in the repository
(``templates/CODE_OF_CONDUCT.md`` and ``workflows/*.yml``); packaging maps those folders to
``governance._templates`` and ``governance._workflows``, so they are read here as package
data whether the package is installed normally or in editable mode.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from governance.config import defaults
from governance.config.docs import commented_default_yaml, yaml_scalar
from governance.config.load import REPO_CONFIG
from governance.messages import COC_SECTIONS

__all__ = [
    "COC_SECTIONS",
    "CONFIG_PATH",
    "coc_template",
    "init_project",
    "render_code_of_conduct",
    "update_config_text",
    "workflow_texts",
]

CONFIG_PATH = REPO_CONFIG
COC_PATH = "CODE_OF_CONDUCT.md"
WORKFLOWS_DIR = ".github/workflows"


_MISSING_CONTACT = "[add a private contact address here]"
_DEFAULT_MODERATORS = "the project's maintainers"
_UPDATE_MARKER = "governance init: settings not set in this file, at their defaults"


# ----------------------------------------------------------------- packaged files


def _data_folder(package: str, source_folder: str) -> Traversable:
    """An installed data package, or its source folder when running from an uninstalled checkout."""
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1] / source_folder


def coc_template() -> str:
    """The code-of-conduct template with its ``{{...}}`` placeholders."""
    folder = _data_folder("governance._templates", "templates")
    return folder.joinpath(COC_PATH).read_text("utf-8")


def workflow_texts() -> dict[str, str]:
    """File name -> text of every example workflow shipped with the package."""
    folder = _data_folder("governance._workflows", "workflows")
    entries = sorted(folder.iterdir(), key=lambda e: e.name)
    return {e.name: e.read_text("utf-8") for e in entries if e.name.endswith(".yml")}


def render_code_of_conduct(project: str, contact: str = "", moderators: str = "") -> str:
    """The template with its placeholders filled; empty values get visible stand-ins."""
    values = {
        "project": project,
        "contact": contact or _MISSING_CONTACT,
        "moderators": moderators or _DEFAULT_MODERATORS,
    }
    text = coc_template()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


# ---------------------------------------------------------------------- init


def init_project(
    dest: Path,
    *,
    force: bool = False,
    project: str = "",
    contact: str = "",
    moderators: str = "",
) -> list[str]:
    """Write the starter files into ``dest``; one line per file saying what happened.

    Existing files are never overwritten without ``force``. With ``force`` an existing
    config is updated rather than replaced: its values and comments are kept and the
    settings it does not mention are added as commented-out defaults.
    """
    dest = Path(dest)
    coc = render_code_of_conduct(project or dest.resolve().name, contact, moderators)
    report = [_write_config(dest / CONFIG_PATH, force)]
    report.append(_write(dest / COC_PATH, coc, force))
    for name, text in workflow_texts().items():
        report.append(_write(dest / WORKFLOWS_DIR / name, text, force))
    if not contact:
        report.append(f"note: fill in the contact address in {COC_PATH} ({_MISSING_CONTACT})")
    return report


def _write(path: Path, text: str, force: bool) -> str:
    existed = path.exists()
    if existed and not force:
        return f"skipped {path} (exists; use --force to overwrite)"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return f"{'overwrote' if existed else 'wrote'} {path}"


def _write_config(path: Path, force: bool) -> str:
    if not path.exists():
        return _write(path, commented_default_yaml(), force)
    if not force:
        return f"skipped {path} (exists; use --force to add the settings it lacks)"
    try:
        updated = update_config_text(path.read_text("utf-8"))
    except (YAMLError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "cannot parse"
        return f"skipped {path} (not updated: {reason})"
    path.write_text(updated, "utf-8")
    return f"updated {path} (your values and comments kept)"


# ------------------------------------------------------------- config update


def update_config_text(text: str) -> str:
    """Add the settings ``text`` lacks as commented-out defaults, keeping everything else.

    The additions are comments on purpose: a key written with its default would silently
    override the organisation's defaults for this repository. Running it twice adds nothing.
    """
    yaml = _round_trip_yaml()
    data = yaml.load(text)
    if data is None:  # empty, or only comments: keep them above the full default file
        kept = text.strip()
        return f"{kept}\n\n{commented_default_yaml()}" if kept else commented_default_yaml()
    if not isinstance(data, CommentedMap):
        raise ValueError("the file does not hold a mapping of settings")
    _annotate(data, defaults.schema(), defaults.fill(defaults.schema(), {}), "", text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's long values
    yaml.indent(mapping=2, sequence=4, offset=2)  # the style of the generated default file
    return yaml


def _annotate(
    data: CommentedMap, node: Mapping[str, Any], filled: Mapping[str, Any], path: str, text: str
) -> None:
    """Recursively put a commented block of missing settings before each map's first key."""
    if not data or data.fa.flow_style():
        return  # nowhere to hang a comment in `{}` or `{a: 1}`
    properties: Mapping[str, Any] = node.get("properties", {})
    for key, sub in properties.items():
        value = data.get(key)
        if isinstance(value, CommentedMap) and "properties" in sub:
            _annotate(value, sub, filled[key], f"{path}.{key}" if path else key, text)
    missing = [key for key in properties if key not in data]
    marker = f"{_UPDATE_MARKER} ({path or 'top level'}):"
    if missing and marker not in text:
        block = [marker] + [line for key in missing for line in _yaml_lines(key, filled[key])]
        indent = 2 * (path.count(".") + 1) if path else 0
        data.yaml_set_comment_before_after_key(
            next(iter(data)), before="\n".join(block), indent=indent
        )


def _yaml_lines(key: str, value: Any, indent: int = 0) -> list[str]:
    """Plain YAML lines for one key and its (default) value, indented by ``indent``."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        return [f"{pad}{key}:"] + [
            line for sub, inner in value.items() for line in _yaml_lines(sub, inner, indent + 2)
        ]
    if isinstance(value, list) and value and not any(isinstance(v, dict | list) for v in value):
        return [f"{pad}{key}:"] + [f"{pad}  - {yaml_scalar(v)}" for v in value]
    return [f"{pad}{key}: {yaml_scalar(value)}"]
