"""Every text the bot shows to people. Tests compare against these constants.

Public texts name the rule and link to the code of conduct; they never quote the content,
personal data, codes or email addresses.
"""

from __future__ import annotations

import re
from string import Template

from governance.model import Category, Notify, Step

# Anchors in CODE_OF_CONDUCT.md that the bot's messages link to, by rule category and by
# ladder step name (the vocabularies of schema.json). tests/test_coc_template.py keeps the
# template's headings, this table and the schema in step.
COC_SECTIONS: dict[str, str] = {
    "pledge": "#pledge",
    "expected": "#expected-behaviour",
    "abuse": "#unacceptable-behaviour",
    "solicitation": "#no-solicitation",
    "pii": "#privacy",
    "malware": "#malware-and-impersonation",
    "report": "#how-to-report",
    "ladder": "#enforcement-ladder",
    "correction": "#correction",
    "warning": "#warning",
    "temporary-ban": "#temporary-ban",
    "permanent-ban": "#permanent-ban",
    "appeals": "#appeals-and-false-positives",
}

CATEGORY_NAMES: dict[Category, str] = {
    Category.ABUSE: "harassment and abuse",
    Category.SOLICITATION: "solicitation and spam",
    Category.PII: "personal data and secrets",
    Category.MALWARE: "malware, phishing and impersonation",
}

HIDDEN_NOTICE = Template(
    "A comment in this thread was hidden by the code-of-conduct bot under the rule on "
    "$category ($coc$anchor). If you think this was a mistake, a maintainer can restore it "
    "with `/coc unhide`."
)

MALWARE_NOTICE = Template(
    "A comment in this thread linked to a suspicious download and was hidden by the "
    "code-of-conduct bot ($coc$anchor). Please do not download or run files linked from "
    "comments; use the project's own releases."
)

NOTICES: dict[Category, Template] = {Category.MALWARE: MALWARE_NOTICE}

REDACTED_MARKER = "[redacted by the code-of-conduct bot]"

CORRECTION_SUBJECT = Template("A note about your contribution to $repo")
CORRECTION_BODY = Template(
    "Hello @$login,\n\n"
    "Something you posted in $repo ($url) broke the project's code of conduct, under the rule "
    "on $category: $coc$anchor\n\n"
    "This is a private correction, the first step of the project's enforcement ladder. Nothing "
    "public has been said about you. Please keep the rule in mind in future contributions.\n\n"
    "If you believe this was a mistake, reply to this message or contact the moderators.\n"
)

WARNING_SUBJECT = Template("Warning: code of conduct in $repo")
WARNING_BODY = Template(
    "Hello @$login,\n\n"
    "This is a formal warning from the moderators of $repo. Content you posted ($url) broke the "
    "code of conduct under the rule on $category: $coc$anchor\n\n"
    "Please do not interact with the people involved for $period. A further breach within "
    "the escalation window leads to a temporary ban.\n"
)
WARNING_COMMENT = Template(
    "@$login, this is a formal warning under the code of conduct ($coc$anchor). "
    "Please keep the discussion civil and on topic; further breaches lead to a ban."
)

BAN_SUBJECT = Template("You have been blocked from $org")
BAN_BODY = Template(
    "Hello @$login,\n\nUnder the code of conduct of $org ($coc$anchor) you have been "
    "blocked $until.\n"
)

# Repositories owned by a person: GitHub lets no App block anyone there (config
# ``ladder.user_repository_bans``), so these notices never say "blocked".
BAN_RECORDED_SUBJECT = Template("A ban under the code of conduct of $repo")
BAN_RECORDED_BODY = Template(
    "Hello @$login,\n\nThe maintainers of $repo have recorded a ban on you under its code of "
    "conduct ($coc$anchor), $ban_end. Please do not take part in $repo during it. The "
    "repository belongs to a personal account, and GitHub does not let the project's bot "
    "block anyone from it; its owner, @$org, may block you from their account.\n"
)
BAN_COLLABORATORS_SUBJECT = Template("$repo is limited to collaborators")
BAN_COLLABORATORS_BODY = Template(
    "Hello @$login,\n\nThe maintainers of $repo have recorded a ban on you under its code of "
    "conduct ($coc$anchor), $ban_end. GitHub does not let the project's bot block one person "
    "from a repository owned by a personal account, so $repo is limited to its collaborators "
    "$limit_end: only they can comment or open issues and pull requests there.\n"
)

# Personal data or a secret removed from a post (``policy.removal``): a notice of its own
# when no step of the ladder sends one, and paragraphs added to the step's notice.
REMOVED_SUBJECT = Template("Your post in $repo was removed")
REMOVED_BODY = Template(
    "Hello @$login,\n\nSomething you posted in $repo ($url) showed personal data or a "
    "secret, which its code of conduct does not allow in public ($coc$anchor).\n"
)
REMOVED_DELETED = Template(
    "\nYour comment was deleted, not edited: GitHub keeps every earlier version of an edited "
    "comment in its edit history, where anyone can open it. Here is your text with the data "
    "removed, so you can post it again:\n\n$text\n"
)
REMOVED_REDACTED = (
    "\nThe data was replaced in your post. Its earlier version stays in the post's edit "
    "history until a maintainer deletes that revision; they have been asked to.\n"
)
REMOVED_SECRET = (
    "\nIt contained a secret (a token, key or password). Revoke it now and create a new one: "
    "a secret that was posted publicly is compromised, even if it was removed within "
    "seconds, because automated scanners copy public GitHub content continuously.\n"
)
REMOVED_MARKER = "[removed]"
# The ledger's review item for a redacted post: GitHub has no API to delete a revision.
HISTORY_REVIEW = (
    "personal data or a secret was redacted from {url}, but GitHub keeps the earlier "
    "revision in the edit history, where anyone can open it. A maintainer must delete it by "
    "hand: open {url}, click \"edited\" at the top of the post, choose each revision that "
    "shows the data, then \"Delete revision from history\". If it may have been indexed or "
    "copied (search engines, mirrors), ask GitHub Support to purge cached views: "
    "https://support.github.com/contact"
)
ORIGINAL_KEPT = "personal data or a secret removed from {url}; the original is kept here"

# What the ledger and the plan say about a ban in a repository owned by a person.
USER_REPO_BAN_RECORDED = (
    "recorded only: GitHub does not let an App block one person from a repository owned by "
    "a personal account, so no block or limit was set. The owner, @{owner}, can block "
    "@{login} from their own account: Settings, then Moderation, then Blocked users; type "
    "{login} under \"Block a user\" and click \"Block user\"."
)
USER_REPO_COLLABORATORS_ONLY = (
    "limited {repo} to collaborators ({expiry}): GitHub does not let an App block one person "
    "from a repository owned by a personal account, so everyone who is not a collaborator is "
    "paused there until the limit runs out."
)
USER_REPO_UNBLOCK_BY_OWNER = (
    "Nothing to unblock on GitHub: the ban was recorded only. If the owner, @{owner}, blocked "
    "@{login} from their account, only they can lift it: Settings, then Moderation, then "
    "Blocked users, then Unblock."
)
USER_REPO_LIMIT_LEFT = (
    "The collaborators-only interaction limit on {repo} is left to run out by itself (the bot "
    "does not lift it early, as other bans may need it). A repository admin can remove it "
    "sooner: Settings, then Moderation options, then Interaction limits."
)

# Appeals (``ladder.appeal_days``): every notice of a step says how and until when; the
# person is told privately what became of an appeal.
APPEAL_PARAGRAPH = Template(
    "\nYou may appeal this decision $deadline: comment `/coc appeal <your reason>` in any "
    "thread of $repo, or reply to this e-mail (replies go to the moderators; if you are "
    "blocked, this is the way). A moderator who was not involved in the decision answers "
    "it, and you are told the outcome privately. Each decision can be appealed once.\n"
)
APPEAL_STEP_TEMPLATES = frozenset({"correction", "warning", "ban", "ban-recorded",
                                   "ban-collaborators"})
APPEAL_RECEIVED_SUBJECT = Template("Your appeal in $repo was received")
APPEAL_RECEIVED_BODY = Template(
    "Hello @$login,\n\nYour appeal of the decision about $url was received and is now with "
    "the moderators of $repo. A moderator who was not involved in the decision will answer "
    "it, and you will be told the outcome privately.\n"
)
APPEAL_REFUSED_SUBJECT = Template("About your appeal in $repo")
APPEAL_REFUSED_BODY = Template(
    "Hello @$login,\n\nThank you for writing. We could not open an appeal: $category. If "
    "something new has come up, reply to this e-mail and the moderators will read it.\n"
)
APPEAL_UPHELD_SUBJECT = Template("Your appeal in $repo: the decision stands")
APPEAL_UPHELD_BODY = Template(
    "Hello @$login,\n\nA moderator of $repo who was not involved in the decision reviewed "
    "your appeal about $url and upheld the decision. Their reason: $category\n\nThis "
    "answers the appeal; it is not held against you.\n"
)
APPEAL_GRANTED_SUBJECT = Template("Your appeal in $repo was granted")
APPEAL_GRANTED_BODY = Template(
    "Hello @$login,\n\nA moderator of $repo reviewed your appeal about $url and undid the "
    "decision: it no longer counts on your record. Thank you for telling us.\n"
)

# The ledger's record that a private notice went out by email: the channel, never the address.
NOTICE_TITLES: dict[str, str] = {"correction": "Correction", "warning": "Warning", "ban": "Ban",
                                 "ban-recorded": "Ban", "ban-collaborators": "Ban",
                                 "removed": "Removal", "appeal-received": "Appeal received",
                                 "appeal-refused": "Appeal refused",
                                 "appeal-upheld": "Appeal upheld",
                                 "appeal-granted": "Appeal granted"}
NOTICE_EMAILED = Template("$what notice sent to @$login by email ($source).")
EMAIL_SOURCES: dict[str, str] = {
    "profile": "their public profile address",
    "commit": "the address of their commits in the pull request",
}

SKIP_BENIGN = "no rule reached its threshold"
SKIP_EXEMPT = "the author is exempt ({why})"
SKIP_DISABLED = "moderation is disabled"
SKIP_SURFACE = "{surface} is not moderated by configuration"
SKIP_UNCHANGED = "the edit did not change the text"
SKIP_EDITS_OFF = "edits are not checked by configuration"
SKIP_NO_LEDGER = "no ledger repository is configured, so no step of the ladder was recorded"
SKIP_KNOWN = "this content is already recorded in the ledger"
NOTICE_RESENT = "the private notice of its step has no record of being sent; sending it now"


# Characters that start Markdown markup (emphasis, code, links and images, tables,
# strike-through, headings, footnotes, mentions): escaped with a backslash.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~!#@^])")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape_markdown(text: str) -> str:
    """Text someone else wrote (a verb, a reason, a login, an error) as one line of inert
    Markdown for a public surface (job summaries, comments): no markup, HTML, link, image,
    table break or autolinked URL can come out of it; it reads as the same characters."""
    line = " ".join(text.split()).translate(_HTML)
    line = _MARKDOWN.sub(r"\\\1", line)
    # GitHub autolinks bare URLs and www. names: an escaped colon or dot stops that.
    return line.replace("://", "\\://").replace("www.", "www\\.")


def coc_url(repo: str) -> str:
    """Where the repository's code of conduct is read on GitHub (HEAD: the default branch)."""
    return f"https://github.com/{repo}/blob/HEAD/CODE_OF_CONDUCT.md"


NOTICE_TEMPLATES: dict[str, tuple[Template, Template]] = {
    "correction": (CORRECTION_SUBJECT, CORRECTION_BODY),
    "warning": (WARNING_SUBJECT, WARNING_BODY),
    "ban": (BAN_SUBJECT, BAN_BODY),
    "ban-recorded": (BAN_RECORDED_SUBJECT, BAN_RECORDED_BODY),
    "ban-collaborators": (BAN_COLLABORATORS_SUBJECT, BAN_COLLABORATORS_BODY),
    "removed": (REMOVED_SUBJECT, REMOVED_BODY),
    "appeal-received": (APPEAL_RECEIVED_SUBJECT, APPEAL_RECEIVED_BODY),
    "appeal-refused": (APPEAL_REFUSED_SUBJECT, APPEAL_REFUSED_BODY),
    "appeal-upheld": (APPEAL_UPHELD_SUBJECT, APPEAL_UPHELD_BODY),
    "appeal-granted": (APPEAL_GRANTED_SUBJECT, APPEAL_GRANTED_BODY),
}


def render_notice(action: Notify, coc: str = "") -> tuple[str, str]:
    """Subject and plain-text body of a private notice about a ladder step."""
    subject, body = NOTICE_TEMPLATES[action.template]
    category = Category(action.reason) if action.reason in Category.__members__.values() else None
    values = {
        "login": action.login,
        "repo": action.repo,
        "org": action.repo.split("/", 1)[0],
        "url": action.url,
        "category": CATEGORY_NAMES[category] if category else action.reason,
        "coc": coc or coc_url(action.repo),
        "anchor": COC_SECTIONS[category.value] if category else "",
        "period": "1 day" if action.quiet_days == 1 else f"{action.quiet_days} days",
        "until": _ban_end(action),
        "ban_end": _recorded_end(action),
        "limit_end": _limit_end(action),
    }
    return (subject.substitute(values),
            body.substitute(values) + _removal(action) + _appeal(action))


def _appeal(action: Notify) -> str:
    """How to appeal a step, and until when."""
    if action.template not in APPEAL_STEP_TEMPLATES:
        return ""
    end = action.appeal_by
    deadline = f"until {end.day} {end:%B %Y}" if end else "within the appeal period"
    return APPEAL_PARAGRAPH.substitute(deadline=deadline, repo=action.repo)


def _removal(action: Notify) -> str:
    """What the notice adds when personal data or a secret was removed from the post."""
    out = ""
    if action.removed == "deleted":
        out += REMOVED_DELETED.substitute(text=_quoted(action.removed_text))
    elif action.removed == "redacted":
        out += REMOVED_REDACTED
    return out + (REMOVED_SECRET if action.secret else "")


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines()) or "> "


def _ban_end(action: Notify) -> str:
    if action.step is not Step.TEMPORARY_BAN:
        return "permanently"
    if action.until is None:
        return "for a limited time"
    return f"until {action.until.day} {action.until:%B %Y}"


def _recorded_end(action: Notify) -> str:
    return "with no end date" if action.step is not Step.TEMPORARY_BAN else _ban_end(action)


def _limit_end(action: Notify) -> str:
    """When a collaborators-only limit ends (GitHub's limits last six months at most)."""
    end = action.limit_until
    return f"until {end.day} {end:%B %Y}" if end else "for a limited time"


def notice_emailed(action: Notify, source: str) -> str:
    """The ledger's note that ``action`` was emailed; ``source``: a key of EMAIL_SOURCES."""
    return NOTICE_EMAILED.substitute(what=NOTICE_TITLES[action.template], login=action.login,
                                     source=EMAIL_SOURCES[source])
