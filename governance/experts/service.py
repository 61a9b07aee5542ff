"""Use cases of the expert programme: the monthly sweep, the report and the candidates.

Policy and ports meet here. Records go only to the private ledger repository (checked to be
private before anything is written); the activity always comes fresh from GitHub.

Re-runs are safe: each notice and closing is keyed by (person, month) in the ledger, the
policy skips what the ledger already holds, emails carry a deterministic Message-ID, and
leaving a team twice is a no-op. A notice is recorded after it was sent, so a crash in
between means it is sent again (same Message-ID) rather than never.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from governance import public
from governance.config.types import Config
from governance.experts import texts
from governance.experts.activity import Contribution, Tally
from governance.experts.months import Month, Window
from governance.experts.policy import (
    CloseGrace,
    Members,
    RevokeExpert,
    SendExpertNotice,
    candidates,
    plan_sweep,
    window_to_read,
)
from governance.experts.records import Channel, Notice, Record, Records, decode
from governance.experts.report import MonthlyReport, build_report, render_markdown
from governance.model import Action, Plan
from governance.policy.recognition import pick_email
from governance.ports import GitHub, IssueRef, Mailer

log = logging.getLogger("governance.experts")


class ExpertsError(Exception):
    """A configuration problem that stops the programme (one clear sentence)."""


class ActivitySource(Protocol):
    """GitHub reads and writes of the programme beyond ``ports.GitHub``."""

    async def contributions(
        self, repo: str, window: Window, question_label: str
    ) -> Sequence[Contribution]: ...

    async def remove_team_member(self, team: str, login: str) -> None: ...

    async def post_discussion(self, repo: str, category: str, title: str, body: str) -> str: ...


@dataclass(frozen=True, slots=True)
class SweepOutcome:
    """The plan, what was carried out, and one plain line per person about the channel used."""

    plan: Plan
    done: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()  # left for the next run, which tries them again


@dataclass
class ExpertProgramme:
    github: GitHub
    activity: ActivitySource
    mailer: Mailer | None = None
    _issues: dict[str, IssueRef] = field(default_factory=dict, init=False, repr=False)

    # ---------------------------------------------------------------- reads

    def repositories(self, config: Config, repo: str) -> tuple[str, ...]:
        return config.experts.repositories or (repo,)

    async def members(self, config: Config) -> Members:
        team = config.experts.team
        logins: Sequence[str] = ()
        if team:
            org, _, slug = team.partition("/")
            if not slug:
                raise ExpertsError(f"experts.team must be org/team-slug, not {team!r}")
            logins = await self.github.team_members(org, slug)
        return Members(frozenset(logins), frozenset(config.experts.logins))

    async def read_activity(self, config: Config, repo: str, window: Window
                            ) -> list[Contribution]:
        found: list[Contribution] = []
        for name in self.repositories(config, repo):
            found += await self.activity.contributions(name, window,
                                                       config.experts.question_label)
        return found

    async def records(self, config: Config) -> Records:
        """Every record in the ledger's programme issues; none without a ledger."""
        ledger = config.ledger.repository
        if not ledger:
            return Records()
        found: list[Record] = []
        for issue in await self.github.find_issues(ledger, texts.LEDGER_LABEL):
            self._issues.setdefault(issue.title, issue)
            for comment in await self.github.issue_comments(ledger, issue.number):
                found += decode(comment.body)
        return Records.of(found)

    # ------------------------------------------------------------ use cases

    async def report(self, config: Config, repo: str, month: Month, now: datetime,
                     top: int = 5) -> MonthlyReport:
        members = await self.members(config)
        records = await self.records(config)
        contributions = await self.read_activity(config, repo, month.window)
        return build_report(month, config.experts, members.by_key(records), records,
                            contributions, self.repositories(config, repo), now, top)

    async def candidates(self, config: Config, repo: str, month: Month, limit: int = 10
                         ) -> list[Tally]:
        members = await self.members(config)
        experts = members.by_key(await self.records(config)).values()
        contributions = await self.read_activity(config, repo, month.window)
        return candidates(contributions, month, config.experts, experts, limit)

    async def sweep(self, config: Config, repo: str, now: datetime, *, dry_run: bool = False
                    ) -> SweepOutcome:
        """The monthly step of ``governance sweep``; safe to run daily."""
        if not config.experts.enabled:
            return SweepOutcome(Plan("experts", (), ("the expert programme is disabled",)))
        await self._check_ledger(config)
        records = await self.records(config)
        members = await self.members(config)
        contributions = await self.read_activity(config, repo, window_to_read(records, now))
        plan = plan_sweep(now, config.experts, members, records, contributions)
        dry = dry_run or config.dry_run
        plan = Plan(plan.key, plan.actions, plan.reasons, None, dry)
        if dry:
            return SweepOutcome(plan, (), tuple(a.summary() for a in plan.effective))
        done, lines, failed = await self._execute(plan, config, repo)
        return SweepOutcome(plan, done, lines, failed)

    async def publish(self, config: Config, repo: str, report: MonthlyReport) -> str:
        """Post the public spotlight where ``experts.publish`` says; its URL or path."""
        target = config.experts.publish_repository or repo
        title = f"Community experts: {report.month}"
        body = render_markdown(report, public=True)
        if config.experts.publish_category:
            return await self.activity.post_discussion(target, config.experts.publish_category,
                                                       title, body)
        if not config.experts.publish_path:
            raise ExpertsError("set experts.publish.discussion_category or experts.publish.path")
        path = config.experts.publish_path.replace("{month}", str(report.month))
        current = await self.github.read_file(target, path)
        if current is None or current.text != body:
            await self.github.write_file(target, path, body, current.sha if current else None,
                                         f"Community experts report for {report.month}")
        return f"{target}/{path}"

    # ------------------------------------------------------------- execution

    async def _check_ledger(self, config: Config) -> None:
        ledger = config.ledger.repository
        if not ledger:
            raise ExpertsError("the expert programme keeps its records in the private ledger: "
                               "set ledger.repository")
        if not await self.github.repo_is_private(ledger):
            raise ExpertsError(f"{ledger} is not private; expert records are never public")

    async def _execute(self, plan: Plan, config: Config, repo: str
                       ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """Every action in order; one person's failure does not stop the others'."""
        done: list[str] = []
        lines: list[str] = []
        failed: list[str] = []
        where = ", ".join(self.repositories(config, repo))
        for action in plan.effective:
            try:
                lines.append(await self._carry_out(action, config, where))
            except Exception as exc:  # recorded nowhere yet, so the next run tries again
                # Public in the Action's log: never whom the step is about.
                log.exception("expert programme: %s failed", public.describe(action))
                failed.append(f"{action.summary()}: {type(exc).__name__}: {exc}")
                continue
            done.append(action.kind)
        return tuple(done), tuple(lines), tuple(failed)

    async def _carry_out(self, action: Action, config: Config, where: str) -> str:
        match action:
            case SendExpertNotice(notice=notice):
                return await self._notify(config, notice, where)
            case CloseGrace(closing=closing):
                issue = await self._record(config, closing.month, texts.ledger_closing(closing))
                return f"{action.summary()}; recorded in the private ledger issue #{issue.number}"
            case RevokeExpert():
                issue = await self._revoke(config, action)
                return f"{action.summary()}; recorded in the private ledger issue #{issue.number}"
        return action.summary()

    async def _notify(self, config: Config, notice: Notice, where: str) -> str:
        email = await self._public_email(notice.login)
        channel = Channel.EMAIL if email and self.mailer is not None else Channel.LEDGER
        sent = Notice(notice.login, notice.month, notice.noticed_at, notice.grace,
                      notice.score, notice.required, channel)
        if channel is Channel.EMAIL and self.mailer is not None:
            message_id = f"expert-notice:{sent.month}:{sent.login.lower()}"
            await self.mailer.send(email, texts.notice_subject(sent),
                                   texts.notice_text(sent, where), message_id=message_id)
        issue = await self._record(config, sent.month, texts.ledger_notice(sent, where))
        if channel is Channel.EMAIL:
            return f"notice to @{sent.login} sent by email (their public profile address)"
        return (f"notice to @{sent.login} posted as a mention in the private ledger issue "
                f"#{issue.number} (no public email; readable only with access to "
                f"{config.ledger.repository})")

    async def _revoke(self, config: Config, action: RevokeExpert) -> IssueRef:
        """Leave the teams first, record after: a re-run repeats a removal, never skips it."""
        login = action.closing.login
        for team in (action.team, action.role):
            if "/" in team:
                await self.activity.remove_team_member(team, login)
        return await self._record(config, action.closing.month,
                                  texts.ledger_closing(action.closing))

    async def _public_email(self, login: str) -> str:
        """The profile address, by the same rules as rewards (no noreply relay, no bot)."""
        email = (await self.github.user(login)).get("email")
        return pick_email(login, (), email if isinstance(email, str) else "")

    async def _record(self, config: Config, month: Month, body: str) -> IssueRef:
        issue = await self._month_issue(config.ledger.repository, month)
        await self.github.add_issue_comment(config.ledger.repository, issue.number, body)
        return issue

    async def _month_issue(self, ledger: str, month: Month) -> IssueRef:
        title = texts.ledger_title(month)
        if title not in self._issues:
            for issue in await self.github.find_issues(ledger, texts.LEDGER_LABEL):
                self._issues.setdefault(issue.title, issue)
        if title not in self._issues:
            self._issues[title] = await self.github.create_issue(
                ledger, title, texts.ledger_body(month), [texts.LEDGER_LABEL])
        return self._issues[title]


def summary_lines(outcome: SweepOutcome) -> list[str]:
    """What the CLI prints: the plan, then one line per person actually handled."""
    return [outcome.plan.render(), *(f"  = {line}" for line in outcome.lines),
            *(f"  ! failed, retried on the next run: {line}" for line in outcome.failed)]


__all__: Sequence[str] = ["ActivitySource", "ExpertProgramme", "ExpertsError", "SweepOutcome",
                          "summary_lines"]
