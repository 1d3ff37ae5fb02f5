"""Where a very long article is cut into pieces that are parsed and coded one at a time.

spaCy refuses texts over ``nlp.max_length`` (error E088) and its memory grows fast with the
length of one text: one 300,000-character article took over a gigabyte. An article longer
than ``CHUNK_CHARS`` is cut at paragraph or sentence ends into pieces of at most that size
that cover its text exactly; ``runner.StageRunner`` codes each piece as an article of its own
and ``nlp.pieces.merge_pieces`` shifts every offset back into the whole text, so memory grows
with one piece's parse, not with the article.
"""

from __future__ import annotations

import re

CHUNK_CHARS = 100_000
# Where a cut may fall, best first: after a paragraph break, after a sentence end, after a space.
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"[.!?][\"')\]]?\s+"), re.compile(r"\s+"))


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


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start`` and may reach ``limit``."""
    window = text[start:limit]
    half = len(window) // 2
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window, half)]
        if ends:
            return start + ends[-1]
    return limit
