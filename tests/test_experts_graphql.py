"""Every GraphQL document of the expert programme validates against GitHub's public schema."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from governance.adapters import github_activity
from tests.fake_github import Contracts

NAMED = {name: value for name, value in vars(github_activity).items()
         if name.isupper() and not name.startswith("_") and isinstance(value, str) and "{" in value}


def test_every_document_is_listed() -> None:
    assert set(NAMED.values()) == set(github_activity.QUERIES)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_document_validates_against_the_schema(name: str, github_contracts: Contracts) -> None:
    errors = validate(github_contracts.schema, parse(NAMED[name]))
    assert errors == [], [e.message for e in errors]


def test_a_wrong_field_would_be_caught(github_contracts: Contracts) -> None:
    broken = github_activity.DISCUSSIONS.replace("isAnswer", "isAccepted")
    assert validate(github_contracts.schema, parse(broken))
