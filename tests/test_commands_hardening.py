"""Moderator commands under attack (issue 11, findings 6, 7 and 12): roles are ranked,
nobody acts on their own record, refusals are logged without content or people, code
blocks give no command, and what a moderator typed reaches the job summary escaped.

Commands run through the real handler, adapter and fake GitHub (``ledger_world``).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from governance.action.outputs import ActionReport, summary_markdown
from governance.ledger.state import EntryKind
from governance.messages import escape_markdown
from governance.model import Plan, Skip
from governance.policy.commands import Role, parse_command, role_of
from tests.fake_github import FakeGitHub
from tests.ledger_world import ORG, REPO, World, world_fixture  # noqa: F401  (the fixture)
from tests.test_action import TOKEN, run_cli, workflow_env
from tests.test_app import fake  # noqa: F401  (the App tests' fake: an installation, a repo)
from tests.test_app_payloads import comment_delivery

# ------------------------------------------------------------------ roles (finding 6)

PEOPLE = {"own-er": "owner", "adm": "admin", "main": "maintain", "wri": "write",
          "tri": "triage", "rea": "read"}


@pytest.fixture
def ranked(world: World) -> World:
    """One person of each role in the repository (the owner owns the organisation)."""
    for login, role in PEOPLE.items():
        if role == "owner":
            world.fake.add_owner(ORG, login)
        else:
            world.fake.set_permission(REPO, login, role)
    return world


def blocked(world: World) -> set[str]:
    return world.fake.orgs[ORG].blocks


@pytest.mark.parametrize(("actor", "subject"), [
    ("wri", "adm"), ("wri", "own-er"), ("wri", "main"), ("wri", "wri2"), ("main", "adm"),
    ("adm", "own-er"), ("adm", "adm2"), ("modteam", "wri")])
@pytest.mark.parametrize("verb", ["ban @{} 7d", "warn @{}", "note @{} note", "pardon @{}",
                                  "unban @{}"])
async def test_nobody_acts_on_a_person_of_equal_or_higher_role(ranked: World, actor: str,
                                                                subject: str, verb: str):
    if subject.endswith("2"):
        ranked.fake.set_permission(REPO, subject, PEOPLE[subject[:-1]])
    before = len(ranked.fake.writes)

    plan = await ranked.command(f"/coc {verb.format(subject)}", actor)

    assert "equal or higher role" in plan.reasons[0]
    assert f"@{subject}" in plan.reasons[0]
    assert [w for w in ranked.fake.writes[before:]] == []  # no block, hide or ledger write
    assert subject not in blocked(ranked)


@pytest.mark.parametrize(("actor", "subject"), [
    ("wri", "tri"), ("wri", "rea"), ("wri", "outsider"), ("main", "wri"), ("adm", "main"),
    ("own-er", "adm"), ("modteam", "rea")])
async def test_a_higher_role_acts_on_a_lower_one(ranked: World, actor: str, subject: str):
    plan = await ranked.command(f"/coc warn @{subject} be civil", actor)

    assert plan.effective, plan.reasons
    (incident,) = (await ranked.state(subject)).of_kind(EntryKind.INCIDENT)
    assert incident.by == actor


async def test_a_writer_cannot_hide_an_admins_comment(ranked: World):
    comment = ranked.post("I am the admin and I say so", "adm")

    plan = await ranked.command("/coc hide", "wri")

    assert "equal or higher role (admin)" in plan.reasons[0]
    assert ranked.fake.comments[comment.node_id].minimized_as is None


def test_roles_are_ranked_owner_admin_maintain_write_then_the_rest():
    ranks = [role_of(p) for p in ("owner", "admin", "maintain", "write", "triage", "read",
                                  "none", "")]
    assert ranks == [Role.OWNER, Role.ADMIN, Role.MAINTAIN, Role.WRITE, Role.NONE, Role.NONE,
                     Role.NONE, Role.NONE]
    assert role_of("moderator") is Role.WRITE  # the configured team: a writer's standing


# -------------------------------------------------------------- oneself (finding 7)


@pytest.mark.parametrize("verb", ["pardon @{}", "unban @{}", "warn @{}", "ban @{} 2d",
                                  "note @{} all good", "hide", "unhide", "report"])
async def test_nobody_acts_on_their_own_record(ranked: World, verb: str):
    await ranked.incident(ranked.post("an earlier comment of mine", "main"))
    before = len(ranked.fake.writes)

    plan = await ranked.command(f"/coc {verb.format('main')}", "main")

    assert "nobody acts on their own record" in plan.reasons[0]
    assert ranked.fake.writes[before:] == []
    record = (await ranked.state("main")).record()
    assert [i.pardoned for i in record.incidents] == [False]


async def test_the_owner_cannot_pardon_themselves_either(ranked: World):
    plan = await ranked.command("/coc pardon @OWN-ER", "own-er")
    assert "nobody acts on their own record" in plan.reasons[0]


# ------------------------------------------------- code blocks give no command (finding 12)


@pytest.mark.parametrize("body", [
    "    /coc ban @mallory 7d", "\t/coc ban @mallory 7d", "        /coc ban @mallory",
    "\n\n    /coc ban @mallory", "```\n/coc ban @mallory\n```", "~~~\n/coc ban @mallory\n~~~",
    "> /coc ban @mallory", "`/coc ban @mallory`"])
def test_code_and_quotes_only_show_a_command(body: str):
    assert parse_command(body) is None


@pytest.mark.parametrize("body", ["/coc ban @mallory", "   /coc ban @mallory",
                                  "> quoted\n\n/coc ban @mallory", "\n\n/coc ban @mallory"])
def test_written_commands_still_count(body: str):
    command = parse_command(body)
    assert command is not None and command.login == "mallory"


async def test_an_indented_command_blocks_nobody(world: World):
    before = len(world.fake.writes)
    plan = await world.command("Docs example:\n\n    /coc ban @mallory 7d", "maintainer")
    plan_indented = await world.command("    /coc ban @mallory 7d", "maintainer")
    assert plan.reasons == plan_indented.reasons == ("not a /coc command",)
    assert world.fake.writes[before:] == [] and "mallory" not in blocked(world)


# ------------------------------------------------------------ refusals are logged (12)


@pytest.mark.parametrize(("body", "author", "why"), [
    ("/coc ban @mallory 7d", "reader", "permission"),
    ("/coc frobnicate-mallory-555-0100", "maintainer", "malformed"),
    ("/coc pardon @maintainer", "maintainer", "oneself"),
    ("/coc ban @mallory 9999w", "maintainer", "malformed")])
async def test_every_refused_command_is_logged_without_content_or_people(
        world: World, caplog: pytest.LogCaptureFixture, body: str, author: str, why: str):
    caplog.set_level(logging.INFO, logger="governance.coc")

    plan = await world.command(body, author)

    assert not plan.effective
    [line] = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert line.endswith(f": {why}") and REPO in line
    for private in ("mallory", author, "555-0100", "9999w"):
        assert private not in line


async def test_an_edited_command_refusal_is_logged_too(world: World,
                                                       caplog: pytest.LogCaptureFixture):
    from dataclasses import replace

    from governance.coc import handle_command

    caplog.set_level(logging.INFO, logger="governance.coc")
    event = replace(world.post("/coc ban @mallory", "maintainer"), action="edited")
    await handle_command(event, world.config, world.github, world.ledger, world.clock.now())
    assert any(r.getMessage().endswith(": edited") for r in caplog.records)


# ----------------------------------------------------- escaped in the summary (12)

NASTY_VERB = "<img/src=x/onerror=alert(1)>**big**[click](https://evil.example/x)|@org/team"


def test_escaping_leaves_no_markup_html_link_or_table_break():
    out = escape_markdown(f"unknown command '/coc {NASTY_VERB}'\n# heading ~~s~~ `code`")
    for raw in ("<img", "**big**", "[click](", "https://", "|@", "\n", "~~s", "`code`"):
        assert raw not in out
    assert "&lt;img/src=x/onerror=alert(1)&gt;" in out


def test_the_unknown_verb_is_escaped_and_cut_in_the_summary():
    command = parse_command(f"/coc {NASTY_VERB} and more")
    assert command is not None and command.verb is None
    plan = Plan("coc-command:IC_1", (Skip(command.error),), (command.error,), None, False)
    summary = summary_markdown(ActionReport("issue_comment", "acme/widgets", plan))
    assert "<img" not in summary and "**big**" not in summary and "[click](" not in summary
    # A refused command's reason is not a public sentence (governance/public.py): where an
    # error does reach a summary, it goes through the one escaping helper.
    assert "&lt;img" in escape_markdown(command.error)
    assert "…" in command.error and "@org" not in command.error


async def test_the_actions_summary_escapes_a_moderators_unknown_verb(
        fake: FakeGitHub, tmp_path: Path):  # noqa: F811
    assert fake.valid_tokens is not None
    fake.valid_tokens.add(TOKEN)
    fake.add_repo("acme/coc-ledger", private=True)
    fake.add_file("acme/widgets", ".github/governance.yml",
                  "ledger:\n  repository: acme/coc-ledger\n")
    fake.set_permission("acme/widgets", "mod-ann", "maintain")
    sent, _ = comment_delivery(fake, "/coc <b>hi</b>**x**", author="mod-ann")
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    summary = (tmp_path / "summary.md").read_text()
    assert "## Code of conduct check" in summary
    assert "<b>" not in summary and "**x**" not in summary


async def test_a_quote_reply_hides_a_comment_that_starts_with_coc(world: World):
    bad = world.post("/coc x you are all idiots", "mallory")
    world.post("I disagree politely", "bob")

    await world.command("> /coc x you are all idiots\n\n/coc hide", "maintainer")

    assert world.fake.comments[bad.node_id].minimized_as == "ABUSE"


async def test_an_unreadable_org_membership_keeps_two_admins_equal(ranked: World):
    """Without the members permission GitHub answers 403: nobody counts as an owner, so an
    owner cannot be told from an admin and neither acts on the other."""
    ranked.fake.set_permission(REPO, "adm2", "admin")
    ranked.fake.inject("status", method="GET", path=r"/orgs/acme/memberships/.*", status=403,
                       times=10)

    plan = await ranked.command("/coc ban @adm2 7d", "own-er")

    assert "equal or higher role (admin)" in plan.reasons[0]
    assert "adm2" not in blocked(ranked)
