"""The mention finder: which stretches of a parsed article refer to actors.

Every noun phrase gets one candidate, identified by its syntactic head: a name ("US
Secretary of State Anthony Blinken", head "Blinken"), a role noun ("Russian troops", head
"troops"), a pronoun, or a nationality adjective that modifies something other than an
actor ("Russian prisons"). Modifiers that only qualify an actor (a nationality, a title)
are absorbed into the phrase; possessors and affiliated organisations stay mentions of
their own, nested inside it, and are linked as the phrase's ``owner``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.candidates import Candidate
from eventwire.actors.entities import actor_entities, is_currency, name_text
from eventwire.actors.evidence import fill_evidence
from eventwire.actors.lookups import NON_STATE, Lookups
from eventwire.actors.parse import Parse, people_noun
from eventwire.actors.places import PlaceSpan, find_places
from eventwire.actors.roles import role_nouns
from eventwire.nlp.vocabulary import NAME_LABELS


@dataclass
class Found:
    """What the finder found in one article: actor candidates by head, and places."""

    candidates: dict[int, Candidate]
    places: list[PlaceSpan]


def sentence_indices(doc: Doc) -> list[int]:
    """Sentence index of every token (one pass over the doc's sentences)."""
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _span_country(look: Lookups, span: Span) -> str | None:
    """Country a GPE/NORP span names: "Russian", "Russia", or "Russian Jewish" by its first word."""
    country = look.nationality(span.text) or look.place_country(name_text(span))
    if country is None and span.label_ == "NORP":
        country = next((c for t in span if (c := look.nationality(t.text)) is not None), None)
    return country


def _entity_nationals(parse: Parse, spans: list[Span]) -> None:
    """Country words of entities: GPE/NORP heads, and the nationality inside an unknown
    organisation's name ("the Liberian Peace Council", "British Defence")."""
    look = parse.look
    for span in spans:
        if span.label_ in ("GPE", "NORP", "LOC"):
            country = _span_country(look, span)
            if country is not None:
                parse.nationals[span.root.i] = country
        elif span.label_ != "PERSON" and look.lookup(name_text(span)) is None:
            for token in span:
                country = look.nationality(token.text) or look.kb_country(token.text)
                if country is not None and token.i != span.root.i:
                    parse.nationals[token.i] = country


def _not_nationality(parse: Parse, i: int) -> str | None:
    """Why token ``i`` names a country but not the nationality of its phrase, if it does not."""
    doc, grammar = parse.doc, parse.look.grammar
    token = doc[i]
    span = parse.entity_of.get(i)
    first, last = (span.start, span.end - 1) if span is not None else (i, i)
    after = doc[last + 2] if last + 2 < len(doc) and doc[last + 1].text == "-" else None
    if (after is not None and after.lower_ in grammar.patron_suffixes) or (
        token.head.lower_ in grammar.patron_suffixes and token.head.i > i
    ):
        return "patron"  # "Syrian-backed"
    before = doc[first - 2] if first >= 2 and doc[first - 1].text == "-" else None
    if (before is not None and before.lower_ in grammar.stance_prefixes) or doc[first].lower_ in (
        grammar.stance_prefixes
    ):
        return "patron"  # "anti-Syrian"
    if i >= 1 and doc[i - 1].lower_ in grammar.ethnic_markers:
        return "ethnic"
    if parse.climb(token).lemma_.lower() in grammar.location_nouns and parse.climb(token).i != i:
        return "place"  # "the eastern Thai border"
    return None


def _nationals(parse: Parse, spans: list[Span]) -> None:
    """Tokens that name a country: GPE/NORP entity heads and nationality adjectives."""
    _entity_nationals(parse, spans)
    for token in parse.doc:
        if token.i in parse.entity_of or token.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        if is_currency(parse.doc[token.i : token.i + 1]):
            continue
        country = parse.look.nationality(token.text)
        if country is not None:
            parse.nationals[token.i] = country
        elif (patron := _hyphened_patron(parse, token)) is not None:
            parse.nationals[token.i] = patron
            parse.patrons.add(token.i)
    for i in list(parse.nationals):
        why = _not_nationality(parse, i)
        if why == "patron":
            parse.patrons.add(i)
        elif why == "place":
            parse.place_words[i] = parse.nationals.pop(i)
        elif why == "ethnic":
            parse.ethnic.add(i)
            del parse.nationals[i]


def _hyphened_patron(parse: Parse, token: Token) -> str | None:
    """ "a *U.S.-backed* proposal" as one token: the country before "-backed" is a patron."""
    prefix, dash, suffix = token.text.rpartition("-")
    if not dash or not prefix or suffix.lower() not in parse.look.grammar.patron_suffixes:
        return None
    return parse.look.nationality(prefix) or parse.look.kb_country(prefix)


def _proxies(parse: Parse) -> None:
    """Role nouns that qualify a thing ("Russian state media reports") stand for its phrase
    when the phrase carries a nationality or the noun its own modifiers; a bare one
    ("press briefing", "police custody") names no actor."""
    national_tops = {parse.climb(parse.doc[i]).i for i in parse.nationals if i not in parse.patrons}
    for i in sorted(parse.roles):
        token = parse.doc[i]
        top = parse.climb(token)
        if top.i == i or parse.is_actor_head(top):
            continue
        modified = any(ch.dep_ in ("amod", "compound", "nmod", "poss") for ch in token.lefts)
        if modified or top.i in national_tops:
            parse.proxies[top.i] = i


def _entity_kind(parse: Parse, span: Span) -> tuple[str, str] | None:
    """(mention kind, label) of an entity span, or None when it names no actor of its own."""
    root = parse.doc[span.root.i]
    known = parse.look.lookup(name_text(span)) is not None
    if root.i in parse.patrons:
        return ("adjective", "ADJ")
    holder = parse.actor_head_of(root)
    if holder is not None:
        # A nationality or an unknown name inside an actor's phrase is absorbed by it, and so
        # is a known name of another country ("Labour" in "Serbian Labour Minister").
        nested = span.label_ in NAME_LABELS and known and not _foreign(parse, span, holder)
        return ("name", span.label_) if nested else None
    qualifies_thing = parse.climb(root).i != root.i  # "Nord Stream pipeline"
    if not known and (span.label_ in ("LOC", "FAC") or (span.label_ in NAME_LABELS and qualifies_thing)):
        return None
    if not known and root.lemma_.lower() in parse.look.grammar.location_nouns:
        return None  # "the Pan-American Highway", "Tahrir Square": a place named, not an actor
    if span.label_ == "NORP":
        return ("nominal", "NORP") if people_noun(root, span) else ("adjective", "ADJ")
    return ("name", span.label_)


def _foreign(parse: Parse, span: Span, holder: int) -> bool:
    """Does the KB put this name in another country than the phrase's nationality?"""
    entry = parse.look.lookup(name_text(span))
    if entry is None or entry.country is None or entry.country in NON_STATE:
        return False
    phrase = parse.phrase_countries().get(holder, set())
    return bool(phrase) and entry.country not in phrase


def _new(parse: Parse, bounds: tuple[int, int], head: Token, kind_label: tuple[str, str]) -> Candidate:
    kind, label = kind_label
    return Candidate(
        start=bounds[0],
        end=bounds[1],
        head=head.i,
        sentence=parse.sentence_of[head.i],
        kind=kind,  # type: ignore[arg-type]
        label=label,
    )


def _other_candidates(parse: Parse, found: dict[int, Candidate]) -> None:
    """Role nouns, free-standing nationality adjectives and pronouns."""
    for i in parse.roles:
        token = parse.doc[i]
        if parse.climb(token).i == i or i in parse.proxies.values():
            found.setdefault(i, _new(parse, (i, i + 1), token, ("nominal", "ROLE")))
    for i in parse.nationals:
        token = parse.doc[i]
        if i in found or i in parse.entity_of:
            continue
        if i in parse.patrons or parse.actor_head_of(token) is None:
            found[i] = _new(parse, (i, i + 1), token, ("adjective", "ADJ"))
    pronouns = parse.look.grammar.pronouns
    for token in parse.doc:
        if token.lower_ in pronouns and token.pos_ == "PRON" and token.dep_ != "expl" and token.text != "US":
            found.setdefault(token.i, _new(parse, (token.i, token.i + 1), token, ("pronoun", "PRON")))


def find_candidates(doc: Doc, look: Lookups) -> Found:
    """Every actor candidate in the doc (by head token) and every toponym used as a place."""
    parse = Parse(doc, look, sentence_indices(doc))
    spans = actor_entities(doc, look)
    places = find_places(doc, spans, look)
    place_starts = {p.span.start for p in places}
    actors = [s for s in spans if s.start not in place_starts]
    parse.entity_of = {t.i: span for span in actors for t in span}
    parse.roles = role_nouns(doc, look, parse.entity_of, {t.i for span in spans for t in span})
    _nationals(parse, actors)
    _proxies(parse)
    places.extend(PlaceSpan(doc[i : i + 1], country) for i, country in parse.place_words.items())
    found: dict[int, Candidate] = {}
    for span in actors:
        kind_label = _entity_kind(parse, span)
        if kind_label is not None:
            found[span.root.i] = _new(parse, (span.start, span.end), span.root, kind_label)
    _other_candidates(parse, found)
    fill_evidence(parse, found, places)
    return Found(found, places)
