"""Carrying a plan out: the one place where each action meets the ports.

Moderation (the service), ``/coc`` commands and the sweep all hand their plans here. Actions
run in order and the first failure stops the plan (the caller retries it); every action is
safe to repeat, so a retried or redelivered plan changes nothing that was already done:

- hiding, labels, locks, blocks and interaction limits are idempotent on GitHub;
- a redaction or deletion checks that the text is still the version it was decided on, and a
  comment that is gone already counts as deleted;
- ledger entries are keyed, and a step decided on an outdated record is refused
  (``StaleRecord``), so the caller decides it again;
- a public comment carries a hidden marker of its plan and text and is not posted twice;
- a private notice follows the ledger entry of its step and leaves a note of its own there
  (sent by email, or its text kept); a redelivery that finds the step without that note
  plans the notice again, with the same Message-ID (``policy.moderation.unsent``);
- the ban index is updated after the ledger entry, by the incident's key.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from governance import messages
from governance.model import (
    Action,
    AddLabel,
    BlockUser,
    DeleteComment,
    Field,
    HideComment,
    LimitInteractions,
    Lock,
    Notify,
    Plan,
    PostComment,
    RecordBanLifted,
    RecordIncident,
    RecordNote,
    RecordPardon,
    RecordReview,
    Redact,
    RemoveLabel,
    ResumeModeration,
    Skip,
    Step,
    UnblockUser,
    UnhideComment,
)
from governance.policy.breaker import is_open, resumed
from governance.policy.recognition import pick_email
from governance.policy.redaction import apply_redaction
from governance.policy.waves import fingerprint
from governance.ports import (
    ActiveBan,
    BanList,
    BreakerStore,
    GitHub,
    LedgerStore,
    Mailer,
    NotFound,
)

log = logging.getLogger("governance.executor")

Handler = Callable[[Any], Awaitable[None]]
LABEL_DESCRIPTION = "Set by the code-of-conduct bot"
LEDGER_ACTIONS = (RecordIncident, RecordReview, RecordPardon, RecordNote, RecordBanLifted)


def comment_marker(key: str, body: str) -> str:
    """The invisible tag of the bot's comment for one plan (a content version) and text."""
    digest = hashlib.sha256(f"{key}\x00{body}".encode()).hexdigest()[:16]
    return f"<!-- governance:comment {digest} -->"


@dataclass
class Executor:
    github: GitHub
    ledger: LedgerStore | None = None
    mailer: Mailer | None = None  # without one, private notices stay in the ledger
    extra_handlers: Mapping[type[Action], Handler] = field(default_factory=dict)
    bans: BanList | None = None  # the ledger's index of active bans (ban-evasion checks)
    breaker: BreakerStore | None = None  # the circuit breakers' state beside the ledger

    async def carry_out(self, plan: Plan) -> tuple[str, ...]:
        """Carry the actions out in order; the kinds of those done."""
        done: list[str] = []
        for action in plan.actions:
            await self.dispatch(action, plan.key)
            done.append(action.kind)
        return tuple(done)

    async def dispatch(self, action: Action, key: str = "") -> None:
        if isinstance(action, LEDGER_ACTIONS):
            await self._record(action)
        elif isinstance(action, PostComment):
            await self._comment_once(action, key)
        elif isinstance(action, Notify):
            await self._notify(action)
        elif isinstance(action, Redact):
            await self._redact(action)
        elif isinstance(action, DeleteComment):
            await self._delete(action)
        elif isinstance(action, ResumeModeration):
            await self._resume(action)
        elif type(action) in self.extra_handlers:
            await self.extra_handlers[type(action)](action)
        else:
            await self._on_github(action)

    async def _resume(self, action: ResumeModeration) -> None:
        """End review mode; a repository not in it (or a redelivery) changes nothing."""
        store = self.breaker
        if store is None or not is_open(await store.state(action.repo), action.at):
            return
        await store.change(action.repo, lambda s: resumed(s, action.by, action.at))
        await store.record_resume(action.repo, action.by, action.reason)

    async def _on_github(self, action: Action) -> None:
        gh = self.github
        match action:
            case Skip():
                return
            case HideComment(target=t, classifier=c):
                await gh.minimize(t.node_id, c)
            case UnhideComment(target=t):
                await gh.unminimize(t.node_id)
            case AddLabel(target=t, label=label):
                await gh.add_label(t, label, LABEL_DESCRIPTION)
            case RemoveLabel(target=t, label=label):
                await gh.remove_label(t, label)
            case Lock(target=t, reason=r):
                await gh.lock(t, r)
            case BlockUser(org=org, login=login):
                await gh.block(org, login)
            case UnblockUser(org=org, login=login):
                await gh.unblock(org, login)
            case LimitInteractions(repo=repo, limit=limit, expiry=expiry):
                await gh.limit_interactions(repo, limit, expiry)
            case _:
                log.warning("no handler for action %s; skipped", action.kind)

    async def _record(self, action: Action) -> None:
        ledger = self.ledger
        if ledger is None:
            # The Action's log is public: which record (a review item on benign content, a
            # step) would hint at a suspicion, so the warning names none.
            log.warning("no ledger configured; a private record was not kept")
            return
        match action:
            case RecordIncident():
                await ledger.record_incident(action)
                await self._ban_added(action)
            case RecordReview():
                await ledger.record_review(action)
            case RecordPardon():
                await ledger.record_pardon(action)
                await self._ban_ended(action.login, action.incident_key)
            case RecordNote():
                await ledger.record_note(action)
            case RecordBanLifted():
                await ledger.record_ban_lifted(action)
                await self._ban_ended(action.login, action.incident_key)

    async def _ban_added(self, action: RecordIncident) -> None:
        """After the ledger has the step: the ban index learns of a new ban (idempotent)."""
        incident = action.incident
        if self.bans is None or incident.step < Step.TEMPORARY_BAN:
            return
        fp = fingerprint(action.original_text)
        await self.bans.add_ban(ActiveBan(action.login, incident.key, incident.expires_at,
                                          () if fp is None else (fp,)))

    async def _ban_ended(self, login: str, incident_key: str) -> None:
        if self.bans is not None:
            await self.bans.remove_ban(login, incident_key)

    async def _comment_once(self, action: PostComment, key: str) -> None:
        """Post unless an earlier delivery of the same plan already did (marker first)."""
        tag = comment_marker(key, action.body)
        comments = await self.github.thread_comments(action.target)
        if any(tag in c.body for c in comments):
            log.info("comment for %s already posted; not posted again", key)
            return
        await self.github.comment(action.target, f"{action.body}\n\n{tag}")

    async def _redact(self, action: Redact) -> None:
        current = await self.github.get_text(action.target, action.field)
        new = apply_redaction(current, action)
        if new is None:
            log.info("content changed since it was checked; redaction left to the edit event")
            return
        if new != current:
            await self.github.set_text(action.target, action.field, new)

    async def _delete(self, action: DeleteComment) -> None:
        """Delete the comment unless it changed since it was checked (its edit event decides
        again); gone already (a retry, or its author deleted it) is done."""
        try:
            current = await self.github.get_text(action.target, Field.BODY)
            if hashlib.sha256(current.encode()).hexdigest() != action.text_sha256:
                log.info("comment changed since it was checked; deletion left to the edit event")
                return
            await self.github.delete_comment(action.target)
        except NotFound:
            log.info("comment to delete is gone already")

    async def _notify(self, action: Notify) -> None:
        """Email when an address is known and record that it went out (never the address);
        otherwise the notice itself is kept in the ledger."""
        subject, body = messages.render_notice(action)
        email, source = await self._address(action) if self.mailer is not None else ("", "")
        if email and self.mailer is not None:
            await self.mailer.send(email, subject, body, message_id=action.message_id)
            await self._receipt(action, messages.notice_emailed(action, source))
        elif self.ledger is not None:
            await self._receipt(action, f"{subject}\n\n{body}")
        else:
            log.warning("no mailer and no ledger; a private notice was not kept")

    async def _address(self, action: Notify) -> tuple[str, str]:
        """(address, source): on a pull request the person's own commit e-mails first, then
        the public profile's; never GitHub's noreply relay or a bot's (as for rewards)."""
        if action.pull_request and action.repo:
            commits = await self.github.pr_commit_emails(action.repo, action.pull_request)
            email = pick_email(action.login, commits, "")
            if email:
                return email, "commit"
        profile = (await self.github.user(action.login)).get("email")
        email = pick_email(action.login, (), profile if isinstance(profile, str) else "")
        return email, "profile"

    async def _receipt(self, action: Notify, text: str) -> None:
        """The ledger's note of the notice, keyed by the notice: written once."""
        if self.ledger is None:
            return
        if action.at is None:  # a plan made by hand, without a decision time: the ledger dates it
            await self.ledger.note(action.login, text)
            return
        await self.ledger.record_note(RecordNote(action.login, action.receipt_key, text, "bot",
                                                 action.at, action.url))
