"""``load_config`` remembers results by the texts: unchanged files are not parsed again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from governance.config import load
from governance.config.load import ConfigError, load_config

ORG = "ladder:\n  window_days: 90\n"
REPO = "dry_run: true\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The file names parsed, in order, with an empty cache."""
    seen: list[str] = []
    parse = load._parse

    def counting(text: str, filename: str) -> object:
        seen.append(filename)
        return parse(text, filename)

    monkeypatch.setattr(load, "_parse", counting)
    monkeypatch.setattr(load, "RESULTS", load._Results(capacity=2))
    yield seen


def test_the_same_texts_are_parsed_once_and_give_the_same_config(parses: list[str]) -> None:
    first = load_config(REPO, ORG, repo_name="r.yml", org_name="o.yml")
    again = load_config(REPO, ORG, repo_name="r.yml", org_name="o.yml")
    assert again is first
    assert parses == ["o.yml", "r.yml"]
    assert (again.dry_run, again.ladder.window_days) == (True, 90)


def test_a_changed_text_is_parsed_again(parses: list[str]) -> None:
    load_config(REPO, ORG)
    changed = load_config("dry_run: false\n", ORG)
    assert changed.dry_run is False
    assert len(parses) == 4


def test_no_file_and_an_empty_file_are_told_apart(parses: list[str]) -> None:
    load_config(None, ORG)
    load_config("", ORG)
    assert len(parses) == 3  # the empty repository file is parsed, the missing one is not


def test_a_broken_file_raises_every_time_with_the_same_errors(parses: list[str]) -> None:
    errors = []
    for _ in range(2):
        with pytest.raises(ConfigError) as caught:
            load_config("dry_run: sometimes\n", None, repo_name="r.yml")
        errors.append(caught.value.errors)
    assert errors[0] == errors[1] and errors[0][0].startswith("r.yml:1:10: dry_run:")
    assert parses == ["r.yml"]


def test_the_cache_is_bounded(parses: list[str]) -> None:
    for days in (1, 2, 3):
        load_config(f"ladder:\n  window_days: {days}\n", None)
    assert len(load.RESULTS) == 2
    load_config("ladder:\n  window_days: 1\n", None)  # the oldest was dropped
    assert len(parses) == 4
