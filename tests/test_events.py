"""governance.events against every shared webhook example and its JSON Schema."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from governance.events import EventError, parse_event
from governance.model import ActorType, Association, ContentEvent, MergedPullRequest, Surface

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WEBHOOKS = SHARED / "github" / "webhooks"
EXAMPLES = sorted((WEBHOOKS / "examples").rglob("*.json")) if WEBHOOKS.is_dir() else []
needs_shared = pytest.mark.skipif(
    not WEBHOOKS.is_dir(), reason=f"shared GitHub contract data not found at {WEBHOOKS}"
)

# (event, action) -> (surface, key of the content object, key of the thread object)
CONTENT = {
    ("issues", "opened"): (Surface.ISSUE, "issue", "issue"),
    ("issues", "edited"): (Surface.ISSUE, "issue", "issue"),
    ("issue_comment", "created"): (Surface.ISSUE_COMMENT, "comment", "issue"),
    ("issue_comment", "edited"): (Surface.ISSUE_COMMENT, "comment", "issue"),
    ("pull_request", "opened"): (Surface.PULL_REQUEST, "pull_request", "pull_request"),
    ("pull_request", "edited"): (Surface.PULL_REQUEST, "pull_request", "pull_request"),
    ("pull_request_review", "submitted"): (Surface.REVIEW, "review", "pull_request"),
    ("pull_request_review", "edited"): (Surface.REVIEW, "review", "pull_request"),
    ("pull_request_review_comment", "created"): (Surface.REVIEW_COMMENT, "comment", "pull_request"),
    ("pull_request_review_comment", "edited"): (Surface.REVIEW_COMMENT, "comment", "pull_request"),
    ("discussion", "created"): (Surface.DISCUSSION, "discussion", "discussion"),
    ("discussion", "edited"): (Surface.DISCUSSION, "discussion", "discussion"),
    ("discussion_comment", "created"): (Surface.DISCUSSION_COMMENT, "comment", "discussion"),
    ("discussion_comment", "edited"): (Surface.DISCUSSION_COMMENT, "comment", "discussion"),
}


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def example(relative: str) -> dict[str, Any]:
    if not WEBHOOKS.is_dir():
        pytest.skip(f"shared GitHub contract data not found at {WEBHOOKS}")
    return load(WEBHOOKS / "examples" / relative)


@pytest.fixture(scope="module")
def registry() -> Any:
    from referencing import Registry, Resource

    schemas = [load(p) for p in (WEBHOOKS / "schemas").rglob("*.schema.json")]
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)


def validate(registry: Any, event: str, payload: dict[str, Any]) -> None:
    from jsonschema import Draft7Validator

    schema_id = "ping$event" if event == "ping" else f"{event}${payload['action']}"
    Draft7Validator(registry.contents(schema_id), registry=registry).validate(payload)


def expects_nothing(event: str, payload: dict[str, Any]) -> bool:
    """Our own statement of what the parser must ignore, independent of its tables."""
    key = (event, payload.get("action"))
    if key == ("pull_request", "closed"):
        return not payload["pull_request"].get("merged")
    if key not in CONTENT:
        return True
    return event == "pull_request_review" and not (payload["review"]["body"] or "").strip()


# ------------------------------------------------------------------- every example


@needs_shared
def test_every_example_is_found() -> None:
    assert len(EXAMPLES) >= 100
    assert {p.parent.name for p in EXAMPLES} >= {e for e, _ in CONTENT}


@needs_shared
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_is_valid_for_its_schema(path: Path, registry: Any) -> None:
    validate(registry, path.parent.name, load(path))


@needs_shared
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_parses_to_the_right_event(path: Path) -> None:
    event, payload = path.parent.name, load(path)
    parsed = parse_event(event, payload)
    if expects_nothing(event, payload):
        assert parsed is None
    elif isinstance(parsed, MergedPullRequest):
        assert payload["pull_request"]["merged"] is True
        assert parsed.number == payload["pull_request"]["number"]
    else:
        assert_content_matches(parsed, event, payload)


def assert_content_matches(parsed: object, event: str, payload: dict[str, Any]) -> None:
    assert isinstance(parsed, ContentEvent)
    surface, content_key, thread_key = CONTENT[(event, payload["action"])]
    content, thread = payload[content_key], payload[thread_key]
    assert parsed.surface is surface
    assert (parsed.event_name, parsed.action) == (event, payload["action"])
    assert parsed.number == thread["number"]
    assert parsed.node_id == content["node_id"] and parsed.rest_id == content["id"]
    assert parsed.thread_node_id == thread["node_id"]
    assert parsed.body == (content["body"] or "")
    assert parsed.html_url == content["html_url"]
    assert parsed.author.login == content["user"]["login"]
    assert parsed.author.association is Association(content["author_association"])
    assert parsed.repo.full_name == payload["repository"]["full_name"]
    assert parsed.sender == payload["sender"]["login"]
    assert parsed.installation_id == (payload.get("installation") or {}).get("id")
    assert parsed.created_at is not None and parsed.created_at.tzinfo is not None
    if surface in (Surface.ISSUE, Surface.PULL_REQUEST, Surface.DISCUSSION):
        assert parsed.title == content["title"]
    else:
        assert parsed.title is None


# ------------------------------------------------------------------- specific fields


def test_issue_comment_on_a_pull_request_keeps_the_issue_number() -> None:
    payload = example("issue_comment/created.with-installation.json")
    payload["issue"]["number"] = 77
    payload["issue"]["pull_request"] = {"url": "https://api.github.com/repos/o/r/pulls/77"}
    parsed = parse_event("issue_comment", payload)
    assert isinstance(parsed, ContentEvent)
    assert parsed.surface is Surface.ISSUE_COMMENT and parsed.number == 77
    assert parsed.installation_id == 1


def test_edit_carries_previous_body_and_dates_in_utc() -> None:
    parsed = parse_event("issue_comment", example("issue_comment/edited.json"))
    assert isinstance(parsed, ContentEvent) and parsed.is_edit
    assert parsed.previous_body == "You are totally right! I'll get this fixed right away."
    assert parsed.created_at == datetime(2019, 5, 15, 15, 20, 21, tzinfo=UTC)
    assert parsed.updated_at == datetime(2019, 5, 15, 15, 20, 22, tzinfo=UTC)
    assert parsed.thread_state == "open"
    assert parsed.thread_created_at == datetime(2019, 5, 15, 15, 20, 18, tzinfo=UTC)


def test_pull_request_edit_carries_previous_title_and_body() -> None:
    parsed = parse_event("pull_request", example("pull_request/edited.synthesized.json"))
    assert isinstance(parsed, ContentEvent) and parsed.surface is Surface.PULL_REQUEST
    assert parsed.previous_title == "Update the README with new information."
    assert parsed.previous_body == "Old description"
    assert parsed.body == "New description"


def test_discussion_title_edit() -> None:
    parsed = parse_event("discussion", example("discussion/edited.json"))
    assert isinstance(parsed, ContentEvent)
    assert (parsed.title, parsed.previous_title, parsed.previous_body) == (
        "TEST edit",
        "TEST",
        None,
    )


def test_repository_and_author_details() -> None:
    parsed = parse_event("discussion_comment", example("discussion_comment/created.json"))
    assert isinstance(parsed, ContentEvent)
    assert parsed.repo.owner == "Codertocat" and parsed.repo.name == "Hello-World"
    assert parsed.repo.owner_type is ActorType.USER and parsed.repo.private is False
    assert parsed.repo.node_id == "MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI="
    assert parsed.author.type is ActorType.USER and parsed.author.id == 21031067
    assert parsed.author.association is Association.OWNER


def test_null_body_reads_as_empty_text() -> None:
    parsed = parse_event("pull_request", example("pull_request/opened.with-null-body.json"))
    assert isinstance(parsed, ContentEvent) and parsed.body == ""


def test_review_with_text_is_content(registry: Any) -> None:
    payload = example("pull_request_review/submitted.json")
    payload["review"]["body"] = "Please stop pinging me."
    validate(registry, "pull_request_review", payload)
    parsed = parse_event("pull_request_review", payload)
    assert isinstance(parsed, ContentEvent) and parsed.surface is Surface.REVIEW
    assert parsed.body == "Please stop pinging me."
    assert parsed.created_at == datetime(2019, 5, 15, 15, 20, 38, tzinfo=UTC)  # submitted_at


def test_review_with_empty_body_is_ignored() -> None:
    payload = example("pull_request_review/submitted.json")
    payload["review"]["body"] = "   "
    assert parse_event("pull_request_review", payload) is None


def test_merged_pull_request() -> None:
    payload = example("pull_request/closed.merged.synthesized.json")
    parsed = parse_event("pull_request", payload)
    assert isinstance(parsed, MergedPullRequest)
    pr = payload["pull_request"]
    assert (parsed.number, parsed.title, parsed.node_id) == (
        pr["number"],
        pr["title"],
        pr["node_id"],
    )
    assert parsed.base_ref == pr["base"]["ref"]
    assert parsed.labels == tuple(label["name"] for label in pr["labels"])
    assert parsed.merged_by == pr["merged_by"]["login"]
    assert parsed.merged_at is not None and parsed.merged_at.tzinfo is not None
    assert parsed.author.login == pr["user"]["login"]


def test_closed_without_merge_is_ignored() -> None:
    assert parse_event("pull_request", example("pull_request/closed.json")) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-30T16:09:00.000-04:00", datetime(2021, 3, 30, 20, 9, tzinfo=UTC)),
        ("2019-05-15T15:20:21Z", datetime(2019, 5, 15, 15, 20, 21, tzinfo=UTC)),
        ("2019-05-15T15:20:21", datetime(2019, 5, 15, 15, 20, 21, tzinfo=UTC)),
        (1557933621, datetime(2019, 5, 15, 15, 20, 21, tzinfo=UTC)),
    ],
)
def test_dates_in_every_form_become_utc(value: object, expected: datetime) -> None:
    payload = example("issue_comment/created.json")
    payload["comment"]["created_at"] = value
    parsed = parse_event("issue_comment", payload)
    assert isinstance(parsed, ContentEvent)
    assert parsed.created_at == expected and parsed.created_at.utcoffset() is not None


def test_unknown_association_is_least_trusted() -> None:
    payload = example("issue_comment/created.json")
    payload["comment"]["author_association"] = "SOMETHING_NEW"
    parsed = parse_event("issue_comment", payload)
    assert isinstance(parsed, ContentEvent) and parsed.author.association is Association.NONE


@pytest.mark.parametrize(
    ("event", "payload"),
    [
        ("ping", {"zen": "Keep it logically awesome.", "hook_id": 1}),
        ("issues", {"action": "labeled"}),
    ],
)
def test_ignored_events(event: str, payload: dict[str, Any]) -> None:
    assert parse_event(event, payload) is None


# --------------------------------------------------------------------------- errors


def one_line_error(event: str, payload: Any) -> str:
    with pytest.raises(EventError) as caught:
        parse_event(event, payload)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_truncated_payload_names_the_missing_field() -> None:
    payload = example("issue_comment/created.json")
    del payload["comment"]
    assert one_line_error("issue_comment", payload) == "issue_comment.created: comment: missing"


def test_missing_action_is_an_error_for_handled_events() -> None:
    payload = example("issues/opened.json")
    del payload["action"]
    assert one_line_error("issues", payload) == "issues: action: missing"


def test_missing_nested_field() -> None:
    payload = example("discussion_comment/edited.json")
    del payload["discussion"]["number"]
    assert one_line_error("discussion_comment", payload) == (
        "discussion_comment.edited: discussion.number: missing"
    )


def test_wrong_typed_field_names_field_and_types() -> None:
    payload = example("issue_comment/created.json")
    payload["comment"]["body"] = 42
    assert one_line_error("issue_comment", payload) == (
        "issue_comment.created: comment.body: expected string or null, got int"
    )


def test_boolean_is_not_an_integer() -> None:
    payload = example("issues/opened.json")
    payload["issue"]["number"] = True
    assert (
        one_line_error("issues", payload) == "issues.opened: issue.number: expected int, got bool"
    )


def test_bad_date_string() -> None:
    payload = example("issues/opened.json")
    payload["issue"]["created_at"] = "yesterday"
    assert "issue.created_at: not a valid date" in one_line_error("issues", payload)


@pytest.mark.parametrize("payload", [[1, 2], "text", None, 3])
def test_non_object_payload(payload: Any) -> None:
    assert one_line_error("issues", payload).startswith("issues: payload: expected object, got ")


def test_error_is_a_value_error() -> None:
    payload = copy.deepcopy(example("pull_request/closed.merged.synthesized.json"))
    payload["pull_request"]["base"] = "main"
    with pytest.raises(
        ValueError, match=r"pull_request\.closed: pull_request\.base: expected object"
    ):
        parse_event("pull_request", payload)
