"""action.yml agrees with the program it runs: inputs reach the settings, outputs exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from governance.action.outputs import ActionReport, outputs_of
from governance.settings import load_settings

ACTION_YML = Path(__file__).resolve().parents[1] / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(ACTION_YML.read_text("utf-8"))
    return data


def steps(action: dict[str, Any]) -> list[dict[str, Any]]:
    return list(action["runs"]["steps"])


def run_step(action: dict[str, Any]) -> dict[str, Any]:
    [step] = [s for s in steps(action) if s.get("id") == "governance"]
    return step


def test_composite_action_sets_up_a_pinned_python_with_a_pip_cache(action):
    assert action["runs"]["using"] == "composite"
    [setup] = [s for s in steps(action) if "uses" in s]
    assert re.fullmatch(r"actions/setup-python@[0-9a-f]{40}", setup["uses"])  # by commit
    assert setup["with"]["cache"] == "pip"
    install = next(s for s in steps(action) if s.get("id") == "install")
    assert 'pip install' in install["run"] and '"$GITHUB_ACTION_PATH"' in install["run"]
    assert run_step(action)["run"].strip() == '"$GOVERNANCE" action'
    assert run_step(action)["env"]["GOVERNANCE"] == "${{ steps.install.outputs.governance }}"


def test_no_expression_is_spliced_into_a_shell_script(action):
    for step in steps(action):
        assert not EXPRESSION.search(step.get("run", "")), step.get("name")


def test_every_input_reaches_the_program(action):
    env = run_step(action)["env"]
    passed = {m for value in env.values() for m in EXPRESSION.findall(str(value))}
    wanted = {f"inputs.{name}" for name in action["inputs"] if name != "python-version"}
    assert wanted <= passed


def test_inputs_as_the_runner_passes_them_land_in_the_settings(action, tmp_path: Path):
    samples = {"token": "ghs_from_input", "config": ".github/coc.yml", "dry-run": "true",
               "smtp-host": "smtp.example.org", "smtp-port": "2525", "smtp-tls": "implicit",
               "smtp-username": "bot", "smtp-password": "pw", "smtp-from": "bot@example.org",
               "smtp-reply-to": "conduct@example.org"}
    env = {}
    for name, value in run_step(action)["env"].items():
        [expression] = EXPRESSION.findall(str(value))
        if expression.startswith("inputs."):
            env[name] = samples[expression.removeprefix("inputs.")]
    env.update(GITHUB_EVENT_NAME="issues", GITHUB_REPOSITORY="acme/widgets")

    settings = load_settings(env, "action")

    assert settings.action is not None and settings.smtp is not None
    assert settings.action.token.reveal() == "ghs_from_input"
    assert settings.action.dry_run and settings.action.config_path == ".github/coc.yml"
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.tls.value) == (
        "smtp.example.org", 2525, "implicit")
    assert settings.smtp.password is not None and settings.smtp.password.reveal() == "pw"
    assert settings.smtp.reply_to == "conduct@example.org"


def test_outputs_are_the_ones_the_program_writes(action):
    declared = {name: spec["value"] for name, spec in action["outputs"].items()}
    written = outputs_of(ActionReport("issues", "acme/widgets", None), str)
    assert set(declared) == set(written) == {"actions", "plan"}
    for name, value in declared.items():
        assert value == f"${{{{ steps.governance.outputs.{name} }}}}"
