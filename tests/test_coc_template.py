"""The code-of-conduct template stays in step with the config vocabulary and defaults."""

from __future__ import annotations

import re

import pytest

from governance.config import defaults
from governance.config.types import STEP_NAMES
from governance.model import Category
from governance.scaffold import COC_SECTIONS, coc_template, render_code_of_conduct


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, dashes."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return "#" + text.replace(" ", "-")


def headings(markdown: str) -> dict[str, str]:
    """Anchor -> heading text of every ATX heading."""
    found = re.findall(r"^#{1,6} +(.+?) *$", markdown, flags=re.MULTILINE)
    return {github_slug(h): h for h in found}


def section(markdown: str, anchor: str) -> str:
    """The text under one heading, up to the next heading of any level."""
    parts = re.split(r"^(#{1,6} +.+)$", markdown, flags=re.MULTILINE)
    for index in range(1, len(parts), 2):
        if github_slug(parts[index].lstrip("#")) == anchor:
            return parts[index + 1]
    raise AssertionError(f"no section {anchor}")


TEMPLATE = coc_template()
ANCHORS = headings(TEMPLATE)
LADDER = defaults.schema()["properties"]["ladder"]["properties"]


def test_headings_have_unique_anchors() -> None:
    found = re.findall(r"^#{1,6} +(.+?) *$", TEMPLATE, flags=re.MULTILINE)
    assert len(found) == len(ANCHORS)


def test_every_linked_section_exists() -> None:
    missing = {name: a for name, a in COC_SECTIONS.items() if a not in ANCHORS}
    assert missing == {}


@pytest.mark.parametrize(
    "category",
    list(defaults.schema()["properties"]["moderation"]["properties"]["rules"]["properties"]),
)
def test_every_rule_category_has_a_section(category: str) -> None:
    assert COC_SECTIONS[category] in ANCHORS


def test_schema_categories_are_the_model_categories() -> None:
    rules = defaults.schema()["properties"]["moderation"]["properties"]["rules"]["properties"]
    assert set(rules) == {c.value for c in Category}


@pytest.mark.parametrize("step", LADDER["max_automatic_step"]["enum"])
def test_every_ladder_step_has_a_section(step: str) -> None:
    assert step in STEP_NAMES
    assert COC_SECTIONS[step] == f"#{step}" and COC_SECTIONS[step] in ANCHORS


def test_ladder_steps_are_in_ladder_order() -> None:
    text = TEMPLATE.split("## Enforcement ladder")[1]
    positions = [text.index(f"### {step.replace('-', ' ').capitalize()}") for step in STEP_NAMES]
    assert positions == sorted(positions)


def test_template_numbers_match_the_schema_defaults() -> None:
    ladder = TEMPLATE.split("## Enforcement ladder")[1].split("## Appeals")[0]
    assert f"{LADDER['window_days']['default']} days" in section(TEMPLATE, "#enforcement-ladder")
    assert f"{LADDER['temporary_ban_days']['default']} days" in section(TEMPLATE, "#temporary-ban")
    assert LADDER["severe_start"]["default"] == "temporary-ban"
    assert "third step, temporary ban" in " ".join(ladder.split())


def test_report_section_names_the_command() -> None:
    assert "`/coc report`" in section(TEMPLATE, "#how-to-report")


def test_only_the_three_placeholders() -> None:
    assert set(re.findall(r"\{\{(\w+)\}\}", TEMPLATE)) == {"project", "contact", "moderators"}
    for anchor in ANCHORS:
        assert "{{" not in anchor  # headings must not change with the project


def test_rendering_fills_every_placeholder() -> None:
    text = render_code_of_conduct("Acme", "conduct@acme.example", "@acme/moderators")
    assert "{{" not in text and "}}" not in text
    assert text.startswith("# Code of conduct for Acme\n")
    assert "conduct@acme.example" in section(text, "#how-to-report")
    assert "@acme/moderators" in text


def test_empty_contact_leaves_a_visible_stand_in() -> None:
    text = render_code_of_conduct("Acme")
    assert "[add a private contact address here]" in text
    assert "the project's maintainers" in text
