"""What the bot cannot undo itself is said plainly: a label, and logins listed in the config.

The bot removes team memberships only. When the status also came from ``experts.label``
(not an org/team) or from ``experts.logins``, the revocation record, the sweep's output and
the maintainers' monthly report tell a maintainer exactly what to do by hand.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from governance.adapters.github import GitHubAdapter
from governance.adapters.github_activity import GitHubActivity
from governance.experts import texts
from governance.experts.months import Month, Window
from governance.experts.policy import Members, RevokeExpert, plan_sweep
from governance.experts.records import Channel, Closing, Notice, Outcome, Records, decode, encode
from governance.experts.report import build_report, render_json, render_markdown
from governance.experts.service import ExpertProgramme, summary_lines
from tests import experts_seed as seed
from tests.builders import config
from tests.fake_github import FakeGitHub

SETTINGS = config(experts={"enabled": True, "team": "acme/experts", "minimum": 10,
                           "label": "expert", "logins": ["cy"]}).experts
NOV = Month(2026, 11)
DEC_1 = datetime(2026, 12, 1, 6, tzinfo=UTC)
JAN_1 = datetime(2027, 1, 1, 6, tzinfo=UTC)


def notice(login: str) -> Notice:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    return Notice(login, NOV, DEC_1, Window(start, start + timedelta(days=30)), 2, 10,
                  Channel.EMAIL)


def revoke(members: Members, login: str) -> RevokeExpert:
    (action,) = plan_sweep(JAN_1, SETTINGS, members, Records((notice(login),)), []).effective
    assert isinstance(action, RevokeExpert)
    return action


def test_the_steps_name_the_thing_to_change_and_that_the_bot_does_not() -> None:
    label = texts.remove_label_step("cy", "expert")
    listed = texts.delete_login_step("cy")
    assert "`expert`" in label and "@cy" in label and "by hand" not in label
    assert "`cy`" in listed and "experts.logins" in listed and ".github/governance.yml" in listed
    assert "team memberships only" in texts.BY_HAND_HEAD and "by hand" in texts.BY_HAND_HEAD


def test_revocation_record_lists_what_a_maintainer_must_do_by_hand() -> None:
    action = revoke(Members(frozenset({"cy"}), frozenset({"cy"})), "cy")
    closing = action.closing
    assert closing.removed_from == ("acme/experts",)  # only what the bot itself removed
    assert (closing.label_by_hand, closing.listed) == ("expert", True)
    text = texts.ledger_closing(closing)
    assert "The bot removed them from: acme/experts." in text
    assert (f"{texts.BY_HAND_HEAD}\n- {texts.remove_label_step('cy', 'expert')}\n"
            f"- {texts.delete_login_step('cy')}") in text
    assert decode(text) == [closing]
    assert texts.remove_label_step("cy", "expert") in action.summary()
    assert texts.delete_login_step("cy") in action.summary()


def test_a_revocation_the_bot_could_carry_out_alone_asks_nothing() -> None:
    team_only = config(experts={"enabled": True, "team": "acme/experts",
                                "label": "acme/triagers"}).experts
    (action,) = plan_sweep(JAN_1, team_only, Members(frozenset({"bob"})),
                           Records((notice("bob"),)), []).effective
    assert isinstance(action, RevokeExpert)
    text = texts.ledger_closing(action.closing)
    assert "acme/experts; acme/triagers" in text and texts.BY_HAND_HEAD not in text
    assert "by hand" not in action.summary()


def test_listed_only_expert_revocation_says_the_bot_removed_nothing() -> None:
    closing = revoke(Members(listed=frozenset({"cy"})), "cy").closing
    text = texts.ledger_closing(closing)
    assert texts.NOTHING_REMOVED in text and texts.delete_login_step("cy") in text


def test_records_written_before_these_fields_still_read() -> None:
    closing = Closing("cy", NOV, JAN_1, Outcome.REVOKED, 0, 10, ("acme/experts",))
    old = encode(closing).replace(',"label_by_hand":""', "").replace(',"listed":false', "")
    assert "listed" not in old and decode(old) == [closing]


def test_monthly_report_tells_maintainers_what_is_left_to_do_by_hand() -> None:
    closing = revoke(Members(listed=frozenset({"cy"})), "cy").closing
    report = build_report(Month(2026, 12), SETTINGS, {}, Records((notice("cy"),), (closing,)),
                          [], ["acme/widgets"], JAN_1)
    private = render_markdown(report)
    assert (f"## To do by hand\n\n{texts.BY_HAND_HEAD}\n\n"
            f"- @cy: {texts.remove_label_step('cy', 'expert')}\n"
            f"- @cy: {texts.delete_login_step('cy')}") in private
    data = json.loads(render_json(report))
    assert data["by_hand"] == [
        {"login": "cy", "step": texts.remove_label_step("cy", "expert")},
        {"login": "cy", "step": texts.delete_login_step("cy")}]
    assert "by hand" not in render_markdown(report, public=True)
    assert "by_hand" not in render_json(report, public=True)


def test_a_login_still_listed_months_later_is_reminded_until_deleted() -> None:
    closing = revoke(Members(listed=frozenset({"cy"})), "cy").closing
    records = Records((notice("cy"),), (closing,))
    later = build_report(Month(2027, 3), SETTINGS, {}, records, [], ["acme/widgets"],
                         datetime(2027, 4, 2, tzinfo=UTC))
    assert later.experts == ()  # no longer an expert: only the to-do remains
    assert later.by_hand == (("cy", texts.delete_login_step("cy")),)  # label: asked in January
    assert f"- @cy: {texts.delete_login_step('cy')}" in render_markdown(later)
    deleted = config(experts={"enabled": True, "team": "acme/experts", "label": "expert"})
    gone = build_report(Month(2027, 3), deleted.experts, {}, records, [], ["acme/widgets"],
                        datetime(2027, 4, 2, tzinfo=UTC))
    assert gone.by_hand == () and "To do by hand" not in render_markdown(gone)


# ------------------------------------------------- end to end (real adapters, fake GitHub)

LISTED = config(experts={"enabled": True, "team": "acme/experts", "label": "expert",
                         "logins": ["cy"], "minimum": 10},
                ledger={"repository": "acme/ledger"})


async def test_sweep_and_report_say_what_to_do_by_hand(fake_github: FakeGitHub,
                                                       github: GitHubAdapter) -> None:
    fake = fake_github
    fake.add_repo(seed.REPO)
    fake.add_repo("acme/ledger", private=True)
    fake.add_team("acme", "experts", ["ada"])
    fake.add_user("cy")
    seed.answers(fake, "ada", 4, seed.day(11, 3))
    seed.answers(fake, "ada", 4, seed.day(12, 3))
    programme = ExpertProgramme(github, GitHubActivity.of(github))
    await programme.sweep(LISTED, seed.REPO, DEC_1)  # cy (listed, no activity): a notice

    swept = "\n".join(summary_lines(await programme.sweep(LISTED, seed.REPO, seed.day(12, 31))))
    assert texts.delete_login_step("cy") in swept
    (issue,) = [i for i in fake.repo("acme/ledger").issues.values()
                if i.title == "Expert programme 2026-11"]
    revocation = fake.comments_on("acme/ledger", issue.number)[-1].body
    assert texts.BY_HAND_HEAD in revocation and texts.NOTHING_REMOVED in revocation
    assert texts.remove_label_step("cy", "expert") in revocation
    report = await programme.report(LISTED, seed.REPO, Month(2026, 12), seed.day(1, 2, year=2027))
    assert f"- @cy: {texts.delete_login_step('cy')}" in render_markdown(report)
