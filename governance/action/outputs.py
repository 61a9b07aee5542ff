"""What the Action leaves behind: step outputs (``GITHUB_OUTPUT``) and the job summary.

The job summary, the step outputs and the workflow log of a public repository are public,
so all three show a plan only through ``governance.public``: the allow-listed view of what
was done where and under which rule category. Who a step, a report, a note or a suspicion
concerns, ladder steps, reasons and evidence stay in the private ledger; private actions are
not even counted (a count on benign content would hint at a suspicion).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from governance import public
from governance.messages import escape_markdown
from governance.model import Plan


@dataclass(frozen=True, slots=True)
class ActionReport:
    """Everything the outputs and the summary are made from."""

    event_name: str
    repository: str
    plan: Plan | None
    done: tuple[str, ...] = ()
    ignored: str = ""
    dry_run: bool = False
    errors: tuple[str, ...] = ()  # our own one-line descriptions, safe to publish
    checked: str = ""  # what was looked at, e.g. "the issue_comment at <url>"
    kind: str = "check"  # or "sweep"

    @property
    def actions_taken(self) -> int:
        """Public actions carried out: private ones are not counted (see the module doc)."""
        return sum(1 for kind in self.done if kind in public.PUBLIC_KINDS)


# ------------------------------------------------------------------------ outputs


def public_plan(plan: Plan | None) -> dict[str, Any] | None:
    return None if plan is None else public.public_plan(plan).to_dict()


def output_block(name: str, value: str, delimiter: Callable[[], str] = secrets.token_hex) -> str:
    """``name<<DELIM`` ... ``DELIM``: safe for values with newlines (GitHub's heredoc form)."""
    marker = f"ghadelimiter_{delimiter()}"
    while marker in value:
        marker = f"ghadelimiter_{delimiter()}"
    return f"{name}<<{marker}\n{value}\n{marker}\n"


def write_outputs(path: Path | None, values: Mapping[str, str]) -> None:
    if path is None:
        return
    with path.open("a", encoding="utf-8") as out:
        for name, value in values.items():
            out.write(output_block(name, value))


def append_summary(path: Path | None, markdown: str) -> None:
    if path is None:
        return
    with path.open("a", encoding="utf-8") as out:
        out.write(markdown)


# ------------------------------------------------------------------------ summary


def summary_markdown(report: ActionReport) -> str:
    lines = [f"## Code of conduct {report.kind}: `{report.event_name}` in `{report.repository}`",
             ""]
    if report.errors:
        lines += ["**The check could not finish.**", ""]
        lines += [f"- {_cell(e)}" for e in report.errors]
        lines.append("")
    plan = report.plan
    if plan is None:
        if not report.errors:
            lines += [f"Nothing to check: {_cell(report.ignored) or 'not a moderated event'}.", ""]
        return "\n".join(lines) + "\n"
    if report.checked:
        lines += [f"**Checked:** {_bot_cell(report.checked)}", ""]
    shown = public.public_plan(plan)
    lines += _verdict_lines(shown)
    lines += _action_lines(shown, report)
    return "\n".join(lines) + "\n"


def _verdict_lines(shown: public.PublicPlan) -> list[str]:
    verdict = shown.verdict
    if verdict is None:
        return []
    out = [f"**Verdict:** {verdict.label} (score {verdict.score:.2f})"]
    if verdict.rules:
        out.append(f"**Rules that matched:** {', '.join(f'`{r}`' for r in verdict.rules)}")
    return [*out, ""]


def _action_lines(shown: public.PublicPlan, report: ActionReport) -> list[str]:
    mode = "planned (dry run, nothing was changed)" if shown.dry_run else "taken"
    out: list[str] = []
    if not shown.actions:
        out += [f"Nothing to do: {_cell(r)}." for r in shown.reasons]
    else:
        out += [f"**Actions {mode}:**", "", "| # | action |", "|---|---|"]
        out += [f"| {i} | {_bot_cell(a.line())} |" for i, a in enumerate(shown.actions, 1)]
        out.append("")
        if shown.reasons:
            out += ["**Why:** " + "; ".join(_cell(r) for r in shown.reasons), ""]
    out.append(public.PRIVATE_NOTE)
    if not shown.dry_run:
        out += ["", f"{report.actions_taken} public action(s) carried out."]
    return out


def _cell(text: str) -> str:
    """Reasons and errors may repeat what someone wrote (a moderator's unknown verb, an
    error's detail): escaped, one line that cannot break out of a table cell or start markup."""
    return escape_markdown(text)


def _bot_cell(text: str) -> str:
    """The bot's own words about an action (kinds and GitHub's URLs): one table-safe line."""
    return " ".join(text.split()).replace("|", "\\|")


def outputs_of(report: ActionReport, to_json: Callable[[Any], str]) -> dict[str, str]:
    return {"actions": str(report.actions_taken), "plan": to_json(public_plan(report.plan))}
