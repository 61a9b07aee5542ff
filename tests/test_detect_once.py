"""``once``: shipped data is loaded once per process even when threads ask at the same time."""

from __future__ import annotations

import threading

import pytest

from governance.detect import language, model, ngram
from governance.detect.once import once


def test_two_threads_asking_at_once_share_one_load() -> None:
    entered, release = threading.Event(), threading.Event()
    loads: list[object] = []

    @once
    def load() -> object:
        entered.set()
        release.wait(5)
        loads.append(object())
        return loads[-1]

    got: list[object] = []
    first = threading.Thread(target=lambda: got.append(load()))
    first.start()
    assert entered.wait(5)
    second = threading.Thread(target=lambda: got.append(load()))
    second.start()
    second.join(0.05)
    assert second.is_alive()  # waits for the first load rather than starting its own
    release.set()
    first.join(5)
    second.join(5)
    assert len(loads) == 1
    assert got == [loads[0], loads[0]]


def test_a_failed_load_is_not_kept_and_cache_clear_loads_again() -> None:
    attempts: list[int] = []

    @once
    def load() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("disk hiccup")
        return len(attempts)

    with pytest.raises(OSError):
        load()
    assert load() == 2
    assert load() == 2
    load.cache_clear()
    assert load() == 3


def test_the_shipped_loaders_are_loaded_once() -> None:
    for loader in (model.shipped, ngram.shipped_models, language.shipped_calibrations):
        assert isinstance(loader, once)
        assert loader() is loader()
