"""Markers for hand-written cases the shipped language model gets wrong (strict xfail).

Each is a known limit listed in ``governance/data/MODEL_CARD.md``; a better model turns the
test into an unexpected pass, which fails the run, so the marker is removed with the fix.
"""

import pytest

MODEL_REVIEW = pytest.mark.xfail(
    strict=True, reason="the language model sends this hard negative to review (labelled, "
    "nothing public): a known limit in MODEL_CARD.md")
MODEL_FP_ACT = pytest.mark.xfail(
    strict=True, reason="a known false positive of the language model at the act tier "
    "(MODEL_CARD.md)")
MODEL_OVERRULED = pytest.mark.xfail(
    strict=True, reason="the calibrated combination lets the model overrule this single "
    "mid-score rule (MODEL_CARD.md)")
