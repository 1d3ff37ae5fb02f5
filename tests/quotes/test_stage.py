"""The quotes.rules stage on parsed articles, with actor mentions made by hand."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from eventwire.nlp.parsed import ParsedArticle, sentences_of
from eventwire.quotes.stage import quote_stage, share_chains
from eventwire.records import Actor, Article, Event, Mention, MentionKind, Quote, Sentence, Span
from tests.conftest import build_stage

OKAFOR = Actor(text="Maria Okafor", name="Maria Okafor", country="NGA", sector="GOV", kind="person")
RAO = Actor(text="Anil Rao", name="Anil Rao", country="IND", sector="GOV", kind="person")
TASS = Actor(text="TASS", name="TASS", country="RUS", sector="MED", kind="organization")
KENYA = Actor(text="Kenya", country="KEN", kind="state")


def _mention(parsed: ParsedArticle, text: str, actor: Actor | None, chain: int, kind: MentionKind) -> Mention:
    start = parsed.article.text.index(text)
    span = parsed.doc.char_span(start, start + len(text))
    assert span is not None, text
    return Mention(text, start, start + len(text), 0, span.start, span.end, kind, actor, chain, span.root.i)


def _parsed(
    nlp: Language, text: str, mentions: Sequence[tuple[str, Actor | None, int, MentionKind]] = ()
) -> ParsedArticle:
    doc = nlp(text)
    parsed = ParsedArticle(article=Article(text=text), doc=doc, sentences=sentences_of(doc))
    return parsed.with_(mentions=tuple(_mention(parsed, *m) for m in mentions))


def _event(parsed: ParsedArticle, trigger: str, source: tuple[Actor, ...]) -> Event:
    start = parsed.article.text.index(trigger)
    return Event("AID", "070", 0, Span(trigger, start, start + len(trigger)), source=source)


def _run(parsed: ParsedArticle) -> ParsedArticle:
    return build_stage(quote_stage)(parsed)


def _direct(parsed: ParsedArticle) -> list[Quote]:
    return [q for q in parsed.quotes if q.direct]


def test_speaker_comes_from_the_mention_actor(nlp: Language) -> None:
    parsed = _parsed(nlp, 'Okafor said the plan was "dead on arrival."', [("Okafor", OKAFOR, 1, "name")])
    out = _run(parsed)
    [quote] = _direct(out)
    assert quote.text == "dead on arrival." and quote.speaker == OKAFOR and quote.cue == "said"


def test_pronoun_speaker_follows_its_chain(nlp: Language) -> None:
    text = 'Maria Okafor left the hall early. "We lost the vote," she said.'
    parsed = _parsed(nlp, text, [("Maria Okafor", OKAFOR, 7, "name"), ("she", None, 7, "pronoun")])
    [quote] = _direct(_run(parsed))
    assert quote.text == "We lost the vote" and quote.speaker == OKAFOR


def test_first_person_event_in_a_quote_becomes_the_speakers(nlp: Language) -> None:
    text = 'Anil Rao told reporters: "We will send food to the camps."'
    parsed = _parsed(nlp, text, [("Anil Rao", RAO, 1, "name")])
    parsed = parsed.with_(events=(_event(parsed, "send", (Actor(text="We"),)),))
    out = _run(parsed)
    assert out.events[0].source == (RAO,)
    assert out.events[0].reported_by == ()


def test_cited_speaker_and_reporting_outlet(nlp: Language) -> None:
    text = '"We will send more troops," the TASS news agency reported, citing Anil Rao.'
    parsed = _parsed(nlp, text, [("TASS", TASS, 1, "name"), ("Anil Rao", RAO, 2, "name")])
    parsed = parsed.with_(events=(_event(parsed, "send", ()),))
    out = _run(parsed)
    [quote] = _direct(out)
    assert quote.speaker == RAO
    # The outlet keeps the actor stage's identity; its text is the whole name phrase.
    assert [(a.identity, a.text) for a in quote.reported_by] == [(TASS.identity, "TASS news agency")]
    assert out.events[0].source == (RAO,) and out.events[0].reported_by == quote.reported_by


def test_according_to_an_outlet_fills_reported_by_of_events(nlp: Language) -> None:
    text = "Kenya recalled its ambassador from Somalia, according to Reuters."
    parsed = _parsed(nlp, text, [("Kenya", KENYA, 1, "name")])
    parsed = parsed.with_(events=(_event(parsed, "recalled", (KENYA,)),))
    out = _run(parsed)
    assert out.quotes == ()
    assert [a.text for a in out.events[0].reported_by] == ["Reuters"]
    assert out.events[0].source == (KENYA,)


def test_speakers_without_mentions_are_named_from_the_parse(nlp: Language) -> None:
    out = _run(_parsed(nlp, '"The dam is safe," said Ana Costa, the head of the water authority.'))
    [quote] = _direct(out)
    assert quote.speaker is not None and quote.speaker.text == "Ana Costa"


@pytest.mark.parametrize(
    "text",
    [
        "No quotation marks in this article at all.",
        'One odd " mark here.',
        'He said "we stay. She said "we go.',
        '"""',
        "“Unclosed typographic\n\n” stray closing",
        '"\n"\n"',
    ],
)
def test_odd_or_missing_marks_never_fail(nlp: Language, text: str) -> None:
    out = _run(_parsed(nlp, text))
    for quote in out.quotes:
        assert text[quote.start : quote.end] == quote.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            ['"', "“", "”", "said", "Rao", "he", "we", ".", ",", "\n", "according to", "Reuters"]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_generated_text_gives_consistent_quotes(nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    if not text.strip():
        return
    out = _run(_parsed(nlp, text))
    for quote in out.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text


def test_neighbouring_quotes_of_one_speaker_share_the_reporting_chain() -> None:
    described = Quote("very plain", 10, 20, speaker=RAO, sentence=3)
    cited = Quote("We are ready", 40, 52, speaker=RAO, reported_by=(TASS,), sentence=5)
    far = Quote("Later words", 300, 311, speaker=RAO, sentence=7)
    other = Quote("Other words", 60, 71, speaker=OKAFOR, sentence=5)
    texts = [
        "x",
        "x",
        "x",
        "Rao described it as very plain.",
        '"',
        "We are ready.",
        "Then rain.",
        "Later words.",
    ]
    sentences = [Sentence(i, 0, 0, t) for i, t in enumerate(texts)]
    shared = share_chains([described, cited, far, other], sentences)
    assert [q.reported_by for q in shared] == [(TASS,), (TASS,), (), ()]
