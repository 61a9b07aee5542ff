"""Settings: read from a mapping, every problem at once, secrets never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from governance.settings import (
    DEFAULT_LLM_URL,
    Secret,
    SettingsError,
    SmtpTls,
    has_app_credentials,
    load_settings,
    parse_env_file,
)


@pytest.fixture(scope="module")
def pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def app_env(pem: str, **extra: str) -> dict[str, str]:
    return {"GITHUB_APP_ID": "4242", "GITHUB_PRIVATE_KEY": pem,
            "GITHUB_WEBHOOK_SECRET": "hunter2-but-longer", **extra}


def test_app_settings_are_read_with_defaults(pem: str) -> None:
    settings = load_settings(app_env(pem), "app")
    assert settings.app is not None
    assert settings.app.app_id == 4242
    assert settings.app.private_key.reveal() == pem
    assert settings.app.webhook_secret.reveal() == "hunter2-but-longer"
    assert settings.api_url == "https://api.github.com"
    assert settings.smtp is None


def test_private_key_from_a_file_and_the_api_url_is_honoured(pem: str, tmp_path: Path) -> None:
    key_file = tmp_path / "app.pem"
    key_file.write_text(pem)
    env = {"GITHUB_APP_ID": "7", "GITHUB_PRIVATE_KEY_PATH": str(key_file),
           "GITHUB_WEBHOOK_SECRET": "s", "GITHUB_API_URL": "https://ghe.example.org/api/v3/"}
    settings = load_settings(env, "app")
    assert settings.app is not None and settings.app.private_key.reveal() == pem
    assert settings.api_url == "https://ghe.example.org/api/v3"


def test_one_line_private_key_with_escaped_newlines_is_accepted(pem: str) -> None:
    settings = load_settings(app_env(pem.replace("\n", "\\n")), "app")
    assert settings.app is not None and settings.app.private_key.reveal() == pem


def test_every_app_problem_is_reported_at_once() -> None:
    env = {"GITHUB_APP_ID": "twelve", "GITHUB_PRIVATE_KEY": "not a key",
           "GITHUB_API_URL": "ftp://example.org", "SMTP_HOST": "mail.example.org",
           "SMTP_PORT": "99999", "SMTP_TLS": "sometimes", "SMTP_USERNAME": "bot"}
    with pytest.raises(SettingsError) as caught:
        load_settings(env, "app")
    text = "\n".join(caught.value.errors)
    for expected in ("GITHUB_APP_ID: expected a whole number", "GITHUB_PRIVATE_KEY: not a PEM",
                     "GITHUB_WEBHOOK_SECRET: required", "GITHUB_API_URL: expected an http(s)",
                     "SMTP_PORT: must be between 1 and 65535", "SMTP_TLS: expected one of",
                     "SMTP_FROM: required", "SMTP_USERNAME and SMTP_PASSWORD"):
        assert expected in text
    assert len(caught.value.errors) == 8


def test_the_app_refuses_to_start_without_a_webhook_secret(pem: str) -> None:
    env = app_env(pem)
    del env["GITHUB_WEBHOOK_SECRET"]
    with pytest.raises(SettingsError) as caught:
        load_settings(env, "app")
    assert caught.value.errors == [
        "GITHUB_WEBHOOK_SECRET: required; the App refuses unsigned webhooks"]


def test_key_problems_name_the_variable(pem: str, tmp_path: Path) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode()
    with pytest.raises(SettingsError) as caught:
        load_settings(app_env(ec_key), "app")
    assert caught.value.errors == ["GITHUB_PRIVATE_KEY: not an RSA key; GitHub Apps sign their "
                                   "JWTs with RS256"]
    both = app_env(pem, GITHUB_PRIVATE_KEY_PATH=str(tmp_path / "missing.pem"))
    with pytest.raises(SettingsError, match="set only one"):
        load_settings(both, "app")
    missing = {**app_env(pem), "GITHUB_PRIVATE_KEY": "",
               "GITHUB_PRIVATE_KEY_PATH": str(tmp_path / "missing.pem")}
    with pytest.raises(SettingsError, match="GITHUB_PRIVATE_KEY_PATH: cannot read"):
        load_settings(missing, "app")


def test_secrets_never_appear_in_repr(pem: str) -> None:
    env = app_env(pem, SMTP_HOST="smtp.example.org", SMTP_FROM="bot@example.org",
                  SMTP_USERNAME="bot", SMTP_PASSWORD="pa55word-xyz", SHOPIFY_TOKEN="shpat_123abc")
    settings = load_settings(env, "app")
    shown = repr(settings) + str(settings)
    for secret in ("hunter2-but-longer", "pa55word-xyz", "shpat_123abc", "BEGIN PRIVATE KEY"):
        assert secret not in shown
    assert repr(Secret("x")) == "Secret('********')"


def test_smtp_defaults_follow_the_tls_mode(pem: str) -> None:
    env = app_env(pem, SMTP_HOST="smtp.example.org", SMTP_FROM="bot@example.org",
                  SMTP_TLS="implicit")
    smtp = load_settings(env, "app").smtp
    assert smtp is not None
    assert (smtp.port, smtp.tls, smtp.username, smtp.password) == (465, SmtpTls.IMPLICIT, "",
                                                                   None)


def action_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"GITHUB_EVENT_NAME": "issue_comment", "GITHUB_EVENT_PATH": str(tmp_path / "e.json"),
            "GITHUB_TOKEN": "ghs_workflow", "GITHUB_REPOSITORY": "acme/widgets",
            "GITHUB_OUTPUT": str(tmp_path / "out"), "GITHUB_STEP_SUMMARY": str(tmp_path / "sum"),
            **extra}


def test_action_settings_and_inputs_in_either_spelling(tmp_path: Path) -> None:
    env = action_env(tmp_path, **{"INPUT_DRY-RUN": "true", "INPUT_CONFIG": ".github/coc.yml",
                                  "INPUT_SMTP_HOST": "smtp.example.org",
                                  "INPUT_SMTP-FROM": "bot@example.org", "SMTP_HOST": "ignored"})
    settings = load_settings(env, "action")
    action = settings.action
    assert action is not None
    assert (action.event_name, action.repository) == ("issue_comment", "acme/widgets")
    assert action.event_path == tmp_path / "e.json"
    assert action.dry_run and action.config_path == ".github/coc.yml"
    assert action.token.reveal() == "ghs_workflow" and settings.token == action.token
    assert settings.smtp is not None and settings.smtp.host == "smtp.example.org"


@pytest.mark.parametrize("word", ["y", "dryrun", "yes", "1", "on", "no", "treu"])
def test_an_unknown_dry_run_value_is_refused_not_read_as_act(tmp_path: Path, word: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(action_env(tmp_path, **{"INPUT_DRY-RUN": word}), "action")
    assert any("dry-run: expected true or false" in e and repr(word) in e
               for e in caught.value.errors)


@pytest.mark.parametrize(("word", "dry"), [("true", True), ("TRUE", True), (" False ", False),
                                           ("false", False), ("", False)])
def test_dry_run_accepts_true_false_in_any_case_and_empty(tmp_path: Path, word: str,
                                                          dry: bool) -> None:
    action = load_settings(action_env(tmp_path, INPUT_DRY_RUN=word), "action").action
    assert action is not None and action.dry_run is dry


def test_action_token_precedence(tmp_path: Path) -> None:
    env = action_env(tmp_path, INPUT_TOKEN="ghs_input")
    assert load_settings(env, "action").token == Secret("ghs_input")
    assert load_settings(env, "action", token="ghs_flag").token == Secret("ghs_flag")


def test_action_problems_all_at_once(tmp_path: Path) -> None:
    env = {"GITHUB_REPOSITORY": "no-slash", "GITHUB_API_URL": "not a url"}
    with pytest.raises(SettingsError) as caught:
        load_settings(env, "action")
    assert [e.split(":")[0] for e in caught.value.errors] == [
        "GITHUB_API_URL", "GITHUB_EVENT_NAME", "GITHUB_REPOSITORY", "GITHUB_TOKEN"]


def test_app_credentials_presence_and_env_files() -> None:
    assert not has_app_credentials({"GITHUB_TOKEN": "x", "GITHUB_APP_ID": " "})
    assert has_app_credentials({"GITHUB_WEBHOOK_SECRET": "s"})
    text = ("# registered by governance\nGITHUB_APP_ID=12\n"
            "GITHUB_PRIVATE_KEY_PATH='/srv/keys/my app.pem'\nexport GITHUB_WEBHOOK_SECRET=a=b\n")
    assert parse_env_file(text) == {"GITHUB_APP_ID": "12",
                                    "GITHUB_PRIVATE_KEY_PATH": "/srv/keys/my app.pem",
                                    "GITHUB_WEBHOOK_SECRET": "a=b"}


def test_web_url_follows_the_api_url():
    from governance.settings import api_urls

    assert api_urls({}) == ("https://api.github.com", "https://github.com")
    assert api_urls({"GITHUB_API_URL": "https://ghe.example.org/api/v3"}) == (
        "https://ghe.example.org/api/v3", "https://ghe.example.org")
    assert api_urls({"GITHUB_API_URL": "http://127.0.0.1:8123",
                     "GITHUB_SERVER_URL": "http://127.0.0.1:9000/"}) == (
        "http://127.0.0.1:8123", "http://127.0.0.1:9000")
    with pytest.raises(SettingsError, match="GITHUB_API_URL"):
        api_urls({"GITHUB_API_URL": "api.github.com"})


def test_a_reply_to_address_reaches_the_mailer(pem: str) -> None:
    from governance.adapters.mail import SmtpMailer
    from governance.runtime import build_mailer

    env = app_env(pem, SMTP_HOST="smtp.example.org", SMTP_FROM="bot@example.org",
                  SMTP_REPLY_TO="Moderators <conduct@example.org>")
    smtp = load_settings(env, "app").smtp
    assert smtp is not None and smtp.reply_to == "Moderators <conduct@example.org>"
    mailer = build_mailer(smtp)
    assert isinstance(mailer, SmtpMailer)
    message = mailer.build("ann@example.net", "s", "x", None, message_id="k")
    assert message["Reply-To"] == "Moderators <conduct@example.org>"
    env["SMTP_REPLY_TO"] = "the moderators"
    with pytest.raises(SettingsError, match="SMTP_REPLY_TO: expected an address"):
        load_settings(env, "app")


def test_the_deployment_llm_key_and_url(pem: str) -> None:
    env = app_env(pem, LLM_API_KEY="sk-deploy-123", LLM_URL="https://llm.example.org/v1/chat")
    llm = load_settings(env, "app").llm
    assert llm is not None and llm.api_key.reveal() == "sk-deploy-123"
    assert llm.url == "https://llm.example.org/v1/chat"
    assert "sk-deploy-123" not in repr(load_settings(env, "app"))
    only_key = load_settings(app_env(pem, LLM_API_KEY="sk-deploy-123"), "app").llm
    assert only_key is not None and only_key.url == DEFAULT_LLM_URL
    assert load_settings(app_env(pem), "app").llm is None


def test_an_llm_url_needs_the_key_and_a_web_address(pem: str) -> None:
    with pytest.raises(SettingsError, match="LLM_URL: set only with LLM_API_KEY"):
        load_settings(app_env(pem, LLM_URL="https://llm.example.org/v1/chat"), "app")
    with pytest.raises(SettingsError, match="LLM_URL: expected an http"):
        load_settings(app_env(pem, LLM_API_KEY="k", LLM_URL="file:///etc/passwd"), "app")
