"""The export audit: a store of awkward events, exported in every layout, read back as the
ecosystems read them (column lists from the published codebooks, written out here apart from
eventwire's layout file), and checked against the rules of docs/store.md:

- a date the text does not give is never written, and the ingest day never is;
  layouts that require a date get the publication date, flagged, only when there is one;
- denied, hypothetical and conditional events are left out unless asked for;
- "A and B agreed" is A->B and B->A, one name per actor everywhere;
- a place is claimed only as precisely as it was resolved.

Every sentence below was written for this test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from store_builders import KENYA_POLICE, USA, coded_article

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.records import Actor, CodedArticle, Diagnostics, EventDateNote, Location
from eventwire.store import EventStore
from eventwire.store.analytics import EventFilter, events, top_actors
from eventwire.store.exports import export
from eventwire.store.exports.layouts import actor_label

GDELT_EVENTS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
GDELT_MENTIONS = [
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]  # fmt: skip
ICEWS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip
POLECAT = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude",
    "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
]  # fmt: skip

ARMENIA = Actor("Yerevan", "Armenia", "ARM", "GOV", "state")
AZERBAIJAN = Actor("Baku", "Azerbaijan", "AZE", "GOV", "state")
KENYA = Location("Kenya", "KEN", -0.9704, 36.8049)  # the country row of the gazetteer
MOMBASA = Location("Mombasa", "KEN", -4.05466, 39.66359)  # GeoNames 186301, admin1 37
NOWHERE = Location("Upper Qarth", source="unresolved")
TODAY = dt.date.today()


def _with(coded: CodedArticle, **changes: Any) -> CodedArticle:
    """The article with its single event changed (modality and the like)."""
    return dataclasses.replace(coded, events=(dataclasses.replace(coded.events[0], **changes),))


def _article(article_id: str, text: str, published: str | None, **event: Any) -> CodedArticle:
    defaults = {"source": (USA,), "target": (KENYA_POLICE,), "trigger": text.split()[1], "date": None}
    return coded_article(
        article_id,
        text,
        date=published,
        publisher=f"Desk {article_id}",
        events=(("ACCUSE", defaults | event),),
    )


def _noted_fallback(coded: CodedArticle) -> CodedArticle:
    """As the when_where stage codes it: the publication date filled in, and a note saying so."""
    notes = Diagnostics(event_dates=(EventDateNote(0, "publication", None),))
    return dataclasses.replace(coded, extras=notes)


def _corpus() -> list[CodedArticle]:
    return [
        _article("undated", "Washington criticised Kenyan police over the raids.", None),
        _article("pubdated", "Washington faulted Kenyan police again.", "2024-04-02", place=KENYA),
        _noted_fallback(
            _article("noted", "Washington chided Kenyan police.", "2024-04-30", date="2024-04-30")
        ),
        _article(
            "month",
            "Washington blamed Kenyan police in January.",
            "2024-04-03",
            date="2024-01",
            precision="month",
        ),
        _article("city", "Washington scolded Kenyan police in Mombasa.", "2024-04-10", place=MOMBASA),
        _article("lost", "Washington rebuked Kenyan police in Upper Qarth.", "2024-04-20", place=NOWHERE),
        _with(
            _article("denied", "Washington never accused Kenyan police of torture.", "2024-04-06"),
            negated=True,
        ),
        _with(
            _article("maybe", "Washington could censure Kenyan police.", "2024-04-07"),
            modality="hypothetical",
        ),
        _with(
            _article("unless", "Washington would condemn Kenyan police unless they stop.", "2024-04-08"),
            modality="conditional",
        ),
        coded_article(
            "truce",
            "Yerevan and Baku agreed to a truce on Sunday.",
            date="2024-04-09",
            publisher="Desk truce",
            events=(
                (
                    "AGREE",
                    {
                        "source": (ARMENIA, AZERBAIJAN),
                        "target": (ARMENIA, AZERBAIJAN),
                        "trigger": "agreed",
                        "date": "2024-04-07",
                        "cameo": "081",
                    },
                ),
            ),
        ),
    ]


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventStore, str]]:
    path = str(tmp_path_factory.mktemp("audit") / "audit.duckdb")
    with EventStore.open(path) as store:
        store.add_many(_corpus())
    with EventStore.open(path, read_only=True) as store:
        yield store, path


def _roots(store: EventStore) -> dict[int, str]:
    """Event id -> id of the article that reported it."""
    return dict(store.con.execute("SELECT event_id, root_article_id FROM events").fetchall())


def _tsv(path: Path, columns: list[str], header: bool) -> pd.DataFrame:
    """Read as GDELT/ICEWS/POLECAT users do: tab-separated, the codebook's column names."""
    if not header:
        return pd.read_csv(path, sep="\t", header=None, names=columns, dtype=str, keep_default_na=False)
    table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(table.columns[: len(columns)]) == columns  # the codebook's columns, in its order
    return table


def _by_story(table: pd.DataFrame, id_column: str, roots: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_dict("records"):
        found.setdefault(roots[int(row[id_column])], []).append(row)
    return found


ASSERTED = {"undated", "pubdated", "noted", "month", "city", "lost", "truce"}


def test_gdelt_events(audited: tuple[EventStore, str], tmp_path: Path) -> None:
    store, _ = audited
    export(store, "gdelt", tmp_path / "e.tsv")
    rows = _by_story(_tsv(tmp_path / "e.tsv", GDELT_EVENTS, header=False), "GlobalEventID", _roots(store))
    assert set(rows) == ASSERTED
    assert [rows["undated"][0][c] for c in ("Day", "MonthYear", "Year", "FractionDate")] == ["", "", "", ""]
    assert rows["pubdated"][0]["Day"] == "20240402"  # GDELT dates by the article when the text does not
    assert [rows["month"][0][c] for c in ("Day", "MonthYear", "Year")] == ["", "202401", "2024"]
    # DATEADDED is when eventwire stored the event, as in GDELT; no date *of the event* is today.
    assert all(r["Day"] != TODAY.strftime("%Y%m%d") for found in rows.values() for r in found)
    geo = {
        k: (rows[k][0]["ActionGeo_Type"], rows[k][0]["ActionGeo_FeatureID"])
        for k in ("undated", "pubdated", "city", "lost")
    }
    assert geo == {"undated": ("0", ""), "pubdated": ("1", "KE"), "city": ("4", "186301"), "lost": ("0", "")}
    assert rows["city"][0]["ActionGeo_ADM1Code"] == "KE37"
    assert rows["lost"][0]["ActionGeo_FullName"] == "" and rows["lost"][0]["ActionGeo_Lat"] == ""
    dyads = sorted((r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in rows["truce"])
    assert dyads == [("ARM", "AZE"), ("AZE", "ARM")]
    assert rows["undated"][0]["Actor2Name"] == "KENYA: POLICE"  # no canonical name: country and sector


def test_gdelt_refuses_modal_events_it_cannot_mark(audited: tuple[EventStore, str], tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no room for modality"):
        export(audited[0], "gdelt", tmp_path / "e.tsv", include_modal=True)


def test_gdelt_mentions_flag_the_date_source(audited: tuple[EventStore, str], tmp_path: Path) -> None:
    store, _ = audited
    export(store, "gdelt-mentions", tmp_path / "m.tsv")
    rows = _by_story(_tsv(tmp_path / "m.tsv", GDELT_MENTIONS, header=False), "GlobalEventID", _roots(store))
    assert set(rows) == ASSERTED
    assert rows["undated"][0]["Extras"] == "<DATE_SOURCE>none</DATE_SOURCE>"
    assert rows["pubdated"][0]["Extras"] == "<DATE_SOURCE>publication</DATE_SOURCE>"
    assert rows["month"][0]["Extras"] == "<DATE_SOURCE>text</DATE_SOURCE>"
    assert rows["noted"][0]["Extras"] == "<DATE_SOURCE>publication</DATE_SOURCE>"
    export(store, "gdelt-mentions", tmp_path / "all.tsv", include_modal=True)
    every = _by_story(
        _tsv(tmp_path / "all.tsv", GDELT_MENTIONS, header=False), "GlobalEventID", _roots(store)
    )
    assert "<MODALITY>negated</MODALITY>" in every["denied"][0]["Extras"]
    assert "<MODALITY>conditional</MODALITY>" in every["unless"][0]["Extras"]


@pytest.mark.parametrize(
    ("fmt", "columns", "date_column"), [("icews", ICEWS, "Event Date"), ("polecat", POLECAT, "Event Date")]
)
def test_headed_layouts(
    audited: tuple[EventStore, str], tmp_path: Path, fmt: str, columns: list[str], date_column: str
) -> None:
    store, _ = audited
    export(store, fmt, tmp_path / "out.tsv")
    table = _tsv(tmp_path / "out.tsv", columns, header=True)
    assert list(table.columns[len(columns) :]) == ["Date Source"]
    rows = _by_story(table, "Event ID", _roots(store))
    assert set(rows) == ASSERTED
    dates = {
        k: (rows[k][0][date_column], rows[k][0]["Date Source"])
        for k in ("undated", "pubdated", "noted", "month")
    }
    assert dates == {
        "undated": ("", ""),
        "pubdated": ("2024-04-02", "publication"),
        "noted": ("2024-04-30", "publication"),
        "month": ("2024-01", "text"),
    }
    assert TODAY.isoformat() not in set(table[date_column])
    assert (rows["city"][0]["City"], rows["pubdated"][0]["City"], rows["lost"][0]["City"]) == (
        "Mombasa",
        "",
        "",
    )
    assert rows["lost"][0]["Latitude"] == "" and rows["lost"][0]["Country"] == ""
    name = "Source Name" if fmt == "icews" else "Actor Name"
    assert sorted(r[name] for r in rows["truce"]) == ["Armenia", "Azerbaijan"]
    target = "Target Name" if fmt == "icews" else "Recipient Name"
    assert rows["undated"][0][target] == "Kenya: Police"
    export(store, fmt, tmp_path / "all.tsv", include_modal=True)
    every = _by_story(_tsv(tmp_path / "all.tsv", columns, header=True), "Event ID", _roots(store))
    assert every["maybe"][0]["Modality"] == "hypothetical" and every["denied"][0]["Negated"] == "1"


def test_polecat_carries_geonames_ids(audited: tuple[EventStore, str], tmp_path: Path) -> None:
    store, _ = audited
    export(store, "polecat", tmp_path / "p.tsv")
    rows = _by_story(_tsv(tmp_path / "p.tsv", POLECAT, header=True), "Event ID", _roots(store))
    city, country, lost = rows["city"][0], rows["pubdated"][0], rows["lost"][0]
    assert (city["GeoNames ID"], city["Feature Type"]) == ("186301", "city")
    assert (country["GeoNames ID"], country["Feature Type"], country["City"]) == ("", "country", "")
    assert (lost["Raw Placename"], lost["Placename"], lost["Feature Type"]) == ("Upper Qarth", "", "")


def test_plover_json(audited: tuple[EventStore, str], tmp_path: Path) -> None:
    store, _ = audited
    export(store, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    by_story = {r["mentions"][0]["article_id"]: r for r in records}
    assert set(by_story) == ASSERTED and len(records) == len(ASSERTED) + 1  # the truce is two events
    assert [by_story[k]["date"] for k in ("undated", "pubdated", "noted", "month")] == [
        None,
        None,
        None,
        "2024-01",
    ]
    assert by_story["pubdated"]["date_precision"] is None
    assert by_story["pubdated"]["publication_date"] == "2024-04-02"
    assert by_story["city"]["location"]["geonames_id"] == "186301"
    assert by_story["lost"]["location"]["feature"] == "unresolved"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_plain_tables(audited: tuple[EventStore, str], tmp_path: Path, fmt: str) -> None:
    store, _ = audited
    out = tmp_path / f"events.{fmt}"
    export(store, fmt, out)
    table = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}[
        fmt
    ](out)
    stories = [_roots(store)[int(i)] for i in table["event_id"]]
    assert set(stories) == ASSERTED
    dated = {s: d for s, d in zip(stories, table["event_date"], strict=True) if not pd.isna(d)}
    assert set(dated) == {"month", "truce"}  # only dates the text gives
    if fmt == "csv":
        assert all(isinstance(json.loads(v), list) for v in table["source_countries"])
        assert json.loads(table["source_names"].iloc[0]) == ["United States"]


def test_queries_name_actors_and_leave_out_modal_events(audited: tuple[EventStore, str]) -> None:
    store, _ = audited
    found = events(store)
    assert len(found) == len(ASSERTED) + 1 and not found["negated"].any()
    assert set(found["target"]) >= {"Kenya: Police", "Armenia", "Azerbaijan"}
    assert len(events(store, EventFilter(include_modal=True))) == len(found) + 3
    assert "Kenya: Police" in set(top_actors(store, n=10)["name"])


def test_query_command_prints_names_never_ids_or_nan(
    audited: tuple[EventStore, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = audited
    outputs = []
    for _ in range(2):
        assert main(["query", "events", "--db", path]) == 0
        assert main(["query", "top-actors", "--db", path]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]  # the same store prints the same rows in the same order
    assert "actor-" not in outputs[0] and "NaN" not in outputs[0] and "<NA>" not in outputs[0]
    assert "Kenya: Police" in outputs[0]
    assert main(["query", "events", "--db", path, "--include-modal", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sum(bool(r["negated"]) for r in rows) == 1


@pytest.mark.parametrize(
    ("actor", "label"),
    [
        (Actor("Yerevan", "Armenia", "ARM", "GOV", "state"), "Armenia"),
        (Actor("riot police", None, "KEN", "COP", "organization"), "Kenya: Police"),
        # an unnamed group must not take the name of its state
        (Actor("hundreds of marchers", None, "SRB", None, "group"), "Serbia: unnamed group"),
        (Actor("the gunmen", None, None, None, None), "the gunmen"),
    ],
)
def test_one_label_per_actor(actor: Actor, label: str) -> None:
    assert actor_label(actor) == label
    assert actor_label(actor.to_dict()) == label


def test_query_csv_lists_are_json(
    audited: tuple[EventStore, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "events", "--db", audited[1], "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert [json.loads(v) for v in table["source_countries"]][-1] == ["USA"]
