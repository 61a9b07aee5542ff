"""What a user sees of the command line: help, options that do something, the stored env file."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from governance.app.manifest import (
    LOAD_ANYWHERE,
    LOAD_SHELL_ONLY,
    AppCredentials,
    env_file_text,
    store_credentials,
)
from governance.cli import DESCRIPTION, build_parser, main
from governance.settings import parse_env_file
from tests.fake_github import FakeGitHub


def test_help_describes_the_tool_for_its_users(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert " ".join(DESCRIPTION.split()) in " ".join(out.split())
    assert "argv" not in out and "subcommands" not in out


@pytest.mark.parametrize("argv", [
    ["rewards", "import", "codes.csv", "--tier", "100"],
    ["experts", "report"],
    ["experts", "candidates"],
])
def test_commands_that_read_the_repository_config_take_no_ledger_option(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """They use the ledger the config of --repo names; an ignored --ledger would mislead."""
    parser = build_parser()
    assert parser.parse_args([*argv, "--repo", "acme/widgets"]).repo == "acme/widgets"
    with pytest.raises(SystemExit) as exited:
        parser.parse_args([*argv, "--ledger", "acme/ledger"])
    assert exited.value.code == 2
    assert "--ledger" in capsys.readouterr().err


# ------------------------------------------------------------------ the stored env file


def pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM,
                             serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption()).decode()


def credentials(app_id: int = 77, secret: str = "0123abcd" * 5) -> AppCredentials:
    return AppCredentials(app_id, "governance-bot", "https://github.com/apps/governance-bot",
                          pem(), secret, "Iv1.abc", "client-secret")


def as_docker_reads(text: str) -> dict[str, str]:
    """``docker --env-file``: ``KEY=VALUE`` taken literally (quotes stay), ``#`` lines skipped."""
    pairs = (line.split("=", 1) for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#"))
    return {key: value for key, value in pairs}


def as_shell_reads(path: Path) -> dict[str, str]:
    script = f"set -a; . '{path}'; set +a; " + "; ".join(
        f'printf "%s\\0" "${name}"' for name in ("GITHUB_APP_ID", "GITHUB_PRIVATE_KEY_PATH",
                                                   "GITHUB_WEBHOOK_SECRET"))
    out = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True).stdout
    names = ("GITHUB_APP_ID", "GITHUB_PRIVATE_KEY_PATH", "GITHUB_WEBHOOK_SECRET")
    return dict(zip(names, out.split("\0")[:3], strict=True))


def test_the_env_file_reads_the_same_in_a_shell_and_in_docker(tmp_path: Path) -> None:
    stored = store_credentials(tmp_path / "settings", credentials())
    text = stored.env_path.read_text()
    expected = {"GITHUB_APP_ID": "77", "GITHUB_PRIVATE_KEY_PATH": str(stored.key_path),
                "GITHUB_WEBHOOK_SECRET": "0123abcd" * 5}
    assert LOAD_ANYWHERE in text
    assert as_docker_reads(text) == expected
    assert as_shell_reads(stored.env_path) == expected
    assert parse_env_file(text) == expected
    assert "BEGIN" not in text, "the key is a file of its own, named by path"


def test_a_value_only_a_shell_can_read_drops_the_docker_claim(tmp_path: Path) -> None:
    stored = store_credentials(tmp_path / "my settings", credentials(secret="it's a secret"))
    text = stored.env_path.read_text()
    assert LOAD_ANYWHERE not in text and LOAD_SHELL_ONLY in text
    assert as_shell_reads(stored.env_path) == {
        "GITHUB_APP_ID": "77", "GITHUB_PRIVATE_KEY_PATH": str(stored.key_path),
        "GITHUB_WEBHOOK_SECRET": "it's a secret"}
    assert parse_env_file(text)["GITHUB_PRIVATE_KEY_PATH"] == str(stored.key_path)


def test_env_file_text_never_quotes_plain_values() -> None:
    text = env_file_text(credentials(), Path("/var/lib/governance/.governance/k.pem"))
    assert "GITHUB_PRIVATE_KEY_PATH=/var/lib/governance/.governance/k.pem\n" in text
    assert "'" not in text.split("# The App's OAuth client")[0].split("\n", 2)[2]


# ------------------------------------------------------------------ redeliver


async def test_redeliver_reads_the_env_file_registration_stored(
        fake_github: FakeGitHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings_dir = tmp_path / "settings"
    stored = store_credentials(settings_dir, credentials(app_id=31337))
    fake_github.add_delivery("failed-1", "issues", "opened", status_code=502)
    argv = ["redeliver", "--settings-dir", str(settings_dir), "--dry-run"]

    code = await asyncio.to_thread(main, argv, {"GITHUB_API_URL": fake_github.url})

    assert code == 0, capsys.readouterr().err
    [listing] = fake_github.requests("GET", "/app/hook/deliveries")
    token = listing.headers["authorization"].split(" ", 1)[1]
    assert jwt.decode(token, options={"verify_signature": False})["iss"] == "31337"
    assert stored.env_path.is_file()
