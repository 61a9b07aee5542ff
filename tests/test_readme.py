"""The README's promises: the CI runs its test command, its ladder table is the code's."""

import re
from pathlib import Path

from governance.policy.ladder import ladder_markdown

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("governance demo")
    assert commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_step_by_step():
    # The CI runs each part as its own line so that `set -e` stops at the first failure.
    steps = quick_start_commands()[1].split(" && ")[2:]
    ci_lines = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert steps == ["pip install -e '.[test]'", "python -m pytest"]
    positions = [ci_lines.index(step) for step in steps]
    assert positions == sorted(positions)


def test_ladder_section_is_generated_from_the_table():
    section = README.split("<!-- ladder:start -->\n", 1)[1].split("\n<!-- ladder:end -->", 1)[0]
    assert section == ladder_markdown()
