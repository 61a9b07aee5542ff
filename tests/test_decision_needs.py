"""The decision as a state machine, walked with no fakes: each test answers its needs by hand
and shows what was asked, in order, and the plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings, target
from hypothesis import strategies as st

from governance.decision import decide
from governance.decision.machine import MAX_NEEDS, Decision, DecisionError
from governance.decision.needs import (
    NEEDS,
    AccountProfile,
    ActiveBans,
    Answer,
    Bans,
    BreakerCount,
    Counted,
    LedgerRecord,
    Need,
    Opinion,
    Profile,
    RecentSightings,
    Record,
    SecondOpinion,
    Sightings,
    nothing_known,
)
from governance.model import (
    Actor,
    ActorType,
    Association,
    BreakerState,
    Category,
    Event,
    Field,
    HoldReward,
    Incident,
    MergedPullRequest,
    PersonRecord,
    Plan,
    RecordIncident,
    RecordReview,
    Repository,
    Reward,
    RuleHit,
    Sighting,
    Step,
    Verdict,
)
from governance.policy.evasion import BannedPerson
from governance.policy.waves import fingerprint
from tests.builders import NOW, config, event

LEDGER = {"repository": "acme/coc-ledger"}
ABUSIVE = "You are a worthless idiot and nobody wants your garbage patches here. Get lost."
BORDERLINE = "contact me on telegram"  # a gig offer: between review and act, in the LLM's band
SPAM = ("Hire our agency! Guaranteed SEO backlinks and page-one Google ranking in a week. "
        "Message me on Telegram @rankboost_pro for prices.")
BENIGN = "Thanks for the quick fix! I tested the patch on Windows 11 and the crash is gone."
OLD_ACCOUNT = {"created_at": "2015-03-01T09:00:00Z", "followers": 40, "public_repos": 12}
NEW_ACCOUNT = {"created_at": "2026-11-20T00:00:00Z", "followers": 0, "public_repos": 0}
TIERS = [{"name": "100", "description": "$100 merch credit", "repositories": ["acme/*"]}]

Answers = Callable[[Need], Answer]


def nothing(need: Need) -> Answer:
    """What a service without stores answers (nothing found), and an ordinary old
    account's profile."""
    match need:
        case RecentSightings():
            return Sightings()
        case SecondOpinion():
            return Opinion()
        case AccountProfile():
            return Profile(OLD_ACCOUNT)
        case ActiveBans():
            return Bans()
        case LedgerRecord():
            return Record(PersonRecord(need.login))
        case BreakerCount():
            return Counted()


def told(**by_kind: Answer) -> Answers:
    """``nothing``, but these answers to these kinds of need (by the need's class name)."""
    return lambda need: by_kind.get(type(need).__name__) or nothing(need)


def walk(decision: Decision, answers: Answers = nothing) -> tuple[list[str], Plan]:
    """The names of the needs asked, in order, and the plan."""
    asked: list[str] = []
    while (need := decision.next()) is not None:
        asked.append(type(need).__name__)
        decision.send(answers(need))
    return asked, decision.plan


def kinds(plan: Plan) -> list[str]:
    return [a.kind for a in plan.effective]


def merged_pr(login: str = "alex") -> MergedPullRequest:
    return MergedPullRequest(Repository("acme", "widgets"), 42,
                             Actor(login, ActorType.USER, 1, Association.CONTRIBUTOR), "Fix",
                             "https://github.com/acme/widgets/pull/42", "PR_1", "main")


def warned(login: str, days_ago: int) -> PersonRecord:
    step = Incident("IC_earlier", NOW - timedelta(days=days_ago), Category.ABUSE,
                    ("abuse.insult",), Step.WARNING)
    return PersonRecord(login, (step,), revision=3)


# ------------------------------------------------------------------ walks


def test_an_abusive_comment_asks_for_the_record_the_breaker_and_the_profile():
    asked, plan = walk(Decision(event(ABUSIVE, login="troll",
                                      association=Association.CONTRIBUTOR),
                                config(ledger=LEDGER), NOW))

    # remembered for spam waves (not looked up: no spam signs), then the ladder's record,
    # the breaker's count for the hide, and the account's age for the step's provenance
    assert asked == ["RecentSightings", "LedgerRecord", "BreakerCount", "AccountProfile"]
    assert kinds(plan) == ["hide_comment", "record_incident", "notify"]
    (step,) = (a for a in plan.actions if isinstance(a, RecordIncident))
    assert step.incident.step is Step.CORRECTION  # a clean record: the ladder's first rung
    assert step.provenance is not None and step.provenance.account_created_at is not None


def test_the_record_it_is_told_moves_the_abusive_comment_up_the_ladder():
    decision = Decision(event(ABUSIVE, login="troll", association=Association.CONTRIBUTOR),
                        config(ledger=LEDGER), NOW)

    _, plan = walk(decision, told(LedgerRecord=Record(warned("troll", days_ago=10))))

    (step,) = (a for a in plan.actions if isinstance(a, RecordIncident))
    assert step.incident.step is Step.TEMPORARY_BAN
    assert "block_user" in kinds(plan)


def test_an_open_breaker_holds_the_abusive_comment_for_review():
    tripped = BreakerState(open_until=NOW + timedelta(hours=1), opened_at=NOW,
                           opened_by="IC_other", reason="21 hides within 10 minutes")
    decision = Decision(event(ABUSIVE, association=Association.CONTRIBUTOR),
                        config(ledger=LEDGER), NOW)

    asked, plan = walk(decision, told(BreakerCount=Counted(tripped)))

    assert asked == ["RecentSightings", "LedgerRecord", "BreakerCount"]  # nothing to prove
    assert kinds(plan) == ["record_review"]
    assert "circuit breaker" in plan.reasons[-1]


def test_a_borderline_comment_asks_the_llm_about_its_borderline_part():
    decision = Decision(event(BORDERLINE, association=Association.CONTRIBUTOR),
                        config(llm={"enabled": True}), NOW)

    need = decision.next()

    assert isinstance(need, SecondOpinion)
    assert (need.field, need.text) == (Field.BODY, BORDERLINE)
    assert need.asked.hits and all(h.field is Field.BODY for h in need.asked.hits)
    agrees = Verdict(Category.SOLICITATION.label, 1.0,
                     (RuleHit("llm.solicitation", Category.SOLICITATION, 1.0, ((0, 17),)),))
    decision.send(Opinion(agrees))
    asked, plan = walk(decision)
    # not a first-timer: no profile, no bans; no ledger to read; the hide is counted
    assert asked == ["BreakerCount"]
    assert kinds(plan) == ["hide_comment"]


def test_without_an_opinion_the_borderline_comment_stays_a_review_item():
    asked, plan = walk(Decision(event(BORDERLINE, association=Association.CONTRIBUTOR),
                                config(llm={"enabled": True}), NOW))
    assert asked == ["SecondOpinion"]
    assert kinds(plan) == ["record_review"]


def test_spam_seen_in_another_thread_is_a_wave():
    spam = event(SPAM, login="seller2", association=Association.FIRST_TIMER)
    fp = fingerprint(SPAM)
    assert fp is not None
    earlier = Sighting(fp, "seller1", "acme/widgets#3", NOW - timedelta(hours=1))
    decision = Decision(spam, config(ledger=LEDGER), NOW)

    need = decision.next()
    assert isinstance(need, RecentSightings) and need.look  # spam signs: worth a read
    assert need.sighting == Sighting(fp, "seller2", "acme/widgets#7", NOW)
    decision.send(Sightings((earlier,)))
    asked, plan = walk(decision, told(AccountProfile=Profile(NEW_ACCOUNT)))

    # the first-timer's profile is read once, for signals, and serves the provenance too;
    # a wave from a new account is the bot working, not failing: the breaker is not asked
    assert asked == ["AccountProfile", "ActiveBans", "LedgerRecord"]
    assert "hide_comment" in kinds(plan)
    assert any(isinstance(a, RecordReview) and a.key == f"wave:{fp:016x}"
               for a in plan.actions)
    (step,) = (a for a in plan.actions if isinstance(a, RecordIncident))
    assert step.provenance is not None
    assert step.provenance.account_created_at == datetime(2026, 11, 20, tzinfo=UTC)


def test_the_longest_walk_asks_every_kind_of_need_once():
    offer = ("We build custom dashboards like this for clients, happy to help your team with "
             "it if you want.")  # borderline solicitation, long enough to compare
    fp = fingerprint(offer)
    assert fp is not None
    earlier = Sighting(fp, "seller1", "acme/widgets#3", NOW - timedelta(hours=1))
    agrees = Verdict(Category.SOLICITATION.label, 0.9,
                     (RuleHit("llm.solicitation", Category.SOLICITATION, 0.9, ((0, 17),)),))
    decision = Decision(event(offer, association=Association.FIRST_TIMER),
                        config(ledger=LEDGER, llm={"enabled": True}), NOW)

    asked, plan = walk(decision, told(RecentSightings=Sightings((earlier,)),
                                      SecondOpinion=Opinion(agrees)))

    assert asked == ["RecentSightings", "SecondOpinion", "AccountProfile", "ActiveBans",
                     "LedgerRecord", "BreakerCount"]
    assert len(asked) == MAX_NEEDS
    assert kinds(plan)[:2] == ["hide_comment", "record_incident"]


def test_a_first_timer_resembling_someone_banned_is_reported():
    banned = BannedPerson("seller1", (fingerprint(SPAM) or 0,), NOW + timedelta(days=20))
    decision = Decision(event(SPAM, login="seller1-again", association=Association.FIRST_TIMER),
                        config(), NOW)

    asked, plan = walk(decision, told(ActiveBans=Bans((banned,))))

    assert asked == ["RecentSightings", "AccountProfile", "ActiveBans", "BreakerCount"]
    assert any(isinstance(a, RecordReview) and "seller1" in a.reason for a in plan.actions)


def test_a_command_is_moderated_like_any_comment_and_asks_nothing():
    command = event("/coc warn @troll please keep it civil", login="mod",
                    association=Association.MEMBER)

    asked, plan = walk(Decision(command, config(ledger=LEDGER), NOW))

    assert asked == []  # too short to compare, a member, benign
    assert kinds(plan) == []  # the /coc handler takes it from here


def test_a_merged_pull_request_asks_for_the_record_before_its_reward():
    cfg = config(recognition={"enabled": True, "tiers": TIERS}, ledger=LEDGER)

    asked, plan = walk(Decision(merged_pr(), cfg, NOW))
    assert asked == ["LedgerRecord"]
    assert kinds(plan) == ["reward"]
    assert isinstance(plan.actions[0], Reward)

    asked, plan = walk(Decision(merged_pr(), cfg, NOW),
                       told(LedgerRecord=Record(warned("alex", days_ago=5))))
    assert asked == ["LedgerRecord"]
    assert isinstance(plan.actions[0], HoldReward)


def test_without_a_ledger_a_reward_asks_nothing():
    cfg = config(recognition={"enabled": True, "tiers": TIERS})
    asked, plan = walk(Decision(merged_pr(), cfg, NOW))
    assert (asked, kinds(plan)) == ([], ["reward"])


def test_an_unchanged_edit_is_remembered_but_decides_nothing():
    edit = event(ABUSIVE, action="edited", previous_body=ABUSIVE,
                 association=Association.CONTRIBUTOR)
    asked, plan = walk(Decision(edit, config(ledger=LEDGER), NOW))
    assert asked == ["RecentSightings"]
    assert kinds(plan) == []


def test_an_edit_that_turns_abusive_is_decided_like_a_new_comment():
    edit = event(ABUSIVE, action="edited", previous_body=BENIGN,
                 association=Association.CONTRIBUTOR)
    asked, plan = walk(Decision(edit, config(ledger=LEDGER), NOW))
    assert asked == ["RecentSightings", "LedgerRecord", "BreakerCount", "AccountProfile"]
    assert kinds(plan) == ["hide_comment", "record_incident", "notify"]


def test_in_shadow_mode_nothing_is_counted_and_no_provenance_is_read():
    asked, _ = walk(Decision(event(ABUSIVE, association=Association.CONTRIBUTOR),
                             config(ledger=LEDGER, mode="shadow"), NOW))
    assert asked == ["RecentSightings", "LedgerRecord"]


def test_deciding_again_asks_only_for_the_record_and_the_breaker():
    first = Decision(event(SPAM, association=Association.FIRST_TIMER), config(ledger=LEDGER),
                     NOW)
    walk(first)
    later = NOW + timedelta(seconds=2)

    asked, plan = walk(first.again(later))

    assert asked == ["LedgerRecord", "BreakerCount"]
    assert "record_incident" in kinds(plan)


# ------------------------------------------------------------------ out of turn


def test_an_answer_of_the_wrong_kind_raises_and_the_need_still_waits():
    decision = Decision(event(ABUSIVE), config(ledger=LEDGER), NOW)
    need = decision.next()
    assert isinstance(need, RecentSightings)

    with pytest.raises(DecisionError, match="RecentSightings takes Sightings, not Record"):
        decision.send(Record(PersonRecord("someone")))

    assert decision.next() == need
    decision.send(Sightings())
    assert isinstance(decision.next(), ActiveBans)


def test_an_answer_nobody_asked_for_raises():
    decision = Decision(event(ABUSIVE), config(), NOW)
    with pytest.raises(DecisionError, match="call next"):
        decision.send(Sightings())  # before the first need
    decision.next()
    decision.send(Sightings())
    with pytest.raises(DecisionError, match="no need waits"):
        decision.send(Sightings())  # twice
    walk(decision)
    with pytest.raises(DecisionError, match="no need waits"):
        decision.send(Bans())  # after the plan


def test_nothing_known_answers_each_need_with_its_own_empty_answer():
    walked = Decision(event(SPAM, login="seller1", association=Association.FIRST_TIMER),
                      config(ledger=LEDGER, llm={"enabled": True}), NOW)
    asked: list[Need] = []
    while (need := walked.next()) is not None:
        asked.append(need)
        walked.send(nothing_known(need))

    assert {type(n) for n in asked} >= {RecentSightings, ActiveBans, LedgerRecord}
    for need in asked:
        answer = nothing_known(need)
        assert isinstance(answer, need.answer)
        assert answer == (Record(PersonRecord(need.login)) if isinstance(need, LedgerRecord)
                          else need.answer())


@pytest.mark.parametrize("body", [ABUSIVE, SPAM, BENIGN, BORDERLINE,
                                  "call me on +49 30 901820, I live at 17 Rosenweg"])
def test_offline_the_walk_plans_what_an_empty_record_decides(body):
    # what ``governance moderate --dry-run`` and ``governance demo`` print: the one walk,
    # with nothing to ask, plans as the decision does on an empty record and no signals
    ev = event(body, login="troll", association=Association.FIRST_TIMER)
    cfg = config(ledger=LEDGER)

    plan = Decision.offline(ev, cfg, NOW)

    decided = decide(ev, cfg, PersonRecord("troll"), NOW)
    # the same plan, and the step keeps what the bot keeps of it (no profile was read)
    assert replace(plan, actions=tuple(without_provenance(a) for a in plan.actions)) == decided
    for step in (a for a in plan.actions if isinstance(a, RecordIncident)):
        assert step.provenance is not None and step.provenance.association == "FIRST_TIMER"
        assert step.provenance.account_created_at is None


def without_provenance(action: object) -> object:
    return replace(action, provenance=None) if isinstance(action, RecordIncident) else action


def test_the_plan_before_it_is_made_raises():
    decision = Decision(event(ABUSIVE), config(), NOW)
    with pytest.raises(DecisionError, match="no plan yet"):
        _ = decision.plan
    decision.next()
    with pytest.raises(DecisionError, match="no plan yet"):
        _ = decision.plan


# ------------------------------------------------------------------ any walk

# Mostly the texts that make a decision ask (any text now and then); features mostly on.
TEXTS = st.sampled_from([ABUSIVE, BORDERLINE, SPAM, BENIGN, "/coc appeal",
                         "call me on +49 30 901820, I live at 17 Rosenweg",
                         "We build custom dashboards like this for clients, happy to help "
                         "your team with it if you want."]) | st.text(max_size=300)
ON = st.sampled_from([True, True, True, False])
CONFIGS = st.builds(
    lambda ledger, llm, waves, signals, brake, mode, dry: config(
        ledger={"repository": ledger}, llm={"enabled": llm}, mode=mode, dry_run=dry,
        recognition={"enabled": True, "tiers": TIERS},
        moderation={"spam_waves": {"enabled": waves}, "account_signals": {"enabled": signals},
                    "breaker": {"enabled": brake}}),
    st.sampled_from(["acme/coc-ledger", "acme/coc-ledger", ""]), ON, ON, ON, ON,
    st.sampled_from(["act", "act", "shadow", "review"]), st.sampled_from([False, False, True]))


@st.composite
def events(draw: st.DrawFn) -> Event:
    login = draw(st.sampled_from(["alex", "seller1", "seller1x", "troll"]))
    association = draw(st.sampled_from([Association.FIRST_TIMER, Association.NONE,
                                        Association.CONTRIBUTOR]) | st.sampled_from(Association))
    if draw(st.integers(0, 3)) == 0:  # one event in four a merged pull request
        return replace(merged_pr(login), author=Actor(login, ActorType.USER, 1, association))
    body = draw(TEXTS)
    previous = draw(st.sampled_from([None, body, BENIGN]))
    return event(body, login=login, association=association, previous_body=previous,
                 action="created" if previous is None else "edited")


@st.composite
def answers(draw: st.DrawFn) -> dict[type[Need], Answer]:
    at = st.integers(0, 48 * 60).map(lambda m: NOW - timedelta(minutes=m))
    threads = st.sampled_from(["acme/widgets#3", "acme/widgets#7", "acme/other#1"])
    fps = st.sampled_from([fingerprint(SPAM) or 0, fingerprint(ABUSIVE) or 0, 12345])
    sighting = st.builds(Sighting, fps, st.sampled_from(["seller1", "seller2"]), threads, at)
    verdict = st.builds(lambda c, s: Verdict(c.label if s >= 0.5 else Category.ABUSE.label,
                                             s, (RuleHit("llm.x", c, s, ((0, 3),)),)),
                        st.sampled_from(Category), st.floats(0, 1))
    profile = st.none() | st.fixed_dictionaries({
        "created_at": st.sampled_from(["2026-11-20T00:00:00Z", "2015-01-01T00:00:00Z", "no"]),
        "followers": st.integers(0, 50), "public_repos": st.integers(0, 50)})
    banned = st.builds(BannedPerson, st.sampled_from(["seller1", "troll"]),
                       st.tuples(fps), st.none() | at.map(lambda t: t + timedelta(days=3)))
    incidents = st.lists(st.builds(
        Incident, st.sampled_from(["IC_a", "IC_b"]), at, st.sampled_from(Category),
        st.just(("abuse.insult",)), st.sampled_from(Step)), max_size=3)
    state = st.none() | st.builds(BreakerState, open_until=st.none() | at.map(
        lambda t: t + timedelta(hours=2)), reason=st.just("a burst"))
    return {
        RecentSightings: Sightings(tuple(draw(st.lists(sighting, max_size=4)))),
        SecondOpinion: Opinion(draw(st.none() | verdict)),
        AccountProfile: Profile(draw(profile)),
        ActiveBans: Bans(tuple(draw(st.lists(banned, max_size=2)))),
        LedgerRecord: Record(PersonRecord("x", tuple(draw(incidents)))),
        BreakerCount: Counted(draw(state)),
    }


@settings(max_examples=120, deadline=None)
@given(events(), CONFIGS, answers())
def test_every_walk_ends_in_a_plan_within_the_bound_and_never_asks_twice(ev, cfg, told_):
    def answer(need: Need) -> Answer:
        given_ = told_[type(need)]
        if isinstance(given_, Record):  # the record of whom the decision asked about
            return Record(replace(given_.record, login=getattr(need, "login", "")))
        return given_

    asked, plan = walk(Decision(ev, cfg, NOW), answer)
    target(float(len(asked)), label="needs asked")  # search towards the longest walks

    assert len(asked) <= MAX_NEEDS == len(NEEDS)
    assert len(set(asked)) == len(asked)  # no need asked twice
    assert isinstance(plan, Plan)
    assert walk(Decision(ev, cfg, NOW), answer) == (asked, plan)  # the answers decide it
