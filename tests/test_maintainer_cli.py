"""Maintainers' commands through the CLI on the fake GitHub: ledger, sweep and rewards."""

from __future__ import annotations

import asyncio

from governance.cli import main
from tests.ledger_world import LEDGER, World, world_fixture  # noqa: F401  (the world fixture)
from tests.rewards_world import LEDGER as REWARDS_LEDGER
from tests.rewards_world import REPO as REWARDS_REPO
from tests.rewards_world import RewardWorld


async def cli(world: World, *argv: str) -> int:
    env = {"GITHUB_API_URL": world.fake.url, "GITHUB_TOKEN": "test-token"}
    return await asyncio.to_thread(main, list(argv), env)


async def test_ledger_show_and_stats_read_the_private_ledger(world: World, capsys):
    await world.incident(world.post("you are an idiot", "mallory"))
    assert await cli(world, "ledger", "show", "@mallory", "--ledger", LEDGER) == 0
    shown = capsys.readouterr().out
    assert "mallory" in shown and "correction" in shown
    assert await cli(world, "ledger", "stats", "--ledger", LEDGER, "--json") == 0
    assert '"abuse.insult"' in capsys.readouterr().out


async def test_sweep_dry_run_writes_nothing(world: World, capsys):
    await world.incident(world.post("you are an idiot", "mallory"))
    writes = len(world.fake.writes)
    assert await cli(world, "sweep", "--dry-run", "--ledger", LEDGER) == 0
    assert len(world.fake.writes) == writes
    assert capsys.readouterr().out.strip()


async def test_missing_ledger_is_a_clear_error(world: World, capsys):
    assert await cli(world, "ledger", "stats") == 1
    assert "--ledger" in capsys.readouterr().err


# ------------------------------------------------------------------------------ rewards


async def rewards_cli(world: RewardWorld, *argv: str) -> int:
    env = {"GITHUB_API_URL": world.fake.url, "GITHUB_TOKEN": "test-token"}
    return await asyncio.to_thread(main, list(argv), env)


async def test_rewards_import_pending_and_report(reward_world: RewardWorld, tmp_path, capsys):
    codes = tmp_path / "codes.csv"
    codes.write_text("NEW-0001\nNEW-0002\nMERCH100-0001\n")
    assert await rewards_cli(reward_world, "rewards", "import", str(codes), "--tier", "100",
                             "--repo", REWARDS_REPO) == 0
    assert "2 code(s) added, 1 duplicate(s)" in capsys.readouterr().out
    number = reward_world.merged_pr("quiet-dev")  # no address known: the reward waits
    await reward_world.reward("quiet-dev", number)
    assert await rewards_cli(reward_world, "rewards", "pending", "--ledger", REWARDS_LEDGER) == 0
    pending = capsys.readouterr().out
    assert f"{REWARDS_REPO}#{number}" in pending and "MERCH" not in pending
    assert await rewards_cli(reward_world, "rewards", "report", "--month", "2026-11",
                             "--ledger", REWARDS_LEDGER, "--json") == 0
    assert '"pending"' in capsys.readouterr().out


async def test_rewards_import_needs_a_known_tier(reward_world: RewardWorld, tmp_path, capsys):
    codes = tmp_path / "codes.csv"
    codes.write_text("X-1\n")
    assert await rewards_cli(reward_world, "rewards", "import", str(codes), "--tier", "999",
                             "--repo", REWARDS_REPO) == 1
    assert "no reward tier named '999'" in capsys.readouterr().err


# ------------------------------------------------------------------------------ experts

EXPERTS_CONFIG = """\
ledger:
  repository: acme/ledger
experts:
  enabled: true
  team: acme/experts
  minimum: 10
"""


async def test_experts_report_and_candidates(fake_github, capsys):
    from tests import experts_seed as seed

    fake_github.add_repo(seed.REPO)
    fake_github.add_repo("acme/ledger", private=True)
    fake_github.add_file(seed.REPO, ".github/governance.yml", EXPERTS_CONFIG)
    fake_github.add_team("acme", "experts", ["ada", "bob"])
    seed.answers(fake_github, "ada", 4, seed.day(11, 3))
    seed.comments(fake_github, "bob", 2, seed.day(11, 4))
    seed.answers(fake_github, "dee", 5, seed.day(11, 6))
    env = {"GITHUB_API_URL": fake_github.url, "GITHUB_TOKEN": "t"}
    argv = ["experts", "report", "--month", "2026-11", "--repo", seed.REPO]
    assert await asyncio.to_thread(main, argv, env) == 0
    report = capsys.readouterr().out
    assert "| @ada |" in report and "| @bob |" in report
    argv = ["experts", "candidates", "--month", "2026-11", "--repo", seed.REPO]
    assert await asyncio.to_thread(main, argv, env) == 0
    assert capsys.readouterr().out.startswith("@dee")
    assert await asyncio.to_thread(main, [*argv[:2], "--month", "11/2026", *argv[4:]], env) == 1
    assert "YYYY-MM" in capsys.readouterr().err
