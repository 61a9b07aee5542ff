"""The shipped language model (int8 ONNX) and how the engine combines it with the rules.

These run the real shipped files on a handful of texts written for this test: they check
sane behaviour (an insult at a person, an ad, a plain technical comment), determinism and
bounds, not quality figures (``benchmarks/calibrate_model.py`` measures those).
"""

from __future__ import annotations

import math

import pytest

from governance.detect import engine, language
from governance.detect import model as language_model
from governance.detect.context import DEFAULT_CONTEXT, DetectContext
from governance.model import Category, Label, Verdict

PLAIN = [
    "Thanks for the review. I rebased onto main, squashed the fixups and CI is green now.",
    "The segfault only happens with --release; I attached the backtrace from gdb above.",
    "Could we move the retry logic into the client? The handler is getting hard to read.",
]
INSULT = "@dkwan you are a pathetic, useless idiot and nobody here wants you around. Get lost."
AD = ("Boost your repo today! Buy 1000 GitHub stars and followers for only $9.99, fast "
      "delivery, 100% safe. Order now at cheap-stars-shop dot com or message us on Telegram.")


@pytest.fixture(scope="module")
def lm() -> language_model.LanguageModel:
    return language_model.shipped()


def test_the_model_reads_an_insult_an_ad_and_plain_comments_apart(lm):
    insult, ad = lm.probabilities(INSULT), lm.probabilities(AD)
    assert insult[Category.ABUSE] > 0.5 > insult[Category.SOLICITATION]
    assert ad[Category.SOLICITATION] > 0.5 > ad[Category.ABUSE]
    for text in PLAIN:
        p = lm.probabilities(text)
        assert p[Category.ABUSE] < 0.2 and p[Category.SOLICITATION] < 0.2, text


def test_same_text_same_numbers_across_sessions(lm):
    again = language_model.load(_model_bytes(), _vocab())
    assert lm.logits(INSULT) == again.logits(INSULT)
    assert lm.logits(AD) == lm.logits(AD)


def _model_bytes() -> bytes:
    from importlib import resources

    return resources.files("governance.data").joinpath(language_model.MODEL_FILE).read_bytes()


def _vocab() -> str:
    from importlib import resources

    return resources.files("governance.data").joinpath(language_model.VOCAB_FILE).read_text(
        "utf-8")


def test_one_session_thread_so_a_classification_takes_one_core(lm):
    options = lm.session.get_session_options()
    assert options.intra_op_num_threads == 1 and options.inter_op_num_threads == 1


def test_long_texts_are_cut_to_head_and_tail(lm):
    text = "start " + "lorem ipsum dolor sit amet " * 20_000 + " you pathetic idiot"
    ids = lm.encode(text)
    assert len(ids) == language_model.MAX_PIECES
    assert ids[-language_model.TAIL - 1:-1] == lm.encode(text[-2000:])[-language_model.TAIL - 1:-1]
    assert all(math.isfinite(z) for z in lm.logits(text).values())


def test_word_pieces_follow_bert_uncased(lm):
    pieces = {v: k for k, v in lm.tokenizer.vocab.items()}

    def split(text: str) -> list[str]:
        return [pieces[i] for i in lm.encode(text)]

    assert split("Unaffable naïve CAFÉ, don't!") == [
        "[CLS]", "una", "##ffa", "##ble", "naive", "cafe", ",", "don", "'", "t", "!", "[SEP]"]
    assert split("x" * 101) == ["[CLS]", "[UNK]", "[SEP]"]  # over 100 characters: unknown
    # special tokens typed into a comment are plain text, zero-width characters vanish
    assert split("[CLS] hi\u200b there") == ["[CLS]", "[", "cl", "##s", "]", "hi", "there",
                                             "[SEP]"]


def test_head_and_tail_pieces_of_a_long_text(lm):
    words = [f"w{i}" for i in range(400)]
    ids = lm.encode(" ".join(words))
    assert len(ids) == language_model.MAX_PIECES
    head = lm.encode(" ".join(words[:40]))[1:-1]
    tail = lm.encode(" ".join(words[-40:]))[1:-1]
    assert ids[1:1 + language_model.HEAD] == head[:language_model.HEAD]
    assert ids[-1 - language_model.TAIL:-1] == tail[-language_model.TAIL:]


def test_a_missing_model_file_fails_clearly(monkeypatch):
    monkeypatch.setattr(language_model, "MODEL_FILE", "no-such-model.onnx")
    language_model.shipped.cache_clear()
    try:
        with pytest.raises(language_model.ModelMissingError, match="not installed"):
            language_model.shipped()
    finally:
        monkeypatch.undo()
        language_model.shipped.cache_clear()


# ----------------------------------------------------------------- combination

# weights chosen for the test: the probability is sigmoid(rule log-odds + model log-odds),
# shown on the score scale unchanged (operating points at 0.55 and 0.85)
FOLLOW_BOTH = {c: language.Calibration(0.0, 1.0, 1.0) for c in language.LANGUAGE_CATEGORIES}


def combined(text: str, context: DetectContext = DEFAULT_CONTEXT,
             calibrations=FOLLOW_BOTH) -> Verdict:
    rules = engine.classify_rules(text, context)
    return engine.with_language_model(text, context, rules, language_model.shipped(),
                                      calibrations)


def test_the_strongest_rule_hit_carries_the_calibrated_score_and_keeps_its_evidence(lm):
    text = "well, you are an idiot."
    rules = engine.classify_rules(text)
    verdict = combined(text)
    z = lm.logits(text)[Category.ABUSE]
    rule_logit, _ = language.features(rules.category_score(Category.ABUSE), z)
    expected = round(min(engine.MAX_SCORE, 1 / (1 + math.exp(-(rule_logit + z)))), 3)
    abuse = verdict.hits_for(Category.ABUSE)
    assert abuse[0].rule_id == rules.hits_for(Category.ABUSE)[0].rule_id
    assert abuse[0].evidence == rules.hits_for(Category.ABUSE)[0].evidence
    assert verdict.category_score(Category.ABUSE) == expected
    assert all(h.score <= expected for h in abuse)


def test_a_model_only_judgement_is_a_hit_without_evidence():
    text = "Honestly the people running this repo should find another hobby."
    assert engine.classify_rules(text).hits == ()  # no rule of any category fires
    sure = {c: language.Calibration(5.0, 0.0, 0.0) for c in language.LANGUAGE_CATEGORIES}
    unsure = {c: language.Calibration(-5.0, 0.0, 0.0) for c in language.LANGUAGE_CATEGORIES}
    raised = combined(text, calibrations=sure)
    assert [(h.rule_id, h.evidence) for h in raised.hits] == [
        ("abuse.model", ()), ("solicitation.model", ())]
    assert raised.category_score(Category.ABUSE) == engine.MAX_SCORE
    assert combined(text, calibrations=unsure) == Verdict.ok()  # below REPORT_FLOOR: absent


def test_structural_categories_are_left_to_the_rules():
    text = "my card 4539 5787 6362 1486 was charged twice, you idiots"
    rules = engine.classify_rules(text)
    verdict = combined(text)
    assert verdict.hits_for(Category.PII) == rules.hits_for(Category.PII)


def test_disabling_the_model_or_allowing_a_word_keeps_the_rules_score():
    text = "well, you are an idiot."
    rules = engine.classify_rules(text)
    off = DetectContext(disabled_rules=frozenset({"abuse.model"}))
    assert combined(text, off).category_score(Category.ABUSE) == rules.category_score(
        Category.ABUSE)
    allowed = DetectContext(allow_words=("well",))
    assert combined(text, allowed).category_score(Category.ABUSE) == rules.category_score(
        Category.ABUSE)


def test_empty_text_is_ok_without_running_the_model():
    assert engine.with_language_model("  ", DEFAULT_CONTEXT, Verdict.ok(), None,  # type: ignore[arg-type]
                                      FOLLOW_BOTH) == Verdict.ok()


def test_the_shipped_calibration_covers_the_language_categories_and_rises_with_both_inputs():
    shipped = language.shipped_calibrations()
    assert set(shipped) == set(language.LANGUAGE_CATEGORIES)
    for cal in shipped.values():
        assert cal.rule > 0 and cal.model > 0
        assert 0 < cal.review_at <= cal.act_at < 1
        assert cal.score(0.0, 4.0) > cal.score(0.0, -4.0)
        assert cal.score(0.9, 0.0) > cal.score(0.3, 0.0) > cal.score(0.0, 0.0)


def test_the_operating_points_land_on_the_policy_scale():
    cal = language.Calibration(0.0, 1.0, 1.0, review_at=0.3, act_at=0.9)
    assert language.on_scale(0.3, 0.3, 0.9) == pytest.approx(language.REVIEW_SCORE)
    assert language.on_scale(0.9, 0.3, 0.9) == pytest.approx(language.ACT_SCORE)
    assert language.on_scale(0.0, 0.3, 0.9) == 0.0 and language.on_scale(1.0, 0.3, 0.9) == 1.0
    ps = [i / 100 for i in range(101)]
    scores = [language.on_scale(p, 0.3, 0.9) for p in ps]
    assert scores == sorted(scores)  # monotone: the order of texts is the calibration's
    assert cal.score(0.5, 0.0) == pytest.approx(language.on_scale(0.5, 0.3, 0.9))


def test_the_model_can_move_what_the_rules_would_act_on_to_review_but_not_out_of_sight():
    cal = language.Calibration(0.0, 1.0, 1.0, review_at=0.3, act_at=0.9)
    doubted = -12.0  # the model is sure it is an ordinary comment
    assert cal.score(0.99, doubted) == pytest.approx(language.REVIEW_SCORE)
    assert cal.score(language.ACT_SCORE, doubted) == pytest.approx(language.REVIEW_SCORE)
    # below the rules' own act point the model's doubt still counts in full
    assert cal.score(0.8, doubted) < language.REVIEW_SCORE
    # the floor never lowers a score: agreement keeps the calibrated value
    assert cal.score(0.99, 4.0) == pytest.approx(
        language.on_scale(cal.probability(0.99, 4.0), 0.3, 0.9))


def test_classify_runs_rules_and_model_together():
    verdict = engine.classify(INSULT)
    assert verdict.label is Label.ABUSE
    assert engine.classify(PLAIN[0]).label is Label.OK
    assert engine.classify(AD).label is Label.SOLICITATION


def test_hits_are_grouped_by_category_in_harm_order():
    verdict = combined("my card 4539 5787 6362 1486 was charged twice, you idiots")
    order = [engine.CATEGORY_ORDER.index(h.category) for h in verdict.hits]
    assert order == sorted(order) and len(set(order)) >= 2


def test_hard_negatives_the_model_doubts_go_to_private_review_not_to_act():
    from governance.config.defaults import default_config
    from governance.policy.moderation import tier_of
    from governance.policy.tier import Tier

    config = default_config()
    for text in ("Stop being lazy and write tests for your PR please.",
                 "The workers are slow on arm64, they are dumb pipes anyway.",
                 "You can reach me on Discord if you want to pair on this."):
        assert tier_of(engine.classify(text), config).tier is not Tier.ACT, text


def test_the_model_declares_every_dataset_its_manifest_lists():
    import json
    from importlib import resources

    manifest = json.loads(resources.files("governance.data").joinpath("language_model.json")
                          .read_text("utf-8"))
    inputs = manifest["inputs"]
    listed = {key.split("|")[0] for part in ("dev.jsonl", "train.jsonl")
              for key in inputs[part]["by_dataset_label"]}
    assert listed <= set(language_model.TRAINED_ON)
    assert inputs["generated"]["fit_items_used"] == 0 or "generated" in language_model.TRAINED_ON
    real = {name.removesuffix(".jsonl") for name in inputs.get("real", {}).get("files", {})}
    assert real <= set(language_model.TRAINED_ON)
