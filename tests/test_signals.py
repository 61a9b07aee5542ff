"""Account signals and waves only raise borderline spam from first-time participants."""

from governance.config.defaults import maximum
from governance.config.types import Config, Moderation
from governance.decision import decide
from governance.model import Association, Category, Label, PersonRecord, Verdict
from governance.policy.signals import (
    FLOOR,
    AccountSignals,
    boost,
    signals_from_profile,
    worth_a_profile_read,
)
from governance.policy.waves import NO_WAVE, Wave
from tests.builders import NOW, config, event, verdict

THROWAWAY = AccountSignals(age_days=2, followers=0, public_repos=0)
ESTABLISHED = AccountSignals(age_days=2000, followers=40, public_repos=12)
WAVE = Wave(3, ("a", "b"), ("o/r#1", "o/r#2"))
MOD = config().moderation
RULES = MOD.account_signals


def test_profile_is_reduced_to_three_signals():
    profile = {"created_at": "2026-11-20T12:00:00Z", "followers": 0, "public_repos": 0}
    assert signals_from_profile(profile, NOW) == AccountSignals(2.0, 0, 0)
    assert signals_from_profile({"created_at": "not a date"}, NOW).age_days is None


def test_throwaway_first_timer_pushes_borderline_spam_up():
    v = boost(verdict(Category.SOLICITATION, 0.78), Association.FIRST_TIMER, THROWAWAY,
              NO_WAVE, MOD)
    assert v.hits[0].score == 0.88 and v.label is Label.SOLICITATION


def test_account_alone_is_never_a_reason():
    clean = verdict(Category.SOLICITATION, 0.1)
    assert boost(clean, Association.NONE, THROWAWAY, WAVE, MOD) == clean


def test_established_accounts_and_members_are_not_boosted_by_account_age():
    v = verdict(Category.SOLICITATION, 0.78)
    assert boost(v, Association.NONE, ESTABLISHED, NO_WAVE, MOD) == v
    assert boost(v, Association.MEMBER, THROWAWAY, NO_WAVE, MOD) == v


def test_a_wave_raises_every_member_comment_but_not_abuse():
    spam = boost(verdict(Category.MALWARE, 0.6), Association.CONTRIBUTOR, None, WAVE, MOD)
    assert spam.hits[0].score == 0.8
    abuse = verdict(Category.ABUSE, 0.6)
    assert boost(abuse, Association.NONE, THROWAWAY, WAVE, MOD) == abuse


def test_profile_read_only_for_borderline_spam_from_first_timers():
    spam = verdict(Category.SOLICITATION, 0.6)
    assert worth_a_profile_read(spam, Association.NONE, RULES)
    assert not worth_a_profile_read(spam, Association.MEMBER, RULES)
    assert not worth_a_profile_read(verdict(Category.ABUSE, 0.9), Association.NONE, RULES)


# --------------------------------------------------------- moderation.account_signals


def moderation(**sections: dict[str, object]) -> Moderation:
    return config(moderation=sections).moderation


def test_signals_off_means_no_profile_read_and_no_boost():
    off = moderation(account_signals={"enabled": False})
    spam = verdict(Category.SOLICITATION, 0.78)
    assert not worth_a_profile_read(spam, Association.FIRST_TIMER, off.account_signals)
    assert boost(spam, Association.FIRST_TIMER, THROWAWAY, NO_WAVE, off) == spam
    # spam waves are a setting of their own and still raise the score
    assert boost(spam, Association.FIRST_TIMER, THROWAWAY, WAVE, off).hits[0].score == 0.98


def test_what_counts_as_a_throwaway_account_is_configured():
    month_old = AccountSignals(age_days=20, followers=3, public_repos=1)
    assert not month_old.looks_throwaway(RULES)
    lenient = moderation(account_signals={"new_account_days": 30, "max_followers": 5,
                                          "max_public_repos": 2}).account_signals
    assert month_old.looks_throwaway(lenient)
    assert not AccountSignals(30, 0, 0).looks_throwaway(lenient)  # not fewer than 30 days
    assert not AccountSignals(None, 0, 0).looks_throwaway(lenient)  # unknown age: not new
    assert not AccountSignals(20, 6, 0).looks_throwaway(lenient)


def test_the_raises_are_configured():
    mod = moderation(account_signals={"boost": 0.05}, spam_waves={"boost": 0.3})
    spam = verdict(Category.MALWARE, 0.6)
    assert boost(spam, Association.NONE, THROWAWAY, NO_WAVE, mod).hits[0].score == 0.65
    assert boost(spam, Association.NONE, None, WAVE, mod).hits[0].score == 0.9
    assert boost(spam, Association.NONE, THROWAWAY, WAVE, mod).hits[0].score == 0.95


def strongest_config() -> Config:
    """Every signal at the most the schema allows: anyone young counts as a throwaway."""
    most = 10**6
    return config(moderation={
        "account_signals": {"boost": maximum("moderation", "account_signals", "boost"),
                            "new_account_days": 365, "max_followers": most,
                            "max_public_repos": most},
        "spam_waves": {"boost": maximum("moderation", "spam_waves", "boost")}})


def test_signals_are_never_the_sole_reason_to_act_at_any_allowed_setting():
    mod = strongest_config().moderation
    untouched = [Verdict.ok(), verdict(Category.SOLICITATION, FLOOR - 0.01),
                 verdict(Category.MALWARE, 0.2), verdict(Category.ABUSE, 0.6),
                 verdict(Category.PII, 0.7)]
    for v in untouched:
        assert boost(v, Association.FIRST_TIMER, THROWAWAY, WAVE, mod) == v
    spam = verdict(Category.SOLICITATION, 0.78)
    for regular in (Association.CONTRIBUTOR, Association.MEMBER, Association.OWNER):
        assert boost(spam, regular, THROWAWAY, NO_WAVE, mod) == spam


def test_a_harmless_comment_from_a_throwaway_first_timer_is_never_acted_on():
    cfg = strongest_config()
    newcomer = event("Has anyone tried building this on a Raspberry Pi? The docs do not say.",
                     association=Association.FIRST_TIMER)
    for given in (None, verdict(Category.SOLICITATION, FLOOR - 0.01)):
        plan = decide(newcomer, cfg, PersonRecord("someone"), NOW, verdict=given,
                      account=THROWAWAY, wave=WAVE)
        assert plan.effective == (), plan
