"""Direct quotations found from quotation marks alone, before any parse is consulted.

Newswire text mixes straight and typographic marks, forgets closing marks, and runs
quotes over several paragraphs by re-opening each paragraph without closing the last.
The scanner below never fails on such text: an unclosed quote ends at the end of its
paragraph (or at the last full stop before the next opening mark), and a stray closing
mark is ignored.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Role = Literal["open", "close", "either"]

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
STRAIGHT = '"'
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
PTB_MARKS: Mapping[str, Role] = MappingProxyType({"``": "open", "''": "close"})
# A straight mark after one of these opens a quote; before one of these it closes one.
OPEN_CONTEXT = frozenset(" \t\n([{—–-/")
CLOSE_CONTEXT = frozenset(" \t\n.,;:!?)]}—–-")
TRAILING_PUNCT = " \t\n,;:"
# Every character that can be a mark or begin a doubled one (``, ''), and the single openers.
_MARK_CHARS = re.compile("[" + re.escape("".join(sorted(OPENING | CLOSING)) + STRAIGHT + "`'") + "]")
_SINGLE_CHARS = re.compile("[" + re.escape(SINGLE_OPEN + "'") + "]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The quoted words (without marks) and the quote they belong to.

    ``group`` is shared by the paragraphs of one multi-paragraph quote, so they get one speaker.
    """

    start: int
    end: int
    group: int
    closed: bool = True


@dataclass(frozen=True, slots=True)
class QuotedRegions:
    """Where quoted words are, for O(log n) "is this position quoted?" questions."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @classmethod
    def of(cls, spans: Sequence[QuoteSpan]) -> QuotedRegions:
        ordered = sorted(spans, key=lambda s: s.start)  # spans never overlap
        return cls(tuple(s.start for s in ordered), tuple(s.end for s in ordered))

    def covers(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    role: Role
    width: int = 1


def mark_role(text: str, pos: int) -> Role | None:
    """Whether the character at ``pos`` opens or closes a quote, or could do either."""
    char = text[pos]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    return _straight_role(text, pos) if char == STRAIGHT else None


def _straight_role(text: str, pos: int) -> Role | None:
    """A straight mark's role, read from its neighbours: space before opens, space after closes."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None  # an inch mark or a typo inside a word, not a quotation mark
    opens, closes = before in OPEN_CONTEXT, after in CLOSE_CONTEXT
    if opens != closes:
        return "open" if opens else "close"
    return "either"


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line: newswire paragraphs are one line each."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    found = []
    after_pair = start
    # Only characters that can be (or start) a mark are looked at: a loop over every
    # character of the text cost more than the rest of the quote stage.
    for candidate in _MARK_CHARS.finditer(text, start, end):
        pos = candidate.start()
        if pos < after_pair:
            continue
        pair = text[pos : pos + 2]
        if pair in PTB_MARKS:  # old wire copy writes ``quotes'' with doubled backticks and apostrophes
            found.append(_Mark(pos, PTB_MARKS[pair], 2))
            after_pair = pos + 2
            continue
        role = mark_role(text, pos)
        if role is not None:
            found.append(_Mark(pos, role))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words only: no surrounding blanks, no comma left before the closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_PUNCT:
        end -= 1
    return start, end


def _cut_before(text: str, start: int, limit: int) -> int:
    """Where an unclosed quote that meets a new opening mark most likely ended."""
    stop = max(text.rfind(ch, start, limit) for ch in ".!?")
    return stop + 1 if stop >= 0 else limit


def _scan_paragraph(
    text: str, start: int, end: int, open_at: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """Closed (start, end) pairs of one paragraph, and where a quote is left open, if one is."""
    pairs: list[tuple[int, int]] = []
    for mark in _marks(text, start, end):
        if open_at is None:
            if mark.role != "close":
                open_at = mark.pos + mark.width
        elif mark.role == "open":
            pairs.append((open_at, _cut_before(text, open_at, mark.pos)))
            open_at = mark.pos + mark.width
        else:
            pairs.append((open_at, mark.pos))
            open_at = None
    return pairs, open_at


def _reopens(text: str, start: int) -> bool:
    """True when a paragraph begins with an opening mark: the previous quote goes on."""
    pos = start
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if text.startswith("``", pos):
        return True
    return pos < len(text) and mark_role(text, pos) in ("open", "either")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every direct quotation in ``text``, in order, one span per paragraph it covers."""
    double = _double_quote_spans(text)
    single = _single_quote_spans(text, double, first_group=max((s.group for s in double), default=-1) + 1)
    return sorted(double + single, key=lambda s: s.start)


def _single_quote_spans(text: str, taken: list[QuoteSpan], first_group: int) -> list[QuoteSpan]:
    """Single-quoted words (‘…’ or '…'), outside double-quoted text (where they would be nested).

    The closing mark is also the apostrophe, so it must touch punctuation (‘…,’ or ‘…’.);
    failing that, the first one before a space closes, which "the ministers’ plan" can fool.
    """
    spans: list[QuoteSpan] = []
    for start, end in paragraphs(text):
        pos = start
        while (opener := _single_opener(text, pos, end)) is not None:
            limit = min([s.start for s in taken if s.start > opener] + [end])
            inside = any(s.start <= opener < s.end + 1 for s in taken)
            closing = SINGLE_CLOSE if text[opener] == SINGLE_OPEN else "'"
            closer = None if inside else _single_closer(text, opener + 1, limit, closing)
            if closer is not None:
                spans.append(QuoteSpan(*_trimmed(text, opener + 1, closer), group=first_group + len(spans)))
            pos = (closer or opener) + 1
    return [s for s in spans if s.end > s.start]


def _single_opener(text: str, start: int, end: int) -> int | None:
    """Next ‘, or ' that starts a word after a space ("'We" yes; "don't", "'90s" no)."""
    for candidate in _SINGLE_CHARS.finditer(text, start, end):
        pos = candidate.start()
        if text[pos] == SINGLE_OPEN:
            return pos
        starts_word = pos + 1 < len(text) and text[pos + 1].isalpha()
        if text[pos] == "'" and (pos == 0 or text[pos - 1] in OPEN_CONTEXT) and starts_word:
            return pos
    return None


def _single_closer(text: str, start: int, limit: int, closing: str) -> int | None:
    weak = None
    for pos in range(start, limit):
        if text[pos] != closing:
            continue
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if text[pos - 1] in ".,!?" or after in ".,;:!?)" or pos + 1 == limit:
            return pos
        if weak is None and after.isspace():
            weak = pos
    return weak


def _double_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    group = -1
    continuing = False  # the previous paragraph ended inside a quote
    for start, end in paragraphs(text):
        pairs, open_at = _scan_paragraph(text, start, end, None)
        resumes = continuing and _reopens(text, start)
        for i, (a, b) in enumerate(pairs):
            group += 0 if i == 0 and resumes else 1
            spans.append(QuoteSpan(*_trimmed(text, a, b), group=group))
        if open_at is not None:
            group += 0 if resumes and not pairs else 1
            spans.append(QuoteSpan(*_trimmed(text, open_at, end), group=group, closed=False))
        continuing = open_at is not None
    return [s for s in spans if s.end > s.start]
