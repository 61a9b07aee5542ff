"""Making personal data and secrets really go away, for the ``pii`` category.

Editing a post leaves its original one click away in GitHub's edit history, and hiding a
comment leaves it readable; no API deletes a revision. So (``moderation.pii_comment_action``):

- a comment (issue, review or discussion comment) is deleted, once its original is kept in
  the private ledger (the ladder's record, or a review item when the ladder records nothing;
  without a ledger it is redacted instead, since nothing would keep it). Nothing public
  repeats it, and the author's private notice carries their text with the data removed;
- an issue, pull request or discussion body, a pull request review, and a comment under
  ``redact``, are redacted; a ledger review item tells a maintainer to delete the old
  revision from the edit history by hand, and to ask GitHub Support if it was indexed;
- for a secret the notice tells the poster to revoke it now.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from governance import messages
from governance.config.types import Config
from governance.model import (
    Action,
    Category,
    ContentEvent,
    DeleteComment,
    Field,
    HideComment,
    Notify,
    PersonRecord,
    PostComment,
    RecordIncident,
    RecordReview,
    Redact,
    RuleHit,
    Surface,
    Target,
)
from governance.policy.redaction import apply_redaction, merge_spans

DELETABLE = frozenset({Surface.ISSUE_COMMENT, Surface.REVIEW_COMMENT, Surface.DISCUSSION_COMMENT})
SECRET_RULES = "pii.secret"  # the prefix of every secret rule (tokens, keys, passwords)
REMOVED = "removed"  # the notice's template when no step of the ladder sends one


def deletes(event: ContentEvent, config: Config) -> bool:
    """Is this content deleted (rather than redacted or hidden) when ``pii`` acts on it?"""
    return (event.surface in DELETABLE and bool(config.ledger.repository)
            and config.moderation.pii_comment_action == "delete")


def content_removal(event: ContentEvent, done: list[Action], target: Target, config: Config
                    ) -> list[Action]:
    """What happens to the content: hiding or redacting a comment becomes deleting it (and
    the note about a hidden comment goes: there is none left). Before the ladder, so the
    ledger's record says what was really done."""
    removing = [a for a in done if isinstance(a, HideComment | Redact) and a.target == target]
    if not removing or not deletes(event, config):
        return done
    kept = [a for a in done if a not in removing and not isinstance(a, PostComment)]
    return [DeleteComment(target, hashlib.sha256(event.body.encode()).hexdigest()), *kept]


def finish(event: ContentEvent, hits: tuple[RuleHit, ...], actions: list[Action],
           config: Config, record: PersonRecord, now: datetime) -> list[Action]:
    """The whole ``pii`` plan: a deletion only after the original is in the ledger, the
    history review item for a redaction, and the notice's removal details."""
    delete = next((a for a in actions if isinstance(a, DeleteComment)), None)
    redacted = any(isinstance(a, Redact) for a in actions)
    if delete is not None:
        out = _after_the_record([a for a in actions if a is not delete], delete, event, hits,
                                record)
        return _with_notice(event, hits, out, "deleted", config, now)
    if redacted and config.ledger.repository:
        out = [*actions, _history_review(event, hits)]
        return _with_notice(event, hits, out, "redacted", config, now)
    return actions


def _after_the_record(actions: list[Action], delete: DeleteComment, event: ContentEvent,
                      hits: tuple[RuleHit, ...], record: PersonRecord) -> list[Action]:
    """Deleting comes right after the ledger keeps the original: the ladder's record, or a
    review item of its own when the ladder records nothing (off, or already recorded)."""
    # No public note either (a correction's note would call the comment hidden).
    out = [a for a in actions if not isinstance(a, PostComment)]
    if not record.knows(event.node_id) and not any(isinstance(a, RecordIncident) for a in out):
        out.append(RecordReview(event.author.login, f"removed:{event.node_id}", event.html_url,
                                messages.ORIGINAL_KEPT.format(url=event.html_url),
                                _rules(hits), event.body))
    at = max((i for i, a in enumerate(out) if isinstance(a, RecordIncident | RecordReview)),
             default=len(out) - 1)
    return [*out[:at + 1], delete, *out[at + 1:]]


def _history_review(event: ContentEvent, hits: tuple[RuleHit, ...]) -> RecordReview:
    # Keyed by the version: each edit that shows data again leaves a revision of its own.
    return RecordReview(event.author.login, f"history:{event.version_key}", event.html_url,
                        messages.HISTORY_REVIEW.format(url=event.html_url), _rules(hits))


def _with_notice(event: ContentEvent, hits: tuple[RuleHit, ...], actions: list[Action],
                 removed: str, config: Config, now: datetime) -> list[Action]:
    """The author's notice of the step says what was removed; without one, a notice of its
    own (kept in the ledger when there is no mail)."""
    login = event.author.login
    secret = any(h.rule_id.startswith(SECRET_RULES) for h in hits)
    text = _without_data(event.body, hits) if removed == "deleted" else ""

    def told(notice: Notify) -> Notify:
        return replace(notice, removed=removed, removed_text=text, secret=secret)

    def updated(action: Action) -> Action:
        if isinstance(action, Notify) and action.login == login:
            return told(action)
        if isinstance(action, RecordIncident) and action.notice is not None:
            return replace(action, notice=told(action.notice))  # the sweep resends this one
        return action

    if any(isinstance(a, Notify) and a.login == login for a in actions):
        return [updated(a) for a in actions]
    if not config.ledger.repository:
        return actions
    return [*actions, told(Notify(login, REMOVED, reason=Category.PII.value, url=event.html_url,
                                  repo=event.repo.full_name, incident=event.node_id, at=now))]


def _without_data(text: str, hits: tuple[RuleHit, ...]) -> str:
    spans = merge_spans(s for h in hits if h.field is Field.BODY for s in h.evidence)
    digest = hashlib.sha256(text.encode()).hexdigest()
    cut = Redact(Target("", Surface.ISSUE_COMMENT, 0, "", 0), Field.BODY, spans, digest,
                 messages.REMOVED_MARKER)
    return apply_redaction(text, cut) or ""


def _rules(hits: tuple[RuleHit, ...]) -> tuple[str, ...]:
    return tuple(sorted({h.rule_id for h in hits}))
