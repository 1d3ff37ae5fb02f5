"""Very long articles parsed in pieces, with every character offset kept.

spaCy refuses texts over ``nlp.max_length`` (error E088) and its memory grows fast with the
length of one text: one 300,000-character article took over a gigabyte. An article longer
than ``CHUNK_CHARS`` is cut at paragraph or sentence ends into pieces of at most that size,
each piece is parsed alone, and the pieces are joined into one ``Doc`` whose text is the
article's text, character for character, so every offset the stages report stays valid.
The per-token tensors of the pieces are dropped (the rule stages do not read them), which
keeps the joined ``Doc`` to its token table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Article

CHUNK_CHARS = 100_000
# Where a cut may fall, best first: after a paragraph break, after a sentence end, after a space.
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"[.!?][\"')\]]?\s+"), re.compile(r"\s+"))

Parsed = tuple[Doc, Article, tuple[str, ...]]


def chunk_bounds(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of pieces of at most ``max_chars`` that cover ``text`` exactly, in order.

    Each cut falls after the whitespace that follows a paragraph or sentence end when one
    lies in the second half of the window, else after any whitespace, else (a single
    "word" longer than the window) at the window's end.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def parse_in_chunks(nlp: Language, text: str, max_chars: int = CHUNK_CHARS) -> Doc:
    """One ``Doc`` of ``text`` parsed piece by piece; ``doc.text == text``."""
    pieces = (text[start:end] for start, end in chunk_bounds(text, max_chars))
    docs = []
    for doc in nlp.pipe(pieces, batch_size=1):
        doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")
        docs.append(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # an invariant of the cuts: never let wrong offsets through
        raise ValueError("the pieces of a long article did not join back to its text")
    return joined


def pipe_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32, max_chars: int = CHUNK_CHARS
) -> Iterator[Parsed]:
    """(doc, article, warnings) per article, in input order; long articles parsed in pieces."""
    waiting: list[Article] = []
    for article in articles:
        if len(article.text) <= max_chars:
            waiting.append(article)
            if len(waiting) >= batch_size:
                yield from _pipe(nlp, waiting, batch_size)
                waiting = []
            continue
        yield from _pipe(nlp, waiting, batch_size)
        waiting = []
        pieces = len(chunk_bounds(article.text, max_chars))
        warning = (
            f"article of {len(article.text):,} characters parsed in {pieces} pieces of at most {max_chars:,}"
        )
        yield parse_in_chunks(nlp, article.text, max_chars), article, (warning,)
    yield from _pipe(nlp, waiting, batch_size)


def _pipe(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[Parsed]:
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc, article, ()


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start`` and may reach ``limit``."""
    window = text[start:limit]
    half = len(window) // 2
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window, half)]
        if ends:
            return start + ends[-1]
    return limit
