"""The mention indexes of ParsedArticle answer exactly what a linear scan would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.parsed import ParsedArticle, sentences_of
from eventwire.records import Article, Mention, Sentence

WORDS = [f"w{i}" for i in range(30)]


def mention(start: int, width: int, label: str) -> Mention:
    return Mention(
        text=label, start=0, end=0, sentence=0, token_start=start, token_end=start + width, kind="name"
    )


def naive_at(mentions: list[Mention], token_i: int) -> Mention | None:
    covering = [m for m in mentions if m.token_start <= token_i < m.token_end]
    return min(covering, key=lambda m: m.token_end - m.token_start, default=None)


spans = st.lists(st.tuples(st.integers(0, 25), st.integers(1, 5)), max_size=12)


@settings(max_examples=60, deadline=None)
@given(spans=spans, window=st.tuples(st.integers(0, 30), st.integers(0, 30)))
def test_indexes_match_a_linear_scan(
    nlp: Language, spans: list[tuple[int, int]], window: tuple[int, int]
) -> None:
    doc = Doc(nlp.vocab, words=WORDS)
    mentions = [mention(start, width, f"m{i}") for i, (start, width) in enumerate(spans)]
    one_sentence = (Sentence(0, 0, len(doc.text), doc.text),)
    parsed = ParsedArticle(Article(text=doc.text), doc, one_sentence, mentions=tuple(mentions))
    for token_i in range(len(WORDS)):
        assert parsed.mention_at(token_i) is naive_at(mentions, token_i)
    low, high = sorted(window)
    expected = {id(m) for m in mentions if low <= m.token_start and m.token_end <= high}
    assert {id(m) for m in parsed.mentions_in(low, high)} == expected


def test_replacing_mentions_rebuilds_the_index(nlp: Language) -> None:
    doc = nlp("Chile and Peru signed a treaty.")
    parsed = ParsedArticle(Article(text=doc.text), doc, sentences_of(doc), mentions=(mention(0, 1, "Chile"),))
    assert parsed.mention_at(0) is not None and parsed.mention_at(2) is None
    moved = parsed.with_(mentions=(mention(2, 1, "Peru"),))
    assert moved.mention_at(0) is None and moved.mention_at(2) is not None
