"""Where merch codes come from: the interface the flow needs from a code provider.

``allocate`` must be idempotent per reward key: asked again for the same reward (a retry
after a crash), it answers the code it gave before and consumes nothing new.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from governance.rewards.pool import ImportResult

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes get typed in


@dataclass(frozen=True, slots=True)
class Allocation:
    code: str
    remaining: int | None = None  # codes left for the tier, when the provider knows


class OutOfCodes(Exception):
    """No code is left for the tier: the reward waits until the pool is topped up."""

    def __init__(self, tier: str) -> None:
        super().__init__(f"no merch codes left for tier {tier}")
        self.tier = tier


class CodesUnavailable(Exception):
    """The provider failed or is not set up for the tier; a later retry may work."""


class CodeProvider(Protocol):
    async def allocate(self, key: str, tier: str, planned: str) -> Allocation:
        """A code for reward ``key`` (``planned``: the code to create, for providers that
        create codes rather than hand out existing ones)."""
        ...


class CodePool(Protocol):
    """The tiers' code pools a maintainer tops up (``governance rewards import``)."""

    async def add(self, tier: str, codes: Sequence[str]) -> ImportResult:
        """Append ``codes`` to ``tier``'s pool, skipping those it already holds."""
        ...


class Unconfigured:
    """The provider for a config whose choice cannot work here: every reward waits, and the
    sweep's output says why."""

    def __init__(self, why: str) -> None:
        self.why = why

    async def allocate(self, key: str, tier: str, planned: str) -> Allocation:
        raise CodesUnavailable(self.why)


def plan_code(prefix: str = "THANKS") -> str:
    """A fresh unguessable code, e.g. ``THANKS-7KQ2-M9XD-P4TA``."""
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3))
    return "-".join((prefix, *groups))
