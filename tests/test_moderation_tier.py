"""One function decides the tier; ``moderate`` and ``governance classify`` both use it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from governance.cli import main
from governance.model import Category, Label, PersonRecord, RecordReview, RuleHit, Skip, Verdict
from governance.policy.moderation import moderate, tier_of
from governance.policy.tier import Tier
from tests.builders import NOW, config, event, verdict

RULES = {"abuse": {"act_threshold": 0.9, "review_threshold": 0.6},
         "solicitation": {"act_threshold": 0.7, "review_threshold": 0.4}}


def cfg():
    return config(moderation={"rules": RULES})


@pytest.mark.parametrize(("category", "score", "tier"), [
    (Category.ABUSE, 0.95, Tier.ACT), (Category.ABUSE, 0.9, Tier.ACT),
    (Category.ABUSE, 0.75, Tier.REVIEW), (Category.ABUSE, 0.59, Tier.NONE),
    (Category.SOLICITATION, 0.75, Tier.ACT), (Category.SOLICITATION, 0.45, Tier.REVIEW),
    (Category.SOLICITATION, 0.3, Tier.NONE),
])
def test_each_category_is_tiered_by_its_own_thresholds(category, score, tier):
    assert tier_of(verdict(category, score), cfg()).tier is tier


def test_a_higher_tier_beats_a_higher_score():
    both = Verdict(Label.ABUSE, 0.8, (RuleHit("a.r", Category.ABUSE, 0.8, ((0, 3),)),
                                      RuleHit("s.r", Category.SOLICITATION, 0.72, ((4, 6),))))
    decision = tier_of(both, cfg())
    assert (decision.tier, decision.category) == (Tier.ACT, Category.SOLICITATION)


def test_disabled_categories_and_rules_do_not_count():
    off = config(moderation={"rules": {"abuse": {"enabled": False}}})
    assert tier_of(verdict(Category.ABUSE, 0.99), off).tier is Tier.NONE
    assert tier_of(Verdict.ok(), cfg()).category is None


@pytest.mark.parametrize("score", [0.2, 0.45, 0.65, 0.8, 0.95])
@pytest.mark.parametrize("category", [Category.ABUSE, Category.SOLICITATION])
def test_moderate_acts_exactly_on_the_tier(category, score):
    v = verdict(category, score)
    plan = moderate(event(), v, cfg(), PersonRecord("someone"), NOW)
    tier = tier_of(v, cfg()).tier
    if tier is Tier.NONE:
        assert [type(a) for a in plan.actions] == [Skip]
    elif tier is Tier.REVIEW:
        assert [type(a) for a in plan.actions] == [RecordReview]
    else:
        assert plan.actions and not any(isinstance(a, (Skip, RecordReview))
                                        for a in plan.actions)


def run_cli(args: list[str], stdin: str, capsys, monkeypatch) -> list[dict[str, object]]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["classify", *args], env={}) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_classify_prints_the_tier_under_the_default_config(capsys, monkeypatch):
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate([
        "thanks, merged", "my card 4539 5787 6362 1486 was charged twice"]))
    rows = run_cli([], lines, capsys, monkeypatch)
    assert [r["tier"] for r in rows] == ["none", "act"]
    assert set(rows[0]) == {"id", "label", "score", "rules", "tier"}


def test_classify_tiers_by_the_thresholds_of_config(capsys, monkeypatch, tmp_path: Path):
    strict = tmp_path / "governance.yml"
    strict.write_text("moderation:\n  rules:\n    pii:\n      act_threshold: 1.0\n"
                      "      review_threshold: 0.1\n", "utf-8")
    line = json.dumps({"id": 1, "text": "my card 4539 5787 6362 1486 was charged twice"})
    assert run_cli(["--config", str(strict)], line, capsys, monkeypatch)[0]["tier"] == "review"


@pytest.mark.parametrize(("yaml", "model_on", "allowed"), [
    ("", True, ()),
    ("moderation:\n  language_model: false\n  allow:\n    words: [heck]\n", False,
     ("heck",)),
])
def test_classify_judges_as_the_config_says(yaml, model_on, allowed, capsys, monkeypatch,
                                            tmp_path: Path):
    # the verdicts of `governance classify` are the bot's: the learned model when the config
    # runs it (the default), the config's allow-lists, disabled rules and code handling
    seen = []

    def spy(text, context):
        seen.append(context)
        return Verdict.ok()

    monkeypatch.setattr("governance.detect.stream.classify", spy)
    path = tmp_path / "governance.yml"
    path.write_text(yaml or "moderation: {}\n", "utf-8")
    args = ["--config", str(path)] if yaml else []
    run_cli(args, json.dumps({"id": 1, "text": "well, heck"}), capsys, monkeypatch)
    assert [(c.language_model, c.allow_words) for c in seen] == [(model_on, allowed)]
