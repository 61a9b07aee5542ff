"""Config loading (every error at once, with positions), merging, RE2 patterns and docs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from governance.config import defaults
from governance.config.defaults import default_config
from governance.config.docs import commented_default_yaml, reference_markdown
from governance.config.load import (
    ConfigError,
    compile_pattern,
    load_config,
    load_config_text,
    merge,
    validate_file,
)
from governance.model import Category

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- config-reference:start -->", "<!-- config-reference:end -->"


def errors_of(text: str, filename: str = "gov.yml") -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config_text(text, filename)
    return caught.value.errors


# ---------------------------------------------------------------- error reporting

THREE_MISTAKES = """\
# three deliberate mistakes
moderation:
  on_edt: true
  rules:
    abuse:
      act_threshold: high
ladder:
  warning_channel: pigeon
"""


def test_three_mistakes_give_three_positioned_errors_in_one_run() -> None:
    errors = errors_of(THREE_MISTAKES)
    assert len(errors) == 3
    unknown, wrong_type, bad_enum = errors
    assert unknown.startswith("gov.yml:3:3: moderation.on_edt: unknown key 'on_edt'")
    assert "did you mean 'on_edit'" in unknown
    assert wrong_type.startswith("gov.yml:6:22: moderation.rules.abuse.act_threshold:")
    assert "'high' is not of type 'number'" in wrong_type
    assert bad_enum.startswith("gov.yml:8:20: ladder.warning_channel: 'pigeon' is not one of")


def test_every_error_has_the_file_line_col_format() -> None:
    text = THREE_MISTAKES + "dry_run: sometimes\nexperts:\n  weights:\n    answer: -1\n"
    errors = errors_of(text, "x/governance.yml")
    assert len(errors) == 5
    assert all(re.match(r"x/governance\.yml:\d+:\d+: \S", e) for e in errors)
    assert [int(e.split(":")[1]) for e in errors] == [3, 6, 8, 9, 12]


def test_list_items_and_required_keys_are_located() -> None:
    text = (
        "moderation:\n  surfaces:\n    - issue\n    - gist\nrecognition:\n  tiers:\n    - name: a\n"
    )
    first, second = errors_of(text)
    assert first.startswith("gov.yml:4:7: moderation.surfaces[1]: 'gist' is not one of")
    assert second.startswith("gov.yml:7:7: recognition.tiers[0]: 'repositories' is a required")


def test_unknown_top_level_key_points_at_the_key() -> None:
    (error,) = errors_of("dry_run: true\nmoderaton:\n  enabled: false\n")
    assert error.startswith("gov.yml:2:1: moderaton: unknown key 'moderaton'")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("moderation:\n  enabled: [true\n", "gov.yml:3:1: YAML syntax error"),
        ("dry_run: true\ndry_run: false\n", "gov.yml:2:1: YAML syntax error"),
        ("moderation:\n\tenabled: true\n", "gov.yml:2:1: YAML syntax error"),
    ],
)
def test_yaml_syntax_errors_use_the_same_format(text: str, where: str) -> None:
    (error,) = errors_of(text)
    assert error.startswith(where)
    assert "\n" not in error


def test_top_level_must_be_a_mapping() -> None:
    assert errors_of("- dry_run\n") == [
        "gov.yml:1:1: expected a mapping of settings at the top level"
    ]


# ------------------------------------------------------------------- RE2 patterns


@pytest.mark.parametrize("pattern", [r"(\w+) \1", r"foo(?=bar)", r"(?<!x)y", "[unclosed"])
def test_patterns_re2_cannot_compile_are_config_errors(pattern: str) -> None:
    text = f"moderation:\n  allow:\n    patterns:\n      - ok-[0-9]+\n      - '{pattern}'\n"
    (error,) = errors_of(text)
    assert error.startswith("gov.yml:5:9: moderation.allow.patterns[1]:")
    assert "not a valid RE2 pattern" in error


def test_nested_quantifier_is_accepted_and_matches_in_linear_time() -> None:
    """RE2 runs in time linear in the input, so `(a+)+$` cannot backtrack exponentially.

    Only correctness is asserted here; timings belong in benchmarks/.
    """
    data = load_config_text("moderation:\n  allow:\n    patterns: ['(a+)+$']\n", "gov.yml")
    pattern = compile_pattern(data["moderation"]["allow"]["patterns"][0])
    assert pattern.search("a" * 100_000 + "b") is None
    assert pattern.search("b" + "a" * 100_000) is not None


def test_user_patterns_run_on_re2_in_config_checks_and_in_detection() -> None:
    """The stated bound: a user pattern is matched by RE2, in time linear in the text
    (pattern size x text size), never by Python's backtracking ``re``; so neither the config
    check nor the detection of a 100 kB comment can stall on ``(a+)+$``."""
    from governance.detect.engine import _compile_re2

    for compiled in (compile_pattern("(a+)+$"), _compile_re2("(a+)+$")):
        assert not isinstance(compiled, re.Pattern)
        assert type(compiled).__module__.partition(".")[0] == "re2"
    assert _compile_re2(r"(\w+) \1") is None  # RE2 refuses backreferences; re would not


# ------------------------------------------------------------------------ merging


def test_merge_is_deep_for_mappings_and_replaces_lists_and_scalars() -> None:
    org = {
        "dry_run": True,
        "moderation": {"surfaces": ["issue", "issue_comment"], "rules": {"abuse": {"lock": True}}},
        "ledger": {"repository": "acme/ledger"},
    }
    repo = {
        "dry_run": False,
        "moderation": {"surfaces": ["discussion"], "rules": {"pii": {"action": "hide"}}},
    }
    merged = merge(org, repo)
    assert merged == {
        "dry_run": False,
        "moderation": {
            "surfaces": ["discussion"],
            "rules": {"abuse": {"lock": True}, "pii": {"action": "hide"}},
        },
        "ledger": {"repository": "acme/ledger"},
    }
    assert org["moderation"]["rules"] == {"abuse": {"lock": True}}  # inputs are not changed


def test_repo_over_org_over_defaults() -> None:
    org = "dry_run: true\nladder:\n  window_days: 90\n  temporary_ban_days: 14\n"
    repo = "ladder:\n  temporary_ban_days: 3\n"
    config = load_config(repo, org)
    assert config.dry_run is True
    assert (config.ladder.window_days, config.ladder.temporary_ban_days) == (90, 3)
    assert config.moderation.rules[Category.ABUSE].act_threshold == 0.85  # schema default


def test_errors_of_both_files_are_reported_together() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config("dry_run: 1\n", "ladder: []\n", repo_name="repo.yml", org_name="org.yml")
    assert [e.split(":")[0] for e in caught.value.errors] == ["org.yml", "repo.yml"]


@pytest.mark.parametrize("text", [None, "", "# only a comment\n"])
def test_no_file_or_empty_file_gives_the_defaults(text: str | None) -> None:
    assert load_config(text, None) == default_config()
    assert load_config(None, text) == default_config()


# -------------------------------------------------------------------- validate_file


def test_validate_file(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yml", tmp_path / "bad.yml"
    good.write_text("dry_run: true\n", "utf-8")
    bad.write_text(THREE_MISTAKES, "utf-8")
    assert validate_file(good) == []
    errors = validate_file(bad)
    assert len(errors) == 3 and all(e.startswith(f"{bad}:") for e in errors)
    assert validate_file(tmp_path / "absent.yml")[0].startswith(f"{tmp_path / 'absent.yml'}:1:1:")


# -------------------------------------------------------------- generated documents


def _leaf_paths(node: dict[str, Any], prefix: str = "") -> list[str]:
    out = []
    for key, sub in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        nested = sub.get("type") == "object" and "properties" in sub
        out += _leaf_paths(sub, path) if nested else [path]
    return out


def test_every_setting_has_a_description() -> None:
    def walk(node: dict[str, Any], path: str) -> list[str]:
        missing = []
        for key, sub in node.get("properties", {}).items():
            here = f"{path}.{key}" if path else key
            missing += [] if sub.get("description") else [here]
            missing += walk(sub, here) + walk(sub.get("items", {}), here + "[]")
        return missing

    assert walk(defaults.schema(), "") == []


def test_reference_has_a_row_for_every_setting() -> None:
    text = reference_markdown()
    for path in _leaf_paths(defaults.schema()):
        assert f"| `{path}` |" in text, path
    assert "| `ladder.window_days` | integer ≥ 1 | `180` |" in text
    assert "a list or a single value set in the repository replaces" in text  # merge rule


def test_reference_tables_are_well_formed() -> None:
    for line in reference_markdown().splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) == 4, line


def test_commented_default_yaml_loads_back_to_exactly_the_defaults() -> None:
    text = commented_default_yaml()
    assert load_config_text(text, "default.yml") == defaults.fill(defaults.schema(), {})
    assert load_config(text, None) == default_config()


def test_commented_default_yaml_describes_each_key() -> None:
    lines = commented_default_yaml().splitlines()
    assert "# Length of a temporary ban." in [line.strip() for line in lines]
    keys = [i for i, line in enumerate(lines) if re.match(r"\s*[a-z_]+:", line)]
    assert len(keys) > 80
    undescribed = [lines[i] for i in keys if not lines[i - 1].lstrip().startswith("#")]
    assert undescribed == []


def test_readme_reference_is_the_generated_text() -> None:
    if not README.is_file():
        pytest.skip("README.md not found")
    text = README.read_text("utf-8")
    if START not in text or END not in text:
        pytest.skip("README.md has no config-reference markers")
    between = text.split(START, 1)[1].split(END, 1)[0]
    assert between.strip() == reference_markdown().strip(), (
        "README config reference is stale: paste `governance config reference` output "
        "between the markers"
    )
