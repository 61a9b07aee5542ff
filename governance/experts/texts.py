"""Every text the expert programme writes: notices, ledger entries, issue bodies."""

from __future__ import annotations

from governance.experts.activity import Kind
from governance.experts.months import Month, last_day, long_date, pro_rata
from governance.experts.records import Channel, Closing, Notice, Outcome, encode

LEDGER_LABEL = "expert-programme"

KIND_NAMES = {
    Kind.ANSWER: "accepted answers",
    Kind.DISCUSSION_COMMENT: "discussion comments",
    Kind.QUESTION_COMMENT: "comments on questions",
    Kind.REVIEW: "pull request reviews",
}

_CHANNEL_NOTE = {
    Channel.EMAIL: "You receive this by email because your GitHub profile shows a public "
                   "email address.",
    Channel.LEDGER: "Your GitHub profile shows no public email address, so this notice is a "
                    "mention in the maintainers' private ledger; you can read it only if they "
                    "gave you access to that repository.",
}


def ledger_title(month: Month) -> str:
    return f"Expert programme {month}"


def ledger_body(month: Month) -> str:
    return (
        f"Private records of the community expert programme for {month}: inactivity notices "
        f"for that month and how their grace periods ended.\n\n"
        "Written by the governance bot. Each entry carries a hidden record the bot reads back "
        "on its next run: please leave the `<!-- governance:experts:v1 ... -->` markers alone."
    )


def notice_subject(notice: Notice) -> str:
    return f"Your community expert status: activity in {notice.month}"


def notice_text(notice: Notice, repositories: str) -> str:
    deadline = long_date(last_day(notice.grace))
    needed = pro_rata(notice.required, notice.grace)
    return "\n".join([
        f"Hello @{notice.login},",
        "",
        f"thank you for being one of the community experts of {repositories}.",
        f"In {notice.month} (UTC) your activity there counted {notice.score:g}, under the "
        f"programme's minimum of {notice.required:g} a month.",
        "",
        f"To keep your expert status, reach {needed:g} between "
        f"{long_date(notice.grace.start)} and the end of {deadline} (UTC). Accepted answers "
        "in discussions count most; other discussion comments, comments on questions and "
        "pull request reviews count too. If you stay under that, your expert status ends on "
        f"{long_date(notice.grace.end)}; you are welcome back any time.",
        "",
        _CHANNEL_NOTE[notice.channel],
        "",
        "If something keeps you away, let the maintainers know; nothing else is needed.",
    ])


def ledger_notice(notice: Notice, repositories: str) -> str:
    """The ledger comment for a notice: the notice itself, or a record that it was emailed."""
    if notice.channel is Channel.LEDGER:
        text = notice_text(notice, repositories)
    else:
        text = (f"Inactivity notice for {notice.month} sent to @{notice.login} by email "
                f"({notice.score:g} of {notice.required:g}); grace until the end of "
                f"{last_day(notice.grace):%Y-%m-%d} UTC.")
    return f"{text}\n\n{encode(notice)}"


def ledger_closing(closing: Closing) -> str:
    text = {
        Outcome.KEPT: (f"@{closing.login} re-engaged during the grace period for "
                       f"{closing.month} ({closing.score:g} of {closing.required:g}) and keeps "
                       "the expert status."),
        Outcome.LEFT: (f"The grace period of @{closing.login} for {closing.month} ended; they "
                       "were no longer an expert, so nothing was changed."),
        Outcome.REVOKED: _revoked(closing),
    }[closing.outcome]
    return f"{text}\n\n{encode(closing)}"


def _revoked(closing: Closing) -> str:
    removed = (f"The bot removed them from: {'; '.join(closing.removed_from)}."
               if closing.removed_from else NOTHING_REMOVED)
    text = (f"@{closing.login}'s expert status ended on {closing.at:%Y-%m-%d} (UTC): "
            f"{closing.score:g} of {closing.required:g} during the grace period for "
            f"{closing.month}. {removed}")
    steps = by_hand_steps(closing.login, closing.label_by_hand, closing.listed)
    if not steps:
        return text
    return "\n".join([text, "", BY_HAND_HEAD, *(f"- {step}" for step in steps)])


# ------------------------------------------------------- what the bot cannot change

BY_HAND_HEAD = "A maintainer must do this by hand; the bot removes team memberships only:"
NOTHING_REMOVED = "The bot had no team membership to remove."


def remove_label_step(login: str, label: str) -> str:
    return (f"take the `{label}` label (experts.label) away from @{login} wherever it was "
            "given; the bot cannot remove it")


def delete_login_step(login: str) -> str:
    return (f"delete `{login}` from `experts.logins` in `.github/governance.yml` (the "
            "repository's or the organisation's); the bot does not edit the config, and until "
            "then the revocation record keeps them out of the programme")


def by_hand_steps(login: str, label: str, listed: bool) -> tuple[str, ...]:
    """The to-do list for the maintainers after a revocation, in the order to do it."""
    steps = [remove_label_step(login, label)] if label else []
    return (*steps, delete_login_step(login)) if listed else tuple(steps)
