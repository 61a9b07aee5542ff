"""Write the generated comments: one ``<writer>.jsonl`` per writer, from the frames of its module.

Deterministic (seeded by writer and frame name, standard library only), so re-running it
reproduces the files byte for byte. Run from anywhere:

    python benchmarks/data/generated/generate.py          # writes the .jsonl files
    python benchmarks/data/generated/generate.py --check  # fails if the files are stale
    python benchmarks/data/generated/generate.py --stats  # counts table for the README

Each writer module (``writer_*.py``) holds a ``WRITER`` name and a ``FRAMES`` list; see
``BRIEFS.md`` for the brief each writer was written to.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from pathlib import Path

from gen_common import Frame, instances

HERE = Path(__file__).resolve().parent
SEED = "governance-generated-v1"
MIN_ITEMS_PER_FRAME = 3  # second-round writers: 4 variants of one situation
LABEL_ORDER = ("ok", "abuse", "solicitation", "pii")
WRITER_MODULES = (
    "writer_spam",
    "writer_harass",
    "writer_leaks",
    "writer_infra",
    "writer_users",
    "writer_polyglot",
    "writer_subtle",
    "writer_webdev",
    "writer_bots",
    "writer_moderation",
    "writer_longform",
    "writer_ml",
    "writer_gaming",
    "writer_security",
    "writer_newcomers",
    "writer_enterprise",
    "writer_stewards",
    "writer_reviewers",
    "writer_mobile",
    "writer_notebooks",
    "writer_homelab",
    "writer_foundation",
    "writer_identity",
    "writer_stance",
    "writer_pitches",
    "writer_contempt",
    "writer_heated",
    "writer_multilingual",
)


def items_of(writer: str, frames: list[Frame]) -> list[dict[str, str]]:
    names = Counter(fr.name for fr in frames)
    dupes = [n for n, c in names.items() if c > 1]
    if dupes:
        raise SystemExit(f"{writer}: frame names used twice: {dupes}")
    items = []
    short = []
    for fr in frames:
        texts = instances(fr, f"{SEED}:{writer}")
        if len(texts) < MIN_ITEMS_PER_FRAME:
            short.append(f"{writer}/{fr.name} ({len(texts)})")
        for n, text in enumerate(texts):
            items.append({
                "id": f"gen:{writer}:{fr.name}:{n}",
                "text": text,
                "label": fr.label,
                "group": "generated",
                "family": f"{writer}/{fr.name}",
                "source": f"generated/{writer}",
            })
    if short:
        raise SystemExit("frames with too few distinct items: " + ", ".join(short))
    return items


def render(items: list[dict[str, str]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def stats_table() -> str:
    """Markdown counts per writer and label (items, and frames in brackets), from the files."""
    rows = []
    totals: Counter[str] = Counter()
    frame_totals: Counter[str] = Counter()
    for path in sorted(HERE.glob("*.jsonl")):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        labels = Counter(item["label"] for item in items)
        frames = Counter({label: len({i["family"] for i in items if i["label"] == label})
                          for label in labels})
        totals.update(labels)
        frame_totals.update(frames)
        cells = [f"{labels[lab]:,} ({frames[lab]})" if labels[lab] else "–" for lab in LABEL_ORDER]
        rows.append(f"| {path.stem} | " + " | ".join(cells)
                    + f" | {len(items):,} ({sum(frames.values())}) |")
    cells = [f"**{totals[lab]:,} ({frame_totals[lab]})**" for lab in LABEL_ORDER]
    rows.append("| **total** | " + " | ".join(cells)
                + f" | **{sum(totals.values()):,} ({sum(frame_totals.values())})** |")
    head = "| writer | " + " | ".join(LABEL_ORDER) + " | all |\n|---|" + "---|" * (len(LABEL_ORDER) + 1)
    return head + "\n" + "\n".join(rows)


def main(argv: list[str]) -> int:
    if "--stats" in argv:
        print(stats_table())
        return 0
    check = "--check" in argv
    stale = []
    seen_texts: dict[str, str] = {}
    for module_name in WRITER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        items = items_of(module.WRITER, module.FRAMES)
        kept = []
        for item in items:
            # The same text from two frames would sit in two validation families: keep the first.
            if item["text"] in seen_texts:
                continue
            seen_texts[item["text"]] = item["id"]
            kept.append(item)
        path = HERE / f"{module.WRITER}.jsonl"
        content = render(kept)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(path.name)
            continue
        path.write_text(content, encoding="utf-8")
        labels = Counter(item["label"] for item in kept)
        print(f"{module.WRITER}: {len(module.FRAMES)} frames, {len(kept)} items, {dict(labels)}")
    if stale:
        print("stale:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
