"""``moderation.account_signals`` and ``moderation.spam_waves``: defaults from the schema,
bad values reported with file:line:col, and rows in the generated reference."""

from __future__ import annotations

import re

import pytest

from governance.config.defaults import default_config
from governance.config.docs import reference_markdown
from governance.config.load import ConfigError, load_config, load_config_text
from governance.config.types import AccountSignalsConfig, SpamWavesConfig

BAD = """\
moderation:
  account_signals:
    enabled: sometimes
    new_account_days: 0
    boost: 0.5
    followers: 3
  spam_waves:
    window_hours: 48
    min_threads: 1
    max_distance: 9
    boost: -0.1
"""


def test_the_defaults_keep_the_former_behaviour() -> None:
    mod = default_config().moderation
    assert mod.account_signals == AccountSignalsConfig(
        enabled=True, new_account_days=14, max_followers=0, max_public_repos=0, boost=0.1)
    assert mod.spam_waves == SpamWavesConfig(
        enabled=True, window_hours=24, min_threads=2, max_distance=8, boost=0.2)


def test_bad_values_are_reported_with_file_line_and_column() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config_text(BAD, "gov.yml")
    errors = caught.value.errors
    assert all(re.match(r"gov\.yml:\d+:\d+: moderation\.", e) for e in errors)
    expected = [
        "gov.yml:3:14: moderation.account_signals.enabled: 'sometimes' is not of type 'boolean'",
        "gov.yml:4:23: moderation.account_signals.new_account_days: 0 is less than the minimum",
        "gov.yml:5:12: moderation.account_signals.boost: 0.5 is greater than the maximum of 0.3",
        "gov.yml:6:5: moderation.account_signals.followers: unknown key 'followers'",
        "gov.yml:8:19: moderation.spam_waves.window_hours: 48 is greater than the maximum of 24",
        "gov.yml:9:18: moderation.spam_waves.min_threads: 1 is less than the minimum of 2",
        "gov.yml:10:19: moderation.spam_waves.max_distance: 9 is greater than the maximum of 8",
        "gov.yml:11:12: moderation.spam_waves.boost: -0.1 is less than the minimum of 0",
    ]
    assert len(errors) == len(expected)
    for error, start in zip(errors, expected, strict=True):
        assert error.startswith(start), error
    assert "did you mean 'max_followers'" in errors[3]


def test_a_partial_section_keeps_the_other_defaults() -> None:
    text = "moderation:\n  spam_waves:\n    window_hours: 6\n  account_signals:\n    boost: 0\n"
    mod = load_config(text, None).moderation
    assert mod.spam_waves.window_hours == 6 and mod.spam_waves.max_distance == 8
    assert mod.account_signals.boost == 0.0 and mod.account_signals.enabled


def test_the_reference_documents_every_new_key() -> None:
    text = reference_markdown()
    for key in ("enabled", "new_account_days", "max_followers", "max_public_repos", "boost"):
        assert f"| `moderation.account_signals.{key}` |" in text
    for key in ("enabled", "window_hours", "min_threads", "max_distance", "boost"):
        assert f"| `moderation.spam_waves.{key}` |" in text
    assert "| `moderation.spam_waves.window_hours` | integer 1–24 | `24` |" in text
