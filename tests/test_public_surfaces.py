"""Every public surface of every kind of plan, scanned for what only the ledger may hold.

Public surfaces: the ``plan`` output and the job summary of the Action, the log line of each
action (``public.describe``) and the bodies of the bot's public comments. Private: whom a
step, a block, a report, a note or a suspicion concerns, notes, reasons, e-mail addresses,
phone numbers, streets, ladder steps, evidence and original text. The plans come from the
real pure decisions (moderation, reviews, ban evasion, spam waves, every /coc verb, rewards,
the sweep, the expert programme), each seeded with such data.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from governance import public
from governance.action.outputs import ActionReport, public_plan, summary_markdown
from governance.action.run import sweep_outcome
from governance.decision import decide, wave_review
from governance.experts.activity import Contribution, Kind
from governance.experts.months import Month, Window
from governance.experts.policy import Members, plan_sweep
from governance.experts.records import Channel, Notice, Records
from governance.model import (
    Actor,
    Association,
    Category,
    Incident,
    MergedPullRequest,
    PersonRecord,
    Plan,
    PostComment,
    RecordReview,
    Repository,
    RuleHit,
    Step,
    Surface,
    Target,
    Verdict,
)
from governance.policy.commands import TargetComment, parse_command, plan_command
from governance.policy.evasion import BannedPerson, evasion_review
from governance.policy.moderation import moderate
from governance.policy.recognition import recognize
from governance.policy.sweep import PlannedNotice, sweep_plan
from governance.policy.waves import Wave, fingerprint
from governance.rewards.flow import RewardOutcome
from governance.sweep import SweepReport
from tests.builders import NOW, config, event

PHONE = "+49 170 1234567"
STREET = "Rosenweg 12"
EMAIL = "rita.reporter@example.org"
TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
AUTHOR = "mallory-x"  # wrote the content that is acted on
MODERATOR = "mod-maria"
REPORTER = "rita-reporter"
BANNED = "banned-bob"
EXPERT = "quiet-expert"
CONTRIBUTOR = "outside-olga"
PRIVATE_WORDS = (PHONE, STREET, EMAIL, TOKEN, AUTHOR, MODERATOR, REPORTER, BANNED, EXPERT,
                 CONTRIBUTOR, "banned-b0b", "correction", "warning", "temporary", "permanent",
                 "ladder", "evasion", "spam wave", "reported", "original_text", "evidence", "note")
SECRET_REASON = f"lives at {STREET}, call {PHONE} or mail {EMAIL}"

CONFIG = config(ledger={"repository": "acme/coc-ledger"})
URL = "https://github.com/acme/widgets/issues/7#issuecomment-5"
BODY = f"You idiot, I know you live at {STREET}, call {PHONE}, mail {EMAIL}, key {TOKEN}"
CATEGORY_RULES = {Category.ABUSE: "abuse.insult", Category.SOLICITATION: "solicitation.agency",
                  Category.PII: "pii.phone_number", Category.MALWARE: "malware.lure"}


def hit_verdict(category: Category, score: float) -> Verdict:
    start = BODY.index(PHONE)
    hit = RuleHit(CATEGORY_RULES[category], category, score, ((start, start + len(PHONE)),))
    return Verdict(category.label if score >= 0.5 else Verdict.ok().label, score, (hit,))


def content(**kw: Any):
    return event(BODY, login=AUTHOR, html_url=URL, **{"node_id": "IC_bad", "rest_id": 5, **kw})


def previous(step: Step, days: int = 3) -> PersonRecord:
    incident = Incident("IC_old", NOW - timedelta(days=days), Category.ABUSE, ("abuse.insult",),
                        step, URL)
    return PersonRecord(AUTHOR, (incident,), revision=4)


# ------------------------------------------------------------------------- plan kinds


def moderation_plans() -> Iterator[tuple[str, Plan]]:
    for category in Category:
        for step in (Step.NONE, Step.CORRECTION, Step.WARNING, Step.TEMPORARY_BAN):
            record = previous(step) if step else PersonRecord(AUTHOR)
            yield (f"moderation {category} after {step.name}",
                   moderate(content(), hit_verdict(category, 0.99), CONFIG, record, NOW))
        yield (f"review {category}",
               moderate(content(), hit_verdict(category, 0.7), CONFIG, PersonRecord(AUTHOR), NOW))
    body_event = content(surface=Surface.ISSUE, title="help", node_id="I_bad")
    yield "moderation of an issue body", moderate(body_event, hit_verdict(Category.PII, 0.99),
                                                   CONFIG, PersonRecord(AUTHOR), NOW)


def evasion_and_wave_plans() -> Iterator[tuple[str, Plan]]:
    newcomer = event("Thanks for the release! The new parser fixed the crash on empty files "
                     "that we saw last week on every build server we run.", login="banned-b0b",
                     html_url=URL)
    banned = BannedPerson(BANNED, (fingerprint(newcomer.body) or 0,), None)
    review = evasion_review(newcomer, fingerprint(newcomer.body), [banned], NOW)
    assert review is not None and BANNED in review.reason  # the ledger's item names them
    yield "ban evasion", decide(newcomer, CONFIG, PersonRecord("banned-b0b"), NOW,
                                verdict=Verdict.ok(), evasion=review)
    wave = Wave(2, (BANNED, REPORTER), ("acme/widgets#1", "acme/widgets#2"), "w1")
    spam = content()
    plan = moderate(spam, hit_verdict(Category.SOLICITATION, 0.99), CONFIG,
                    PersonRecord(AUTHOR), NOW)
    yield "spam wave", dataclasses.replace(plan, actions=(*plan.actions, wave_review(spam, wave)))


COMMANDS = (
    f"/coc hide spam {SECRET_REASON}", f"/coc unhide {SECRET_REASON}",
    f"/coc warn @{AUTHOR} {SECRET_REASON}", f"/coc ban @{AUTHOR} 7d {SECRET_REASON}",
    f"/coc ban @{AUTHOR} permanent {SECRET_REASON}", f"/coc unban @{AUTHOR} {SECRET_REASON}",
    f"/coc pardon @{AUTHOR} {SECRET_REASON}", f"/coc note @{AUTHOR} {SECRET_REASON}",
    f"/coc report {SECRET_REASON}", f"/coc frobnicate @{AUTHOR} {SECRET_REASON}",
)


def command_plans() -> Iterator[tuple[str, Plan]]:
    target = TargetComment(Target("acme/widgets", Surface.ISSUE_COMMENT, 7, "IC_bad", 5, URL),
                           AUTHOR, BODY)
    banned = previous(Step.TEMPORARY_BAN, days=1)
    for body in COMMANDS:
        command = parse_command(body)
        assert command is not None
        actor = REPORTER if "report" in body else MODERATOR
        cmd = event(body, login=actor, node_id="IC_cmd", rest_id=9,
                    html_url="https://github.com/acme/widgets/issues/7#issuecomment-9")
        for record in (PersonRecord(AUTHOR), banned):
            yield (f"{body.split()[1]} on {len(record.incidents)} step(s)",
                   plan_command(command, cmd, "write", record, CONFIG, NOW, target=target))
        yield (f"{body.split()[1]} refused", plan_command(command, cmd, "read", banned, CONFIG,
                                                          NOW, target=target))


def reward_plans() -> Iterator[tuple[str, Plan]]:
    pr = MergedPullRequest(Repository("acme", "widgets"), 12, Actor(CONTRIBUTOR,
                           association=Association.CONTRIBUTOR), "Fix", f"{URL[:-20]}pull/12",
                           "PR_12", "main", merged_at=NOW)
    rewarding = config(recognition={"enabled": True, "tiers": [
        {"name": "sticker", "repositories": ["acme/*"]}]})
    yield "reward", recognize(pr, rewarding)
    yield "reward refused", recognize(pr, config(recognition={"enabled": False}))


def sweep_plans() -> Iterator[tuple[str, Plan]]:
    start = NOW - timedelta(days=8)
    bans = (Incident("IC_1", start, Category.ABUSE, ("abuse.insult",), Step.TEMPORARY_BAN, URL,
                     expires_at=NOW - timedelta(days=1)),
            Incident("IC_2", NOW - timedelta(hours=2), None, ("moderator.warn",), Step.WARNING,
                     URL, MODERATOR))
    record = PersonRecord(BANNED, bans, revision=3)
    plan = sweep_plan(record, NOW, "acme", (PlannedNotice("IC_2", SECRET_REASON),), 7)
    assert plan is not None
    yield "sweep of one person", plan
    rewards = tuple(RewardOutcome(f"acme/widgets#{n}", "thanked") for n in (3, 4))
    report = SweepReport("acme/coc-ledger", False, (plan,), rewards)
    yield "the Action's sweep", sweep_outcome(report, "acme/widgets").plan


def expert_plans() -> Iterator[tuple[str, Plan]]:
    settings = config(experts={"enabled": True, "team": "acme/experts", "minimum": 10,
                               "label": "acme/triagers"}).experts
    dec_1 = NOW.replace(month=12, day=1)
    grace = Window(dec_1 - timedelta(days=31), dec_1 - timedelta(days=1))
    due = Notice(BANNED, Month(2026, 10), dec_1 - timedelta(days=31), grace, 2.0, 10.0,
                 Channel.EMAIL)
    records = Records(notices=(due,))
    members = Members(team=frozenset({EXPERT, BANNED}))
    found = [Contribution(EXPERT, Kind.REVIEW, NOW, "acme/widgets")]
    yield "experts", plan_sweep(dec_1, settings, members, records, found)


PLANS = [*moderation_plans(), *evasion_and_wave_plans(), *command_plans(), *reward_plans(),
         *sweep_plans(), *expert_plans()]


# --------------------------------------------------------------------------- surfaces


def surfaces(plan: Plan) -> dict[str, str]:
    done = tuple(a.kind for a in plan.actions)
    shown = dataclasses.replace(plan, dry_run=False)
    return {
        "plan output": json.dumps(public_plan(shown), ensure_ascii=False),
        "job summary": summary_markdown(ActionReport("issue_comment", "acme/widgets", shown,
                                                     done)),
        "dry-run summary": summary_markdown(ActionReport(
            "issue_comment", "acme/widgets", dataclasses.replace(plan, dry_run=True))),
        "log lines": "\n".join(public.describe(a) for a in plan.actions),
        "public comments": "\n".join(a.body for a in plan.actions
                                     if isinstance(a, PostComment)),
    }


def private_values(plan: Plan) -> set[str]:
    """What the plan's private actions hold about people, besides the seeded words."""
    out: set[str] = set()
    for action in plan.actions:
        if public.public_action(action) is not None:
            continue
        for name in ("login", "text", "original_text", "evidence", "removed_text"):
            value = getattr(action, name, "")
            out |= {v for v in ((value,) if isinstance(value, str) else value) if len(v) > 3}
        if isinstance(action, RecordReview):
            out.add(action.reason)
    return out


def test_the_scan_covers_every_kind_of_plan_with_private_data_in_it():
    kinds = {type(a).__name__ for _, plan in PLANS for a in plan.actions}
    assert {"RecordIncident", "RecordReview", "RecordNote", "RecordPardon", "RecordBanLifted",
            "Notify", "BlockUser", "UnblockUser", "Reward", "SendExpertNotice",
            "RevokeExpert", "HideComment", "Redact", "DeleteComment", "Skip"} <= kinds
    clean = {n for n, p in PLANS if not any(w in p.to_json() for w in PRIVATE_WORDS)}
    assert clean <= {"frobnicate on 0 step(s)", "frobnicate on 1 step(s)", "reward refused"}


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=[n for n, _ in PLANS])
def test_no_public_surface_shows_private_data(name: str, plan: Plan):
    forbidden = set(PRIVATE_WORDS) | private_values(plan)
    for surface, text in surfaces(plan).items():
        lowered = text.lower()
        leaked = sorted(w for w in forbidden if w.lower() in lowered)
        assert not leaked, f"{name}: {surface} shows {leaked}:\n{text}"


def test_public_surfaces_still_say_what_was_done_and_under_which_rule():
    plan = moderate(content(), hit_verdict(Category.ABUSE, 0.99), CONFIG, previous(Step.WARNING),
                    NOW)
    summary = summary_markdown(ActionReport("issue_comment", "acme/widgets", plan,
                                            tuple(a.kind for a in plan.actions)))
    assert f"hide comment {URL} (ABUSE)" in summary
    assert "block user acme (one person)" in summary
    assert "the rule on harassment and abuse" in summary and "`abuse.insult`" in summary
    assert "2 public action(s) carried out" in summary


def test_a_suspicion_without_a_public_action_shows_no_verdict_and_no_count():
    newcomer = next(p for n, p in PLANS if n == "ban evasion")
    shown = public_plan(newcomer)
    assert shown is not None and shown["actions"] == [] and shown["categories"] == []
    review = next(p for n, p in PLANS if n == f"review {Category.ABUSE}")
    assert public_plan(review)["verdict"] is None
    benign = moderate(content(), Verdict.ok(), CONFIG, PersonRecord(AUTHOR), NOW)
    # The same public view, word for word, whether or not a private item was opened.
    assert public_plan(newcomer)["private"] == public_plan(benign)["private"]
    def unkeyed(plan: Plan) -> dict[str, Any]:
        return {k: v for k, v in (public_plan(plan) or {}).items() if k != "key"}

    assert unkeyed(newcomer) == unkeyed(review) == unkeyed(benign)
    assert public_plan(benign)["reasons"] == ["no public action is needed"]


def test_an_action_type_nobody_listed_is_private():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Future(PostComment):
        kind = "future_thing"

    action = Future(Target("acme/widgets", Surface.ISSUE, 7, "I_7", 0, URL), SECRET_REASON)
    assert public.public_action(action) is None
    assert SECRET_REASON not in public.describe(action)


async def test_the_log_of_a_run_without_a_ledger_names_no_record_and_no_step(caplog):
    """Warnings reach the Action's public log: they name neither the kind of record (a review
    item on benign content hints at a suspicion), the notice's step nor the person."""
    from governance.executor import Executor
    from governance.model import Notify

    review = RecordReview(BANNED, "evasion:IC_1", URL, f"possible ban evasion of @{BANNED}")
    notice = Notify(AUTHOR, "warning", Step.WARNING, "abuse", URL, "acme/widgets")
    executor = Executor(github=None)  # type: ignore[arg-type]  # neither needs GitHub
    for action in (review, notice):
        await executor.dispatch(action)
    logged = " ".join(r.getMessage() for r in caplog.records).lower()
    assert "not kept" in logged
    for word in ("review", "evasion", "warning", BANNED, AUTHOR):
        assert word not in logged


def test_the_public_key_of_a_redacted_body_carries_no_digest_of_the_original_text():
    """The version key's digest is an unsalted SHA-256 of the text as posted; published next
    to the redacted text it confirms guesses of the removed number offline (review finding)."""
    body_event = content(surface=Surface.ISSUE, title="help", node_id="I_bad")
    plan = moderate(body_event, hit_verdict(Category.PII, 0.99), CONFIG, PersonRecord(AUTHOR), NOW)
    shown = public_plan(plan)
    assert shown is not None and shown["key"] == "I_bad"
    digest = body_event.version_key.partition("@")[2]
    for surface in (json.dumps(shown), summary_markdown(ActionReport(
            "issues", "acme/widgets", plan, tuple(a.kind for a in plan.actions)))):
        assert digest not in surface


@pytest.mark.parametrize(("key", "shown"), [
    ("IC_kwDOA1b2@0123456789abcdef", "IC_kwDOA1b2"),
    ("mallory-x", ""),  # the sweep keys per-person plans by login
    ("coc-command:IC_kwDOA1b2", "coc-command:IC_kwDOA1b2"),
])
def test_public_key_shows_content_by_node_id_and_never_a_login(key: str, shown: str):
    assert public.public_key(key) == shown
