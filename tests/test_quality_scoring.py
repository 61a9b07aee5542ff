"""The arithmetic behind benchmarks/quality.py, on constructed data (no corpus needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import quality
import quality_scoring as qs

THRESHOLDS = {"abuse": (0.85, 0.55), "solicitation": (0.9, 0.6), "pii": (0.85, 0.55),
              "malware": (0.85, 0.55)}


@pytest.mark.parametrize(("k", "n", "low", "high"), [
    (5, 10, 0.2366, 0.7634),   # symmetric around one half
    (0, 10, 0.0, 0.2775),      # no successes: the interval still has width
    (10, 10, 0.7225, 1.0),
    (1, 1000, 0.00018, 0.00565),
])
def test_wilson_interval_matches_the_closed_form(k, n, low, high):
    lo, hi = qs.wilson(k, n)
    assert lo == pytest.approx(low, abs=5e-5)
    assert hi == pytest.approx(high, abs=5e-5)


def test_wilson_interval_of_nothing_is_everything():
    assert qs.wilson(0, 0) == (0.0, 1.0)


def test_tier_from_the_category_score_and_its_own_thresholds():
    out = {"label": "solicitation"}
    assert qs.tier_of(out, {"solicitation": 0.88}, THRESHOLDS) == ("solicitation", "review")
    assert qs.tier_of(out, {"solicitation": 0.9}, THRESHOLDS) == ("solicitation", "act")
    assert qs.tier_of({"label": "abuse"}, {"abuse": 0.88}, THRESHOLDS) == ("abuse", "act")
    assert qs.tier_of({"label": "ok"}, {"abuse": 0.4}, THRESHOLDS) == (None, "none")


def test_an_ok_label_can_still_reach_review_with_low_thresholds():
    low = {**THRESHOLDS, "pii": (0.85, 0.3)}
    assert qs.tier_of({"label": "ok"}, {"pii": 0.4, "abuse": 0.2}, low) == ("pii", "review")


def test_equal_scores_go_to_the_more_harmful_category():
    scores = {"abuse": 0.6, "pii": 0.6}
    assert qs.tier_of({"label": "ok"}, scores, THRESHOLDS) == ("pii", "review")


def test_a_tier_given_by_the_detector_wins_over_the_thresholds():
    out = {"label": "abuse", "tier": "review"}
    assert qs.tier_of(out, {"abuse": 0.95}, THRESHOLDS) == ("abuse", "review")
    assert qs.tier_of({"label": "ok", "tier": "none"}, {"abuse": 0.95}, THRESHOLDS) == (
        None, "none")


def test_tally_counts_each_tier_separately():
    outcomes = [
        qs.Outcome("abuse", "se_real", "abuse", "act"),
        qs.Outcome("abuse", "se_real", "abuse", "review"),
        qs.Outcome("abuse", "general", None, "none"),
        qs.Outcome("ok", "se_real", "abuse", "review"),
        qs.Outcome("ok", "se_real", None, "none"),
        qs.Outcome("ok", "general", "solicitation", "act"),
        qs.Outcome("solicitation", "general", "abuse", "act"),  # right tier, wrong category
    ]
    act = qs.tally(outcomes, qs.TABLE_TIERS["act"])
    assert act.recall("abuse") == (1, 3)
    assert act.precision("abuse") == (1, 2)
    assert act.fpr() == (1, 3)
    assert act.fpr("se_real") == (0, 2)
    assert act.recall("solicitation") == (0, 1)
    both = qs.tally(outcomes, qs.TABLE_TIERS["act+review"])
    assert both.recall("abuse") == (2, 3)
    assert both.precision("abuse") == (2, 4)
    assert both.fpr("se_real") == (1, 2)
    assert both.recall_by_group[("abuse", "se_real")] == (2, 2)
    assert both.recall_by_group[("abuse", "general")] == (0, 1)


def test_real_items_of_a_trained_dataset_are_held_out_with_their_whole_dataset():
    trained = {"davidson", "synthetic"}
    real = {"id": "davidson:1", "source": "davidson/offensive", "group": "general"}
    assert qs.held_out_by(real, trained) == qs.HoldOut("source", "davidson")
    other = {"id": "irc:1", "source": "irc/ubuntu", "group": "se_real"}
    assert qs.held_out_by(other, trained) == qs.SHIPPED
    generated = {"id": "g1", "source": "writer-a", "group": "generated", "family": "a/f1"}
    assert qs.held_out_by(generated, trained) == qs.SHIPPED  # never trained on


def test_a_sentence_frame_stays_in_one_fold_and_its_refit_drops_it():
    trained = {"synthetic"}
    one = {"id": "s1", "source": "synthetic/pii_card", "family": "pii_card/f03"}
    two = {"id": "s2", "source": "synthetic/pii_card", "family": "pii_card/f03"}
    holdout = qs.held_out_by(one, trained)
    assert holdout.kind == "family_fold"
    assert qs.held_out_by(two, trained) == holdout
    assert quality._excluded(two, holdout)
    unrelated = [f"x/f{i:02d}" for i in range(40)]
    kept = [f for f in unrelated if not quality._excluded({"family": f}, holdout)]
    assert 0 < len(kept) < len(unrelated)  # other frames stay in the refit's training data


def test_a_source_refit_drops_exactly_that_dataset():
    holdout = qs.HoldOut("source", "vcu")
    assert quality._excluded({"source": "vcu/None"}, holdout)
    assert quality._excluded({"source": "vcu/heated:Impatience"}, holdout)
    assert not quality._excluded({"source": "strudel/n"}, holdout)


def test_dev_items_never_count_as_held_out_and_a_learned_model_moves_its_sources_aside():
    item = {"id": "irc:7", "source": "irc/ubuntu"}
    none = quality.LearnedModel(False, frozenset())
    assert quality.status(item, "dev", none) == "dev-fit"
    assert quality.status(item, "data", none) == "held-out"
    trained = quality.LearnedModel(True, frozenset({"irc"}))
    undeclared = quality.LearnedModel(True, None)
    expected = "calibrate" if quality.split_of(item) == "calibrate" else "in-source"
    assert quality.status(item, "data", trained) == expected
    assert quality.status(item, "data", undeclared) == expected
    elsewhere = quality.LearnedModel(True, frozenset({"davidson"}))
    assert quality.status(item, "data", elsewhere) in ("calibrate", "held-out")


def test_the_sample_is_stratified_proportional_and_fixed():
    items = ([{"id": f"a{i}", "source": "a", "label": "ok"} for i in range(900)]
             + [{"id": f"b{i}", "source": "b", "label": "abuse"} for i in range(90)]
             + [{"id": "c0", "source": "c", "label": "pii"}])
    chosen = qs.stratified_sample(items, 99)
    assert chosen == qs.stratified_sample(items, 99)
    by_source = {s: sum(items[i]["source"] == s for i in chosen) for s in "abc"}
    assert by_source == {"a": 90, "b": 9, "c": 1}
    assert qs.stratified_sample(items, 5000) == list(range(len(items)))


def test_the_policys_own_tier_decision_is_used_when_it_exists(monkeypatch):
    from governance.model import Verdict

    monkeypatch.setattr(quality, "policy_tier", lambda: lambda verdict: ("abuse", "review"))
    item = {"id": "x", "label": "abuse", "group": "generated"}
    got = quality.outcome(item, Verdict.ok(), THRESHOLDS)
    assert got == qs.Outcome("abuse", "generated", "abuse", "review")


def test_without_a_policy_tier_the_thresholds_decide(monkeypatch):
    from governance.model import Category, Label, RuleHit, Verdict

    monkeypatch.setattr(quality, "policy_tier", lambda: None)
    verdict = Verdict(Label.ABUSE, 0.7, (RuleHit("abuse.x", Category.ABUSE, 0.7),))
    got = quality.outcome({"id": "y", "label": "ok", "group": "se_real"}, verdict, THRESHOLDS)
    assert got == qs.Outcome("ok", "se_real", "abuse", "review")


def test_items_a_learned_model_trained_on_never_count_and_writers_are_datasets():
    generated = {"id": "gen:a:1", "group": "generated", "family": "spam/f07"}
    assert qs.dataset_of(generated) == "generated/spam"
    by_writer = quality.LearnedModel(True, frozenset({"generated/spam"}))
    all_writers = quality.LearnedModel(True, frozenset({"generated"}))
    other_writer = quality.LearnedModel(True, frozenset({"generated/harass"}))
    assert quality.split_of(generated) == "fit"  # (the frozen split's hash of its frame)
    assert quality.status(generated, "data", by_writer) == "in-source"
    assert quality.status(generated, "data", all_writers) == "in-source"
    assert quality.status(generated, "data", other_writer) == "held-out"
    real = {"id": "irc:9", "source": "irc/ubuntu"}
    assert quality.split_of(real) == "fit"
    known = quality.LearnedModel(True, frozenset({"irc"}), frozenset({"irc:9"}))
    assert quality.status(real, "data", known) == "trained"
    other = quality.LearnedModel(True, frozenset({"irc"}), frozenset({"irc:8"}))
    assert quality.status(real, "data", other) == "in-source"
