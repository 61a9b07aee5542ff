"""Property tests of the ``/coc`` parser, the command planner and the summary escaping.

Random and adversarial comments never raise: ``parse_command`` answers None or a
``Command`` (a malformed one carries ``error``), ``plan_command`` answers a ``Plan`` whatever
the roles, and what it refuses does nothing. Logins, durations and echoed verbs stay within
GitHub's and the grammar's bounds, and parsing a comment of GitHub's maximum length stays
well inside the time a delivery has.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.messages import escape_markdown
from governance.model import PersonRecord, Skip, Surface, Target
from governance.policy.commands import (
    ANYONE,
    MAX_BAN,
    MAX_ECHO,
    NEEDS_LOGIN,
    ROLES,
    Command,
    TargetComment,
    Verb,
    parse_command,
    plan_command,
    role_of,
)
from tests.builders import NOW, config, event

GITHUB_MAX = 65_536  # characters in a comment
LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}")
PERMISSIONS = [*ROLES, "triage", "read", "none", "", "anyone", "ADMIN", "superuser"]
CONFIG = config(ledger={"repository": "acme/coc-ledger"})
PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces an attacker would combine: the command word in many spellings, verbs, logins,
# durations, odd white space (tabs, no-break and ideographic spaces, line separators), quotes,
# code fences and indentation, Markdown and HTML.
SPACES = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u3000", "\u2028", "\r\n", "\n", "\v"])
WORDS = st.sampled_from([
    "/coc", "/COC", "/Coc", "/coc/coc", "coc", "/cocx", "//coc", "\\/coc",
    *[v.value for v in Verb], "HIDE", "Ban", "frobnicate", "<img src=x>", "**x**",
    "@mallory", "@", "@-x", "@a" * 30, "@" + "b" * 39, "@" + "c" * 40, "@Ann-B", "@ann_b",
    "7d", "12h", "2w", "0h", "1h", "366d", "9999w", "52w", "permanent", "forever", "-1d",
    "spam", "abuse", "off-topic", ">", "> ", ">>", "```", "~~~", "    ", "`", "|", "#",
    "[x](https://evil.example)", "&#105;", "\u202e", "\u0336", "\ufe0f", "é", "😀", ""])
ADVERSARIAL = st.lists(st.one_of(WORDS, SPACES), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), ADVERSARIAL)


def target_comment(author: str) -> TargetComment:
    target = Target("acme/widgets", Surface.ISSUE_COMMENT, 7, "IC_target", 5,
                    "https://github.com/acme/widgets/issues/7#issuecomment-5")
    return TargetComment(target, author, "the comment a command is about")


@PROPERTY
@given(ANY_TEXT)
def test_parsing_never_raises_and_keeps_its_bounds(body: str):
    command = parse_command(body)
    if command is None:
        return
    assert isinstance(command, Command)
    assert (command.verb is None) == command.error.startswith("unknown command")
    if command.verb is None:
        assert len(command.error) <= len("unknown command '/coc '") + MAX_ECHO + 1
    if command.verb in NEEDS_LOGIN and not command.error:
        assert LOGIN.fullmatch(command.login)
    if command.duration is not None:
        assert timedelta(hours=1) <= command.duration <= MAX_BAN


@PROPERTY
@given(st.lists(st.one_of(st.just("> quoted"), st.just(""), st.just("   ")), max_size=4),
       st.integers(min_value=4, max_value=12), st.sampled_from([" ", "\t"]), ADVERSARIAL)
def test_a_command_in_an_indented_code_block_is_never_one(quotes: list[str], indent: int,
                                                          space: str, rest: str):
    line = (space * indent) + "/coc ban @mallory " + rest.replace("\n", " ")
    assert parse_command("\n".join([*quotes, line])) is None


@PROPERTY
@given(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=30), ADVERSARIAL)
def test_a_comment_whose_first_written_line_is_not_coc_is_no_command(first: str, rest: str):
    if first.lower().startswith("/coc") or first.startswith(">"):
        return
    assert parse_command(first + "\n" + rest) is None


@PROPERTY
@given(ANY_TEXT, st.sampled_from(PERMISSIONS), st.sampled_from(PERMISSIONS),
       st.sampled_from(["maintainer", "mallory", "MALLORY", "ann"]),
       st.sampled_from([None, "mallory", "maintainer", "bob"]))
def test_planning_never_raises_and_a_refusal_does_nothing(
        body: str, actor: str, subject: str, author: str, target_author: str | None):
    command = parse_command("/coc " + body)
    assert command is not None
    target = target_comment(target_author) if target_author else None
    login = command.login or (target_author or "")
    ev = event("/coc " + body, login=author, node_id="IC_cmd", rest_id=9,
               html_url="https://github.com/acme/widgets/issues/7#issuecomment-9")

    plan = plan_command(command, ev, actor, PersonRecord(login), CONFIG, NOW, target=target,
                        subject_permission=subject)

    if not plan.effective:
        assert all(isinstance(a, Skip) for a in plan.actions) and plan.reasons
        return
    assert login.lower() != author.lower()  # nobody acts on their own record
    if command.verb not in ANYONE:
        assert role_of(actor) > role_of(subject)  # only on a lower role


@PROPERTY
@given(ANY_TEXT)
def test_escaped_text_is_one_inert_line_that_reads_the_same(text: str):
    out = escape_markdown(text)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert re.search(r"(?<!\\)[`*_\[\]|~!#@^]", re.sub(r"\\\\", "", out)) is None
    assert "://" not in out.replace("\\://", "")
    unescaped = re.sub(r"\\(.)", r"\1", out)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")):
        unescaped = unescaped.replace(entity, char)
    assert unescaped == " ".join(text.split())


def test_parsing_a_comment_of_githubs_maximum_length_is_quick():
    """Loose bounds (the machine is shared): the parser is linear in the comment."""
    cases = {
        "quotes": "> quoted line\n" * (GITHUB_MAX // 14),
        "spaces after /coc": "/coc" + " " * (GITHUB_MAX - 4),
        "one long verb": "/coc " + "x" * (GITHUB_MAX - 5),
        "long reason": "/coc ban @mallory 7d " + "why " * ((GITHUB_MAX - 21) // 4),
        "blank lines": "\n" * (GITHUB_MAX - 5) + "/coc",
        "tabs": "\t" * GITHUB_MAX,
    }
    for name, body in cases.items():
        assert len(body) <= GITHUB_MAX
        start = time.perf_counter()
        parse_command(body)
        assert time.perf_counter() - start < 0.25, name
