"""The low-stock alert: one issue per tier in the private ledger repository.

Raised once (an open alert is found by its label and title) and cleared by an import that
brings the pool back above the threshold, so the next shortage raises a fresh one.
"""

from __future__ import annotations

from governance.ports import GitHub

ALERT_LABEL = "rewards-low-stock"
RESOLVED_LABEL = "rewards-low-stock-resolved"


def alert_title(tier: str) -> str:
    return f"Merch codes running low: tier {tier}"


def alert_body(tier: str, remaining: int, pool_path: str) -> str:
    left = "No code is left" if remaining <= 0 else f"Only {remaining} code(s) are left"
    return (f"{left} for reward tier `{tier}` (`{pool_path}` in this repository). "
            f"Rewards that find no code wait as pending and are sent by the next sweep "
            f"once codes are added:\n\n"
            f"```sh\ngovernance rewards import codes.csv --tier {tier}\n```\n\n"
            f"This issue closes itself when the pool is topped up.")


async def raise_low_stock(github: GitHub, ledger: str, tier: str, remaining: int,
                          pool_path: str) -> bool:
    """Open the alert unless one is open already; True when this call opened it."""
    title = alert_title(tier)
    if any(i.title == title for i in await github.find_issues(ledger, ALERT_LABEL)):
        return False
    await github.create_issue(ledger, title, alert_body(tier, remaining, pool_path),
                              [ALERT_LABEL])
    return True


async def clear_low_stock(github: GitHub, ledger: str, tier: str, available: int) -> int:
    """Close this tier's open alerts; returns how many were closed."""
    title = alert_title(tier)
    closed = 0
    for issue in await github.find_issues(ledger, ALERT_LABEL):
        if issue.title == title:
            await github.add_issue_comment(ledger, issue.number,
                                           f"Topped up: {available} code(s) available now.")
            await github.update_issue(ledger, issue.number, labels=[RESOLVED_LABEL],
                                      state="closed")
            closed += 1
    return closed
