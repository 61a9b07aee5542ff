"""Carry one reward out exactly once: claim, find the address, allocate, send, thank.

The claim file in the private ledger is the lock and the journal (``rewards.claims``):

1. **claim**: create ``rewards/claims/...json`` without a ``sha``; only one writer can, so a
   redelivered event, a re-run workflow or a second replica finds it taken and resumes
   from its recorded state instead of starting over.
2. **lease**: before any side effect the worker writes its id and a deadline into the claim
   (compare-and-swap). Others leave a leased claim alone until the deadline passes; a
   crashed worker's claim is picked up by the sweep after that.
3. every step's result is written back with the ``sha`` of the previous write, so a worker
   that lost its lease cannot overwrite the one that took over.

Codes: the provider allocates idempotently per reward key, so a crash between allocating
and recording finds the same code again. Mail: the claim records each hand-over to SMTP
before it starts; a crash after the server accepted but before ``sent`` was written is the
only case that sends again, with the same code and the same Message-ID (derived from the
reward key), so the copy is recognisable. Comments carry an invisible marker and are not
posted twice.

Codes and addresses go only into the claim and the e-mail, never into logs or comments.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from governance.config.types import Config, Recognition
from governance.model import Reward, Surface, Target
from governance.policy.recognition import (
    SKIP_ALREADY,
    claim_path,
    membership_exclusion,
    period_start,
    pick_email,
    reward_key,
    team_ref,
)
from governance.ports import Clock, Conflict, GitHub, Mailer, NotFound
from governance.rewards import alerts, texts
from governance.rewards.claims import (
    CODES_FAILED,
    MAIL_FAILED,
    NO_CODES,
    NO_EMAIL,
    Claim,
    State,
    Step,
)
from governance.rewards.codes import CodeProvider, CodesUnavailable, OutOfCodes, plan_code
from governance.rewards.store import SKIPPED, ClaimStore, IndexEntry

log = logging.getLogger("governance.rewards")

RECOGNIZED_LABEL = "recognized"
LEASE = timedelta(minutes=10)
BUSY = "busy"  # RewardOutcome.state: another worker holds the claim


@dataclass
class RewardDeps:
    """What the reward flow needs; the edges build it (``runtime.reward_deps``, also for the
    handler each event's context holds)."""

    github: GitHub
    clock: Clock
    config_for: Callable[[str], Awaitable[Config]]  # repository -> its effective config
    codes_for: Callable[[Config], CodeProvider]  # see ``runtime.code_provider``
    mailer: Mailer | None = None
    worker: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    lease: timedelta = LEASE
    # Called at named points ("claimed", "allocated", "mail-accepted", "sent", "commented",
    # "thanked"): tests raise a simulated crash there.
    checkpoint: Callable[[str], None] = lambda _point: None


@dataclass(frozen=True, slots=True)
class RewardOutcome:
    key: str
    state: str  # the claim's state, or "skipped" / "busy"
    detail: str = ""


async def run_reward(action: Reward, deps: RewardDeps) -> RewardOutcome:
    """The reward for one merged PR, started or resumed; safe to call any number of times."""
    key = reward_key(action.repo, action.number)
    config = await deps.config_for(action.repo)
    ledger = config.ledger.repository
    if not ledger:
        log.warning("reward %s skipped: no ledger repository is configured", key)
        return RewardOutcome(key, SKIPPED, "no ledger repository is configured")
    if not await deps.github.repo_is_private(ledger):
        log.error("reward %s not started: the ledger repository %s is public, and codes and "
                  "e-mail addresses are kept only in a private one", key, ledger)
        return RewardOutcome(key, SKIPPED, f"the ledger repository {ledger} is not private")
    why = await _membership(action, config, deps.github)
    if why:
        log.info("reward %s skipped: %s", key, why)
        return RewardOutcome(key, SKIPPED, why)
    return await _claim_and_advance(action, key, config, deps)


async def _claim_and_advance(action: Reward, key: str, config: Config,
                             deps: RewardDeps) -> RewardOutcome:
    store = ClaimStore(deps.github, config.ledger.repository)
    known = (await store.index()).get(key)
    if known is not None and known.state == SKIPPED:
        return RewardOutcome(key, SKIPPED, "decided before: " + SKIP_ALREADY.format(
            other="another pull request"))
    # A PR seen before keeps its claim, even if a period boundary passed since then.
    fresh = _new_claim(action, key, config, deps.clock.now())
    path = known.path if known is not None else fresh.path
    found = await store.read(path) if known is not None else None
    if found is None:
        created = await store.create(replace(fresh, path=path))
        if created is not None:
            deps.checkpoint("claimed")
            return await Runner(deps, config, store).advance(*created)
        found = await store.read(path)
    if found is None:
        raise NotFound(f"claim {path} vanished after it was found taken")
    if found[0].key != key:
        await store.index_put(_skipped(IndexEntry.of(fresh)))
        return RewardOutcome(key, SKIPPED, SKIP_ALREADY.format(other=found[0].key))
    return await Runner(deps, config, store).advance(*found)


def _new_claim(action: Reward, key: str, config: Config, now: datetime) -> Claim:
    rec = config.recognition
    path = claim_path(action.repo, action.number, action.login, rec.once_per,
                      period_start(now, rec.period_days))
    return Claim(key, path, action.login, action.repo, action.number, action.tier,
                 action.url, created_at=now, message_id=f"reward-{key}", updated_at=now,
                 history=((now.isoformat(), "claimed"),))


def _skipped(entry: IndexEntry) -> IndexEntry:
    return IndexEntry(entry.key, entry.path, entry.login, entry.repo, entry.number,
                      entry.tier, entry.url, SKIPPED, "", entry.created_at)


async def _membership(action: Reward, config: Config, github: GitHub) -> str | None:
    """Org members and excluded teams are not outside contributors."""
    org = action.repo.split("/", 1)[0]
    is_member = await github.is_org_member(org, action.login)
    teams: dict[str, list[str]] = {}
    if not is_member:
        for entry in config.recognition.exclude.teams:
            team_org, slug = team_ref(entry, org)
            try:
                teams[f"{team_org}/{slug}"] = list(await github.team_members(team_org, slug))
            except NotFound:
                log.warning("excluded team %s/%s not found", team_org, slug)
    return membership_exclusion(org, is_member, teams, action.login)


@dataclass
class Runner:
    """Moves one claim forward as far as it can go now, holding its lease."""

    deps: RewardDeps
    config: Config
    store: ClaimStore
    _texts: texts.Texts | None = None

    async def advance(self, claim: Claim, sha: str) -> RewardOutcome:
        now = self.deps.clock.now()
        if claim.next_step() in (Step.DONE, Step.WAIT):
            return _outcome(claim)
        if claim.leased_by_other(self.deps.worker, now):
            log.info("reward %s is being handled by another worker", claim.key)
            return RewardOutcome(claim.key, BUSY, "another worker holds the claim")
        claim = claim.leased(self.deps.worker, now, self.deps.lease)
        try:
            sha = await self.store.write(claim, sha, "leased")
            return await self._steps(claim, sha)
        except Conflict:  # another worker moved the claim first: it carries on
            log.info("reward %s was taken over by another worker", claim.key)
            return RewardOutcome(claim.key, BUSY, "another worker holds the claim")
        except Exception as exc:  # keep the claim, free it for the next attempt
            await self._give_up(claim.key, claim.path, exc)
            raise
        except asyncio.CancelledError:
            # The caller's deadline (the App's delivery) ran out mid-step: free the claim
            # in the background, so a redelivery or the sweep need not wait out the lease.
            _in_background(self._give_up(claim.key, claim.path, TimeoutError()))
            raise

    async def _steps(self, claim: Claim, sha: str) -> RewardOutcome:
        while True:
            step = claim.next_step()
            if step in (Step.DONE, Step.WAIT):  # only reached when a step forgot to stop
                return _outcome(claim)
            claim, sha, stop = await self._do(step, claim, sha)
            if stop:
                return _outcome(claim)

    async def _do(self, step: Step, claim: Claim, sha: str) -> tuple[Claim, str, bool]:
        """Run one step; write its result (releasing the lease when the run stops here)."""
        handlers = {Step.FIND_EMAIL: self._find_email, Step.ASK_CONTACT: self._ask_contact,
                    Step.ALLOCATE: self._allocate, Step.SEND: self._send,
                    Step.THANK: self._thank}
        claim, sha, stop = await handlers[step](claim, sha)
        if stop:
            claim = claim.released()
        sha = await self.store.write(claim, sha, claim.history[-1][1])
        log.info("reward %s: %s", claim.key, claim.history[-1][1])
        self.deps.checkpoint(f"after-{step.value}")
        return claim, sha, stop

    # ------------------------------------------------------------------ steps

    async def _find_email(self, claim: Claim, sha: str) -> tuple[Claim, str, bool]:
        gh = self.deps.github
        commits = await gh.pr_commit_emails(claim.repo, claim.number)
        email = pick_email(claim.login, commits, "")
        if not email:
            profile = (await gh.user(claim.login)).get("email")
            email = pick_email(claim.login, (), profile if isinstance(profile, str) else "")
        what = "e-mail address found" if email else "no usable e-mail address found"
        return claim.note(self.deps.clock.now(), what, email=email, email_checked=True), sha, \
            False

    async def _ask_contact(self, claim: Claim, sha: str) -> tuple[Claim, str, bool]:
        body = (await self.texts()).contact(self._values(claim), claim.key)
        await self._comment_once(claim, body, texts.CONTACT)
        return claim.note(self.deps.clock.now(), "asked the contributor to get in touch",
                          state=State.PENDING, pending=NO_EMAIL, contact_asked=True), sha, True

    async def _allocate(self, claim: Claim, sha: str) -> tuple[Claim, str, bool]:
        now, codes = self.deps.clock.now(), self.config.recognition.codes
        if codes.provider == "shopify" and not claim.planned_code:
            # Recorded before the create call, so a retry asks Shopify for the same code.
            claim = claim.note(now, "code planned", planned_code=plan_code())
            sha = await self.store.write(claim, sha, "code planned")
        try:
            got = await self.deps.codes_for(self.config).allocate(
                claim.key, claim.tier, claim.planned_code)
        except OutOfCodes:
            await self._low_stock(claim.tier, 0)
            return claim.note(now, "no code left", pending=NO_CODES, error="out of codes"), \
                sha, True
        except CodesUnavailable as exc:
            return claim.note(now, "code provider failed", pending=CODES_FAILED,
                              error=str(exc)[:300]), sha, True
        self.deps.checkpoint("allocated")
        if got.remaining is not None and got.remaining <= codes.low_stock:
            await self._low_stock(claim.tier, got.remaining)
        return claim.note(now, "code allocated", state=State.ALLOCATED, code=got.code,
                          pending="", error=""), sha, False

    async def _send(self, claim: Claim, sha: str) -> tuple[Claim, str, bool]:
        mailer = self.deps.mailer
        if mailer is None:
            return claim.note(self.deps.clock.now(), "no mail server configured",
                              pending=MAIL_FAILED, error="no mail server configured"), sha, True
        # Recorded before the hand-over: a later attempt knows an earlier one may have landed.
        attempt = claim.send_attempts + 1
        claim = claim.note(self.deps.clock.now(), f"handing the e-mail over (attempt "
                           f"{attempt})", send_attempts=attempt)
        sha = await self.store.write(claim, sha, f"send attempt {attempt}")
        mail = (await self.texts()).email(self._values(claim), claim.code)
        try:
            await mailer.send(claim.email, mail.subject, mail.text, mail.html,
                              message_id=claim.message_id)
        except Exception as exc:  # any failure to hand over: keep the code, retry later
            log.warning("reward %s: e-mail not sent (%s); the sweep retries", claim.key,
                        type(exc).__name__)
            return claim.note(self.deps.clock.now(), "e-mail not sent", pending=MAIL_FAILED,
                              error=f"{type(exc).__name__}"), sha, True
        self.deps.checkpoint("mail-accepted")
        return claim.note(self.deps.clock.now(), "e-mail sent", state=State.SENT,
                          sent_at=self.deps.clock.now(), pending="", error=""), sha, False

    async def _thank(self, claim: Claim, sha: str) -> tuple[Claim, str, bool]:
        body = (await self.texts()).thanks(self._values(claim), claim.key)
        await self._comment_once(claim, body, texts.THANKS)
        self.deps.checkpoint("commented")
        target = Target(claim.repo, Surface.PULL_REQUEST, claim.number, "", 0, claim.url)
        await self.deps.github.add_label(target, RECOGNIZED_LABEL,
                                         "A merch code was sent for this pull request")
        now = self.deps.clock.now()
        return claim.note(now, "thanked on the pull request", state=State.THANKED,
                          thanked_at=now), sha, True

    # ------------------------------------------------------------------ helpers

    async def _comment_once(self, claim: Claim, body: str, template: str) -> None:
        tag = texts.marker(template, claim.key)
        comments = await self.deps.github.issue_comments(claim.repo, claim.number)
        if any(tag in c.body for c in comments):
            return
        await self.deps.github.add_issue_comment(claim.repo, claim.number, body)

    async def _low_stock(self, tier: str, remaining: int) -> None:
        codes = self.config.recognition.codes
        if codes.provider != "pool":
            return
        path = codes.pool_path.replace("{tier}", tier)
        if await alerts.raise_low_stock(self.deps.github, self.store.repository, tier,
                                        remaining, path):
            log.warning("merch codes for tier %s are running low (%d left)", tier, remaining)

    async def texts(self) -> texts.Texts:
        if self._texts is None:
            self._texts = await load_texts(self.deps.github, self.store.repository)
        return self._texts

    def _values(self, claim: Claim) -> dict[str, str]:
        rec = self.config.recognition
        tier = next((t for t in rec.tiers if t.name == claim.tier), None)
        return texts.values_for(
            login=claim.login, repo=claim.repo, number=claim.number, url=claim.url,
            tier=claim.tier, tier_label=tier.description if tier else "",
            store_url=store_url(rec), contact=rec.contact)

    async def _give_up(self, key: str, path: str, exc: Exception) -> None:
        """After an unexpected failure: note it and free the lease (best effort)."""
        log.warning("reward %s stopped: %s", key, type(exc).__name__)
        try:
            found = await self.store.read(path)
            if found and found[0].lease_owner == self.deps.worker:
                claim = found[0].note(self.deps.clock.now(), "stopped by an error",
                                      error=type(exc).__name__).released()
                await self.store.write(claim, found[1], "stopped by an error")
        except Exception:  # the lease runs out by itself
            log.warning("reward %s: could not free the claim; it frees itself", key)


_BACKGROUND: set[asyncio.Task[None]] = set()  # held until done (the loop keeps weak refs)


def _in_background(work: Coroutine[Any, Any, None]) -> None:
    task = asyncio.get_running_loop().create_task(work)
    _BACKGROUND.add(task)
    task.add_done_callback(_BACKGROUND.discard)


def store_url(rec: Recognition) -> str:
    """Where the code is spent: ``store_url`` if set, else the Shopify shop, else nowhere."""
    shop = rec.codes.shopify_shop if rec.codes.provider == "shopify" else ""
    return rec.store_url or (f"https://{shop}" if shop else "")


async def load_texts(github: GitHub, ledger: str) -> texts.Texts:
    """The templates, with overrides from ``rewards/templates/`` in the ledger repository."""
    overrides: dict[str, str] = {}
    for name in texts.DEFAULTS:
        found = await github.read_file(ledger, f"{texts.TEMPLATE_DIR}/{name}")
        if found is not None:
            overrides[name] = found.text
    return texts.Texts.with_overrides(overrides)


def _outcome(claim: Claim) -> RewardOutcome:
    return RewardOutcome(claim.key, claim.summary_state, claim.error)
