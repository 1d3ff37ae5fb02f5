"""``events_frame``: events as a flat table (pandas or polars), one row per event.

    >>> import eventwire
    >>> frame = eventwire.events_frame(eventwire.code_many(["Japan sent aid to Turkey."]))
    >>> frame[["source_country", "plover", "target_country"]].values.tolist()
    [['JPN', 'AID', 'TUR']]

The same columns come from coded articles and from an event store, so a notebook written
against one works on the other. Every cell is a scalar: several actors on one side are joined
with ``;`` in the order the article gives them ("USA;GBR"), lists (contexts, reporting agencies)
likewise. The columns, in order, are ``COLUMNS`` below; docs/schema.md lists them.

For coded articles a row is one coded event of one article (``event_id`` is empty and
``num_mentions`` is 1). For a store a row is one deduplicated event: reports of the same
event in several articles are one row, ``num_mentions``/``num_articles``/``num_sources`` count
them, and the sentence, trigger and confidence are those of its first report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from eventwire.errors import StoreError
from eventwire.records import CodedArticle

Backend = Literal["pandas", "polars"]
Row = dict[str, Any]

# (column, meaning): the one list the frame, docs/schema.md and the tests read.
COLUMN_DOCS: tuple[tuple[str, str], ...] = (
    ("article_id", "id of the article (for a store: the first article that reported the event)"),
    ("event_id", "store event id; empty for coded articles"),
    ("sentence", "index of the sentence the event was coded from"),
    ("date", "event date (first day of the month or year for coarser precision)"),
    ("date_precision", "day, month or year; empty when the article gives no date"),
    ("article_date", "publication date of the article"),
    ("plover", "PLOVER event type"),
    ("mode", "PLOVER mode, empty when none applies"),
    ("context", "PLOVER contexts joined with ;"),
    ("cameo", "CAMEO code (string)"),
    ("cameo_root", "CAMEO root code: the first two digits"),
    ("goldstein", "Goldstein scale value"),
    ("quad", "QuadClass 1-4"),
    ("source_country", "ISO3 (or IGO/NGO/...) of the source actors, joined with ;"),
    ("source_sector", "sectors of the source actors, joined with ;"),
    ("source_name", "canonical names of the source actors, joined with ;"),
    ("source_text", "surface text of the source actors, joined with ;"),
    ("target_country", "ISO3 of the target actors, joined with ;"),
    ("target_sector", "sectors of the target actors, joined with ;"),
    ("target_name", "canonical names of the target actors, joined with ;"),
    ("target_text", "surface text of the target actors, joined with ;"),
    ("dyad", "source_country + '->' + target_country, empty when either side has no country"),
    ("negated", "true when the text denies the event"),
    ("modality", "asserted, future, hypothetical or conditional"),
    ("location_name", "place name of the event"),
    ("location_country", "ISO3 of the place"),
    ("lat", "latitude of the place"),
    ("lon", "longitude of the place"),
    ("trigger", "the words the event was coded from"),
    ("reported_by", "reporting agencies (names, else text), joined with ;"),
    ("confidence", "the coder's confidence, 0-1"),
    ("num_mentions", "reports merged into this event (1 for coded articles)"),
    ("num_articles", "articles reporting the event (1 for coded articles)"),
    ("num_sources", "distinct publishers reporting it (1 for coded articles)"),
)
COLUMNS: tuple[str, ...] = tuple(name for name, _ in COLUMN_DOCS)


def events_frame(coded_or_store: Any, backend: Backend = "pandas") -> Any:
    """One row per event, with ``COLUMNS``, as a pandas (default) or polars DataFrame.

    ``coded_or_store`` is an iterable of ``CodedArticle`` (what ``code_many`` yields), a
    single ``CodedArticle``, an open ``EventStore``, or the path of a store file.
    """
    rows = _rows_of(coded_or_store)
    columns = {name: [row[name] for row in rows] for name in COLUMNS}
    if backend == "pandas":
        return _pandas_frame(columns)
    if backend == "polars":
        return _polars_frame(columns)
    raise ValueError(f"backend must be 'pandas' or 'polars', not {backend!r}")


def _rows_of(source: Any) -> list[Row]:
    from eventwire.store import EventStore  # noqa: PLC0415 - DuckDB loads only for a store

    if isinstance(source, str | PathLike):
        return _rows_of_store_path(Path(source))
    if isinstance(source, EventStore):
        return store_rows(source)
    if isinstance(source, CodedArticle):
        return coded_rows([source])
    return coded_rows(source)


def _rows_of_store_path(path: Path) -> list[Row]:
    from eventwire.store import EventStore  # noqa: PLC0415

    if not path.is_file():
        raise StoreError(f"no event store at {path}")
    with EventStore.open(path, read_only=True) as store:
        return store_rows(store)


def coded_rows(articles: Iterable[CodedArticle]) -> list[Row]:
    """Rows of every event of every article (articles with an error have none)."""
    rows = []
    for coded in articles:
        article_date = coded.article.date
        for event in coded.events:
            extra: Row = {"article_date": article_date, "event_id": None}
            extra |= {"num_mentions": 1, "num_articles": 1, "num_sources": 1}
            rows.append(flat_row(coded.article.id, event.to_dict(), extra))
    return rows


_STORE_EVENTS = """
    SELECT e.event_id, e.root_article_id AS article_id, e.root_sentence AS sentence, e.plover, e.mode,
           e.context, e.cameo, e.goldstein, e.quad, e.source_json, e.target_json, e.negated, e.modality,
           e.event_date, e.date_precision, e.location_name, e.location_country, e.lat, e.lon,
           e.num_mentions, e.num_articles, e.num_sources, a.date AS article_date,
           m.trigger_text, m.reported_by_json, m.confidence
    FROM events e
    LEFT JOIN articles a ON a.id = e.root_article_id
    LEFT JOIN event_mentions m ON m.event_id = e.event_id
    QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY
        (m.article_id = e.root_article_id AND m.sentence = e.root_sentence) DESC NULLS LAST,
        m.article_id, m.event_index) = 1
    ORDER BY e.event_id"""


def store_rows(store: Any) -> list[Row]:
    """Rows of every deduplicated event in an ``EventStore``."""
    cursor = store.con.execute(_STORE_EVENTS)
    names = [d[0] for d in cursor.description]
    return [_store_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def _store_row(record: Row) -> Row:
    event = {
        **{k: record[k] for k in ("plover", "mode", "cameo", "goldstein", "quad", "negated", "modality")},
        **{k: record[k] for k in ("sentence", "date_precision", "confidence")},
        "context": list(record["context"] or ()),
        "source": json.loads(record["source_json"] or "[]"),
        "target": json.loads(record["target_json"] or "[]"),
        "date": record["event_date"].isoformat() if record["event_date"] else None,
        "location": _store_location(record),
        "trigger": {"text": record["trigger_text"]},
        "reported_by": json.loads(record["reported_by_json"] or "[]"),
    }
    extra = {
        k: record[k] for k in ("event_id", "article_date", "num_mentions", "num_articles", "num_sources")
    }
    return flat_row(record["article_id"], event, extra)


def _store_location(record: Row) -> dict[str, Any] | None:
    if record["location_name"] is None:
        return None
    return {k: record[k] for k in ("lat", "lon")} | {
        "name": record["location_name"],
        "country": record["location_country"],
    }


def flat_row(article_id: str, event: Row, extra: Row) -> Row:
    """One frame row from an event in the contract's shape (``Event.to_dict()``)."""
    source, target = event["source"], event["target"]
    location = event["location"] or {}
    row = {
        "article_id": article_id,
        "sentence": event["sentence"],
        "date": _period_start(event["date"]),
        **{k: event[k] for k in ("date_precision", "plover", "mode", "cameo", "goldstein", "quad")},
        "context": _joined(event["context"]),
        "cameo_root": (event["cameo"] or "")[:2] or None,
        **_side("source", source),
        **_side("target", target),
        "dyad": _dyad(source, target),
        **{k: event[k] for k in ("negated", "modality", "confidence")},
        **{f"location_{k}": location.get(k) for k in ("name", "country")},
        **{k: location.get(k) for k in ("lat", "lon")},
        "trigger": event["trigger"].get("text"),
        "reported_by": _joined([a.get("name") or a.get("text") for a in event["reported_by"]]),
    }
    return row | extra


def _side(role: str, actors: Sequence[Row]) -> Row:
    return {
        f"{role}_{column}": _joined([actor.get(key) for actor in actors])
        for column, key in (("country", "country"), ("sector", "sector"), ("name", "name"), ("text", "text"))
    }


def _dyad(source: Sequence[Row], target: Sequence[Row]) -> str | None:
    left, right = _joined([a.get("country") for a in source]), _joined([a.get("country") for a in target])
    return f"{left}->{right}" if left and right else None


def _joined(values: Iterable[Any]) -> str | None:
    """Distinct non-empty values in order, joined with ';' (None when there are none)."""
    kept = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
    return ";".join(kept) or None


def _period_start(value: str | None) -> dt.date | None:
    """ "2021-05", "2021" and "2021-05-19" as a date (the first day of the period)."""
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-")]
    return dt.date(parts[0], *[*parts[1:], 1, 1][:2])


def _pandas_frame(columns: dict[str, list[Any]]) -> Any:
    import pandas as pd  # noqa: PLC0415 - pandas loads only when a frame is asked for

    frame = pd.DataFrame(columns, columns=list(COLUMNS))
    for name in ("date", "article_date"):
        frame[name] = pd.to_datetime(frame[name])
    return frame


def _polars_frame(columns: dict[str, list[Any]]) -> Any:
    try:
        import polars as pl  # noqa: PLC0415 - optional: polars is not a dependency
    except ImportError:
        raise ImportError(
            "events_frame(..., backend='polars') needs the polars package: pip install polars "
            "(or use backend='pandas')"
        ) from None
    return pl.DataFrame(columns, strict=False)
