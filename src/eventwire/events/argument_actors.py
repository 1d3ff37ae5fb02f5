"""From argument heads to actors: which actor mention stands for a word of the parse.

``arguments`` decides *which words* are an event's source and target; this module finds
the actor mentions (from the actor stage) those words stand for: the mention at the word,
else the nearest inside its noun phrase ("the government of *Sudan*"), never inside a
clause that modifies it; coordinated words count too ("Chile and Peru"). Targets exclude
the source itself and what it owns ("recalled *its* ambassador", "sent *its troops*").
When no actor is found, the country of the place named nearby may stand in.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from eventwire.actors.coordination import coordinated_nationals
from eventwire.nlp.parsed import ParsedArticle
from eventwire.nlp.vocabulary import NOMINAL_POS, NOUN_PHRASE_DEPS, OBJECT_DEPS
from eventwire.records import Actor, Mention

VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg"})
# Sectors of armed actors outside the state: their country is where they operate, and a
# soldier of that country is their enemy, never their instrument.
ARMED_NON_STATE = frozenset({"INS", "REB", "SEP", "UAF", "CRM"})
Tier = list[Token]


def kids(token: Token, deps: Iterable[str]) -> list[Token]:
    """The token's children attached by one of ``deps``."""
    wanted = frozenset(deps)
    return [c for c in token.children if c.dep_ in wanted]


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser hung on a preceding noun: "shelled the village and Kars protested".

    The small model often reads "X and Y protested" as objects "X and Y" of the first verb,
    or, in a long sentence, "..., the government and the rebels have agreed" as conjuncts
    of an earlier noun, leaving the verb without a subject. A noun conjunct right before a
    subject-less verb (auxiliaries aside) is then its subject: a verb sharing an earlier
    subject would follow "and" instead ("shelled the village and burned the school").
    """
    if verb.dep_ not in ("conj", "ROOT") or not verb.tag_.startswith("VB"):
        return None
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in VERB_GROUP_DEPS)])
    before = verb.doc[start - 1] if start > 0 else None
    if before is None or before.dep_ != "conj" or before.pos_ not in NOMINAL_POS:
        return None
    if verb.dep_ == "conj":
        return before if before.head.dep_ in OBJECT_DEPS else None
    return _first_conjunct_of_clause(before)


def _first_conjunct_of_clause(token: Token) -> Token:
    """Climb a coordination, but not past the comma that opened this clause."""
    comma = max((t.i for t in token.doc[token.sent.start : token.i] if t.text == ","), default=-1)
    while token.dep_ == "conj" and token.head.i > comma:
        token = token.head
    return token


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """ "Chile and Peru": every conjunct of an argument is an argument too."""
    out: list[Token] = []
    queue = deque(tokens)
    while queue:
        token = queue.popleft()
        if token not in out:
            out.append(token)
            queue.extend(c for c in kids(token, ("conj",)) if not _is_stranded(c))
    return out


def _is_stranded(token: Token) -> bool:
    """``token`` is really the subject of the verb after it (see ``stranded_subject``)."""
    doc = token.doc
    i = token.right_edge.i + 1
    while i < len(doc) and doc[i].dep_ in VERB_GROUP_DEPS:
        i += 1
    return i < len(doc) and stranded_subject(doc[i]) == token


def actor_mention_at(
    parsed: ParsedArticle, token_i: int, pool: Sequence[Mention] | None = None
) -> Mention | None:
    """The innermost mention over ``token_i`` that the actor stage resolved to an actor
    with a country, a name or a sector ("gunmen": an armed group, whose country the
    ``events.conventions`` stage may supply); one with none of them tells a user nothing."""
    mentions = parsed.mentions if pool is None else pool
    covering = [m for m in mentions if m.token_start <= token_i < m.token_end and _informative(m)]
    return min(covering, key=lambda m: m.token_end - m.token_start, default=None)


def _informative(mention: Mention) -> bool:
    """A place of unknown country ("North Kordofan" the gazetteer lacks) says nothing of a dyad."""
    actor = mention.actor
    if actor is None or (actor.kind == "state" and not actor.country):
        return False
    return bool(actor.country or actor.name or actor.sector)


def nearest_mention(
    parsed: ParsedArticle, head: Token, pool: Sequence[Mention] | None = None
) -> Mention | None:
    """The actor mention at ``head`` or, failing that, the nearest one inside its noun phrase.

    An apposition names the same referent as the noun it follows, so "a group backed by
    Rwanda" in "the militia, a group backed by Rwanda," also looks at "the militia".
    """
    found = _mention_below(parsed, head, pool)
    if found is None and head.dep_ == "appos":
        found = _mention_below(parsed, head.head, pool)
    return found


def _search_order(token: Token, head: Token) -> tuple[int, int]:
    # Words naming the same referent ("militia ally", "the emir, Hamad") before an owner
    # ("Israel's ally") before a prepositional phrase; nearer words first.
    rank = {"compound": 0, "amod": 0, "nmod": 0, "appos": 0, "npadvmod": 0, "poss": 1}
    return rank.get(token.dep_, 2), abs(token.i - head.i)


def _mention_below(parsed: ParsedArticle, head: Token, pool: Sequence[Mention] | None) -> Mention | None:
    queue = deque([head])
    seen = {head.i}
    while queue:
        token = queue.popleft()
        mention = actor_mention_at(parsed, token.i, pool)
        if mention is not None:
            return mention
        for child in sorted(kids(token, NOUN_PHRASE_DEPS), key=lambda c: _search_order(c, head)):
            if child.i not in seen:
                seen.add(child.i)
                queue.append(child)
    return None


def place_actors(
    parsed: ParsedArticle, heads: Iterable[Token], candidates: Sequence[Mention] | None = None
) -> tuple[Actor, ...]:
    """The country of the place an event happened in (or of an actor standing there: "outside
    the Russian embassy"), from the actor stage's place mentions and ``candidates`` (default
    all). The first of ``heads`` that names one wins: they come nearest first."""
    places = list(parsed.places)
    others = parsed.mentions if candidates is None else candidates
    pool = [*places, *(m for m in others if m.actor is not None)]
    for head in heads:
        found = nearest_mention(parsed, head, pool)
        if found is not None and found.actor is not None and found.actor.country:
            return (found.actor,)
    return ()


def resolve(
    parsed: ParsedArticle, heads: Sequence[Token], pool: Sequence[Mention] | None = None
) -> list[Mention]:
    """Actor mentions (from ``pool``, default all) for argument heads and their conjuncts."""
    found: dict[tuple[str | None, ...], Mention] = {}
    for head in with_conjuncts(heads):
        mention = nearest_mention(parsed, head, pool)
        if mention is not None and mention.actor is not None:
            found.setdefault(mention.actor.identity, mention)
            # "Iranian and American negotiators": one party per coordinated nationality
            for party in coordinated_nationals(
                parsed.mentions if pool is None else pool, mention, parsed.doc
            ):
                found.setdefault(party.actor.identity if party.actor else (), party)
    return list(found.values())


def _same_referent(one: Mention, other: Mention) -> bool:
    if one.chain is not None and one.chain == other.chain:
        return True
    return one.actor is not None and other.actor is not None and one.actor.identity == other.actor.identity


def _refers_back(mention: Mention, sources: Sequence[Mention], pronouns: Sequence[Mention]) -> bool:
    """ "Peru recalled *its* ambassador": the source itself, or something of its own.

    "his Ugandan counterpart" is owned by the source too, but it is another country's
    actor, so it stays a target.
    """
    if mention.actor is None:
        return False
    if any(source.chain is not None and mention.chain == source.chain for source in sources):
        return True
    owners = [
        p for p in pronouns if mention.token_start <= p.token_start and p.token_end <= mention.token_end
    ]
    country = mention.actor.country
    return any(
        _same_referent(owner, source) and owner.actor is not None and owner.actor.country == country
        for owner in owners
        for source in sources
    )


def target_pool(parsed: ParsedArticle, sources: Sequence[Mention]) -> list[Mention]:
    """Mentions that may be a target: not the source again, nor the forces it moves.

    "Greece dispatched *warships*": the source's own military is its instrument, not
    whom it acts on, so a nominal military mention of a source country is left out. A
    person is nobody's instrument: "accused *the army chief*" targets him.
    """
    # only a state commands its country's forces: "militants killed six soldiers" targets them
    countries = {
        s.actor.country
        for s in sources
        if s.actor is not None and s.actor.country and s.actor.sector not in ARMED_NON_STATE
    }

    def own_forces(m: Mention) -> bool:
        actor = m.actor
        return (
            m.kind == "nominal"
            and actor is not None
            and actor.sector == "MIL"
            and actor.kind != "person"
            and actor.country in countries
        )

    pronouns = [m for m in parsed.mentions if m.kind == "pronoun"]
    allowed = [m for m in parsed.mentions if m.actor and m not in sources and not own_forces(m)]
    return [m for m in allowed if not _refers_back(m, sources, pronouns)]


def within_sentence(parsed: ParsedArticle, token: Token) -> ParsedArticle:
    """The article seen from one sentence: its mentions and places only.

    Arguments never cross a sentence (the parse does not), and searching one sentence's
    mentions instead of the article's keeps long articles linear.
    """
    sent = token.sent

    def inside(m: Mention) -> bool:
        return sent.start <= m.token_start < sent.end

    return parsed.with_(
        mentions=tuple(parsed.mentions_starting_in(sent.start, sent.end)),  # an index, not a scan
        places=tuple(m for m in parsed.places if inside(m)),
    )


def first_resolved(parsed: ParsedArticle, tiers: Iterable[Tier], pool: Sequence[Mention]) -> list[Mention]:
    """Mentions (from ``pool``) of the first tier that yields any."""
    for tier in tiers:
        found = resolve(parsed, tier, pool)
        if found:
            return found
    return []


def actors_of(mentions: Iterable[Mention]) -> tuple[Actor, ...]:
    return tuple(m.actor for m in mentions if m.actor is not None)
