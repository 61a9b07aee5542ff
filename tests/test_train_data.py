"""Which generated files and real sets a training run reads (``benchmarks/train_model.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.average_runs import comparable
from benchmarks.calibrate_model import training_batches
from benchmarks.splits import split_of
from benchmarks.train_model import generated_items, real_items, sample_seed


def writer_file(root: Path, writer: str, n: int = 40) -> None:
    rows = [{"id": f"gen:{writer}:{i}", "text": f"{writer} comment {i}", "label": "ok",
             "group": "generated", "family": f"{writer}/f{i % 10:02d}"} for i in range(n)]
    folder = root / "generated"
    folder.mkdir(exist_ok=True)
    (folder / f"{writer}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")


def test_a_skipped_writer_and_a_file_the_manifest_does_not_name_are_not_read(tmp_path: Path):
    for writer in ("spam", "stance"):
        writer_file(tmp_path, writer)
    every, files = generated_items(tmp_path)
    assert set(files) == {"spam.jsonl", "stance.jsonl"}
    assert every and all(split_of(it) == "fit" for it in every)

    skipped, files = generated_items(tmp_path, skip=["stance"])
    assert set(files) == {"spam.jsonl"}
    assert {str(it["family"]).split("/")[0] for it in skipped} == {"spam"}

    named, files = generated_items(tmp_path, only=["spam.jsonl"])
    assert set(files) == {"spam.jsonl"} and named == skipped


def real_file(root: Path, name: str, group: str, n: int = 40) -> None:
    rows = [{"id": f"{name}:{i}", "text": f"real comment {i}", "label": "ok", "group": group,
             "source_link": f"https://github.com/o/r/issues/{i}"} for i in range(n)]
    (root / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")


def test_real_sets_gathered_for_training_give_their_fit_split(tmp_path: Path):
    real_file(tmp_path, "github_train1", "github_train")
    items, files = real_items(tmp_path, ["github_train1.jsonl"])
    assert files["github_train1.jsonl"]["items"] == 40
    assert items and len(items) == files["github_train1.jsonl"]["fit_items"] < 40
    assert all(split_of(it) == "fit" for it in items)
    assert real_items(tmp_path, []) == ([], {})


def test_a_held_out_batch_is_refused_as_training_data(tmp_path: Path):
    real_file(tmp_path, "github_real", "github_real")
    with pytest.raises(SystemExit, match="held out"):
        real_items(tmp_path, ["github_real.jsonl"])


def run_manifest(seed: int, **settings: object) -> dict[str, object]:
    return {"base_model": "minilm", "outputs": ["ok", "abuse"], "identity_blind": 1,
            "inputs": {"dev.jsonl": {"fit_items_used": 10}},
            "settings": {"seed": seed, "sample_seed": 7, "epochs": 3.0, **settings}}


def test_runs_that_differ_in_seed_only_may_be_averaged():
    assert comparable([run_manifest(1), run_manifest(2), run_manifest(3)]) == []
    moved = run_manifest(4, data="/elsewhere/data")
    moved["inputs"] = {"dev.jsonl": {"fit_items_used": 10}, "folder": "/elsewhere"}
    assert comparable([run_manifest(1), moved]) == []
    before_sample_seed = run_manifest(7)  # an older run: its sample came from --seed
    del before_sample_seed["settings"]["sample_seed"]  # type: ignore[attr-defined]
    assert comparable([before_sample_seed, run_manifest(8)]) == []


def test_runs_with_other_settings_data_or_the_same_seed_are_not_averaged():
    other_data = run_manifest(2)
    other_data["inputs"] = {"dev.jsonl": {"fit_items_used": 11}}
    problems = comparable([run_manifest(1), run_manifest(2, epochs=2.0), other_data,
                           run_manifest(1)])
    assert "run 2: setting epochs 2.0 != 3.0" in problems
    assert "run 3: inputs differs from run 1" in problems
    assert "two runs share a seed: the same run twice" in problems
    other_sample = run_manifest(9, sample_seed=8)
    assert comparable([run_manifest(1), other_sample]) == [
        "run 2: another train.jsonl sample (--sample-seed)"]
    assert len(problems) == 3


def test_the_train_sample_seed_defaults_to_the_run_seed():
    assert sample_seed({"seed": 5}) == 5
    assert sample_seed({"seed": 5, "sample_seed": None}) == 5
    assert sample_seed({"seed": 5, "sample_seed": 9}) == 9


def test_the_calibrate_split_of_training_batches_calibrates_and_relabels_are_not_read(
        tmp_path: Path):
    real_file(tmp_path, "github_train1", "github_train")
    (tmp_path / "github_train1_relabel.jsonl").write_text(
        json.dumps({"id": "github_train1:1", "label": "ok", "labeller": "B"}) + "\n", "utf-8")
    real_file(tmp_path, "github_real", "github_real")
    calibrate = training_batches(tmp_path, "calibrate")
    fit = training_batches(tmp_path, "fit")
    assert calibrate and fit and len(calibrate) + len(fit) == 40
    assert {split_of(it) for it in calibrate} == {"calibrate"}
    assert {it["group"] for it in calibrate + fit} == {"github_train"}
    assert fit == real_items(tmp_path, ["github_train1.jsonl"])[0]
