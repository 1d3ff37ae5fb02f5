"""The generated docs pages (schema, ontology, CLI reference) match the code that generates them."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.frames import COLUMNS
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def _gen_docs() -> ModuleType:
    return load_script("tools/gen_docs.py", "gen_docs")


GEN_DOCS = _gen_docs()


@pytest.mark.parametrize("page", sorted(GEN_DOCS.PAGES))
def test_committed_page_is_what_the_code_generates(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if page == "cli.md" and sys.version_info[:2] != GEN_DOCS.HELP_PYTHON:
        pytest.skip(f"argparse lays help out differently outside Python {GEN_DOCS.HELP_PYTHON}")
    monkeypatch.setenv("COLUMNS", GEN_DOCS.HELP_WIDTH)
    committed = (ROOT / "docs" / page).read_text("utf-8")
    assert committed == GEN_DOCS.PAGES[page](), f"docs/{page} is stale: run python tools/gen_docs.py"


def test_a_stale_page_is_detected(tmp_path: Path) -> None:
    for name, build in GEN_DOCS.PAGES.items():
        (tmp_path / name).write_text(build(), "utf-8")
    assert GEN_DOCS.stale_pages(tmp_path) == []
    schema = tmp_path / "schema.md"
    schema.write_text(schema.read_text("utf-8").replace("`goldstein`", "`goldstien`"), "utf-8")
    assert GEN_DOCS.stale_pages(tmp_path) == ["schema.md"]


def test_the_schema_page_lists_every_contract_key_and_frame_column() -> None:
    page = (ROOT / "docs" / "schema.md").read_text("utf-8")
    for key in ("plover", "goldstein", "quad", "reported_by", "date_precision", "wikidata", "cue"):
        assert f"| `{key}` |" in page
    for column in COLUMNS:
        assert f"| `{column}` |" in page


def test_an_undocumented_key_stops_the_generator() -> None:
    with pytest.raises(SystemExit, match="describe"):
        GEN_DOCS._key_table("Event", ["plover", "new_key"], {"plover": "type"})
