"""The larger place a text gives for a town, which is how a reader tells homonyms apart.

News rarely writes "Trujillo, Venezuela"; it writes "Trujillo, in western Venezuela",
"Newcastle in New South Wales", "Victoria, the capital of the Seychelles", "Kutaisi, Georgia's
second city" or "Pakistan's Punjab province". ``enclosing_span`` finds the enclosing place in
each of those shapes; ``enclosed_span`` reads the relation backwards, so that when the phrase
nearest an event is the enclosing one ("Police in Trujillo, in western Venezuela, detained"),
the event still takes the town. Whether the enclosing place really is larger (a country or an
admin unit, not the next town of a list) is the gazetteer's call, made by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

ToponymAt = Callable[[Token], Span | None]
# Nouns in apposition that say what a town is: "Victoria, the capital of ...", "Kutaisi,
# Georgia's second city", "Sake, a town in North Kivu".
_TOWN_NOUNS = frozenset({"capital", "city", "town", "village", "port", "settlement", "hub", "seat"})
# Prepositions linking such a noun to the larger place ("the capital of", "a town in").
_LINKS = frozenset({"of", "in"})
# How many tokens an apposition or an enclosed town may lie from the name.
_REACH = 8
# A bearing from another place: "Guadalajara, east of Madrid", "Mach, 60 km south-east of
# Quetta" ("south-east" is three tokens).
_BEARINGS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "-"}
)
_DISTANCE_WORDS = frozenset({"km", "kilometres", "kilometers", "miles", "mi", "about", "some", "around"})


def enclosing_span(span: Span, toponym_at: ToponymAt, fillers: frozenset[str]) -> Span | None:
    """The place the text puts ``span`` in, in any of the shapes of the module doc."""
    found = _after(span, toponym_at, fillers) or _in_apposition(span, toponym_at)
    return found or _possessor(span, toponym_at)


def relative_reference(span: Span, toponym_at: ToponymAt) -> Span | None:
    """The place a bearing after ``span`` is taken from: "Madrid" in "Guadalajara, east of
    Madrid" or "Mach, 60 km south-east of Quetta". Not an enclosure (the reference is
    usually a city), but the two lie in one country far more often than not."""
    doc = span.doc
    index = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    while index < len(doc) and (doc[index].like_num or doc[index].lower_ in _DISTANCE_WORDS):
        index += 1
    start = index
    while index < len(doc) and doc[index].lower_ in _BEARINGS:
        index += 1
    bearing = any(t.text != "-" for t in doc[start:index])
    if not bearing or index + 1 >= len(doc) or doc[index].lower_ != "of":
        return None
    found = toponym_at(doc[index + 1])
    return found if found is not None and found.start == index + 1 else None


def enclosed_span(span: Span, toponym_at: ToponymAt, fillers: frozenset[str]) -> Span | None:
    """The town that ``span`` encloses ("Venezuela" in "Trujillo, in western Venezuela")."""
    for inner in _before(span, toponym_at, fillers):
        outer = enclosing_span(inner, toponym_at, fillers)
        if outer is not None and _part_of(outer, span):
            return inner
    return None


def _part_of(outer: Span, span: Span) -> bool:
    """``outer`` is ``span`` or its possessor: "Hyderabad, in Pakistan's Sindh province" puts
    Hyderabad in Pakistan, and so in the province Pakistan owns."""
    if outer.start == span.start:
        return True
    return outer.root.dep_ == "poss" and outer.root.head.i in (span.root.i, span.root.head.i)


def _after(span: Span, toponym_at: ToponymAt, fillers: frozenset[str]) -> Span | None:
    """ "Trujillo, in western Venezuela", "Newcastle in New South Wales"."""
    doc = span.doc
    index = span.end
    while index < len(doc) and doc[index].lower_ in fillers:
        index += 1
    if index == span.end or index >= len(doc):
        return None
    found = toponym_at(doc[index])
    # a name may begin with a filler word: "Solo, Central Java", "Goma, North Kivu"
    return found if found is not None and span.end < found.start <= index else None


def _in_apposition(span: Span, toponym_at: ToponymAt) -> Span | None:
    """ "Victoria, the capital of the Seychelles", "Kutaisi, Georgia's second city". The
    parser often hangs such an apposition on the sentence's subject instead of the town, so
    the noun is also looked for right after the comma."""
    nouns = [n for n in span.root.children if n.dep_ == "appos"]
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == ",":
        nouns += [t for t in doc[span.end + 1 : min(span.end + _REACH, span.sent.end)] if t.dep_ == "appos"]
    for noun in nouns:
        if noun.lemma_.lower() in _TOWN_NOUNS:
            for found in _places_on(noun, toponym_at):
                return found
    return None


def _places_on(noun: Token, toponym_at: ToponymAt) -> Iterator[Span]:
    for child in noun.children:
        if child.dep_ == "poss":
            found = toponym_at(child)
        elif child.dep_ == "prep" and child.lower_ in _LINKS:
            found = next((_named(o, toponym_at) for o in child.children if o.dep_ == "pobj"), None)
        else:
            found = None
        if found is not None:
            yield found


def _named(token: Token, toponym_at: ToponymAt) -> Span | None:
    """The place a noun phrase names: itself, or the name before its unit word ("La Union
    province")."""
    found = toponym_at(token)
    if found is None and token.i > 0 and token.doc[token.i - 1].head.i == token.i:
        found = toponym_at(token.doc[token.i - 1])
    return found


def _possessor(span: Span, toponym_at: ToponymAt) -> Span | None:
    """ "Pakistan's Punjab province", "Mozambique's Niassa province"."""
    root = span.root
    head = root.head if root.dep_ == "compound" else root
    for child in head.children:
        if child.dep_ == "poss" and not span.start <= child.i < span.end:
            found = toponym_at(child)
            if found is not None:
                return found
    return None


def _before(span: Span, toponym_at: ToponymAt, fillers: frozenset[str]) -> Iterator[Span]:
    """Toponyms shortly before ``span`` in its sentence, nearest first: the towns it may enclose."""
    first = max(span.sent.start, span.start - _REACH)
    seen: set[int] = set()
    for index in range(span.start - 1, first - 1, -1):
        found = toponym_at(span.doc[index])
        if found is not None and found.end <= span.start and found.start not in seen:
            seen.add(found.start)
            yield found
