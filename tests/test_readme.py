"""The README's promises: what it names exists in the code, and its generated parts are current.

The config reference and the App permissions are checked in test_config.py and
test_manifest.py; the code-of-conduct template's ladder in test_coc_template.py.
"""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

from ruamel.yaml import YAML

from governance.app.metrics import Metrics
from governance.cli import build_parser
from governance.ledger import bans, render
from governance.policy.commands import CLASSIFIER_WORDS, Verb
from governance.policy.ladder import LADDER, ladder_markdown
from governance.runtime import llm_keys
from governance.settings import Secret, Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
PROSE = FENCE.sub("", README)  # the README without its fenced blocks
# A word that runs the CLI: `governance`, a path to it, or `ExecStart=/path/governance`.
CLI_WORD = re.compile(r"(?:ExecStart=)?(?:[\w.-]*/)*governance")
SUBCOMMAND = r"[a-z][a-z|-]*"  # a subcommand, or alternatives: pending|resend
ENV_NAME = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def section(name: str) -> str:
    return README.split(f"<!-- {name}:start -->\n", 1)[1].split(f"\n<!-- {name}:end -->", 1)[0]


def code_spans() -> list[str]:
    """Inline code spans outside fenced blocks, whitespace (line breaks) collapsed."""
    return [" ".join(span.split()) for span in re.findall(r"`([^`]+)`", PROSE)]


def cli_invocations() -> list[list[str]]:
    """Every `governance ...` the README shows, as words after the program name."""
    found = [span.replace("\\|", "|").split()[1:] for span in code_spans()
             if span.startswith("governance ")]
    for block in FENCE.findall(README):
        for line in block.splitlines():
            for command in re.split(r"&&|;|\|", line):
                words = command.split()
                if words and CLI_WORD.fullmatch(words[0]):
                    found.append(words[1:])
    return found


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for action in parser._actions for o in action.option_strings}


def check_invocation(words: list[str]) -> list[str]:
    """Problems with one invocation: unknown subcommands or options."""
    shown = "governance " + " ".join(words)
    parser, rest = build_parser(), list(words)
    while (choices := subcommands(parser)) and rest and re.fullmatch(SUBCOMMAND, rest[0]):
        names = rest.pop(0).split("|")
        unknown = [n for n in names if n not in choices]
        if unknown:
            return [f"{shown}: no subcommand {unknown}"]
        parser = choices[names[0]]
    if subcommands(parser) and parser.prog == "governance":
        return [f"{shown}: names no subcommand"]
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", " ".join(rest)))
    return [f"{shown}: no option {o}" for o in sorted(named - options(parser))]


# --------------------------------------------------------------------------- quick start


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


# ------------------------------------------------------------------ command line


def test_every_command_the_readme_shows_exists_with_its_options():
    invocations = cli_invocations()
    assert len(invocations) > 30, "the README's commands were not found"
    problems = [p for words in invocations for p in check_invocation(words)]
    assert problems == []


def test_every_subcommand_is_documented():
    shown = {" ".join(w for w in words[:2] if re.fullmatch(SUBCOMMAND, w))
             for words in cli_invocations()}
    expanded = {f"{a} {b}" if b else a for line in shown
                for a, _, rest in [line.partition(" ")] for b in (rest.split("|") or [""])}
    missing = []
    for name, parser in subcommands(build_parser()).items():
        subs = subcommands(parser)
        wanted = [f"{name} {sub}" for sub in subs] if subs else [name]
        missing += [w for w in wanted if w not in expanded]
    assert missing == []


def test_the_checker_rejects_what_the_cli_does_not_have():
    # The test above is only as good as this: unknown names must be caught.
    assert check_invocation(["ledger", "show", "@x", "--json"]) == []
    assert check_invocation(["rewards", "pending|resend"]) == []
    assert check_invocation(["ledger", "purge"]) != []
    assert check_invocation(["sweep", "--force"]) != []
    assert check_invocation(["rewards"]) == []  # a group named on its own is fine
    assert check_invocation(["--json"]) != []


# ------------------------------------------------------------ deployment and Action


def env_names_the_code_reads() -> set[str]:
    tree = ast.parse((ROOT / "governance" / "settings.py").read_text("utf-8"))
    names = {name for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             for name in ENV_NAME.findall(node.value)}
    reads = re.compile(r"""\b(?:env|environ)(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']""")
    for path in (ROOT / "governance").rglob("*.py"):
        names |= set(reads.findall(path.read_text("utf-8")))
    return {n for n in names if not n.startswith("INPUT_")}  # documented as INPUT_<NAME>


def test_every_environment_variable_is_documented():
    names = env_names_the_code_reads()
    assert {"GITHUB_APP_ID", "SMTP_HOST", "SHOPIFY_TOKEN"} <= names
    assert sorted(n for n in names if f"`{n}`" not in README) == []
    assert "`INPUT_<NAME>`" in README


def test_every_action_input_output_and_workflow_is_documented():
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text("utf-8"))
    names = [*action["inputs"], *action["outputs"]]
    assert [n for n in names if f"`{n}`" not in README] == []
    workflows = sorted(p.name for p in (ROOT / "workflows").glob("*.yml"))
    assert workflows and [w for w in workflows if f"`{w}`" not in README] == []


def test_metrics_named_in_the_readme_are_served():
    served = set(re.findall(r"^# TYPE (\S+)", Metrics().render(), re.M))
    named = set(re.findall(r"`(governance_[a-z_]+)`", README))
    assert named and named <= served
    assert served <= named, "document every metric family"


def test_benchmarks_named_in_the_readme_exist():
    named = re.findall(r"python (benchmarks/\S+\.py)", README)
    assert len(named) >= 4
    assert [n for n in named if not (ROOT / n).is_file()] == []


# --------------------------------------------------------- ladder, ledger, commands


def test_ladder_section_is_generated_from_the_table():
    assert section("ladder") == ladder_markdown()


def test_every_command_and_hide_classifier_is_documented():
    missing = [v for v in Verb if f"`/coc {v.value}" not in README]
    assert missing == []
    assert all(word in README for word in CLASSIFIER_WORDS)


def test_every_label_the_ledger_sets_is_documented():
    labels = [render.PERSON_LABEL, render.REVIEW_LABEL, render.DUPLICATE_LABEL,
              *(r.label for r in LADDER)]
    assert [label for label in labels if f"`{label}`" not in README] == []


def test_workflow_variables_and_secrets_are_the_documented_ones():
    used = {name for path in (ROOT / "workflows").glob("*.yml")
            for name in re.findall(r"\b(?:vars|secrets)\.(GOVERNANCE_[A-Z_]+)", path.read_text())}
    named = set(re.findall(r"`(GOVERNANCE_[A-Z_]+)`", README))
    assert used and used == named


def test_the_llm_key_rule_is_the_documented_one():
    # Only the run's own token is ever sent, under the name the README gives; the App has none.
    assert set(llm_keys(Settings(token=Secret("t")))) == {"GITHUB_TOKEN"}
    assert llm_keys(Settings()) == {}
    assert "`llm.api_key_env` must be `GITHUB_TOKEN`" in README


def test_ledger_files_are_the_documented_ones():
    assert render.state_path("Someone") == "people/someone.json"
    assert "`people/<login>.json`" in README
    assert f"`{bans.PATH}`" in README


def test_anchor_links_point_at_headings():
    headings = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
                for h in re.findall(r"^#{2,4} (.+)$", PROSE, re.M)}
    anchors = re.findall(r"\]\(#([^)\s]+)\)", PROSE)
    assert len(anchors) >= 5
    assert [a for a in anchors if a not in headings] == []


def test_relative_links_point_at_files_in_the_repository():
    targets = [t for t in re.findall(r"\]\(([^)\s#]+)[^)]*\)", PROSE) if not re.match(r"\w+:", t)]
    assert "governance/data/MODEL_CARD.md" in targets
    assert [t for t in targets if not (ROOT / t).is_file()] == []
