"""The fake GitHub itself: it must reject off-contract calls and answer like GitHub does."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.fake_github import FakeGitHub

RECORDED = Path(__file__).resolve().parents[1].parent / "shared" / "github" / "recorded"
AUTH = {"authorization": "token test"}


@pytest.fixture
async def http(fake_github: FakeGitHub) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=fake_github.url, headers=AUTH) as session:
        yield session


async def call(http: aiohttp.ClientSession, method: str, path: str, body: Any = None,
               **headers: str) -> tuple[int, Any, Any]:
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        headers.setdefault("content-type", "application/json")
    async with http.request(method, path, data=data, headers=headers) as response:
        raw = await response.read()
        return response.status, json.loads(raw) if raw else None, response.headers


def graphql(query: str, **variables: Any) -> dict[str, Any]:
    return {"query": query, "variables": variables}


# ---------------------------------------------------------------------- contracts


async def test_off_contract_rest_body_is_refused_and_recorded(fake_github, http):
    fake_github.add_issue("o/r")
    status, body, _ = await call(http, "PUT", "/repos/o/r/issues/1/lock", {"lock_reason": "rude"})
    assert status == 422 and "Contract violation" in body["message"]
    [violation] = fake_github.take_violations()
    assert "lock_reason" in violation and "rude" in violation
    assert fake_github.issue("o/r", 1).locked is False


async def test_a_misspelt_request_field_is_a_violation(fake_github, http):
    fake_github.add_repo("o/r")
    status, body, _ = await call(http, "PUT", "/repos/o/r/interaction-limits",
                                 {"limit": "collaborators_only", "expires": "one_week"})
    assert status == 422 and "Contract violation" in body["message"]
    assert "expires" in fake_github.take_violations()[0]
    assert fake_github.repo("o/r").interaction_limit is None


async def test_an_interaction_limit_without_expiry_is_refused(fake_github, http):
    fake_github.add_repo("o/r")
    status, body, _ = await call(http, "PUT", "/repos/o/r/interaction-limits",
                                 {"limit": "collaborators_only"})
    assert status == 422 and body["errors"][0]["field"] == "expiry"


async def test_path_outside_the_trimmed_description_is_a_violation(fake_github, http):
    fake_github.add_repo("o/r")
    status, _, _ = await call(http, "GET", "/repos/o/r")
    assert status == 404
    assert "not in the trimmed REST description" in fake_github.take_violations()[0]


async def test_bad_query_parameter_is_a_violation(fake_github, http):
    fake_github.add_repo("o/r")
    status, _, _ = await call(http, "GET", "/repos/o/r/issues?state=bogus")
    assert status == 422
    assert "state" in fake_github.take_violations()[0]


async def test_invalid_graphql_enum_is_a_violation(fake_github, http):
    query = ("mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: RUDE})"
             " { minimizedComment { isMinimized } } }")
    status, body, _ = await call(http, "POST", "/graphql", graphql(query, id="IC_x"))
    assert status == 200 and body["errors"]
    assert "RUDE" in fake_github.take_violations()[0]


async def test_graphql_variable_of_the_wrong_type_is_a_violation(fake_github, http):
    query = ("mutation($id: ID!, $c: ReportedContentClassifiers!) { minimizeComment("
             "input: {subjectId: $id, classifier: $c}) { clientMutationId } }")
    _, body, _ = await call(http, "POST", "/graphql", graphql(query, id="IC_x", c="RUDE"))
    assert body["errors"]
    assert fake_github.take_violations()


async def test_graphql_not_found_is_an_error_but_not_a_violation(fake_github, http):
    query = "query($id: ID!) { node(id: $id) { id } }"
    _, body, _ = await call(http, "POST", "/graphql", graphql(query, id="nope"))
    assert body["errors"][0]["type"] == "NOT_FOUND"
    assert fake_github.violations == []


async def test_undeclared_error_status_is_not_a_violation(
        fake_github, http):
    fake_github.add_repo("o/r")
    status, _, _ = await call(http, "PATCH", "/repos/o/r/pulls/comments/7", {"body": "x"})
    assert status == 404  # PATCH declares only 200; GitHub still answers 404 for a missing one
    assert fake_github.violations == []


async def test_graphql_views_speak_graphql_enums_and_calls_keep_the_operation(fake_github, http):
    issue = fake_github.add_issue("o/r")
    issue.locked, issue.lock_reason = True, "too heated"
    query = ("query Lock($id: ID!) { node(id: $id) { ... on Issue { locked activeLockReason } } }")
    _, body, _ = await call(http, "POST", "/graphql", graphql(query, id=issue.node_id))
    assert body["data"]["node"] == {"locked": True, "activeLockReason": "TOO_HEATED"}
    [recorded] = fake_github.requests(graphql="node")
    assert (recorded.operation, recorded.operation_name) == ("query", "Lock")


async def test_requests_without_a_token_are_refused(fake_github):
    fake_github.add_user("alice")
    async with aiohttp.ClientSession(base_url=fake_github.url) as anonymous:
        status, _, _ = await call(anonymous, "GET", "/users/alice")
    assert status == 401


# -------------------------------------------------------------------------- state


async def test_contents_compare_and_swap(fake_github, http):
    fake_github.add_repo("o/r")
    put = {"message": "m", "content": base64.b64encode(b"v1").decode()}
    status, created, _ = await call(http, "PUT", "/repos/o/r/contents/dir/f.txt", put)
    assert status == 201
    status, _, _ = await call(http, "PUT", "/repos/o/r/contents/dir/f.txt", put)
    assert status == 422  # exists, no sha
    stale = {**put, "sha": "0" * 40}
    status, _, _ = await call(http, "PUT", "/repos/o/r/contents/dir/f.txt", stale)
    assert status == 409
    fresh = {**put, "content": base64.b64encode(b"v2").decode(), "sha": created["content"]["sha"]}
    status, _, _ = await call(http, "PUT", "/repos/o/r/contents/dir/f.txt", fresh)
    assert status == 200
    assert fake_github.repo("o/r").files["dir/f.txt"].text == "v2"


async def test_etag_gives_304_for_unchanged_resources(fake_github, http):
    fake_github.add_file("o/r", "a.txt", "hello")
    _, body, headers = await call(http, "GET", "/repos/o/r/contents/a.txt")
    assert base64.b64decode(body["content"]) == b"hello"
    status, _, _ = await call(http, "GET", "/repos/o/r/contents/a.txt",
                              **{"if-none-match": headers["etag"]})
    assert status == 304
    fake_github.add_file("o/r", "a.txt", "changed")
    status, _, _ = await call(http, "GET", "/repos/o/r/contents/a.txt",
                              **{"if-none-match": headers["etag"]})
    assert status == 200


async def test_pagination_uses_link_headers(fake_github, http):
    issue = fake_github.add_issue("o/r")
    for n in range(5):
        fake_github.add_comment("o/r", issue.number, f"c{n}")
    _, page1, headers = await call(http, "GET", "/repos/o/r/issues/1/comments?per_page=2")
    assert [c["body"] for c in page1] == ["c0", "c1"]
    assert 'rel="next"' in headers["link"] and "page=2" in headers["link"]


async def test_app_tokens_and_hook_redelivery(fake_github, http):
    fake_github.add_installation(42, "acme")
    delivery = fake_github.add_delivery("guid-1", "issues", "opened", status_code=500)
    jwt = {"authorization": "Bearer jwt"}

    status, token, _ = await call(http, "POST", "/app/installations/42/access_tokens", **jwt)
    assert status == 201 and token["token"] in fake_github.issued_tokens
    _, failed, _ = await call(http, "GET", "/app/hook/deliveries?status=failure", **jwt)
    assert [d["guid"] for d in failed] == ["guid-1"]
    status, _, _ = await call(http, "POST", f"/app/hook/deliveries/{delivery.id}/attempts", **jwt)
    assert status == 202 and fake_github.redelivered == [delivery.id]


async def test_app_level_endpoints_answer_within_the_contract(fake_github, http):
    fake_github.add_org("acme")
    fake_github.add_installation(42, "acme")
    jwt = {"authorization": "Bearer jwt"}
    assert (await call(http, "GET", "/app", **jwt))[0] == 200
    _, installations, _ = await call(http, "GET", "/app/installations", **jwt)
    assert [i["id"] for i in installations] == [42]
    _, installation, _ = await call(http, "GET", "/orgs/acme/installation", **jwt)
    assert installation["account"]["login"] == "acme"
    _, limits, _ = await call(http, "GET", "/rate_limit")
    assert limits["resources"]["core"]["remaining"] == fake_github.rate_limit["core"]


async def test_manifest_code_converts_once_without_credentials(fake_github):
    record = fake_github.add_manifest_code("code-1")
    async with aiohttp.ClientSession(base_url=fake_github.url) as anonymous:
        status, app, _ = await call(anonymous, "POST", "/app-manifests/code-1/conversions")
        assert status == 201
        assert (app["id"], app["pem"]) == (record["id"], record["pem"])
        assert app["pem"].startswith("-----BEGIN RSA PRIVATE KEY-----")
        status, _, _ = await call(anonymous, "POST", "/app-manifests/code-1/conversions")
        assert status == 404


async def test_app_registration_page_redirects_back_with_a_code(fake_github, http):
    manifest = {"name": "bot", "url": "https://bot.example", "redirect_url":
                "https://bot.example/callback"}
    form = {"manifest": json.dumps(manifest)}
    async with http.post("/organizations/acme/settings/apps/new?state=s1", data=form,
                         allow_redirects=False) as response:
        location = response.headers["location"]
    assert location.startswith("https://bot.example/callback?code=") and "state=s1" in location
    [registration] = fake_github.app_registrations
    assert (registration["org"], registration["manifest"]) == ("acme", manifest)
    code = location.split("code=")[1].split("&")[0]
    assert code in fake_github.manifest_codes


async def test_team_membership_changes(fake_github, http):
    fake_github.add_team("acme", "experts", ["ada", "bob"])
    assert (await call(http, "DELETE", "/orgs/acme/teams/experts/memberships/bob"))[0] == 204
    status, body, _ = await call(http, "PUT", "/orgs/acme/teams/experts/memberships/cy",
                                 {"role": "member"})
    assert (status, body["state"]) == (200, "active")
    assert fake_github.orgs["acme"].teams["experts"] == ["ada", "cy"]


async def test_requests_are_recorded_for_assertions(fake_github, http):
    issue = fake_github.add_issue("o/r")
    await call(http, "GET", "/repos/o/r/issues/1")
    await call(http, "POST", "/repos/o/r/issues/1/comments", {"body": "hi"})
    assert [c.method for c in fake_github.writes] == ["POST"]
    assert fake_github.requests("GET", r"/repos/o/r/issues/\d+")[0].status == 200
    assert fake_github.comments_on("o/r", issue.number)[0].body == "hi"


# -------------------------------------------------------------------------- faults


async def test_fault_applies_to_the_next_n_matching_requests(fake_github, http):
    fake_github.add_user("alice")
    fake_github.inject("status", method="GET", path="/users/.*", status=502, times=2)
    statuses = [(await call(http, "GET", "/users/alice"))[0] for _ in range(3)]
    assert statuses == [502, 502, 200]


async def test_rate_limit_faults_carry_githubs_headers(fake_github, http):
    fake_github.add_user("alice")
    fake_github.inject("secondary_rate_limit", path="/users/alice", retry_after=9)
    fake_github.inject("primary_rate_limit", path="/users/alice")
    status, body, headers = await call(http, "GET", "/users/alice")
    assert (status, headers["retry-after"]) == (403, "9") and "secondary" in body["message"]
    status, _, headers = await call(http, "GET", "/users/alice")
    assert (status, headers["x-ratelimit-remaining"]) == (403, "0")


async def test_disconnect_after_acting_keeps_the_effect(fake_github, http):
    issue = fake_github.add_issue("o/r")
    fake_github.inject("disconnect", method="POST", path=r".*/comments", after=True)
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await call(http, "POST", "/repos/o/r/issues/1/comments", {"body": "hi"})
    assert len(fake_github.comments_on("o/r", issue.number)) == 1


async def test_graphql_faults_match_the_mutation_field(fake_github, http):
    issue = fake_github.add_issue("o/r")
    comment = fake_github.add_comment("o/r", issue.number, "x")
    fake_github.inject("status", graphql="minimizeComment", status=502)
    query = ("mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: SPAM})"
             " { minimizedComment { isMinimized minimizedReason } } }")
    status, _, _ = await call(http, "POST", "/graphql", graphql(query, id=comment.node_id))
    assert status == 502 and comment.minimized_as is None
    _, body, _ = await call(http, "POST", "/graphql", graphql(query, id=comment.node_id))
    assert body["data"]["minimizeComment"]["minimizedComment"] == {
        "isMinimized": True, "minimizedReason": "spam"}


# ---------------------------------------------------------- replay of real exchanges


def _seed(fake: FakeGitHub, scenario: str) -> None:
    org = "octokit-fixture-org"
    if scenario == "labels":
        for name in ("bug", "duplicate", "enhancement"):
            fake.add_label(f"{org}/labels", name)
    elif scenario == "lock-issue":
        fake.add_issue(f"{org}/lock-issue")
    elif scenario == "get-content":
        fake.add_file(f"{org}/hello-world", "README.md", "# hello-world")
    else:
        fake.add_repo(f"{org}/{scenario}")


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return ("object", frozenset(value))
    if isinstance(value, list):
        return ("array", _shape(value[0]) if value else None)
    return type(value).__name__


@pytest.mark.parametrize("scenario", [
    "labels", "add-labels-to-issue", "lock-issue", "get-content", "create-file"])
async def test_fake_answers_recorded_calls_like_github(fake_github, http, scenario):
    path = RECORDED / f"{scenario}.json"
    if not path.is_file():
        pytest.skip(f"recorded exchanges not found at {path}")
    _seed(fake_github, scenario)
    for exchange in json.loads(path.read_text()):
        body = exchange["body"] if exchange["body"] != "" else None
        status, answer, _ = await call(http, exchange["method"].upper(), exchange["path"], body)
        assert status == exchange["status"], exchange["path"]
        if not exchange["headers"].get("content-type", "").startswith("application/json"):
            continue  # raw media type: the fake speaks JSON only (see README of the fake)
        assert _missing_keys(exchange["response"], answer) == set(), exchange["path"]


def _missing_keys(recorded: Any, answer: Any) -> set[str]:
    """Top-level keys GitHub sent that the fake does not (for objects or list items)."""
    assert _shape(recorded)[0] == _shape(answer)[0]
    if isinstance(recorded, list):
        return _missing_keys(recorded[0], answer[0]) if recorded else set()
    if isinstance(recorded, dict):
        return set(recorded) - set(answer)
    return set()
