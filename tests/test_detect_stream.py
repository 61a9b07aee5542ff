"""`governance classify`: JSON Lines in and out, errors in-band, --explain view."""

from __future__ import annotations

import io
import json

from governance.detect.stream import highlight, run_classify


def run(lines: list[str], **kw: object) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_classify(io.StringIO("\n".join(lines) + "\n"), out, **kw)  # type: ignore[arg-type]
    return code, out.getvalue().splitlines()


def test_one_output_object_per_input_line_in_order():
    items = [{"id": 1, "text": "thanks, merged"}, {"id": "b", "text": "you worthless moron"},
             {"id": None, "text": "my card 4539 5787 6362 1486 was charged twice"}]
    code, out = run([json.dumps(i) for i in items])
    rows = [json.loads(line) for line in out]
    assert code == 0
    assert [r["id"] for r in rows] == [1, "b", None]
    assert [r["label"] for r in rows] == ["ok", "abuse", "pii"]
    assert set(rows[1]) == {"id", "label", "score", "rules"}
    rule = rows[2]["rules"][0]
    assert set(rule) == {"id", "category", "evidence"} and rule["category"] == "pii"
    start, end = rule["evidence"][0]
    assert items[2]["text"][start:end] == "4539 5787 6362 1486"  # type: ignore[index]


def test_malformed_lines_get_an_error_line_and_the_stream_goes_on():
    code, out = run(["not json", json.dumps([1]), json.dumps({"id": 7}), "",
                     json.dumps({"id": 8, "text": "hello"})])
    rows = [json.loads(line) for line in out]
    assert code == 1
    assert len(rows) == 4
    assert all("error" in r and r["label"] == "ok" for r in rows[:3])
    assert rows[2]["id"] == 7
    assert rows[3] == {"id": 8, "label": "ok", "score": 0.0, "rules": []}


def test_explain_marks_evidence_in_the_text():
    code, out = run([json.dumps({"id": "x", "text": "well, you are an idiot."})], explain=True)
    text = "\n".join(out)
    assert code == 0
    assert "== x: abuse" in text and "»you are an idiot«" in text
    assert "abuse.insult.you_are" in text


def test_highlight_merges_overlapping_spans():
    assert highlight("abcdef", [(1, 3), (2, 4), (5, 6)]) == "a»bcd«e»f«"


def test_large_inputs_stream_without_holding_the_output():
    class Counting(io.StringIO):
        writes = 0

        def write(self, s: str) -> int:
            Counting.writes += 1
            return super().write(s)

    src = io.StringIO("".join(json.dumps({"id": i, "text": "ok"}) + "\n" for i in range(300)))
    out = Counting()
    assert run_classify(src, out) == 0
    assert Counting.writes >= 300 and len(out.getvalue().splitlines()) == 300


def test_lone_surrogates_from_json_do_not_break_the_output():
    line = json.dumps({"id": "\ud800", "text": "you moron \ud800"})
    code, out = run([line])
    assert code == 0 and json.loads(out[0])["label"] == "abuse"
    out[0].encode("utf-8")  # the output line itself is plain ASCII JSON
    code, shown = run([line], explain=True)
    "\n".join(shown).encode("utf-8")
    assert code == 0
