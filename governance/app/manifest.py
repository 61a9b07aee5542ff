"""Register the GitHub App in a few clicks with GitHub's App-manifest flow.

``governance serve`` runs this small site while no App credentials are configured:

1. ``GET /`` shows what the App will ask for and why, and a form that POSTs the manifest (a
   JSON description of the App) to GitHub's "new App" page, with a one-time ``state``.
2. The user reviews the App on GitHub and clicks "Create"; GitHub sends the browser back to
   ``GET /callback?code=...&state=...``.
3. We check the state, trade the code for the App's id, private key and webhook secret
   (``POST /app-manifests/{code}/conversions``, no credentials: the code is one), store them
   owner-only in the settings directory and show which variables to set -- never the secrets.

GitHub's web address, its API address, the random state and the clock are injected so tests
run the whole flow on loopback.
"""

from __future__ import annotations

import hmac
import html
import json
import os
import re
import secrets
import shlex
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp
from aiohttp import web

GITHUB_URL = "https://github.com"
API_URL = "https://api.github.com"
STATE_TTL_SECONDS = 3600.0  # GitHub's codes live one hour; a state need not outlive them
MAX_PENDING_STATES = 256  # bounds memory if someone reloads the page in a loop
APP_NAME_MAX = 34  # GitHub's limit for App names
# A GitHub login: letters, digits and single inner hyphens, at most 39 characters.
_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
_CODE = re.compile(r"[A-Za-z0-9_-]{1,128}")


@dataclass(frozen=True, slots=True)
class Grant:
    """One App permission (a key of GitHub's ``app-permissions``) and why the bot needs it."""

    name: str
    access: str
    why: str


# Exactly what the bot uses; the key names and their meaning follow API-NOTES.md.
GRANTS: tuple[Grant, ...] = (
    Grant("issues", "write",
          "hide, label, lock and answer on issues and their comments; the private ledger "
          "keeps one issue per person"),
    Grant("pull_requests", "write",
          "the same on pull requests, reviews and review comments; read the commits of a "
          "merged pull request to find the contributor's e-mail for a reward"),
    Grant("discussions", "write",
          "hide, label, lock and answer on discussions and their comments"),
    Grant("contents", "write",
          "read .github/governance.yml (repository and organization defaults) and write "
          "the ledger's files in the private ledger repository"),
    Grant("metadata", "read",
          "required by GitHub for every App; also tells a collaborator's role so "
          "maintainers are never moderated"),
    Grant("members", "write",
          "check organization membership, read the moderators' and expert teams, and "
          "remove people from the experts team when the expert programme ends their term "
          "(removing a team membership needs write)"),
    Grant("organization_user_blocking", "write",
          "block a person from the organization at the ban steps of the ladder, and "
          "unblock them when a temporary ban runs out"),
    Grant("administration", "write",
          "only with `ladder.user_repository_bans: collaborators-only`: on repositories "
          "owned by a person rather than an organization (where an App cannot block anyone), "
          "a ban limits the whole repository to its collaborators for the ban's length (six "
          "months at most); this is the only use of this broad permission"),
)

# Events the bot reacts to; installation events reach every App without subscribing.
EVENTS: tuple[tuple[str, str], ...] = (
    ("issues", "new and edited issues"),
    ("issue_comment", "comments on issues and pull requests"),
    ("pull_request", "new and edited pull requests; merged ones earn rewards"),
    ("pull_request_review", "review summaries"),
    ("pull_request_review_comment", "comments on lines of a diff"),
    ("discussion", "new and edited discussions"),
    ("discussion_comment", "comments in discussions"),
)

DEFAULT_APP_NAME = "governance-bot"
DESCRIPTION = ("Code-of-conduct moderation, enforcement ladder, contributor rewards and "
               "expert programme.")


def permissions_markdown() -> str:
    """The permissions and events as Markdown, for the README's deployment section."""
    rows = [f"| `{g.name}` | {g.access} | {g.why} |" for g in GRANTS]
    events = [f"| `{event}` | {why} |" for event, why in EVENTS]
    return "\n".join(["| permission | access | why the bot needs it |", "|---|---|---|", *rows,
                      "", "| event | what the bot sees in it |", "|---|---|", *events])


def build_manifest(public_url: str, name: str = DEFAULT_APP_NAME) -> dict[str, Any]:
    """The manifest GitHub turns into a private App that sends its webhooks to us."""
    base = public_url.rstrip("/")
    return {
        "name": name,
        "url": base,
        "description": DESCRIPTION,
        "hook_attributes": {"url": f"{base}/webhook", "active": True},
        "redirect_url": f"{base}/callback",
        "public": False,
        "default_permissions": {g.name: g.access for g in GRANTS},
        "default_events": [event for event, _ in EVENTS],
    }


def registration_url(github_url: str, org: str | None, state: str) -> str:
    """GitHub's "new App" page, for the user's own account or for an organization."""
    base = github_url.rstrip("/")
    where = f"/organizations/{quote(org)}/settings/apps/new" if org else "/settings/apps/new"
    return f"{base}{where}?{urlencode({'state': state})}"


class PendingStates:
    """The one-time ``state`` values handed out with the form, until used or expired."""

    def __init__(self, new_state: Callable[[], str], clock: Callable[[], float]) -> None:
        self._new_state, self._clock = new_state, clock
        self._issued: OrderedDict[str, float] = OrderedDict()

    def issue(self) -> str:
        state = self._new_state()
        self._issued[state] = self._clock()
        while len(self._issued) > MAX_PENDING_STATES:
            self._issued.popitem(last=False)
        return state

    def redeem(self, state: str) -> bool:
        """True once for a state we issued less than an hour ago; it is used up either way."""
        issued_at = self._issued.pop(state, None)
        return issued_at is not None and self._clock() - issued_at < STATE_TTL_SECONDS


# ------------------------------------------------------------------- credentials


class ConversionError(Exception):
    """GitHub did not turn the code into an App (expired, used, or GitHub unreachable)."""


@dataclass(frozen=True, slots=True)
class AppCredentials:
    """What ``POST /app-manifests/{code}/conversions`` answers that the bot must keep."""

    app_id: int
    slug: str
    html_url: str
    pem: str
    webhook_secret: str | None
    client_id: str
    client_secret: str

    @classmethod
    def from_conversion(cls, body: Mapping[str, Any]) -> AppCredentials:
        try:
            return cls(int(body["id"]), str(body.get("slug") or ""),
                       str(body.get("html_url") or ""), str(body["pem"]),
                       body.get("webhook_secret"), str(body["client_id"]),
                       str(body["client_secret"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConversionError(f"unexpected answer from GitHub: missing {exc}") from exc


@dataclass(frozen=True, slots=True)
class StoredCredentials:
    app_id: int
    key_path: Path
    env_path: Path


async def exchange_code(session: aiohttp.ClientSession, api_url: str, code: str
                        ) -> AppCredentials:
    """Trade the one-hour code from GitHub's redirect for the new App's credentials."""
    from gidgethub import HTTPException
    from gidgethub.aiohttp import GitHubAPI

    gh = GitHubAPI(session, "governance-app-setup", base_url=api_url.rstrip("/"))
    try:
        body = await gh.post("/app-manifests/{code}/conversions", {"code": code}, data=b"")
    except (HTTPException, aiohttp.ClientError, TimeoutError) as exc:
        raise ConversionError(f"GitHub refused the code: {exc or type(exc).__name__}") from exc
    return AppCredentials.from_conversion(body)


def _write_private(path: Path, text: str) -> None:
    """Create ``path`` readable only by its owner; never replace an existing file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        os.fchmod(out.fileno(), 0o600)  # whatever the umask said
        out.write(text)


# Characters a value may hold so that a shell, systemd and ``docker --env-file`` (which
# takes everything after ``=`` literally, quotes included) all read the same value unquoted.
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9_./:@+=,-]*")
LOAD_ANYWHERE = ("# Load with systemd EnvironmentFile=, docker --env-file (mount the key "
                 "file at the same path), or `set -a; . FILE; set +a`.")
LOAD_SHELL_ONLY = ("# Values are shell-quoted: load with systemd EnvironmentFile= or "
                   "`set -a; . FILE; set +a` (docker --env-file would keep the quotes).")


def env_file_text(creds: AppCredentials, key_path: Path) -> str:
    """``KEY=value`` lines; the private key stays in its own file, named by path. Plain values
    are written unquoted (every loader reads them alike); only a value with other characters
    is shell-quoted, and then the file does not claim to suit docker."""
    values = {"GITHUB_APP_ID": str(creds.app_id), "GITHUB_PRIVATE_KEY_PATH": str(key_path)}
    if creds.webhook_secret:
        values["GITHUB_WEBHOOK_SECRET"] = creds.webhook_secret
    plain = all(_PLAIN_VALUE.fullmatch(v) for v in values.values())
    lines = [
        f"# GitHub App {creds.slug} ({creds.html_url}), registered by `governance serve`.",
        LOAD_ANYWHERE if plain else LOAD_SHELL_ONLY,
        *(f"{k}={v if plain else shlex.quote(v)}" for k, v in values.items()),
    ]
    lines += [
        "# The App's OAuth client; the bot does not use it, kept so it is not lost.",
        f"# client_id={creds.client_id}",
        f"# client_secret={creds.client_secret}",
    ]
    return "\n".join(lines) + "\n"


def store_credentials(settings_dir: Path, creds: AppCredentials) -> StoredCredentials:
    """The private key and an env file, both mode 0600, named after the App id."""
    settings_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_path = (settings_dir / f"github-app-{creds.app_id}.private-key.pem").resolve()
    env_path = (settings_dir / f"github-app-{creds.app_id}.env").resolve()
    _write_private(key_path, creds.pem)
    try:
        _write_private(env_path, env_file_text(creds, key_path))
    except OSError:
        key_path.unlink()  # no half-stored App
        raise
    return StoredCredentials(creds.app_id, key_path, env_path)


# ------------------------------------------------------------------------- pages

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow-x:auto}
.error{color:#a00}button{font-size:1rem;padding:.4rem .9rem}
"""


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width'><title>{html.escape(title)}"
            f"</title><style>{_STYLE}</style></head><body>{body}</body></html>")


def _grants_table() -> str:
    rows = "".join(f"<tr><td><code>{g.name}</code></td><td>{g.access}</td>"
                   f"<td>{html.escape(g.why)}</td></tr>" for g in GRANTS)
    events = "".join(f"<li><code>{e}</code>: {html.escape(why)}</li>" for e, why in EVENTS)
    return (f"<h2>What the App may do, and why</h2><table><tr><th>permission</th>"
            f"<th>access</th><th>used to</th></tr>{rows}</table>"
            f"<h2>Webhook events it receives</h2><ul>{events}</ul>")


def render_index(*, action: str, manifest: Mapping[str, Any], org: str, name: str,
                 settings_dir: Path, access: str = "", error: str = "") -> str:
    owner = f"the organization <b>{html.escape(org)}</b>" if org else "your personal account"
    problem = f"<p class=error role=alert>{html.escape(error)}</p>" if error else ""
    body = f"""
<h1>Register the governance GitHub App</h1>
<p>GitHub creates a private App for {owner} from the settings below; you review them on
GitHub before anything is created. GitHub then sends you back here, and this server keeps
the App's private key and webhook secret in <code>{html.escape(str(settings_dir))}</code>
(readable by its owner only).</p>
{problem}
<form method=get action="/" id=owner-form>
 <input type=hidden name=access value="{html.escape(access)}">
 <label>Organization (empty for your own account)
  <input name=org id=org value="{html.escape(org)}" autocomplete=off></label>
 <label>App name <input name=name id=name maxlength={APP_NAME_MAX}
  value="{html.escape(name)}"></label>
 <button type=submit id=update>Update</button>
</form>
<form method=post action="{html.escape(action)}" id=register-form>
 <input type=hidden name=manifest value="{html.escape(json.dumps(manifest))}">
 <p><button type=submit id=register>Create the App on GitHub</button></p>
</form>
<p>Webhooks go to <code>{html.escape(manifest["hook_attributes"]["url"])}</code>.</p>
{_grants_table()}"""
    return _page("Register the governance GitHub App", body)


def render_done(stored: StoredCredentials, creds: AppCredentials) -> str:
    install = f"{creds.html_url}/installations/new" if creds.html_url else ""
    link = (f"<p>Next: <a href=\"{html.escape(install)}\" rel=noreferrer>install the App</a> "
            "on the repositories it should moderate.</p>" if install else "")
    secret = ("<code>GITHUB_WEBHOOK_SECRET</code> is in the env file (not shown here)."
              if creds.webhook_secret else
              "GitHub returned no webhook secret: set one in the App's settings and put it "
              "in <code>GITHUB_WEBHOOK_SECRET</code>.")
    body = f"""
<h1>The App {html.escape(creds.slug)} is registered</h1>
<p>Its credentials are stored, readable by their owner only:</p>
<ul><li>private key: <code>{html.escape(str(stored.key_path))}</code></li>
<li>settings: <code>{html.escape(str(stored.env_path))}</code></li></ul>
<p>Restart <code>governance serve</code> with the same settings directory and it uses
them; elsewhere, set these variables:</p>
<pre>GITHUB_APP_ID={creds.app_id}
GITHUB_PRIVATE_KEY_PATH={html.escape(str(stored.key_path))}
GITHUB_WEBHOOK_SECRET=&lt;from {html.escape(str(stored.env_path))}&gt;</pre>
<p>For example <code>set -a; . {html.escape(shlex.quote(str(stored.env_path)))}; set +a</code>,
or <code>EnvironmentFile=</code> in a systemd unit. {secret}</p>
{link}"""
    return _page("App registered", body)


def render_failure(message: str) -> str:
    body = (f"<h1>Registration did not finish</h1><p class=error>{html.escape(message)}</p>"
            "<p><a href=\"/\">Start again</a>.</p>")
    return _page("Registration did not finish", body)


# ----------------------------------------------------------------------- the site

_SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the callback URL carries the code
    "X-Content-Type-Options": "nosniff",
}


def _html(text: str, status: int, github_url: str) -> web.Response:
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
           f"frame-ancestors 'none'; form-action 'self' {github_url.rstrip('/')}")
    headers = {**_SECURITY_HEADERS, "Content-Security-Policy": csp}
    return web.Response(text=text, status=status, content_type="text/html", headers=headers)


@dataclass(slots=True)
class _Site:
    settings_dir: Path
    public_url: str
    github_url: str
    api_url: str
    states: PendingStates
    session_factory: Callable[[], aiohttp.ClientSession]
    access_token: str | None
    registered: int | None = None  # the App id once one is registered: the site's job is done

    async def index(self, request: web.Request) -> web.Response:
        refusal = self._refusal(request.query.get("access", ""))
        if refusal is not None:
            return refusal
        org = request.query.get("org", "").strip()
        name = request.query.get("name", "").strip()[:APP_NAME_MAX] or DEFAULT_APP_NAME
        error = ""
        if org and not _LOGIN.fullmatch(org):
            error, org = f"{org!r} is not a GitHub organization name.", ""
        action = registration_url(self.github_url, org or None, self.states.issue())
        page = render_index(action=action, manifest=build_manifest(self.public_url, name),
                            org=org, name=name, settings_dir=self.settings_dir,
                            access=request.query.get("access", ""), error=error)
        return _html(page, 400 if error else 200, self.github_url)

    async def callback(self, request: web.Request) -> web.Response:
        state, code = request.query.get("state", ""), request.query.get("code", "")
        if self.registered is not None:
            return self._done_already()
        if not self.states.redeem(state):
            return self._fail("This link is unknown, used or older than an hour.", 400)
        if not _CODE.fullmatch(code):
            return self._fail("GitHub sent no usable code.", 400)
        try:
            async with self.session_factory() as session:
                creds = await exchange_code(session, self.api_url, code)
        except ConversionError as exc:
            return self._fail(f"{exc}. Codes work once and for an hour.", 502)
        try:
            stored = store_credentials(self.settings_dir, creds)
        except OSError as exc:
            return self._fail(f"Could not store the credentials: {exc.strerror}.", 500)
        self.registered = creds.app_id
        return _html(render_done(stored, creds), 200, self.github_url)

    def _refusal(self, access: str) -> web.Response | None:
        """Only whoever started ``serve`` may register, and only once per process."""
        if self.registered is not None:
            return self._done_already()
        if self.access_token and not hmac.compare_digest(access.encode(),
                                                         self.access_token.encode()):
            return self._fail("Open the link `governance serve` printed: it carries the "
                              "access code for this page.", 403)
        return None

    def _done_already(self) -> web.Response:
        return self._fail(f"The App {self.registered} is registered; restart "
                          "`governance serve` to run it.", 410)

    def _fail(self, message: str, status: int) -> web.Response:
        return _html(render_failure(message), status, self.github_url)


def _default_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))


def manifest_app(
    settings_dir: Path,
    public_url: str,
    *,
    github_url: str = GITHUB_URL,
    api_url: str = API_URL,
    new_state: Callable[[], str] = lambda: secrets.token_urlsafe(24),
    clock: Callable[[], float] = time.monotonic,
    session_factory: Callable[[], aiohttp.ClientSession] = _default_session,
    access_token: str | None = None,
) -> web.Application:
    """The registration site: ``GET /`` (the form) and ``GET /callback`` (GitHub's return).

    With ``access_token`` the form is only shown at ``/?access=<token>`` (print that link
    where only the operator sees it), so a stranger who finds the public URL cannot register
    an App of theirs into our settings directory. After one registration the site refuses
    more until the process restarts as the App.
    """
    site = _Site(Path(settings_dir), public_url.rstrip("/"), github_url, api_url,
                 PendingStates(new_state, clock), session_factory, access_token)
    app = web.Application()
    app.router.add_get("/", site.index)
    app.router.add_get("/callback", site.callback)
    return app
