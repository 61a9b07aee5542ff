"""Webhook deliveries for the App and Action tests, built from GitHub's own examples.

The example payloads are loaded from ``../shared`` at test time; only the parts that tie them
to the fake GitHub's state (repository, installation, ids) and the text are replaced. The
texts are written for these tests. The tests in this file check the builders themselves.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from governance.app.signature import sign
from governance.events import parse_event
from governance.model import Association, ContentEvent, Surface
from tests.fake_github import Comment, FakeGitHub, Issue

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "github" / "webhooks" / "examples"

OWNER = "acme"
REPO = f"{OWNER}/widgets"
INSTALLATION = 77
SECRET = "a webhook secret used only in tests"

ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
SPAM = ("Hire our agency! Guaranteed SEO backlinks and page-one Google ranking in a week. "
        "Message me on Telegram @rankboost_pro for prices.")
PHONE = "+49 30 901820"
PII = (f"Complain to him directly, his private number is {PHONE} and he lives at 17 Rosenweg.")
BENIGN = "Thanks for the quick fix! I tested the patch on Windows 11 and the crash is gone."


def example(event: str, name: str) -> dict[str, Any]:
    path = EXAMPLES / event / name
    if not path.is_file():
        pytest.skip(f"GitHub webhook examples not found at {EXAMPLES} (../shared is absent)")
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@dataclass
class Sent:
    """A delivery ready to send: headers and the exact bytes that were signed."""

    event: str
    payload: dict[str, Any]
    delivery_id: str

    @property
    def body(self) -> bytes:
        return json.dumps(self.payload).encode()

    def headers(self, secret: str = SECRET) -> dict[str, str]:
        return {"X-GitHub-Event": self.event, "X-GitHub-Delivery": self.delivery_id,
                "X-Hub-Signature-256": sign(secret, self.body),
                "Content-Type": "application/json", "User-Agent": "GitHub-Hookshot/test"}


def _repository(payload: dict[str, Any], fake: FakeGitHub) -> None:
    repo = fake.add_repo(REPO)
    payload["repository"].update(name=repo.name, full_name=REPO, node_id=repo.node_id,
                                 id=repo.id, private=False)
    payload["repository"]["owner"].update(login=OWNER, type="Organization")
    payload["installation"] = {"id": INSTALLATION, "node_id": "MDIzOkluc3RhbGxhdGlvbjc3"}
    payload.pop("organization", None)


def comment_delivery(fake: FakeGitHub, text: str, *, author: str = "drive-by-99",
                     delivery_id: str = "d-1", issue: Issue | None = None
                     ) -> tuple[Sent, Comment]:
    """``issue_comment.created`` for a new comment on the fake, by an outside author."""
    issue = issue or fake.add_issue(REPO, title="Crash on startup", author="reporter")
    comment = fake.add_comment(REPO, issue.number, text, author=author)
    payload = copy.deepcopy(example("issue_comment", "created.with-installation.json"))
    _repository(payload, fake)
    payload["issue"].update(number=issue.number, node_id=issue.node_id, id=issue.id,
                            state="open")
    payload["comment"].update(body=text, id=comment.id, node_id=comment.node_id,
                              author_association="NONE",
                              html_url=f"https://github.com/{REPO}/issues/{issue.number}"
                                       f"#issuecomment-{comment.id}")
    payload["comment"]["user"].update(login=author, type="User")
    payload["sender"].update(login=author, type="User")
    return Sent("issue_comment", payload, delivery_id), comment


def ignored_delivery(fake: FakeGitHub, delivery_id: str = "d-ignored") -> Sent:
    payload = copy.deepcopy(example("issues", "labeled.json"))
    _repository(payload, fake)
    return Sent("issues", payload, delivery_id)


# ------------------------------------------------------------------ the builders' tests


def test_comment_delivery_parses_to_the_fakes_comment(fake_github: FakeGitHub) -> None:
    sent, comment = comment_delivery(fake_github, ABUSIVE)
    event = parse_event(sent.event, sent.payload)
    assert isinstance(event, ContentEvent)
    assert (event.surface, event.node_id, event.rest_id) == (
        Surface.ISSUE_COMMENT, comment.node_id, comment.id)
    assert (event.repo.full_name, event.installation_id) == (REPO, INSTALLATION)
    assert event.author.association is Association.NONE and event.body == ABUSIVE


def test_signed_headers_cover_the_exact_body(fake_github: FakeGitHub) -> None:
    sent, _ = comment_delivery(fake_github, BENIGN)
    assert sent.headers()["X-Hub-Signature-256"] == sign(SECRET, sent.body)
    assert sent.headers("other")["X-Hub-Signature-256"] != sent.headers()["X-Hub-Signature-256"]
