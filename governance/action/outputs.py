"""What the Action leaves behind: step outputs (``GITHUB_OUTPUT``) and the job summary.

The job summary of a public repository is public, so it says what was checked, what was
done and why in the bot's own words, and never repeats the content, personal data, merch
codes, or who got which ladder step: private actions (ledger records, private notices) are
only counted. The ``plan`` output leaves out the private fields too (original text and
evidence excerpts), since later steps may print it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from governance.messages import escape_markdown
from governance.model import Action, Plan, Skip

PRIVATE_FIELDS = frozenset({"original_text", "evidence"})


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
        return sum(1 for kind in self.done if kind != Skip.kind)


# ------------------------------------------------------------------------ outputs


def public_plan(plan: Plan | None) -> dict[str, Any] | None:
    return None if plan is None else _scrub(plan.to_dict())


def _scrub(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _scrub(v) for k, v in value.items() if k not in PRIVATE_FIELDS}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


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
    lines += _verdict_lines(plan)
    lines += _action_lines(plan, report)
    return "\n".join(lines) + "\n"


def _verdict_lines(plan: Plan) -> list[str]:
    verdict = plan.verdict
    if verdict is None:
        return []
    rules = sorted({h.rule_id for h in verdict.hits})
    out = [f"**Verdict:** {verdict.label.value} (score {verdict.score:.2f})"]
    if rules:
        out.append(f"**Rules that matched:** {', '.join(f'`{r}`' for r in rules)}")
    return [*out, ""]


def _action_lines(plan: Plan, report: ActionReport) -> list[str]:
    skips = [a for a in plan.actions if isinstance(a, Skip)]
    public = [a for a in plan.effective if a.public]
    private = [a for a in plan.effective if not a.public]
    mode = "planned (dry run, nothing was changed)" if plan.dry_run else "taken"
    out: list[str] = []
    if skips and not plan.effective:
        out += [f"Nothing to do: {_cell(s.reason)}." for s in skips]
    if public:
        out += [f"**Actions {mode}:**", "", "| # | action |", "|---|---|"]
        out += [f"| {i} | {_bot_cell(_public_summary(a))} |" for i, a in enumerate(public, 1)]
        out.append("")
    if private:
        out.append(f"{len(private)} private record(s) or notice(s) {mode}; details are kept "
                   "in the private ledger.")
    reasons = [r for r in plan.reasons if not r.startswith("ladder")]
    if reasons and plan.effective:
        out += ["", "**Why:** " + "; ".join(_cell(r) for r in reasons)]
    if not plan.dry_run:
        out += ["", f"{report.actions_taken} action(s) carried out."]
    return out


def _public_summary(action: Action) -> str:
    """What a public action did; who a block or unblock concerned stays in the ledger."""
    if hasattr(action, "login"):
        return f"{action.kind.replace('_', ' ')} for one person (details in the ledger)"
    return action.summary()


def _cell(text: str) -> str:
    """Reasons and errors may repeat what someone wrote (a moderator's unknown verb, an
    error's detail): escaped, one line that cannot break out of a table cell or start markup."""
    return escape_markdown(text)


def _bot_cell(text: str) -> str:
    """The bot's own words about an action (kinds and GitHub's URLs): one table-safe line."""
    return " ".join(text.split()).replace("|", "\\|")


def outputs_of(report: ActionReport, to_json: Callable[[Any], str]) -> dict[str, str]:
    return {"actions": str(report.actions_taken), "plan": to_json(public_plan(report.plan))}
