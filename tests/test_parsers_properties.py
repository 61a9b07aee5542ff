"""Property tests: the event parser and the config loader only raise their documented errors.

Random and adversarial input (issue 11, "robustness as a habit"): a webhook payload of any
JSON shape gives a parsed event, ``None`` (ignored) or ``EventError``; any YAML text gives a
config or ``ConfigError``, never another exception.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from governance.config.load import ConfigError, load_config, load_config_text
from governance.config.types import Config
from governance.events import EventError, parse_event
from governance.model import ContentEvent, MergedPullRequest

EVENTS = ["issue_comment", "issues", "pull_request", "pull_request_review",
          "pull_request_review_comment", "discussion", "discussion_comment", "push", "ping",
          "installation", "unknown"]
KEYS = ["action", "comment", "issue", "pull_request", "discussion", "review", "repository",
        "sender", "installation", "body", "title", "user", "login", "id", "node_id",
        "author_association", "type", "full_name", "name", "owner", "private", "merged",
        "changes", "from", "created_at", "updated_at", "html_url", "number", "state"]
ACTIONS = ["created", "edited", "deleted", "opened", "closed", "submitted", "reopened", "x"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=20), st.sampled_from(ACTIONS))
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner,
                                            max_size=6)),
    max_leaves=40,
)


def event_like() -> st.SearchStrategy[dict[str, object]]:
    """Payloads close to real ones: the right top-level keys, anything below them."""
    return st.fixed_dictionaries(
        {"action": st.sampled_from(ACTIONS) | SCALARS},
        optional={key: JSON for key in ["comment", "issue", "pull_request", "discussion",
                                        "review", "repository", "sender", "installation",
                                        "changes"]},
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EVENTS), st.one_of(event_like(), JSON))
def test_event_parser_raises_only_event_error(name, payload):
    payload = json.loads(json.dumps(payload))  # what a JSON body decodes to
    try:
        parsed = parse_event(name, payload)
    except EventError as exc:
        assert str(exc).startswith(name)  # says which event and where
    else:
        assert parsed is None or isinstance(parsed, (ContentEvent, MergedPullRequest))


YAML_PIECES = st.sampled_from([
    "moderation:", "  enabled: true", "  surfaces: [comments]", "detection:", "  allow:",
    "    words: [a, b]", "    patterns: ['(a']", "ladder:", "- ", "&a [x, x]", "*a", "*b",
    "!!python/object:os.system", "!!binary AAA", "? ", ": ", "'", '"', "{", "}", "[", "]",
    "\t", "  ", "\n", "%YAML 1.2", "---", "...", "#", "<<: *a", "2001-02-30", "1e999",
    "0x1F", ".inf", "~", "null", "yes", "\ufeff", "\x00", "\ud800", "key: value",
])
YAML_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(YAML_PIECES, st.text(max_size=6)), max_size=30).map("\n".join),
    st.lists(st.one_of(YAML_PIECES, st.text(max_size=6)), max_size=30).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_TEXT)
@example("0000-00-00")  # valid YAML dates Python cannot hold raised ValueError
@example("moderation:\n  since: 2001-02-30")
@example("? : &0[]")  # a list as a mapping key raised TypeError
def test_config_loader_raises_only_config_error(text):
    try:
        load_config_text(text, ".github/governance.yml")
    except ConfigError as exc:
        assert exc.errors and all(e.startswith(".github/governance.yml:") for e in exc.errors)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_TEXT, YAML_TEXT)
def test_effective_config_raises_only_config_error(repo_text, org_text):
    try:
        config = load_config(repo_text, org_text)
    except ConfigError as exc:
        assert exc.errors
    else:
        assert isinstance(config, Config)
