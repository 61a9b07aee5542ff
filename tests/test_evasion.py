"""Ban evasion is report-only and needs a first-time account resembling an active ban."""

from datetime import timedelta

from governance.model import Association, RecordReview
from governance.policy.evasion import BannedPerson, evasion_review, similar_login
from governance.policy.waves import fingerprint
from tests.builders import NOW, event

TEXT = "Cheap followers and stars for your repository, message me on telegram for the price list"
BANNED = BannedPerson("starseller", (fingerprint(TEXT),), NOW + timedelta(days=3))


def test_new_account_with_the_banned_text_opens_a_review_item():
    ev = event(TEXT.replace("Cheap", "Cheapest"), login="fresh-account")
    review = evasion_review(ev, fingerprint(ev.body), [BANNED], NOW)
    assert isinstance(review, RecordReview) and "@starseller" in review.reason
    assert not review.public


def test_look_alike_login_is_enough_but_the_banned_person_themself_is_not_matched():
    ev = event("hello there", login="starse11er")
    assert evasion_review(ev, fingerprint(ev.body), [BANNED], NOW) is not None
    same = event(TEXT, login="StarSeller")
    assert evasion_review(same, fingerprint(TEXT), [BANNED], NOW) is None


def test_established_authors_and_expired_bans_are_not_reported():
    member = event(TEXT, association=Association.CONTRIBUTOR, login="other")
    assert evasion_review(member, fingerprint(TEXT), [BANNED], NOW) is None
    expired = BannedPerson("starseller", BANNED.fingerprints, NOW - timedelta(days=1))
    assert evasion_review(event(TEXT, login="other"), fingerprint(TEXT), [expired], NOW) is None


def test_login_similarity_needs_real_names():
    assert similar_login("octocat", "octocats")
    assert not similar_login("bob", "rob")
    assert not similar_login("octocat", "someone")
