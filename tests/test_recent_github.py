"""The Action's spam-wave memory is one read of the repository's recent comments."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from governance.adapters.recent_github import RecentFromGitHub
from governance.model import Actor, Association, ContentEvent, Repository, Surface
from governance.policy.waves import fingerprint, wave_of

LURE = ("Had the same crash here, this patched build fixed it for me, download the archive "
        "from the link and run setup, the password is changeme")


def comment_event(fake: Any, number: int, body: str, author: str) -> ContentEvent:
    c = fake.add_comment("acme/widgets", number, body, author=author)
    return ContentEvent("issue_comment", "created", Surface.ISSUE_COMMENT,
                        Repository("acme", "widgets"), number,
                        Actor(author, association=Association.NONE), body,
                        f"https://github.com/acme/widgets/issues/{number}#issuecomment-{c.id}",
                        c.node_id, c.id)


async def test_a_lure_posted_in_two_threads_is_seen_as_a_wave_with_one_read(fake_github, github):
    fake_github.add_repo("acme/widgets")
    first, second = (fake_github.add_issue("acme/widgets", title=t).number for t in "ab")
    comment_event(fake_github, first, LURE, "lurer-1")
    comment_event(fake_github, first, "Thanks, that fixed the build for me on arm64 too.", "dev")
    event = comment_event(fake_github, second, LURE.replace("crash", "hang"), "lurer-2")
    before = len(fake_github.calls)
    recent = RecentFromGitHub(github, datetime.now(UTC))
    seen = await recent.sightings(event)
    assert len(fake_github.calls) - before == 1
    wave = wave_of(fingerprint(event.body), f"acme/widgets#{second}", seen, datetime.now(UTC))
    assert wave.is_wave and wave.authors == ("lurer-1",)
