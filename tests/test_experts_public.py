"""The public spotlight never tells who fell short: not in thanks, not in top helpers.

Checked on every path that makes it public: the CLI's ``--public`` (Markdown and JSON) and
``--publish`` to a repository file or a discussion.
"""

from __future__ import annotations

import asyncio
import json

from governance.cli import main
from tests import experts_seed as seed
from tests.fake_github import FakeGitHub

CONFIG = """\
ledger:
  repository: acme/ledger
experts:
  enabled: true
  team: acme/experts
  minimum: 10
  publish:
    {target}
"""


def seeded(fake: FakeGitHub, target: str = "path: docs/experts/{month}.md") -> dict[str, str]:
    """ada (12) met the minimum, cy (3) and bob (2) did not; dee (15) is no expert."""
    fake.add_repo(seed.REPO)
    fake.add_repo("acme/ledger", private=True)
    fake.add_file(seed.REPO, ".github/governance.yml", CONFIG.format(target=target))
    fake.add_team("acme", "experts", ["ada", "bob", "cy"])
    seed.answers(fake, "ada", 4, seed.day(11, 3))
    seed.comments(fake, "bob", 2, seed.day(11, 4))
    seed.reviews(fake, "cy", 3, seed.day(11, 5))
    seed.answers(fake, "dee", 5, seed.day(11, 6))
    seed.comments(fake, "eve", 1, seed.day(11, 7))  # a helper below every expert
    return {"GITHUB_API_URL": fake.url, "GITHUB_TOKEN": "t"}


async def report(env: dict[str, str], capsys, *extra: str) -> str:
    argv = ["experts", "report", "--month", "2026-11", "--repo", seed.REPO, *extra]
    assert await asyncio.to_thread(main, argv, env) == 0
    return str(capsys.readouterr().out)


async def test_public_markdown_leaves_out_experts_under_the_minimum(fake_github, capsys):
    env = seeded(fake_github)
    private = await report(env, capsys)
    assert "| @cy |" in private and "| @bob |" in private  # the maintainers see everything
    public = await report(env, capsys, "--public")
    assert "- @ada (12)" in public and "@dee" in public
    assert "@cy" not in public and "@bob" not in public
    # the places freed by them go to the next helpers, not to nobody
    assert "| 3 | @eve |" in public


async def test_public_json_leaves_out_experts_under_the_minimum(fake_github, capsys):
    env = seeded(fake_github)
    data = json.loads(await report(env, capsys, "--public", "--json"))
    helpers = [t["login"] for t in data["top_helpers"]]
    assert helpers == ["dee", "ada", "eve"]
    assert [e["login"] for e in data["experts"]] == ["ada"] and data["met"] == ["ada"]
    assert "cy" not in json.dumps(data) and "bob" not in json.dumps(data)


async def test_published_file_is_the_public_form(fake_github, capsys):
    env = seeded(fake_github)
    printed = await report(env, capsys, "--publish")
    text = fake_github.repo(seed.REPO).files["docs/experts/2026-11.md"].text
    assert "- @ada (12)" in text and "@dee" in text
    assert "@cy" not in text and "@bob" not in text and "grace" not in text
    # a scheduled workflow's log is public too
    assert "- @ada (12)" in printed and "@cy" not in printed and "grace" not in printed


async def test_published_discussion_is_the_public_form(fake_github, capsys):
    env = seeded(fake_github, "discussion_category: Announcements")
    await report(env, capsys, "--publish")
    (posted,) = [d for d in fake_github.repo(seed.REPO).discussions.values()
                 if d.title == "Community experts: 2026-11"]
    assert "- @ada (12)" in posted.body and "@dee" in posted.body
    assert "@cy" not in posted.body and "@bob" not in posted.body
