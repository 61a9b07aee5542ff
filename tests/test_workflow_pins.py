"""Every action the workflows and action.yml use is pinned by commit, and App tokens are
limited to the repositories the bot needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*(ROOT / "workflows").glob("*.yml"), ROOT / "action.yml"])
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"\s+# v\d+\.\d+\.\d+$")
PLACEHOLDER = "your-org/governance@v0"  # the user's own copy of this action; see the header


def uses_lines(path: Path) -> list[tuple[str, str]]:
    found = [USES.match(line) for line in path.read_text("utf-8").splitlines()]
    return [(m["ref"], m["rest"]) for m in found if m]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_action_is_pinned_by_full_commit_sha_with_its_version(path: Path):
    refs = uses_lines(path)
    assert refs, "every file here uses at least one action"
    for ref, rest in refs:
        if ref == PLACEHOLDER:
            assert "full commit SHA" in path.read_text("utf-8").split("name:")[0]
            continue
        assert PINNED.fullmatch(ref), f"{path.name}: {ref} is not pinned by commit"
        assert VERSION_COMMENT.fullmatch(rest), f"{path.name}: {ref} has no '# vX.Y.Z'"


@pytest.mark.parametrize("path", sorted((ROOT / "workflows").glob("*.yml")),
                         ids=lambda p: p.name)
def test_app_tokens_are_limited_to_the_repository_and_the_ledger(path: Path):
    flow = YAML(typ="safe").load(path.read_text("utf-8"))
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    tokens = [s for s in steps if "create-github-app-token" in s.get("uses", "")]
    assert tokens
    for step in tokens:
        names = [n.strip() for n in step["with"]["repositories"].split(",")]
        assert names[0] in ("${{ github.event.repository.name }}",
                            "${{ steps.repo.outputs.name }}")
        assert "${{ vars.GOVERNANCE_LEDGER_REPOSITORY }}" in names
        assert step["with"]["owner"] == "${{ github.repository_owner }}"
    repo_steps = [s for s in steps if s.get("id") == "repo"]
    for step in repo_steps:  # the name comes from the runner's variable, no expression in run
        assert "${{" not in step["run"] and "GITHUB_REPOSITORY#*/" in step["run"]
