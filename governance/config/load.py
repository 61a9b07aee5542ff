"""Load `.github/governance.yml`: parse, validate, merge org defaults, fill schema defaults.

Every problem in a file is reported at once, each as ``filename:LINE:COL: message`` with
1-based positions pointing at the offending key or value, so one run of
``governance config validate`` shows everything to fix.

User regular expressions (``format: regex`` in the schema, e.g. ``moderation.allow.patterns``)
are compiled with RE2. RE2 matches in time linear in the input size, so even a pattern such
as ``(a+)+$`` cannot stall the check of a 100 kB comment; the price is that backreferences and
lookaround are not available, and a pattern using them is a configuration error.

Org defaults: a repository's file is merged over its organisation's
``<org>/.github/governance.yml`` by ``merge`` (mappings key by key, lists and scalars from the
repository replace the organisation's).

``load_config`` remembers its last results keyed by a digest of the file texts (and names):
the App reads the same unchanged files for every delivery (a free 304 thanks to the ETag
cache), and parsing YAML and running the JSON Schema again each time cost more CPU than the
rest of a benign delivery together. The result is a frozen ``Config``, so sharing it is safe.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import re2
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, ComposerError, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.scalarbool import ScalarBoolean

from governance.config import defaults
from governance.config.types import Config
from governance.model import line_and_column

__all__ = [
    "ConfigError",
    "compile_pattern",
    "load_config",
    "load_config_text",
    "merge",
    "validate_file",
]

REPO_CONFIG = ".github/governance.yml"
ORG_CONFIG = "<org>/.github/governance.yml"


class ConfigError(ValueError):
    """One or more problems in configuration files, each ``file:line:col: message``."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = list(errors)


# --------------------------------------------------------------------------- RE2


def _re2_options() -> Any:
    options = re2.Options()
    options.log_errors = False  # errors are reported as config errors, not on stderr
    return options


def compile_pattern(pattern: str) -> Any:
    """Compile a user pattern with RE2 (linear-time matching); raises ``re2.error``."""
    return re2.compile(pattern, options=_re2_options())


def _re2_problem(pattern: object) -> str | None:
    if not isinstance(pattern, str):
        return None  # the type check reports this
    try:
        compile_pattern(pattern)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else exc
        text = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
        return f"not a valid RE2 pattern ({text}); backreferences and lookaround are unsupported"
    return None


class _Re2FormatError(Exception):
    pass


def _is_re2(instance: object) -> bool:
    problem = _re2_problem(instance)
    if problem:
        raise _Re2FormatError(problem)
    return True


def _format_checker() -> FormatChecker:
    """Only ``regex`` is checked, and with RE2: Python's ``re`` accepts what RE2 rejects."""
    checker = FormatChecker(formats=())
    checker.checks("regex", raises=_Re2FormatError)(_is_re2)
    return checker


# -------------------------------------------------------------------- positions


def _position(root: Any, path: list[Any], *, at_key: bool = False) -> tuple[int, int]:
    """1-based line/column of the value at ``path`` (or of its key) in a round-trip tree."""
    node: Any = root
    where = (0, 0)
    for index, step in enumerate(path):
        last = index == len(path) - 1
        try:
            lc = node.lc  # ruamel's line/column record of this container
            if isinstance(node, Mapping):
                where = lc.key(step) if (last and at_key) else lc.value(step)
            else:
                where = lc.item(step)
            node = node[step]
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return where[0] + 1, where[1] + 1


def _dotted(path: list[Any]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top level)"


# ------------------------------------------------------------------- validation


def _schema_errors(root: Any, plain: Any, filename: str) -> Iterator[tuple[int, int, str]]:
    validator = Draft202012Validator(defaults.schema(), format_checker=_format_checker())
    for error in validator.iter_errors(plain):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":
            yield from _unknown_keys(root, path, error)
        else:
            line, col = _position(root, path)
            yield line, col, f"{_dotted(path)}: {_message(error)}"


def _message(error: ValidationError) -> str:
    if error.validator == "format" and error.cause is not None:
        return f"{error.instance!r} is {error.cause}"
    return str(error.message)


def _unknown_keys(
    root: Any, path: list[Any], error: ValidationError
) -> Iterator[tuple[int, int, str]]:
    allowed = list(error.schema.get("properties", {}))
    instance = error.instance if isinstance(error.instance, Mapping) else {}
    for key in instance:
        if key in allowed:
            continue
        line, col = _position(root, [*path, key], at_key=True)
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
        yield line, col, f"{_dotted([*path, key])}: unknown key '{key}' ({hint})"


def _plain(node: Any) -> Any:
    """ruamel's commented containers and scalar subclasses as plain JSON-like values."""
    if isinstance(node, Mapping):
        return {str(k) if not isinstance(k, str) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, ScalarBoolean):  # an anchored boolean: an int subclass in ruamel
        return bool(node)
    for kind in (bool, int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node


# ----------------------------------------------------------------- hostile files

MAX_CONFIG_BYTES = 64 * 1024  # a full config is a few kB; YAML parses at ~5 us a byte
MAX_ALIAS_VALUES = 1_000  # values that aliases may add in all (nested aliases multiply)
MAX_DEPTH = 32  # nesting of mappings and lists; the schema needs 5


def _too_big(text: str, filename: str) -> ConfigError | None:
    if len(text) * 4 <= MAX_CONFIG_BYTES:  # no need to encode a text that must fit
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return ConfigError([_too_big_message(filename, size)]) if size > MAX_CONFIG_BYTES else None


# Brackets opened and not yet closed, counted on the raw text (quotes and comments are not
# told apart, so the bound is far above any real file's): ruamel's scanner spends time
# quadratic in the open flow levels (up to a second for 5,000) before the depth check.
_FLOW_BRACKET = re.compile(r"[\[\]{}]")
MAX_OPEN_BRACKETS = 256


def _too_deep(text: str, filename: str) -> ConfigError | None:
    depth = 0
    for bracket in _FLOW_BRACKET.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_OPEN_BRACKETS:
            line, column = line_and_column(text.encode("utf-8", "surrogatepass"),
                                           len(text[:bracket.start()].encode("utf-8",
                                                                            "surrogatepass")))
            return ConfigError([f"{filename}:{line}:{column}: values nested deeper than "
                                f"{MAX_DEPTH} levels"])
    return None


def _too_big_message(filename: str, size: int) -> str:
    return (f"{filename}:1:1: the file is {size} bytes; a governance config may be at most "
            f"{MAX_CONFIG_BYTES // 1024} kB")


class _Refused(ComposerError):
    """A file refused for its shape (aliases), not for its syntax."""


class _BoundedComposer(Composer):
    """ruamel's composer, counting what aliases expand to.

    An alias is one node shared, but everything after the parser (plain values, schema
    checks, defaults) walks it once per use: nine aliases of nine aliases of ... make a
    300-byte "billion laughs" file cost seconds and gigabytes. Each alias use adds the
    number of values below its anchor (counted once per node, linear in the file), and past
    ``MAX_ALIAS_VALUES`` the file is refused at the alias that crossed the bound.
    """

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader=loader)
        self._expanded = 0
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.parser.check_event(AliasEvent):
            return super().compose_node(parent, index)
        mark = self.parser.peek_event().start_mark
        node = super().compose_node(parent, index)
        self._expanded += self._size(node, mark, set())
        if self._expanded > MAX_ALIAS_VALUES:
            raise _Refused(None, None, f"aliases expand to more than {MAX_ALIAS_VALUES} "
                                "values; write the values out instead", mark)
        return node

    def _size(self, node: Any, mark: Any, open_nodes: set[int]) -> int:
        """Values at and below ``node`` as they will be walked; a node that contains
        itself (``&a [*a]``) is refused: nothing downstream could walk it."""
        key = id(node)
        if key in self._sizes:
            return self._sizes[key]
        if key in open_nodes:
            raise _Refused(None, None, "an alias refers to a value that contains it",
                                mark)
        open_nodes.add(key)
        children: list[Any] = []
        if isinstance(node.value, list):
            for item in node.value:
                children.extend(item if isinstance(item, tuple) else (item,))
        size = 1 + sum(self._size(child, mark, open_nodes) for child in children)
        open_nodes.discard(key)
        self._sizes[key] = size
        return size


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _BoundedComposer
    yaml.max_depth = MAX_DEPTH
    return yaml


def _parse(text: str, filename: str) -> Any:
    refused = _too_big(text, filename) or _too_deep(text, filename)
    if refused is not None:
        raise refused
    try:
        return _yaml().load(text)
    except (_Refused, MaxDepthExceededError) as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem if isinstance(exc, _Refused) else \
            f"values nested deeper than {MAX_DEPTH} levels"
        raise ConfigError([f"{filename}:{line}:{col}: {problem}"]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "YAML syntax error"
        raise ConfigError([f"{filename}:{line}:{col}: YAML syntax error: {problem}"]) from None
    except YAMLError as exc:
        first = str(exc).strip().splitlines() or ["YAML error"]
        raise ConfigError([f"{filename}:1:1: {first[0]}"]) from None
    except (ValueError, TypeError, RecursionError) as exc:  # valid YAML Python cannot hold
        # (0000-00-00; a list as a mapping key: ``? : &0[]`` raised TypeError, not this)
        raise ConfigError([f"{filename}:1:1: YAML value error: {exc}"]) from None


def load_config_text(text: str, filename: str) -> dict[str, Any]:
    """Parse and validate one config file; the (partial) mapping, or ``ConfigError``.

    Schema defaults are not filled in here, so org and repository files can still be merged.
    """
    root = _parse(text, filename)
    if root is None:
        return {}  # an empty file, or one with only comments
    if not isinstance(root, Mapping):
        raise ConfigError([f"{filename}:1:1: expected a mapping of settings at the top level"])
    plain = _plain(root)
    found = sorted(set(_schema_errors(root, plain, filename)))
    if found:
        raise ConfigError([f"{filename}:{line}:{col}: {message}" for line, col, message in found])
    result: dict[str, Any] = plain
    return result


# ------------------------------------------------------------------- merging


def merge(org: Mapping[str, Any], repo: Mapping[str, Any]) -> dict[str, Any]:
    """The repository's settings over the organisation's defaults.

    Mappings merge key by key, recursively; a list or a scalar from the repository
    replaces the organisation's value whole (lists are never concatenated, so a
    repository can always narrow, e.g., ``moderation.surfaces``).
    """
    out = dict(org)
    for key, value in repo.items():
        below = out.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            out[key] = merge(below, value)
        else:
            out[key] = value
    return out


class _Results:
    """The last ``capacity`` outcomes of ``load_config`` (a config or its errors), LRU."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[bytes, Config | ConfigError] = OrderedDict()
        self._lock = threading.Lock()  # the App loads configs in worker threads

    def get(self, key: bytes) -> Config | ConfigError | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: bytes, value: Config | ConfigError) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


# A few entries per active repository (its file and its org's); digests keep entries small.
RESULTS = _Results(capacity=512)


def _key(*parts: str | None) -> bytes:
    """A digest of the inputs; ``None`` (no file) differs from an empty file."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = b"\x00" if part is None else b"\x01" + part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.digest()


def load_config(
    repo_text: str | None,
    org_text: str | None,
    *,
    repo_name: str = REPO_CONFIG,
    org_name: str = ORG_CONFIG,
) -> Config:
    """The effective configuration: repository file over org file over schema defaults.

    ``None`` means the file does not exist. Problems in both files are raised together.
    The same texts give the same (shared, frozen) result without being parsed again.
    """
    key = _key(repo_text, org_text, repo_name, org_name)
    result = RESULTS.get(key)
    if result is None:
        try:
            result = _load(repo_text, org_text, repo_name, org_name)
        except ConfigError as exc:
            result = exc
        RESULTS.put(key, result)
    if isinstance(result, ConfigError):
        raise ConfigError(result.errors)
    return result


def _load(repo_text: str | None, org_text: str | None, repo_name: str, org_name: str
          ) -> Config:
    errors: list[str] = []
    org = _collect(org_text, org_name, errors)
    repo = _collect(repo_text, repo_name, errors)
    if errors:
        raise ConfigError(errors)
    return Config.from_mapping(defaults.fill(defaults.schema(), merge(org, repo)))


def _collect(text: str | None, filename: str, errors: list[str]) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        return load_config_text(text, filename)
    except ConfigError as exc:
        errors.extend(exc.errors)
        return {}


def validate_file(path: Path | str) -> list[str]:
    """Every problem in one config file (empty list: valid), for ``governance validate``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        return [f"{path}:1:1: cannot read: {exc.strerror}"]
    if size > MAX_CONFIG_BYTES:
        return [_too_big_message(str(path), size)]
    try:
        load_config_text(config_text(data, str(path)), str(path))
    except ConfigError as exc:
        return exc.errors
    return []


def config_text(data: bytes, filename: str) -> str:
    """A config file's bytes as text; ``ConfigError`` at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = line_and_column(data, exc.start)
        raise ConfigError([f"{filename}:{line}:{column}: not UTF-8 text (byte "
                           f"0x{data[exc.start]:02x}); save the file as UTF-8"]) from None
