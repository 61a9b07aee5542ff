"""A small world for reward tests: an org on the fake GitHub with a private ledger, a code
pool, the real gidgethub adapter, the real SMTP adapter against aiosmtpd on loopback, and
the Service wired with the reward handler the way the edges wire it."""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from governance.adapters.github import GitHubAdapter
from governance.adapters.mail import SmtpMailer, SmtpSettings
from governance.config.types import Config
from governance.deployment import Deployment
from governance.model import Reward
from governance.rewards.claims import Claim, from_json
from governance.rewards.flow import RewardDeps, RewardOutcome, run_reward
from governance.rewards.pool import parse
from governance.rewards.store import INDEX_PATH
from governance.rewards.usecases import reward_handler
from governance.runtime import code_provider
from governance.service import Service
from tests.clock import ManualClock
from tests.fake_github import FakeGitHub

if TYPE_CHECKING:  # loaded by pytest as a plugin (tests/conftest.py registers it)
    from tests.fake_smtp import Received, SmtpFake

ORG = "acme"
REPO = "acme/widgets"
SITE = "acme/website"
LEDGER = "acme/coc-ledger"
START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
CODES_100 = [f"MERCH100-{n:04d}" for n in range(1, 16)]
CODES_25 = [f"MERCH25-{n:04d}" for n in range(1, 4)]
SENDER = "Acme maintainers <maintainers@acme.example>"
SAMPLE = Path(__file__).resolve().parents[1] / "governance/samples/04-merged-outside-pr.json"

CONFIG_YAML = f"""\
ledger:
  repository: {LEDGER}
recognition:
  enabled: true
  contact: merch@acme.example
  tiers:
    - name: "100"
      description: $100 merch credit
      repositories: ["acme/widgets", "acme/app-*"]
    - name: "25"
      description: $25 merch credit
      repositories: ["acme/website"]
  exclude:
    teams: ["acme/staff"]
  codes:
    low_stock: 3
"""


class SimulatedCrash(BaseException):
    """The process dies here: nothing after it runs, nothing is cleaned up."""


@dataclass
class Crashes:
    """Checkpoint hook: crash once at each armed point."""

    armed: set[str] = field(default_factory=set)
    seen: list[str] = field(default_factory=list)

    def __call__(self, point: str) -> None:
        self.seen.append(point)
        if point in self.armed:
            self.armed.discard(point)
            raise SimulatedCrash(point)


def pool_csv(codes: list[str]) -> str:
    return "code,reward,allocated_at\n" + "".join(f"{c},,\n" for c in codes)


@dataclass
class RewardWorld:
    fake: FakeGitHub
    github: GitHubAdapter
    smtp: SmtpFake
    clock: ManualClock
    mailer: SmtpMailer
    crashes: Crashes
    shopify_url: str = ""
    http: Any = None

    def deps(self, **kw: Any) -> RewardDeps:
        codes = code_provider(self.github, self.clock, http=self.http,
                              shopify_token=kw.pop("shopify_token", ""),
                              shopify_url=self.shopify_url)
        return RewardDeps(self.github, self.clock, self.config_for, codes, self.mailer,
                          checkpoint=self.crashes, **kw)

    async def config_for(self, repo: str) -> Config:
        return await Deployment(self.github, self.clock).config_for(repo)

    def service(self, deps: RewardDeps | None = None) -> Service:
        handlers = {Reward: reward_handler(deps or self.deps())}
        return Service(Deployment(self.github, self.clock, mailer=self.mailer,
                                  handlers_for=lambda _d, _left: handlers))

    def set_config(self, text: str) -> None:
        self.fake.add_file(f"{ORG}/.github", ".github/governance.yml", text)

    # ---------------------------------------------------------------- seeding

    def merged_pr(self, login: str, *, repo: str = REPO, emails: tuple[str, ...] = (),
                  profile_email: str | None = None, title: str = "Fix tile cache eviction"
                  ) -> int:
        user = self.fake.add_user(login)
        if profile_email is not None:
            user.email = profile_email
        commits = [(login.title(), e, login) for e in emails]
        pr = self.fake.add_pull_request(repo, title=title, author=login, commits=commits,
                                        state="closed")
        return pr.number

    def payload(self, login: str, number: int, *, repo: str = REPO,
                association: str = "CONTRIBUTOR", labels: tuple[str, ...] = ()
                ) -> dict[str, Any]:
        data = copy.deepcopy(json.loads(SAMPLE.read_text())["payload"])
        owner, name = repo.split("/")
        pr = data["pull_request"]
        data["number"] = pr["number"] = number
        pr["user"]["login"] = login
        pr["author_association"] = association
        pr["html_url"] = f"https://github.com/{repo}/pull/{number}"
        pr["labels"] = [{"name": n} for n in labels]
        pr["base"]["repo"]["full_name"] = data["repository"]["full_name"] = repo
        data["repository"]["name"] = name
        data["repository"]["owner"]["login"] = owner
        return data

    def action(self, login: str, number: int, *, repo: str = REPO, tier: str = "100"
               ) -> Reward:
        return Reward(login, repo, number, tier, f"https://github.com/{repo}/pull/{number}")

    async def reward(self, login: str, number: int, deps: RewardDeps | None = None,
                     **kw: Any) -> RewardOutcome:
        return await run_reward(self.action(login, number, **kw), deps or self.deps())

    # ---------------------------------------------------------------- reading

    def claims(self) -> list[Claim]:
        files = self.fake.repo(LEDGER).files
        return [from_json(f.text) for p, f in sorted(files.items())
                if p.startswith("rewards/claims/")]

    def claim(self, number: int, repo: str = REPO) -> Claim:
        (found,) = [c for c in self.claims() if c.number == number and c.repo == repo]
        return found

    def index(self) -> dict[str, Any]:
        return json.loads(self.fake.repo(LEDGER).files[INDEX_PATH].text)["rewards"]

    def used_codes(self, tier: str = "100") -> dict[str, str]:
        text = self.fake.repo(LEDGER).files[f"rewards/codes-{tier}.csv"].text
        return {r.code: r.reward for r in parse(text).rows if r.reward}

    def comments(self, number: int, repo: str = REPO) -> list[str]:
        return [c.body for c in self.fake.comments_on(repo, number)]

    def mails_to(self, address: str) -> list[Received]:
        return [m for m in self.smtp.messages if address in m.rcpt_tos]

    def issues(self, label: str) -> list[Any]:
        return [i for i in self.fake.repo(LEDGER).issues.values() if label in i.labels]


@pytest.fixture
def reward_world(fake_github: FakeGitHub, github: GitHubAdapter, smtp_server: SmtpFake,
                 caplog: pytest.LogCaptureFixture) -> RewardWorld:
    caplog.set_level(logging.DEBUG, logger="governance")
    for repo in (REPO, SITE, "acme/app-mobile"):
        fake_github.add_repo(repo)
    fake_github.add_repo(LEDGER, private=True)
    fake_github.add_team(ORG, "staff", ["staffer"])
    fake_github.add_file(LEDGER, "rewards/codes-100.csv", pool_csv(CODES_100))
    fake_github.add_file(LEDGER, "rewards/codes-25.csv", pool_csv(CODES_25))
    settings = SmtpSettings(smtp_server.host, smtp_server.port, SENDER, security="none",
                            timeout_seconds=5)
    world = RewardWorld(fake_github, github, smtp_server, ManualClock(START),
                        SmtpMailer(settings), Crashes())
    world.set_config(CONFIG_YAML)
    return world
