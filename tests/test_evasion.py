"""Ban evasion is report-only and needs a first-time account resembling an active ban."""

import random
from datetime import timedelta

from governance.detect.edits import within_edits
from governance.model import Association, RecordReview
from governance.policy.evasion import (
    BannedPerson,
    evasion_review,
    match,
    similar_login,
)
from governance.policy.waves import fingerprint
from tests.builders import NOW, event

TEXT = "Cheap followers and stars for your repository, message me on telegram for the price list"
BANNED = BannedPerson("starseller", (fingerprint(TEXT),), NOW + timedelta(days=3))


def test_new_account_with_the_banned_text_opens_a_review_item():
    ev = event(TEXT.replace("Cheap", "Cheapest"), login="fresh-account")
    review = evasion_review(ev, fingerprint(ev.body), [BANNED], NOW)
    assert isinstance(review, RecordReview) and "@starseller" in review.reason
    assert not review.public


def test_look_alike_login_is_enough_but_the_banned_person_themself_is_not_matched():
    ev = event("hello there", login="starse11er")
    assert evasion_review(ev, fingerprint(ev.body), [BANNED], NOW) is not None
    same = event(TEXT, login="StarSeller")
    assert evasion_review(same, fingerprint(TEXT), [BANNED], NOW) is None


def test_established_authors_and_expired_bans_are_not_reported():
    member = event(TEXT, association=Association.CONTRIBUTOR, login="other")
    assert evasion_review(member, fingerprint(TEXT), [BANNED], NOW) is None
    expired = BannedPerson("starseller", BANNED.fingerprints, NOW - timedelta(days=1))
    assert evasion_review(event(TEXT, login="other"), fingerprint(TEXT), [expired], NOW) is None


def test_login_similarity_needs_real_names():
    assert similar_login("octocat", "octocats")
    assert not similar_login("bob", "rob")
    assert not similar_login("octocat", "someone")


def test_the_first_ban_that_fits_is_named_and_text_counts_before_login():
    look_alike = BannedPerson("fresh-accounts", (), None)
    bans = [look_alike, BANNED]
    ev = event(TEXT, login="fresh-account")
    assert match(ev, fingerprint(TEXT), bans, NOW) == (look_alike, "a nearly identical login")
    both = BannedPerson("fresh-accounts", BANNED.fingerprints, None)
    assert match(ev, fingerprint(TEXT), [both], NOW) == (both, "nearly the same text")


def test_a_short_login_is_still_caught_by_its_text():
    ev = event(TEXT, login="ab")
    assert match(ev, fingerprint(TEXT), [BannedPerson("abc", (), None), BANNED], NOW) == (
        BANNED, "nearly the same text")
    assert match(event("hi", login="ab"), None, [BannedPerson("abc", (), None)], NOW) is None


def test_login_similarity_counts_edits_not_positions():
    assert similar_login("starseller", "starse11er")  # two substitutions
    assert similar_login("starseller", "xstarselle")  # an insertion and a deletion
    assert not similar_login("starseller", "stars3113r")  # three substitutions
    assert not similar_login("octocat", "octocat-abc")  # three insertions


def reference_distance(a: str, b: str) -> int:
    """The textbook Levenshtein distance, every cell computed."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


ALPHABET = "ab1-"  # few letters: many pairs a small distance apart


def near_copy(rng: random.Random, text: str) -> str:
    """``text`` with a few characters dropped, replaced or added, at random."""
    out = []
    for c in text:
        roll = rng.random()
        out.append("" if roll < 0.1 else rng.choice(ALPHABET) if roll < 0.2 else c)
        if rng.random() < 0.1:
            out.append(rng.choice(ALPHABET))
    return "".join(out)


def test_the_banded_edit_check_agrees_with_the_full_edit_distance():
    rng = random.Random(20261122)  # fixed: the same pairs on every run
    margins = set()
    for _ in range(20_000):
        a = "".join(rng.choices(ALPHABET, k=rng.randint(0, 10)))
        b = near_copy(rng, a) if rng.random() < 0.7 else "".join(
            rng.choices(ALPHABET, k=rng.randint(0, 10)))
        limit = rng.randint(0, 4)
        edits = reference_distance(a, b)
        assert within_edits(a, b, limit) == (edits <= limit), (a, b, limit)
        margins.add(edits - limit)
    assert {-1, 0, 1} <= margins  # pairs right at the limit and just beyond it were tried
