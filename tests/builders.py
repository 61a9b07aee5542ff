"""Small builders for model objects used by pure tests (no I/O)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from governance.config.defaults import fill, schema
from governance.config.types import Config
from governance.model import (
    Actor,
    ActorType,
    Association,
    Category,
    ContentEvent,
    Label,
    Repository,
    RuleHit,
    Surface,
    Verdict,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def config(**sections: Any) -> Config:
    """Defaults from the schema with the given top-level sections merged in (one level deep)."""
    data = fill(schema(), {})
    for key, value in sections.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    return Config.from_mapping(fill(schema(), data))


def event(body: str = "hello", *, surface: Surface = Surface.ISSUE_COMMENT,
          association: Association = Association.NONE, login: str = "someone",
          owner_type: ActorType = ActorType.ORGANIZATION, **kw: Any) -> ContentEvent:
    base = ContentEvent(
        event_name="issue_comment", action="created", surface=surface,
        repo=Repository("acme", "widgets", owner_type),
        number=7, author=Actor(login, ActorType.USER, 1, association), body=body,
        html_url="https://github.com/acme/widgets/issues/7#issuecomment-1",
        node_id="IC_node1", rest_id=1, thread_node_id="I_node7",
    )
    return replace(base, **kw)


def verdict(category: Category, score: float, *, rule: str = "test.rule", severity: int = 1,
            evidence: tuple[tuple[int, int], ...] = ((0, 5),)) -> Verdict:
    hit = RuleHit(rule, category, score, evidence, severity=severity)
    label = category.label if score >= 0.5 else Label.OK
    return Verdict(label, score, (hit,))
