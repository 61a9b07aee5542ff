"""A small statistical scorer: logistic regression over hashed word n-grams.

Inference is pure Python (no numpy): features are hashed with CRC-32 into a fixed number of
buckets; the shipped file ``governance/data/ngram_model.json`` holds, per category, a bias,
the non-zero bucket weights and the probability thresholds the rules engine uses. It is
trained offline by ``benchmarks/train_ngram.py`` on the permissively licensed corpus
sources only (see the model card next to it, ``governance/data/MODEL_CARD.md``).
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
import zlib
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from governance.detect.once import once
from governance.model import Category

DIMENSION = 1 << 20
MODEL_FILE = "ngram_model.json"
_URL = re.compile(r"https?://\S+|www\.\S+")
_NUMBER = re.compile(r"\d+")
_TOKEN = re.compile(r"[a-z][a-z']*|[0-9#]+|[!?$£€@]")


@dataclass(frozen=True, slots=True)
class LinearModel:
    bias: float
    weights: Mapping[int, float]
    threshold: float  # probability from which a hit is reported
    scale: tuple[float, float]  # probability p -> hit score: lo + (p - threshold) * slope

    def probability(self, features: Iterable[int]) -> float:
        z = self.bias + sum(map(self.weights.get, features, itertools.repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def hit_score(self, probability: float) -> float:
        low, slope = self.scale
        return min(0.97, low + (probability - self.threshold) * slope)


def features(folded_text: str) -> list[int]:
    """Hashed unigrams and bigrams of a folded text (URLs and numbers as shapes)."""
    text = _URL.sub(" urltoken ", folded_text)
    text = _NUMBER.sub(lambda m: "#" * min(len(m.group()), 4), text)
    tokens = _TOKEN.findall(text)
    grams = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
    grams.append(f"len:{min(len(tokens) // 10, 10)}")
    mask = DIMENSION - 1
    return list({zlib.crc32(g.encode()) & mask for g in grams})


def pack_weights(weights: Mapping[int, float]) -> dict[str, str]:
    """Bucket indexes (uint32) and weights (float32) as base64 arrays: small and fast to load."""
    keys = sorted(weights)
    return {
        "index": base64.b64encode(array("I", keys).tobytes()).decode("ascii"),
        "weight": base64.b64encode(array("f", [weights[k] for k in keys]).tobytes()).decode("ascii"),
    }


def unpack_weights(packed: Mapping[str, str]) -> dict[int, float]:
    index, weight = array("I"), array("f")
    index.frombytes(base64.b64decode(packed["index"]))
    weight.frombytes(base64.b64decode(packed["weight"]))
    return dict(zip(index, weight, strict=True))


def load_models(data: Mapping[str, object]) -> dict[Category, LinearModel]:
    models = {}
    for name, raw in data["models"].items():  # type: ignore[attr-defined]
        weights = unpack_weights(raw["weights"])
        models[Category(name)] = LinearModel(
            float(raw["bias"]), weights, float(raw["threshold"]),
            (float(raw["scale"][0]), float(raw["scale"][1])),
        )
    return models


@once
def shipped_models() -> dict[Category, LinearModel]:
    """The packaged model, loaded once per process (empty if the file is missing)."""
    try:
        raw = resources.files("governance.data").joinpath(MODEL_FILE).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return load_models(json.loads(raw))
