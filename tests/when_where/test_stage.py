"""The when_where stage on whole articles: dates, places, datelines, notes, and robustness."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.metadata.stage import MetadataStage
from eventwire.nlp.parsed import ParsedArticle, parse_articles, sentences_of
from eventwire.records import Actor, Article, Event, Mention, Span
from eventwire.registry import load_stage_spec
from eventwire.when_where.stage import WhenWhereStage
from tests.conftest import build_doc, build_stage, shared_knowledge

THU = dt.date(2023, 10, 12)


def event_at(parsed: ParsedArticle, word: str, occurrence: int = 0, **fields: object) -> Event:
    starts = [t.idx for t in parsed.doc if t.text == word]
    start = starts[occurrence]
    token = next(t for t in parsed.doc if t.idx == start)
    return Event(
        plover=str(fields.pop("plover", "CONSULT")),
        cameo="0",
        sentence=parsed.sentence_index(token),
        trigger=Span(word, start, start + len(word)),
        **fields,  # type: ignore[arg-type]
    )


def run(nlp: Language, text: str, triggers: list[str], date: dt.date | None = THU) -> ParsedArticle:
    parsed = next(parse_articles(nlp, [Article(text=text, date=date)]))
    events = tuple(event_at(parsed, w) for w in triggers)
    return WhenWhereStage(shared_knowledge())(MetadataStage()(parsed).with_(events=events))


def test_registered_under_its_name() -> None:
    stage = build_stage(load_stage_spec("when_where.default"))
    assert stage.name == "when_where.default"


def test_dateline_gives_place_publisher_and_fallback(nlp: Language) -> None:
    out = run(
        nlp,
        "TALLINN, Oct 11 (Reuters) - The government resigned after a vote of no confidence.",
        ["resigned"],
        None,
    )
    [event] = out.events
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.source) == (
        "Tallinn",
        "EST",
        "dateline",
    )
    assert out.article.publisher == "Reuters" and out.article.date is None  # no year to trust
    assert out.diagnostics.dateline.to_dict() == {"place": "Tallinn", "publisher": "Reuters", "date": None}


def test_dateline_fills_only_missing_metadata(nlp: Language) -> None:
    parsed = next(
        parse_articles(
            nlp,
            [
                Article(
                    text="RIGA, Oct 12 (AFP) - Police detained two men.", publisher="Baltic Desk", date=THU
                )
            ],
        )
    )
    parsed = MetadataStage()(parsed)
    out = WhenWhereStage(shared_knowledge())(parsed.with_(events=(event_at(parsed, "detained"),)))
    assert out.article.publisher == "Baltic Desk"
    [event] = out.events
    assert (event.date, event.date_precision) == ("2023-10-12", "day")
    assert [n.to_dict() for n in out.diagnostics.event_dates] == [
        {"event": 0, "source": "publication", "expression": None}
    ]


def test_text_place_wins_over_dateline(nlp: Language) -> None:
    out = run(nlp, "VILNIUS (Reuters) - Ministers met in Warsaw on Wednesday.", ["met"])
    [event] = out.events
    assert event.location is not None and (event.location.name, event.location.source) == ("Warsaw", "text")
    assert (event.date, event.date_precision) == ("2023-10-11", "day")


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The Kabul bombing killed nine people.", "bombing", "Kabul"),
        ("New US sanctions hit the refinery.", "sanctions", None),
        ("Ministers met at a hotel in Valletta.", "met", "Valletta"),
    ],
)
def test_modifiers_and_nested_phrases(nlp: Language, text: str, trigger: str, place: str | None) -> None:
    [event] = run(nlp, text, [trigger]).events
    assert (event.location.name if event.location else None) == place


def test_capital_named_by_a_nationality_adjective(nlp: Language) -> None:
    parsed = next(
        parse_articles(nlp, [Article(text="Gunmen attacked a school in the Afghan capital.", date=THU)])
    )
    afghan = next(t for t in parsed.doc if t.text == "Afghan")
    mention = Mention(
        text="Afghan",
        start=afghan.idx,
        end=afghan.idx + 6,
        sentence=0,
        token_start=afghan.i,
        token_end=afghan.i + 1,
        kind="adjective",
        actor=Actor(text="Afghan", country="AFG", kind="state"),
    )
    parsed = parsed.with_(mentions=(mention,), events=(event_at(parsed, "attacked"),))
    [event] = WhenWhereStage(shared_knowledge())(parsed).events
    assert event.location is not None and (event.location.name, event.location.country) == ("Kabul", "AFG")


def test_bare_capital_is_the_datelines_countrys(nlp: Language) -> None:
    out = run(nlp, "NAIROBI, Kenya (Reuters) - Police dispersed a march in the capital.", ["dispersed"], None)
    [event] = out.events
    assert event.location is not None and (event.location.name, event.location.source) == ("Nairobi", "text")


def test_previous_sentence_date_carries_within_a_paragraph_only(nlp: Language) -> None:
    text = "Relations soured in March. The envoy was summoned.\nThe embassy was closed."
    out = run(nlp, text, ["summoned", "closed"])
    summoned, closed = out.events
    assert (summoned.date, summoned.date_precision) == ("2023-03", "month")
    assert (closed.date, closed.date_precision) == ("2023-10-12", "day")  # new paragraph: fallback


def test_future_event_without_a_date_gets_none(nlp: Language) -> None:
    parsed = next(parse_articles(nlp, [Article(text="The two leaders will meet again.", date=THU)]))
    event = event_at(parsed, "meet", modality="future")
    [out] = WhenWhereStage(shared_knowledge())(parsed.with_(events=(event,))).events
    assert (out.date, out.date_precision) == (None, None)


def test_unresolved_toponym_is_reported_not_dropped(nlp: Language) -> None:
    doc = build_doc(
        nlp,
        ["Troops", "clashed", "in", "Zqxvoria", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        tags=["NNS", "VBD", "IN", "NNP", "."],
        pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        ents=["O", "O", "O", "B-GPE", "O"],
    )
    parsed = ParsedArticle(article=Article(text=doc.text, date=THU), doc=doc, sentences=sentences_of(doc))
    out = WhenWhereStage(shared_knowledge())(parsed.with_(events=(event_at(parsed, "clashed"),)))
    [event] = out.events
    assert event.location is not None and (event.location.name, event.location.source) == (
        "Zqxvoria",
        "unresolved",
    )
    assert out.diagnostics.unresolved_places == ("Zqxvoria",)


def test_hand_built_parse_date_in_relative_clause_is_not_the_events(nlp: Language) -> None:
    # "Police detained the activist who returned on Friday ." -- Friday dates the return
    doc = build_doc(
        nlp,
        ["Police", "detained", "the", "activist", "who", "returned", "on", "Friday", "."],
        [1, 1, 3, 1, 5, 3, 5, 6, 1],
        ["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "prep", "pobj", "punct"],
        tags=["NNS", "VBD", "DT", "NN", "WP", "VBD", "IN", "NNP", "."],
        pos=["NOUN", "VERB", "DET", "NOUN", "PRON", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    parsed = ParsedArticle(article=Article(text=doc.text, date=THU), doc=doc, sentences=sentences_of(doc))
    out = WhenWhereStage(shared_knowledge())(
        parsed.with_(events=(event_at(parsed, "detained"), event_at(parsed, "returned")))
    )
    detained, returned = out.events
    assert detained.date == "2023-10-12" and out.diagnostics.event_dates[0].source == "publication"
    assert returned.date == "2023-10-06" and out.diagnostics.event_dates[1].source == "clause"


def test_misaligned_trigger_does_not_fail_the_article(nlp: Language) -> None:
    parsed = next(parse_articles(nlp, [Article(text="Police fired tear gas in Minsk.", date=THU)]))
    broken = Event(plover="COERCE", cameo="0", sentence=0, trigger=Span("??", 500, 502))
    [event] = WhenWhereStage(shared_knowledge())(parsed.with_(events=(broken,))).events
    assert event.location is None and event.date == "2023-10-12"


def test_event_with_a_sentence_index_out_of_range(nlp: Language) -> None:
    parsed = next(parse_articles(nlp, [Article(text="Police fired tear gas in Minsk on Monday.", date=THU)]))
    odd = Event(plover="COERCE", cameo="0", sentence=7, trigger=Span("fired", 7, 12))
    [event] = WhenWhereStage(shared_knowledge())(parsed.with_(events=(odd,))).events
    assert event.location is not None and event.location.name == "Minsk"
    assert event.date == "2023-10-12"  # no text date from a sentence that is not there


@pytest.mark.parametrize("text", ["", "...", "REUTERS - -", "Ukraine Ukraine Ukraine"])
def test_odd_articles_without_events(nlp: Language, text: str) -> None:
    parsed = next(parse_articles(nlp, [Article(text=text or " ", date=None)]))
    out = WhenWhereStage(shared_knowledge())(parsed)
    assert out.events == () and isinstance(out.diagnostics.unresolved_places, tuple)
