"""Every knowledge loader refuses a broken file with a KnowledgeBaseError naming the file and entry.

Each case writes a small broken file of its own (or swaps one packaged file's bytes) and
checks the message, so a maintainer who edits a table learns which file and which entry
is wrong instead of getting a KeyError from deep inside a stage.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire import resources
from eventwire.actors.gender import load_gender
from eventwire.actors.grammar import load_grammar
from eventwire.actors.kb_files import read_yaml
from eventwire.errors import KnowledgeBaseError
from eventwire.events.argument_tables import load_tables
from eventwire.events.lexicon import load_lexicon
from eventwire.events.modality import load_modality
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.gazetteer_build import excluded_alternates
from eventwire.geo.locatives import load_locatives
from eventwire.quotes.lexicon import load_cues
from eventwire.store.exports.layouts import cameo_names

Loader = Callable[[Path], Any]

# (loader of a file, broken content, what the message must name besides the file)
BROKEN: list[tuple[str, Loader, str, str]] = [
    ("gender", load_gender, "version: 1\ntitles: [mr]\nroles: {}\nfirst_names: {}\n", "'titles'"),
    ("gender version", load_gender, "version: 2\ntitles: {}\nroles: {}\nfirst_names: {}\n", "version"),
    ("grammar", load_grammar, "version: 1\n", "'pronouns'"),
    ("quote cues", load_cues, "speech_verbs: [say]\n", "'report_verbs'"),
    ("modality section", load_modality, "future: []\n", "'future'"),
    (
        "modality list",
        load_modality,
        "future: {modals: [will]}\nhypothetical: {}\nconditional: {}\nnegation: {}\n"
        "reporting: []\naspectual: []\npredictions: []\n",
        "'governors'",
    ),
    ("argument tables", load_tables, "light_verbs: hold\n", "'light_verbs'"),
    ("locatives", load_locatives, "prepositions: [in]\n", "'place_object_verbs'"),
    ("actor file", lambda path: read_yaml(path, str(path)), "version: 1\nentries: {}\n", "entries"),
    ("user lexicon", lambda path: load_lexicon((str(path),)), "plover: [unclosed\n", "not valid YAML"),
    ("gazetteer exclusions", excluded_alternates, "names: {a: b}\n", "'names'"),
]


@pytest.mark.parametrize(("loader", "content", "entry"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_file_names_itself_and_its_entry(
    tmp_path: Path, loader: Loader, content: str, entry: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        loader(path)
    assert "broken.yaml" in str(caught.value)
    assert entry in str(caught.value)


def test_a_missing_file_is_a_knowledge_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"absent\.yaml: no such knowledge file"):
        load_grammar(tmp_path / "absent.yaml")


def _swap_packaged(monkeypatch: pytest.MonkeyPatch, name: str, content: bytes) -> None:
    """Serve ``content`` for the packaged file ``name``, every other file as shipped."""
    real = resources._packaged_bytes
    monkeypatch.setattr(resources, "_packaged_bytes", lambda n: content if n == name else real(n))


def test_the_gazetteer_names_a_broken_packaged_table(monkeypatch: pytest.MonkeyPatch) -> None:
    _swap_packaged(monkeypatch, "places/regions.yaml", b"regions: {Sahel: 1}\n")
    with pytest.raises(KnowledgeBaseError, match=r"places/regions\.yaml: entry 'regions' must be a list"):
        Gazetteer.load()


def test_the_export_layouts_read_the_ontology_through_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    _swap_packaged(monkeypatch, "ontology/cameo.csv", b"code,name\n0101,Speak to a test\n")
    cameo_names.cache_clear()  # the layouts keep their table for the process (see layouts.py)
    try:
        assert cameo_names() == {"0101": "Speak to a test"}
    finally:
        cameo_names.cache_clear()
