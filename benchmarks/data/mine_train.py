"""Mine candidate positives and hard negatives from the unannotated real text of train.jsonl.

``../shared/corpus/train.jsonl`` labels every IRC, Stack Overflow (Senti4SD) and pull-request
(PRemo) item ``ok``: none of those sources was annotated for abuse, spam or secrets. The filters
below pick the items a moderator would want to look at (person-directed insults, profanity,
secret- and contact-like strings, commercial wording, violent words); each candidate was then
read and labelled by hand into ``mined.jsonl``. That file holds ids and labels only: the text
stays in the shared corpus and :func:`load_mined` joins the two.

Deterministic: filters are fixed regular expressions, candidates are taken in sorted-id order
and capped per filter by a sha256 ranking of the id, so the same train.jsonl gives the same list.

    python benchmarks/data/mine_train.py [--train PATH]   # prints the candidates
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TRAIN = HERE.parents[2] / "shared" / "corpus" / "train.jsonl"
MINED = HERE / "mined.jsonl"

# Sources whose items were never annotated for abuse, spam or secrets (train labels them all ok).
UNANNOTATED_SOURCES = ("irc", "senti4sd", "premo")

# Filter name -> pattern. Order matters only for naming: an item is credited to the first filter
# that matches it. Patterns are written from the label definitions, not from items read.
FILTERS: dict[str, re.Pattern[str]] = {
    "insult_you": re.compile(
        r"\b(you|u|ur|you're|youre|your)\b[^.!?\n]{0,30}\b(idiot|stupid|moron|retard\w*|dumb\w*|"
        r"noob|loser|asshole|jerk|clown|pathetic|useless|suck\w*|twat|dick|prick|bitch)\b"
        r"|\b(fuck|screw)\s+(you|u|off)\b|\b(shut\s+up|stfu|gtfo|kys)\b",
        re.IGNORECASE,
    ),
    "slur_or_insult": re.compile(
        r"\b(idiots?|morons?|retards?|imbeciles?|losers?|assholes?|"
        r"fag\w*|nigg\w*|cunts?|whores?)\b",
        re.IGNORECASE,
    ),
    "violent": re.compile(
        r"\b(kill (yourself|urself|you)|i'?ll kill|go die|hope you die|shoot you)\b", re.IGNORECASE
    ),
    "secret_like": re.compile(
        r"(pass(word|wd)?\s*[:=]\s*\S+|\bapi[_ -]?key\s*[:=]|\btoken\s*[:=]\s*\S{8,}|"
        r"AKIA[0-9A-Z]{16}|\bgh[pousr]_[A-Za-z0-9]{20,}|xox[abp]-|"
        r"-----BEGIN [A-Z ]*PRIVATE KEY|\bsk_(live|test)_|"
        r"my (root |admin |sudo )?password is)",
        re.IGNORECASE,
    ),
    "contact_like": re.compile(
        r"(\+?\d[\d ().-]{8,}\d|"
        r"\b(call|text|phone|whatsapp|skype|msn|aim|icq)\b[^.\n]{0,20}\b(me|my)\b)",
        re.IGNORECASE,
    ),
    "commercial": re.compile(
        r"\b(buy|sell(ing)?|cheap|discount|for sale|hire me|hiring|paid|pay (you|me)|per hour|"
        r"\$\s?\d+|visit (my|our)|check out (my|our)|my (company|business|website|site|shop)|"
        r"our (product|service|company)|free trial|make money)\b",
        re.IGNORECASE,
    ),
    "profanity": re.compile(
        r"\b(fuck\w*|shit\w*|crap\w*|damn\w*|wtf|bullshit|piss\w*|bastard\w*)\b", re.IGNORECASE
    ),
    "belittling": re.compile(
        r"\b(stupid|dumb|clueless|lazy|lamer?s?|n00bs?|noobs?|rtfm|incompetent|pathetic|ignorant)\b",
        re.IGNORECASE,
    ),
    "private_channel": re.compile(
        r"\b(pm|msg|dm|/msg|query|e-?mail)\s+me\b|\bprivate message\b", re.IGNORECASE
    ),
}

# Per-filter cap, so frequent filters (profanity, commercial) do not crowd out the rare ones.
CAPS: dict[str, int] = {
    "insult_you": 80,
    "slur_or_insult": 60,
    "violent": 20,
    "secret_like": 40,
    "contact_like": 60,
    "commercial": 80,
    "profanity": 70,
    "belittling": 50,
    "private_channel": 30,
}


def read_train(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def first_filter(text: str) -> str | None:
    """Name of the first filter that matches the text, or None."""
    for name, pattern in FILTERS.items():
        if pattern.search(text):
            return name
    return None


def _rank(item_id: str) -> str:
    return hashlib.sha256(item_id.encode("utf-8")).hexdigest()


def candidates(path: Path = DEFAULT_TRAIN) -> list[dict[str, str]]:
    """The capped candidate list: train items from unannotated sources that a filter matches."""
    by_filter: dict[str, list[dict[str, str]]] = {name: [] for name in FILTERS}
    for item in read_train(path):
        if item["source"].split("/", 1)[0] not in UNANNOTATED_SOURCES:
            continue
        name = first_filter(item["text"])
        if name is not None:
            by_filter[name].append(item)
    out: list[dict[str, str]] = []
    for name, items in by_filter.items():
        items.sort(key=lambda it: _rank(it["id"]))
        for it in sorted(items[: CAPS[name]], key=lambda it: it["id"]):
            out.append(
                {"id": it["id"], "source": it["source"], "mined_by": name, "text": it["text"]}
            )
    return out


def load_mined(train_path: Path = DEFAULT_TRAIN, mined_path: Path = MINED) -> list[dict[str, str]]:
    """mined.jsonl joined with its texts from train.jsonl (ids missing from train are an error)."""
    mined = [json.loads(line) for line in mined_path.open(encoding="utf-8")]
    wanted = {m["id"] for m in mined}
    texts = {it["id"]: it["text"] for it in read_train(train_path) if it["id"] in wanted}
    missing = wanted - texts.keys()
    if missing:
        raise KeyError(f"{len(missing)} mined ids are not in {train_path}: {sorted(missing)[:3]}")
    return [{**m, "text": texts[m["id"]]} for m in mined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    args = parser.parse_args()
    for i, c in enumerate(candidates(args.train)):
        print(f"{i}\t{c['mined_by']}\t{c['id']}\t{c['text'][:220]!r}")


if __name__ == "__main__":
    main()
