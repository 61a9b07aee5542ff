"""The architecture as a table, checked on the source with ``ast`` (nothing is imported).

model <- policy <- service <- edges (app, action, cli): the sans-I/O core reads no
environment, clock or network; adapters implement the Protocols in ``governance/ports.py``
and are chosen in one place, ``governance/runtime.py``; nothing imports an edge.
Lazy imports inside functions and ``TYPE_CHECKING`` blocks count like any other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "governance"

# ------------------------------------------------------------------ the rules (one place)

# Every part of the package (``governance.<part>``) belongs to exactly one layer.
# (``scaffold`` writes the files of ``governance init``, but needs nothing above the core.)
CORE = ("governance", "model", "ports", "messages", "config", "detect", "policy", "decision",
        "events", "ledger", "rewards", "experts", "executor", "coc", "sweep", "deployment",
        "service", "scaffold", "data", "samples", "public", "scan")
ADAPTERS = ("adapters",)
WIRING = ("runtime", "maintainer", "scanning")  # builds backends from settings for the edges
EDGES = ("__main__", "cli", "app", "action", "settings")  # only these read the environment

ENTRY_POINTS = ("__main__", "cli", "app", "action")  # what nothing below them may import
NETWORK = ("aiohttp", "gidgethub", "aiosmtplib", "aiosmtpd", "smtplib", "socket", "ssl",
           "http.client", "urllib.request", "requests", "httpx")


def _in(*parts: str) -> tuple[str, ...]:
    return tuple("governance" if p == "governance" else f"governance.{p}" for p in parts)


@dataclass(frozen=True)
class Rule:
    covers: tuple[str, ...]  # parts of the package
    why: str
    # the governance parts (or single modules, "ledger.state") it may import besides itself
    only: tuple[str, ...] | None = None
    never: tuple[str, ...] = ()  # module prefixes it must not import (any package)


RULES = (
    Rule(("model",), "the shared vocabulary imports no other governance module", only=()),
    Rule(("ports",), "the Protocols adapters implement speak the model (and the ledger's "
         "pure entry state)", only=("model", "ledger.state")),
    Rule(("messages", "events"), "texts and event parsing need the model only",
         only=("model",)),
    Rule(("config", "detect"), "config and detection are leaves above the model",
         only=("model",)),
    Rule(("policy",), "pure policy sees only model, config, detection and texts",
         only=("model", "config", "detect", "messages")),
    Rule(("decision",), "the decision combines detection and policy, nothing with I/O",
         only=("model", "config", "detect", "policy", "messages")),
    Rule(("public",), "the public view of a plan is pure, from the model, texts and policy",
         only=("model", "messages", "policy")),
    Rule(CORE, "the sans-I/O core must not know adapters, wiring or edges",
         never=_in(*ADAPTERS, *WIRING, *EDGES)),
    Rule(CORE, "the sans-I/O core does no network I/O (adapters do)", never=NETWORK),
    Rule(ADAPTERS, "adapters implement ports; the wiring chooses them, not the reverse",
         never=_in(*WIRING, *EDGES)),
    Rule(ADAPTERS, "adapters serve the use cases through ports; they never import them",
         never=_in("service")),
    Rule(WIRING, "the wiring serves the edges, it never imports one",
         never=_in(*ENTRY_POINTS)),
    Rule(("runtime",), "maintainer builds on runtime, not the reverse",
         never=_in("maintainer")),
    Rule(("settings",), "settings parse the environment an edge hands in; the wiring "
         "imports them", never=_in(*ADAPTERS, *WIRING, *ENTRY_POINTS)),
    Rule(("app",), "the App edge does not import another edge", never=_in("action", "cli",
                                                                         "__main__")),
    Rule(("action",), "the Action edge does not import another edge",
         never=_in("app", "cli", "__main__")),
    Rule(("app", "action"), "the App and the Action compose through runtime and the use "
         "cases; maintainer is the command line's wiring", never=_in("maintainer")),
    Rule(("cli",), "the command line dispatches to the App and the Action, nothing is above it",
         never=_in("__main__")),
)

ENV_READS = ("os.environ", "os.environb", "os.getenv", "os.getenvb")
CLOCK_READS = ("datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
               "datetime.date.today", "time.time", "time.time_ns", "time.monotonic",
               "time.monotonic_ns", "time.perf_counter", "time.localtime", "time.gmtime")
# (what, its qualified names, the parts allowed to read it)
READS = (
    ("the environment", ENV_READS, EDGES),
    ("the clock", CLOCK_READS, (*ADAPTERS, *WIRING, *EDGES)),
)

# Backends are built in runtime only. Known places building them elsewhere, each to move
# into runtime (listed so new ones fail; an entry no longer needed fails too).
CONSTRUCTION_EXCEPTIONS: dict[tuple[str, str], str] = {}

# ------------------------------------------------------------------ the checker


@dataclass(frozen=True)
class Source:
    name: str  # dotted module name; a package is named by its __init__
    tree: ast.Module
    is_package: bool = False


def part_of(module: str) -> str:
    """``governance.rewards.pool`` -> ``rewards``; the package root is ``governance``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 and pieces[0] == "governance" else pieces[0]


def _prefixed(module: str, prefixes: Iterable[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _absolute(source: Source, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = source.name.split(".")
    base = base[: len(base) - node.level + (1 if source.is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(source: Source, known: set[str]) -> Iterator[tuple[str, int]]:
    """Every module ``source`` imports, with its line: ``from pkg import mod`` names the
    module ``pkg.mod`` when it is one of ``known``."""
    found: dict[tuple[str, int], None] = {}  # once per module and line, in order
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Import):
            found.update(((alias.name, node.lineno), None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(source, node)
            for alias in node.names:
                inner = f"{module}.{alias.name}"
                found[(inner if inner in known else module), node.lineno] = None
    yield from found


def rule_breaches(rule: Rule, source: Source, known: set[str]) -> Iterator[str]:
    own = part_of(source.name)
    for target, line in imports(source, known):
        governed = _prefixed(target, ("governance",))
        allowed = (rule.only is None or not governed or part_of(target) in (*rule.only, own)
                   or _prefixed(target, _in(*rule.only)))
        if not allowed or _prefixed(target, rule.never):
            yield f"{source.name}:{line} imports {target} ({rule.why})"


def import_violations(sources: Iterable[Source], rules: Iterable[Rule] = RULES) -> list[str]:
    sources = list(sources)
    known = {s.name for s in sources}
    return [breach for rule in rules for s in sources if part_of(s.name) in rule.covers
            for breach in rule_breaches(rule, s, known)]


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Local name -> qualified name, for every import in the module."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def qualified(node: ast.expr, names: Mapping[str, str]) -> str | None:
    """``o.environ`` after ``import os as o`` -> ``os.environ``; None for other shapes."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        inner = qualified(node.value, names)
        return f"{inner}.{node.attr}" if inner else None
    return None


def uses(source: Source, wanted: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Where ``source`` refers to one of the ``wanted`` qualified names (not in strings)."""
    wanted = set(wanted)
    names = _aliases(source.tree)
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Name | ast.Attribute):
            name = qualified(node, names)
            if name in wanted:
                yield name, node.lineno


def read_violations(sources: Iterable[Source]) -> list[str]:
    return [f"{s.name}:{line} reads {what} ({name}); only {', '.join(allowed)} may"
            for what, names, allowed in READS for s in sources
            if part_of(s.name) not in allowed for name, line in uses(s, names)]


def adapter_classes(sources: Iterable[Source]) -> set[str]:
    """Classes defined in the adapters, and their subclasses wherever they are defined."""
    sources = list(sources)
    classes = {f"{s.name}.{node.name}" for s in sources if part_of(s.name) in ADAPTERS
               for node in s.tree.body if isinstance(node, ast.ClassDef)}
    while True:
        subclasses = {f"{s.name}.{node.name}" for s in sources
                      for names in [_aliases(s.tree)] for node in s.tree.body
                      if isinstance(node, ast.ClassDef)
                      and any(qualified(b, names) in classes for b in node.bases)}
        if subclasses <= classes:
            return classes
        classes |= subclasses


def constructions(sources: Iterable[Source]) -> set[tuple[str, str]]:
    """(module, adapter class) where a module outside adapters and runtime calls the class
    or one of its class methods (``GitHubActivity.of(...)``)."""
    sources = list(sources)
    classes = adapter_classes(sources)
    found = set()
    for s in sources:
        if part_of(s.name) in (*ADAPTERS, "runtime"):
            continue
        names = _aliases(s.tree)
        for node in ast.walk(s.tree):
            if isinstance(node, ast.Call):
                callee = qualified(node.func, names) or ""
                built = next((c for c in classes if _prefixed(callee, (c,))), None)
                if built:
                    found.add((s.name, built))
    return found


def package_sources(root: Path = PACKAGE) -> list[Source]:
    sources = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        sources.append(Source(name, ast.parse(path.read_text(), str(path)), is_package))
    return sources


# ------------------------------------------------------------------ the package


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return package_sources()


def test_every_part_of_the_package_has_exactly_one_layer(sources: list[Source]) -> None:
    layers = (*CORE, *ADAPTERS, *WIRING, *EDGES)
    assert len(layers) == len(set(layers)), "a part is listed in two layers"
    parts = {part_of(s.name) for s in sources}
    assert sorted(parts - set(layers)) == [], "new parts of the package need a layer here"
    assert sorted(set(layers) - parts) == [], "the table names parts that no longer exist"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{'+'.join(r.covers[:3])}: {r.why}")
def test_imports_follow_the_layers(rule: Rule, sources: list[Source]) -> None:
    assert import_violations(sources, [rule]) == []


def test_only_edges_read_the_environment_and_the_core_reads_no_clock(
        sources: list[Source]) -> None:
    assert read_violations(sources) == []


def test_backends_are_built_in_runtime(sources: list[Source]) -> None:
    found = constructions(sources)
    new = sorted(f"{module} builds {cls} (choose it in governance/runtime.py)"
                 for module, cls in found - CONSTRUCTION_EXCEPTIONS.keys())
    stale = sorted(f"{module} no longer builds {cls}: drop it from CONSTRUCTION_EXCEPTIONS"
                   for module, cls in CONSTRUCTION_EXCEPTIONS.keys() - found)
    assert new + stale == []


# ------------------------------------------------------------------ the checker itself


def synthetic(name: str, code: str, *, is_package: bool = False) -> Source:
    return Source(name, ast.parse(code), is_package)


SHOPIFY = synthetic("governance.adapters.shopify", "class ShopifyCodes: ...\n")
RUNTIME = synthetic("governance.runtime", "")


@pytest.mark.parametrize("code", [
    "from governance.adapters.shopify import ShopifyCodes, shopify_errors\n",
    "import governance.adapters.shopify\n",
    "def lazy():\n    from governance.adapters import shopify\n",
    "from ..adapters.shopify import ShopifyCodes\n",
])
def test_the_checker_names_the_module_and_the_forbidden_import(code: str) -> None:
    bad = synthetic("governance.rewards.usecases", code)
    found = import_violations([bad, SHOPIFY])
    assert len(found) == 1 and found[0].startswith("governance.rewards.usecases:")
    assert "imports governance.adapters.shopify" in found[0]


def test_the_checker_resolves_a_module_imported_from_its_package() -> None:
    bad = synthetic("governance.service", "from governance import runtime\n")
    found = import_violations([bad, RUNTIME])
    assert len(found) == 1 and "governance.service:1 imports governance.runtime" in found[0]


def test_the_checker_enforces_allow_lists_but_not_on_other_packages() -> None:
    model = synthetic("governance.model", "import json\nfrom governance.config import types\n")
    config = synthetic("governance.config.types", "")
    assert import_violations([model, config]) == [
        "governance.model:2 imports governance.config.types "
        "(the shared vocabulary imports no other governance module)"]


def test_an_allowed_module_does_not_allow_the_rest_of_its_part() -> None:
    rule = Rule(("ports",), "ports speak the model", only=("model", "ledger.state"))
    ports = synthetic("governance.ports", "from governance.ledger.state import PersonState\n"
                      "from governance.ledger.store import GitHubLedger\n")
    modules = [ports, synthetic("governance.ledger.state", ""),
               synthetic("governance.ledger.store", "")]
    assert import_violations(modules, [rule]) == [
        "governance.ports:2 imports governance.ledger.store (ports speak the model)"]


def test_the_checker_accepts_the_allowed_directions() -> None:
    fine = [synthetic("governance.runtime", "from governance.adapters.shopify import X\n"),
            synthetic("governance.adapters.shopify", "from governance.rewards import codes\n"),
            synthetic("governance.rewards.codes", "from governance.model import Reward\n")]
    assert import_violations(fine) == []


def test_the_checker_finds_environment_reads_by_syntax_not_by_text() -> None:
    core = synthetic("governance.detect.secrets",
                     'import os as o\nPATTERN = r"os.environ\\[\'TOKEN\'\\]"\n'
                     'def key():\n    return o.environ.get("KEY")\n')
    edge = synthetic("governance.cli", "import os\nTOKEN = os.getenv('T')\n")
    (found,) = read_violations([core, edge])
    assert found.startswith("governance.detect.secrets:4 reads the environment (os.environ)")


def test_the_checker_finds_clock_reads_in_the_core() -> None:
    core = synthetic("governance.policy.ladder",
                     "from datetime import datetime\nNOW = datetime.now()\n")
    (found,) = read_violations([core])
    assert found.startswith("governance.policy.ladder:2 reads the clock")


def test_the_checker_finds_backends_built_outside_runtime() -> None:
    edge = synthetic("governance.app.wiring",
                     "from governance.adapters.shopify import ShopifyCodes as S\nS.of(1)\n"
                     "from governance.app.keep import Kept\nKept()\nlen([])\n")
    subclass = synthetic("governance.app.keep",
                         "from governance.adapters import shopify\n"
                         "class Kept(shopify.ShopifyCodes): ...\n")
    runtime = synthetic("governance.runtime",
                        "from governance.adapters.shopify import ShopifyCodes\n"
                        "ShopifyCodes()\n")
    assert constructions([SHOPIFY, edge, subclass, runtime]) == {
        ("governance.app.wiring", "governance.adapters.shopify.ShopifyCodes"),
        ("governance.app.wiring", "governance.app.keep.Kept")}
