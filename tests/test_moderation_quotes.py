"""Quoted content in moderation: the quoter is never acted on or stepped for it.

Since every comment is moderated as content first, a ``/coc report`` that quote-replies
spam or someone's phone number was itself hidden or redacted, its author got a ladder step
and the report was refused. Pure decisions first, then the whole service on the fake GitHub.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from governance.detect import classify, llm
from governance.detect.engine import QUOTED_CAP
from governance.detect.llm import Opinion
from governance.model import (
    Actor,
    Association,
    Category,
    ContentEvent,
    Label,
    PersonRecord,
    Plan,
    RecordReview,
    RuleHit,
    Verdict,
)
from governance.policy.moderation import acts_on_own_words, moderate
from governance.policy.signals import boost
from governance.policy.waves import Wave
from governance.service import Service
from tests import builders
from tests.fake_github import FakeGitHub
from tests.test_coc_moderated import service  # noqa: F401  (the service fixture)
from tests.test_detect_quotes import AIRDROP, DOXX, INSULT, PHONE, PITCH, quoted
from tests.test_service import issue_event

LEDGER = {"repository": "acme/coc-ledger"}


def hit(category: Category, score: float, *, is_quoted: bool, rule: str = "test.rule"
        ) -> RuleHit:
    return RuleHit(rule, category, score, ((0, 5),), severity=3, quoted=is_quoted)


def decide(*hits: RuleHit, **sections: object) -> list[str]:
    top = max(hits, key=lambda h: h.score)
    label = top.category.label if top.score >= 0.5 else Label.OK
    plan = moderate(builders.event("> quoted\n\nmine"), Verdict(label, top.score, hits),
                    builders.config(ledger=LEDGER, **sections), PersonRecord("someone"),
                    builders.NOW)
    return [a.kind for a in plan.actions]


# ------------------------------------------------------------------- pure decisions


def test_quoted_personal_data_is_removed_without_a_step_or_notice():
    kinds = decide(hit(Category.PII, 0.99, is_quoted=True, rule="pii.phone_number"))
    assert kinds == ["redact", "record_review"]  # the original goes to the private ledger


def test_quoted_personal_data_under_a_hide_rule_gets_no_public_notice():
    kinds = decide(hit(Category.PII, 0.99, is_quoted=True),
                   moderation={"rules": {"pii": {"action": "hide", "notice": True}}})
    assert kinds == ["hide_comment", "record_review"]


@pytest.mark.parametrize("category", [Category.SOLICITATION, Category.MALWARE, Category.ABUSE])
def test_quoted_content_is_never_acted_on_whatever_its_score(category: Category):
    """A wave or account boost can lift a quoted pitch over the act threshold: review only."""
    assert decide(hit(category, 0.97, is_quoted=True)) == ["record_review"]
    assert decide(hit(category, 0.4, is_quoted=True)) == ["skip"]


def test_the_authors_own_breach_is_acted_on_and_quoted_data_removed_too():
    kinds = decide(hit(Category.ABUSE, 0.95, is_quoted=False),
                   hit(Category.PII, 0.99, is_quoted=True, rule="pii.phone_number"))
    assert kinds[:2] == ["hide_comment", "redact"] and "record_incident" in kinds


def test_a_spam_wave_of_quote_wrapped_pitches_reaches_review_and_no_further():
    """The evasion left open (a pitch quoted under a few words of one's own) still shows
    up for moderators when it comes as a wave."""
    text = quoted(PITCH) + "\n\nis this legit?"
    found = classify(text)
    wave = Wave(3, ("a", "b"), ("acme/widgets#1", "acme/widgets#2"), "00ff")

    lifted = boost(found, Association.NONE, None, wave, builders.config().moderation)

    assert found.category_score(Category.SOLICITATION) <= QUOTED_CAP
    assert lifted.category_score(Category.SOLICITATION) >= 0.55  # the review threshold
    assert decide(*lifted.hits) == ["record_review"]


def test_a_second_opinion_on_quoted_words_stays_quoted():
    """Were the LLM's band set to reach quoted scores, its agreement still acts on nothing."""
    verdict = Verdict(Label.OK, 0.4, (hit(Category.SOLICITATION, 0.4, is_quoted=True),))
    opinion = Opinion(Label.SOLICITATION, 1.0)

    raised = llm.combine(verdict, opinion, (0.3, 0.85))

    assert raised.category_score(Category.SOLICITATION) > 0.4
    assert all(h.quoted for h in raised.hits)
    assert decide(*raised.hits) == ["record_review"]


def test_only_the_authors_own_words_stop_a_command():
    config = builders.config()
    own = Verdict(Label.ABUSE, 0.95, (hit(Category.ABUSE, 0.95, is_quoted=False),))
    theirs = Verdict(Label.PII, 0.99, (hit(Category.PII, 0.99, is_quoted=True),))
    assert acts_on_own_words(own, config) and not acts_on_own_words(theirs, config)


# ------------------------------------------------------------------- the service


def reply_to(fake: FakeGitHub, first: ContentEvent, body: str, login: str) -> ContentEvent:
    """A comment by ``login`` after ``first``, in the same issue."""
    comment = fake.add_comment("acme/widgets", first.number, body, author=login)
    return replace(first, body=body, author=Actor(login), node_id=comment.node_id,
                   rest_id=comment.id, html_url=first.html_url.split("#")[0]
                   + f"#issuecomment-{comment.id}")


def reviews_of(plan_actions: tuple[object, ...], login: str) -> list[RecordReview]:
    return [a for a in plan_actions if isinstance(a, RecordReview) and a.login == login]


async def quote_report(fake: FakeGitHub, svc: Service, offending: str, author: str,
                       reason: str) -> tuple[ContentEvent, Plan]:
    """``author`` posts ``offending``; a reporter quote-replies it with ``/coc report``.
    The report's plan, after checking it was carried out without a step for the reporter."""
    first = issue_event(fake, offending, login=author)
    report = reply_to(fake, first, f"{quoted(offending)}\n\n/coc report {reason}", "reporter")
    outcome = await svc.handle_event(report)
    assert outcome.plan is not None and outcome.plan.verdict is not None
    assert "record_incident" not in outcome.done and "notify" not in outcome.done
    assert reviews_of(outcome.plan.actions, author)  # the report was carried out
    assert not any("not carried out" in r for r in outcome.plan.reasons)
    return report, outcome.plan


async def test_a_report_quoting_spam_is_carried_out_and_the_reporter_left_alone(
        fake_github: FakeGitHub, service: Service):  # noqa: F811
    report, plan = await quote_report(fake_github, service, PITCH, "spammer", "ads")

    assert plan.verdict is not None and plan.verdict.label is Label.OK
    assert fake_github.comments[report.node_id].minimized_as == "RESOLVED"  # as every report


async def test_a_report_quoting_a_phone_number_redacts_it_and_is_carried_out(
        fake_github: FakeGitHub, service: Service):  # noqa: F811
    report, plan = await quote_report(fake_github, service, DOXX, "doxxer", "doxxing")

    assert plan.verdict is not None and plan.verdict.label is Label.PII
    left = fake_github.comments.get(report.node_id)
    assert left is None or (PHONE not in left.body and "/coc report doxxing" in left.body)
    [kept] = reviews_of(plan.actions, "reporter")
    assert "not in breach" in kept.reason and PHONE in kept.original_text  # ledger only


async def test_a_warning_quoting_a_lure_stays_up(fake_github: FakeGitHub,
                                                 service: Service):  # noqa: F811
    lure = issue_event(fake_github, AIRDROP, login="lurer")
    warning = reply_to(fake_github, lure, "Do not connect your wallet, this is a scam:\n\n"
                       + quoted(AIRDROP), "helpful")

    outcome = await service.handle_event(warning)

    assert outcome.done == ("skip",)
    assert fake_github.comments[warning.node_id].minimized_as is None


async def test_abuse_outside_the_quote_is_acted_on(fake_github: FakeGitHub,
                                                   service: Service):  # noqa: F811
    spam = issue_event(fake_github, PITCH, login="spammer")
    rude = reply_to(fake_github, spam, quoted(PITCH) + "\n\n/coc report " + INSULT, "rude")

    outcome = await service.handle_event(rude)

    assert fake_github.comments[rude.node_id].minimized_as == "ABUSE"
    assert "record_incident" in outcome.done
    assert outcome.plan is not None and any("not carried out" in r
                                            for r in outcome.plan.reasons)
