"""How long to wait before trying a GitHub call again, and how often.

Pure arithmetic over injected ``sleep``/``random``/``now`` so tests run instantly and
deterministically. Follows GitHub's advice: honour ``retry-after``; when
``x-ratelimit-remaining`` is 0 wait until ``x-ratelimit-reset``; otherwise back off
exponentially, and for an unexplained rate limit wait at least a minute.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    max_tries: int = 5
    base_delay: float = 1.0  # first backoff, doubled per attempt
    max_delay: float = 60.0  # cap of one backoff step
    min_rate_limit_wait: float = 60.0  # secondary limit without any hint: GitHub says >= 1 min
    max_wait: float = 15 * 60.0  # a longer rate-limit wait is reported instead of slept
    sleep: Sleep = field(default=asyncio.sleep)
    random: Callable[[], float] = field(default=random.random)
    now: Callable[[], float] = field(default=time.time)

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter; ``attempt`` counts from 1.

        Half the step is fixed and half random, so concurrent workers spread out while the
        wait still grows with every failure.
        """
        step = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return float(step / 2 + step / 2 * self.random())

    def rate_limit_wait(self, headers: Mapping[str, str], attempt: int) -> float:
        """The wait GitHub asked for in a rate-limited answer's headers."""
        retry_after = _number(headers.get("retry-after"))
        if retry_after is not None:
            return retry_after
        reset = _number(headers.get("x-ratelimit-reset"))
        if headers.get("x-ratelimit-remaining") == "0" and reset is not None:
            return max(0.0, reset - self.now()) + 1.0
        return max(self.min_rate_limit_wait, self.backoff(attempt))


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
