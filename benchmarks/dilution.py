"""How ordinary words around an insult move it between tiers (a robustness probe, offline).

    python benchmarks/dilution.py                 # the first 600 abusive dev items
    python benchmarks/dilution.py --limit 0       # all of them

Takes the abusive items of ``../shared/corpus/dev.jsonl`` that the default engine acts on
and appends, one at a time, what a real comment carries next to its words: a neutral
technical sentence, a log link, a screenshot, both. For each suffix it prints how many
stay at act, fall to review, or are no longer flagged. Abusers can add such text on
purpose, so a large drop is an evasion, not only a calibration detail (model card,
"Known limits"). Prints aggregates only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from governance.config.defaults import default_config  # noqa: E402
from governance.config.types import Config  # noqa: E402
from governance.detect import engine  # noqa: E402
from governance.detect.context import DetectContext  # noqa: E402
from governance.policy.moderation import tier_of  # noqa: E402
from governance.policy.tier import Tier  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
LOG = " Proof: [log](https://paste.example/raw/abc)."
SHOT = " ![shot](https://github.com/user-attachments/assets/5b2c.png)"
# what is appended, by name: the words of an ordinary comment, never abusive
SUFFIXES = {
    "a neutral technical sentence": " I tested this on version 2.3 with the default settings.",
    "a bare link": " See https://example.org/page for details.",
    "a log link": LOG,
    "a screenshot": SHOT,
    "a log link and a screenshot": LOG + SHOT,
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--dev", type=Path, default=DEV)
    p.add_argument("--limit", type=int, default=600, help="abusive items read (0: all)")
    return p.parse_args(argv)


def abusive_texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8") as f:
        texts = [item["text"] for item in map(json.loads, f) if item["label"] == "abuse"]
    return texts[:limit] if limit else texts


def tier(text: str, config: Config, context: DetectContext) -> Tier:
    return tier_of(engine.classify(text, context), config).tier


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    config, context = default_config(), DetectContext(language_model=True)
    texts = abusive_texts(args.dev, args.limit)
    acted = [t for t in texts if tier(t, config, context) is Tier.ACT]
    print(f"abusive dev items read: {len(texts)}; acted on as written: {len(acted)}")
    print("| appended | still act | review | not flagged |")
    print("|---|---|---|---|")
    for name, suffix in SUFFIXES.items():
        count = Counter(tier(t + suffix, config, context) for t in acted)
        cells = [f"{count[t]} ({count[t] / max(1, len(acted)):.0%})"
                 for t in (Tier.ACT, Tier.REVIEW, Tier.NONE)]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
