"""Deployment settings: one frozen, validated object built from an environment mapping.

The environment is handed in by the edges (``cli``/``__main__``); nothing here reads
``os.environ``. Every problem is collected and reported at once in ``SettingsError``, so a
misconfigured deployment is fixed in one go. Secrets are wrapped in ``Secret``, whose repr
never shows the value, so a settings object can be logged or printed safely.

Three groups, each validated only when the caller needs it:

- App (``governance serve``): ``GITHUB_APP_ID``, ``GITHUB_PRIVATE_KEY`` (PEM text) or
  ``GITHUB_PRIVATE_KEY_PATH``, ``GITHUB_WEBHOOK_SECRET``; optionally
  ``METRICS_TOKEN``, the bearer token ``/metrics`` then asks for.
- Action (``governance action``/``sweep``): ``GITHUB_EVENT_NAME``, ``GITHUB_EVENT_PATH``,
  ``GITHUB_TOKEN``, ``GITHUB_REPOSITORY``, ``GITHUB_OUTPUT``, ``GITHUB_STEP_SUMMARY`` and the
  action inputs as ``INPUT_<NAME>``.
- Mail (both, optional): ``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_USERNAME``, ``SMTP_PASSWORD``,
  ``SMTP_FROM``, ``SMTP_REPLY_TO``, ``SMTP_TLS``; the Action's ``smtp-*`` inputs take
  precedence.

- LLM second opinion (both, optional): ``LLM_API_KEY`` and ``LLM_URL`` (default GitHub
  Models), the deployment's own key and the only endpoint it is sent to; the App has no
  other key.

``GITHUB_API_URL`` (default https://api.github.com) is honoured everywhere, and so is
``GITHUB_GRAPHQL_URL`` when set (else derived from the API URL); ``SHOPIFY_TOKEN``
is passed through for the rewards code supply.
"""

from __future__ import annotations

import enum
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_LLM_URL = "https://models.github.ai/inference/chat/completions"  # as schema.json's

Mode = Literal["app", "action", "token"]

APP_VARIABLES = ("GITHUB_APP_ID", "GITHUB_PRIVATE_KEY", "GITHUB_PRIVATE_KEY_PATH",
                 "GITHUB_WEBHOOK_SECRET")


class SettingsError(ValueError):
    """Every problem found in the environment, one line each."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = list(errors)


class Secret:
    """A value that must not leak into logs, reprs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


class SmtpTls(enum.StrEnum):
    STARTTLS = "starttls"
    IMPLICIT = "implicit"
    NONE = "none"

    @property
    def default_port(self) -> int:
        return {"starttls": 587, "implicit": 465, "none": 25}[self.value]


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    tls: SmtpTls = SmtpTls.STARTTLS
    username: str = ""
    password: Secret | None = None
    reply_to: str = ""  # where replies to notices go (e.g. the moderators), if not the sender


@dataclass(frozen=True, slots=True)
class LlmSettings:
    """The deployment's key for the LLM second opinion and the one URL it may go to."""

    api_key: Secret
    url: str = DEFAULT_LLM_URL


@dataclass(frozen=True, slots=True)
class AppSettings:
    app_id: int
    private_key: Secret  # PEM text
    webhook_secret: Secret
    metrics_token: Secret | None = None  # /metrics asks for it as a bearer token when set


@dataclass(frozen=True, slots=True)
class ActionSettings:
    event_name: str
    event_path: Path | None
    token: Secret
    repository: str
    output_path: Path | None = None
    summary_path: Path | None = None
    inputs: Mapping[str, str] = field(default_factory=dict)

    def input(self, name: str, default: str = "") -> str:
        return self.inputs.get(_input_key(name), default)

    @property
    def dry_run(self) -> bool:
        """``_action`` refused every value but true, false and empty before this is read."""
        return _dry_run_value(self.input("dry-run")) is True

    @property
    def config_path(self) -> str:
        return self.input("config").strip()


@dataclass(frozen=True, slots=True)
class Settings:
    api_url: str = DEFAULT_API_URL
    graphql_url: str = ""  # empty: derived from api_url (github.com and GHES differ)
    app: AppSettings | None = None
    action: ActionSettings | None = None
    token: Secret | None = None  # a plain token (``moderate --token``, the Action's token)
    smtp: SmtpSettings | None = None
    shopify_token: Secret | None = None
    llm: LlmSettings | None = None  # the deployment's LLM key (the App's only one)
    moderators_webhook: Secret | None = None  # where notifications.webhook posts


def has_app_credentials(env: Mapping[str, str]) -> bool:
    """Whether any App variable is set (none at all: ``serve`` offers the registration page)."""
    return any(env.get(name, "").strip() for name in APP_VARIABLES)


def api_urls(env: Mapping[str, str]) -> tuple[str, str]:
    """The API URL and the matching web URL (github.com, or a GHES host's root)."""
    reader = _Reader(env)
    api = reader.url("GITHUB_API_URL", DEFAULT_API_URL)
    if reader.errors:
        raise SettingsError(reader.errors)
    web = reader.url("GITHUB_SERVER_URL", _web_url_for(api))
    if reader.errors:
        raise SettingsError(reader.errors)
    return api, web


def _web_url_for(api_url: str) -> str:
    if api_url == DEFAULT_API_URL:
        return "https://github.com"
    return api_url.removesuffix("/api/v3")  # GHES; anything else serves both itself


def parse_env_file(text: str) -> dict[str, str]:
    """``KEY=value`` lines (shell-quoted values allowed, ``#`` comments), as env files hold."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, raw = line.removeprefix("export ").partition("=")
        try:
            words = shlex.split(raw, comments=True)
        except ValueError:
            words = [raw]
        out[key.strip()] = " ".join(words)
    return out


def load_settings(env: Mapping[str, str], mode: Mode, *, token: str | None = None) -> Settings:
    """Read and check the groups ``mode`` needs; raise ``SettingsError`` listing every problem.

    ``token`` overrides ``INPUT_TOKEN``/``GITHUB_TOKEN`` (the ``--token`` option).
    """
    reader = _Reader(env)
    api_url = reader.url("GITHUB_API_URL", DEFAULT_API_URL)
    graphql_url = reader.url("GITHUB_GRAPHQL_URL", "") if reader.text("GITHUB_GRAPHQL_URL") else ""
    app = _app(reader) if mode == "app" else None
    action = _action(reader, token) if mode == "action" else None
    plain = _token(reader, token) if mode == "token" else (action.token if action else None)
    smtp = _smtp(reader, _action_inputs(env) if mode == "action" else {})
    shopify = reader.text("SHOPIFY_TOKEN")
    llm = _llm(reader)
    hook = _moderators_webhook(reader)
    if reader.errors:
        raise SettingsError(reader.errors)
    return Settings(api_url, graphql_url, app, action, plain, smtp,
                    Secret(shopify) if shopify else None, llm, hook)


def _moderators_webhook(reader: _Reader) -> Secret | None:
    """The moderators' webhook (a secret: whoever has it can post to their channel)."""
    url = reader.text("MODERATORS_WEBHOOK_URL")
    if url and not url.startswith("https://"):
        reader.fail("MODERATORS_WEBHOOK_URL: expected an https:// URL")
        return None
    return Secret(url) if url else None


# --------------------------------------------------------------------------- groups


def _app(reader: _Reader) -> AppSettings | None:
    app_id = reader.integer("GITHUB_APP_ID", required=True, minimum=1)
    key = _private_key(reader)
    secret = reader.text("GITHUB_WEBHOOK_SECRET")
    if not secret:
        reader.fail("GITHUB_WEBHOOK_SECRET: required; the App refuses unsigned webhooks")
    metrics_token = reader.text("METRICS_TOKEN")
    if app_id is None or key is None or not secret:
        return None
    return AppSettings(app_id, Secret(key), Secret(secret),
                       Secret(metrics_token) if metrics_token else None)


def _private_key(reader: _Reader) -> str | None:
    text, path = reader.text("GITHUB_PRIVATE_KEY"), reader.text("GITHUB_PRIVATE_KEY_PATH")
    if text and path:
        reader.fail("GITHUB_PRIVATE_KEY and GITHUB_PRIVATE_KEY_PATH: set only one")
        return None
    if path:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            reader.fail(f"GITHUB_PRIVATE_KEY_PATH: cannot read {path}: {exc.strerror}")
            return None
    if not text:
        reader.fail("GITHUB_PRIVATE_KEY or GITHUB_PRIVATE_KEY_PATH: required (the App's PEM key)")
        return None
    text = text.replace("\\n", "\n").strip() + "\n"  # keys pasted into one-line env files
    problem = _pem_problem(text)
    name = "GITHUB_PRIVATE_KEY_PATH" if path else "GITHUB_PRIVATE_KEY"
    if problem:
        reader.fail(f"{name}: {problem}")
        return None
    return text


def _pem_problem(text: str) -> str | None:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(text.encode(), password=None)
    except (ValueError, TypeError):
        return "not a PEM private key (download it from the App's settings page)"
    if not isinstance(key, RSAPrivateKey):
        return "not an RSA key; GitHub Apps sign their JWTs with RS256"
    return None


def _action(reader: _Reader, token: str | None) -> ActionSettings | None:
    event_name = reader.text("GITHUB_EVENT_NAME")
    if not event_name:
        reader.fail("GITHUB_EVENT_NAME: required (set by the Actions runner)")
    event_path = reader.text("GITHUB_EVENT_PATH")
    repository = reader.text("GITHUB_REPOSITORY")
    if repository and repository.count("/") != 1:
        reader.fail(f"GITHUB_REPOSITORY: expected owner/name, got {repository!r}")
    inputs = _action_inputs(reader.env)
    raw_dry_run = inputs.get(_input_key("dry-run"), "")
    if _dry_run_value(raw_dry_run) is None:
        # An unknown word ("y", "dryrun") must never be read as "act": refuse to start.
        reader.fail(f"dry-run: expected true or false, got {raw_dry_run.strip()[:40]!r}")
    plain = _token(reader, token or inputs.get("TOKEN") or None)
    if not event_name or plain is None:
        return None
    return ActionSettings(
        event_name=event_name,
        event_path=Path(event_path) if event_path else None,
        token=plain,
        repository=repository,
        output_path=_optional_path(reader.text("GITHUB_OUTPUT")),
        summary_path=_optional_path(reader.text("GITHUB_STEP_SUMMARY")),
        inputs=inputs,
    )


def _token(reader: _Reader, override: str | None) -> Secret | None:
    value = (override or "").strip() or reader.text("GITHUB_TOKEN")
    if not value:
        reader.fail("GITHUB_TOKEN: required (or pass --token / the action's token input)")
        return None
    return Secret(value)


def _smtp(reader: _Reader, inputs: Mapping[str, str]) -> SmtpSettings | None:
    def value(name: str) -> str:
        from_input = inputs.get(name.upper(), "").strip()
        return from_input or reader.text(name.upper())

    host = value("smtp_host")
    if not host:
        return None
    tls_text = value("smtp_tls") or SmtpTls.STARTTLS.value
    try:
        tls = SmtpTls(tls_text.lower())
    except ValueError:
        reader.fail(f"SMTP_TLS: expected one of starttls, implicit, none; got {tls_text!r}")
        tls = SmtpTls.STARTTLS
    port = reader.parse_int("SMTP_PORT", value("smtp_port"), 1, 65535) or tls.default_port
    sender = value("smtp_from")
    if not sender or "@" not in sender:
        reader.fail("SMTP_FROM: required when SMTP_HOST is set (an address, bot@example.org)")
    user, password = value("smtp_username"), value("smtp_password")
    if bool(user) != bool(password):
        reader.fail("SMTP_USERNAME and SMTP_PASSWORD: set both or neither")
    reply_to = value("smtp_reply_to")
    if reply_to and "@" not in reply_to:
        reader.fail(f"SMTP_REPLY_TO: expected an address (conduct@example.org), got {reply_to!r}")
    return SmtpSettings(host, port, sender, tls, user, Secret(password) if password else None,
                        reply_to)


def _llm(reader: _Reader) -> LlmSettings | None:
    key = reader.text("LLM_API_KEY")
    if not key:
        if reader.text("LLM_URL"):
            reader.fail("LLM_URL: set only with LLM_API_KEY (the key it is sent with)")
        return None
    return LlmSettings(Secret(key), reader.url("LLM_URL", DEFAULT_LLM_URL))


DRY_RUN_WORDS: dict[str, bool] = {"true": True, "false": False, "": False}


def _dry_run_value(raw: str) -> bool | None:
    """The ``dry-run`` input: true or false in any case, empty for the default (false);
    None for anything else."""
    return DRY_RUN_WORDS.get(raw.strip().lower())


def _action_inputs(env: Mapping[str, str]) -> dict[str, str]:
    return {_input_key(k[len("INPUT_"):]): v for k, v in env.items() if k.startswith("INPUT_")}


def _input_key(name: str) -> str:
    """Runners upper-case input names and keep hyphens (``INPUT_DRY-RUN``); accept both."""
    return name.strip().upper().replace("-", "_").replace(" ", "_")


def _optional_path(text: str) -> Path | None:
    return Path(text) if text else None


# --------------------------------------------------------------------------- reading


class _Reader:
    """Typed access to the environment that records problems instead of raising."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.errors: list[str] = []

    def fail(self, message: str) -> None:
        self.errors.append(message)

    def text(self, name: str) -> str:
        return self.env.get(name, "").strip()

    def integer(self, name: str, *, required: bool, minimum: int) -> int | None:
        raw = self.text(name)
        if not raw:
            if required:
                self.fail(f"{name}: required")
            return None
        return self.parse_int(name, raw, minimum, None)

    def parse_int(self, name: str, raw: str, low: int, high: int | None) -> int | None:
        if not raw:
            return None
        try:
            number = int(raw)
        except ValueError:
            self.fail(f"{name}: expected a whole number, got {raw!r}")
            return None
        if number < low or (high is not None and number > high):
            bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.fail(f"{name}: must be {bounds}, got {number}")
            return None
        return number

    def url(self, name: str, default: str) -> str:
        raw = self.text(name) or default
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.fail(f"{name}: expected an http(s) URL, got {raw!r}")
            return default
        return raw.rstrip("/")
