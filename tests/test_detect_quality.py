"""Regression guards on quality: our own malware cases and, when the shared corpus is
present, the false-positive rate on real SE comments the shipped model never saw."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from governance.config.defaults import default_config
from governance.detect import DetectContext, classify
from governance.model import Label
from governance.policy.moderation import tier_of
from governance.policy.tier import Tier

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
sys.path.insert(0, str(ROOT / "benchmarks"))

from benchmarks_malware import context_of, load_cases  # noqa: E402

NEVER_TRAINED = ("toxicr", "ferreira_gh", "ferreira_lkml")  # GPL sources, evaluation only


def test_malware_lures_are_caught_and_hard_negatives_stay_ok():
    cases = load_cases()
    wrong = [c["id"] for c in cases
             if classify(c["text"], context_of(c)).label.value != c["label"]]
    assert wrong == []


def test_malware_research_repositories_may_share_samples():
    text = "Sample: https://mega.nz/file/Aa1/sample.zip password: infected, extract and run it"
    assert classify(text).label is Label.MALWARE
    assert classify(text, DetectContext(malware_research=True)).label is Label.OK


def test_own_release_archives_are_not_lures():
    text = "Download the fix here: https://github.com/acme/widget/releases/download/v2/w.zip"
    assert classify(text, DetectContext(repo="acme/widget")).label is Label.OK
    lure = "Download the fix here: https://github.com/acme-fix/widget/releases/download/v2/w.exe"
    assert classify(lure, DetectContext(repo="acme/widget")).score >= classify(text).score


def test_impersonating_a_maintainer_is_a_malware_signal():
    ctx = DetectContext(maintainers=("octocat",), author="octocat-support")
    verdict = classify("Official patch: https://bit.ly/3xPatch run the installer", ctx)
    assert verdict.label is Label.MALWARE
    assert "malware.impersonation" in [h.rule_id for h in verdict.hits]


def test_false_positive_rate_on_untrained_real_comments():
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]
    ok = [i for i in items if i["label"] == "ok" and i["source"].split("/")[0] in NEVER_TRAINED]
    # what is public is the act tier (review items are private): act at most 0.5% of real
    # ok comments, act + review (the moderators' review volume) at most 3%
    config = default_config()
    tiers = [tier_of(classify(i["text"]), config).tier for i in ok]
    acted = [i["id"] for i, t in zip(ok, tiers, strict=True) if t is Tier.ACT]
    flagged = [i["id"] for i, t in zip(ok, tiers, strict=True) if t is not Tier.NONE]
    assert len(ok) > 1000
    assert len(acted) / len(ok) <= 0.005, acted
    assert len(flagged) / len(ok) <= 0.03, flagged


def test_the_model_card_ships_next_to_the_model_and_names_its_training_sources():
    from importlib import resources

    import train_ngram

    data = resources.files("governance.data")
    assert data.joinpath("ngram_model.json").is_file()
    card = data.joinpath("MODEL_CARD.md").read_text("utf-8")
    trained = json.loads(data.joinpath("ngram_model.json").read_text("utf-8"))["trained_on"]
    assert sorted(trained) == sorted(train_ngram.TRAINABLE)
    names = {"strudel": "STRUDEL", "vcu": "VCU", "davidson": "Davidson", "youtube": "YouTube",
             "sms": "SMS", "synthetic": "synthetic"}
    assert all(names[source] in card for source in trained)
    assert "never trained on" in card and "GPL-3.0" in card
