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
from pathlib import Path
from typing import Any

import aiohttp

from governance import runtime
from governance.action.outputs import (
    ActionReport,
    append_summary,
    outputs_of,
    summary_markdown,
    write_outputs,
)
from governance.adapters.github import GitHubAdapter
from governance.adapters.retry import RetryPolicy
from governance.config.load import ConfigError
from governance.config.types import Config
from governance.enforcement import sweep
from governance.events import EventError, parse_event
from governance.executor import Executor
from governance.ledger.notify import notify_moderators
from governance.ledger.store import GitHubLedger
from governance.model import ContentEvent, MergedPullRequest, Plan, RecordBanLifted, Skip
from governance.ports import Clock
from governance.rewards.usecases import retry_pending
from governance.service import Outcome, Service
from governance.settings import ActionSettings, Settings

# Events that carry the same payload as another one we know.
EVENT_ALIASES = {"pull_request_target": "pull_request"}
# Timed and manual runs have no content to check: they sweep (lift expired bans, repair the
# ledger, move pending rewards on, the expert programme's monthly step).
SWEEP_EVENTS = frozenset({"schedule", "workflow_dispatch"})
MAX_ERROR = 300


class ActionError(Exception):
    """The check could not run; the message is one line, safe to publish."""


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
    except ConfigError as exc:
        return _failed(action, name, *exc.errors)
    except (ActionError, EventError) as exc:
        return _failed(action, name, str(exc))
    except Exception as exc:  # GitHub failing for good, the network, a bug: report, exit 1
        return _failed(action, name, f"{type(exc).__name__}: {exc}"[:MAX_ERROR])
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


async def _carry_out(settings: Settings, action: ActionSettings, name: str,
                     payload: Mapping[str, Any], clock: Clock | None,
                     retry: RetryPolicy) -> Outcome:
    async with runtime.new_session() as session:
        github = runtime.build_github(session, action.token.reveal(), settings.api_url,
                                      retry=retry, graphql_url=settings.graphql_url or None)
        # The Action keeps nothing between runs: spam waves are looked up in the
        # repository's newest comments (one read, and only for content that looks like spam).
        recent = runtime.recent_from_github(github, (clock or runtime.SystemClock()).now())
        service = runtime.build_service(github, settings, clock=clock, dry_run=action.dry_run,
                                        session=session, config_path=action.config_path,
                                        recent=recent)
        return await service.handle(name, payload)


async def _sweep(settings: Settings, action: ActionSettings, clock: Clock,
                 retry: RetryPolicy) -> Outcome:
    """Sweep the ledger the repository's config names, then pending rewards."""
    if not action.repository:
        raise ActionError("GITHUB_REPOSITORY is not set; the sweep needs the repository")
    async with runtime.new_session() as session:
        github = runtime.build_github(session, action.token.reveal(), settings.api_url,
                                      retry=retry, graphql_url=settings.graphql_url or None)
        service = runtime.build_service(github, settings, clock=clock, dry_run=action.dry_run,
                                        session=session, config_path=action.config_path)
        config = await service.config_for(action.repository)
        ledger = runtime.ledger_for(github, clock)(config)
        if ledger is None:
            return Outcome(None, ignored="no ledger repository is configured, nothing to sweep")
        owner = action.repository.split("/", 1)[0]
        # Lost private notices are resent too, by the deployment's mailer (same Message-ID).
        executor = Executor(github, ledger, service.mailer)
        plans = await sweep(github, ledger, clock.now(), action.dry_run, default_org=owner,
                            executor=executor, notices=True, config=config)
        rewards = [] if action.dry_run else await retry_pending(
            runtime.reward_deps(service, settings, session), config.ledger.repository)
        plans += await _experts_step(github, service, config, action, clock)
        await _notify_step(settings, ledger, config, service, session, action, clock)
    return _sweep_outcome(action, plans, len(rewards))


async def _notify_step(settings: Settings, ledger: object, config: Config, service: Service,
                       session: aiohttp.ClientSession, action: ActionSettings,
                       clock: Clock) -> None:
    """The moderators' notifications (``notifications``): a digest and the webhook."""
    if not config.notifications.enabled or not isinstance(ledger, GitHubLedger):
        return
    hook = settings.moderators_webhook
    await notify_moderators(ledger, config.notifications, clock.now(), mailer=service.mailer,
                            post=runtime.webhook_poster(session),
                            webhook_url=hook.reveal() if hook else "", dry_run=action.dry_run)


async def _experts_step(github: GitHubAdapter, service: Service, config: Config,
                        action: ActionSettings, clock: Clock) -> list[Plan]:
    """The expert programme's monthly step, when this repository's config runs one."""
    if not config.experts.enabled:
        return []
    programme = runtime.expert_programme(github, service.mailer)
    outcome = await programme.sweep(config, action.repository, clock.now(),
                                    dry_run=action.dry_run)
    if outcome.failed:
        raise ActionError(f"expert programme: {len(outcome.failed)} step(s) failed; the next "
                          "run tries them again")
    return [outcome.plan]


def _sweep_outcome(action: ActionSettings, plans: list[Plan], rewards: int) -> Outcome:
    actions = tuple(a for plan in plans for a in plan.actions)
    lifted = sum(isinstance(a, RecordBanLifted) for a in actions)
    reasons = (f"{lifted} expired ban(s) lifted",
               f"{rewards} pending reward(s) moved on")
    plan = Plan(f"sweep {action.repository}", actions or (Skip("nothing has expired"),),
                reasons, None, action.dry_run)
    done = () if action.dry_run else tuple(a.kind for a in actions)
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
