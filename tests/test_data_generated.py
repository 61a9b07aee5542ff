"""Schema checks of the generated comments (benchmarks/data/generated/*.jsonl)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "generated"
LABELS = {"ok", "abuse", "solicitation", "pii"}
FIELDS = {"id", "text", "label", "group", "family", "source"}
MIN_ITEMS_PER_FRAME = 3  # second-round writers write four variants of one situation
MIN_FRAMES_PER_WRITER = 50
# A placeholder the generator left behind: a slot name, an alternative list, or either end of one.
UNEXPANDED = re.compile(r"<<[a-z][a-z0-9_]*>>|<<[^<>]*\|[^<>]*>>|<<\||\|>>")


def writer_files() -> list[Path]:
    return sorted(GENERATED.glob("*.jsonl"))


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def all_items() -> list[dict[str, str]]:
    return [item for path in writer_files() for item in load(path)]


def test_there_are_writers_with_data() -> None:
    assert len(writer_files()) >= 3


@pytest.mark.parametrize("path", writer_files(), ids=lambda p: p.stem)
def test_items_follow_the_schema(path: Path) -> None:
    writer = path.stem
    for item in load(path):
        assert set(item) == FIELDS, item["id"]
        assert item["label"] in LABELS, item["id"]
        assert item["group"] == "generated"
        assert item["source"] == f"generated/{writer}"
        prefix, id_writer, frame, n = item["id"].split(":")
        assert (prefix, id_writer) == ("gen", writer), item["id"]
        assert n.isdigit(), item["id"]
        assert item["family"] == f"{writer}/{frame}", item["id"]
        assert item["text"].strip() == item["text"] and item["text"], item["id"]
        assert UNEXPANDED.search(item["text"]) is None, item["id"]


def test_ids_and_texts_are_unique() -> None:
    items = all_items()
    ids = Counter(item["id"] for item in items)
    texts = Counter(item["text"] for item in items)
    assert [i for i, c in ids.items() if c > 1] == []
    assert [t[:60] for t, c in texts.items() if c > 1] == []


def test_each_family_has_one_label_and_several_items() -> None:
    labels: dict[str, set[str]] = defaultdict(set)
    sizes: Counter[str] = Counter()
    for item in all_items():
        labels[item["family"]].add(item["label"])
        sizes[item["family"]] += 1
    assert {f: ls for f, ls in labels.items() if len(ls) > 1} == {}
    assert {f: n for f, n in sizes.items() if n < MIN_ITEMS_PER_FRAME} == {}


@pytest.mark.parametrize("path", writer_files(), ids=lambda p: p.stem)
def test_each_writer_has_many_frames_and_mixed_labels(path: Path) -> None:
    items = load(path)
    families = {item["family"] for item in items}
    labels = Counter(item["label"] for item in items)
    assert len(families) >= MIN_FRAMES_PER_WRITER
    assert labels["ok"] > 0 and len(labels) >= 2


def test_hard_negatives_at_least_as_many_as_positives() -> None:
    labels = Counter(item["label"] for item in all_items())
    positives = labels["abuse"] + labels["solicitation"] + labels["pii"]
    assert labels["ok"] >= positives, labels
    assert all(labels[label] >= 100 for label in LABELS), labels


def test_files_are_what_the_generator_writes() -> None:
    # The .jsonl files are the generator's output: an edit by hand or a stale file fails here.
    result = subprocess.run(
        [sys.executable, str(GENERATED / "generate.py"), "--check"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Hard negatives must not carry what makes a positive: a Luhn-valid card number that is not a
# published test card, or a live-looking secret (documented examples and placeholders are fine).
CARD_RUN = re.compile(r"(?<![\w.])(?:\d[ -]?){12,18}\d(?![\w.])")
PUBLISHED_TEST_CARDS = {
    "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222",
    "5200828282828210", "378282246310005", "6011111111111117", "4000000000000002",
    "4000000000009995", "4111111111111111", "4000002500003155", "3566002020360505",
}
LIVE_SECRET = re.compile(
    r"ghp_(?!0{36})[A-Za-z0-9]{36}|github_pat_11[A-Z0-9]{20}_|AKIA(?!IOSFODNN7EXAMPLE)[A-Z2-7]{16}"
    r"|sk_live_[A-Za-z0-9]{24}|sk-proj-[\w-]{40}|xoxb-\d{6,}|SG\.[\w-]{22}\.|AIza[\w-]{35}"
    r"|glpat-[\w-]{20}|npm_[A-Za-z0-9]{36}|pypi-AgEIcHlwaS5vcmc|AUTH PLAIN [A-Za-z0-9+/=]{16,}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----\n[A-Za-z0-9+/]{40}|\d{8,10}:AA[\w-]{33}"
)


def luhn_valid(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_ok_items_hold_no_live_card_or_secret() -> None:
    offenders = []
    for item in all_items():
        if item["label"] != "ok":
            continue
        for run in CARD_RUN.findall(item["text"]):
            number = re.sub(r"\D", "", run)
            live = number not in PUBLISHED_TEST_CARDS and luhn_valid(number)
            if 13 <= len(number) <= 19 and live:
                offenders.append(item["id"])
        # A run of one repeated character ("ghp_xxxx...") is a placeholder, not a secret.
        secrets = [m.group(0) for m in LIVE_SECRET.finditer(item["text"])]
        if any(len(set(secret)) > 12 for secret in secrets):
            offenders.append(item["id"])
    assert offenders == []


def test_pii_writers_use_valid_numbers() -> None:
    # The leak frames' card numbers are Luhn-valid (a detector may rightly check the digit).
    cards = []
    for item in all_items():
        if item["label"] == "pii" and "card" in item["family"]:
            runs = [re.sub(r"\D", "", r) for r in CARD_RUN.findall(item["text"])]
            cards.extend(n for n in runs if 13 <= len(n) <= 19)
    assert len(cards) >= 30
    assert [n for n in cards if not luhn_valid(n)] == []


def test_readme_counts_match_the_files() -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATED / "generate.py"), "--stats"],
        capture_output=True, text=True, timeout=120, check=True,
    )
    readme = (GENERATED.parent / "README.md").read_text(encoding="utf-8")
    assert result.stdout.strip() in readme


def test_relabel_sample_covers_a_tenth_of_the_writers_it_samples() -> None:
    # generated_relabel.jsonl: a blind second labelling (B) of a seeded sample, ids only.
    rows = load(GENERATED.parent / "generated_relabel.jsonl")
    assert {tuple(sorted(r)) for r in rows} == {("id", "label", "labeller")}
    assert all(r["labeller"] == "B" and r["label"] in LABELS for r in rows)
    ids = [r["id"] for r in rows]
    items = {item["id"]: item for item in all_items()}
    assert len(ids) == len(set(ids)) and set(ids) <= set(items)
    sampled_writers = {i.split(":")[1] for i in ids}
    population = [i for i in items if i.split(":")[1] in sampled_writers]
    assert len(ids) >= 0.1 * len(population) - 1, (len(ids), len(population))
