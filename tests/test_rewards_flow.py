"""Rewards end to end: the Service with the reward handler, the contract-checking fake
GitHub, the real gidgethub adapter and the real SMTP adapter against aiosmtpd."""

from __future__ import annotations

import asyncio
import json
import re

import aiohttp
import pytest

from governance.rewards.alerts import ALERT_LABEL, RESOLVED_LABEL
from governance.rewards.flow import RECOGNIZED_LABEL
from governance.rewards.usecases import (
    PUBLIC_LEDGER,
    retry_pending,
    rewards_import,
    rewards_pending,
    rewards_report,
    rewards_resend,
)
from governance.runtime import code_pool
from tests.fake_shopify import SHOP, TOKEN, FakeShopify, fake_shopify
from tests.rewards_world import (
    CODES_100,
    CONFIG_YAML,
    LEDGER,
    ORG,
    REPO,
    RewardWorld,
    pool_csv,
    reward_world,
)

__all__ = ["fake_shopify", "reward_world"]

ALEX = "alex@example.org"


def assert_private(world: RewardWorld, caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    """Codes and addresses appear in no log line and no public comment."""
    public = [c.body for c in world.fake.comments.values()]
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("governance"))
    assert "reward" in ours  # the flow did log
    for secret in secrets:
        assert secret not in ours
        assert not any(secret in body for body in public)


async def test_merged_outside_pr_gets_one_email_one_code_and_one_comment(
        reward_world: RewardWorld, caplog: pytest.LogCaptureFixture) -> None:
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    service = w.service()
    outcome = await service.handle("pull_request", w.payload("first-pr-alex", number))
    assert outcome.done == ("reward",)

    (mail,) = w.smtp.messages
    assert mail.rcpt_tos == (ALEX,)
    code = CODES_100[0]
    text = mail.message.get_body(("plain",)).get_content()
    html = mail.message.get_body(("html",)).get_content()
    assert f"{REPO}#{number}" in mail.message["Subject"]
    assert "$100 merch credit" in mail.message["Subject"]
    assert code in text and code in html and "reply to this e-mail" in text
    assert "reward-acme-widgets" not in mail.message["Message-ID"]  # made valid by the adapter
    assert mail.message["Message-ID"].startswith("<reward-acme.widgets.")

    (comment,) = w.comments(number)
    assert "@first-pr-alex" in comment and "$100 merch credit" in comment
    assert RECOGNIZED_LABEL in w.fake.issue(REPO, number).labels
    claim = w.claim(number)
    assert (claim.state.value, claim.code, claim.email) == ("thanked", code, ALEX)
    assert w.used_codes() == {code: f"{REPO}#{number}"}
    assert w.index()[f"{REPO}#{number}"]["state"] == "thanked"
    assert_private(w, caplog, code, ALEX)

    # redelivered webhook: nothing new
    await service.handle("pull_request", w.payload("first-pr-alex", number))
    assert len(w.smtp.messages) == 1 and len(w.comments(number)) == 1
    assert len(w.used_codes()) == 1


async def test_member_pr_gets_nothing(reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("maria-dev", emails=("maria@acme.example",))
    outcome = await w.service().handle(
        "pull_request", w.payload("maria-dev", number, association="MEMBER"))
    assert outcome.done == ("skip",)
    assert w.smtp.messages == [] and w.comments(number) == [] and w.claims() == []


async def test_a_public_ledger_is_never_written(reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.repo(LEDGER).private = False
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    outcome = await w.reward("first-pr-alex", number)
    assert outcome.state == "skipped" and "not private" in outcome.detail
    assert w.claims() == [] and w.smtp.messages == [] and w.comments(number) == []


async def test_codes_are_never_imported_into_a_public_ledger(reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.repo(LEDGER).private = False
    before = w.fake.repo(LEDGER).files["rewards/codes-100.csv"].text
    config = await w.config_for(REPO)
    with pytest.raises(ValueError, match=re.escape(PUBLIC_LEDGER.format(ledger=LEDGER))):
        await rewards_import(w.github, config, "100", "NEW-0001\n",
                             code_pool(w.github, config, w.clock))
    assert w.fake.repo(LEDGER).files["rewards/codes-100.csv"].text == before


async def test_codes_need_a_ledger_to_be_imported_into(reward_world: RewardWorld) -> None:
    w = reward_world
    w.set_config(CONFIG_YAML.replace(f"ledger:\n  repository: {LEDGER}\n", ""))
    config = await w.config_for(REPO)
    with pytest.raises(ValueError, match=r"no ledger\.repository is configured"):
        await rewards_import(w.github, config, "100", "NEW-0001\n",
                             code_pool(w.github, config, w.clock))


async def test_private_org_member_and_excluded_team_get_nothing(
        reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.add_org(ORG, members=["quiet-member"])
    first = w.merged_pr("quiet-member", emails=("q@example.org",))
    second = w.merged_pr("staffer", emails=("s@example.org",))
    assert (await w.reward("quiet-member", first)).state == "skipped"
    skipped = await w.reward("staffer", second)
    assert skipped.state == "skipped" and "acme/staff" in skipped.detail
    assert w.smtp.messages == [] and w.claims() == []


async def test_noreply_only_author_is_asked_to_get_in_touch_and_left_pending(
        reward_world: RewardWorld, caplog: pytest.LogCaptureFixture) -> None:
    w = reward_world
    number = w.merged_pr("quiet-dev",
                         emails=("123+quiet-dev@users.noreply.github.com",))
    outcome = await w.reward("quiet-dev", number)
    assert outcome.state == "pending (no-email)"
    (comment,) = w.comments(number)
    assert "merch@acme.example" in comment and "@quiet-dev" in comment
    assert w.smtp.messages == [] and w.used_codes() == {}
    (pending,) = await rewards_pending(w.github, LEDGER)
    assert (pending.key, pending.pending) == (f"{REPO}#{number}", "no-email")

    # the sweep leaves it alone; a maintainer finishes it with the address they were sent
    await retry_pending(w.deps(), LEDGER)
    assert w.smtp.messages == [] and len(w.comments(number)) == 1
    done = await rewards_resend(w.deps(), LEDGER, f"https://github.com/{REPO}/pull/{number}",
                                email="quiet@example.org")
    assert done.state == "thanked"
    (mail,) = w.mails_to("quiet@example.org")
    assert CODES_100[0] in mail.message.get_body(("plain",)).get_content()
    assert len(w.comments(number)) == 2  # the contact request and the thank-you
    assert await rewards_pending(w.github, LEDGER) == []
    assert_private(w, caplog, CODES_100[0], "quiet@example.org")


async def test_profile_email_is_used_when_commits_have_none(reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("profiled", emails=("1+profiled@users.noreply.github.com",),
                         profile_email="profiled@example.net")
    assert (await w.reward("profiled", number)).state == "thanked"
    assert len(w.mails_to("profiled@example.net")) == 1


async def test_smtp_down_then_up_sends_once_with_the_same_code(
        reward_world: RewardWorld, caplog: pytest.LogCaptureFixture) -> None:
    w = reward_world
    real = w.mailer.settings
    w.mailer.settings = type(real)("127.0.0.1", _closed_port(), real.sender, security="none",
                                   timeout_seconds=2)
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    outcome = await w.reward("first-pr-alex", number)
    assert outcome.state == "pending (mail-failed)"
    assert (w.claim(number).state.value, w.claim(number).code) == ("allocated", CODES_100[0])
    assert w.smtp.messages == [] and w.comments(number) == []
    await retry_pending(w.deps(), LEDGER)  # still down: nothing more is allocated
    assert len(w.used_codes()) == 1

    w.mailer.settings = real
    w.clock.advance(hours=1)
    (outcome,) = await retry_pending(w.deps(), LEDGER)
    assert outcome.state == "thanked"
    (mail,) = w.smtp.messages
    assert CODES_100[0] in mail.message.get_body(("plain",)).get_content()
    assert w.used_codes() == {CODES_100[0]: f"{REPO}#{number}"}
    assert len(w.comments(number)) == 1
    assert_private(w, caplog, CODES_100[0], ALEX)


async def test_concurrent_merges_get_distinct_codes(reward_world: RewardWorld) -> None:
    w = reward_world
    people = [f"dev{n}" for n in range(5)]
    numbers = [w.merged_pr(p, emails=(f"{p}@example.org",)) for p in people]
    replicas = [w.deps() for _ in people]  # separate workers, as on separate machines
    outcomes = await asyncio.gather(*(w.reward(p, n, d)
                                      for p, n, d in zip(people, numbers, replicas,
                                                         strict=True)))
    assert {o.state for o in outcomes} == {"thanked"}
    codes = [w.claim(n).code for n in numbers]
    assert len(set(codes)) == 5 and set(codes) <= set(CODES_100)
    assert len(w.used_codes()) == 5
    for p, code in zip(people, codes, strict=True):
        (mail,) = w.mails_to(f"{p}@example.org")
        assert code in mail.message.get_body(("plain",)).get_content()


async def test_two_replicas_on_one_merge_send_one_email(reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    outcomes = await asyncio.gather(*(w.reward("first-pr-alex", number, w.deps())
                                      for _ in range(3)))
    assert "thanked" in {o.state for o in outcomes}
    await retry_pending(w.deps(), LEDGER)
    w.clock.advance(minutes=30)
    await retry_pending(w.deps(), LEDGER)
    assert len(w.smtp.messages) == 1 and len(w.comments(number)) == 1
    assert len(w.used_codes()) == 1


async def test_empty_pool_leaves_reward_pending_and_alerts_once(
        reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.add_file(LEDGER, "rewards/codes-25.csv", pool_csv([]))
    first = w.merged_pr("site-fixer", repo="acme/website", emails=("fix@example.org",))
    outcome = await w.reward("site-fixer", first, repo="acme/website", tier="25")
    assert outcome.state == "pending (no-codes)"
    await w.reward("site-fixer", first, repo="acme/website", tier="25")
    await retry_pending(w.deps(), LEDGER)
    (alert,) = w.issues(ALERT_LABEL)
    assert "tier 25" in alert.title and "governance rewards import" in alert.body
    assert w.smtp.messages == [] and w.comments(first, "acme/website") == []

    config = await w.config_for("acme/website")
    result = await rewards_import(w.github, config, "25",
                                  "code\nSITE-0001\nSITE-0002\nSITE-0003\nSITE-0004\n",
                                  code_pool(w.github, config, w.clock))
    assert (result.added, result.available) == (4, 4)
    assert alert.state == "closed" and RESOLVED_LABEL in alert.labels
    (outcome,) = await retry_pending(w.deps(), LEDGER)
    assert outcome.state == "thanked"
    (mail,) = w.mails_to("fix@example.org")
    assert "SITE-0001" in mail.message.get_body(("plain",)).get_content()
    assert "$25 merch credit" in mail.message["Subject"]


async def test_low_stock_alert_at_the_threshold(reward_world: RewardWorld) -> None:
    w = reward_world  # tier 25 has 3 codes; the threshold is 3
    number = w.merged_pr("site-fixer", repo="acme/website", emails=("fix@example.org",))
    await w.reward("site-fixer", number, repo="acme/website", tier="25")
    (alert,) = w.issues(ALERT_LABEL)
    assert "Only 2 code(s) are left" in alert.body


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_pool_email_links_the_configured_store(reward_world: RewardWorld) -> None:
    w = reward_world
    store = "https://merch.acme.example/shop"
    w.set_config(CONFIG_YAML.replace("  contact: merch@acme.example\n",
                                     f"  contact: merch@acme.example\n  store_url: {store}\n"))
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    assert (await w.reward("first-pr-alex", number)).state == "thanked"
    (mail,) = w.smtp.messages
    text = mail.message.get_body(("plain",)).get_content()
    html = mail.message.get_body(("html",)).get_content()
    assert f"pick what you like at {store} and enter the code at checkout" in text
    assert f'<a href="{store}">{store}</a>' in html
    assert "reply to this e-mail to" not in text


async def test_pool_email_without_a_store_asks_for_a_reply(reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    assert (await w.reward("first-pr-alex", number)).state == "thanked"
    (mail,) = w.smtp.messages
    for part in ("plain", "html"):
        body = mail.message.get_body((part,)).get_content()
        assert "How to redeem it: reply to this e-mail" in body
        assert "our merch store" not in body and "checkout" not in body


async def test_shopify_provider_creates_a_unique_code_per_reward(
        reward_world: RewardWorld, fake_shopify: FakeShopify,
        caplog: pytest.LogCaptureFixture) -> None:
    w = reward_world
    w.set_config(CONFIG_YAML.replace("    low_stock: 3\n", f"""    low_stock: 3
    provider: shopify
    shopify_shop: {SHOP}
    shopify_price_rules: {{"100": 507328175, "25": 507328176}}
"""))
    w.shopify_url = fake_shopify.url
    async with aiohttp.ClientSession() as http:
        w.http = http
        numbers = [w.merged_pr(p, emails=(f"{p}@example.org",)) for p in ("ann", "bob")]
        for login, number in zip(("ann", "bob"), numbers, strict=True):
            outcome = await w.reward(login, number, w.deps(shopify_token=TOKEN))
            assert outcome.state == "thanked"
    codes = [w.claim(n).code for n in numbers]
    assert [c.code for c in fake_shopify.codes] == codes and codes[0] != codes[1]
    assert {c.price_rule_id for c in fake_shopify.codes} == {507328175}
    text = w.mails_to("ann@example.org")[0].message.get_body(("plain",)).get_content()
    assert codes[0] in text and f"https://{SHOP}" in text
    assert w.used_codes() == {}  # the pool is untouched
    assert_private(w, caplog, *codes, "ann@example.org")


async def test_shopify_lost_answer_is_retried_without_a_second_code(
        reward_world: RewardWorld, fake_shopify: FakeShopify) -> None:
    w = reward_world
    w.set_config(CONFIG_YAML.replace("    low_stock: 3\n", f"""    provider: shopify
    shopify_shop: {SHOP}
    shopify_price_rules: {{"100": 507328175}}
"""))
    w.shopify_url = fake_shopify.url
    fake_shopify.lose_next_answer()
    number = w.merged_pr("ann", emails=("ann@example.org",))
    async with aiohttp.ClientSession() as http:
        w.http = http
        first = await w.reward("ann", number, w.deps(shopify_token=TOKEN))
        assert first.state == "pending (codes-failed)" and w.smtp.messages == []
        w.clock.advance(hours=1)
        (outcome,) = await retry_pending(w.deps(shopify_token=TOKEN), LEDGER)
    assert outcome.state == "thanked"
    (created,) = fake_shopify.codes
    (mail,) = w.smtp.messages
    assert created.code == w.claim(number).code
    assert created.code in mail.message.get_body(("plain",)).get_content()


async def test_shopify_without_a_token_leaves_the_reward_pending(
        reward_world: RewardWorld) -> None:
    w = reward_world
    w.set_config(CONFIG_YAML.replace("    low_stock: 3\n",
                                     f"    provider: shopify\n    shopify_shop: {SHOP}\n"))
    number = w.merged_pr("ann", emails=("ann@example.org",))
    outcome = await w.reward("ann", number)
    assert outcome.state == "pending (codes-failed)" and "SHOPIFY_TOKEN" in outcome.detail
    assert w.smtp.messages == [] and w.comments(number) == []


async def test_maintainer_templates_from_the_ledger_are_used(reward_world: RewardWorld) -> None:
    w = reward_world
    w.fake.add_file(LEDGER, "rewards/templates/thanks.md",
                    "Merci @$login for $repo#$number! Check your inbox ($tier_label).")
    w.fake.add_file(LEDGER, "rewards/templates/email-subject.txt", "Your code for #$number")
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    await w.reward("first-pr-alex", number)
    (comment,) = w.comments(number)
    assert comment.startswith(f"Merci @first-pr-alex for {REPO}#{number}! Check your inbox "
                              "($100 merch credit).")
    assert w.smtp.messages[0].message["Subject"] == f"Your code for #{number}"


async def test_once_per_person_and_period(reward_world: RewardWorld) -> None:
    w = reward_world
    w.set_config(CONFIG_YAML.replace("  enabled: true\n",
                                     "  enabled: true\n  once_per: person-period\n"))
    first = w.merged_pr("first-pr-alex", emails=(ALEX,))
    second = w.merged_pr("first-pr-alex", emails=(ALEX,))
    assert (await w.reward("first-pr-alex", first)).state == "thanked"
    skipped = await w.reward("first-pr-alex", second)
    assert skipped.state == "skipped" and f"{REPO}#{first}" in skipped.detail
    assert len(w.smtp.messages) == 1 and w.comments(second) == []
    assert await rewards_pending(w.github, LEDGER) == []
    w.clock.advance(days=366)  # the next period
    assert (await w.reward("first-pr-alex", first)).state == "thanked"  # late redeliveries
    assert (await w.reward("first-pr-alex", second)).state == "skipped"
    assert len(w.smtp.messages) == 1 and len(w.claims()) == 1
    third = w.merged_pr("first-pr-alex", emails=(ALEX,))
    assert (await w.reward("first-pr-alex", third)).state == "thanked"
    assert len(w.smtp.messages) == 2


async def test_resend_of_a_sent_reward_repeats_the_same_code(reward_world: RewardWorld) -> None:
    w = reward_world
    number = w.merged_pr("first-pr-alex", emails=(ALEX,))
    await w.reward("first-pr-alex", number)
    outcome = await rewards_resend(w.deps(), LEDGER, f"{REPO}#{number}",
                                   email="alex.new@example.org")
    assert outcome.state == "thanked"
    (resent,) = w.mails_to("alex.new@example.org")
    assert CODES_100[0] in resent.message.get_body(("plain",)).get_content()
    assert resent.message["Message-ID"] == w.smtp.messages[0].message["Message-ID"]
    assert len(w.used_codes()) == 1 and len(w.comments(number)) == 1
    with pytest.raises(ValueError, match="not a pull request"):
        await rewards_resend(w.deps(), LEDGER, "widgets 12")
    with pytest.raises(LookupError):
        await rewards_resend(w.deps(), LEDGER, f"{REPO}#999")


async def test_monthly_report(reward_world: RewardWorld) -> None:
    w = reward_world
    sent = w.merged_pr("first-pr-alex", emails=(ALEX,))
    waiting = w.merged_pr("quiet-dev", repo="acme/website",
                          emails=("1+quiet-dev@users.noreply.github.com",))
    await w.reward("first-pr-alex", sent)
    await w.reward("quiet-dev", waiting, repo="acme/website", tier="25")
    report = await rewards_report(w.github, LEDGER, "2026-11")
    data = json.loads(report.to_json())
    assert data["sent"] == {"total": 1, "by_tier": {"100": 1},
                            "by_repository": {REPO: 1}}
    assert data["pending"]["by_tier"] == {"25": 1}
    assert data["pending"]["rewards"][0]["reason"] == "no-email"
    assert f"acme/website#{waiting} @quiet-dev" in report.text()
    assert CODES_100[0] not in report.to_json() + report.text() and ALEX not in report.text()
