"""CI check of the packaged actor knowledge base: every file loads, keeps its schema and
has no duplicate keys or aliases; coverage claims made in docs/actors.md hold."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pycountry
import pytest

from eventwire.actors.kb import ActorKB
from eventwire.actors.kb_files import (
    BUNDLE_FILE,
    DATA_DIR,
    DATA_PACKAGE,
    ENTITY_FILES,
    FILE_CATEGORIES,
    PACKAGED_FILES,
    SECTORS_FILE,
    Vocab,
    build_bundle,
    load_sectors,
    parse_entity_file,
    read_yaml,
)

PACKAGED = PACKAGED_FILES


def _file(name: str) -> resources.abc.Traversable:
    return resources.files(DATA_PACKAGE).joinpath(DATA_DIR, name)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()  # raises KnowledgeBaseError on any schema or duplicate problem


def test_every_data_file_is_known() -> None:
    shipped = {
        p.name for p in resources.files(DATA_PACKAGE).joinpath(DATA_DIR).iterdir() if p.name.endswith(".yaml")
    }
    assert shipped == set(PACKAGED)


@pytest.mark.parametrize("name", PACKAGED)
def test_file_is_versioned_and_non_empty(name: str) -> None:
    assert read_yaml(_file(name), name)


@pytest.mark.parametrize("name", ENTITY_FILES)
def test_entity_file_schema(name: str) -> None:
    category = FILE_CATEGORIES[name]
    vocab = Vocab(load_sectors(read_yaml(_file(SECTORS_FILE), SECTORS_FILE)))
    records = parse_entity_file(read_yaml(_file(name), name), name, vocab, category)
    keys = [r.entry.key for r in records]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_compiled_bundle_matches_yaml() -> None:
    bundle = _file(BUNDLE_FILE).read_text("utf-8")
    assert bundle == build_bundle(), "stale bundle: run .venv/bin/python tools/build_actor_kb.py"


def test_whole_kb_loads(kb: ActorKB) -> None:
    assert len(kb) > 300


def test_every_iso_country_is_present(kb: ActorKB) -> None:
    keys = {e.key for e in kb.entries()}
    missing = [c.alpha_3 for c in pycountry.countries if f"country:{c.alpha_3}" not in keys]
    assert not missing


def test_sovereign_states_have_adjectives(kb: ActorKB) -> None:
    for word, iso3 in [("Afghan", "AFG"), ("Zimbabwean", "ZWE"), ("Emirati", "ARE"), ("Kosovar", "XKX")]:
        assert kb.country_for_adjective(word) == iso3


def test_people_terms_are_ordered(kb: ActorKB) -> None:
    for entry in kb.entries():
        if entry.kind == "person" and entry.start and entry.end:
            assert entry.start <= entry.end, entry.key
            assert entry.end <= dt.date(2026, 12, 31), entry.key
