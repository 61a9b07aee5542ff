"""``governance serve`` launches the App process: the App (``server.py``, put together by
``wiring.py``), or its registration page while it has no credentials.

Credentials come from the environment; when none are set, the env file the registration
page stored in the settings directory (``github-app-<id>.env``) is used, so restarting
``serve`` after registering is all it takes. With neither, the registration page runs,
behind a one-time access code printed for the operator unless only this machine can reach it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import secrets
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from governance.adapters.config_files import CONFIG_TTL
from governance.app.guard import DEFAULT_LIMITS, ConnectionGuard, Limits, serve_guarded
from governance.app.server import DEADLINE
from governance.app.timer import SWEEP_EVERY
from governance.settings import (
    SettingsError,
    api_urls,
    has_app_credentials,
    load_settings,
    parse_env_file,
)

log = logging.getLogger("governance.app")

SHUTDOWN_GRACE = 9.0  # finish in-flight deliveries on SIGTERM (GitHub's window is 10 s)
SWITCH_INTERVAL = 0.001  # seconds; see make_app in serve


def stored_credentials(settings_dir: Path) -> dict[str, str]:
    """The newest ``github-app-*.env`` in ``settings_dir``, parsed; empty when there is none."""
    files = sorted(settings_dir.glob("github-app-*.env"), key=lambda p: p.stat().st_mtime)
    if not files:
        return {}
    return parse_env_file(files[-1].read_text("utf-8"))


def effective_env(env: Mapping[str, str], settings_dir: Path) -> Mapping[str, str]:
    if has_app_credentials(env):
        return env
    return {**stored_credentials(settings_dir), **env}


def configure_logging() -> None:
    """One JSON object per line on stderr for the App's own records."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    app_log = logging.getLogger("governance.app")
    app_log.addHandler(handler)
    app_log.setLevel(logging.INFO)
    app_log.propagate = False


def serve(env: Mapping[str, str], *, host: str, port: int, settings_dir: Path,
          public_url: str | None = None, deadline: float = DEADLINE,
          sweep_every: float = SWEEP_EVERY, config_ttl: float = CONFIG_TTL,
          limits: Limits = DEFAULT_LIMITS) -> int:
    """Blocks until the server stops; raises ``SettingsError`` before binding when misconfigured.
    ``sweep_every``: seconds between sweeps of every installation (0: none; ``timer.py``).
    ``config_ttl``: seconds a config file read from GitHub is used without asking again
    (0: read for every delivery; ``config_files.py``). ``limits``: the time a connection
    has for each request head and the connections one client may hold (``guard.py``)."""
    env = effective_env(env, settings_dir)
    if not has_app_credentials(env):
        public_url = public_url or f"http://{host}:{port}"
        return _registration_page(env, settings_dir, public_url, host, port)
    settings = load_settings(env, "app")
    configure_logging()

    async def make_app() -> web.Application:
        from governance.app.wiring import app_from_settings, settle_process

        app = await app_from_settings(settings, deadline=deadline, sweep_every=sweep_every,
                                      config_ttl=config_ttl)
        settle_process()  # the detector loaded and start-up's objects out of the GC's way
        # The event loop takes the GIL back from a computing worker thread (workers.py)
        # after this long; Python's 5 ms made a /healthz during a classification wait
        # some 5 ms at each of its steps.
        sys.setswitchinterval(SWITCH_INTERVAL)
        return app

    assert settings.app is not None
    print(f"governance: GitHub App {settings.app.app_id} listening on http://{host}:{port}"
          f" (POST /webhook, GET /healthz, GET /metrics); {sweeping(sweep_every)}",
          file=sys.stderr)
    async def run() -> None:
        await serve_guarded(await make_app(), host, port, ConnectionGuard(limits),
                            SHUTDOWN_GRACE)

    asyncio.run(run())
    return 0


def sweeping(every: float) -> str:
    """The start-up line's word on the sweep timer."""
    if every <= 0:
        return "no sweep timer (--sweep-every 0)"
    if every >= 3600:
        return f"sweeping every {every / 3600:g}h"
    return f"sweeping every {every / 60:g}m" if every >= 60 else f"sweeping every {every:g}s"


def _registration_page(env: Mapping[str, str], settings_dir: Path, public_url: str, host: str,
                       port: int) -> int:
    site, link = registration_site(env, settings_dir, public_url, host)
    print(f"governance: no App credentials yet; open {link} to register the App "
          f"(credentials will be stored in {settings_dir})", file=sys.stderr)
    web.run_app(site, host=host, port=port, access_log=None, print=None)
    return 0


def registration_site(env: Mapping[str, str], settings_dir: Path, public_url: str, host: str,
                      new_code: Callable[[], str] = lambda: secrets.token_urlsafe(18)
                      ) -> tuple[web.Application, str]:
    """The registration page and the link to print for the operator.

    Reachable only from this machine (bound to loopback and a loopback public URL), the
    page is open; otherwise it asks for a one-time access code that only this link carries,
    so a stranger who finds the public URL cannot register an App into our settings.
    """
    try:
        from governance.app.manifest import manifest_app
    except ImportError as exc:  # the registration page ships separately in some builds
        raise SettingsError(["no App credentials are set (GITHUB_APP_ID, GITHUB_PRIVATE_KEY"
                             " or GITHUB_PRIVATE_KEY_PATH, GITHUB_WEBHOOK_SECRET)"]) from exc
    api_url, github_url = api_urls(env)
    code = None if _only_local(host, public_url) else new_code()
    site = manifest_app(settings_dir, public_url, github_url=github_url, api_url=api_url,
                        access_token=code)
    link = f"{public_url.rstrip('/')}/" + (f"?access={code}" if code else "")
    return site, link


def _only_local(host: str, public_url: str) -> bool:
    return _is_loopback(host) and _is_loopback(urlsplit(public_url).hostname or "")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
