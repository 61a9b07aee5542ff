"""The Action end to end: an event file in, calls to the fake GitHub, outputs and summary out.

``governance action`` runs in-process through the CLI's ``main`` with an env mapping (in a
worker thread, because it runs its own event loop while the fake serves on the test's), once
as a real subprocess, and through ``check_event`` where a test needs instant retries.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from governance.action.outputs import ActionReport, output_block, public_plan, summary_markdown
from governance.action.run import check_event, finish
from governance.adapters.retry import RetryPolicy
from governance.cli import main
from governance.model import (
    Category,
    HideClassifier,
    Incident,
    Plan,
    RecordIncident,
    Step,
    Surface,
    Target,
)
from governance.settings import load_settings
from tests.fake_github import FakeGitHub
from tests.test_app_payloads import (
    ABUSIVE,
    BENIGN,
    PHONE,
    PII,
    REPO,
    comment_delivery,
    example,
)

TOKEN = "ghs_workflow_token_for_tests"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fake(fake_github: FakeGitHub) -> FakeGitHub:
    fake_github.add_repo(REPO)
    fake_github.valid_tokens = {TOKEN}  # the workflow's token and nothing else
    return fake_github


def workflow_env(fake: FakeGitHub, tmp_path: Path, event: str, payload: dict[str, Any],
                 **extra: str) -> dict[str, str]:
    payload = copy.deepcopy(payload)
    payload.pop("installation", None)  # workflow events carry no installation
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(payload))
    return {"GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(event_file),
            "GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": fake.url, "GITHUB_REPOSITORY": REPO,
            "GITHUB_OUTPUT": str(tmp_path / "output"),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), **extra}


async def run_cli(env: dict[str, str], *args: str) -> int:
    return await asyncio.to_thread(main, ["action", *args], env)


def read_outputs(path: Path) -> dict[str, str]:
    """Parse GITHUB_OUTPUT's ``name<<DELIMITER`` blocks the way the runner does."""
    out, lines = {}, path.read_text().splitlines()
    index = 0
    while index < len(lines):
        name, _, delimiter = lines[index].partition("<<")
        end = lines.index(delimiter, index + 1)
        out[name] = "\n".join(lines[index + 1:end])
        index = end + 1
    return out


def instant_retry() -> RetryPolicy:
    async def sleep(_: float) -> None:
        return None

    return RetryPolicy(max_tries=3, sleep=sleep, random=lambda: 0.5)


# ------------------------------------------------------------------ through the CLI


async def test_abusive_comment_is_hidden_and_reported(fake: FakeGitHub, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    [write] = [c for c in fake.calls if c.is_write]
    assert write.variables == {"id": comment.node_id, "classifier": "ABUSE"}
    assert comment.minimized_as == "ABUSE"
    assert {c.headers["authorization"] for c in fake.calls} == {f"token {TOKEN}"}
    outputs = read_outputs(tmp_path / "output")
    assert outputs["actions"] == "1"
    plan = json.loads(outputs["plan"])
    assert [a["type"] for a in plan["actions"]] == ["hide_comment"] and not plan["dry_run"]
    summary = (tmp_path / "summary.md").read_text()
    assert "abuse" in summary and "hide comment https://" in summary
    assert "the rule on harassment and abuse" in summary
    assert f"**Checked:** the issue comment at {sent.payload['comment']['html_url']}" in summary
    assert "1 public action(s) carried out" in summary
    assert "worthless" not in summary and "worthless" not in capsys.readouterr().out


async def test_benign_comment_changes_nothing(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, BENIGN)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    assert comment.minimized_as is None and comment.body == BENIGN
    assert [c for c in fake.calls if c.is_write] == []
    assert len(fake.calls) == 2  # the repository's and the organisation's config
    assert read_outputs(tmp_path / "output")["actions"] == "0"
    assert "Nothing to do" in (tmp_path / "summary.md").read_text()


async def test_personal_data_never_reaches_outputs_or_summary(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, PII)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    assert PHONE not in comment.body
    for file in ("output", "summary.md"):
        text = (tmp_path / file).read_text()
        assert PHONE not in text and "Rosenweg" not in text


async def test_pull_request_target_is_handled_as_pull_request(fake: FakeGitHub, tmp_path: Path):
    pr = fake.add_pull_request(REPO, title="Fix the build", body=ABUSIVE, author="drive-by-99")
    payload = example("pull_request", "opened.json")
    payload["repository"].update(full_name=REPO, name="widgets")
    payload["repository"]["owner"].update(login="acme", type="Organization")
    payload["pull_request"].update(number=pr.number, node_id=pr.node_id, id=pr.id,
                                   title=pr.title, body=ABUSIVE, author_association="NONE")
    payload["pull_request"]["user"].update(login="drive-by-99", type="User")
    env = workflow_env(fake, tmp_path, "pull_request_target", payload)

    assert await run_cli(env) == 0

    assert "coc:abuse" in pr.labels
    summary = (tmp_path / "summary.md").read_text()
    assert summary.startswith("## Code of conduct check: `pull_request` in `acme/widgets`")


async def test_dry_run_input_plans_without_writing(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload, **{"INPUT_DRY-RUN": "true"})

    assert await run_cli(env) == 0

    assert [c for c in fake.calls if c.is_write] == [] and comment.minimized_as is None
    outputs = read_outputs(tmp_path / "output")
    assert outputs["actions"] == "0" and json.loads(outputs["plan"])["dry_run"] is True
    assert "dry run" in (tmp_path / "summary.md").read_text()


async def test_an_unknown_dry_run_value_stops_the_action_before_anything(
        fake: FakeGitHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload, **{"INPUT_DRY-RUN": "y"})

    assert await run_cli(env) != 0

    assert fake.calls == [] and comment.minimized_as is None
    assert "dry-run: expected true or false, got 'y'" in capsys.readouterr().err


async def test_config_input_reads_that_file_from_the_repository(fake: FakeGitHub,
                                                                tmp_path: Path):
    fake.add_file(REPO, ".github/coc.yml", "moderation:\n  enabled: false\n")
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload,
                       INPUT_CONFIG=".github/coc.yml")

    assert await run_cli(env) == 0

    assert comment.minimized_as is None
    assert fake.requests("GET", f"/repos/{REPO}/contents/.github/coc.yml")


async def test_a_missing_config_file_named_by_the_input_fails_the_step(fake: FakeGitHub,
                                                                       tmp_path: Path):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload,
                       INPUT_CONFIG=".github/nope.yml")

    assert await run_cli(env) == 1

    assert comment.minimized_as is None
    assert "nope.yml: not found" in (tmp_path / "summary.md").read_text()


async def test_events_it_does_not_act_on_succeed_quietly(fake: FakeGitHub, tmp_path: Path):
    payload = example("issues", "labeled.json")
    env = workflow_env(fake, tmp_path, "issues", payload)

    assert await run_cli(env) == 0

    assert fake.calls == []
    assert read_outputs(tmp_path / "output") == {"actions": "0", "plan": "null"}


async def test_missing_settings_are_all_reported(capsys: pytest.CaptureFixture[str]):
    assert await asyncio.to_thread(main, ["action"], {"GITHUB_API_URL": "nope"}) == 1
    err = capsys.readouterr().err
    for name in ("GITHUB_API_URL", "GITHUB_EVENT_NAME", "GITHUB_TOKEN"):
        assert name in err


async def test_an_unreadable_event_file_fails_the_step(fake: FakeGitHub, tmp_path: Path):
    env = workflow_env(fake, tmp_path, "issue_comment", {})
    Path(env["GITHUB_EVENT_PATH"]).write_text("{not json")

    assert await run_cli(env) == 1

    assert "is not JSON" in (tmp_path / "summary.md").read_text()


async def test_the_token_flag_wins(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload, GITHUB_TOKEN="stale")

    assert await run_cli(env, "--token", TOKEN) == 0

    assert comment.minimized_as == "ABUSE"


async def test_as_a_subprocess(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "governance", "action", cwd=ROOT, env={**keep, **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)

    assert process.returncode == 0, err.decode()
    assert comment.minimized_as == "ABUSE"
    assert read_outputs(tmp_path / "output")["actions"] == "1"
    assert b"Code of conduct check" in out


# ----------------------------------------------------------------- failures


async def test_github_failing_for_good_exits_1_and_nothing_is_done_twice(fake: FakeGitHub,
                                                                         tmp_path: Path):
    sent, comment = comment_delivery(fake, PII)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)
    fake.inject("status", method="PATCH", path=r"/repos/.*/issues/comments/\d+", times=3)
    settings = load_settings(env, "action")
    assert settings.action is not None

    report = await check_event(settings, retry=instant_retry())

    assert finish(report, settings.action) == 1
    assert PHONE in comment.body  # not redacted: the step failed, visibly
    assert "could not finish" in (tmp_path / "summary.md").read_text()
    rerun = await check_event(settings, retry=instant_retry())  # re-running the job
    assert rerun.errors == () and comment.body.count(PHONE) == 0


async def test_rate_limits_are_waited_out(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, ABUSIVE)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)
    fake.inject("secondary_rate_limit", graphql="minimizeComment", retry_after=30)
    settings = load_settings(env, "action")

    report = await check_event(settings, retry=instant_retry())

    assert report.errors == () and report.actions_taken == 1
    assert comment.minimized_as == "ABUSE"


# -------------------------------------------------------------- outputs, unit


def test_output_values_with_newlines_and_delimiter_lookalikes_stay_whole():
    tokens = iter(["aaaa", "bbbb"])
    block = output_block("plan", "line one\nghadelimiter_aaaa\nline three", lambda: next(tokens))
    assert block == ("plan<<ghadelimiter_bbbb\nline one\nghadelimiter_aaaa\nline three\n"
                     "ghadelimiter_bbbb\n")


def test_private_fields_are_left_out_of_the_plan_output_and_summary():
    target = Target(REPO, Surface.ISSUE_COMMENT, 3, "IC_1", 1, "https://example/c/1")
    incident = Incident("IC_1@x", datetime(2026, 11, 22, tzinfo=UTC), Category.PII,
                        ("pii.phone_number",), Step.CORRECTION)
    record = RecordIncident("someone", incident, "personal data", evidence=(PHONE,),
                            original_text=PII)
    from governance.model import HideComment

    plan = Plan("IC_1@x", (HideComment(target, HideClassifier.OFF_TOPIC), record),
                ("pii score 0.99", "ladder step correction"), None, False)
    public = json.dumps(public_plan(plan))
    assert PHONE not in public and "original_text" not in public and "someone" not in public
    summary = summary_markdown(ActionReport("issue_comment", REPO, plan,
                                            ("hide_comment", "record_incident")))
    assert "someone" not in summary and "correction" not in summary
    assert "kept in the private ledger" in summary and "1 public action(s) carried out" in summary
    assert re.search(r"\| 1 \| hide comment", summary)


# ----------------------------------------------------------------------- sweep

LEDGER = "acme/coc-ledger"


async def seed_expired_ban(fake: FakeGitHub, login: str,
                           config_path: str = ".github/governance.yml") -> None:
    """A temporary ban that ended yesterday, recorded through the real ledger store."""
    from datetime import timedelta

    import aiohttp

    from governance.adapters.github import GitHubAdapter
    from governance.ledger.store import GitHubLedger
    from tests.clock import ManualClock

    eight_days_ago = ManualClock(datetime.now(UTC) - timedelta(days=8))
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, config_path, f"ledger:\n  repository: {LEDGER}\n")
    fake.block("acme", login)
    start = eight_days_ago.now()
    incident = Incident(f"IC_{login}@1", start, Category.ABUSE, ("abuse.threat",),
                        Step.TEMPORARY_BAN, url=f"https://github.com/{REPO}/issues/1#c",
                        expires_at=start + timedelta(days=7))
    async with aiohttp.ClientSession() as session:
        github = GitHubAdapter(session, token=TOKEN, base_url=fake.url)
        await GitHubLedger(github, LEDGER, eight_days_ago).record_incident(
            RecordIncident(login, incident, "abuse"))


async def test_a_scheduled_run_sweeps_expired_bans(fake: FakeGitHub, tmp_path: Path):
    await seed_expired_ban(fake, "banned-bob")
    env = workflow_env(fake, tmp_path, "schedule", {"schedule": "17 3 * * *"})

    assert await run_cli(env) == 0

    assert "banned-bob" not in fake.orgs["acme"].blocks
    assert "lifted" in fake.repo(LEDGER).files["people/banned-bob.json"].text
    summary = (tmp_path / "summary.md").read_text()
    assert "1 expired ban(s) lifted" in summary and "banned-bob" not in summary
    assert "unblock user acme (one person)" in summary


async def test_the_sweep_reads_the_config_from_the_config_input(fake: FakeGitHub,
                                                                 tmp_path: Path):
    await seed_expired_ban(fake, "banned-bob", config_path="ops/conduct.yml")
    env = workflow_env(fake, tmp_path, "schedule", {"schedule": "17 3 * * *"},
                       **{"INPUT_CONFIG": "ops/conduct.yml"})

    assert await run_cli(env) == 0

    assert "banned-bob" not in fake.orgs["acme"].blocks
    assert "lifted" in fake.repo(LEDGER).files["people/banned-bob.json"].text
    summary = (tmp_path / "summary.md").read_text()
    assert "1 expired ban(s) lifted" in summary


async def test_a_sweep_without_a_ledger_does_nothing(fake: FakeGitHub, tmp_path: Path):
    env = workflow_env(fake, tmp_path, "workflow_dispatch", {"inputs": {}})

    assert await run_cli(env) == 0

    assert [c for c in fake.calls if c.is_write] == []
    assert "no ledger repository is configured" in (tmp_path / "summary.md").read_text()


# ------------------------------------------------------------------ runtime wiring


async def test_moderate_with_a_token_uses_the_same_wiring(fake: FakeGitHub, tmp_path: Path):
    sent, comment = comment_delivery(fake, ABUSIVE)
    payload_file = tmp_path / "payload.json"
    payload_file.write_text(json.dumps(sent.payload))
    env = {"GITHUB_API_URL": fake.url}

    code = await asyncio.to_thread(main, ["moderate", "--event", "issue_comment", "--payload",
                                          str(payload_file), "--token", TOKEN], env)

    assert code == 0 and comment.minimized_as == "ABUSE"


def test_smtp_settings_choose_the_smtp_mailer():
    from governance.adapters.mail import SmtpMailer
    from governance.runtime import build_mailer

    env = {"SMTP_HOST": "smtp.example.org", "SMTP_FROM": "Conduct <conduct@example.org>",
           "SMTP_TLS": "implicit", "SMTP_USERNAME": "bot", "SMTP_PASSWORD": "pw",
           "GITHUB_TOKEN": "t"}
    mailer = build_mailer(load_settings(env, "token").smtp)

    assert isinstance(mailer, SmtpMailer)
    assert (mailer.settings.port, mailer.settings.security, mailer.settings.password) == (
        465, "implicit", "pw")
    assert build_mailer(load_settings({"GITHUB_TOKEN": "t"}, "token").smtp) is None


async def test_the_sweep_runs_the_expert_programme_step_in_dry_run(fake: FakeGitHub,
                                                                   tmp_path: Path):
    fake.add_repo(LEDGER, private=True)
    fake.add_team("acme", "experts", ["quiet-expert"])
    fake.add_file(REPO, ".github/governance.yml",
                  f"ledger:\n  repository: {LEDGER}\n"
                  "experts:\n  enabled: true\n  team: acme/experts\n  minimum: 5\n")
    env = workflow_env(fake, tmp_path, "schedule", {"schedule": "0 6 1 * *"},
                       **{"INPUT_DRY-RUN": "true"})

    assert await run_cli(env) == 0

    assert [c for c in fake.calls if c.is_write] == []
    summary = (tmp_path / "summary.md").read_text()
    assert summary.startswith("## Code of conduct sweep: `schedule`")
    assert "kept in the private ledger" in summary and "expert" not in summary
    assert "quiet-expert" not in summary
    assert fake.requests(graphql="organization")  # the team was read


WAVE_TEXT = ("We build custom dashboards like this for clients, happy to help your team with "
             "it if you want.")


async def test_spam_waves_are_looked_up_in_the_repositorys_newest_comments(
        fake: FakeGitHub, tmp_path: Path):
    # Under test: the one read of the newest comments and the wave's raise of a borderline
    # pitch, not the learned model's reading of it (tests/known_model_limits.py pins that):
    # the rules read it at 0.80 (review), and as a wave it reaches act.
    fake.add_file(REPO, ".github/governance.yml", "moderation:\n  language_model: false\n")
    earlier = fake.add_issue(REPO, title="Dashboards", author="reporter")
    fake.add_comment(REPO, earlier.number, WAVE_TEXT, author="seller1")
    sent, _ = comment_delivery(fake, WAVE_TEXT, author="seller2")
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload, INPUT_DRY_RUN="true")

    assert await run_cli(env) == 0

    assert len(fake.requests("GET", f"/repos/{REPO}/issues/comments")) == 1
    plan = json.dumps(json.loads(read_outputs(tmp_path / "output")["plan"]))
    # The wave's review item (naming both sellers) is only in the ledger.
    assert "hide_comment" in plan and "seller" not in plan and "spam wave" not in plan


async def test_benign_content_costs_no_read_of_recent_comments(fake: FakeGitHub,
                                                               tmp_path: Path):
    sent, _ = comment_delivery(fake, BENIGN)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    assert fake.requests("GET", f"/repos/{REPO}/issues/comments") == []


async def test_a_report_stays_out_of_every_public_surface(
        fake: FakeGitHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The Action end to end: the reporter, their reason (with an e-mail address) and the
    subject reach only the ledger, never the outputs, the summary or the log."""
    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", f"ledger:\n  repository: {LEDGER}\n")
    issue = fake.add_issue(REPO, title="Crash on startup", author="reporter")
    fake.add_comment(REPO, issue.number, "I know where target-tom lives.", author="target-tom")
    reason = "harassing me for weeks, write to rita.r@example.org"
    sent, _ = comment_delivery(fake, f"/coc report {reason}", author="rita-reporter",
                               issue=issue)
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    ledger = "".join(f.text for f in fake.repo(LEDGER).files.values())
    ledger += "".join(i.body for i in fake.repo(LEDGER).issues.values())
    assert "rita.r@example.org" in ledger  # the moderators see the report
    printed = capsys.readouterr()
    public = [(tmp_path / "output").read_text(), (tmp_path / "summary.md").read_text(),
              printed.out, printed.err]
    for text in public:
        for private in ("rita", "example.org", "target-tom", "harassing", "report"):
            assert private not in text.lower(), (private, text)


async def test_a_suspected_ban_evasion_stays_out_of_every_public_surface(
        fake: FakeGitHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from governance.ledger.bans import PATH, to_json
    from governance.ports import ActiveBan

    fake.add_repo(LEDGER, private=True)
    fake.add_file(REPO, ".github/governance.yml", f"ledger:\n  repository: {LEDGER}\n")
    fake.add_file(LEDGER, PATH, to_json([ActiveBan("banned-bob", "IC_old@1", None, ())]))
    sent, _ = comment_delivery(fake, BENIGN, author="banned-b0b")
    env = workflow_env(fake, tmp_path, "issue_comment", sent.payload)

    assert await run_cli(env) == 0

    ledger = "".join(i.body for i in fake.repo(LEDGER).issues.values())
    ledger += "".join(c.body for c in fake.comments.values() if c.repo == LEDGER)
    assert "possible ban evasion" in ledger  # the moderators see the suspicion
    printed = capsys.readouterr()
    public = [(tmp_path / "output").read_text(), (tmp_path / "summary.md").read_text(),
              printed.out, printed.err]
    for text in public:
        for private in ("banned-b", "evasion", "review"):
            assert private not in text.lower(), (private, text)
    assert read_outputs(tmp_path / "output")["actions"] == "0"


async def test_the_sweep_mails_the_moderators_digest(fake: FakeGitHub, tmp_path: Path,
                                                     smtp_server):
    from governance.ledger.notifications import PATH

    await seed_expired_ban(fake, "banned-bob")
    fake.add_file(REPO, ".github/governance.yml",
                  f"ledger:\n  repository: {LEDGER}\nnotifications:\n"
                  "  email: [mods@example.org]\n  webhook: true\n")
    state = fake.repo(LEDGER).files["people/banned-bob.json"]
    data = json.loads(state.text)
    data["entries"].append({"kind": "review", "key": "wave:1", "at": "2026-11-02T09:00:00+00:00",
                            "by": "bot", "recorded_at": "2026-11-02T09:00:00+00:00",
                            "revision": 2, "details": {"reason": "spam wave", "url": "u"}})
    data["revision"] = 2
    fake.add_file(LEDGER, "people/banned-bob.json", json.dumps(data))
    env = workflow_env(fake, tmp_path, "schedule", {"schedule": "17 3 * * *"},
                       SMTP_HOST=smtp_server.host, SMTP_PORT=str(smtp_server.port),
                       SMTP_TLS="none", SMTP_FROM="Conduct <conduct@example.org>")

    assert await run_cli(env) == 0

    (mail,) = [m for m in smtp_server.messages if m.rcpt_tos == ("mods@example.org",)]
    body = mail.message.get_body(("plain",)).get_content()
    assert "- spam wave (new, opened 2026-11-02 09:00 UTC)" in body and "bob" not in body
    assert PATH in fake.repo(LEDGER).files  # claimed; no MODERATORS_WEBHOOK_URL: no post
