"""Account signals and waves only raise borderline spam from first-time participants."""

from governance.model import Association, Category, Label
from governance.policy.signals import (
    AccountSignals,
    boost,
    signals_from_profile,
    worth_a_profile_read,
)
from governance.policy.waves import NO_WAVE, Wave
from tests.builders import NOW, verdict

THROWAWAY = AccountSignals(age_days=2, followers=0, public_repos=0)
ESTABLISHED = AccountSignals(age_days=2000, followers=40, public_repos=12)
WAVE = Wave(3, ("a", "b"), ("o/r#1", "o/r#2"))


def test_profile_is_reduced_to_three_signals():
    profile = {"created_at": "2026-11-20T12:00:00Z", "followers": 0, "public_repos": 0}
    assert signals_from_profile(profile, NOW) == AccountSignals(2.0, 0, 0)
    assert signals_from_profile({"created_at": "not a date"}, NOW).age_days is None


def test_throwaway_first_timer_pushes_borderline_spam_up():
    v = boost(verdict(Category.SOLICITATION, 0.78), Association.FIRST_TIMER, THROWAWAY, NO_WAVE)
    assert v.hits[0].score == 0.88 and v.label is Label.SOLICITATION


def test_account_alone_is_never_a_reason():
    clean = verdict(Category.SOLICITATION, 0.1)
    assert boost(clean, Association.NONE, THROWAWAY, WAVE) == clean


def test_established_accounts_and_members_are_not_boosted_by_account_age():
    v = verdict(Category.SOLICITATION, 0.78)
    assert boost(v, Association.NONE, ESTABLISHED, NO_WAVE) == v
    assert boost(v, Association.MEMBER, THROWAWAY, NO_WAVE) == v


def test_a_wave_raises_every_member_comment_but_not_abuse():
    spam = boost(verdict(Category.MALWARE, 0.6), Association.CONTRIBUTOR, None, WAVE)
    assert spam.hits[0].score == 0.8
    abuse = verdict(Category.ABUSE, 0.6)
    assert boost(abuse, Association.NONE, THROWAWAY, WAVE) == abuse


def test_profile_read_only_for_borderline_spam_from_first_timers():
    assert worth_a_profile_read(verdict(Category.SOLICITATION, 0.6), Association.NONE)
    assert not worth_a_profile_read(verdict(Category.SOLICITATION, 0.6), Association.MEMBER)
    assert not worth_a_profile_read(verdict(Category.ABUSE, 0.9), Association.NONE)
