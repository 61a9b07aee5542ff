"""``decide`` follows the repository's ``moderation.account_signals`` and ``spam_waves``,
whatever signals the service gathered."""

from governance.decision import decide
from governance.model import Association, Category, PersonRecord, RecordReview
from governance.policy.signals import AccountSignals
from governance.policy.waves import Wave
from tests.builders import NOW, config, event, verdict

THROWAWAY = AccountSignals(age_days=2, followers=0, public_repos=0)
WAVE = Wave(2, ("a",), ("acme/widgets#1", "acme/widgets#7"), "00ff")
NEWCOMER = event("Hi", association=Association.FIRST_TIMER)


def kinds(plan):
    return [a.kind for a in plan.effective]


def decided(cfg, **signals):
    return decide(NEWCOMER, cfg, PersonRecord("someone"), NOW,
                  verdict=verdict(Category.SOLICITATION, 0.78), **signals)


def test_by_default_a_throwaway_first_timer_tips_borderline_spam_over_the_threshold():
    assert kinds(decided(config())) == ["record_review"]
    assert kinds(decided(config(), account=THROWAWAY)) == ["hide_comment"]


def test_with_account_signals_off_the_account_changes_nothing():
    off = config(moderation={"account_signals": {"enabled": False}})
    assert decided(off, account=THROWAWAY) == decided(off)


def test_with_spam_waves_off_a_gathered_wave_is_neither_raised_nor_recorded():
    on = decided(config(), wave=WAVE)
    assert kinds(on) == ["hide_comment", "record_review"]
    assert any(isinstance(a, RecordReview) and a.key == "wave:00ff" for a in on.actions)
    off = config(moderation={"spam_waves": {"enabled": False}})
    assert decided(off, wave=WAVE) == decided(off)
    assert kinds(decided(off, wave=WAVE)) == ["record_review"]


def test_a_smaller_raise_keeps_the_same_content_for_review():
    gentle = config(moderation={"account_signals": {"boost": 0.05}})
    assert kinds(decided(gentle, account=THROWAWAY)) == ["record_review"]
