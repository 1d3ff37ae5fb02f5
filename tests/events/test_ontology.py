"""The ontology tables: known codes, schema checks and PLOVER defaults."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.events.ontology import PLOVER_TYPES, Ontology, quad_class

ONTOLOGY = Ontology.load()

# (code, name, goldstein, quad, plover, mode, context)
KNOWN_CODES = [
    ("010", "Make statement, not specified below", 0.0, 1, None, None, ()),
    ("0233", "Appeal for humanitarian aid", 3.4, 1, "REQUEST", "assist", ("humanitarian",)),
    ("036", "Express intent to meet or negotiate", 4.0, 1, "AGREE", None, ("diplomatic",)),
    ("042", "Make a visit", 1.9, 1, "CONSULT", "visit", ()),
    ("057", "Sign formal agreement", 8.0, 1, "SUPPORT", None, ("diplomatic",)),
    ("0841", "Return, release person(s)", 7.0, 2, "RETREAT", "release", ("legal",)),
    ("0874", "Retreat or surrender militarily", 10.0, 2, "RETREAT", "disarm", ("military",)),
    ("091", "Investigate crime, corruption", -2.0, 3, "ACCUSE", "investigate", ("crime", "corruption")),
    ("1053", "Demand release of persons or property", -5.0, 3, "REQUEST", "yield", ("legal",)),
    ("1212", "Reject military cooperation", -4.0, 3, "REJECT", "assist", ("military",)),
    ("1384", "Threaten conventional attack", -7.0, 3, "THREATEN", "violence", ("military",)),
    ("1411", "Demonstrate for leadership change", -6.5, 4, "PROTEST", "demo", ("executive",)),
    ("154", "Mobilize or increase armed forces", -7.2, 4, "MOBILIZE", "troops", ("military",)),
    ("161", "Reduce or break diplomatic relations", -4.0, 4, "SANCTION", "withdraw", ("diplomatic",)),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "COERCE", "restrict", ("diplomatic",)),
    ("173", "Arrest, detain, or charge with legal action", -5.0, 4, "COERCE", "arrest", ("legal",)),
    ("186", "Assassinate", -10.0, 4, "ASSAULT", "assassinate", ()),
    ("195", "Employ aerial weapons", -10.0, 4, "ASSAULT", "heavy-weapons", ("military",)),
    ("2042", "Detonate nuclear weapons", -10.0, 4, "ASSAULT", "unconventional", ("cbrn",)),
]


@pytest.mark.parametrize("row", KNOWN_CODES, ids=[row[0] for row in KNOWN_CODES])
def test_known_codes(row: tuple[str, str, float, int, str | None, str | None, tuple[str, ...]]) -> None:
    e = ONTOLOGY.cameo(row[0])
    assert (e.code, e.name, e.goldstein, e.quad, e.plover, e.mode, e.context) == row


@pytest.mark.parametrize("code", ["999", "21", "0", "", "1x3", "0215"])
def test_unknown_code_raises(code: str) -> None:
    with pytest.raises(ConfigError):
        ONTOLOGY.cameo(code)


def test_every_root_and_enough_codes() -> None:
    codes = ONTOLOGY.codes()
    assert {c.code for c in codes if len(c.code) == 2} == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) >= 290
    assert len({c.code for c in codes}) == len(codes)


def test_table_obeys_schema() -> None:
    for entry in ONTOLOGY.codes():
        assert entry.quad == quad_class(entry.code)
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.plover is None or entry.plover in PLOVER_TYPES
        if entry.mode:
            assert entry.plover is not None and entry.mode in ONTOLOGY.modes(entry.plover)
        assert set(entry.context) <= set(ONTOLOGY.contexts())


def test_sixteen_types() -> None:
    assert ONTOLOGY.plover_types() == PLOVER_TYPES
    assert len(set(PLOVER_TYPES)) == 16


@pytest.mark.parametrize("plover", PLOVER_TYPES)
def test_every_type_and_mode_has_a_default_of_its_own_type(plover: str) -> None:
    assert ONTOLOGY.default_cameo(plover).plover == plover
    for mode in ONTOLOGY.modes(plover):
        assert ONTOLOGY.default_cameo(plover, mode).plover == plover
    assert len(ONTOLOGY.describe(plover)) > 20


@pytest.mark.parametrize(
    ("plover", "mode", "expected"),
    [
        ("SANCTION", "withdraw", "161"),
        ("CONSULT", "phone", "041"),
        ("CONSULT", None, "040"),
        ("ASSAULT", "suicide-attack", "1831"),
        ("COERCE", "arrest", "173"),
        ("protest", "riot", "145"),
        ("RETREAT", "release", "0841"),
    ],
)
def test_default_cameo(plover: str, mode: str | None, expected: str) -> None:
    assert ONTOLOGY.default_cameo(plover, mode).code == expected


@pytest.mark.parametrize(
    ("plover", "modes"),
    [
        ("AGREE", ()),
        ("CONSULT", ("visit", "third-party", "multilateral", "phone")),
        ("SANCTION", ("convict", "expel", "withdraw", "discontinue")),
    ],
)
def test_modes(plover: str, modes: tuple[str, ...]) -> None:
    assert ONTOLOGY.modes(plover) == modes


@pytest.mark.parametrize(("plover", "mode"), [("SPEAK", None), ("ASSAULT", "visit"), ("AGREE", "phone")])
def test_bad_type_or_mode_raises(plover: str, mode: str | None) -> None:
    with pytest.raises(ConfigError):
        ONTOLOGY.default_cameo(plover, mode)


def test_contexts_include_the_crosswalk_ones() -> None:
    assert {"diplomatic", "military", "economic", "humanitarian", "legal"} <= set(ONTOLOGY.contexts())


def _copy_tables(tmp_path: Path) -> Path:
    source = resources.files("eventwire.data").joinpath("ontology")
    for name in ("cameo.csv", "plover.csv", "contexts.csv"):
        shutil.copy(str(source.joinpath(name)), tmp_path / name)
    return tmp_path


def _replace_line(path: Path, prefix: str, new: str) -> None:
    lines = path.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    lines[index] = new
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_copied_tables_load(tmp_path: Path) -> None:
    loaded = Ontology.load(_copy_tables(tmp_path))
    assert loaded.cameo("190").plover == "ASSAULT"


@pytest.mark.parametrize(
    ("file", "prefix", "new", "message"),
    [
        ("cameo.csv", "190,", "190,Fight,-12.0,4,ASSAULT,,military", "cameo.csv, line"),
        ("cameo.csv", "190,", "190,Fight,-10.0,2,ASSAULT,,military", "QuadClass"),
        ("cameo.csv", "190,", "190,Fight,-10.0,4,FIGHT,,military", "unknown PLOVER type"),
        ("cameo.csv", "190,", "190,Fight,-10.0,4,ASSAULT,visit,military", "not a mode of ASSAULT"),
        ("cameo.csv", "190,", "191,Fight,-10.0,4,ASSAULT,,military", "duplicate CAMEO code 191"),
        ("cameo.csv", "190,", "190,Fight,-10.0,4,ASSAULT,,warfare", "unknown context"),
        ("cameo.csv", "190,", "190,Fight,loud,4,ASSAULT,,military", "must be numbers"),
        ("plover.csv", "AID,,", "AID,,190,Material help.", "not a AID code"),
        ("plover.csv", "AID,,", "FIGHT,,190,Fighting.", "not one of the 16"),
    ],
)
def test_malformed_table_names_file_and_row(
    tmp_path: Path, file: str, prefix: str, new: str, message: str
) -> None:
    folder = _copy_tables(tmp_path)
    _replace_line(folder / file, prefix, new)
    with pytest.raises(ConfigError, match=message) as caught:
        Ontology.load(folder)
    assert file in str(caught.value)
