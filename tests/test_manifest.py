"""The App-registration site (GitHub's manifest flow): manifest, form page, callback exchange.

The exchange runs against the shared fake GitHub; the browser side is in
test_manifest_browser.py.
"""

from __future__ import annotations

import json
import re
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from governance.app.manifest import (
    EVENTS,
    GRANTS,
    STATE_TTL_SECONDS,
    PendingStates,
    build_manifest,
    manifest_app,
    permissions_markdown,
    registration_url,
)
from tests.fake_github import FakeGitHub

SHARED_GITHUB = Path(__file__).resolve().parents[1].parent / "shared" / "github"
PUBLIC_URL = "https://bot.example.org"

EXPECTED_MANIFEST = {
    "name": "governance-bot",
    "url": PUBLIC_URL,
    "description": ("Code-of-conduct moderation, enforcement ladder, contributor rewards and "
                    "expert programme."),
    "hook_attributes": {"url": f"{PUBLIC_URL}/webhook", "active": True},
    "redirect_url": f"{PUBLIC_URL}/callback",
    "public": False,
    "default_permissions": {
        "issues": "write", "pull_requests": "write", "discussions": "write",
        "contents": "write", "metadata": "read", "members": "write",
        "organization_user_blocking": "write", "administration": "write",
    },
    "default_events": ["issues", "issue_comment", "pull_request", "pull_request_review",
                       "pull_request_review_comment", "discussion", "discussion_comment"],
}


class _Forms(HTMLParser):
    """The forms of a page: action, method and their inputs' values by name."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, Any]] = {}
        self._current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self._current = {"action": a.get("action"), "method": a.get("method"), "inputs": {}}
            self.forms[a.get("id") or ""] = self._current
        elif tag == "input" and self._current is not None and a.get("name"):
            self._current["inputs"][a["name"]] = a.get("value")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


def forms_of(page: str) -> dict[str, dict[str, Any]]:
    parser = _Forms()
    parser.feed(page)
    return parser.forms


class Counter:
    """Deterministic states: state-1, state-2, ..."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"state-{self.n}"


# ------------------------------------------------------------------- the manifest


def test_manifest_is_exactly_what_the_bot_needs() -> None:
    assert build_manifest(PUBLIC_URL + "/") == EXPECTED_MANIFEST


def test_manifest_permissions_and_events_exist_at_github() -> None:
    """Every permission key and level is one GitHub knows; every event has a webhook."""
    spec_path = SHARED_GITHUB / "rest" / "api.github.com.trimmed.json"
    if not spec_path.is_file():
        pytest.skip(f"shared GitHub contract data not found at {SHARED_GITHUB}")
    spec = json.loads(spec_path.read_text())
    known = spec["components"]["schemas"]["app-permissions"]["properties"]
    for grant in GRANTS:
        assert grant.access in known[grant.name]["enum"], grant.name
        assert len(grant.why) > 20, f"say why {grant.name} is needed"
    for event, _why in EVENTS:
        assert (SHARED_GITHUB / "webhooks" / "examples" / event).is_dir(), event


def test_grants_say_what_the_bot_does_with_them() -> None:
    """The expert programme removes people from the experts team (DELETE team membership),
    which needs organization ``members: write``; a ban on a person's repository limits it
    only when configured to, for as long as the ban, not a fixed week."""
    grants = {g.name: g for g in GRANTS}
    assert grants["members"].access == "write"
    assert "remove" in grants["members"].why and "team" in grants["members"].why
    assert "one-week" not in grants["administration"].why
    assert "ban's length" in grants["administration"].why
    assert "collaborators-only" in grants["administration"].why


def test_readme_permissions_section_is_generated_from_the_grants() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    start, end = "<!-- app-permissions:start -->\n", "\n<!-- app-permissions:end -->"
    if start not in readme:
        pytest.skip("README.md has no app-permissions section yet")
    assert readme.split(start, 1)[1].split(end, 1)[0] == permissions_markdown()


def test_registration_url_for_account_and_organization() -> None:
    assert (registration_url("https://github.com/", None, "s 1")
            == "https://github.com/settings/apps/new?state=s+1")
    assert (registration_url("https://github.com", "acme", "abc")
            == "https://github.com/organizations/acme/settings/apps/new?state=abc")


def test_states_are_one_time_and_expire() -> None:
    now = [0.0]
    states = PendingStates(Counter(), lambda: now[0])
    first, second = states.issue(), states.issue()
    assert states.redeem(first)
    assert not states.redeem(first), "a state works once"
    assert not states.redeem("forged")
    now[0] = STATE_TTL_SECONDS + 1
    assert not states.redeem(second), "a state expires after an hour"


# ----------------------------------------------------------------------- the site


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    return tmp_path / "settings"


async def make_client(aiohttp_client: Any, settings_dir: Path, api_url: str) -> Any:
    app = manifest_app(settings_dir, PUBLIC_URL, github_url="https://github.example",
                       api_url=api_url, new_state=Counter())
    return await aiohttp_client(app)


async def test_index_posts_the_manifest_to_github(aiohttp_client: Any, settings_dir: Path
                                                  ) -> None:
    client = await make_client(aiohttp_client, settings_dir, "http://127.0.0.1:9")
    response = await client.get("/")
    assert response.status == 200
    assert "form-action 'self' https://github.example" in response.headers[
        "Content-Security-Policy"]
    page = await response.text()
    form = forms_of(page)["register-form"]
    assert form["method"] == "post"
    assert form["action"] == "https://github.example/settings/apps/new?state=state-1"
    assert json.loads(form["inputs"]["manifest"]) == EXPECTED_MANIFEST
    for grant in GRANTS:
        assert f"<code>{grant.name}</code>" in page, "the page says why each permission"


async def test_index_for_an_organization_and_name(aiohttp_client: Any, settings_dir: Path
                                                  ) -> None:
    client = await make_client(aiohttp_client, settings_dir, "http://127.0.0.1:9")
    page = await (await client.get("/", params={"org": "acme", "name": "acme-mod"})).text()
    form = forms_of(page)["register-form"]
    assert form["action"] == (
        "https://github.example/organizations/acme/settings/apps/new?state=state-1")
    assert json.loads(form["inputs"]["manifest"]) == {**EXPECTED_MANIFEST, "name": "acme-mod"}


async def test_index_escapes_what_the_user_typed(aiohttp_client: Any, settings_dir: Path
                                                 ) -> None:
    client = await make_client(aiohttp_client, settings_dir, "http://127.0.0.1:9")
    name = '"><script>alert(1)</script>'
    page = await (await client.get("/", params={"name": name})).text()
    assert "<script>" not in page
    manifest = json.loads(forms_of(page)["register-form"]["inputs"]["manifest"])
    assert manifest["name"] == name, "the manifest carries the name as typed"


async def test_index_refuses_a_bad_organization_name(aiohttp_client: Any, settings_dir: Path
                                                     ) -> None:
    client = await make_client(aiohttp_client, settings_dir, "http://127.0.0.1:9")
    response = await client.get("/", params={"org": "../../evil"})
    assert response.status == 400
    page = await response.text()
    assert "is not a GitHub organization name" in page
    assert "/organizations/" not in forms_of(page)["register-form"]["action"]


async def test_callback_with_an_unknown_state_is_refused(
    aiohttp_client: Any, settings_dir: Path, fake_github: FakeGitHub
) -> None:
    code = fake_github.add_manifest_code("code-1")
    client = await make_client(aiohttp_client, settings_dir, fake_github.url)
    await client.get("/")  # issues state-1
    response = await client.get("/callback", params={"code": "code-1", "state": "state-2"})
    assert response.status == 400
    assert fake_github.calls == [], "the code is not exchanged without a matching state"
    assert not settings_dir.exists()
    assert code["pem"] not in await response.text()


async def test_callback_stores_credentials_privately_and_hides_secrets(
    aiohttp_client: Any, settings_dir: Path, fake_github: FakeGitHub
) -> None:
    app_record = fake_github.add_manifest_code("code-1")
    client = await make_client(aiohttp_client, settings_dir, fake_github.url)
    await client.get("/")
    response = await client.get("/callback", params={"code": "code-1", "state": "state-1"})
    page = await response.text()
    assert response.status == 200, page
    [call] = fake_github.calls
    assert (call.method, call.path) == ("POST", "/app-manifests/code-1/conversions")
    assert "authorization" not in call.headers

    app_id = app_record["id"]
    key = settings_dir / f"github-app-{app_id}.private-key.pem"
    env = settings_dir / f"github-app-{app_id}.env"
    assert key.read_text() == app_record["pem"]
    for path in (key, env):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    env_vars = dict(re.findall(r"^(GITHUB_[A-Z_]+)=(.*)$", env.read_text(), re.M))
    assert env_vars == {"GITHUB_APP_ID": str(app_id),
                        "GITHUB_PRIVATE_KEY_PATH": str(key.resolve()),
                        "GITHUB_WEBHOOK_SECRET": app_record["webhook_secret"]}

    assert f"GITHUB_APP_ID={app_id}" in page
    assert str(key.resolve()) in page
    for secret in ("pem", "webhook_secret", "client_secret"):
        assert app_record[secret] not in page, f"{secret} shown on the page"
    assert "code-1" not in page


async def test_callback_state_works_once(
    aiohttp_client: Any, settings_dir: Path, fake_github: FakeGitHub
) -> None:
    fake_github.add_manifest_code("code-1")
    client = await make_client(aiohttp_client, settings_dir, fake_github.url)
    await client.get("/")
    failed = await client.get("/callback", params={"code": "unknown", "state": "state-1"})
    again = await client.get("/callback", params={"code": "code-1", "state": "state-1"})
    assert (failed.status, again.status) == (502, 400)
    assert len(fake_github.calls) == 1, "the reused state did not reach GitHub"


async def test_one_registration_per_process(
    aiohttp_client: Any, settings_dir: Path, fake_github: FakeGitHub
) -> None:
    app_record = fake_github.add_manifest_code("code-1")
    fake_github.add_manifest_code("code-2")
    client = await make_client(aiohttp_client, settings_dir, fake_github.url)
    await client.get("/")
    await client.get("/")
    first = await client.get("/callback", params={"code": "code-1", "state": "state-1"})
    second = await client.get("/callback", params={"code": "code-2", "state": "state-2"})
    page = await client.get("/")
    assert (first.status, second.status, page.status) == (200, 410, 410)
    assert f"The App {app_record['id']} is registered" in await page.text()
    assert len(list(settings_dir.iterdir())) == 2, "only the first App was stored"


async def test_access_token_guards_the_form(aiohttp_client: Any, settings_dir: Path) -> None:
    app = manifest_app(settings_dir, PUBLIC_URL, github_url="https://github.example",
                       api_url="http://127.0.0.1:9", new_state=Counter(),
                       access_token="s3cret-link")
    client = await aiohttp_client(app)
    for params in ({}, {"access": "guess"}):
        response = await client.get("/", params=params)
        assert response.status == 403
        assert "register-form" not in await response.text()
    page = await (await client.get("/", params={"access": "s3cret-link"})).text()
    forms = forms_of(page)
    assert forms["owner-form"]["inputs"]["access"] == "s3cret-link", "kept across Update"
    assert json.loads(forms["register-form"]["inputs"]["manifest"]) == EXPECTED_MANIFEST


async def test_callback_with_an_expired_code_writes_nothing(
    aiohttp_client: Any, settings_dir: Path, fake_github: FakeGitHub
) -> None:
    client = await make_client(aiohttp_client, settings_dir, fake_github.url)
    await client.get("/")
    response = await client.get("/callback", params={"code": "stale", "state": "state-1"})
    assert response.status == 502
    assert "Codes work once and for an hour" in await response.text()
    assert not settings_dir.exists() or list(settings_dir.iterdir()) == []


async def test_callback_never_overwrites_stored_credentials(
    aiohttp_client: Any, settings_dir: Path, fake_github: FakeGitHub
) -> None:
    app_record = fake_github.add_manifest_code("code-1")
    settings_dir.mkdir()
    existing = settings_dir / f"github-app-{app_record['id']}.private-key.pem"
    existing.write_text("keep me")
    client = await make_client(aiohttp_client, settings_dir, fake_github.url)
    await client.get("/")
    response = await client.get("/callback", params={"code": "code-1", "state": "state-1"})
    assert response.status == 500
    assert existing.read_text() == "keep me"
