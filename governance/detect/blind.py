"""Identity terms the language model never reads ("blindness", Garg et al. 2019).

Why: most of the real abuse the model learns from is hate speech (tweets, a white-nationalist
forum) in which words naming who people are, *gay*, *Muslim*, *Black*, *women*, stand next to
attacks far more often than in ordinary text. A model trained on it learns the words, not
the attack, and then flags "I'm queer and I approve this PR" or a meetup for Black
contributors (``tests/test_detect_identity.py``). Generated counter-examples (the
``identity`` writer) were not enough for a fine-tuned encoder, so the words are taken away:
the model never reads any term below, in training or at run time (``model.encode``), and
can only learn what is *said* about a group: "[...] people should be banned from this
project" is still an attack. The terms are left out rather than replaced by one
placeholder: a placeholder stands next to the same attacks as the words did and became an
identity word of its own (a fine-tuned encoder trained that way sent as many identity
mentions to review as without it, 28 of 120).

Only the model's input changes; the rules read the text as written (slurs, threats, evidence).
The table names groups, not slurs: a slur is abuse in itself and stays visible. Bump
``VERSION`` when the table changes: the model's manifest records the version it was trained
with and a test checks that the shipped one matches.
"""

from __future__ import annotations

import re

VERSION = 2  # 1 replaced the terms by one placeholder, which became an identity word itself

# Each entry matches itself, its plural (+s) and any capitalisation, as a whole word.
TERMS: tuple[str, ...] = (
    # sexual orientation and gender identity
    "gay", "lesbian", "bisexual", "queer", "homosexual", "heterosexual",
    "trans", "transgender", "transsexual", "nonbinary", "non-binary", "enby", "intersex",
    "asexual", "lgbt", "lgbtq", "lgbtqia", "lgbtq+", "cisgender",
    # gender
    "woman", "women", "female", "girl", "lady", "ladies",
    # race and ethnicity
    "black", "white", "asian", "african", "hispanic", "latino", "latina", "latinx",
    "arab", "indigenous", "aboriginal", "jew", "jewish", "roma", "caucasian",
    # religion
    "muslim", "islam", "islamic", "christian", "catholic", "hindu", "sikh", "buddhist",
    "atheist", "mormon",
    # nationality and migration
    "immigrant", "refugee", "migrant", "foreigner", "mexican", "chinese", "indian",
    "pakistani", "russian", "ukrainian", "nigerian", "american", "european", "african-american",
    # disability (names of groups; "blind" and "deaf" are left: "are you blind?" is a taunt)
    "disabled", "wheelchair", "neurodivergent",
)

_PATTERN = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(TERMS, key=len, reverse=True))
    + r")s?(?![\w-])",
    re.IGNORECASE,
)


def blinded(text: str) -> str:
    """``text`` without its identity terms (one linear pass)."""
    return _PATTERN.sub("", text)
