"""Schema checks of the real-data evaluation files in benchmarks/data (and their helpers)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
TRAIN = ROOT.parent / "shared" / "corpus" / "train.jsonl"
sys.path.insert(0, str(DATA))

import agreement  # noqa: E402
import mine_train  # noqa: E402

from governance.detect import model as language_model  # noqa: E402

LABELS = {"ok", "abuse", "solicitation", "pii", "malware"}
GITHUB_LINK = "https://github.com/"


def rows(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def assert_quoted_items(
    items: list[dict[str, Any]], group: str, prefix: str, dataset: str | None = None
) -> None:
    required = {"id", "text", "label", "group", "source", "source_link", "labeller"}
    for item in items:
        assert required <= item.keys(), item["id"]
        assert item["label"] in LABELS, item["id"]
        assert item["group"] == group, item["id"]
        assert item["source"].startswith(f"{dataset or group}/"), item["id"]
        assert item["source_link"].startswith(GITHUB_LINK), item["id"]
        assert item["id"].startswith(f"{prefix}:"), item["id"]
        assert item["text"].strip() == item["text"] and item["text"], item["id"]
        assert item["labeller"] == "A", item["id"]
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    texts = [item["text"].lower() for item in items]
    assert len(texts) == len(set(texts)), "duplicate texts"


def test_github_real_schema_and_size() -> None:
    items = rows("github_real.jsonl")
    assert_quoted_items(items, "github_real", "ghreal")
    positives = [i for i in items if i["label"] != "ok"]
    assert len(items) >= 400
    assert len(positives) >= 150
    assert not [i for i in items if i["label"] == "malware"], "lures belong in lures.jsonl"


def test_github_real_does_not_repeat_lures() -> None:
    lure_texts = {item["text"].lower() for item in rows("lures.jsonl")}
    assert not [i["id"] for i in rows("github_real.jsonl") if i["text"].lower() in lure_texts]


def test_github_real2_is_new_real_text_of_every_label() -> None:
    items = rows("github_real2.jsonl")
    assert_quoted_items(items, "github_real", "ghreal2", dataset="github_real2")
    labels = {label: sum(i["label"] == label for i in items) for label in LABELS}
    assert labels["ok"] >= labels["abuse"] + labels["solicitation"], labels
    assert labels["abuse"] >= 30 and labels["solicitation"] >= 30, labels
    assert not labels["malware"], "lures belong in lures.jsonl"
    earlier = {
        i["text"].lower()
        for name in ("github_real.jsonl", "non_english.jsonl", "lures.jsonl")
        for i in rows(name)
    }
    assert not [i["id"] for i in items if i["text"].lower() in earlier]


def test_relabel_sample_is_blind_pass_over_known_ids() -> None:
    known = {item["id"] for item in rows("github_real.jsonl")}
    second = rows("github_real_relabel.jsonl")
    assert len(second) >= 100
    assert {tuple(sorted(r)) for r in second} == {("id", "label", "labeller")}
    assert all(r["labeller"] == "B" and r["label"] in LABELS for r in second)
    ids = [r["id"] for r in second]
    assert len(ids) == len(set(ids)) and set(ids) <= known


def relabelled_ids(name: str, batch: set[str], share: float) -> list[str]:
    """The ids labeller B relabelled for set ``name`` (checked: B's schema and labels, ids of
    ``batch``, no repeats, at least ``share`` of it, the order ``agreement`` pairs them in)."""
    files, second = agreement.SETS[name]
    relabelled = rows(second.name)
    assert {tuple(sorted(r)) for r in relabelled} == {("id", "label", "labeller")}
    assert all(r["labeller"] == "B" and r["label"] in LABELS for r in relabelled)
    ids = [r["id"] for r in relabelled]
    assert len(ids) == len(set(ids)) and set(ids) <= batch
    assert len(ids) >= share * len(batch)
    assert [p[0] for p in agreement.paired_labels(files, second)] == ids
    return ids


def test_github_real2_relabel_sample_covers_a_fifth_of_the_new_items() -> None:
    new = {item["id"] for item in rows("github_real2.jsonl")}
    new |= {
        item["id"] for item in rows("non_english.jsonl") if int(item["id"].split(":")[1]) > 317
    }
    relabelled_ids("github_real2", new, 0.2)


def test_github_real3_is_new_real_text_of_every_label() -> None:
    items = rows("github_real3.jsonl")
    assert_quoted_items(items, "github_real", "ghreal3", dataset="github_real3")
    labels = {label: sum(i["label"] == label for i in items) for label in LABELS}
    assert len(items) >= 200, labels
    assert labels["ok"] >= labels["abuse"] + labels["solicitation"] >= 90, labels
    assert labels["abuse"] >= 30 and labels["solicitation"] >= 30, labels
    assert not labels["malware"], "lures belong in lures.jsonl"
    earlier = {
        i["text"].lower()
        for name in ("github_real.jsonl", "github_real2.jsonl", "non_english.jsonl", "lures.jsonl")
        for i in rows(name)
    }
    assert not [i["id"] for i in items if i["text"].lower() in earlier]


def test_github_real3_relabel_sample_covers_thirty_percent_of_the_batch() -> None:
    relabelled_ids("github_real3", {item["id"] for item in rows("github_real3.jsonl")}, 0.3)


HELD_OUT = (
    "github_real.jsonl",
    "github_real2.jsonl",
    "github_real3.jsonl",
    "identity_real.jsonl",
    "non_english.jsonl",
    "lures.jsonl",
)
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"


def letters_and_digits(text: str) -> str:
    """The form texts are compared in: letters and digits of any script, lower-cased."""
    return "".join(c for c in text.lower() if c.isalnum())


def held_out_links_and_texts() -> tuple[set[str], set[str]]:
    """Thread links and compared texts of the evaluation sets (and dev's texts)."""
    held = [i for name in HELD_OUT for i in rows(name)]
    links = {str(i.get("source_link", "")).rstrip("/") for i in held} - {""}
    texts = {letters_and_digits(i["text"]) for i in held if i.get("text")}
    if DEV.is_file():
        with DEV.open(encoding="utf-8") as f:
            texts |= {letters_and_digits(json.loads(line)["text"]) for line in f if line.strip()}
    return links, texts


# Real GitHub batches gathered for training: (file, id prefix, mix, languages, the fewest items
# per language). Mix "hard": hard cases, at least two in five of them ok and both flagged labels
# well represented; "measure": gathered as the threads came, to measure a model fixed before
# (fewer positives); "ordinary": the everyday comments that teach script and language to carry
# no signal. Non-English batches (languages
# given) gloss every item in English.
TRAINING_BATCHES = (
    ("github_train1.jsonl", "ghtrain1", "hard", None, 0),
    ("github_train2.jsonl", "ghtrain2", "ordinary", ("zh", "ja", "ko", "vi", "th"), 15),
    ("github_train3.jsonl", "ghtrain3", "ordinary",
     ("ru", "uk", "es", "pt", "de", "fr", "tr", "id"), 15),
    ("github_train4.jsonl", "ghtrain4", "hard", None, 0),
    ("github_train5.jsonl", "ghtrain5", "hard", None, 0),
    ("github_train6.jsonl", "ghtrain6", "hard",
     ("ru", "zh", "id", "tr", "ja", "pl", "fr", "ko", "de", "pt", "vi", "it", "es", "ar", "th"),
     2),
    ("github_train7.jsonl", "ghtrain7", "hard", None, 0),
    ("github_train8.jsonl", "ghtrain8", "hard", None, 0),
    ("github_train9.jsonl", "ghtrain9", "hard",
     ("ru", "zh", "tr", "fr", "pt", "pl", "id", "ar", "ko", "fa", "es", "ja", "uk", "de", "it",
      "hi", "th", "uz", "vi"), 2),
    ("github_train10.jsonl", "ghtrain10", "hard", None, 0),
    ("github_train11.jsonl", "ghtrain11", "hard", None, 0),
    ("github_train12.jsonl", "ghtrain12", "hard", None, 0),
    ("github_train13.jsonl", "ghtrain13", "hard",
     ("pt", "id", "ko", "tr", "fr", "zh", "pl", "es", "fa", "nl", "ja", "cs", "de", "ar", "vi",
      "it", "hi"), 4),
    ("github_train14.jsonl", "ghtrain14", "measure", None, 0),
    ("github_train15.jsonl", "ghtrain15", "measure",
     ("zh", "ru", "id", "fr", "es", "ko", "tr", "ja", "pt", "pl", "vi", "ar", "it", "uk", "th",
      "hi"), 1),
)


@pytest.mark.parametrize(("name", "prefix", "mix", "languages", "fewest"), TRAINING_BATCHES)
def test_training_batches_are_real_text_outside_the_held_out_sets(
        name: str, prefix: str, mix: str, languages: tuple[str, ...] | None,
        fewest: int) -> None:
    items = rows(name)
    assert_quoted_items(items, "github_train", prefix, dataset=name.removesuffix(".jsonl"))
    labels = {label: sum(i["label"] == label for i in items) for label in LABELS}
    assert 150 <= len(items) <= 300, labels
    assert not labels["malware"] and not labels["pii"], labels
    if mix == "hard":
        assert labels["ok"] >= 0.4 * len(items), labels
        assert labels["abuse"] >= 25 and labels["solicitation"] >= 25, labels
    elif mix == "measure":
        assert labels["ok"] >= 0.4 * len(items), labels
        assert labels["abuse"] >= 20 and labels["solicitation"] >= 20, labels
    else:
        assert labels["ok"] >= 0.8 * len(items), labels
    if languages is not None:
        by_lang = {lang: sum(i["lang"] == lang for i in items) for lang in languages}
        assert min(by_lang.values()) >= fewest and sum(by_lang.values()) == len(items), by_lang
        assert all(i.get("note") for i in items)
    links, texts = held_out_links_and_texts()
    # The frozen split keys on the thread: a thread of an evaluation batch must not train.
    assert not [i["id"] for i in items if i["source_link"].rstrip("/") in links]
    assert not [i["id"] for i in items if letters_and_digits(i["text"]) in texts]
    assert len({letters_and_digits(i["text"]) for i in items}) == len(items)


def test_training_batches_share_no_text() -> None:
    seen: dict[str, str] = {}
    for name, *_ in TRAINING_BATCHES:
        for item in rows(name):
            key = letters_and_digits(item["text"])
            assert seen.setdefault(key, item["id"]) == item["id"], (seen[key], item["id"])


def test_batches_not_yet_trained_on_share_no_thread_with_trained_ones() -> None:
    """A batch left out of ``TRAINED_ON`` measures the shipped model only if none of its
    threads (the frozen split's unit) was trained on through another batch."""
    trained = set(language_model.TRAINED_ON)
    links: dict[bool, set[str]] = {True: set(), False: set()}
    for name, *_ in TRAINING_BATCHES:
        dataset = name.removesuffix(".jsonl")
        links[dataset in trained] |= {i["source_link"].rstrip("/") for i in rows(name)}
    assert links[True] and links[False]
    assert not links[True] & links[False]


def test_github_train1_relabel_sample_covers_a_quarter_of_the_batch() -> None:
    relabelled_ids("github_train1", {item["id"] for item in rows("github_train1.jsonl")}, 0.25)


def test_later_training_batches_have_blind_relabel_samples() -> None:
    relabelled_ids("github_train4", {item["id"] for item in rows("github_train4.jsonl")}, 0.25)
    non_english = {item["id"] for name in ("github_train2.jsonl", "github_train3.jsonl")
                   for item in rows(name)}
    ids = relabelled_ids("github_train23", non_english, 0.2)
    assert {i.split(":")[0] for i in ids} == {"ghtrain2", "ghtrain3"}
    for name in (f"github_train{n}" for n in range(5, 16)):
        relabelled_ids(name, {item["id"] for item in rows(f"{name}.jsonl")}, 0.25)


def test_identity_real_is_real_text_about_who_people_are() -> None:
    items = rows("identity_real.jsonl")
    assert_quoted_items(items, "identity_real", "idreal")
    assert all(item["identity"] for item in items)
    labels = {label: sum(i["label"] == label for i in items) for label in LABELS}
    assert labels["ok"] >= 250 and labels["abuse"] >= 40, labels
    assert len({i["source_link"] for i in items}) >= 200


def test_identity_real_relabel_sample_is_the_seeded_third_in_sample_order() -> None:
    known = [item["id"] for item in rows("identity_real.jsonl")]
    ids = relabelled_ids("identity_real", set(known), 0.3)
    # The sample is reproducible from the ids alone: sorted by sha256("relabel:" + id).
    by_hash = sorted(known, key=lambda i: hashlib.sha256(f"relabel:{i}".encode()).hexdigest())
    assert ids == by_hash[: len(ids)]


def test_non_english_languages_and_counts() -> None:
    items = rows("non_english.jsonl")
    assert_quoted_items(items, "non_english", "nonen")
    for item in items:
        assert item["source"] == f"non_english/{item['lang']}", item["id"]
    ok_per_lang: dict[str, int] = {}
    for item in items:
        if item["label"] == "ok":
            ok_per_lang[item["lang"]] = ok_per_lang.get(item["lang"], 0) + 1
    assert "en" not in ok_per_lang
    assert sum(n >= 40 for n in ok_per_lang.values()) >= 6, ok_per_lang


def test_mined_schema_without_text() -> None:
    items = rows("mined.jsonl")
    assert len(items) >= 300
    for item in items:
        assert set(item) == {"id", "label", "group", "source", "labeller", "mined_by"}, item["id"]
        assert item["label"] in LABELS and item["group"] == "mined" and item["labeller"] == "A"
        assert item["mined_by"] in mine_train.FILTERS, item["id"]
        assert item["source"].split("/", 1)[0] in mine_train.UNANNOTATED_SOURCES, item["id"]
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(not TRAIN.exists(), reason="shared train corpus not present")
def test_mined_ids_exist_in_train_and_match_the_filter_that_mined_them() -> None:
    joined = mine_train.load_mined(TRAIN)
    assert len(joined) == len(rows("mined.jsonl"))
    for item in joined:
        assert mine_train.first_filter(item["text"]) == item["mined_by"], item["id"]


@pytest.mark.skipif(not TRAIN.exists(), reason="shared train corpus not present")
def test_mining_is_deterministic_and_reproduces_the_labelled_candidates() -> None:
    first = mine_train.candidates(TRAIN)
    assert [c["id"] for c in first] == [c["id"] for c in mine_train.candidates(TRAIN)]
    assert [c["id"] for c in first] == [item["id"] for item in rows("mined.jsonl")]


def test_load_mined_refuses_ids_missing_from_train(tmp_path: Path) -> None:
    train = tmp_path / "train.jsonl"
    train.write_text(json.dumps({"id": "irc:a", "text": "hello", "source": "irc/ubuntu"}) + "\n")
    mined = tmp_path / "mined.jsonl"
    mined.write_text(
        json.dumps({"id": "irc:b", "label": "ok", "group": "mined", "source": "irc/ubuntu",
                    "labeller": "A", "mined_by": "profanity"}) + "\n"
    )
    with pytest.raises(KeyError):
        mine_train.load_mined(train, mined)


def test_filters_pick_person_directed_insults_not_code_directed_swearing() -> None:
    assert mine_train.first_filter("shut up you idiot") == "insult_you"
    assert mine_train.first_filter("this build is shit") == "profanity"
    assert mine_train.first_filter("apt-get install foo") is None


def test_cohen_kappa_known_values() -> None:
    assert agreement.cohen_kappa(["ok", "abuse"], ["ok", "abuse"]) == 1.0
    # Two raters who agree on 3 of 4 items with balanced marginals: p_o 0.75, p_e 0.5.
    assert agreement.cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(0.5)
    assert agreement.raw_agreement(["a", "b"], ["a", "a"]) == 0.5
    with pytest.raises(ValueError):
        agreement.cohen_kappa([], [])
