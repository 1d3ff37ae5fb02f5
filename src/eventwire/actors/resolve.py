"""Resolution of one candidate on its own: KB name, title inference, nationality, gazetteer.

``Resolution`` is what one mention says about its actor, with the reason it says so.
Coreference later merges the resolutions of a chain's mentions, best-ranked first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from eventwire.actors.candidates import Candidate, EntryLike
from eventwire.actors.international import international_body
from eventwire.actors.lookups import NON_STATE, Lookups
from eventwire.actors.organisations import name_country, name_role, parent_body
from eventwire.records import Actor, ActorKind

KINDS = frozenset({"person", "organization", "state", "group"})
# Lower is stronger evidence; a chain's actor is built from its best-ranked resolution first.
RANKS = {
    "kb": 0,
    "office": 1,  # "office holder"
    "title": 2,
    "relational": 3,
    "name": 4,
    "nationality": 5,
    "gazetteer": 5,
    "speaker": 6,
    "context": 7,
}


@dataclass(frozen=True, slots=True)
class Resolution:
    """An actor as far as one mention (or a merged chain) determines it, and why."""

    reason: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: ActorKind | None = None
    wikidata: str | None = None
    key: str | None = None  # KB key, when the KB named the actor
    office: str | None = None

    @property
    def rank(self) -> int:
        return RANKS.get(self.reason.split(" ")[0], 9)

    def merged(self, other: Resolution) -> Resolution:
        """This resolution with its gaps filled from a weaker one."""
        return replace(
            self,
            name=self.name or other.name,
            country=self.country or other.country,
            sector=self.sector or other.sector,
            kind=self.kind or other.kind,
            wikidata=self.wikidata or other.wikidata,
            office=self.office or other.office,
        )

    def actor(self, text: str) -> Actor:
        return Actor(text, self.name, self.country, self.sector, self.kind, self.wikidata)


def as_kind(value: str | None) -> ActorKind | None:
    return cast(ActorKind, value) if value in KINDS else None


def from_entry(entry: EntryLike, reason: str = "kb") -> Resolution:
    label = f"{reason} {entry.key}" if reason == "kb" else reason
    return Resolution(
        label,
        entry.name,
        entry.country,
        entry.sector,
        as_kind(entry.kind),
        entry.wikidata,
        entry.key,
        entry.office,
    )


def _owner_country(owner: Resolution | None) -> str | None:
    return owner.country if owner is not None else None


def _country(c: Candidate, owner: Resolution | None, agent: Resolution | None = None) -> str | None:
    """Nationality in the phrase, else the owner's country, else the deploying subject's
    ("Russia massed troops near the border"), else the country of "in PLACE"."""
    if c.nationalities:
        return c.nationalities[0]
    return _owner_country(owner) or _owner_country(agent) or c.place_country


def _sector(role: tuple[str, str] | None, owner: Resolution | None) -> str | None:
    """An organisation's own sector beats a generic role ("Hamas spokesman" speaks for Hamas),
    but a functional role beats an intergovernmental body's "IGO" ("African Union
    parliamentarians" are LEG, "UN peacekeepers" MIL): the country code already says IGO."""
    own = (role[0] or None) if role else None  # "" for state nouns ("the country")
    if owner is not None and owner.kind in ("organization", "group") and owner.sector:
        return own if owner.sector == "IGO" and own not in (None, "GOV") else owner.sector
    return own


def _known(c: Candidate, entry: EntryLike, owner: Resolution | None) -> Resolution:
    found = from_entry(entry)
    if found.kind == "person":
        found = _person_in_role(c, found, owner)
    if found.country is None:
        found = replace(found, country=_country(c, owner))
    return found


def _person_in_role(c: Candidate, found: Resolution, owner: Resolution | None) -> Resolution:
    """A known person as the text presents them: "UN mediator X" acts for the UN, and a
    current title in the text beats the KB's "former official" (the article date may be off)."""
    if owner is not None and owner.kind == "organization" and owner.country in NON_STATE:
        return replace(found, country=owner.country, sector=owner.sector or found.sector)
    title_sector = _sector(c.role, owner)
    if title_sector == "ELI":
        return replace(found, sector="ELI")  # "ex-president X": the text says the office is past
    if found.sector is None or (found.sector == "ELI" and title_sector not in (None, "ELI")):
        return replace(found, sector=title_sector or found.sector)
    return found


def _international(c: Candidate, look: Lookups, owner: Resolution | None) -> Resolution | None:
    """An international or rights body the KB lacks, known by its name's words: IGO, or an NGO
    of the nationality or place its name states, else of the code set for international NGOs."""
    found = international_body(c.name or "") if c.label not in ("GPE", "LOC") else None
    if found is None:
        return None
    scope, sector = found
    name = c.name or ""
    country = "IGO" if scope == "IGO" else _country(c, owner) or name_country(name, look) or look.ngo_country
    return Resolution("name type", c.name, country, sector, "organization")


def _national_body(c: Candidate, look: Lookups, owner: Resolution | None) -> Resolution | None:
    """ "India's CBI", "South Africa's NPA", "the Philippine AFP": a short name that the KB
    reads one way on its own is the named country's body when the country has one so called."""
    if c.label in ("ROLE", "ADJ", "NORP", "GPE", "LOC") or not c.name:
        return None
    words = [w for w in c.name.split() if w.lower() != "the"]
    named = [n for n in map(look.nationality, words) if n]  # "the Philippine AFP"
    country = c.nationalities[0] if c.nationalities else (named[0] if named else None)
    if country is None and owner is not None and owner.kind == "state":
        country = owner.country
    short = " ".join(w for w in words if look.nationality(w) is None)
    found = look.national_body(country, short) if country and short else None
    if found is None:
        return None
    return Resolution("kb national", found[0], country, found[1], "organization")


def _unknown_name(c: Candidate, look: Lookups, owner: Resolution | None) -> Resolution:
    """A name the KB does not know: what its title, nationality and owner say."""
    international = _international(c, look, owner)
    if international is not None:
        return international
    evidence = "title" if c.role or c.nationalities or owner else "name"
    if c.label == "PERSON":
        return Resolution(evidence, c.name, _country(c, owner), _sector(c.role, owner), "person")
    if c.label in ("GPE", "LOC"):
        return Resolution("gazetteer", c.name, look.place_country(c.name or ""), None, "state")
    name = c.name or ""
    own_role = name_role(name, look)  # "the Defence Ministry", "Konkola Copper Mines"
    kind = as_kind(own_role[1]) if own_role else "organization"
    role = own_role or c.role
    parent = parent_body(name, look) if own_role else None  # "the ECOWAS Court of Justice"
    if parent is not None:
        owner = owner or from_entry(parent)
        return Resolution(evidence, c.name, _country(c, owner), _sector(role, owner), kind)
    country = _country(c, owner) or (name_country(name, look) if own_role else None)
    return Resolution(evidence, c.name, country, role[0] if role else None, kind)


def _role_noun(
    c: Candidate, look: Lookups, owner: Resolution | None, agent: Resolution | None = None
) -> Resolution:
    if c.relational is not None:
        same = look.grammar.relational_nouns.get(c.relational, False)
        country = c.nationalities[0] if c.nationalities else (_owner_country(owner) if same else None)
        kind = owner.kind if owner is not None else "person"
        return Resolution("relational", None, country, owner.sector if owner else None, kind)
    kind = as_kind(c.role[1]) if c.role else None
    found = Resolution("title", None, _country(c, owner, agent), _sector(c.role, owner), kind)
    if c.name and c.label == "ROLE":
        found = replace(found, name=c.name)
        named = name_role(c.name, look) if kind == "person" else None
        if named is not None and named[1] == "organization":  # "the Zambian miner Lubambe Copper Mine"
            found = replace(found, sector=named[0], kind="organization")
    return office_holder(c, found, look) or found


def office_holder(c: Candidate, found: Resolution, look: Lookups) -> Resolution | None:
    """ "the secretary of state", "Russian President": who held the office on the article's date."""
    if found.kind != "person" or c.plural or c.indefinite or c.qualified or not c.title:
        return None
    if found.country is None:
        return None
    entry = look.office_holder(found.country, c.title)
    if entry is None or entry.country not in (None, found.country):
        return None  # "the US President" is never another body's president
    return from_entry(entry, "office holder")


def _nationality(c: Candidate, look: Lookups) -> Resolution | None:
    """ "Russian" (the state, named as the KB names it) or "Palestinians" (a group)."""
    if c.ethnic:
        return Resolution("nationality", None, None, None, "group")
    country = c.nationalities[0] if c.nationalities else look.nationality(c.name or "")
    if country is None:
        return None
    entry = look.country_entry(country) if c.label == "ADJ" else None
    if entry is not None:
        return replace(from_entry(entry, "nationality"), key=None)
    kind: ActorKind = "state" if c.label == "ADJ" else "group"
    return Resolution("nationality", None, country, None, kind)


def resolve_local(
    c: Candidate, look: Lookups, owner: Resolution | None, agent: Resolution | None = None
) -> Resolution | None:
    """What this candidate says about its actor on its own; None for pronouns. ``agent`` is
    the actor of the subject that deploys a role noun, if any."""
    if c.label == "PRON":
        return None
    national = _national_body(c, look, owner)
    if national is not None:
        return national
    if c.entry is not None:
        return _known(c, c.entry, owner)
    if c.label == "ROLE":
        return _role_noun(c, look, owner, agent)
    if c.label in ("ADJ", "NORP"):
        return _nationality(c, look)
    return _unknown_name(c, look, owner)
