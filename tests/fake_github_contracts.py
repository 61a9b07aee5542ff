"""GitHub's contracts for the fake GitHub: the REST description and the GraphQL schema.

Also the helpers that turn openapi-core's exceptions into short, readable violations, and
the list of places where GitHub's description is stricter than GitHub itself.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import GraphQLSchema, build_schema
from openapi_core import OpenAPI
from openapi_schema_validator import OAS30Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_HOST = "https://api.github.com"  # the server URL the OpenAPI description declares
JSON_TYPE = "application/json; charset=utf-8"
DOCS = "https://docs.github.com/rest"
# Places where GitHub's description is stricter than GitHub itself, so a faithful answer
# would fail: a oneOf whose branches overlap (the contents 409 body is both a basic-error and
# a repository-rule-violation-error) and nullable enums without null in the enum
# (``state_reason: null`` on every open issue).
# Paths the bot needs that the trimmed description leaves out, taken (with every component
# they use) from GitHub's complete description beside it. Keep short; tell the lead, so the
# trimmed selection can grow instead.
EXTRA_PATHS = ("/app-manifests/{code}/conversions",
               "/orgs/{org}/teams/{team_slug}/memberships/{username}",
               "/installation/repositories",
               "/orgs/{org}/memberships/{username}")
_DESCRIPTION_QUIRKS = ("is valid under each of", "None is not one of")


# ----------------------------------------------------------------------------- contracts


@dataclass(frozen=True)
class Contracts:
    """GitHub's REST description and GraphQL schema, built once per test session."""

    spec: dict[str, Any]
    openapi: OpenAPI
    schema: GraphQLSchema
    registry: Registry[Any]
    templates: tuple[tuple[re.Pattern[str], str], ...]

    @classmethod
    def load(cls, github_dir: Path) -> Contracts:
        spec = json.loads((github_dir / "rest/api.github.com.trimmed.json").read_text())
        full = github_dir / "rest/api.github.com.json"
        if full.is_file():
            spec = _with_paths(spec, json.loads(full.read_text()), EXTRA_PATHS)
        _close_request_bodies(spec)
        sdl = (github_dir / "graphql/schema.graphql").read_text()
        # assume_valid*: the upstream SDL has harmless defects graphql-core refuses (README).
        schema = build_schema(sdl, assume_valid=True, assume_valid_sdl=True)
        registry = Registry().with_resource("urn:rest", DRAFT202012.create_resource(spec))
        return cls(spec, OpenAPI.from_dict(copy.deepcopy(spec)), schema, registry,
                   _path_templates(spec))

    def body_errors(self, method: str, path: str, status: int, body: Any) -> list[str] | None:
        """A second opinion on an answer body, by plain JSON Schema validation.

        openapi-core rejects some valid bodies (an ``anyOf`` beside ``nullable``, the contents
        discriminator on a directory listing). None: no JSON body is described here.
        """
        pointer = self._body_pointer(method.lower(), path, status)
        if pointer is None:
            return None
        schema = self.registry.resolver().lookup("urn:rest" + pointer).contents
        if "discriminator" in schema and self._one_branch_fits(schema["oneOf"], body):
            return []  # validators misread a discriminator on an array (a directory listing)
        return self._errors({"$ref": "urn:rest" + pointer}, body)

    def _one_branch_fits(self, branches: list[dict[str, Any]], body: Any) -> bool:
        fitting = [b for b in branches
                   if not self._errors({"$ref": "urn:rest" + b["$ref"]}, body)]
        return len(fitting) == 1

    def _errors(self, schema: dict[str, Any], body: Any) -> list[str]:
        validator = OAS30Validator(schema, registry=self.registry)
        return [_describe(e) for e in validator.iter_errors(body) if not _is_quirk(e.message)]

    def _body_pointer(self, method: str, path: str, status: int) -> str | None:
        template = next((t for pattern, t in self.templates if pattern.fullmatch(path)), None)
        operation = self.spec["paths"].get(template, {}).get(method, {})
        response = operation.get("responses", {}).get(str(status))
        if response is None:
            return None
        pointer = f"#/paths/{_escape(template or '')}/{method}/responses/{status}"
        if "$ref" in response:
            pointer = response["$ref"]
            response = self.spec["components"]["responses"][pointer.rsplit("/", 1)[-1]]
        if "application/json" not in response.get("content", {}):
            return None
        return pointer + "/content/application~1json/schema"

    def example(self, name: str) -> Any:
        """A fresh copy of one of GitHub's example bodies, the skeleton of our answers."""
        return copy.deepcopy(self.spec["components"]["examples"][name]["value"])



def _with_paths(trimmed: dict[str, Any], full: dict[str, Any], paths: tuple[str, ...]
                ) -> dict[str, Any]:
    """The trimmed description plus ``paths`` and the components they reach."""
    spec = copy.deepcopy(trimmed)
    todo: list[Any] = []
    for path in paths:
        spec["paths"][path] = full["paths"][path]
        todo.append(full["paths"][path])
    while todo:
        for ref in _refs(todo.pop()):
            _, _, kind, name = ref.split("/", 3)
            known = spec["components"].setdefault(kind, {})
            if name not in known:
                known[name] = full["components"][kind][name]
                todo.append(known[name])
    return spec


def _close_request_bodies(spec: dict[str, Any]) -> None:
    """Refuse request fields GitHub does not describe (``expires`` for ``expiry``).

    GitHub's description leaves request objects open, so a misspelt optional field would
    pass and the fake would quietly use a default. Plain object schemas of request bodies
    get ``additionalProperties: false``; compositions (allOf/anyOf/oneOf) are left as they
    are, since closing one branch would refuse the fields of the others.
    """
    for operations in spec["paths"].values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            content = operation.get("requestBody", {}).get("content", {})
            for media in content.values():
                _close_object(spec, media.get("schema"))


def _close_object(spec: dict[str, Any], schema: Any) -> None:
    if not isinstance(schema, dict):
        return
    if "$ref" in schema:
        _, _, kind, name = schema["$ref"].split("/", 3)
        _close_object(spec, spec["components"][kind][name])
        return
    if any(k in schema for k in ("allOf", "anyOf", "oneOf")):
        return
    properties = schema.get("properties")
    if schema.get("type") == "object" and isinstance(properties, dict):
        schema.setdefault("additionalProperties", False)
        for child in properties.values():
            _close_object(spec, child)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _path_templates(spec: dict[str, Any]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Regexes for the description's paths, most literal first (``/issues/comments`` before
    ``/issues/{issue_number}``); a ``{path}`` parameter spans segments, as GitHub's does."""
    def regex(template: str) -> re.Pattern[str]:
        parts = re.split(r"(\{[^}]+\})", template)
        return re.compile("".join(
            (".*" if p == "{path}" else "[^/]+") if p.startswith("{") else re.escape(p)
            for p in parts))
    ordered = sorted(spec["paths"], key=lambda t: len(re.sub(r"\{[^}]+\}", "", t)), reverse=True)
    return tuple((regex(t), t) for t in ordered)


def _escape(template: str) -> str:
    return template.replace("~", "~0").replace("/", "~1")


def _is_quirk(message: str) -> bool:
    return any(q in message for q in _DESCRIPTION_QUIRKS)


def _describe(error: Any) -> str:
    return f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: …{error.message[-160:]}"


def _schema_errors(exc: BaseException) -> list[Any]:
    seen: BaseException | None = exc
    while seen is not None:
        errors = getattr(seen, "schema_errors", None)
        if errors:
            return list(errors)
        seen = seen.__cause__
    return []


def _headline(exc: BaseException) -> str:
    """The exception's own words, without the offending value openapi-core dumps after them."""
    return f"{type(exc).__name__}: " + short(re.split(r":? Value ", str(exc), maxsplit=1)[0], 120)


def why(exc: BaseException) -> str:
    return "; ".join([_headline(exc), *map(_describe, _schema_errors(exc))])


def real_problems(exc: BaseException) -> list[str]:
    """The response problems that are not known quirks of GitHub's description."""
    errors = _schema_errors(exc)
    if not errors:
        return [] if _is_quirk(str(exc)) else [why(exc)]
    return [_describe(e) for e in errors if not _is_quirk(e.message)]


def dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def short(why: object, limit: int = 400) -> str:
    text = " ".join(str(why).split())
    return text if len(text) <= limit else text[:limit] + "…"

