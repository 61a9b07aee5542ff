"""A comment that starts with ``/coc`` is moderated like any other comment of its author.

Issue 11, finding 1: abuse, spam, someone's phone number or a malware lure behind ``/coc``
(``/coc``, ``/coc x``, ``/coc report``, ``/coc ban @y``) went only to the command handler
and stayed up, also on edit. Here every such comment goes through the real service, the
real adapter and the fake GitHub, through the App's webhook and the Action's CLI too; the
command is read as a further step only.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.deployment import Deployment
from governance.model import Association, ContentEvent, Label, Repository
from governance.service import Outcome, Service
from tests.fake_github import FakeGitHub
from tests.test_action import TOKEN, read_outputs, run_cli, workflow_env
from tests.test_app import (  # noqa: F401  (fixtures of the App's end-to-end tests)
    clock,
    fake,
    make_client,
    pem,
    post,
    private_key,
    settings,
    sleeps,
)
from tests.test_app_payloads import (
    ABUSIVE,
    BENIGN,
    PHONE,
    PII,
    REPO,
    SPAM,
    Sent,
    comment_delivery,
)
from tests.test_service import LEDGER, LEDGER_CONFIG, issue_event

LURE = ("Fixed build for the crash: https://pixeldrain.com/u/Qm3x9/widget_patched.zip "
        "password: 1234, run it as admin")
# (what the comment says after the command, the label a plain comment with it gets)
CONTENT = {"abuse": (ABUSIVE, Label.ABUSE), "spam": (SPAM, Label.SOLICITATION),
           "phone": (PII, Label.PII), "lure": (LURE, Label.MALWARE)}
PREFIXES = {"abuse": "/coc\n", "spam": "/coc x ", "phone": "/coc report ",
            "lure": "/coc ban @y "}
CASES = [(PREFIXES[name] + text, label, text) for name, (text, label) in CONTENT.items()]
IDS = list(CONTENT)


@pytest.fixture
def service(github: GitHubAdapter, fake_github: FakeGitHub) -> Service:
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    fake_github.set_permission(REPO, "y", "write")
    system = runtime.SystemClock()
    return Service(Deployment(github, system, ledger_for=runtime.ledger_for(github, system)))


def moderation_kinds(outcome: Outcome) -> list[str]:
    """What moderation did: the actions before the command handler's (which key on it)."""
    assert outcome.plan is not None
    return [a.kind for a in outcome.plan.actions
            if not getattr(a, "key", "").startswith("coc-command:")]


def taken_down(github: FakeGitHub, ev: ContentEvent, text: str) -> bool:
    """Hidden, deleted (personal data), or the part that broke the rules redacted out of it."""
    comment = github.comments.get(ev.node_id)
    if comment is None:
        return True
    return comment.minimized_as is not None or (PHONE in text and PHONE not in comment.body)


@pytest.mark.parametrize(("body", "label", "plain"), CASES, ids=IDS)
async def test_a_new_coc_comment_is_moderated_like_the_same_text_without_it(
        fake_github: FakeGitHub, service: Service, body: str, label: Label, plain: str):
    ev = issue_event(fake_github, body, login="drive-by")
    same_author_plain = issue_event(fake_github, plain, login="drive-by-2")

    outcome = await service.handle_event(ev)
    expected = await service.handle_event(same_author_plain)

    assert outcome.plan is not None and outcome.plan.verdict is not None
    assert outcome.plan.verdict.label is label
    assert taken_down(fake_github, ev, body)
    assert moderation_kinds(outcome)[:1] == moderation_kinds(expected)[:1]
    assert "record_incident" in outcome.done  # the ladder counts it like any other comment


@pytest.mark.parametrize(("body", "label", "plain"), CASES, ids=IDS)
async def test_an_edit_that_puts_coc_in_front_is_moderated(
        fake_github: FakeGitHub, service: Service, body: str, label: Label, plain: str):
    ev = issue_event(fake_github, BENIGN, login="drive-by")
    assert (await service.handle_event(ev)).done == ("skip",)
    fake_github.comments[ev.node_id].body = body
    edited = replace(ev, action="edited", body=body, previous_body=BENIGN)

    outcome = await service.handle_event(edited)

    assert outcome.plan is not None and outcome.plan.verdict is not None
    assert outcome.plan.verdict.label is label
    assert taken_down(fake_github, ev, body)
    assert "edited commands are not carried out" in " ".join(outcome.plan.reasons)


async def test_an_exempt_author_stays_exempt_with_coc_in_front(
        fake_github: FakeGitHub, service: Service):
    ev = issue_event(fake_github, "/coc x " + ABUSIVE, login="member",
                     association=Association.MEMBER)

    outcome = await service.handle_event(ev)

    assert fake_github.comments[ev.node_id].minimized_as is None
    assert outcome.plan is not None and "the author is exempt" in outcome.plan.reasons[0]


async def test_a_moderated_command_is_not_carried_out_and_the_refusal_is_logged(
        fake_github: FakeGitHub, service: Service, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="governance.coc")
    fake_github.set_permission(REPO, "rude-mod", "write")
    fake_github.set_permission(REPO, "victim", "read")
    ev = issue_event(fake_github, "/coc ban @victim " + ABUSIVE, login="rude-mod")

    outcome = await service.handle_event(ev)

    assert fake_github.comments[ev.node_id].minimized_as == "ABUSE"
    assert "victim" not in fake_github.orgs["acme"].blocks
    assert outcome.plan is not None and any("not carried out" in r for r in outcome.plan.reasons)
    [line] = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert "moderated" in line and "worthless" not in line and "rude-mod" not in line


async def test_a_clean_moderator_command_is_moderated_then_carried_out(
        fake_github: FakeGitHub, service: Service):
    fake_github.set_permission(REPO, "mod-ann", "maintain")
    ev = issue_event(fake_github, "/coc note @drive-by keeps posting link spam",
                     login="mod-ann")

    outcome = await service.handle_event(ev)

    assert outcome.done[0] == "skip" and "record_note" in outcome.done
    assert fake_github.comments[ev.node_id].minimized_as == "RESOLVED"


# ------------------------------------------------------------------- the two edges


@pytest.mark.parametrize("edit", [False, True], ids=["created", "edited"])
@pytest.mark.parametrize(("body", "label", "plain"), CASES, ids=IDS)
async def test_the_app_moderates_a_coc_comment(fake: FakeGitHub, make_client,  # noqa: F811
                                               body: str, label: Label, plain: str,
                                               edit: bool):
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", LEDGER_CONFIG)
    sent, comment = comment_delivery(fake, BENIGN if edit else body)
    client: TestClient = await make_client()
    if edit:
        assert (await post(client, sent))[1]["actions"] == ["skip"]
        comment.body = body
        payload = {**sent.payload, "action": "edited", "changes": {"body": {"from": BENIGN}},
                   "comment": {**sent.payload["comment"], "body": body}}
        sent = Sent("issue_comment", payload, "d-edit")

    status, answer = await post(client, sent)

    assert status == 200, answer
    assert {"hide_comment", "redact", "delete_comment"} & set(answer["actions"])
    assert (comment.node_id not in fake.comments or comment.minimized_as is not None
            or PHONE not in comment.body)


@pytest.mark.parametrize("edit", [False, True], ids=["created", "edited"])
@pytest.mark.parametrize(("body", "label", "plain"), CASES, ids=IDS)
async def test_the_action_moderates_a_coc_comment(fake: FakeGitHub,  # noqa: F811
                                                  tmp_path: Path, body: str, label: Label,
                                                  plain: str, edit: bool):
    assert fake.valid_tokens is not None
    fake.valid_tokens.add(TOKEN)
    sent, comment = comment_delivery(fake, body)
    payload = sent.payload
    if edit:
        payload = {**payload, "action": "edited", "changes": {"body": {"from": BENIGN}}}
    env = workflow_env(fake, tmp_path, "issue_comment", payload)

    assert await run_cli(env) == 0

    assert comment.minimized_as is not None or PHONE not in comment.body
    assert read_outputs(tmp_path / "output")["actions"] != "0"
    assert f"**Verdict:** {label.value}" in (tmp_path / "summary.md").read_text()


# ------------------------------------------- the ledger is never moderated (finding 9)


def ledger_comment(github: FakeGitHub, body: str) -> ContentEvent:
    """A comment in the ledger's first person issue, by a collaborator without membership."""
    issue = min(github.repo(LEDGER).issues.values(), key=lambda i: i.number)
    comment = github.add_comment(LEDGER, issue.number, body, author="outside-helper")
    owner, name = LEDGER.split("/")
    return replace(issue_event(github, BENIGN), repo=Repository(owner, name, private=True),
                   number=issue.number, node_id=comment.node_id, rest_id=comment.id,
                   body=body, html_url=f"https://github.com/{LEDGER}/issues/{issue.number}"
                                       f"#issuecomment-{comment.id}")


@pytest.mark.parametrize("named_by", ["another-repository", "org-defaults", "itself"])
async def test_the_ledger_is_never_moderated_however_it_was_named(
        fake_github: FakeGitHub, service: Service, named_by: str):
    await service.handle_event(issue_event(fake_github, ABUSIVE))  # opens a person issue
    if named_by == "org-defaults":
        fake_github.add_file("acme/.github", ".github/governance.yml", LEDGER_CONFIG)
    if named_by == "itself":
        fake_github.add_file(LEDGER, ".github/governance.yml", LEDGER_CONFIG)
    before = len(fake_github.writes)

    for body in ("/coc x " + ABUSIVE, ABUSIVE, PII):
        ev = ledger_comment(fake_github, body)
        outcome = await service.handle_event(ev)
        assert outcome.plan is None and "ledger repository" in outcome.ignored
        assert fake_github.comments[ev.node_id].minimized_as is None

    assert fake_github.writes[before:] == []


async def test_a_private_repository_that_is_no_ledger_is_moderated(
        fake_github: FakeGitHub, service: Service):
    fake_github.add_repo("acme/private-stuff", private=True)
    issue = fake_github.add_issue("acme/private-stuff", title="Internal")
    comment = fake_github.add_comment("acme/private-stuff", issue.number, ABUSIVE,
                                      author="drive-by")
    ev = replace(issue_event(fake_github, BENIGN), body=ABUSIVE, number=issue.number,
                 repo=Repository("acme", "private-stuff", private=True),
                 node_id=comment.node_id, rest_id=comment.id)

    outcome = await service.handle_event(ev)

    assert outcome.done[:1] == ("hide_comment",) and comment.minimized_as == "ABUSE"
