"""Logins that imitate a maintainer, GitHub itself or one of its well-known bots.

Needs ``context.author`` (the content author's login) and, for maintainers,
``context.maintainers``. A look-alike of a maintainer (homoglyphs, "-support"/"-official"
suffixes, one edit away) is a strong signal; a look-alike of GitHub or a bot
("dependabot-security", "github-support") is weaker, since a few old bot accounts had such
names, and only adds to what the text itself shows.
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.detect.doc import Doc
from governance.detect.edits import within_edits
from governance.detect.malware_links import deconfuse
from governance.model import Category, RuleHit

MALWARE = Category.MALWARE
SUFFIXES = ("-support", "-official", "-security", "-team", "-admin", "-help", "_support",
            "_official", "-dev", "-real", "official", "support", "-bot", "-alerts",
            "-notifications", "-staff", "-security-team", "-noreply", "security")
WELL_KNOWN = ("github", "dependabot", "github-actions")
MAINTAINER_SCORE = 0.6
WELL_KNOWN_SCORE = 0.4


def detect(doc: Doc) -> Iterator[RuleHit]:
    author = doc.context.author.lower()
    maintainers = [m.lower() for m in doc.context.maintainers]
    if not author or author in maintainers or author.endswith("[bot]"):
        return  # a real maintainer, or one of GitHub's app bots (their logins end in [bot])
    if any(_imitates(author, login) for login in maintainers):
        yield RuleHit("malware.impersonation", MALWARE, MAINTAINER_SCORE, (), severity=3)
    elif any(_imitates(author, name) for name in WELL_KNOWN):
        yield RuleHit("malware.impersonation", MALWARE, WELL_KNOWN_SCORE, (), severity=3)


def _imitates(author: str, login: str) -> bool:
    plain, target = deconfuse(author), deconfuse(login)
    stripped = plain
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        stripped = stripped.removesuffix(suffix)
    return stripped == target or (len(login) > 4 and plain != login and within_edits(plain, login, 1)) or (
        plain != author and plain == target)  # homoglyphs of the exact login
