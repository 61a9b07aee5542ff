"""``once``: a loader of shipped data that runs at most once per process, whatever the threads.

``functools.cache`` alone lets two threads that both miss the cache run the loader twice. The
App classifies in two worker threads, so its first two deliveries each loaded the language
model, and both copies stayed alive (the logits cache is keyed by the model): 40 MiB for
nothing. The lock is taken on every call; uncontended, that costs well under a microsecond.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class once(Generic[T]):  # lower case: used as a decorator, like functools.cache
    """``load()`` the first time, the same object afterwards. An exception is not kept: the
    next call tries again."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._loaded: list[T] = []  # empty, or the one object
        self.__doc__ = load.__doc__
        self.__name__ = load.__name__

    def __call__(self) -> T:
        with self._lock:
            if not self._loaded:
                self._loaded.append(self._load())
            return self._loaded[0]

    def cache_clear(self) -> None:
        with self._lock:
            self._loaded.clear()
