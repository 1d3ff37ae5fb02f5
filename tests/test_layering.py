"""Architecture rules read off the source with ``ast``: who may read files.

Knowledge files (YAML, CSV, TSV, gz) are read only through ``eventwire.resources``, so a
broken file always fails the same way and every table can be injected. The modules in
``READS_USER_FILES`` open the user's own input and output files (articles, settings, gold
files, exports), never packaged knowledge.
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
    "commands/ingest.py": "a user's input file",
}
FILE_READS = frozenset({"read_text", "read_bytes", "files", "open"})


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
