"""One calibrated score per language category from the rules and the learned model.

For abuse and solicitation the rules' category score (noisy-or of their hits, 0 when none
fired) and the model's log-odds are mapped to one probability by a logistic calibration

    score = sigmoid(b + w_rule * logit(rule) + w_fired * fired + w_model * z + w_both * fired * z)

(``fired`` is 1 when a rule of the category fired, ``logit(rule)`` is then the rules'
score as log-odds, else 0). The weights are fitted by ``benchmarks/calibrate_model.py`` on
the frozen **calibrate** split (``benchmarks/splits.py``), which neither the rules'
authors' error reading nor the model's training used, and shipped in
``governance/data/language_calibration.json``. The policy's per-category
``act_threshold``/``review_threshold`` defaults are chosen on the same split.

Rules still decide the structural categories (pii, malware) alone and still carry the
evidence spans; the model adds no span (a whole-text judgement: nothing to redact).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from governance.model import Category

CALIBRATION_FILE = "language_calibration.json"
LANGUAGE_CATEGORIES = (Category.ABUSE, Category.SOLICITATION)
RULE_CLIP = 0.02  # rule scores are clipped into [RULE_CLIP, 1 - RULE_CLIP] before the logit
# A model-only judgement is reported as a hit (``<category>.model``) from this score on;
# below it the category is absent, as it was before the model (every review threshold is
# above it).
REPORT_FLOOR = 0.2


@dataclass(frozen=True, slots=True)
class Calibration:
    bias: float
    rule: float
    fired: float
    model: float
    both: float

    def score(self, rule_score: float, model_logit: float) -> float:
        fired = 1.0 if rule_score > 0.0 else 0.0
        clipped = min(1.0 - RULE_CLIP, max(RULE_CLIP, rule_score))
        rule_logit = math.log(clipped / (1.0 - clipped)) if fired else 0.0
        z = (self.bias + self.rule * rule_logit + self.fired * fired
             + self.model * model_logit + self.both * fired * model_logit)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def features(rule_score: float, model_logit: float) -> tuple[float, float, float, float]:
    """The calibration's inputs, in the order of ``Calibration``'s weights (fitting uses it)."""
    fired = 1.0 if rule_score > 0.0 else 0.0
    clipped = min(1.0 - RULE_CLIP, max(RULE_CLIP, rule_score))
    rule_logit = math.log(clipped / (1.0 - clipped)) if fired else 0.0
    return rule_logit, fired, model_logit, fired * model_logit


def load_calibrations(data: Mapping[str, object]) -> dict[Category, Calibration]:
    raw = data["categories"]
    assert isinstance(raw, Mapping)
    return {Category(name): Calibration(*(float(w) for w in weights))
            for name, weights in raw.items()}


@functools.cache
def shipped_calibrations() -> dict[Category, Calibration]:
    text = resources.files("governance.data").joinpath(CALIBRATION_FILE).read_text("utf-8")
    return load_calibrations(json.loads(text))
