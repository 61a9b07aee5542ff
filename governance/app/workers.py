"""The App's worker threads for CPU-heavy steps: classifying a text, parsing a config.

The event loop answers every delivery, ``/healthz`` and ``/metrics``; a step that computes
for seconds on it (a long comment full of secret-looking lines, a hostile config) would
stop all of them. ``Service.cpu`` hands such steps here instead: a fixed number of threads
(the bound: at most ``threads`` steps run at once, the rest queue; deliveries themselves are
bounded by the server's handler slots), so the loop only waits for the result. Python
switches threads every few milliseconds, so the loop stays responsive while a worker
computes. A step that outlives its delivery's deadline still finishes in its thread (a
thread cannot be stopped), which is why the pool is small and the steps themselves are
bounded in time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

THREADS = 2  # the CPU-heavy steps of two deliveries at once; the host has few cores
THREAD_NAME = "governance-cpu"


class CpuWorkers:
    """A bounded pool of threads; ``await workers(work)`` runs ``work()`` in one of them."""

    def __init__(self, threads: int = THREADS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=THREAD_NAME)

    async def __call__(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    def close(self) -> None:
        """Queued steps are dropped; a running one finishes in the background."""
        self._pool.shutdown(wait=False, cancel_futures=True)
