"""What a public surface may say about a plan: one rendering, built from an allow-list.

Public surfaces are everything a stranger can read on a public repository: the Action's job
summary and step outputs, the workflow log, the bot's comments. They show what a public
thread shows anyway: which action was taken on which content, and under which rule category.
Everything about people (whom a step, a block, a review item, a report, a note or a
suspicion concerns; ladder steps; reasons moderators and reporters wrote; evidence and
original text) goes to the private ledger only.

Hence an allow-list, not a deny-list: an action type, a reason or a plan key reaches a
public surface only when this module names it and says which of its fields may show. A new
action type or a new free-text reason is private until someone adds it here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from governance import messages
from governance.model import (
    Action,
    AddLabel,
    BlockUser,
    Category,
    DeleteComment,
    HideComment,
    Label,
    LimitInteractions,
    Lock,
    Plan,
    PostComment,
    Redact,
    RemoveLabel,
    Reward,
    Skip,
    Target,
    UnblockUser,
    UnhideComment,
    Verdict,
)
from governance.policy import recognition

PRIVATE_NOTE = "Records and notices, if any, are kept in the private ledger."
# What a plan without a public action says, whatever else it holds: benign content, a review
# item, a suspected ban evasion and a refused command must read the same.
NOTHING_PUBLIC = "no public action is needed"


@dataclass(frozen=True, slots=True)
class PublicAction:
    """One action as a public surface shows it: its type, where, and one public detail."""

    type: str
    where: str = ""
    detail: str = ""

    def line(self) -> str:
        text = f"{self.type.replace('_', ' ')} {self.where}".strip()
        return f"{text} ({self.detail})" if self.detail else text

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "where": self.where, "detail": self.detail}


def _content(target: Target) -> str:
    """A piece of content: its public URL (GitHub shows it to anyone who can see the thread)."""
    return target.url if target.url.startswith("https://") else f"{target.repo}#{target.number}"


def _thread(target: Target) -> str:
    return f"{target.repo}#{target.number}"


# The allow-list of actions. A type missing here is private: it is never shown, not even
# counted, since a count of private records on benign content would hint at a suspicion.
_PUBLIC_ACTIONS: dict[type[Action], Callable[[Any], PublicAction]] = {
    HideComment: lambda a: PublicAction(a.kind, _content(a.target), a.classifier.value),
    UnhideComment: lambda a: PublicAction(a.kind, _content(a.target)),
    Redact: lambda a: PublicAction(a.kind, _content(a.target), a.field.value),
    DeleteComment: lambda a: PublicAction(a.kind, _content(a.target)),
    AddLabel: lambda a: PublicAction(a.kind, _thread(a.target), a.label),
    RemoveLabel: lambda a: PublicAction(a.kind, _thread(a.target), a.label),
    Lock: lambda a: PublicAction(a.kind, _thread(a.target), a.reason.value),
    PostComment: lambda a: PublicAction(a.kind, _thread(a.target)),
    # Whom a block concerns is in the ledger; the organisation is public.
    BlockUser: lambda a: PublicAction(a.kind, a.org, "one person"),
    UnblockUser: lambda a: PublicAction(a.kind, a.org, "one person"),
    LimitInteractions: lambda a: PublicAction(a.kind, a.repo, f"{a.limit}, {a.expiry}"),
    Reward: lambda a: PublicAction(a.kind, f"{a.repo}#{a.number}"),
}
PUBLIC_KINDS = frozenset(t.kind for t in _PUBLIC_ACTIONS)


def public_action(action: Action) -> PublicAction | None:
    """The public view of one action; None for a private one."""
    render = _PUBLIC_ACTIONS.get(type(action))
    return render(action) if render is not None else None


PRIVATE_ACTION = "a private step (kept in the private ledger)"


def describe(action: Action) -> str:
    """One line for a log: the public view, or the same words for every private action (its
    kind alone, a review item on benign content, would hint at a suspicion)."""
    shown = public_action(action)
    return shown.line() if shown is not None else PRIVATE_ACTION


# ---------------------------------------------------------------------------- reasons

# Placeholders of a public sentence take a config value or a repository name: no @mention,
# no Markdown or HTML specials, no line breaks.
_VALUE = r"[\w .,:/()#-]{1,80}"


def _sentence(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\w+\}", template)
    return re.compile(_VALUE.join(re.escape(p) for p in parts))


# Sentences that say why nothing (or something) was done and nothing about a person or a
# suspicion: gates of the configuration, counts of the sweep.
PUBLIC_SENTENCES: tuple[re.Pattern[str], ...] = tuple(_sentence(t) for t in (
    messages.SKIP_EXEMPT, messages.SKIP_DISABLED, messages.SKIP_SURFACE,
    messages.SKIP_UNCHANGED, messages.SKIP_EDITS_OFF, messages.SKIP_NO_LEDGER,
    recognition.SKIP_OFF, recognition.SKIP_BOT, recognition.SKIP_EXCLUDED,
    recognition.SKIP_BRANCH, recognition.SKIP_NO_TIER,
    "nothing has expired", "{n} expired ban(s) lifted",
    "{n} pending reward(s) moved on", "the expert programme is disabled",
    "every expert met the minimum in {month}, no grace period ended",
    "commands from bots are ignored", "not a /coc command",
))


def public_reason(text: str) -> str | None:
    """``text`` when it is one of the public sentences, else None."""
    return text if any(p.fullmatch(text) for p in PUBLIC_SENTENCES) else None


# Plan keys that name content, a pull request, a command comment or a month; never a person
# (the sweep's per-person plans are keyed by login).
_PUBLIC_KEYS = (
    re.compile(r"coc-command:[\w=-]{1,100}"),
    re.compile(r"[\w.-]{1,100}/[\w.-]{1,100}#\d{1,10}"),
    re.compile(r"experts(:\d{4}-\d{2})?"),
    re.compile(r"sweep [\w.-]{1,100}/[\w.-]{1,100}"),
)


# A content version's key is "node id @ digest", the digest an unsalted SHA-256 of the text
# as posted: next to the redacted text (public in the thread) it lets anyone test guesses of
# the removed phone number, card or key offline. Only the node id is shown.
_CONTENT_VERSION = re.compile(r"(?P<node>[\w=-]{1,100})@[0-9a-f]{16}")


def public_key(key: str) -> str:
    version = _CONTENT_VERSION.fullmatch(key)
    if version:
        return version.group("node")
    return key if any(p.fullmatch(key) for p in _PUBLIC_KEYS) else ""


# ------------------------------------------------------------------------------ plans


@dataclass(frozen=True, slots=True)
class PublicVerdict:
    label: str
    score: float
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(self.score, 2), "rules": list(self.rules)}


@dataclass(frozen=True, slots=True)
class PublicPlan:
    """Everything a public surface may say about one plan."""

    key: str
    dry_run: bool
    verdict: PublicVerdict | None
    reasons: tuple[str, ...]
    actions: tuple[PublicAction, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        if self.verdict is None or self.verdict.label == Label.OK:
            return ()
        return (self.verdict.label,)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "dry_run": self.dry_run,
            "verdict": self.verdict.to_dict() if self.verdict else None,
            "categories": list(self.categories),
            "reasons": list(self.reasons),
            "actions": [a.to_dict() for a in self.actions],
            "private": PRIVATE_NOTE,
        }


def public_plan(plan: Plan) -> PublicPlan:
    actions = tuple(a for a in map(public_action, plan.effective) if a is not None)
    return PublicPlan(public_key(plan.key), plan.dry_run,
                      _public_verdict(plan.verdict, acted=bool(actions)),
                      _public_reasons(plan, bool(actions)), actions)


def _public_verdict(verdict: Verdict | None, *, acted: bool) -> PublicVerdict | None:
    """The verdict of content something public was done to. Without a public action there
    is none: a score short of acting is a suspicion (a review item), which only the ledger
    holds, and showing the verdict of benign content only would single the others out."""
    if verdict is None or verdict.label is Label.OK or not acted:
        return None
    rules = sorted({h.rule_id for h in verdict.hits if h.category.value == verdict.label.value})
    return PublicVerdict(verdict.label.value, verdict.score, tuple(rules))


def _public_reasons(plan: Plan, acted: bool) -> tuple[str, ...]:
    """The rule category content was acted on under, and the plan's reasons that are public
    sentences (its other reasons name scores, steps and people)."""
    skips = [a.reason for a in plan.actions if isinstance(a, Skip)]
    if not acted:
        return _known([*skips, *plan.reasons]) or (NOTHING_PUBLIC,)
    label = plan.verdict.label if plan.verdict is not None else Label.OK
    rule = () if label is Label.OK else (
        f"the rule on {messages.CATEGORY_NAMES[Category(label.value)]}",)
    return (*rule, *_known(plan.reasons))


def _known(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if public_reason(t) is not None))
