"""One calibrated score per language category from the rules and the learned model.

For abuse and solicitation the rules' category score (noisy-or of their hits, 0 when none
fired) and the model's log-odds are mapped to one probability by a logistic calibration

    p = sigmoid(b + w_rule * logit(max(rule, 0.02)) + w_model * z)

(``rule``: the rules' noisy-or category score, 0 when none fired, so "no rule" is the
floor's log-odds -3.9; ``z``: the model's log-odds). Both weights come out positive: the
score rises with either part, and a weak rule alone stays weak unless the model agrees. The weights are fitted by ``benchmarks/calibrate_model.py`` on
the frozen **calibrate** split (``benchmarks/splits.py``), which the model's training never
saw and nobody reads item by item, and shipped in ``governance/data/language_calibration.json``.

On the same split the script chooses two operating points of that probability: *act*
(near-certain: at most a fraction of a percent of real ok comments above it) and *review*
(likely). The score is the probability mapped piecewise-linearly so that these points land
on the scale every rule score already uses — act at 0.85 ("a moderator would remove this"),
review at 0.55 ("worth a human look") — so the schema's ``act_threshold`` 0.85 and
``review_threshold`` 0.55 defaults *are* the chosen thresholds, one scale serves every
category (the policy compares them), and the label rule (>= 0.5) and the LLM band keep
their meaning.

Rules still decide the structural categories (pii, malware) alone and still carry the
evidence spans; the model adds no span (a whole-text judgement: nothing to redact).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from governance.detect.once import once
from governance.model import Category

CALIBRATION_FILE = "language_calibration.json"
LANGUAGE_CATEGORIES = (Category.ABUSE, Category.SOLICITATION)
RULE_CLIP = 0.02  # rule scores are clipped into [RULE_CLIP, 1 - RULE_CLIP] before the logit
# A model-only judgement is reported as a hit (``<category>.model``) from this score on;
# below it the category is absent, as it was before the model (every review threshold is
# above it).
REPORT_FLOOR = 0.2


# where the chosen operating points land on the common score scale
REVIEW_SCORE = 0.55
ACT_SCORE = 0.85


@dataclass(frozen=True, slots=True)
class Calibration:
    bias: float
    rule: float
    model: float
    review_at: float = REVIEW_SCORE  # probability of the review point
    act_at: float = ACT_SCORE  # probability of the act point

    def probability(self, rule_score: float, model_logit: float) -> float:
        rule_logit, z = features(rule_score, model_logit)
        t = self.bias + self.rule * rule_logit + self.model * z
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t))))

    def score(self, rule_score: float, model_logit: float) -> float:
        scaled = on_scale(self.probability(rule_score, model_logit), self.review_at, self.act_at)
        # The model may move what the rules alone would act on down to review, never out of
        # sight: ordinary words, a link or a screenshot around an insult read as "a bug
        # report" to it, and an abuser can add them on purpose (benchmarks/dilution.py).
        return max(scaled, REVIEW_SCORE) if rule_score >= ACT_SCORE else scaled


def on_scale(p: float, review_at: float, act_at: float) -> float:
    """Piecewise-linear: 0 -> 0, review_at -> 0.55, act_at -> 0.85, 1 -> 1."""
    for (x0, y0), (x1, y1) in itertools.pairwise(
            ((0.0, 0.0), (review_at, REVIEW_SCORE), (act_at, ACT_SCORE), (1.0, 1.0))):
        if p <= x1:
            return y0 + (p - x0) * (y1 - y0) / max(x1 - x0, 1e-9)
    return 1.0


def features(rule_score: float, model_logit: float) -> tuple[float, float]:
    """The calibration's inputs, in the order of ``Calibration``'s weights (fitting uses it)."""
    clipped = min(1.0 - RULE_CLIP, max(RULE_CLIP, rule_score))
    return math.log(clipped / (1.0 - clipped)), model_logit


def load_calibrations(data: Mapping[str, object]) -> dict[Category, Calibration]:
    raw = data["categories"]
    assert isinstance(raw, Mapping)
    points = data.get("operating_points", {})
    assert isinstance(points, Mapping)
    out = {}
    for name, weights in raw.items():
        at = points.get(name, {"review": REVIEW_SCORE, "act": ACT_SCORE})
        bias, rule, model = (float(w) for w in weights)
        out[Category(name)] = Calibration(bias, rule, model, float(at["review"]),
                                          float(at["act"]))
    return out


@once
def shipped_calibrations() -> dict[Category, Calibration]:
    text = resources.files("governance.data").joinpath(CALIBRATION_FILE).read_text("utf-8")
    return load_calibrations(json.loads(text))
