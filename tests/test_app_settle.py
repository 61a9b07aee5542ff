"""``settle_process``: the detector is loaded and start-up's objects are frozen for the GC."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from governance.app.wiring import settle_process


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the test session collects as before


def test_settling_freezes_what_start_up_allocated(unfrozen: None) -> None:
    settle_process()
    assert gc.get_freeze_count() > 1000
    from governance.detect import classify

    assert classify("you are a worthless idiot").label.value != "ok"
