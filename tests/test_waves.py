"""Spam-wave fingerprints: near-duplicates across threads form a wave, short texts never do."""

from datetime import timedelta

from governance.model import Sighting
from governance.policy.waves import MAX_DISTANCE, distance, fingerprint, wave_of
from tests.builders import NOW

LURE = ("Hi, I had the same crash and this patched build fixed it for me, grab it from the "
        "link below and run the installer, password is 2024")


def sighting(text, thread, author="spammer1", hours_ago=1):
    return Sighting(fingerprint(text), author, thread, NOW - timedelta(hours=hours_ago))


def test_near_duplicates_have_close_fingerprints_and_different_texts_do_not():
    variant = LURE.replace("crash", "segfault").replace("2024", "7788")
    unrelated = ("The allocator change in this PR regresses the benchmark by eight percent on "
                 "arm64; could you rerun it with the old flags before we merge?")
    assert distance(fingerprint(LURE), fingerprint(variant)) <= MAX_DISTANCE
    assert distance(fingerprint(LURE), fingerprint(unrelated)) > 2 * MAX_DISTANCE


def test_short_texts_never_form_a_wave():
    assert fingerprint("+1, same here") is None
    assert not wave_of(fingerprint("thanks!"), "o/r#1", [], NOW).is_wave


def test_same_text_in_other_threads_within_the_window_is_a_wave():
    recent = [sighting(LURE, "o/r#1", "a"), sighting(LURE, "o/r#2", "b")]
    wave = wave_of(fingerprint(LURE), "o/r#3", recent, NOW)
    assert wave.is_wave and wave.count == 2
    assert wave.authors == ("a", "b") and wave.threads == ("o/r#1", "o/r#2", "o/r#3")


def test_old_sightings_and_the_same_thread_do_not_count():
    old = [sighting(LURE, "o/r#1", hours_ago=48)]
    assert not wave_of(fingerprint(LURE), "o/r#3", old, NOW).is_wave
    same_thread = [sighting(LURE, "o/r#3")]
    assert not wave_of(fingerprint(LURE), "o/r#3", same_thread, NOW).is_wave


def plain_simhash(text):
    """The textbook SimHash, one tally per bit: the reference the fast version must match."""
    import hashlib

    from governance.policy.waves import tokens

    weights = [0] * 64
    for word in tokens(text):
        bits = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
        for i in range(64):
            weights[i] += 1 if bits >> i & 1 else -1
    return sum(1 << i for i, w in enumerate(weights) if w > 0)


def test_fingerprint_is_the_plain_simhash_of_the_words():
    texts = [LURE, LURE + " " + LURE, "word " * 9,
             "Ünïcödé ﬁne ＦＵＬＬＷＩＤＴＨ text with several words in it"]
    for text in texts:
        assert fingerprint(text) == plain_simhash(text)


def test_near_fingerprints_share_a_band_and_band_keys_tell_bands_apart():
    import random

    from governance.policy.waves import BANDS, band_keys

    rng = random.Random(3)
    for _ in range(500):
        fp = rng.getrandbits(64)
        near = fp
        for bit in rng.sample(range(64), MAX_DISTANCE):
            near ^= 1 << bit
        assert set(band_keys(fp)) & set(band_keys(near))
    assert len(set(band_keys(0))) == BANDS
