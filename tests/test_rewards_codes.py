"""Code providers: the pool in the ledger repository (compare-and-swap on the fake GitHub)
and Shopify (the loopback fake of the Admin REST discount-code endpoints)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import aiohttp
import pytest

from governance.adapters.codes_pool import PoolCodes
from governance.adapters.github import GitHubAdapter
from governance.adapters.shopify import ShopifyCodes, shopify_errors
from governance.rewards.codes import CODE_ALPHABET, CodesUnavailable, OutOfCodes, plan_code
from governance.rewards.pool import codes_from_import, parse, render
from tests.fake_github import FakeGitHub
from tests.fake_shopify import SHOP, TOKEN, FakeShopify, fake_shopify

__all__ = ["fake_shopify"]

LEDGER = "acme/coc-ledger"
PATH = "rewards/codes-{tier}.csv"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
RULES = {"100": 507328175, "25": 507328176}


def seed_pool(fake: FakeGitHub, codes: list[str], tier: str = "100") -> None:
    fake.add_repo(LEDGER, private=True)
    pool = parse("\n".join(codes))
    fake.add_file(LEDGER, PATH.replace("{tier}", tier), render(pool))


def pool(github: GitHubAdapter) -> PoolCodes:
    return PoolCodes(github, LEDGER, PATH, lambda: NOW)


# ------------------------------------------------------------------------------ pool


async def test_racing_allocations_conflict_and_still_get_distinct_codes(
        fake_github: FakeGitHub, github: GitHubAdapter) -> None:
    codes = [f"C{n:03d}" for n in range(10)]
    seed_pool(fake_github, codes)
    got = await asyncio.gather(*(pool(github).allocate(f"acme/w#{n}", "100", "")
                                 for n in range(8)))
    assert len({a.code for a in got}) == 8
    writes = fake_github.requests("PUT", r".*/contents/rewards/codes-100\.csv")
    assert 409 in {c.status for c in writes}  # the race really happened
    final = parse(fake_github.repo(LEDGER).files["rewards/codes-100.csv"].text)
    assert final.available == 2
    assert {r.reward: r.code for r in final.rows if r.reward} == \
        {f"acme/w#{n}": a.code for n, a in enumerate(got)}


async def test_a_pool_that_stays_contended_is_unavailable_not_wrong(
        fake_github: FakeGitHub, github: GitHubAdapter) -> None:
    seed_pool(fake_github, ["A1", "A2", "A3"])
    impatient = PoolCodes(github, LEDGER, PATH, lambda: NOW, max_attempts=1)
    got = await asyncio.gather(*(impatient.allocate(f"acme/w#{n}", "100", "")
                                 for n in range(3)), return_exceptions=True)
    codes = [g.code for g in got if not isinstance(g, BaseException)]
    failures = [g for g in got if isinstance(g, BaseException)]
    assert all(isinstance(f, CodesUnavailable) for f in failures) and failures
    assert len(codes) == len(set(codes)) >= 1


async def test_allocation_is_idempotent_per_reward(fake_github: FakeGitHub,
                                                   github: GitHubAdapter) -> None:
    seed_pool(fake_github, ["A1", "A2", "A3"])
    first = await pool(github).allocate("acme/w#1", "100", "")
    again = await pool(github).allocate("acme/w#1", "100", "")
    assert (first.code, again.code, again.remaining) == ("A1", "A1", 2)


async def test_empty_or_missing_pool_is_out_of_codes(fake_github: FakeGitHub,
                                                     github: GitHubAdapter) -> None:
    seed_pool(fake_github, ["ONLY"])
    await pool(github).allocate("acme/w#1", "100", "")
    with pytest.raises(OutOfCodes):
        await pool(github).allocate("acme/w#2", "100", "")
    with pytest.raises(OutOfCodes):
        await pool(github).allocate("acme/w#3", "missing-tier", "")


async def test_import_appends_new_codes_and_skips_duplicates(fake_github: FakeGitHub,
                                                             github: GitHubAdapter) -> None:
    seed_pool(fake_github, ["A1", "A2"])
    await pool(github).allocate("acme/w#1", "100", "")
    result = await pool(github).add("100", codes_from_import("code\nA2\nb1\n\nB2\nB1\n"))
    assert (result.added, result.duplicates, result.available) == (2, 2, 3)
    created = await pool(github).add("25", ["X1"])  # a tier without a file yet
    assert created.available == 1 and "rewards/codes-25.csv" in fake_github.repo(LEDGER).files


def test_pool_csv_round_trip_keeps_allocations() -> None:
    pool_ = parse("code,reward,allocated_at\nA,acme/w#1,2026-11-20T09:00:00+00:00\nB,,\n")
    assert parse(render(pool_)) == pool_
    assert (pool_.available, pool_.code_for("acme/w#1")) == (1, "A")


def test_planned_codes_are_fresh_and_typeable() -> None:
    codes = {plan_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        prefix, *groups = code.split("-")
        assert prefix == "THANKS" and len(groups) == 3
        assert all(len(g) == 4 and set(g) <= set(CODE_ALPHABET) for g in groups)


# ------------------------------------------------------------------------------ shopify


async def shopify_codes(fake: FakeShopify, session: aiohttp.ClientSession,
                        token: str = TOKEN) -> ShopifyCodes:
    return ShopifyCodes(session, SHOP, token, RULES, base_url=fake.url)


async def test_shopify_creates_the_planned_code_under_the_tiers_price_rule(
        fake_shopify: FakeShopify) -> None:
    async with aiohttp.ClientSession() as session:
        codes = await shopify_codes(fake_shopify, session)
        got = await codes.allocate("acme/w#1", "25", "THANKS-AAAA-BBBB-CCCC")
    assert got.code == "THANKS-AAAA-BBBB-CCCC"
    (created,) = fake_shopify.codes
    assert (created.code, created.price_rule_id) == ("THANKS-AAAA-BBBB-CCCC", RULES["25"])
    assert fake_shopify.requests == [
        ("POST", f"/admin/api/2024-01/price_rules/{RULES['25']}/discount_codes.json")]
    assert TOKEN not in repr(codes)


async def test_shopify_retry_after_a_lost_answer_adopts_the_code(
        fake_shopify: FakeShopify) -> None:
    fake_shopify.lose_next_answer()
    async with aiohttp.ClientSession() as session:
        codes = await shopify_codes(fake_shopify, session)
        with pytest.raises(CodesUnavailable):
            await codes.allocate("acme/w#1", "100", "THANKS-LOST-ANSW-ER22")
        got = await codes.allocate("acme/w#1", "100", "THANKS-LOST-ANSW-ER22")
    assert got.code == "THANKS-LOST-ANSW-ER22"
    assert len(fake_shopify.codes) == 1
    assert ("GET", "/admin/api/2024-01/discount_codes/lookup.json") in fake_shopify.requests


async def test_shopify_code_taken_under_another_rule_is_not_adopted(
        fake_shopify: FakeShopify) -> None:
    async with aiohttp.ClientSession() as session:
        codes = await shopify_codes(fake_shopify, session)
        await codes.allocate("acme/w#1", "25", "THANKS-SAME-CODE-XXXX")
        with pytest.raises(CodesUnavailable, match="422"):
            await codes.allocate("acme/w#2", "100", "thanks-same-code-xxxx")


async def test_shopify_errors_are_codes_unavailable(fake_shopify: FakeShopify) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(CodesUnavailable, match="401"):
            await (await shopify_codes(fake_shopify, session, "wrong")).allocate(
                "acme/w#1", "100", "THANKS-X")
        with pytest.raises(CodesUnavailable, match="no Shopify price rule"):
            await (await shopify_codes(fake_shopify, session)).allocate(
                "acme/w#1", "unknown", "THANKS-X")
        unreachable = ShopifyCodes(session, SHOP, TOKEN, RULES, base_url="http://127.0.0.1:9")
        with pytest.raises(CodesUnavailable, match="unreachable"):
            await unreachable.allocate("acme/w#1", "100", "THANKS-X")


def test_shopify_error_text_never_carries_the_code() -> None:
    echoed = {"errors": {"code": ["thanks-aaaa-bbbb-cccc has already been taken"]}}
    text = shopify_errors(echoed, "THANKS-AAAA-BBBB-CCCC")
    assert "AAAA" not in text.upper() and "<code> has already been taken" in text
    assert shopify_errors({"detail": "?"}, "X") == "no details"
