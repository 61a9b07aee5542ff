"""Spam-wave fingerprints: near-duplicates across threads form a wave, short texts never do."""

from datetime import timedelta

from governance.adapters import recent_github, recent_memory
from governance.config.defaults import maximum
from governance.config.types import SpamWavesConfig
from governance.model import Sighting
from governance.policy.waves import (
    BANDS,
    LONGEST_WINDOW,
    MAX_DISTANCE,
    NO_WAVE,
    distance,
    fingerprint,
    wave_of,
)
from tests.builders import NOW, config

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


# ------------------------------------------------------------- moderation.spam_waves


def waves(**settings: object) -> SpamWavesConfig:
    return config(moderation={"spam_waves": settings}).moderation.spam_waves


RECENT = [sighting(LURE, "o/r#1", "a", hours_ago=2), sighting(LURE, "o/r#2", "b", hours_ago=6)]


def test_a_config_turning_waves_off_yields_no_wave():
    assert wave_of(fingerprint(LURE), "o/r#3", RECENT, NOW).is_wave
    assert wave_of(fingerprint(LURE), "o/r#3", RECENT, NOW, waves(enabled=False)) == NO_WAVE


def test_a_shorter_window_drops_older_sightings():
    wave = wave_of(fingerprint(LURE), "o/r#3", RECENT, NOW, waves(window_hours=4))
    assert wave.count == 1 and wave.authors == ("a",)
    assert wave.threads == ("o/r#1", "o/r#3")
    assert wave_of(fingerprint(LURE), "o/r#3", RECENT, NOW, waves(window_hours=1)) == NO_WAVE


def test_min_threads_counts_this_thread_too():
    assert wave_of(fingerprint(LURE), "o/r#3", RECENT, NOW, waves(min_threads=3)).count == 2
    assert wave_of(fingerprint(LURE), "o/r#3", RECENT, NOW, waves(min_threads=4)) == NO_WAVE
    same_thread = [sighting(LURE, "o/r#1", "a"), sighting(LURE, "o/r#1", "b")]
    assert wave_of(fingerprint(LURE), "o/r#1", same_thread, NOW, waves(min_threads=2)) == NO_WAVE


def test_max_distance_sets_how_near_is_nearly_the_same():
    variant = LURE.replace("crash", "segfault").replace("2024", "7788")
    apart = distance(fingerprint(LURE), fingerprint(variant))
    assert 0 < apart <= MAX_DISTANCE
    recent = [sighting(variant, "o/r#1")]
    assert wave_of(fingerprint(LURE), "o/r#3", recent, NOW, waves(max_distance=apart)).is_wave
    strict = waves(max_distance=apart - 1)
    assert wave_of(fingerprint(LURE), "o/r#3", recent, NOW, strict) == NO_WAVE


def test_the_defaults_are_the_former_constants():
    assert waves() == SpamWavesConfig(enabled=True, window_hours=24, min_threads=2,
                                      max_distance=8, boost=0.2)


def test_the_schema_maxima_size_the_index_and_the_adapters():
    assert maximum("moderation", "spam_waves", "max_distance") == MAX_DISTANCE
    assert BANDS == MAX_DISTANCE + 1  # the band index finds every pair the config may allow
    hours = maximum("moderation", "spam_waves", "window_hours")
    assert timedelta(hours=hours) == LONGEST_WINDOW
    assert recent_memory.WINDOW == recent_github.WINDOW == LONGEST_WINDOW
