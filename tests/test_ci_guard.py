"""CI must not pass by skipping: a missing ``../shared`` stops a CI run instead."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import missing_shared_in_ci


def test_ci_without_shared_data_is_an_error(tmp_path: Path):
    reason = missing_shared_in_ci({"CI": "true"}, tmp_path / "shared")

    assert reason is not None and "shared data is missing" in reason


def test_ci_with_shared_data_runs(tmp_path: Path):
    (tmp_path / "github" / "rest").mkdir(parents=True)
    (tmp_path / "corpus").mkdir()

    assert missing_shared_in_ci({"CI": "true"}, tmp_path) is None


def test_outside_ci_a_missing_shared_only_skips(tmp_path: Path):
    assert missing_shared_in_ci({}, tmp_path / "absent") is None
    assert missing_shared_in_ci({"CI": "false"}, tmp_path / "absent") is None
