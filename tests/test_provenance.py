"""Evidence kept before it vanishes: a step on content keeps when it was posted and edited,
the account's creation time and association, and every link and attachment URL as code."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from governance import runtime
from governance.adapters.github import GitHubAdapter
from governance.deployment import Deployment
from governance.ledger.state import EntryKind
from governance.ledger.store import GitHubLedger
from governance.model import Association, ContentEvent
from governance.policy.provenance import MAX_LINKS, links_in, provenance_of
from governance.service import Service
from tests.builders import event
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

REPO = "acme/widgets"
LEDGER = "acme/coc-ledger"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ATTACHMENT = "https://github.com/user-attachments/assets/0f3c2a1e-77aa-4f0e-9d1b-5d0c1e9a2b3c"
ABUSIVE = ("You are a worthless idiot and nobody wants your garbage patches here. Get lost. "
           f"Proof: [log](https://paste.example/raw/abc). ![shot]({ATTACHMENT}) "
           '<img src="https://cdn.example/x.png"> and www.example.org/page.')


def test_every_link_and_attachment_is_found_once_in_order_and_bounded():
    assert links_in(ABUSIVE) == ("https://paste.example/raw/abc", ATTACHMENT,
                                 "https://cdn.example/x.png", "www.example.org/page")
    assert links_in("a https://x.example/1 b https://x.example/1.") == ("https://x.example/1",)
    many = " ".join(f"https://x.example/{n}" for n in range(500))
    assert len(links_in(many)) == MAX_LINKS
    assert len(links_in("https://x.example/" + "a" * 10_000)[0]) == 500
    assert links_in("no links here") == ()


def test_an_unedited_comment_has_no_edit_time():
    posted = NOW - timedelta(hours=1)
    kept = provenance_of(event(ABUSIVE, created_at=posted, updated_at=posted), None)
    assert kept.edited_at is None and kept.created_at == posted
    edited = provenance_of(event(ABUSIVE, created_at=posted, updated_at=NOW), None)
    assert edited.edited_at == NOW


def posted(fake: FakeGitHub, login: str) -> ContentEvent:
    issue = fake.add_issue(REPO, title="Crash on startup")
    comment = fake.add_comment(REPO, issue.number, ABUSIVE, author=login)
    return event(ABUSIVE, login=login, association=Association.CONTRIBUTOR,
                 number=issue.number, node_id=comment.node_id, rest_id=comment.id,
                 thread_node_id=issue.node_id, created_at=NOW - timedelta(hours=2),
                 updated_at=NOW - timedelta(minutes=5),
                 html_url=f"https://github.com/{REPO}/issues/{issue.number}"
                          f"#issuecomment-{comment.id}")


async def acted(fake: FakeGitHub, github: GitHubAdapter, ev: ContentEvent) -> dict:
    fake.add_repo(LEDGER, private=True)
    # Provenance is under test, not detection: with the rules alone the insult is acted on
    # whatever the learned model makes of the links and images around it (model card).
    fake.add_file(REPO, ".github/governance.yml",
                  f"ledger:\n  repository: {LEDGER}\nmoderation:\n  language_model: false\n")
    clock = ManualClock(NOW)
    service = Service(Deployment(github, clock, ledger_for=runtime.ledger_for(github, clock)))
    outcome = await service.handle_event(ev)
    assert outcome.done[:2] == ("hide_comment", "record_incident")
    state = await GitHubLedger(github, LEDGER, clock).state_for(ev.author.login)
    (entry,) = state.of_kind(EntryKind.INCIDENT)
    return dict(entry.get("provenance"))


async def test_the_ledger_keeps_times_association_and_links_as_code(
        fake_github: FakeGitHub, github: GitHubAdapter):
    ev = posted(fake_github, "spammer")
    fake_github.users["spammer"].created_at = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)

    kept = await acted(fake_github, github, ev)

    assert kept == {"created_at": "2026-11-22T10:00:00+00:00",
                    "edited_at": "2026-11-22T11:55:00+00:00",
                    "account_created_at": "2026-11-20T08:30:00+00:00",
                    "association": "CONTRIBUTOR", "links": list(links_in(ABUSIVE))}
    (issue,) = [i for i in fake_github.repo(LEDGER).issues.values()
                if "coc-person:spammer" in i.labels]
    (shown,) = [c.body for c in fake_github.comments_on(LEDGER, issue.number)
                if "Kept in case the content disappears" in c.body]
    assert "posted 2026-11-22 10:00 UTC, last edited 2026-11-22 11:55 UTC" in shown
    assert "account created 2026-11-20 08:30 UTC, association `CONTRIBUTOR`" in shown
    for url in links_in(ABUSIVE):
        assert f"- `{url}`" in shown
    # outside code spans and the fenced original text, none of its links can be clicked
    outside = re.sub(r"`[^`\n]*`", "", re.sub(r"(`{3,})text\n.*?\n\1", "", shown, flags=re.S))
    assert [url for url in links_in(ABUSIVE) if url in outside] == []
    assert "Links and attachments in the text (not opened; not clickable)" in shown


async def test_a_suspended_author_is_recorded_without_an_account_time(
        fake_github: FakeGitHub, github: GitHubAdapter):
    ev = posted(fake_github, "gone")
    del fake_github.users["gone"]  # GitHub answers 404 for a suspended account

    kept = await acted(fake_github, github, ev)

    assert kept["account_created_at"] is None and kept["links"]
