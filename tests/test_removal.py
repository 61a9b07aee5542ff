"""Personal data and secrets really go away: deleted comments, redacted bodies with a review
item for the edit history, and the author's private notice (pure decisions, then the whole
path through the executor, the real adapter and the fake GitHub's REST and GraphQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from governance import messages
from governance.model import (
    Category,
    DeleteComment,
    HideComment,
    Notify,
    PersonRecord,
    PostComment,
    RecordIncident,
    RecordReview,
    Redact,
    RuleHit,
    Surface,
    Verdict,
)
from governance.policy.moderation import moderate
from tests.builders import NOW, config, event
from tests.fake_github_state import CommentKind
from tests.ledger_world import LEDGER, REPO, World, world_fixture  # noqa: F401  (fixture)

PHONE = "+49 170 1234567"
TOKEN = "ghp_" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"
BODY = f"Call her at {PHONE} if the build breaks again."
LEDGER_CONFIG = config(ledger={"repository": "acme/coc-ledger"})


def pii_verdict(body: str, secret: str = PHONE, rule: str = "pii.phone_number") -> Verdict:
    start = body.index(secret)
    hit = RuleHit(rule, Category.PII, 0.99, ((start, start + len(secret)),), severity=2)
    return Verdict(Category.PII.label, 0.99, (hit,))


def plan_for(body: str = BODY, cfg=LEDGER_CONFIG, found: Verdict | None = None, **kw):
    content = event(body, login="leaker", **kw)
    return moderate(content, found or pii_verdict(body), cfg, PersonRecord("leaker"), NOW)


def kinds(plan) -> list[type]:
    return [type(a) for a in plan.actions]


def notice(plan) -> Notify:
    (found,) = [a for a in plan.actions if isinstance(a, Notify)]
    return found


# ------------------------------------------------------------------------------- pure


@pytest.mark.parametrize("surface", [Surface.ISSUE_COMMENT, Surface.REVIEW_COMMENT,
                                     Surface.DISCUSSION_COMMENT])
def test_a_comment_with_personal_data_is_deleted_after_the_ledger_keeps_it(surface):
    plan = plan_for(surface=surface)
    assert Redact not in kinds(plan) and HideComment not in kinds(plan)
    assert PostComment not in kinds(plan)  # nothing public repeats it
    record = kinds(plan).index(RecordIncident)
    assert kinds(plan)[record + 1] is DeleteComment  # right after the original is kept
    (incident,) = [a for a in plan.actions if isinstance(a, RecordIncident)]
    assert incident.original_text == BODY
    assert any("delete" in taken for taken in incident.actions_taken)


def test_a_hidden_comment_stays_readable_so_pii_under_hide_deletes_it_too():
    cfg = config(ledger={"repository": "acme/coc-ledger"},
                 moderation={"rules": {"pii": {"action": "hide", "notice": True}}})
    plan = plan_for(cfg=cfg)
    assert DeleteComment in kinds(plan) and HideComment not in kinds(plan)
    assert PostComment not in kinds(plan)  # no note about a hidden comment that is gone


def test_a_deleted_comment_gets_no_public_note_even_with_correction_notes_on():
    cfg = config(ledger={"repository": "acme/coc-ledger"},
                 ladder={"correction_public_note": True})
    assert PostComment not in kinds(plan_for(cfg=cfg))


def test_the_notice_gives_the_author_their_text_without_the_data():
    sent = notice(plan_for())
    assert sent.removed == "deleted" and not sent.secret
    assert sent.removed_text == "Call her at [removed] if the build breaks again."
    _, body = messages.render_notice(sent)
    assert PHONE not in body and "> Call her at [removed] if the build breaks again." in body
    assert "edit history" in body


def test_a_posted_secret_is_deleted_and_the_notice_says_revoke_it_now():
    body = f"my token is {TOKEN} please help"
    sent = notice(plan_for(body, found=pii_verdict(body, TOKEN, "pii.secret.github_token")))
    assert sent.secret and TOKEN not in sent.removed_text
    _, text = messages.render_notice(sent)
    assert "Revoke it now" in text and "compromised" in text and TOKEN not in text


def test_redact_mode_redacts_and_asks_a_maintainer_to_delete_the_revision():
    cfg = config(ledger={"repository": "acme/coc-ledger"},
                 moderation={"pii_comment_action": "redact"})
    plan = plan_for(cfg=cfg)
    assert Redact in kinds(plan) and DeleteComment not in kinds(plan)
    (review,) = [a for a in plan.actions if isinstance(a, RecordReview)]
    assert review.key.startswith("history:") and "Delete revision from history" in review.reason
    assert '"edited"' in review.reason and "GitHub Support" in review.reason
    assert notice(plan).removed == "redacted" and notice(plan).removed_text == ""


@pytest.mark.parametrize(("surface", "node"), [(Surface.ISSUE, "I_1"), (Surface.REVIEW, "PRR_1"),
                                               (Surface.DISCUSSION, "D_1")])
def test_bodies_and_reviews_cannot_be_deleted_so_they_are_redacted_with_the_review_item(
        surface, node):
    cfg = config(ledger={"repository": "acme/coc-ledger"}, moderation={"body_action": "redact"})
    plan = plan_for(cfg=cfg, surface=surface, node_id=node)
    assert Redact in kinds(plan) and DeleteComment not in kinds(plan)
    assert any(isinstance(a, RecordReview) and "Delete revision from history" in a.reason
               for a in plan.actions)


def test_without_the_ladder_a_review_item_keeps_the_original_before_the_deletion():
    cfg = config(ledger={"repository": "acme/coc-ledger"}, ladder={"enabled": False})
    plan = plan_for(cfg=cfg)
    assert kinds(plan) == [RecordReview, DeleteComment, Notify]
    review = plan.actions[0]
    assert isinstance(review, RecordReview) and review.original_text == BODY
    assert notice(plan).template == "removed" and notice(plan).removed == "deleted"
    subject, _ = messages.render_notice(notice(plan))
    assert subject == "Your post in acme/widgets was removed"


def test_without_a_ledger_nothing_could_keep_the_original_so_it_is_redacted():
    plan = plan_for(cfg=config())
    assert Redact in kinds(plan) and DeleteComment not in kinds(plan)


def test_a_redelivery_of_a_recorded_comment_still_deletes_it():
    content = event(BODY, login="leaker")
    first = moderate(content, pii_verdict(BODY), LEDGER_CONFIG, PersonRecord("leaker"), NOW)
    (incident,) = [a.incident for a in first.actions if isinstance(a, RecordIncident)]
    known = PersonRecord("leaker", (incident,), revision=1)
    again = moderate(content, pii_verdict(BODY), LEDGER_CONFIG, known, NOW)
    assert DeleteComment in kinds(again) and RecordReview not in kinds(again)


# --------------------------------------------------------------- through the fake GitHub


async def carry_out(world: World, content, body: str) -> None:
    plan = moderate(content, pii_verdict(body), world.config,
                    await world.ledger.record_for(content.author.login), world.clock.now())
    await world.service.execute(replace(plan, dry_run=False), world.config)


SURFACES = {CommentKind.ISSUE: Surface.ISSUE_COMMENT,
            CommentKind.REVIEW_COMMENT: Surface.REVIEW_COMMENT,
            CommentKind.DISCUSSION: Surface.DISCUSSION_COMMENT}


def posted(world: World, kind: CommentKind):
    """The comment on the fake GitHub, and its webhook as a model event."""
    content = world.post(BODY, "leaker")
    if kind is CommentKind.ISSUE:
        return content
    world.fake.comments.pop(content.node_id)
    if kind is CommentKind.DISCUSSION:
        number = world.fake.add_discussion(REPO, title="Help", author="reporter").number
        comment = world.fake.add_discussion_comment(REPO, number, BODY, author="leaker")
    else:
        number = world.fake.add_pull_request(REPO, title="Fix", author="reporter").number
        comment = world.fake.add_review_comment(REPO, number, BODY, author="leaker")
    return replace(content, surface=SURFACES[kind], node_id=comment.node_id,
                   rest_id=comment.id, number=number)


@pytest.mark.parametrize("kind", list(SURFACES), ids=lambda k: k.value)
async def test_each_kind_of_comment_is_deleted_on_github_and_kept_in_the_ledger(
        world: World, kind: CommentKind):
    content = posted(world, kind)
    await carry_out(world, content, BODY)

    assert content.node_id not in world.fake.comments
    assert content.node_id in world.fake.deleted_comments
    ledger_text = "".join(f.text for f in world.fake.repo(LEDGER).files.values())
    assert PHONE in ledger_text  # the original, only in the private ledger
    public = [c.body for c in world.fake.comments.values() if c.repo == REPO]
    assert not any(PHONE in b for b in public)


async def test_a_comment_edited_since_it_was_checked_is_left_to_its_edit_event(world: World):
    content = world.post(BODY, "leaker")
    world.fake.comments[content.node_id].body = "edited: nothing private here any more"
    await carry_out(world, content, BODY)
    assert content.node_id in world.fake.comments


async def test_deleting_again_after_a_lost_answer_is_done(world: World):
    content = world.post(BODY, "leaker")
    await carry_out(world, content, BODY)
    target = next(a for a in moderate(content, pii_verdict(BODY), world.config,
                                      PersonRecord("leaker"), world.clock.now()).actions
                  if isinstance(a, DeleteComment))
    # gone already: nothing to do, no error
    await world.service.executor(world.config).dispatch(target)
    assert content.node_id in world.fake.deleted_comments
