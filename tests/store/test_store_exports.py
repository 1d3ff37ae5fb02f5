"""Every export format: column count, order and types, on reports written for these tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from store_builders import GENEVA, RUS, USA, coded_article, meeting

from eventwire.errors import StoreError
from eventwire.records import Actor
from eventwire.store import EventStore
from eventwire.store.exports import export, format_names
from eventwire.store.exports.layouts import column_names

# Positions (1-based) and names from the GDELT 2.0 Event codebook, checked independently of our layout file.
GDELT_SPOT_CHECKS = {
    1: "GlobalEventID", 2: "Day", 5: "FractionDate", 6: "Actor1Code", 16: "Actor2Code", 26: "IsRootEvent",
    27: "EventCode", 30: "QuadClass", 31: "GoldsteinScale", 34: "NumArticles", 35: "AvgTone",
    36: "Actor1Geo_Type", 52: "ActionGeo_Type", 54: "ActionGeo_CountryCode", 60: "DATEADDED", 61: "SOURCEURL",
}  # fmt: skip
ICEWS_HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip


@pytest.fixture(scope="module")
def filled() -> Iterator[EventStore]:
    with EventStore.open(":memory:") as store:  # the tests only read it: build it once
        url = "https://news.example.org/geneva-talks"
        store.add(
            meeting("m1", "American and Russian envoys met in Geneva on Monday.", "2024-03-11", "Wire One")
        )
        store.add(
            meeting("m2", "Envoys from Washington and Moscow met in Geneva.", "2024-03-12", "Daily Two")
        )
        odd = Actor("the\tMinistry", "Ministry\tof Tabs", "USA", "GOV", "organization")
        accusation = {"source": (RUS,), "target": (odd,), "date": "2024-03-20", "goldstein": -2.0, "quad": 3,
                      "cameo": "112", "trigger": "accused", "place": GENEVA}  # fmt: skip
        text = "Moscow accused the\tMinistry of stalling."
        store.add(coded_article("c1", text, url=url, events=(("ACCUSE", accusation),)))
        yield store


def _read_tsv(path: Path, header: bool) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=0 if header else None, dtype=str, keep_default_na=False)


def test_gdelt_events_have_61_columns_in_gdelt_order(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(filled, "gdelt", out) == 2
    lines = out.read_text("utf-8").splitlines()
    assert [len(line.split("\t")) for line in lines] == [61, 61]
    names = column_names("gdelt_events")
    assert len(names) == 61
    assert {position: names[position - 1] for position in GDELT_SPOT_CHECKS} == GDELT_SPOT_CHECKS
    table = pd.read_csv(out, sep="\t", header=None, names=names)
    assert table["GlobalEventID"].dtype.kind == "i" and table["GoldsteinScale"].dtype.kind == "f"
    first = table.iloc[0]
    assert (first["Day"], first["MonthYear"], first["Year"]) == (20240311, 202403, 2024)
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor2Code"]) == (
        "USAGOV",
        "USA",
        "RUSGOV",
    )
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == (2, 2, 2)
    assert (first["ActionGeo_CountryCode"], first["ActionGeo_Type"]) == ("SZ", 4)  # FIPS code of Switzerland
    assert len(str(first["DATEADDED"])) == 14


def test_gdelt_codes_keep_their_leading_zeros(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(filled, "gdelt", out)
    table = _read_tsv(out, header=False)
    table.columns = column_names("gdelt_events")
    assert list(table["EventCode"]) == ["040", "112"]
    assert list(table["EventRootCode"]) == ["04", "11"]
    assert table.iloc[1]["Actor2Name"] == "MINISTRY OF TABS"  # the tab inside a value never splits a column
    assert table.iloc[1]["SOURCEURL"] == "https://news.example.org/geneva-talks"


def test_gdelt_mentions_one_row_per_mention(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "mentions.tsv"
    assert export(filled, "gdelt-mentions", out) == 3
    names = column_names("gdelt_mentions")
    assert len(names) == 16 and names[0] == "GlobalEventID" and names[-1] == "Extras"
    table = pd.read_csv(out, sep="\t", header=None, names=names)
    assert list(table["GlobalEventID"]) == [1, 1, 2]
    assert list(table["SentenceID"]) == [1, 1, 1]
    assert list(table["MentionType"]) == [3, 3, 1]  # no URL: a document; URL: the web
    assert table.iloc[2]["ActionCharOffset"] == len("Moscow ")
    assert table.iloc[2]["Actor1CharOffset"] == 0  # "Moscow" opens the sentence
    assert list(table["Confidence"]) == [80, 80, 80]


def test_icews_has_its_20_named_columns(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "icews.tsv"
    export(filled, "icews", out)
    table = pd.read_csv(out, sep="\t")
    assert list(table.columns) == [*ICEWS_HEADER, "Date Source"]  # the codebook's, then eventwire's
    assert table["Event ID"].dtype.kind == "i" and table["Intensity"].dtype.kind == "f"
    first = table.iloc[0].to_dict()
    assert {k: first[k] for k in ("Source Country", "Source Sectors", "Target Name", "City", "Country")} == {
        "Source Country": "United States",
        "Source Sectors": "Government",
        "Target Name": "Russia",
        "City": "Geneva",
        "Country": "Switzerland",
    }
    assert table.iloc[1]["Sentence Number"] == 1


def test_polecat_layout(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "polecat.tsv"
    export(filled, "polecat", out)
    table = pd.read_csv(out, sep="\t", dtype={"Event ID": str})
    assert list(table.columns) == [*column_names("polecat"), "Date Source"]
    assert list(table.columns[:7]) == [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    ]  # fmt: skip
    assert list(table["Event Type"]) == ["CONSULT", "ACCUSE"]
    assert list(table["Recipient Country"]) == ["RUS", "USA"]
    assert table["Event Intensity"].dtype.kind == "f"


def test_plover_json_lists_every_mention(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    assert export(filled, "plover", out) == 2
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["event"] for r in records] == ["CONSULT", "ACCUSE"]
    assert [len(r["mentions"]) for r in records] == [r["num_mentions"] for r in records] == [2, 1]
    assert records[0]["actor"][0]["country"] == USA.country
    assert records[0]["mentions"][1]["sentence_text"] == "Envoys from Washington and Moscow met in Geneva."


def _plain(table: pd.DataFrame) -> list[tuple[object, ...]]:
    """Rows with Python values: lists for arrays, None for every kind of missing value."""

    def value(cell: object) -> object:
        if hasattr(cell, "tolist"):
            return cell.tolist()
        return None if cell is None or cell is pd.NaT or (isinstance(cell, float) and pd.isna(cell)) else cell

    return [tuple(value(v) for v in row) for row in table.astype(object).itertuples(index=False)]


def test_parquet_reads_back_the_same_rows(filled: EventStore, tmp_path: Path) -> None:
    for table in ("events", "event_mentions", "articles"):
        out = tmp_path / f"{table}.parquet"
        export(filled, "parquet", out, table=table)
        cursor = filled.con.execute(f"SELECT * FROM {table} ORDER BY 1")
        columns = [d[0] for d in cursor.description or ()]
        expected = cursor.fetchall()
        back = pd.read_parquet(out).sort_values(columns[0])
        assert list(back.columns) == columns
        assert _plain(back) == expected


def test_csv_and_jsonl_have_one_row_per_event(filled: EventStore, tmp_path: Path) -> None:
    export(filled, "csv", tmp_path / "events.csv")
    export(filled, "jsonl", tmp_path / "events.jsonl")
    assert list(pd.read_csv(tmp_path / "events.csv")["event_id"]) == [1, 2]
    lines = (tmp_path / "events.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["num_articles"] for line in lines] == [2, 1]


def test_empty_store_exports_empty_files(store: EventStore, tmp_path: Path) -> None:
    for fmt in format_names():
        assert export(store, fmt, tmp_path / f"out.{fmt}") == 0


def test_unknown_format_or_table(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(StoreError, match="unknown table"):
        export(store, "csv", tmp_path / "x", table="secrets")
