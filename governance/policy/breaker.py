"""The circuit breaker: a brake on a burst of the bot's own public actions in one repository.

Pure: (breaker state, content key, clock value, ``moderation.breaker``) -> new state. A rule
gone wrong hides a whole thread in minutes; one false positive is a nuisance, fifty are an
outage. So the bot counts its hides, redactions and deletions per repository within a
window, and one more than ``max_actions`` switches the repository to review mode for the
cooldown: a plan that would act becomes a review item (``policy.moderation.held_for_review``).
Spam waves from new accounts are what bursts are for, so their members are not counted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from governance.config.types import BreakerConfig, Config
from governance.model import (
    Action,
    BreakerState,
    ContentEvent,
    DeleteComment,
    HideComment,
    Plan,
    Redact,
)
from governance.policy.signals import AccountSignals
from governance.policy.waves import Wave

PUBLIC_ON_CONTENT: tuple[type[Action], ...] = (HideComment, Redact, DeleteComment)


def acts_on_content(plan: Plan) -> bool:
    """Does the plan hide, redact or delete content (what the breaker counts)?"""
    return any(isinstance(a, PUBLIC_ON_CONTENT) for a in plan.effective)


def new_account_wave(event: ContentEvent, wave: Wave, account: AccountSignals | None,
                     config: Config) -> bool:
    """A member of a detected spam wave posting from a new account: a burst of those is
    the bot working, not failing, so it does not count towards the breaker. Without a
    profile read, a first-time participant counts as new."""
    if not wave.is_wave or not event.author.association.is_first_time:
        return False
    if account is None or account.age_days is None:
        return True
    return account.age_days < config.moderation.account_signals.new_account_days


def is_open(state: BreakerState, now: datetime) -> bool:
    return state.open_until is not None and state.open_until > now and not state.resumed_by


def counted(state: BreakerState, key: str, url: str, now: datetime, settings: BreakerConfig
            ) -> BreakerState | None:
    """The state with one more action (``key``) counted, tripped when the count exceeds
    ``max_actions``; None when nothing changes (already counted: a redelivery)."""
    if any(k == key for k, _, _ in state.acted):
        return None
    window = timedelta(minutes=settings.window_minutes)
    acted = (*(a for a in state.acted if now - a[1] < window), (key, now, url))
    new = replace(state, acted=acted)
    if len(acted) > settings.max_actions and not is_open(state, now):
        reason = (f"{len(acted)} hides, redactions or deletions within "
                  f"{settings.window_minutes} minutes (limit {settings.max_actions})")
        new = replace(new, open_until=now + timedelta(hours=settings.cooldown_hours),
                      opened_at=now, opened_by=key, reason=reason, resumed_by="")
    return new


def resumed(state: BreakerState, by: str, now: datetime) -> BreakerState | None:
    """Review mode ended by a moderator; None when it was not on."""
    if not is_open(state, now):
        return None
    return replace(state, resumed_by=by, acted=())


def tripped_by(state: BreakerState, key: str, now: datetime) -> bool:
    """Did counting ``key`` trip the breaker (its ledger record is this event's job)?"""
    return is_open(state, now) and state.opened_by == key
