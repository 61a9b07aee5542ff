"""The human view of a person's ledger state: issue title, labels, body and one comment
per entry. Pure; rendered again on every write, so the view cannot drift from the state.

User-written text (evidence, original text) only ever appears inside code spans or fenced
blocks: no mentions, links or HTML from it reach the moderators' page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from governance import messages
from governance.ledger.state import Entry, EntryKind, PersonState, step_name
from governance.model import Category, Step
from governance.policy.ladder import rung

PERSON_LABEL = "coc:person"
REVIEW_LABEL = "coc:review"
DUPLICATE_LABEL = "coc:duplicate"
ENTRY_MARKER = "coc-entry"
STATE_MARKER = "coc-ledger"
MAX_QUOTED = 60_000  # characters of user text quoted in one comment
MAX_ROWS = 200  # entries listed in the description (the newest; the comments have them all)
_MARKER_RE = re.compile(r"<!-- coc-entry (\{.*?\}) -->")


def person_label(login: str) -> str:
    """The per-person label the issue is found by (GitHub labels hold up to 50 characters)."""
    return f"coc-person:{login.lower()}"


def state_path(login: str) -> str:
    return f"people/{login.lower()}.json"


def issue_title(login: str) -> str:
    return f"Conduct record: @{login}"


def issue_labels(state: PersonState) -> list[str]:
    labels = [PERSON_LABEL, person_label(state.login)]
    step = state.record().current_step()
    if step is not Step.NONE:
        labels.append(rung(step).label)
    if state.open_reviews():
        labels.append(REVIEW_LABEL)
    return labels


# --------------------------------------------------------------------------- body


def issue_body(state: PersonState, now: datetime) -> str:
    record = state.record()
    step = record.current_step()
    ban = ban_status(state, now)
    lines = [
        f"# Conduct record: `@{state.login}`",
        "",
        f"- **Current step:** {_step_text(step)}",
        f"- **Ban:** {ban}",
        f"- **Open review items:** {len(state.open_reviews())}",
        f"- **Entries:** {len(state.entries)} (state file `{state_path(state.login)}`, "
        f"revision {state.revision})",
        "",
        "| # | when (UTC) | what | step | rule | by | status |",
        "|---|---|---|---|---|---|---|",
        *(_row(n, e, state) for n, e in enumerate(state.entries, 1)
          if n > len(state.entries) - MAX_ROWS),
        "",
        "Each entry has a comment below with the evidence and, for hidden or redacted "
        "content, the original text. The bot rewrites this description on every change; "
        "edit the state file, not this text.",
        "",
        _hidden(STATE_MARKER, {"login": state.login, "revision": state.revision,
                               "step": step_name(step), "ban": ban}),
    ]
    return "\n".join(lines)


def ban_status(state: PersonState, now: datetime) -> str:
    active = [i for i in state.record().active() if i.step >= Step.TEMPORARY_BAN
              and i.lifted_at is None and (i.expires_at is None or i.expires_at > now)]
    if any(i.expires_at is None for i in active):
        return "permanent"
    until = max((i.expires_at for i in active if i.expires_at), default=None)
    return f"until {when(until)}" if until else "none"


def _step_text(step: Step) -> str:
    return "none" if step is Step.NONE else f"{step.value} {rung(step).title}"


def _row(number: int, entry: Entry, state: PersonState) -> str:
    what = entry.kind.value.replace("_", " ")
    link = f"[{what}]({entry.get('url')})" if entry.get("url") else what
    if entry.kind is EntryKind.NOTE:
        first = str(entry.get("text", "")).strip().splitlines()[:1]
        link += f": `{_inline(_cell(first[0][:60]))}`" if first else ""  # code: no mentions
    step = entry.get("step", "") if entry.kind is EntryKind.INCIDENT else ""
    rules = ", ".join(entry.get("rule_ids", ()) or ())
    return (f"| {number} | {when(entry.at)} | {link} | {step} | {_cell(rules)} | "
            f"{_by(entry.by)} | {_status(entry, state)} |")


def _status(entry: Entry, state: PersonState) -> str:
    if entry.kind is EntryKind.REVIEW:
        return "open" if entry in state.open_reviews() else "looked at"
    if entry.kind is not EntryKind.INCIDENT:
        return ""
    incident = next(i for i in state.record().incidents if i.key == entry.key)
    if incident.pardoned:
        return "false positive" if incident.false_positive else "pardoned"
    return "ban lifted" if incident.lifted_at else "active"


# ------------------------------------------------------------------------ comments


def entry_comment(entry: Entry) -> str:
    head = _hidden(ENTRY_MARKER, {"kind": entry.kind.value, "key": entry.key,
                                  "revision": entry.revision})
    body = _COMMENTS[entry.kind](entry)
    return f"{head}\n{body}"


def entry_keys(comment_bodies: Iterable[str]) -> set[tuple[str, str]]:
    """(kind, key) of the entries that already have their comment."""
    found: set[tuple[str, str]] = set()
    for body in comment_bodies:
        for match in _MARKER_RE.finditer(body):
            data = json.loads(match.group(1))
            found.add((str(data["kind"]), str(data["key"])))
    return found


def _incident_comment(e: Entry) -> str:
    step = e.step
    category = e.get("category")
    lines = [
        f"### Incident: step {step.value} {rung(step).title} ({when(e.at)})",
        "",
        f"- **Where:** {e.get('url') or 'not linked'}",
        f"- **Rule:** {_rule_text(category, e.get('rule_summary', ''))}; "
        f"rules {_codes(e.get('rule_ids', ()))}",
        f"- **By:** {_by(e.by)}",
        f"- **Expires:** {_expiry(e)}",
        *_bullets("What was done", e.get("actions_taken", ())),
        *_bullets("Evidence", [f"`{_inline(x)}`" for x in e.get("evidence", ())]),
        *_provenance(e.get("provenance")),
        *_original(e.get("original_text", ""), "Original text (hidden or redacted)"),
    ]
    return "\n".join(lines)


def _provenance(kept: Any) -> list[str]:
    """When the content was posted and edited, who posted it, and its links as code: kept
    in case GitHub removes the content (suspended accounts); links are never clickable."""
    if not isinstance(kept, dict):
        return []
    lines = ["", "**Kept in case the content disappears:**",
             f"- posted {_stamp_text(kept.get('created_at'))}, last edited "
             f"{_stamp_text(kept.get('edited_at'), 'never')}",
             f"- author's account created {_stamp_text(kept.get('account_created_at'))}, "
             f"association `{_inline(str(kept.get('association') or 'unknown'))}`"]
    links = [str(u) for u in kept.get("links") or ()]
    if links:
        lines += ["", "**Links and attachments in the text (not opened; not clickable):**",
                  *(f"- `{_inline(u)}`" for u in links)]
    return lines


def _stamp_text(value: Any, missing: str = "unknown") -> str:
    return when(datetime.fromisoformat(value)) if isinstance(value, str) and value else missing


def _pardon_comment(e: Entry) -> str:
    what = "False positive" if e.get("false_positive") else "Pardon"
    lines = [
        f"### {what}: incident `{e.get('incident_key')}` undone ({when(e.at)})",
        "",
        f"- **By:** {_by(e.by)}",
        f"- **Rules:** {_codes(e.get('rule_ids', ()))}",
        f"- **Reason:** {_cell(e.get('reason') or 'none given')}",
        *_bullets("What was done", e.get("actions_taken", ())),
    ]
    return "\n".join(lines)


def _review_comment(e: Entry) -> str:
    lines = [
        f"### Review item ({when(e.at)})",
        "",
        f"- **Where:** {e.get('url') or 'not linked'}",
        f"- **Why:** {_cell(e.get('reason', ''))}",
        f"- **Rules:** {_codes(e.get('rule_ids', ()))}",
        "- **To close it:** act on it (`/coc warn`, `/coc ban`, `/coc pardon`) or "
        "`/coc note @login reviewed: ...`",
        *_original(e.get("original_text", ""), "Reported text"),
    ]
    return "\n".join(lines)


def _note_comment(e: Entry) -> str:
    lines = [f"### Note by {_by(e.by)} ({when(e.at)})", "", *_fenced(str(e.get("text", "")))]
    if e.get("url"):
        lines += ["", f"Where: {e.get('url')}"]
    lines += _original(e.get("original_text", ""), "Original text (hidden by a moderator)")
    return "\n".join(lines)


def _lifted_comment(e: Entry) -> str:
    why = "it expired" if e.by == "sweep" else f"{_by(e.by)} lifted it"
    return f"### Ban lifted ({when(e.at)})\n\nThe ban of incident `{e.get('incident_key')}` " \
           f"ended: {why}. The step stays on record."


_COMMENTS = {
    EntryKind.INCIDENT: _incident_comment,
    EntryKind.PARDON: _pardon_comment,
    EntryKind.REVIEW: _review_comment,
    EntryKind.NOTE: _note_comment,
    EntryKind.BAN_LIFTED: _lifted_comment,
}


# ------------------------------------------------------------------------- helpers


def when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _by(by: str) -> str:
    return by if by in ("bot", "sweep") else f"moderator `@{by}`"


def _rule_text(category: str | None, summary: str) -> str:
    if not category:
        return summary or "moderator decision"
    name = messages.CATEGORY_NAMES[Category(category)]
    return f"{name} (`{category}`)"


def _codes(values: Iterable[str]) -> str:
    return ", ".join(f"`{v}`" for v in values) or "none"


def _expiry(e: Entry) -> str:
    if e.step is Step.PERMANENT_BAN:
        return "never (permanent ban)"
    expires = e.get("expires_at")
    return when(datetime.fromisoformat(expires)) if expires else "does not expire"


def _bullets(title: str, items: Iterable[str]) -> list[str]:
    items = list(items)
    return ["", f"**{title}:**", *(f"- {_cell(x)}" for x in items)] if items else []


def _original(text: str, title: str) -> list[str]:
    if not text:
        return []
    cut = ""
    if len(text) > MAX_QUOTED:  # GitHub comments hold 65,536 characters
        text, cut = text[:MAX_QUOTED], "\n(cut short here; the state file has the whole text)"
    return ["", f"<details><summary>{title}</summary>", "", *_fenced(text), cut, "",
            "</details>"]


def _fenced(text: str) -> list[str]:
    """A code block no backtick run in ``text`` can close: no mentions, links or HTML."""
    fence = "`" * max(3, _longest_backtick_run(text) + 1)
    return [f"{fence}text", text, fence]


def _longest_backtick_run(text: str) -> int:
    return max((len(m) for m in re.findall(r"`+", text)), default=0)


def _inline(text: str) -> str:
    return text.replace("`", "'").replace("\n", " ")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _hidden(marker: str, data: dict[str, Any]) -> str:
    """An HTML comment with JSON; ``--`` is escaped so text can never close the comment."""
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False).replace("--", "-\\u002d")
    return f"<!-- {marker} {payload} -->"
