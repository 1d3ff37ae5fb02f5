"""Quotation drafts: spans of quoted or reported words with the tokens that attribute them.

A draft still holds tokens, not actors: pronoun speakers and floating quotes are
resolved afterwards, in text order, by the resolver (``resolve.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.quotes.lexicon import QuoteLexicon
from eventwire.quotes.marks import QuotedRegions, QuoteSpan
from eventwire.quotes.rules import (
    Agents,
    MediaTest,
    agents_of,
    clause_span,
    is_according,
    is_cue,
    sentence_reporters,
)

# How far (in tokens) a cue may sit from a quote's marks when the parse does not link them.
ADJACENT_WINDOW = 8
# An indirect quote whose clause is mostly quoted already adds nothing to the direct quote.
MAX_QUOTED_SHARE = 0.8
CLOSING_TEXTS = frozenset({'"', "”", "»", "'"})
SENTENCE_END = frozenset({".", "!", "?"})


@dataclass(frozen=True, slots=True)
class Draft:
    """One quotation before its speaker and reporters become actors."""

    start: int
    end: int
    direct: bool
    cue: Token | None = None
    speaker: Token | None = None
    reporters: tuple[Token, ...] = ()
    group: int | None = None

    @property
    def floating(self) -> bool:
        """A direct quote that no cue claims: its speaker comes from the quotes before it."""
        return self.direct and self.cue is None and self.speaker is None and not self.reporters


@dataclass(frozen=True)
class Attributor:
    """Finds cues for direct quotes and the indirect quotes of one parsed document."""

    doc: Doc
    lex: QuoteLexicon
    is_media: MediaTest
    regions: QuotedRegions = field(default_factory=QuotedRegions)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens whose first character lies in [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return [t for t in span if start <= t.idx < end] if span is not None else []

    def outside(self, token: Token) -> bool:
        return not self.regions.covers(token.idx)

    def _walk_up(self, content: list[Token]) -> Iterator[Token]:
        """Cues that govern the quoted words: "described it as 'very simple'"."""
        inside = {t.i for t in content}
        for token in content:
            if token.head.i in inside and token.head is not token:
                continue
            for ancestor in token.ancestors:
                if ancestor.i not in inside and is_cue(ancestor, self.lex) and self.outside(ancestor):
                    yield ancestor
                    break

    def _attached(self, content: list[Token]) -> Iterator[Token]:
        """Cues the parser hung below the quote ('"...," TASS reported' as a conjunct)."""
        inside = {t.i for t in content}
        for token in content:
            for child in token.children:
                if child.i not in inside and is_cue(child, self.lex) and self.outside(child):
                    yield child

    def _adjacent(self, content: list[Token]) -> Iterator[Token]:
        """Cues next to the marks: '"...," Blinken said.' or 'She added: "..."'."""
        doc = self.doc
        after = range(content[-1].i + 1, min(content[-1].i + 1 + ADJACENT_WINDOW, len(doc)))
        for i in after:
            if doc[i].text in SENTENCE_END or (doc[i].text in CLOSING_TEXTS and i > content[-1].i + 2):
                break
            if is_cue(doc[i], self.lex) and self.outside(doc[i]):
                yield doc[i]
        before = range(content[0].i - 1, max(content[0].i - 1 - ADJACENT_WINDOW, -1), -1)
        opener = [doc[i] for i in before]
        if len(opener) > 1 and opener[1].text in {":", ","}:
            for token in opener[2:]:
                if token.text in SENTENCE_END:
                    break
                if is_cue(token, self.lex) and self.outside(token):
                    yield token

    def _in_sentence(self, content: list[Token]) -> Iterator[Token]:
        """Last resort: an "according to" anywhere in the quote's sentences."""
        for sent in {t.sent.start: t.sent for t in content}.values():
            yield from (t for t in sent if is_according(t) and self.outside(t))

    def cue_for(self, span: QuoteSpan) -> tuple[Token, Agents] | None:
        """The first cue around a direct quote that names a speaker or a reporter."""
        content = [t for t in self.tokens_in(span.start, span.end) if not t.is_space]
        if not content:
            return None
        finders = (self._walk_up, self._attached, self._adjacent, self._in_sentence)
        for finder in finders:
            for cue in finder(content):
                agents = agents_of(cue, self.lex, self.is_media)
                if agents.speaker is not None or agents.reporters:
                    return cue, agents
        return None

    def reporters(self, cue: Token | None, agents: Agents, sentence: Span) -> tuple[Token, ...]:
        """Reporters of a cue, outermost first: the sentence's outlets, then the cue's own."""
        outer = sentence_reporters(sentence, cue, agents.speaker, self.lex, self.is_media)
        merged = {t.i: t for t in (*outer, *agents.reporters)}
        return tuple(merged.values())

    def direct_drafts(self, spans: Sequence[QuoteSpan]) -> list[Draft]:
        """One draft per quote segment; segments of one quote share the first cue found."""
        drafts = []
        for group in sorted({s.group for s in spans}):
            members = [s for s in spans if s.group == group]
            found = next((c for c in (self.cue_for(s) for s in members) if c is not None), None)
            for member in members:
                drafts.append(self._direct(member, found))
        return drafts

    def _direct(self, span: QuoteSpan, found: tuple[Token, Agents] | None) -> Draft:
        if found is None:
            return Draft(span.start, span.end, direct=True, group=span.group)
        cue, agents = found
        reporters = self.reporters(cue, agents, cue.sent)
        return Draft(span.start, span.end, True, cue, agents.speaker, reporters, span.group)

    def indirect_drafts(self, quoted: Sequence[QuoteSpan]) -> list[Draft]:
        """Reported speech: a cue with a content clause, or "according to X, <clause>"."""
        drafts = []
        for token in self.doc:
            if not self.outside(token):
                continue
            draft = self._according(token) if is_according(token) else self._reported_clause(token)
            if draft is not None and _quoted_share(draft, quoted) < MAX_QUOTED_SHARE:
                drafts.append(draft)
        return drafts

    def _reported_clause(self, cue: Token) -> Draft | None:
        if not is_cue(cue, self.lex):
            return None
        if any(c.dep_ == "neg" for c in cue.children):
            return None  # "did not say how many died" reports no words
        clause = next((c for c in cue.children if c.dep_ == "ccomp"), None) or self._after_document(cue)
        agents = agents_of(cue, self.lex, self.is_media)
        if clause is None or agents.speaker is None:
            return None  # an outlet reporting plain facts is a reporter, not a speaker
        span = clause_span(clause, skip=[t for t in clause.subtree if is_according(t)])
        if span is None:
            return None
        return Draft(*span, False, cue, agents.speaker, self.reporters(cue, agents, cue.sent))

    def _after_document(self, cue: Token) -> Token | None:
        """ "said in a statement that ...": the parser hangs the that-clause on the noun."""
        for prep in (c for c in cue.children if c.dep_ == "prep"):
            for noun in (g for g in prep.children if g.lemma_.lower() in self.lex.document_nouns):
                clause = next((a for a in noun.children if a.dep_ in ("acl", "relcl", "ccomp")), None)
                if clause is not None and _content_clause(clause):
                    return clause
        return None

    def _according(self, token: Token) -> Draft | None:
        """ "According to Price, Blinken raised ...": Price's account, unless a cue inside quotes someone."""
        agents = agents_of(token, self.lex, self.is_media)
        head = token.head
        if agents.speaker is None or head is token:
            return None
        if any(_introduces_clause(t, self.lex) for t in head.subtree):
            return None  # "According to Price, Blinken said ...": Price is a reporter of that cue
        span = clause_span(head, skip=[token])
        if span is None:
            return None
        return Draft(*span, False, token, agents.speaker, self.reporters(token, agents, token.sent))


def _quoted_share(draft: Draft, quoted: Sequence[QuoteSpan]) -> float:
    covered = sum(max(0, min(draft.end, q.end) - max(draft.start, q.start)) for q in quoted)
    return covered / max(draft.end - draft.start, 1)


def _introduces_clause(token: Token, lex: QuoteLexicon) -> bool:
    """A cue with reported words of its own ("said that ..."), not "agreed on a swap"."""
    return is_cue(token, lex) and not is_according(token) and any(c.dep_ == "ccomp" for c in token.children)


def _content_clause(clause: Token) -> bool:
    """ "that X happened" or "X happened", not a relative clause ("which was issued")."""
    if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return True
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.tag_ not in ("WDT", "WP")
