"""Held rewards: recognition respects the ladder.

A merged pull request by someone under an active ban, or with a recent step, is not
rewarded at once (``policy.recognition.held``): the reward is written to the ledger as
``rewards/held/<owner>/<repo>/<number>.json`` (created once: the contents API refuses a
second create) beside a review item, and waits for ``/coc reward release|drop
OWNER/REPO#N``. Release sends it through the ordinary reward handler, whose claim keeps it
exactly-once; the answer is recorded in the person's ledger record and in the file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from governance.config.types import Config
from governance.model import Action, HoldReward, RecordNote, ReleaseReward, Reward
from governance.ports import Conflict, GitHub, LedgerStore

log = logging.getLogger("governance.rewards")

Handler = Callable[[Any], Awaitable[None]]


def held_path(repo: str, number: int) -> str:
    return f"rewards/held/{repo.lower()}/{number}.json"


@dataclass
class HeldRewards:
    github: GitHub
    config_for: Callable[[str], Awaitable[Config]]
    ledger_for: Callable[[Config], LedgerStore | None]
    send: Handler  # the reward handler (``rewards.usecases.reward_handler``)

    async def hold(self, action: HoldReward) -> None:
        reward = action.reward
        ledger = (await self.config_for(reward.repo)).ledger.repository
        data = {"login": reward.login, "repo": reward.repo, "number": reward.number,
                "tier": reward.tier, "url": reward.url, "reason": action.reason,
                "at": action.at.isoformat(), "status": "held", "by": ""}
        try:
            await self.github.write_file(ledger, held_path(reward.repo, reward.number),
                                         _dump(data), None,
                                         f"rewards: {reward.repo}#{reward.number} held")
        except Conflict:
            log.info("reward %s#%s is held already", reward.repo, reward.number)

    async def answer(self, action: ReleaseReward) -> None:
        config = await self.config_for(action.repo)
        path = held_path(action.repo, action.number)
        found = await self.github.read_file(config.ledger.repository, path)
        data = json.loads(found.text) if found else None
        if found is None or data is None or data.get("status") != "held":
            log.info("no held reward for %s#%s", action.repo, action.number)
            return
        login = str(data["login"])
        if login.lower() == action.by.lower():
            log.info("/coc reward refused: nobody answers their own held reward")
            return
        if action.release:
            await self.send(Reward(login, action.repo, action.number, str(data["tier"]),
                                   str(data["url"])))
        status = "released" if action.release else "dropped"
        ledger = self.ledger_for(config)
        if ledger is not None:
            ref = f"{action.repo}#{action.number}"
            await ledger.record_note(RecordNote(
                login, f"reward-{status}:{ref.lower()}",
                f"Held reward for {ref} {status} by @{action.by}.", action.by, action.at,
                str(data["url"]), resolves_reviews=True))
        data.update(status=status, by=action.by)
        await self.github.write_file(config.ledger.repository, path, _dump(data), found.sha,
                                     f"rewards: {action.repo}#{action.number} {status}")


def held_handlers(held: HeldRewards) -> dict[type[Action], Handler]:
    return {HoldReward: held.hold, ReleaseReward: held.answer}


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, sort_keys=True) + "\n"
