"""``governance action``: one workflow event through the service, then outputs and summary.

Reads the event the runner saved (``GITHUB_EVENT_NAME``/``GITHUB_EVENT_PATH``), carries the
plan out with the workflow's token against ``GITHUB_API_URL``, and writes ``actions`` and
``plan`` to ``GITHUB_OUTPUT`` and a Markdown summary to ``GITHUB_STEP_SUMMARY``.

The exit status is 1 only when the check itself failed (bad settings, an unreadable event,
a broken config file, GitHub failing after retries); flagged content is a normal outcome.

The ``config`` input names the config file inside the repository. It is always read from the
default branch through the API, never from the checked-out workspace, so a pull request
cannot change the rules it is checked by.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from governance import runtime
from governance import sweep as sweeping
from governance.action.outputs import (
    ActionReport,
    append_summary,
    outputs_of,
    summary_markdown,
    write_outputs,
)
from governance.adapters.retry import RetryPolicy
from governance.config.load import ConfigError
from governance.deployment import ConfigSource
from governance.events import EventError, parse_event
from governance.model import ContentEvent, MergedPullRequest, Plan, Skip
from governance.ports import Clock
from governance.service import Outcome
from governance.settings import ActionSettings, Settings
from governance.sweep import ExpertStepsFailed, LedgerToSweep, SweepFailure, SweepReport

# Events that carry the same payload as another one we know.
EVENT_ALIASES = {"pull_request_target": "pull_request"}
# Timed and manual runs have no content to check: they sweep (lift expired bans, repair the
# ledger, move pending rewards on, the expert programme's monthly step).
SWEEP_EVENTS = frozenset({"schedule", "workflow_dispatch"})
MAX_ERROR = 300


class ActionError(Exception):
    """The check could not run; the message is one line, safe to publish."""


class SweepFailed(Exception):
    """Duties of the sweep failed (the others ran): each becomes one error of the report."""

    def __init__(self, failures: tuple[SweepFailure, ...]) -> None:
        super().__init__(f"{len(failures)} sweep duty(ies) failed")
        self.failures = failures


def errors_of(exc: Exception) -> tuple[str, ...]:
    """What the summary says of a failure, one line each, safe to publish."""
    if isinstance(exc, ConfigError):
        return tuple(exc.errors)
    if isinstance(exc, ActionError | EventError | ExpertStepsFailed):
        return (str(exc),)
    if isinstance(exc, SweepFailed):
        return tuple(line for f in exc.failures for line in errors_of(f.error))
    return (f"{type(exc).__name__}: {exc}"[:MAX_ERROR],)


def event_name_for(name: str) -> str:
    return EVENT_ALIASES.get(name, name)


def read_event(path: Path | None) -> dict[str, Any]:
    if path is None:
        raise ActionError("GITHUB_EVENT_PATH is not set; is this running inside a workflow?")
    try:
        payload = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ActionError(f"cannot read the event file {path}: {exc.strerror}") from exc
    except ValueError as exc:
        raise ActionError(f"the event file {path} is not JSON: {exc}") from exc
    if not isinstance(payload, dict):
        raise ActionError(f"the event file {path} does not hold a JSON object")
    return payload


async def check_event(settings: Settings, *, clock: Clock | None = None,
                      retry: RetryPolicy = runtime.ACTION_RETRY,
                      sweep: bool | None = None) -> ActionReport:
    """Run the workflow's event (or the sweep); failures come back in ``report.errors``."""
    action = settings.action
    assert action is not None, "Action settings are required"
    name = event_name_for(action.event_name)
    sweeping = name in SWEEP_EVENTS if sweep is None else sweep
    try:
        outcome, checked = await _run(settings, action, name, sweeping, clock, retry)
    except Exception as exc:  # GitHub failing for good, the network, a bug: report, exit 1
        return _failed(action, name, *errors_of(exc))
    return ActionReport(name, action.repository, outcome.plan, outcome.done, outcome.ignored,
                        action.dry_run, checked=checked,
                        kind="sweep" if sweeping else "check")


async def _run(settings: Settings, action: ActionSettings, name: str, sweeping: bool,
               clock: Clock | None, retry: RetryPolicy) -> tuple[Outcome, str]:
    if sweeping:
        return await _sweep(settings, action, clock or runtime.SystemClock(), retry), ""
    payload = read_event(action.event_path)
    outcome = await _carry_out(settings, action, name, payload, clock, retry)
    return outcome, _what(name, payload)


def _what(name: str, payload: Mapping[str, Any]) -> str:
    """Where the checked content lives (its public URL), for the summary."""
    event = parse_event(name, payload)
    if isinstance(event, ContentEvent):
        return f"the {event.surface.value.replace('_', ' ')} at {event.html_url}"
    if isinstance(event, MergedPullRequest):
        return f"the merged pull request {event.html_url}"
    return ""


def _set_up(action: ActionSettings, clock: Clock | None, retry: RetryPolicy
            ) -> runtime.SetUp:
    """The run's deployment: its token, the ``config:`` input's path, dry-run."""
    return runtime.SetUp(config=ConfigSource.named(action.config_path), retry=retry,
                         dry_run=action.dry_run, clock=clock)


async def _carry_out(settings: Settings, action: ActionSettings, name: str,
                     payload: Mapping[str, Any], clock: Clock | None,
                     retry: RetryPolicy) -> Outcome:
    # The Action keeps nothing between runs: spam waves are looked up in the repository's
    # newest comments (one read, and only for content that looks like spam).
    setup = replace(_set_up(action, clock, retry), recent=runtime.recent_from_github)
    async with runtime.connect(settings, action.token.reveal(), setup) as wiring:
        return await wiring.service.handle(name, payload)


async def _sweep(settings: Settings, action: ActionSettings, clock: Clock,
                 retry: RetryPolicy) -> Outcome:
    """Sweep the ledger the repository's config (read from the ``config:`` input's path)
    names; the summary counts what was done and names nobody."""
    if not action.repository:
        raise ActionError("GITHUB_REPOSITORY is not set; the sweep needs the repository")
    async with runtime.connect(settings, action.token.reveal(),
                               _set_up(action, clock, retry)) as wiring:
        config = await wiring.deployment.config_for(action.repository)
        if not config.ledger.repository:
            return Outcome(None, ignored="no ledger repository is configured, nothing to sweep")
        target = LedgerToSweep(config.ledger.repository, config, action.repository)
        report = await sweeping.sweep(wiring.sweep_deps(target), dry_run=action.dry_run)
    if report.failures:
        raise SweepFailed(report.failures)
    return sweep_outcome(report, action.repository)


def sweep_outcome(report: SweepReport, repository: str) -> Outcome:
    """The sweep as the Action's plan: its actions, and counts as the reasons."""
    actions = report.actions
    reasons = (f"{len(report.lifted_bans)} expired ban(s) lifted",
               f"{len(report.rewards)} pending reward(s) moved on")
    plan = Plan(f"sweep {repository}", actions or (Skip("nothing has expired"),),
                reasons, None, report.dry_run)
    done = () if report.dry_run else tuple(a.kind for a in actions)
    return Outcome(plan, done)


def _failed(action: ActionSettings, name: str, *errors: str) -> ActionReport:
    return ActionReport(name, action.repository, None, errors=tuple(errors),
                        dry_run=action.dry_run)


def finish(report: ActionReport, action: ActionSettings) -> int:
    """Write outputs and summary; the exit status."""
    write_outputs(action.output_path, outputs_of(report, _compact_json))
    markdown = summary_markdown(report)
    append_summary(action.summary_path, markdown)
    print(markdown)
    return 1 if report.errors else 0


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
