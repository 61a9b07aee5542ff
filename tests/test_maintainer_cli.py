"""`governance ledger show|stats` and `governance sweep` through the CLI, on the fake GitHub."""

from __future__ import annotations

import asyncio

from governance.cli import main
from tests.ledger_world import LEDGER, World, world_fixture  # noqa: F401  (the world fixture)


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
