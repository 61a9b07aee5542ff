"""Command line: argv -> subcommands. With __main__, the only code that reads the environment.

Each subcommand is a small function that parses its arguments, builds the pieces it needs
and calls the service or a pure function; exit codes: 0 done, 1 a user error (reported
in one clear message), 2 a usage error (argparse).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from governance import __version__

if TYPE_CHECKING:
    from governance.config.types import Config
    from governance.model import Verdict

DESCRIPTION = ("Code-of-conduct automation for GitHub: moderate comments, issues, pull requests "
               "and discussions, keep the enforcement ladder in a private ledger, send merch "
               "rewards and run the expert programme, as a GitHub App (serve), a GitHub "
               "Action (action) or by hand.")
EPILOG = "Run 'governance COMMAND --help' for a command's options."

Handler = Callable[[argparse.Namespace, Mapping[str, str]], int]


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


# --------------------------------------------------------------------------- helpers


def _read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text("utf-8")
        return json.loads(text)
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc


def _load_config_file(path: str | None) -> Any:
    from governance.config.defaults import default_config
    from governance.config.load import ConfigError, load_config

    if path is None:
        return default_config()
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        return load_config(text, None, repo_name=path)
    except ConfigError as exc:
        raise UserError("\n".join(exc.errors)) from exc


def _decide_offline(event_name: str, payload: Any, config: Any, now: datetime) -> Any:
    """The whole decision for one payload with nothing to ask (an empty record, no profile,
    no opinion, no bans): the one walk over needs, no credentials needed."""
    from governance.decision.machine import Decision
    from governance.events import EventError, parse_event
    from governance.model import Plan, Skip

    try:
        event = parse_event(event_name, payload)
    except EventError as exc:
        raise UserError(str(exc)) from exc
    if event is None:
        reason = f"{event_name}.{payload.get('action', '?')} is not an event the bot acts on"
        return Plan(f"{event_name}", (Skip(reason),), (reason,), None, True)
    plan = Decision.offline(event, config, now)
    return Plan(plan.key, plan.actions, plan.reasons, plan.verdict, True)


def _print_plan(plan: Any, as_json: bool, out: TextIO) -> None:
    out.write((plan.to_json() if as_json else plan.render()) + "\n")


# ----------------------------------------------------------------------- subcommands


def cmd_moderate(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    payload = _read_json(args.payload)
    config = _load_config_file(args.config)
    token = args.token or env.get("GITHUB_TOKEN", "")
    if args.dry_run or not token:
        plan = _decide_offline(args.event, payload, config, datetime.now(UTC))
        _print_plan(plan, args.json, sys.stdout)
        return 0
    from governance.runtime import run_with_token
    from governance.settings import SettingsError

    try:
        outcome = asyncio.run(run_with_token(token, env, args.event, payload, dry_run=False))
    except SettingsError as exc:
        raise _settings_error(exc) from exc
    if outcome.plan is not None:
        _print_plan(outcome.plan, args.json, sys.stdout)
    else:
        print(outcome.ignored)
    return 0


def cmd_demo(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    """Run the bundled sample events through the decision in dry-run."""
    from governance.config.load import load_config

    samples = resources.files("governance.samples")
    config = load_config(samples.joinpath("governance.yml").read_text("utf-8"), None,
                         repo_name="samples/governance.yml")
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    names = sorted(p.name for p in samples.iterdir() if p.name.endswith(".json"))
    for name in names:
        sample = json.loads(samples.joinpath(name).read_text("utf-8"))
        plan = _decide_offline(sample["event"], sample["payload"], config, now)
        print(f"# {name}: {sample['description']}")
        _print_plan(plan, args.json, sys.stdout)
        print()
    return 0


def cmd_classify(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.decision import config_context
    from governance.detect.stream import run_classify
    from governance.policy.moderation import tier_of

    config: Config = _load_config_file(args.config)
    context = config_context(config)  # the learned model, allow-lists: as the bot judges

    def tier(verdict: Verdict) -> str:
        return tier_of(verdict, config).tier.value

    if args.file in (None, "-"):
        return run_classify(sys.stdin, sys.stdout, explain=args.explain, context=context,
                            tier=tier)
    try:
        with open(args.file, encoding="utf-8") as src:
            return run_classify(src, sys.stdout, explain=args.explain, context=context,
                                tier=tier)
    except OSError as exc:
        raise UserError(f"{args.file}: cannot read: {exc.strerror}") from exc


def cmd_config_validate(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.config.load import validate_file

    errors = validate_file(Path(args.file))
    for line in errors:
        print(line, file=sys.stderr)
    if not errors:
        print(f"{args.file}: ok")
    return 1 if errors else 0


def cmd_config_reference(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.config.docs import reference_markdown

    print(reference_markdown())
    return 0


def cmd_init(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.scaffold import init_project

    for line in init_project(Path(args.dir), force=args.force, project=args.project,
                             contact=args.contact):
        print(line)
    return 0


# ------------------------------------------------------------ App and Action edges


def _settings_error(exc: Exception) -> UserError:
    """Every problem of the environment on one line."""
    errors = getattr(exc, "errors", None) or str(exc).splitlines()
    return UserError("invalid settings: " + "; ".join(errors))


def _interval(text: str) -> float:
    from governance.app.timer import parse_interval

    try:
        return parse_interval(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def cmd_serve(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.app.guard import Limits
    from governance.app.launch import serve
    from governance.settings import SettingsError

    try:
        return serve(env, host=args.host, port=args.port, settings_dir=Path(args.settings_dir),
                     public_url=args.public_url, deadline=args.deadline,
                     sweep_every=args.sweep_every, config_ttl=args.config_ttl,
                     limits=Limits(args.header_timeout, args.max_connections_per_client))
    except SettingsError as exc:
        raise _settings_error(exc) from exc


def cmd_action(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.action.run import check_event, finish
    from governance.settings import SettingsError, load_settings

    try:
        settings = load_settings(env, "action", token=args.token)
    except SettingsError as exc:
        raise _settings_error(exc) from exc
    assert settings.action is not None
    sweep = True if args.sweep else None  # None: sweep on schedule/workflow_dispatch events
    return finish(asyncio.run(check_event(settings, sweep=sweep)), settings.action)


def cmd_redeliver(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance.app.launch import effective_env
    from governance.app.redeliver import describe, parse_duration, redeliver_with_settings
    from governance.settings import SettingsError, load_settings

    try:
        window = parse_duration(args.since)
        settings = load_settings(effective_env(env, Path(args.settings_dir)), "app")
    except ValueError as exc:  # SettingsError is a ValueError too
        raise (_settings_error(exc) if isinstance(exc, SettingsError) else UserError(exc)) from exc
    report = asyncio.run(redeliver_with_settings(settings, window, dry_run=args.dry_run))
    print(describe(report, args.dry_run))
    return 0


# ---------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="governance", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"governance {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("moderate", help="decide (and with credentials carry out) one webhook")
    p.add_argument("--event", required=True, help="webhook event name, e.g. issue_comment")
    p.add_argument("--payload", required=True, help="webhook payload JSON file, or - for stdin")
    p.add_argument("--config", help="a governance.yml to use (default: built-in defaults)")
    p.add_argument("--dry-run", action="store_true", help="decide only (default without a token)")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.add_argument("--token", help="GitHub token (default: $GITHUB_TOKEN)")
    p.set_defaults(handler=cmd_moderate)

    p = sub.add_parser("demo", help="print the plans for the bundled sample events (dry-run)")
    p.add_argument("--json", action="store_true", help="print plans as JSON")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("classify", help="JSON Lines {id,text} in, one verdict a line out")
    p.add_argument("file", nargs="?", help="input file (default: stdin)")
    p.add_argument("--explain", action="store_true", help="show the rules and their evidence")
    p.add_argument("--config", metavar="FILE",
                   help="governance.yml whose thresholds decide the tier (default: defaults)")
    p.set_defaults(handler=cmd_classify)

    cfg = sub.add_parser("config", help="configuration tools").add_subparsers(
        dest="config_command", required=True, metavar="SUBCOMMAND")
    p = cfg.add_parser("validate", help="check a governance.yml; every error as file:line:col")
    p.add_argument("file")
    p.set_defaults(handler=cmd_config_validate)
    p = cfg.add_parser("reference", help="print the configuration reference (Markdown)")
    p.set_defaults(handler=cmd_config_reference)

    p = sub.add_parser("init", help="write .github/governance.yml, CODE_OF_CONDUCT.md, workflows")
    p.add_argument("dir", nargs="?", default=".", help="repository root (default: .)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--project", default="", help="project name for the code of conduct")
    p.add_argument("--contact", default="", help="where to report, e.g. an email address")
    p.set_defaults(handler=cmd_init)
    p = sub.add_parser("serve", help="run the GitHub App's webhook server")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8080, help="port to bind (default: 8080)")
    p.add_argument("--settings-dir", default=".governance",
                   help="where App registration stores credentials (default: .governance)")
    p.add_argument("--public-url", help="the App's public URL (registration page only)")
    p.add_argument("--deadline", type=float, default=9.0,
                   help="seconds a delivery may take before it is failed (default: 9)")
    p.add_argument("--sweep-every", type=_interval, default="1h", metavar="INTERVAL",
                   help="run the sweep (expired bans, lost notices, pending rewards, the expert "
                        "programme) for every installation this often, e.g. 30m, 1h, 1d; "
                        "0 turns it off (default: 1h)")
    p.add_argument("--config-ttl", type=_interval, default="10s", metavar="INTERVAL",
                   help="use a config file read from GitHub this long before reading it again, "
                        "so a busy installation costs no read per delivery; an edit applies "
                        "within it; 0 reads it for every delivery (default: 10s)")
    p.add_argument("--header-timeout", type=float, default=5.0, metavar="SECONDS",
                   help="close a connection that has not sent a whole request head this long "
                        "after opening or after its last answer (default: 5)")
    p.add_argument("--max-connections-per-client", type=int, default=64, metavar="N",
                   help="open connections one client address may hold; more are closed at "
                        "once; behind a reverse proxy raise it or use 0 (no limit) "
                        "(default: 64)")
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("action", help="run as a GitHub Action step (reads GITHUB_* variables)")
    p.add_argument("--token", help="GitHub token (default: the token input, then $GITHUB_TOKEN)")
    p.add_argument("--sweep", action="store_true",
                   help="lift expired bans and retry pending rewards (default on schedule)")
    p.set_defaults(handler=cmd_action)

    p = sub.add_parser("redeliver", help="ask GitHub to redeliver the App's failed webhooks")
    p.add_argument("--since", default="24h", help="how far back to look, e.g. 30m, 24h, 3d")
    p.add_argument("--dry-run", action="store_true", help="list what would be redelivered")
    p.add_argument("--settings-dir", default=".governance",
                   help="read the App's credentials from here when the environment has none, "
                        "as serve does (default: .governance)")
    p.set_defaults(handler=cmd_redeliver)
    _add_maintainer_commands(sub)
    _add_scan_commands(sub)
    return parser


# ------------------------------------------------------------- maintainers' commands


def _maintainer(job_of: Callable[[argparse.Namespace], Any], *, dry: bool = False) -> Handler:
    """A handler that connects with the token and runs ``job_of(args)`` on the command's
    wiring (``runtime.Wiring``)."""

    def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
        from governance import maintainer
        from governance.settings import SettingsError

        args.env = env

        async def job(wiring: Any) -> str:
            return str(await job_of(args)(wiring))

        try:
            print(asyncio.run(maintainer.run(env, args.token, job,
                                             dry_run=dry and args.dry_run)))
        except SettingsError as exc:
            raise _settings_error(exc) from exc
        except maintainer.MaintainerError as exc:
            raise UserError(str(exc)) from exc
        return 0

    return handler


def _ledger_job(args: argparse.Namespace, action: Callable[..., Any]) -> Any:
    from governance import maintainer

    async def job(wiring: Any) -> Any:
        repo = args.repo or args.env.get("GITHUB_REPOSITORY")
        ledger = await maintainer.ledger_repository(wiring, args.ledger, repo)
        return await action(wiring, ledger)

    return job


def _with_repo(args: argparse.Namespace, action: Callable[..., Any]) -> Any:
    async def job(wiring: Any) -> Any:
        repo = args.repo or args.env.get("GITHUB_REPOSITORY")
        if not repo:
            raise UserError("name the repository whose config applies with --repo OWNER/REPO")
        return await action(wiring, repo)

    return job


def _read_text(path: str) -> str:
    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text("utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from exc


def _add_token_options(p: argparse.ArgumentParser, *, ledger: bool = True) -> None:
    """``--token`` and ``--repo``; ``--ledger`` only for commands that can do without the
    repository's config (the others use the ledger that config names)."""
    p.add_argument("--token", help="GitHub token (default: $GITHUB_TOKEN)")
    if ledger:
        p.add_argument("--ledger", help="the private ledger repository, OWNER/REPO")
        p.add_argument("--repo", help="read ledger.repository from this repository's config "
                                      "(default: $GITHUB_REPOSITORY)")
    else:
        p.add_argument("--repo", help="the repository whose config applies, with its "
                                      "ledger.repository (default: $GITHUB_REPOSITORY)")


def _add_maintainer_commands(sub: Any) -> None:
    from governance import maintainer as m

    ledger = sub.add_parser("ledger", help="reports from the private ledger").add_subparsers(
        dest="ledger_command", required=True, metavar="SUBCOMMAND")
    p = ledger.add_parser("show", help="one person's record")
    p.add_argument("login", help="@login")
    p.add_argument("--json", action="store_true")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.ledger_show(s, led, a.login, a.json))))
    p = ledger.add_parser("stats", help="incidents, steps, false positives per rule, bans")
    p.add_argument("--since", help="only incidents this recent, e.g. 30d")
    p.add_argument("--json", action="store_true")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.ledger_stats(s, led, a.since, a.json))))
    p = ledger.add_parser("shadow", help="what shadow mode would have done (mode: shadow)")
    p.add_argument("--since", default="7d", help="only shadow entries this recent "
                                                 "(default: 7d)")
    p.add_argument("--format", dest="fmt", choices=("markdown", "json", "csv"),
                   default="markdown", help="as `governance scan --format`")
    p.add_argument("--review-sheet", metavar="CSV", help="also write the would-be actions as "
                   "the review sheet of 'governance scan', to judge for 'governance calibrate'")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.ledger_shadow(s, led, a.since, a.fmt, a.review_sheet))))
    p = ledger.add_parser("report", help="transparency report of a quarter or a month")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--period", help="a quarter, e.g. 2026-Q4")
    when.add_argument("--month", help="a month, e.g. 2026-11")
    p.add_argument("--public", action="store_true",
                   help="counts only: no login, no link (for the community)")
    p.add_argument("--publish", metavar="OWNER/REPO:PATH",
                   help="write the public report to this file through the contents API")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.ledger_report(s, led, a.period, a.month, a.public, a.publish))))

    rewards = sub.add_parser("rewards", help="merch rewards for merged outside PRs").add_subparsers(
        dest="rewards_command", required=True, metavar="SUBCOMMAND")
    p = rewards.add_parser("pending", help="rewards not finished yet (no codes or addresses)")
    p.add_argument("--json", action="store_true")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.rewards_pending(s, led, a.json))))
    p = rewards.add_parser("resend", help="finish or repeat one reward")
    p.add_argument("pr", help="owner/repo#N or the pull request's URL")
    p.add_argument("--email", default="", help="send to this address (required when none "
                                               "was known)")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.rewards_resend(s, led, a.pr, a.email))))
    p = rewards.add_parser("import", help="add codes to a tier's pool in the ledger")
    p.add_argument("file", help="CSV or text file with one code a line")
    p.add_argument("--tier", required=True, help="tier name from recognition.tiers")
    _add_token_options(p, ledger=False)
    p.set_defaults(handler=_maintainer(lambda a: _with_repo(
        a, lambda s, repo: m.rewards_import(s, repo, a.tier, _read_text(a.file)))))
    p = rewards.add_parser("report", help="rewards sent and pending in a month")
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--json", action="store_true")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.rewards_report(s, led, a.month, a.json))))

    experts = sub.add_parser("experts", help="the community expert programme").add_subparsers(
        dest="experts_command", required=True, metavar="SUBCOMMAND")
    p = experts.add_parser("report", help="each expert's activity in a month (Markdown)")
    p.add_argument("--month", help="YYYY-MM (default: the month that ended last)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--public", action="store_true", help="only thanks and top helpers")
    p.add_argument("--publish", action="store_true",
                   help="post the public report where experts.publish says")
    _add_token_options(p, ledger=False)
    p.set_defaults(handler=_maintainer(lambda a: _with_repo(
        a, lambda s, repo: m.experts_report(s, repo, a.month, a.json, a.public, a.publish))))
    p = experts.add_parser("candidates", help="the most helpful people who are not experts")
    p.add_argument("--month", help="YYYY-MM (default: the month that ended last)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    _add_token_options(p, ledger=False)
    p.set_defaults(handler=_maintainer(lambda a: _with_repo(
        a, lambda s, repo: m.experts_candidates(s, repo, a.month, a.limit, a.json))))

    p = sub.add_parser("sweep", help="lift expired bans, send lost private notices, retry pending "
                                        "rewards, run the expert programme")
    p.add_argument("--dry-run", action="store_true", help="show what would be done")
    _add_token_options(p)
    p.set_defaults(handler=_maintainer(lambda a: _ledger_job(
        a, lambda s, led: m.sweep_all(s, led, a.dry_run,
                                      a.repo or a.env.get("GITHUB_REPOSITORY"))), dry=True))


# ------------------------------------------------------------- trial on history


def cmd_scan(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from governance import scanning
    from governance.settings import SettingsError

    if not args.repos and not args.org:
        raise UserError("name at least one OWNER/REPO, or --org ORG")
    request = scanning.ScanRequest(
        repos=args.repos, org=args.org, since=args.since, until=args.until,
        config=_load_config_file(args.config) if args.config else None,
        config_name=args.config or "", fmt=args.format,
        resume=Path(args.resume) if args.resume else None,
        review_sheet=Path(args.review_sheet) if args.review_sheet else None, seed=args.seed)
    try:
        if args.out:
            with Path(args.out).open("w", encoding="utf-8", newline="") as out:
                asyncio.run(scanning.run_scan(request, env, args.token, out, sys.stderr))
        else:
            asyncio.run(scanning.run_scan(request, env, args.token, sys.stdout, sys.stderr))
    except SettingsError as exc:
        raise _settings_error(exc) from exc
    except (scanning.ScanError, OSError) as exc:
        raise UserError(str(exc)) from exc
    return 0


def cmd_calibrate(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    import csv

    from governance.scan.calibrate import SheetError, calibrate, render

    if not 0 < args.precision <= 1 or not 0 < args.review_precision <= 1:
        raise UserError("--precision and --review-precision are fractions, e.g. 0.98")
    try:
        with Path(args.sheet).open(encoding="utf-8", newline="") as sheet:
            result = calibrate(csv.DictReader(sheet), args.precision, args.review_precision)
    except OSError as exc:
        raise UserError(f"{args.sheet}: cannot read: {exc.strerror}") from exc
    except SheetError as exc:
        raise UserError(f"{args.sheet}: {exc}") from exc
    print(render(result, args.precision), end="")
    return 0


def _add_scan_commands(sub: Any) -> None:
    p = sub.add_parser("scan", help="what the bot would have done to a repository's history "
                                    "(dry-run: nothing is written, no mail is sent)")
    p.add_argument("repos", nargs="*", metavar="OWNER/REPO", help="repositories to scan")
    p.add_argument("--org", help="also every repository of this organisation the token sees")
    p.add_argument("--since", default="30d", help="items created since: 30d, 12h, 2w or a "
                                                  "date (default: 30d)")
    p.add_argument("--until", help="items created before: a duration ago or a date "
                                   "(default: now)")
    p.add_argument("--config", help="decide with this governance.yml (default: each "
                                    "repository's own config, as the App)")
    p.add_argument("--format", choices=("markdown", "json", "csv"), default="markdown",
                   help="markdown: a report to read (default); json: one object per item a "
                        "line; csv: one row per item")
    p.add_argument("--out", help="write the report here (default: stdout)")
    p.add_argument("--resume", metavar="FILE", help="keep a checkpoint here after every page; "
                   "run again with the same FILE to continue an interrupted scan")
    p.add_argument("--review-sheet", metavar="CSV", help="also write the would-be actions "
                   "and as many random left-alone items, to judge for 'governance calibrate'")
    p.add_argument("--seed", type=int, default=0, help="seed of the review sheet's sample")
    p.add_argument("--token", help="GitHub token (default: $GITHUB_TOKEN)")
    p.set_defaults(handler=cmd_scan)

    p = sub.add_parser("calibrate", help="precision and thresholds from a judged review sheet")
    p.add_argument("sheet", help="the CSV 'governance scan --review-sheet' wrote, with its "
                                 "correct column filled in (yes/no)")
    p.add_argument("--precision", type=float, default=0.98,
                   help="the precision acting must keep (default: 0.98)")
    p.add_argument("--review-precision", type=float, default=0.5,
                   help="the share of review items that should be real (default: 0.5)")
    p.set_defaults(handler=cmd_calibrate)


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args, os.environ if env is None else env)
    except UserError as exc:
        print(f"governance: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
