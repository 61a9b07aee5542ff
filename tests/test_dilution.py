"""benchmarks/dilution.py: the robustness probe reads abusive items and counts tiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import dilution


def test_the_probe_counts_each_suffix_over_the_insults_acted_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dev = tmp_path / "dev.jsonl"
    rows = [{"text": "@omar you are a useless, brainless idiot and nobody here wants your "
                     "patches.", "label": "abuse"},
            {"text": "Thanks, the fix works on arm64 too.", "label": "ok"},
            {"text": "Great release, thank you all.", "label": "abuse"}]
    dev.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    assert dilution.abusive_texts(dev, 0) == [rows[0]["text"], rows[2]["text"]]
    assert dilution.abusive_texts(dev, 1) == [rows[0]["text"]]
    assert dilution.main(["--dev", str(dev)]) == 0

    out = capsys.readouterr().out
    assert "abusive dev items read: 2; acted on as written: 1" in out
    table = [line for line in out.splitlines()
             if line.startswith("| ") and not line.startswith("| appended")]
    assert [line.split(" | ")[0][2:] for line in table] == list(dilution.SUFFIXES)
    for line in table:  # one insult: its three cells add up to it
        cells = [int(cell.split()[0]) for cell in line.strip("| ").split(" | ")[1:]]
        assert sum(cells) == 1
