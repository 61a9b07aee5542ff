"""What the edges call: the Service's ``Reward`` handler, the sweep, and ``governance rewards``.

Wiring (``governance.runtime``, the one place backends are chosen):

- Service: the deployment's ``handlers_for`` builds ``reward_handlers(deps, ...)`` for
  each event, with ``deps = RewardDeps(github, clock, deployment.config_for,
  code_provider(github, clock, ...), mailer)``.
- Sweep: ``await retry_pending(deps, ledger_repository)``.
- CLI: ``rewards pending|resend|import|report`` map to the functions below; ``import`` gets
  the pool ``runtime.code_pool`` builds.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable

from governance.config.types import Config
from governance.model import Action, Reward
from governance.policy.recognition import reward_key, usable_email
from governance.ports import GitHub, LedgerStore
from governance.rewards import alerts
from governance.rewards.claims import NO_EMAIL, State
from governance.rewards.codes import CodePool
from governance.rewards.flow import BUSY, RewardDeps, RewardOutcome, Runner, run_reward
from governance.rewards.held import Handler, HeldRewards, held_handlers
from governance.rewards.pool import ImportResult, codes_from_import
from governance.rewards.report import RewardReport, build_report
from governance.rewards.store import ClaimStore, IndexEntry

log = logging.getLogger("governance.rewards")

_PR_URL = re.compile(r"https://[^/]+/([^/]+/[^/]+)/pull/(\d+)")
_PR_REF = re.compile(r"([\w.-]+/[\w.-]+)#(\d+)")


NO_LEDGER = "no ledger.repository is configured: the code pool lives in the private ledger"
PUBLIC_LEDGER = "the ledger repository {ledger} is public; merch codes go only to a private one"


class RewardNotFound(LookupError):
    pass


# ---------------------------------------------------------------------- wiring


def reward_handlers(deps: RewardDeps, ledger_for: Callable[[Config], LedgerStore | None],
                    left_to_sweep: Callable[[str], None] | None = None
                    ) -> dict[type[Action], Handler]:
    """The Service's handlers of ``Reward`` and of held rewards (hold, release, drop), which
    send a released one through the same ``Reward`` handler."""
    send = reward_handler(deps, left_to_sweep)
    return {Reward: send, **held_handlers(HeldRewards(deps.github, deps.config_for, ledger_for,
                                                      send))}


def reward_handler(deps: RewardDeps, left_to_sweep: Callable[[str], None] | None = None
                   ) -> Callable[[Reward], Awaitable[None]]:
    """The Service's handler for ``Reward`` actions; ``left_to_sweep`` hears of a reward
    this run could not finish (the edge says so in its answer)."""

    async def handle(action: Reward) -> None:
        outcome = await reward(action, deps)
        note = sweep_note(outcome)
        if note and left_to_sweep is not None:
            left_to_sweep(note)

    return handle


async def reward(action: Reward, deps: RewardDeps) -> RewardOutcome:
    outcome = await run_reward(action, deps)
    note = sweep_note(outcome)
    if note:
        log.warning("%s", note)
    else:
        log.info("reward %s: %s", outcome.key, outcome.state)
    return outcome


def sweep_note(outcome: RewardOutcome) -> str | None:
    """What to say of a reward that is stuck for now (mail or codes failing, another
    worker's claim), which the sweep finishes; None when it is done, skipped or waits for a
    person (no e-mail address: the contributor was asked to get in touch)."""
    if outcome.state == BUSY:
        return f"reward {outcome.key}: another worker holds its claim; left to the sweep"
    if outcome.state.startswith(State.PENDING.value) and NO_EMAIL not in outcome.state:
        return f"reward {outcome.key}: {outcome.state}; left to the sweep"
    return None


# ---------------------------------------------------------------------- sweep


async def rewards_to_retry(github: GitHub, ledger: str) -> list[IndexEntry]:
    """The rewards ``retry_pending`` moves forward: unfinished, and not waiting for an
    address (a maintainer gives that one with ``governance rewards resend``)."""
    entries = (await ClaimStore(github, ledger).index()).values()
    return [e for e in entries if e.open and e.pending != NO_EMAIL]


async def retry_pending(deps: RewardDeps, ledger: str) -> list[RewardOutcome]:
    """Move every unfinished reward forward (all but those waiting for an address)."""
    outcomes = []
    for entry in await rewards_to_retry(deps.github, ledger):
        try:
            outcomes.append(await _resume(entry, deps))
        except Exception as exc:  # one stuck reward must not stop the others
            log.warning("reward %s not retried: %s", entry.key, type(exc).__name__)
            outcomes.append(RewardOutcome(entry.key, "error", type(exc).__name__))
    return outcomes


async def _resume(entry: IndexEntry, deps: RewardDeps) -> RewardOutcome:
    """Resume from the claim; re-run from the start when the claim was never written."""
    config = await deps.config_for(entry.repo)
    store = ClaimStore(deps.github, config.ledger.repository)
    found = await store.read(entry.path)
    if found is None or found[0].key != entry.key:
        action = Reward(entry.login, entry.repo, entry.number, entry.tier, entry.url)
        return await run_reward(action, deps)
    await store.index_put(IndexEntry.of(found[0]))  # repair a stale index entry
    return await Runner(deps, config, store).advance(*found)


# ---------------------------------------------------------------------- CLI


async def rewards_pending(github: GitHub, ledger: str) -> list[IndexEntry]:
    """Unfinished rewards, oldest first (no codes, no addresses)."""
    entries = (await ClaimStore(github, ledger).index()).values()
    return sorted((e for e in entries if e.open), key=lambda e: e.created_at)


async def rewards_resend(deps: RewardDeps, ledger: str, pr: str, *,
                         email: str = "") -> RewardOutcome:
    """Finish or repeat one reward (``pr``: ``owner/repo#N`` or the PR's URL).

    - waiting for an address: ``email`` is required; the reward then goes out;
    - already sent: the same code is sent again, to ``email`` if given;
    - otherwise: retried now.
    """
    if email and not usable_email(email):
        raise ValueError("that e-mail address is not usable")
    key = _key_of(pr)
    store = ClaimStore(deps.github, ledger)
    entry = (await store.index()).get(key)
    if entry is None:
        raise RewardNotFound(f"no reward recorded for {key}")
    config = await deps.config_for(entry.repo)
    found = await store.read(entry.path)
    if found is None or found[0].key != key:
        raise RewardNotFound(f"the claim for {key} is missing; run the sweep")
    claim, sha = found
    now = deps.clock.now()
    if claim.pending == NO_EMAIL and not email:
        raise ValueError(f"{key} waits for an e-mail address: pass one")
    if email:
        claim = claim.note(now, "e-mail address set by a maintainer", email=email,
                           email_checked=True, pending="")
    if claim.sent_at is not None:
        claim = claim.note(now, "resend requested by a maintainer",
                           state=State.ALLOCATED)
    sha = await store.write(claim, sha, "changed by a maintainer")
    return await Runner(deps, config, store).advance(claim, sha)


async def rewards_import(github: GitHub, config: Config, tier: str, csv_text: str,
                         pool: CodePool) -> ImportResult:
    """Add codes to a tier's pool (duplicates skipped) and clear its low-stock alert.

    ``pool``: the pools in ``config``'s ledger (``runtime.code_pool``); it is written only
    once the tier, the ledger and the ledger's privacy are checked.
    """
    if tier not in {t.name for t in config.recognition.tiers}:
        raise ValueError(f"no reward tier named {tier!r} in the configuration")
    ledger = config.ledger.repository
    if not ledger:
        raise ValueError(NO_LEDGER)
    if not await github.repo_is_private(ledger):  # codes in a public repository are spent
        raise ValueError(PUBLIC_LEDGER.format(ledger=ledger))
    result = await pool.add(tier, codes_from_import(csv_text))
    if result.available > config.recognition.codes.low_stock:
        await alerts.clear_low_stock(github, ledger, tier, result.available)
    return result


async def rewards_report(github: GitHub, ledger: str, month: str) -> RewardReport:
    """``governance rewards report --month YYYY-MM``; render with ``.text()``/``.to_json()``."""
    entries = list((await ClaimStore(github, ledger).index()).values())
    return build_report(entries, month)


def _key_of(pr: str) -> str:
    for pattern in (_PR_URL, _PR_REF):
        found = pattern.fullmatch(pr.strip())
        if found:
            return reward_key(found.group(1), int(found.group(2)))
    raise ValueError(f"not a pull request reference: {pr!r} (owner/repo#N or its URL)")
