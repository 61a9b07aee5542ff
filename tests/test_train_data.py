"""Which generated files and real sets a training run reads (``benchmarks/train_model.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.splits import split_of
from benchmarks.train_model import generated_items, real_items


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
