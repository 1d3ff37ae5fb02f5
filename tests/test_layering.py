"""Architecture rules read off the source with ``ast``: who may read files, who may import whom.

Knowledge files (YAML, CSV, TSV, gz) are read only through ``eventwire.resources``, so a
broken file always fails the same way and every table can be injected. The modules in
``READS_USER_FILES`` open the user's own input and output files (articles, settings, gold
files, exports), never packaged knowledge.

Imports follow the pipeline: a stage package may use an earlier one, never a later one
(``STAGE_ORDER``), and no two modules import each other, even only for type checking.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import eventwire

PACKAGE = Path(eventwire.__file__).parent
# Module (relative to src/eventwire) -> why it may open files itself.
READS_USER_FILES = {
    "resources.py": "the one reader of knowledge files",
    "config.py": "the user's settings file",
    "ingest/encoding.py": "the articles a user gives (any encoding)",
    "ingest/sources.py": "a user's JSONL article file, read line by line",
    "ingest/readers.py": "checks that a user's input file can be opened",
    "evaluate/baseline.py": "a user's baseline results file",
    "evaluate/gold.py": "a user's gold file",
    "quotes/score.py": "a user's gold quotes file",
    "serve/app.py": "the explorer page served to the browser (an asset, not knowledge)",
    "commands/extract.py": "the output file a user names",
    "commands/evaluate.py": "the output file a user names",
    "scale/partitions.py": "a user's corpus file, read by byte ranges in each Dask worker",
    "commands/_progress.py": "counts the lines of a user's input file for the progress bar",
    "store/filtered_export.py": "the download it has just written into a private temporary folder",
}
FILE_READS = frozenset({"read_text", "read_bytes", "files", "open"})
# Stage packages in pipeline order; a package may import its own rank or lower.
STAGE_ORDER = {
    "nlp": 0,
    "geo": 0,
    "dates": 0,
    "metadata": 1,
    "actors": 2,
    "events": 3,
    "quotes": 4,
    "when_where": 5,
    "store": 6,
    "serve": 6,
    "scale": 6,
    "commands": 6,
}
# Used by every stage; they may build on the parse (``nlp``) but on no later stage.
# (``knowledge`` is shared too but imports each package's loader module by design.)
SHARED = frozenset({"records", "errors", "config", "resources", "registry", "runner"})


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        yield name, ast.parse(path.read_text("utf-8"), filename=name)


def file_reads(tree: ast.Module) -> list[str]:
    """Calls that open a file: ``open(...)``, ``x.read_text()``, ``x.read_bytes()``,
    ``resources.files(...)`` and ``Path(...).open()`` (by attribute name: ``EventStore.open``
    on a class is no file read and is skipped)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("open", "files"):
            found.append(f"line {node.lineno}: {func.id}()")
        elif _reads_through(func) and not _writes(node):
            found.append(f"line {node.lineno}: .{func.attr}()")
    return found


def _writes(call: ast.Call) -> bool:
    """``out.open("w")``, ``gzip.open(path, "wt")``: writing an output file reads no knowledge."""
    modes = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return any(m[:1] in ("w", "a", "x") for m in modes)


def _reads_through(func: ast.expr) -> bool:
    """``x.read_text()`` and the like; ``EventStore.open(...)`` on a class is no file read."""
    if not isinstance(func, ast.Attribute) or func.attr not in FILE_READS:
        return False
    return not (isinstance(func.value, ast.Name) and func.value.id[:1].isupper())


def test_only_resources_and_user_file_modules_open_files() -> None:
    scanned = {name: file_reads(tree) for name, tree in modules() if name not in READS_USER_FILES}
    assert {name: reads for name, reads in scanned.items() if reads} == {}


def test_the_allow_list_names_real_modules_that_still_read_files() -> None:
    # A stale entry would silently allow a new module of that name to read knowledge files.
    trees = dict(modules())
    assert {name for name in READS_USER_FILES if name not in trees or not file_reads(trees[name])} == set()


def test_the_scan_sees_a_knowledge_read() -> None:
    tree = ast.parse('text = resources.files("eventwire.data").joinpath("x.yaml").read_text()')
    assert file_reads(tree) == ["line 1: .read_text()", "line 1: .files()"]
    assert file_reads(ast.parse('with open(path) as f: pass\nout.open("w")')) == ["line 1: open()"]


def _word_sets(tree: ast.Module) -> dict[str, frozenset[str]]:
    """Module-level ``NAME = frozenset({"a", "b"})`` constants of a module."""
    found = {}
    for node in tree.body:
        if not (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            continue
        call = node.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "frozenset":
            items = call.args[0].elts if call.args and isinstance(call.args[0], ast.Set) else []
            words = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
            if words and len(words) == len(items):
                found[node.targets[0].id] = frozenset(words)
    return found


def test_parse_vocabulary_is_defined_once_under_distinct_names() -> None:
    # Label sets copied into modules, or one name for different sets, is how SUBJECT_DEPS
    # came to mean five things.
    sets = {module: _word_sets(tree) for module, tree in modules()}
    vocabulary = sets.pop("nlp/vocabulary.py")
    named = {words: name for name, words in vocabulary.items()}
    meanings: dict[str, set[frozenset[str]]] = {name: {words} for name, words in vocabulary.items()}
    copies = []
    for module, constants in sets.items():
        for name, words in constants.items():
            meanings.setdefault(name, set()).add(words)
            if words in named and name.endswith(("_DEPS", "_POS", "_TAGS", "_LABELS")):
                copies.append(f"{module}: {name} copies vocabulary.{named[words]}")
    assert copies == []
    assert {name for name, kinds in meanings.items() if len(kinds) > 1} == set()


def _module_name(path: str) -> str:
    parts = ["eventwire", *path.removesuffix(".py").split("/")]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the eventwire modules it imports anywhere in its source (``TYPE_CHECKING``
    blocks and function bodies included: a type-only cycle is still a cycle)."""
    trees = {_module_name(path): (path, tree) for path, tree in modules()}
    graph: dict[str, set[str]] = {}
    for name, (path, tree) in trees.items():
        package = name.split(".") if path.endswith("__init__.py") else name.split(".")[:-1]
        targets = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
                targets.update(
                    f"{base}.{a.name}" if f"{base}.{a.name}" in trees else base for a in node.names
                )
        graph[name] = {t for t in targets if t in trees and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while (member := stack.pop()) != node:
                    group.append(member)
                found += [sorted([*group, node])] if group else []
    return found


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGE_ORDER.get(parts[1]) if len(parts) > 1 else None


def test_no_import_cycles_not_even_type_only() -> None:
    assert cycles(import_graph()) == []


def test_a_stage_never_imports_a_later_stage() -> None:
    graph = import_graph()
    upward = [
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if (mine := _stage(module)) is not None and (theirs := _stage(target)) is not None and theirs > mine
    ]
    assert sorted(upward) == []


def test_shared_modules_use_no_stage_but_the_parse() -> None:
    graph = import_graph()
    shared = {f"eventwire.{name}" for name in SHARED}
    leaks = [f"{m} -> {t}" for m in shared for t in graph[m] if (_stage(t) or 0) > 0]
    assert sorted(leaks) == []


def test_the_cycle_finder_finds_a_type_only_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from eventwire.x import Y\n")
    assert any(isinstance(n, ast.ImportFrom) and n.module == "eventwire.x" for n in ast.walk(tree))


# The thin layers (issue 17): the CLI, the API server and the Dask runner code through the
# public API only (``eventwire.code``, ``code_many``, ``coder``/``Coder``), so whatever they
# need from coding, a library user can do too.
THIN_LAYERS = ("cli.py", "commands/", "serve/", "scale/dask_runner.py")
# Modules that build or run the coding machinery; the public ``eventwire`` package fronts them.
CODING_INTERNALS = (
    "eventwire.pipeline",
    "eventwire.runner",
    "eventwire.api",
    "eventwire.scale.workers",
    "eventwire.nlp",
    "eventwire.knowledge",
    "eventwire.registry",
)
CODING_NAMES = frozenset(
    {"Pipeline", "StageRunner", "WorkerPool", "PipelineCache", "PIPELINES", "load_model"}
)
# (thin-layer module, internal module) -> why it may import it anyway: neither codes articles.
INTERNALS_ALLOWED = {
    ("commands/doctor.py", "eventwire.nlp.model.load_model"): (
        "doctor checks that the spaCy model is installed and names its components, apart from"
        " coding, so that a missing model and a broken knowledge file get different fixes"
    ),
    ("commands/stages.py", "eventwire.registry.available_stages"): (
        "lists the available stages and their contracts (requires/provides/options); it codes nothing"
    ),
    ("commands/stages.py", "eventwire.registry.load_stage_spec"): "the same listing of one stage",
}


def thin_layer_imports(tree: ast.Module) -> list[str]:
    """The coding internals a module reaches, as dotted names: modules imported, names imported
    (``from eventwire import Pipeline``), ``eventwire.<name>`` attributes, relative imports."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # A relative import would hide what it reaches from this scan: the layers import absolutely.
            base = (node.module or "") if not node.level else "relative import"
            found += [f"{base}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "eventwire"
        ):
            found.append(f"eventwire.{node.attr}")
    return [name for name in found if _is_coding_internal(name)]


def _is_coding_internal(name: str) -> bool:
    prefixes = tuple(p for module in CODING_INTERNALS for p in (module, module + "."))
    return name.rsplit(".", 1)[-1] in CODING_NAMES or name.startswith(prefixes) or name.startswith("relative")


def _thin_layers() -> Iterator[tuple[str, ast.Module]]:
    return ((name, tree) for name, tree in modules() if name.startswith(THIN_LAYERS))


def test_cli_server_and_dask_runner_code_only_through_the_public_api() -> None:
    reached = {
        f"{name}: {internal}"
        for name, tree in _thin_layers()
        for internal in thin_layer_imports(tree)
        if (name, internal) not in INTERNALS_ALLOWED
    }
    assert sorted(reached) == []


def test_the_public_api_allow_list_is_not_stale() -> None:
    used = {(name, internal) for name, tree in _thin_layers() for internal in thin_layer_imports(tree)}
    assert set(INTERNALS_ALLOWED) - used == set()


def test_the_thin_layer_scan_sees_every_way_in() -> None:
    source = (
        "import eventwire.runner\n"
        "from eventwire.pipeline import build\n"
        "from eventwire import Pipeline as P\n"
        "from eventwire import nlp\n"
        "from ..api import PIPELINES\n"
        "cache = eventwire.api.PIPELINES\n"
        "import eventwire\n"
        "wire = eventwire.coder()\n"
        "from eventwire.store import EventStore\n"
    )
    assert thin_layer_imports(ast.parse(source)) == [
        "eventwire.runner", "eventwire.pipeline.build", "eventwire.Pipeline", "eventwire.nlp",
        "relative import.PIPELINES", "eventwire.api",
    ]  # fmt: skip
    assert {name for name, _ in _thin_layers()} >= {"cli.py", "serve/app.py", "scale/dask_runner.py"}
