"""``governance calibrate`` on review sheets whose answers are known."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from governance.cli import main
from governance.scan.calibrate import (
    SheetError,
    calibrate,
    judged_rows,
    lowest_threshold,
    lowest_worth_reviewing,
    render,
)
from governance.scan.report import SHEET_FIELDS


def sheet(*groups: tuple[str, str, str, float, int, int], population: int = 1000
          ) -> list[dict[str, str]]:
    """Rows of (kind, category, rule, score, right, wrong): ``right`` rows judged yes,
    ``wrong`` rows judged no."""
    rows = []
    for kind, category, rule, score, right, wrong in groups:
        for answer in ["yes"] * right + ["no"] * wrong:
            rows.append({"kind": kind, "category": "ok" if kind == "sample" else category,
                         "top_category": category, "rule": rule,
                         "score": str(score), "correct": answer,
                         "sampled_from": str(population) if kind == "sample" else ""})
    return rows


KNOWN = sheet(("action", "abuse", "abuse.model", 0.99, 10, 0),
              ("action", "abuse", "abuse.model", 0.90, 8, 2),
              ("action", "abuse", "abuse.insult.you_are", 0.80, 5, 5),
              ("action", "pii", "pii.phone_number", 0.95, 4, 0),
              ("action", "solicitation", "solicitation.model", 0.70, 1, 3),
              ("sample", "abuse", "", 0.6, 1, 2),  # worth a review: 2 of 3 deserved action
              ("sample", "abuse", "", 0.3, 5, 0),  # not worth one
              ("sample", "", "", 0.0, 12, 0))


def test_precision_per_category_and_rule_with_counts() -> None:
    result = calibrate(KNOWN, precision=0.98)
    assert result.per_category["abuse"].correct == 23
    assert result.per_category["abuse"].judged == 30
    assert str(result.per_rule["abuse", "abuse.model"]) == "90.0% (18/20)"
    assert str(result.per_rule["abuse", "abuse.insult.you_are"]) == "50.0% (5/10)"
    assert result.per_category["pii"].value == 1.0


def test_miss_rate_is_estimated_from_the_sample() -> None:
    result = calibrate(KNOWN)
    assert result.sample.judged == 20
    assert result.miss_rate == pytest.approx(0.1)
    assert result.sampled_from == 1000 and result.estimated_misses == 100


def test_thresholds_keep_the_measured_precision_at_the_target() -> None:
    strict = {s.category: s for s in calibrate(KNOWN, precision=0.98).suggestions}
    assert strict["abuse"].act_threshold == 0.99  # 10/10; at 0.90 it would be 18/20
    assert strict["abuse"].review_threshold == 0.60  # 0.8: 5 of 10, 0.6: 2 of 3, 0.3: 0 of 5
    assert strict["pii"].review_threshold is None  # nothing judged below its actions
    assert strict["pii"].act_threshold == 0.95
    assert strict["solicitation"].act_threshold is None  # 1 of 4: nothing reaches 98%
    loose = {s.category: s for s in calibrate(KNOWN, precision=0.9).suggestions}
    assert loose["abuse"].act_threshold == 0.90  # 18/20 = 90%


def test_lowest_threshold_takes_the_lowest_score_that_still_keeps_the_target() -> None:
    judged, _ = judged_rows(
        sheet(("action", "abuse", "r", 0.9, 1, 0), ("action", "abuse", "r", 0.8, 0, 1),
              ("action", "abuse", "r", 0.7, 3, 0)))
    # at 0.7 all five: 4/5 = 80%; at 0.8: 1/2; at 0.9: 1/1
    assert lowest_threshold(judged, 0.8)[0] == 0.7
    assert lowest_threshold(judged, 0.95)[0] == 0.9
    # level by level, 0.8 alone is 0 of 1: reviewing stops above it
    assert lowest_worth_reviewing(judged, 0.5)[0] == 0.9


def test_unjudged_rows_are_not_counted_and_bad_answers_are_refused() -> None:
    rows = sheet(("action", "abuse", "r", 0.9, 2, 0))
    rows.append({"kind": "action", "category": "abuse", "rule": "r", "score": "0.9",
                 "correct": ""})
    assert calibrate(rows).per_category["abuse"].judged == 2
    rows[-1]["correct"] = "maybe"
    with pytest.raises(SheetError, match="line 4"):
        calibrate(rows)
    with pytest.raises(SheetError, match="not a review sheet"):
        calibrate([{"url": "x"}])


def test_the_snippet_uses_the_config_schema_names() -> None:
    text = render(calibrate(KNOWN, precision=0.98), 0.98)
    assert "moderation:\n  rules:\n    abuse:\n      act_threshold: 0.99" in text
    assert "      review_threshold: 0.60" in text
    assert "# review_threshold: keep yours" in text
    assert "no score reaches 98% precision" in text
    from governance.config.load import load_config
    snippet = text[text.index("moderation:"):]
    config = load_config(snippet, None, repo_name="snippet.yml")  # pastes as it is
    assert config.moderation.rules["abuse"].act_threshold == 0.99


def test_calibrate_command_reads_a_sheet_the_scan_wrote(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sheet.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, SHEET_FIELDS, restval="")
        writer.writeheader()
        writer.writerows(KNOWN)
    assert main(["calibrate", str(path), "--precision", "0.9"], env={}) == 0
    shown = capsys.readouterr().out
    assert "abuse" in shown and "76.7% (23/30)" in shown
    assert "estimated miss rate of 10.0%, about 100 of the 1000" in shown
    assert main(["calibrate", str(tmp_path / "none.csv")], env={}) == 1
    assert main(["calibrate", str(path), "--precision", "98"], env={}) == 1
