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
from typing import Any, TextIO

from governance import __version__

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
    """The whole decision for one payload with an empty ledger record: no credentials needed."""
    from governance.decision import decide
    from governance.events import EventError, parse_event
    from governance.model import Plan, PersonRecord, Skip

    try:
        event = parse_event(event_name, payload)
    except EventError as exc:
        raise UserError(str(exc)) from exc
    if event is None:
        reason = f"{event_name}.{payload.get('action', '?')} is not an event the bot acts on"
        return Plan(f"{event_name}", (Skip(reason),), (reason,), None, True)
    plan = decide(event, config, PersonRecord(event.author.login), now)
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

    outcome = asyncio.run(run_with_token(token, env, args.event, payload, dry_run=False))
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
    from governance.detect.stream import run_classify

    if args.file in (None, "-"):
        return run_classify(sys.stdin, sys.stdout, explain=args.explain)
    try:
        with open(args.file, encoding="utf-8") as src:
            return run_classify(src, sys.stdout, explain=args.explain)
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


# ---------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="governance", description=__doc__.splitlines()[0])
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
    return parser


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
