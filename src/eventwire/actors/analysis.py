"""One article's actor analysis: mentions, chains with their reasons, and places.

analysis = analyse(doc, lookups)
analysis.mentions   # Mention records, sorted by position, each with its chain's actor
analysis.chains     # ActorChain: the chain's actor and why it was resolved so
analysis.places     # toponyms used as locations (not actors), with their countries
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from eventwire.actors.candidates import Candidate
from eventwire.actors.coref import Chain, Coreference
from eventwire.actors.detect import find_candidates, sentence_indices
from eventwire.actors.lookups import NON_STATE, Lookups
from eventwire.actors.places import PlaceSpan
from eventwire.actors.resolve import Resolution, from_entry
from eventwire.actors.salience import Salience
from eventwire.records import Actor, ActorChain, Mention, MentionKind

# Actors that take the article's country when their own text names none. People the KB
# does not know keep this fallback: leaving them country-less measured worse (dev dyad F1
# 0.788 -> 0.782, project gold 0.802 either way); the sentence's own evidence (apposition,
# nationality, "X of Iran", "Iran's envoy X") is used first, in evidence.py and resolve.py.
CONTEXT_KINDS = frozenset({"person", "group", "organization"})
# A place counts twice as much as an actor towards the salient country: people and groups
# the text gives no nationality are usually where the reported events happen (dev set:
# dyad F1 0.640 at weight 1, 0.646 at 2; 0.535 with no context fallback at all).
PLACE_WEIGHT = 2.0
# Sectors of the non-governmental bodies in igos.yaml (the rest there are intergovernmental).
NGO_SECTORS = frozenset({"NGO", "HRI", "HLH", "ENV", "REL", "DEV"})


@dataclass(frozen=True, slots=True)
class ActorAnalysis:
    mentions: tuple[Mention, ...]
    chains: tuple[ActorChain, ...]
    places: tuple[Mention, ...]


def _salience(chains: list[Chain], places: list[PlaceSpan], sentence_of: list[int]) -> Salience:
    salience = Salience(place_weight=PLACE_WEIGHT)
    for chain in chains:
        country = chain.actor.country if chain.actor else None
        state = chain.actor is not None and chain.actor.kind == "state"
        for m in chain.members:
            salience.add(country, m.sentence, m.head, state=state)
    for place in places:
        salience.add(place.country, sentence_of[place.span.root.i], place.span.root.i, place=True)
    return salience


def _nearest_state(chains: list[Chain], first: Candidate) -> str | None:
    """Country of the state named last before ``first``, in its sentence or the one before."""
    best: tuple[int, str] | None = None
    for chain in chains:
        actor = chain.actor
        if actor is None or actor.kind != "state" or not actor.country or actor.country in NON_STATE:
            continue
        for m in chain.members:
            if (
                m.head < first.head
                and first.sentence - m.sentence <= 1
                and (best is None or m.head > best[0])
            ):
                best = (m.head, actor.country)
    return best[1] if best else None


def _context_country(chains: list[Chain], chain: Chain, salience: Salience) -> str | None:
    """ "the regime", "the government": the state just named; civilians and "the country" (no
    state named by name): the place where it happened (dev set: dyad F1 0.769 -> 0.775, no
    loss); anything else: the salient country."""
    first, actor = chain.members[0], chain.actor
    if first.label == "ROLE" and first.definite and actor is not None and actor.sector == "GOV":
        country = _nearest_state(chains, first)
        if country is not None:
            return country
    if actor is not None and (actor.sector == "CVL" or actor.kind == "state"):
        country = salience.place_before(first.sentence, first.head)
        if country is not None:
            return country
    if first.generic:  # "heads of departments": only the sentence itself may say whose
        return salience.local_country(first.sentence)
    return salience.country(first.sentence)


def _takes_context(actor: Resolution, first: Candidate) -> bool:
    """People and groups without a country, and "the country" when no state was named by name
    (only by a city or a nationality: "a base in N'Djamena ... their withdrawal from *the country*")."""
    if actor.kind in CONTEXT_KINDS:
        return True
    return actor.kind == "state" and first.label == "ROLE" and first.definite


def _with_context(chains: list[Chain], chain: Chain, salience: Salience, look: Lookups) -> Resolution | None:
    """Fill a missing country from the article; a definite office then finds its holder."""
    actor = chain.actor
    if actor is None or actor.country or not _takes_context(actor, chain.members[0]):
        return actor
    country = _context_country(chains, chain, salience)
    if country is None:
        return actor
    actor = replace(actor, country=country, reason=f"{actor.reason} + context")
    first = chain.members[0]
    if actor.kind == "person" and first.label == "ROLE" and first.title and not first.indefinite:
        entry = None if first.plural else look.office_holder(country, first.title)
        if entry is not None:
            actor = from_entry(entry, "office holder").merged(actor)
            actor = replace(actor, reason=f"office holder + context ({entry.key})")
    return actor


def _state_names(chains: list[Chain]) -> dict[str, Resolution]:
    """The KB's country entries the article names, by code: "Russian" is then "Russia"."""
    return {
        chain.actor.country: chain.actor
        for chain in chains
        if chain.actor is not None and chain.actor.country and (chain.actor.key or "").startswith("country:")
    }


def _named(actor: Resolution | None, states: dict[str, Resolution], look: Lookups) -> Resolution | None:
    """A nameless state actor ("Russian") takes the name of the article's "Russia", and is the
    same actor: the same sector too."""
    if actor is None or actor.name or actor.kind != "state" or actor.country not in states:
        return actor
    state = _coded(states[actor.country], look) or states[actor.country]
    return replace(actor, name=state.name, wikidata=state.wikidata, sector=actor.sector or state.sector)


def _named_state(actor: Resolution) -> bool:
    """A state the text names ("Kenya", "the DPRK"), not a nationality word ("Kenyan"): a
    nationality before an unknown noun ("Kenyan fraudsters") says nothing about government."""
    return actor.kind == "state" and bool(actor.country) and actor.reason.startswith("kb country:")


def _coded(actor: Resolution | None, look: Lookups) -> Resolution | None:
    """The actor under the configured conventions: a state named as an actor ("Kenya said") is
    its government, as ICEWS codes it; the KB's international NGOs take the configured code."""
    if actor is None:
        return None
    if _named_state(actor) and not actor.sector and actor.country not in NON_STATE:
        return replace(actor, sector=look.state_sector)
    named_ngo = (actor.key or "").startswith("igo:") and actor.sector in NGO_SECTORS
    if named_ngo and actor.country == "IGO" and look.ngo_country != "IGO":
        return replace(actor, country=look.ngo_country)
    return actor


def _mention(doc: Doc, c: Candidate, actor: Actor | None, chain: int | None, kind: MentionKind) -> Mention:
    span = doc[c.start : c.end]
    return Mention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        sentence=c.sentence,
        token_start=c.start,
        token_end=c.end,
        kind=kind,
        actor=actor,
        chain=chain,
        head=c.head,
    )


def _kind(c: Candidate, coref: Coreference) -> MentionKind:
    local = coref.local(c) if c.label != "PRON" else None
    if local is not None and local.key and local.key.startswith("metonym:"):
        return "metonym"
    return c.kind


def _report(doc: Doc, number: int, chain: Chain, actor: Resolution, coref: Coreference) -> ActorChain:
    members = sorted(chain.members, key=lambda c: (c.start, c.end))
    mentions = tuple(
        _mention(doc, c, actor.actor(doc[c.start : c.end].text), number, _kind(c, coref)) for c in members
    )
    links = tuple(chain.links[c.head] for c in members)
    return ActorChain(number, actor.actor(mentions[0].text), actor.reason, mentions, links)


def _places(doc: Doc, places: list[PlaceSpan], sentence_of: list[int]) -> tuple[Mention, ...]:
    out: list[Mention] = []
    for place in places:
        span = place.span
        c = Candidate(span.start, span.end, span.root.i, sentence_of[span.root.i], "name", "PLACE")
        actor = Actor(span.text, span.text, place.country, None, "state", None)
        out.append(_mention(doc, c, actor, None, "name"))
    return tuple(out)


def analyse(doc: Doc, look: Lookups) -> ActorAnalysis:
    """Find, resolve and chain every actor mention of a parsed article."""
    found = find_candidates(doc, look)
    coref = Coreference(doc, found.candidates, look)
    chains = coref.run()
    sentence_of = sentence_indices(doc)
    salience = _salience(chains, found.places, sentence_of)
    reports: list[ActorChain] = []
    states = _state_names(chains)
    for chain in sorted(chains, key=lambda ch: min(c.start for c in ch.members)):
        actor = _coded(_named(_with_context(chains, chain, salience, look), states, look), look)
        # A chain that says nothing about who ("both countries" in a country-less text) is
        # no actor: left out, it cannot block an event coder's other candidates.
        if actor is not None and (actor.name or actor.country or actor.sector):
            reports.append(_report(doc, len(reports), chain, actor, coref))
    # Text order; a phrase comes before the mentions nested in it ("Russia's troops", "Russia").
    mentions = sorted((m for r in reports for m in r.mentions), key=lambda m: (m.token_start, -m.token_end))
    return ActorAnalysis(tuple(mentions), tuple(reports), _places(doc, found.places, sentence_of))
