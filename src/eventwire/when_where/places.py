"""Where an event happened: a toponym in a locative phrase of its clause, else a place named
elsewhere in its sentence, else one named in the previous sentence, else the dateline.

Locative phrases are prepositional phrases headed by a locative preposition ("met in
Reykjavik", "clashes near the border with Syria", "the summit may be held in Switzerland")
that attach to the event's clause, including to the trigger noun itself ("talks in Vienna").
Destinations and origins ("recalled to Moscow", "flew from Kyiv") do not say where the event
happened, except after verbs of sending ("troops were deployed to Eagle Pass"). The wider
steps (sentence, previous sentence) take only towns, districts and provinces in a role that
says where (a locative or "of" object, the object of "shelled", a name before "district"):
subjects, possessors and targets are actors ("Moscow said", "Kenya's police", "accused
Moscow"), and a country there is usually an actor, with the focus country the last fallback
anyway. Admin phrases stay with the name ("the Nad Ali district of Helmand province"), so the
gazetteer can look among admin units and inside the enclosing province; so does the larger
place the text gives for a town in other words ("Trujillo, in western Venezuela", "Victoria,
the capital of the Seychelles", ``enclosing``), and when the phrase nearest the event names the
enclosing place, the event still takes the town. A small town counts
when the text places it ("Dori, in northern Burkina Faso", "Sake, a town ..."). A toponym the
gazetteer does not know still becomes the event's location, with ``source="unresolved"``,
and is listed in the article's notes. ``EventPlacer.place`` also says which step chose the
place, for ``eventwire places``.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from spacy.tokens import Doc, Span, Token

from eventwire.geo.entities import PLACE_LABELS
from eventwire.geo.gazetteer import Gazetteer, Place
from eventwire.geo.locatives import Locatives
from eventwire.geo.names import UNIT_WORDS, lookup_key
from eventwire.records import Event, EventPlaceNote, Location, LocationPrecision
from eventwire.when_where.clauses import clause_head, same_clause, trigger_token
from eventwire.when_where.enclosing import enclosed_span, enclosing_span, relative_reference
from eventwire.when_where.roles import (
    SETTLEMENT_NOUNS,
    before_unit_word,
    called_a_town,
    inside_phrase,
    is_locative,
    owns_a_noun,
    place_role,
    proper_noun,
    with_unit_before,
)

# What a gazetteer feature tells about where the event happened (CONTRACT.md location_precision).
PRECISION_OF_FEATURE: Mapping[str, LocationPrecision] = MappingProxyType(
    {"city": "town", "district": "district", "region": "province", "country": "country"}
)
# Entities that are never places even inside a locative phrase ("in Chinese", "in 2020").
# PERSON is not among them: the small model tags many African and Asian cities as persons,
# and a person's name rarely stands alone after "in" or "near".
_NOT_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# A proper noun not labelled as a place counts only if it names a city at least this large:
# small towns share names with organisations and people far too often.
_MIN_UNLABELLED_CITY = 50_000
# Labels a town named alone after "in" or "near" may carry: the small model calls many towns
# persons or nationalities ("around Kidal"), or nothing at all.
_LONE_TOWN_LABELS = frozenset({"GPE", "LOC", "PERSON", "NORP"})
# Words that make a "capital" a province's or a region's, not the country's.
_SUBNATIONAL = frozenset({"regional", "provincial", "state", "district", "county", "local"})
_NOTED_CANDIDATES = 4  # candidates listed in an event's place note
# Proper nouns of dates: a DATE-tagged name made only of other proper nouns may be a town.
_CALENDAR_WORDS = frozenset(
    {
        *(m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m),
        *(d.lower() for d in (*calendar.day_name, *calendar.day_abbr)),
        *("sept", "ramadan", "eid", "easter", "christmas", "passover", "diwali", "nowruz", "ashura"),
    }
)


def ascii_name(name: str) -> str:
    """GeoNames' ASCII spelling convention: "Reykjavík" -> "Reykjavik" (case kept)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def to_location(
    name: str, place: Place | None, source: Literal["text", "dateline", "focus"] = "text"
) -> Location:
    """A contract ``Location`` for a toponym and what it resolved to (if anything)."""
    if place is None:
        return Location(name=name, source="unresolved")
    precision = PRECISION_OF_FEATURE[place.feature]
    return Location(
        ascii_name(place.name),
        place.country,
        place.lat,
        place.lon,
        source,
        precision,
        place.geonames_id or None,
        place.admin1 or None,
        place.feature_class or None,
    )


@dataclass(frozen=True, slots=True)
class Placement:
    """An event's location and why: the step that chose it (``EventPlaceNote.step``) and the
    name read there (None for the dateline's place when there is none, and for "none")."""

    location: Location | None
    step: str
    toponym: str | None = None


class EventPlacer:
    """Finds each event's location in one parsed article; build once per article."""

    def __init__(
        self,
        doc: Doc,
        gazetteer: Gazetteer,
        context: Sequence[str],
        fallback: Location | None,
        nationality: Mapping[int, str] | None = None,
        *,
        locatives: Locatives,
        text_start: int = 0,
        dateline: tuple[str, Place] | None = None,
        demonyms: Callable[[str], str | None] | None = None,
    ):
        """``nationality``: token index -> ISO3 of adjectives the actor stage resolved
        ("Afghan" -> AFG), so "the Afghan capital" can be placed in Kabul. ``locatives``
        comes from the knowledge bundle; ``text_start`` is the character offset where the story
        starts after its dateline (the dateline's place is the fallback, not a sentence place);
        ``dateline``: the dateline's name as written ("Lima, Ohio") and its place;
        ``demonyms``: ISO3 of a nationality word the actor stage did not make a mention of."""
        self.doc = doc
        self.gazetteer = gazetteer
        self.locatives = locatives
        self.context = tuple(context)
        self.fallback = fallback
        self.nationality = dict(nationality or {})
        self.unresolved: dict[str, None] = {}  # ordered set of toponyms the gazetteer lacks
        self._entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self._text_start = text_start
        self._places_in: dict[int, list[tuple[int, str, Place]]] = {}  # by sentence start token
        self._demonym = demonyms or (lambda word: None)
        self._dateline = (lookup_key(dateline[0].partition(",")[0]), dateline[1]) if dateline else None

    def locate(self, event: Event) -> Location | None:
        """The event's location (see ``place``)."""
        return self.place(event).location

    def place(self, event: Event) -> Placement:
        """The first resolvable toponym of the event's locative phrases, else a place of its
        sentence or of the previous one; an unresolvable name of its clause only when nothing
        else is there; else the dateline's place. Says which step chose it."""
        token = trigger_token(self.doc, event)
        if token is None:
            return self._fallback()
        names = self._town_first(list(self._toponyms(token)))
        for name in names:
            place = name if isinstance(name, Place) else self._resolve(name)
            if place is not None:
                return Placement(to_location(place.name, place), "clause", _text_of(name))
        wider = self._sentence_place(token.sent, token.i)
        step = "sentence"
        if wider is None:
            wider, step = self._previous_sentence_place(token.sent), "previous sentence"
        if wider is not None:
            return Placement(to_location(wider[1].name, wider[1]), step, wider[0])
        texts = [n for n in names if isinstance(n, str)]
        if texts:
            self.unresolved.setdefault(texts[0])
            return Placement(to_location(texts[0], None), "unresolved", texts[0])
        return self._fallback()

    def _resolve(self, name: str) -> Place | None:
        """The gazetteer's place for a name, else a village or small town of that name in the
        country its qualifier names ("Jermuk, Armenia") or in the article's countries."""
        place = self._lookup(name)
        if place is not None:
            return place
        head, _, qualifier = name.partition(",")
        named = self.gazetteer.qualifier_countries(qualifier) if qualifier.strip() else ()
        return self.gazetteer.small_town(head, list(named) or self._countries())

    def _lookup(self, name: str) -> Place | None:
        """The gazetteer's place for a name, but a bare name the dateline gives with its
        qualifier is the dateline's place: "in Lima" under "LIMA, Ohio -" is in Ohio."""
        if self._dateline is not None and lookup_key(name) == self._dateline[0]:
            return self._dateline[1]
        return self.gazetteer.resolve(name, self.context)

    def _countries(self) -> list[str]:
        # the context also holds province keys ("USA.CA"), which name no country
        return [c for c in self.context if len(c) == 3]

    def _fallback(self) -> Placement:
        if self.fallback is None:
            return Placement(None, "none")
        return Placement(self.fallback, "dateline", self.fallback.name)

    def _sentence_place(self, sentence: Span, near: int) -> tuple[str, Place] | None:
        """The town, district or province of the sentence nearest to token ``near`` (with the
        name as written), in a role that says where."""
        found = [(abs(root - near), name, place) for root, name, place in self._sentence_places(sentence)]
        if not found:
            return None
        _, name, place = min(found, key=lambda item: item[0])
        # a town of the sentence inside the nearest province is finer: "raided a hideout in
        # Turbat, in Balochistan's Kech district, and killed five" (Kech unknown: Balochistan)
        inside = [(n, p) for _, n, p in sorted(found, key=lambda item: item[0]) if _town_within(p, place)]
        return inside[0] if place.feature != "city" and inside else (name, place)

    def _sentence_places(self, sentence: Span) -> list[tuple[int, str, Place]]:
        """(root token, name, place) of the sentence's resolved places below country level,
        found once per sentence: the events of a sentence, and the next one's, ask again."""
        if sentence.start not in self._places_in:
            found: list[tuple[int, str, Place]] = []
            for span in self._sentence_toponyms(sentence):
                if span.start_char < self._text_start:
                    continue
                name = self._with_qualifier(self._finest(span))
                place = self._lookup(name)
                if place is not None and place.feature != "country":
                    found.append((span.root.i, name, place))
            self._places_in[sentence.start] = found
        return self._places_in[sentence.start]

    def _sentence_toponyms(self, sentence: Span) -> Iterator[Span]:
        """Places of a sentence in a role that says where ("protesting in Herat", "the streets
        of Esmeraldas", "shelled Kharkiv", "Djugu territory"); subjects, possessors, targets
        and destinations name actors or other places ("Kyiv accused Moscow", "returned to Minsk")."""
        seen: set[int] = set()
        for token in sentence:
            owner = owns_a_noun(token)
            span = self._toponym_at(token) if owner or place_role(token, self.locatives) else None
            if span is None and owner and token.is_title:
                span = self._capitalised_city(token)
            if span is not None and span.start not in seen:
                seen.add(span.start)
                yield span

    def _capitalised_city(self, token: Token) -> Span | None:
        """A capitalised word the tagger took for a common noun that names a sizeable city
        ("Sucre's police chief" opening a sentence)."""
        place = self.gazetteer.resolve(token.text, self.context, strict=True)
        large = place is not None and place.feature == "city" and place.population >= _MIN_UNLABELLED_CITY
        return self.doc[token.i : token.i + 1] if large else None

    def _previous_sentence_place(self, sentence: Span) -> tuple[str, Place] | None:
        """A place of the sentence before (a follow-up sentence such as "They killed 30
        residents." happened where the one before it did), the one nearest its end."""
        if sentence.start == 0:
            return None
        previous = self.doc[sentence.start - 1].sent
        return self._sentence_place(previous, previous.end)

    def _toponyms(self, trigger: Token) -> Iterator[str | Place]:
        """Toponyms of the trigger's locative phrases, nearest phrase first."""
        head = clause_head(trigger)
        lexicon = self.locatives
        preps = [
            t for t in trigger.sent if is_locative(t, lexicon) and same_clause(head, clause_head(t.head))
        ]
        preps.sort(key=lambda t: abs(t.i - trigger.i))
        if head.lemma_ in lexicon.place_object_verbs:
            # "shelled Goma", "visited the capital, Kabul": the object is where it happened
            preps = [*(c for c in head.children if c.dep_ == "dobj"), *preps]
        for prep in preps:
            spans = list(self._phrase_places(prep))
            yield from (self._with_qualifier(self._finest(span)) for span in spans)
            capital = None if spans else self._capital_in(prep)
            if capital is not None:
                yield capital
        for child in trigger.children:
            modifier = self._toponym_at(child) if child.dep_ in {"compound", "nmod", "amod"} else None
            if modifier is not None and self._is_local(modifier.text):
                yield modifier.text

    def _town_first(self, names: list[str | Place]) -> list[str | Place]:
        """The clause's names with a town first when it names the province, state or country
        around the town first: "outside the Oregon State Capitol in Salem" is in Salem."""
        first = self._place_of(names[0]) if len(names) > 1 else None
        if first is None or first.feature == "city" or first.country is None:
            return names
        for index, name in enumerate(names[1:], 1):
            if _town_inside(self._place_of(name), first):
                return [name, *names[:index], *names[index + 1 :]]
        return names

    def _place_of(self, name: str | Place) -> Place | None:
        return name if isinstance(name, Place) else self._lookup(name)

    def _capital_in(self, phrase: Token) -> Place | None:
        """ "in the Afghan capital" -> Kabul; a bare "in the capital" -> the dateline country's."""
        lexicon = self.locatives.prepositions
        for token in phrase.subtree:
            if token.lemma_.lower() != "capital" or not inside_phrase(token, phrase, lexicon):
                continue
            if any(c.lower_ in _SUBNATIONAL for c in token.children):
                return None  # "the Kurdish regional capital" is no country's capital
            countries = [self.nationality[c.i] for c in token.children if c.i in self.nationality]
            if not countries and self.fallback is not None and self.fallback.country:
                countries = [self.fallback.country]
            if countries:
                return self.gazetteer.capital_of(countries[0])
        return None

    def _is_local(self, name: str) -> bool:
        """A city or region before the trigger places it ("the Kabul bombing"); a country
        there names the actor instead ("US sanctions", "a Turkish drone strike")."""
        place = self.gazetteer.resolve(name, self.context)
        return place is not None and place.feature != "country"

    def _phrase_places(self, phrase: Token) -> Iterator[Span]:
        """Toponyms in a prepositional phrase or object, reached only through phrase-internal
        links; then the towns and units that own a place of the phrase ("in Lusaka's Kamwala
        market", "in Bangui's PK5 district"), after the phrase's own places, which are finer."""
        seen: set[int] = set()
        owners: list[Span] = []
        lexicon = self.locatives.prepositions
        for token in phrase.subtree:
            inside = inside_phrase(token, phrase, lexicon)
            if not inside and not inside_phrase(token, phrase, lexicon, possessed=True):
                continue
            span = self._toponym_at(token)
            if span is None or span.start in seen:
                continue
            seen.add(span.start)
            if inside:
                yield span
            elif self._is_local(span.text):
                owners.append(span)  # a country owning the phrase names an actor as often
        yield from owners

    def _toponym_at(self, token: Token) -> Span | None:
        """The place name covering ``token``: a GPE/LOC entity, or a proper noun in a locative
        phrase that the tagger labelled otherwise (the small model often calls a city an ORG or
        a PERSON: "in Dakar") and that the gazetteer knows by its main name as a country,
        region or sizeable city."""
        ent = self._entity_at.get(token.i)
        whole = self._whole_name(token, ent)
        if whole is not None:
            return whole
        if ent is not None and ent.label_ in PLACE_LABELS:
            return ent
        if token.pos_ != "PROPN" and not (token.is_title and before_unit_word(token)):
            return None  # a capitalised word before "district" is a name even if tagged ADJ
        span = ent if ent is not None else proper_noun(token)
        if self._with_unit_word(span.text, span.end)[1] > span.end:
            # "Djugu territory", "Shopian district", "the Kankara area of Katsina state": the
            # unit word says it is a place, whatever the tagger's label, and the unit may be small
            return span if self.gazetteer.resolve(self._with_qualifier(span), self.context) else None
        if ent is not None and ent.label_ in _NOT_PLACE_LABELS and not self._named_as_place(ent):
            return None
        place = self.gazetteer.resolve(span.text, self.context, strict=True)
        if place is None or (place.feature == "city" and place.population < _MIN_UNLABELLED_CITY):
            place = self._confirmed_town(span)
        return span if place is not None else None

    def _confirmed_town(self, span: Span) -> Place | None:
        """A small town counts when the text places it in its country ("Dori, in northern
        Burkina Faso"): small towns share names with people and organisations too often."""
        outer = self._enclosing_place(span)
        countries = [outer.country] if outer is not None and outer.country else self._subdivision_around(span)
        called = called_a_town(span)
        if not countries and called:
            countries = self._countries()  # "Sake, a town west of Goma": in the story's countries
        if not countries:
            # a name the text calls a town is one whatever the tagger's label ("Tillaberi, capital
            # of ..." tagged as an organisation)
            return self.gazetteer.lone_town(span.text) if called else self._lone_town(span)
        # a name the text puts inside a country may be a city's other name ("Solo, Central
        # Java" is Surakarta): the enclosing place vouches for it, as it does for small towns
        town = self.gazetteer.resolve(span.text, countries, strict=outer is None and not countries)
        if town is None or town.country not in countries:
            town = self.gazetteer.small_town(span.text, countries)
        return town

    def _whole_name(self, token: Token, ent: Span | None) -> Span | None:
        """The run of proper nouns around ``token`` when the tagger split it or cut it short and
        the gazetteer knows the whole run by its main name: "Dera Ghazi Khan" tagged as "Dera"
        (a place) and "Khan" (a person)."""
        if token.pos_ != "PROPN":
            return None
        doc = self.doc
        start, end = token.i, token.i + 1
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        joined = self._joined_name(start, end)
        if joined is not None:
            return joined
        run = doc[start:end]
        if len(run) < 2 or (ent is not None and ent.start <= start and ent.end >= end):
            return None
        return run if self.gazetteer.resolve(run.text, self.context, strict=True) is not None else None

    def _joined_name(self, start: int, end: int) -> Span | None:
        """A province whose name joins two names with "and", which the tagger splits in two
        ("Sistan and Baluchestan province"), from either of its proper-noun runs."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].pos_ == "PROPN":
            last = end + 1
            while last < len(doc) and doc[last].pos_ == "PROPN":
                last += 1
            end = last
        elif start > 1 and doc[start - 1].lower_ == "and" and doc[start - 2].pos_ == "PROPN":
            start -= 2
            while start > 0 and doc[start - 1].pos_ == "PROPN":
                start -= 1
        else:
            return None
        span = doc[start:end]
        place = self.gazetteer.resolve(span.text, self.context, strict=True)
        return span if place is not None and place.feature not in ("city", "country") else None

    def _named_as_place(self, ent: Span) -> bool:
        """A name tagged as a nationality or a date that the text uses as a place: "the northern
        city of Makeni", "marched through Asuncion", "a hideout in Turbat" (the small model
        tags some towns NORP, and some DATE); a date tag needs proper nouns that are no
        calendar words ("in May", "since Ramadan")."""
        if ent.label_ == "DATE" and any(t.pos_ != "PROPN" or t.lower_ in _CALENDAR_WORDS for t in ent):
            return False
        tagged = ent.label_ in ("NORP", "DATE")
        return tagged and (called_a_town(ent) or place_role(ent.root, self.locatives))

    def _lone_town(self, span: Span) -> Place | None:
        """A town named right after a locative preposition ("near Otavalo", "in Kaga Bandoro")
        whose name denotes one place only on Earth: no country needed to pick it, and a
        person or a company is rarely where something happens. Organisations the tagger
        recognised ("in Parliament", "at Google") stay out."""
        ent = self._entity_at.get(span.root.i)
        if ent is not None and ent.label_ not in _LONE_TOWN_LABELS:
            return None
        root = span.root
        if root.dep_ != "pobj" or not self.locatives.is_locative(root.head.lower_, root.head.head.lemma_):
            return None
        return self.gazetteer.lone_town(span.text)

    def _enclosing_place(self, span: Span) -> Place | None:
        """The larger place the text puts a name in: "Dori, in northern Burkina Faso",
        "Jenin in the northern West Bank", "Sake, North Kivu", "Dori, a town in Burkina Faso"
        (only labelled places and known regions: this confirms towns the tagger did not)."""
        outer = enclosing_span(span, self._labelled_place, self.locatives.enclosing_fillers)
        return self.gazetteer.resolve(outer.text, self.context) if outer is not None else None

    def _subdivision_around(self, span: Span) -> list[str]:
        """The countries of an ISO 3166-2 subdivision the text puts a name in when the tables
        know no such province ("Wad Madani, Gezira state" with both tagged as persons)."""
        outer = enclosing_span(span, self._subdivision_at, self.locatives.enclosing_fillers)
        return list(self.gazetteer.subdivision_countries(outer.text)) if outer is not None else []

    def _subdivision_at(self, token: Token) -> Span | None:
        """The run of proper nouns around ``token`` when it names an ISO 3166-2 subdivision."""
        if token.pos_ != "PROPN":
            return None
        doc, start, end = self.doc, token.i, token.i + 1
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        run = doc[start:end]
        return run if self.gazetteer.subdivision_countries(run.text) else None

    def _labelled_place(self, token: Token) -> Span | None:
        """A place the tagger labelled, or a proper noun the gazetteer knows as a country or
        region whatever its label ("Solo, Central Java" with the province tagged a person).
        No town lookups here: this is what vouches for towns."""
        ent = self._entity_at.get(token.i)
        if ent is not None and ent.label_ in PLACE_LABELS:
            return ent
        if token.pos_ != "PROPN":
            return None
        span = ent if ent is not None else proper_noun(token)
        place = self.gazetteer.resolve(span.text, self.context, strict=True)
        return span if place is not None and place.feature != "city" else None

    def _finest(self, span: Span) -> Span:
        """The town a region or country encloses when the text gives both ("Trujillo, in
        western Venezuela"): the event is in the town; else the span itself."""
        place = self.gazetteer.resolve(span.text, self.context)
        if place is None or place.feature == "city":
            return span  # a town after a town is the next item of a list, not an enclosure
        inner = enclosed_span(span, self._toponym_at, self.locatives.enclosing_fillers)
        return inner if inner is not None else span

    def _outer_name(self, span: Span) -> str | None:
        """The enclosing place of ``span`` with its unit word, when it is larger than a town."""
        outer = enclosing_span(span, self._toponym_or_subdivision, self.locatives.enclosing_fillers)
        if outer is None:
            return None
        name, _ = self._with_unit_word(outer.text, outer.end)
        place = self.gazetteer.resolve(name, self.context)
        if place is not None and place.feature != "city":
            return name
        # a province the tables lack or know only as a town abroad ("Catubig, Northern Samar")
        return name if self.gazetteer.subdivision_countries(name) else None

    def _toponym_or_subdivision(self, token: Token) -> Span | None:
        """A toponym, or a run of proper nouns that names an ISO 3166-2 subdivision: only as
        the place enclosing a town ("Catubig, Northern Samar"), as names of regions are often
        words ("Centre", "Plateau") elsewhere."""
        return self._toponym_at(token) or self._subdivision_at(token)

    def _with_qualifier(self, span: Span) -> str:
        """ "Kabul, Afghanistan", "the Nad Ali district of Helmand province", "Enga province":
        the unit word and the enclosing place kept with the name, so the gazetteer can look
        among admin units and inside the enclosing province or country."""
        name, after = self._with_unit_word(span.text, span.end)
        name = with_unit_before(span, name)
        doc = self.doc
        linked = after + 1 < len(doc) and (
            doc[after].text == "," or (doc[after].lower_ == "of" and name != span.text)
        )
        following = self._entity_at.get(after + 1) if linked else None
        if following is not None and following.start == after + 1 and following.label_ in PLACE_LABELS:
            outer, _ = self._with_unit_word(following.text, following.end)
            return f"{name}, {outer}"
        enclosing = self._outer_name(span) or self._country_said(span)
        return f"{name}, {enclosing}" if enclosing else name

    def _country_said(self, span: Span) -> str | None:
        """The country a town is said to be in other than by enclosing it: "the Ecuadorian city
        of Santo Domingo" (a nationality on the settlement noun) or "Guadalajara, east of
        Madrid" (a bearing from another place, which lies in the same country)."""
        country = self._nationality_of_settlement(span)
        if country is None:
            reference = relative_reference(span, self._toponym_at)
            place = self.gazetteer.resolve(reference.text, self.context) if reference else None
            country = place.country if place is not None else None
        known = self.gazetteer.country(country) if country else None
        return known.name if known is not None else None

    def _nationality_of_settlement(self, span: Span) -> str | None:
        """ "the Egyptian town of Rafah" -> EGY."""
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lemma_ not in SETTLEMENT_NOUNS:
            return None
        noun = root.head.head
        for child in (c for c in noun.children if c.dep_ == "amod"):
            country = self.nationality.get(child.i) or self._demonym(child.text)
            if country:
                return country
        return None

    def _with_unit_word(self, name: str, after: int) -> tuple[str, int]:
        """ "Zamfara" + "state" -> "Zamfara state" when the word follows the name; "area" too
        when a larger place follows ("the Kankara area of Katsina state"); Nigeria's "local
        government area" (LGA) is a district."""
        doc = self.doc
        if after >= len(doc) or name.rsplit(maxsplit=1)[-1].lower() in UNIT_WORDS:
            return name, after
        if [t.lower_ for t in doc[after : after + 3]] == ["local", "government", "area"]:
            return f"{name} district", after + 3
        if doc[after].lower_ == "lga":
            return f"{name} district", after + 1
        word = doc[after].lower_
        area = word == "area" and after + 1 < len(doc) and doc[after + 1].lower_ == "of"
        if word in UNIT_WORDS or area:
            return f"{name} {doc[after].text}", after + 1
        return name, after


def _text_of(name: str | Place) -> str:
    """The toponym as the text wrote it, or the capital a phrase named ("the Afghan capital")."""
    return name if isinstance(name, str) else name.name


def _town_inside(place: Place | None, region: Place) -> bool:
    """A town inside a country, or inside a province or state (same admin-1 code)."""
    if place is None or place.feature != "city" or place.country != region.country:
        return False
    return region.feature == "country" or place.admin1 == region.admin1


def _town_within(place: Place, region: Place) -> bool:
    """``_town_inside``, or a town of the country of a region the project lists without an
    admin-1 code ("Balochistan"), when the sentence names both."""
    if _town_inside(place, region):
        return True
    listed = region.feature == "region" and not region.admin1
    return listed and place.feature == "city" and place.country == region.country


def context_countries(
    named: Sequence[tuple[Span, Place | None]], gazetteer: Gazetteer, extra: Iterable[str | None] = ()
) -> list[str]:
    """Countries the article is about: named countries and regions first (``named``: the article's
    ``place_entities``), then ``extra`` (actors'). A named province or US state adds its unit key
    too ("USA.CA"), so its towns win."""
    found: dict[str, None] = {}
    units: dict[str, None] = {}
    for ent, place in named:
        if place is not None and place.feature != "city" and place.country:
            found.setdefault(place.country)
            units.update(dict.fromkeys(filter(None, [gazetteer.unit_key(ent.text)])))
    for country in extra:
        if country and len(country) == 3 and country.isupper():
            found.setdefault(country)
    return [*found, *units]


def place_notes(
    events: Sequence[Event], steps: Sequence[Placement], gazetteer: Gazetteer, context: Sequence[str]
) -> tuple[EventPlaceNote, ...]:
    """Why each event has its place: the step and name that chose it (an event the focus
    fallback placed says "focus") and that name's candidates, the chosen one first."""
    notes = []
    for index, (event, step) in enumerate(zip(events, steps, strict=True)):
        if event.location is not None and event.location.source == "focus":
            notes.append(EventPlaceNote(index, "focus", event.location.name))
            continue
        ranked = gazetteer.ranked(step.toponym, context)[:_NOTED_CANDIDATES] if step.toponym else []
        shown = tuple(
            f"{ascii_name(p.name)} ({p.country or '-'}, {PRECISION_OF_FEATURE[p.feature]})" for p in ranked
        )
        notes.append(EventPlaceNote(index, step.step, step.toponym, shown))
    return tuple(notes)


def unresolved_toponyms(named: Sequence[tuple[Span, Place | None]]) -> list[str]:
    """Place names the parser found that the gazetteer cannot resolve (reported, not dropped)."""
    return list(dict.fromkeys(ent.text for ent, place in named if place is None))
