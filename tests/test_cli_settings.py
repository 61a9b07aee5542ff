"""Edges turn a broken environment into one clear line and exit status 1, not a traceback."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from governance.app.auth import InstallationToken, InstallationTokens
from governance.cli import main
from tests.clock import ManualClock


def test_moderate_with_a_token_and_a_broken_environment_says_so_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    payload = tmp_path / "event.json"
    payload.write_text(json.dumps({"action": "created"}))
    env = {"GITHUB_API_URL": "ftp://github.example", "SMTP_HOST": "mail.example"}

    status = main(["moderate", "--event", "issue_comment", "--payload", str(payload),
                   "--token", "t-1"], env)

    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    [line] = err.splitlines()
    assert line.startswith("governance: invalid settings: GITHUB_API_URL: expected an http(s)")
    assert "SMTP_FROM: required" in line


class Desk:
    def __init__(self) -> None:
        self.issued: list[str] = []

    async def installation_token(self, installation_id: int) -> InstallationToken:
        self.issued.append(f"t-{len(self.issued)}")
        return InstallationToken(self.issued[-1], ManualClock().now() + timedelta(hours=1))


async def test_a_refused_token_is_dropped_only_while_it_is_the_cached_one():
    desk = Desk()
    provider = InstallationTokens(desk, ManualClock()).provider(7)  # type: ignore[arg-type]
    first = await provider()
    provider.invalidate(first)
    fresh = await provider()
    provider.invalidate(first)  # a second call refused with the old token, answered late

    assert await provider() == fresh != first
    assert desk.issued == [first, fresh]
