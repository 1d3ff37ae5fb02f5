"""A very long article is parsed and coded piece by piece, then merged with every offset kept."""

from __future__ import annotations

from functools import partial

import pytest

from eventwire.nlp import parsed as parsed_module
from eventwire.nlp.parsed import ParsedArticle, PiecedArticle, parse_articles
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle, Mention

# Paragraphs written for this test; each names its own actors, so it codes the same alone.
PARAGRAPHS = (
    "Police in Belarus detained six protesters in Minsk on Sunday.",
    'Kenya and Uganda signed a trade agreement in Nairobi. "This is a good day," the Kenyan president said.',
    "Turkish troops shelled Kurdish positions near the Syrian border on Tuesday.",
    "The Japanese prime minister met the South Korean president in Tokyo to discuss trade.",
    "Hundreds of French farmers protested in Paris against new fuel taxes.",
)
PIECE_CHARS = 700


def long_text(repeats: int) -> str:
    paragraphs = [f"{p} Report {n} ends here." for n in range(repeats) for p in PARAGRAPHS]
    return "\n\n".join(paragraphs)


def code_in_pieces(pipeline: Pipeline, article: Article) -> tuple[CodedArticle, PiecedArticle]:
    (item,) = parse_articles(pipeline.nlp, [article], max_chars=PIECE_CHARS)
    assert isinstance(item, PiecedArticle)
    return pipeline.runner.code(item), item


def spans(coded: CodedArticle) -> list[tuple[str, int, int]]:
    """Every (words, start, end) the coded article reports."""
    mentions: list[Mention] = [*coded.mentions, *coded.places]
    mentions += [m for chain in coded.actor_chains for m in chain.mentions]
    found = [(m.text, m.start, m.end) for m in mentions]
    found += [(s.text, s.start, s.end) for s in coded.sentences]
    found += [(e.trigger.text, e.trigger.start, e.trigger.end) for e in coded.events]
    found += [(q.text, q.start, q.end) for q in coded.quotes]
    return found


def test_every_offset_of_a_pieced_article_points_at_its_words(pipeline: Pipeline) -> None:
    text = long_text(4)
    coded, pieced = code_in_pieces(pipeline, Article(text=text, id="long"))
    assert coded.error is None and coded.article.text == text and coded.article.id == "long"
    assert len(pieced.bounds) >= 4
    found = spans(coded)
    assert len(found) > 100
    assert [(words, start, end) for words, start, end in found if text[start:end] != words] == []
    assert coded.quotes, "the quote of every Kenya paragraph is found"


def test_every_piece_gives_its_events_and_sentences_are_renumbered(pipeline: Pipeline) -> None:
    text = long_text(4)
    coded, pieced = code_in_pieces(pipeline, Article(text=text, id="long"))
    for start, end in pieced.bounds:
        assert any(start <= e.trigger.start < end for e in coded.events), (start, end)
    assert [s.index for s in coded.sentences] == list(range(len(coded.sentences)))
    for event in coded.events:
        sentence = coded.sentences[event.sentence]
        assert sentence.start <= event.trigger.start < sentence.end
    for mention in coded.mentions:
        assert coded.sentences[mention.sentence].start <= mention.start
    longest = max(end - start for start, end in pieced.bounds)
    warning = (
        f"article of {len(text):,} characters coded in {len(pieced.bounds)} pieces of at most {longest:,}"
    )
    assert coded.to_contract_dict()["warnings"] == [warning + " characters"]


def test_pieces_code_what_the_whole_text_codes(pipeline: Pipeline) -> None:
    # The paragraphs stand alone, so cutting between them may change nothing that is coded.
    text = long_text(3)
    pieced, _ = code_in_pieces(pipeline, Article(text=text, id="long"))
    whole = pipeline.code_text(text, id="long")
    assert len(pieced.events) > 10

    def summary(coded: CodedArticle) -> list[tuple[object, ...]]:
        return [(e.plover, e.trigger.start, e.sentence, e.source, e.target) for e in coded.events]

    assert summary(pieced) == summary(whole)
    assert [(m.start, m.end, m.actor) for m in pieced.mentions] == [
        (m.start, m.end, m.actor) for m in whole.mentions
    ]
    assert [(q.start, q.end, q.speaker) for q in pieced.quotes] == [
        (q.start, q.end, q.speaker) for q in whole.quotes
    ]
    assert pieced.sentences == whole.sentences


def test_chains_of_different_pieces_never_share_a_number(pipeline: Pipeline) -> None:
    text = long_text(3)
    coded, pieced = code_in_pieces(pipeline, Article(text=text, id="long"))
    piece_of = {m.chain: _piece(pieced, m.start) for m in coded.mentions if m.chain is not None}
    for mention in coded.mentions:
        if mention.chain is not None:
            assert piece_of[mention.chain] == _piece(pieced, mention.start)
    assert len({c.chain for c in coded.actor_chains}) == len(coded.actor_chains)


def _piece(pieced: PiecedArticle, offset: int) -> int:
    return next(i for i, (start, end) in enumerate(pieced.bounds) if start <= offset < end)


def test_the_pipeline_codes_long_articles_in_pieces_between_short_ones(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("eventwire.pipeline.parse_articles", partial(parse_articles, max_chars=PIECE_CHARS))
    short = Article(text="Kenya and Uganda signed a trade agreement.", id="short")
    text = long_text(2)
    coded = list(pipeline.run([short, Article(text=text, id="long"), short]))
    assert [c.article.id for c in coded] == ["short", "long", "short"]
    assert all(c.error is None for c in coded)
    assert "coded in" in coded[1].to_contract_dict()["warnings"][0]
    assert [t for t, s, e in spans(coded[1]) if text[s:e] != t] == []
    assert coded[0] == coded[2] and coded[0].events


def test_a_failing_piece_fails_the_article_with_the_piece_named(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def broken_parse(self: PiecedArticle, piece: Article) -> ParsedArticle:
        calls.append(piece.text)
        if len(calls) == 2:
            raise ValueError("the parser broke")
        return original(self, piece)

    original = PiecedArticle.parse
    monkeypatch.setattr(parsed_module.PiecedArticle, "parse", broken_parse)
    coded, _ = code_in_pieces(pipeline, Article(text=long_text(3), id="long"))
    assert coded.error is not None and coded.article.id == "long" and not coded.events
    assert coded.error.type == "InternalError.ValueError"
    assert coded.error.message.startswith("piece 2 of 3 (characters ")
    assert coded.error.message.endswith("): the parser broke") and len(calls) == 2
