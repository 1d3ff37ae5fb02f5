"""Find event triggers in a parsed document by matching lexicon entries against the parse.

A trigger is a verb ("shelled"), a noun ("sanctions on", "talks with") or an adjective
("ready to") whose lemma is in the lexicon and whose syntactic context satisfies the
entry: particle, object, preposition, subject, modifier, governing light verb. Every
token gets at most one match, the most specific entry that fits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import LexEntry, Lexicon, PartOfSpeech
from eventwire.nlp.vocabulary import ACTED_ON_DEPS, SUBJECT_DEPS_WITH_CLAUSES, TRIGGER_MODIFIER_DEPS

# A noun after these names a topic, not an event: "questions *about* the sanctions".
TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "over"})


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A lexicon entry that fired on a token: what the argument finder and the stage use."""

    token: int  # head token index of the trigger (verb or noun) in the doc
    tokens: tuple[int, ...]  # all token indices of the trigger phrase (offsets go min..max)
    cameo: str
    plover: str
    mode: str | None
    strength: float  # 0..1: how specific the pattern is
    pattern: str  # lexicon entry id, for explanations
    target_preps: tuple[str, ...] = ()  # prepositions introducing the target ("on", "against", "with", "to")
    nominal: bool = False  # trigger is a noun ("sanctions on", "talks with", "an attack on")
    reciprocal: bool = False  # "met", "held talks", "signed an agreement": both sides act on each other
    passive_source_prep: str = "by"


def is_topic(token: Token) -> bool:
    """A noun after "about", "over", ...: what is talked about, not (by itself) an event."""
    return token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS


def part_of_speech(token: Token, topics: bool = False) -> PartOfSpeech | None:
    """The lexicon section a token is looked up in (participles count as verbs).

    Topic nouns are skipped unless ``topics`` is set (the object of a reaction:
    "concern *about the build-up*" reports that the build-up happened).
    """
    if token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX"):
        return "verb"
    if token.pos_ in ("NOUN", "PROPN"):
        # a noun modifying another noun names a kind of thing ("riot police", "peace talks")
        if token.dep_ == "compound" or (is_topic(token) and not topics):
            return None
        return "noun"
    if token.pos_ == "ADJ":
        return "adj"
    return None


def word_forms(token: Token) -> tuple[str, ...]:
    """Lemma, surface form and, for verbs, the form without its inflection.

    The small model's lemmatiser now and then gets a verb wrong ("staged" -> "stag"); the
    stripped surface form is a cheap second opinion.
    """
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if token.tag_ in ("VBD", "VBN") and lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
    elif token.tag_ == "VBG" and lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
    elif token.tag_ == "VBZ" and lower.endswith("s"):
        forms.append(lower[:-1])
    # British "-ise" spellings ("mobilised", "organisation") reach the "-ize" entries too
    forms += [_american(form) for form in forms if "is" in form]
    return tuple(dict.fromkeys(forms))


def _american(form: str) -> str:
    for british, american in (("isation", "ization"), ("ising", "izing"), ("ise", "ize")):
        if british in form:
            return form.replace(british, american)
    return form


def hyphen_head(token: Token) -> Token | None:
    """The first half of a noun the tokenizer split at its hyphen ("build - up", "round - up")."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].head.i != i:
        return None
    return doc[i - 2]


def _lookup_words(token: Token) -> tuple[str, ...]:
    first = hyphen_head(token) if token.pos_ in ("NOUN", "PROPN") else None
    if first is None:
        return word_forms(token)
    joined = (f"{first.lower_}-{token.lower_}", f"{first.lower_}{token.lower_}")
    return joined + word_forms(token)


def _with_compounds(token: Token) -> set[str]:
    words = {token.lemma_.lower(), token.lower_}
    if token.tag_ == "NNPS" and token.lower_.endswith("s"):
        # the lemmatiser leaves plural names whole: "Benin *Bronzes*", "the Golan *Heights*"
        words.add(token.lower_[:-1])
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            words.update((child.lemma_.lower(), child.lower_))
    return words


def _of_objects(token: Token, preps: tuple[str, ...] = ("of",)) -> list[Token]:
    return [g for c in token.children if c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def objects_of(token: Token) -> set[str]:
    """Lemmas of what the trigger acts on.

    Direct object or passive subject with their conjuncts and "of"-complements ("700 kg
    *of medicine*", "part of the *aid* program"); for a noun its "of"-object and compounds;
    for a verb with a complement clause, the clause's verb and subject ("allowed the
    *leader* to *hold* a rally", "refused to *comment*").
    """
    heads = [c for c in token.children if c.dep_ in ACTED_ON_DEPS]
    if token.pos_ in ("NOUN", "PROPN"):
        # "an end *to the fighting*" names what the noun acts on just as "of" does
        # and "in" names what changes: "a rise *in* the number of troops"
        # "withdrawal *from* the bloc" names what is left
        heads += _of_objects(token, ("of", "to", "in", "from")) + [
            c for c in token.children if c.dep_ == "compound"
        ]
    else:
        if not heads and token.dep_ == "amod" and token.i < token.head.i:
            # a participle before a noun acts on it: "*seized* weapons", and the parser reads
            # "North Korea *test-fired* two missiles" as a noun phrase with that shape
            heads = [token.head]
        if not heads:  # an intransitive verb acts on its prepositional object ("withdrew from the talks")
            heads = _of_objects(token, ("from", "to"))
            # ... also behind a two-word preposition: "pulled *out of* the treaty"
            heads += [
                g
                for c in token.children
                if c.lower_ in ("out", "away")
                for g in _of_objects(c, ("of", "from"))
            ]
        for clause in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
            # a passive clause acts on its own subject: "announced that the curfew *would be
            # lifted*" does not announce a curfew
            subject_deps = ("nsubj",) if clause.dep_ == "ccomp" else ("nsubj", "nsubjpass")
            heads += [clause] + [c for c in clause.children if c.dep_ in subject_deps]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
    heads += [g for h in heads for g in _of_objects(h, _reach_preps(h))]
    words: set[str] = set()
    for head in heads:
        words |= _with_compounds(head)
    return words


# Nouns that only open a way to what is really acted on: "blocked *access to* news websites",
# "restricted *entry to* the camp".
ACCESS_NOUNS = frozenset({"access", "entry", "entrance", "connection", "connectivity"})
# Amounts that name what they measure after "in" or "of": "suspended *$95 million in* aid",
# "froze 40 million *euros in* development aid".
AMOUNT_ENTITIES = frozenset({"MONEY", "QUANTITY", "PERCENT"})
MEASURE_NOUNS = frozenset(
    {
        "dollar",
        "euro",
        "pound",
        "franc",
        "yuan",
        "yen",
        "rupee",
        "ruble",
        "rouble",
        "shilling",
        "naira",
        "peso",
        "tonne",
        "ton",
        "barrel",
        "kilogram",
        "litre",
        "liter",
        "tranche",
        "worth",
    }
)


def _reach_preps(head: Token) -> tuple[str, ...]:
    """The prepositions after an object that lead to what the act is about ("of" always)."""
    if head.lemma_.lower() in ACCESS_NOUNS:
        return ("of", "to")
    if head.ent_type_ in AMOUNT_ENTITIES or head.tag_ == "CD" or head.lemma_.lower() in MEASURE_NOUNS:
        return ("of", "in")
    return ("of",)


def preps_of(token: Token) -> set[str]:
    """Prepositions and particles attached to the trigger (and to its object, for "X on Y").

    A phrase that only says when ("on Monday", "in March", "for six hours") is no argument:
    "mobilized reservists *on Monday*" is not a protest *on* something.
    """
    found = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative") and not _says_when(c)}
    for obj in (c for c in token.children if c.dep_ in ACTED_ON_DEPS):
        found |= {c.lower_ for c in obj.children if c.dep_ == "prep" and not _says_when(c)}
    return found


def _says_when(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


# Particles the small model now and then tags as adverbs ("stepped *down* on Friday").
ADVERB_PARTICLES = frozenset({"down", "off", "out", "back", "aside", "away"})


def particles_of(token: Token) -> set[str]:
    return {
        c.lower_
        for c in token.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES and c.i == token.i + 1)
    }


# Verbs that lend their subject to a verb below them: the controller of "decided *to strike*",
# the first conjunct of "marched and *went on strike*". Two steps at most.
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj"})


def _subject_heads(token: Token) -> list[Token]:
    """The subject tokens of a verb, or of the verb that controls it or is coordinated with it.

    "Teachers decided *to strike*", "dockers threatened *to walk out*", "workers marched and
    *went* on strike": the subject of the governing verb is the subject of the governed one.
    """
    for _ in range(3):
        heads = [c for c in token.children if c.dep_ in SUBJECT_DEPS_WITH_CLAUSES]
        if heads or token.dep_ not in SHARED_SUBJECT_DEPS or token.head is token:
            return heads
        token = token.head
    return []


def subjects_of(token: Token) -> set[str]:
    heads = _subject_heads(token)
    if token.dep_ in ("acl", "relcl", "amod") and not heads:
        heads = [token.head]  # "troops massed on the border" parsed as a reduced relative
    heads += [g for h in heads for g in _of_objects(h)]  # "a team *of inspectors*", "thousands *of students*"
    words: set[str] = set()
    for head in heads:
        words |= _with_compounds(head)
    return words


def modifiers_of(token: Token) -> set[str]:
    return {
        w for c in token.children if c.dep_ in TRIGGER_MODIFIER_DEPS for w in (c.lemma_.lower(), c.lower_)
    }


def is_complement_clause(token: Token) -> bool:
    """A clausal complement; the parser often attaches "pressed X *to free* Y" as advcl."""
    if token.dep_ in ("ccomp", "xcomp"):
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


# Words between a verb and the event noun it carries: "took *part* in a march", "are *out* on
# strike", "played a *role* in the talks".
BRIDGE_WORDS = frozenset({"part", "out", "role"})
VERBAL = ("VERB", "AUX")


def governor_of(token: Token) -> Token | None:
    """The verb that takes a nominal trigger as its object or subject ("held talks", "talks began")."""
    head = token.head
    if token.dep_ == "pobj":
        head = head.head  # "engaged in talks", "went on strike"
        if head.pos_ not in VERBAL and head.lower_ in BRIDGE_WORDS and head.head.pos_ in VERBAL:
            head = head.head
    if head is token or head.pos_ not in VERBAL:
        return None
    return head


def is_participation(token: Token) -> bool:
    """ "took part in", "played a role in": the verb only carries the event noun after it."""
    if token.lemma_.lower() not in ("take", "play"):
        return False
    bridges = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in BRIDGE_WORDS]
    # the parser hangs "in" on the noun or on the verb
    return any(g.lower_ == "in" and g.dep_ == "prep" for b in bridges for g in [*b.children, *token.children])


class _Parse:
    """What ``_fits`` reads of one token's parse, each part computed at most once.

    A token is tried against every lexicon entry of its word forms (up to a dozen for "hold",
    "call", "talks"); the particles, objects, prepositions... are the same for all of them.
    """

    def __init__(self, token: Token) -> None:
        self.token = token

    @cached_property
    def particles(self) -> set[str]:
        return particles_of(self.token)

    @cached_property
    def objects(self) -> set[str]:
        return objects_of(self.token)

    @cached_property
    def preps(self) -> set[str]:
        return preps_of(self.token)

    @cached_property
    def subjects(self) -> set[str]:
        return subjects_of(self.token)

    @cached_property
    def mods(self) -> set[str]:
        return modifiers_of(self.token)

    @cached_property
    def clause(self) -> bool:
        return any(is_complement_clause(c) for c in self.token.children)

    def lacks(self, part: str, required: tuple[str, ...]) -> bool:
        """None of ``required`` is among the words of ``part`` ("objects", "preps", ...)."""
        found: set[str] = getattr(self, part)
        return found.isdisjoint(required)

    @cached_property
    def governor_forms(self) -> frozenset[str] | None:
        governor = governor_of(self.token)
        return None if governor is None else frozenset(word_forms(governor))


def _fits(entry: LexEntry, parse: _Parse) -> bool:
    if entry.particles:
        if parse.particles.isdisjoint(entry.particles):
            return False
    elif parse.particles and entry.pos == "verb":
        return False  # "call off" is not "call": a phrasal verb is a different verb
    # each part is read only when an entry asks for it (the parse caches what it read)
    wanted = (
        (entry.objects, "objects"),
        (entry.preps, "preps"),
        (entry.subjects, "subjects"),
        (entry.mods, "mods"),
    )
    if any(required and parse.lacks(part, required) for required, part in wanted):
        return False
    if entry.not_objects and not parse.objects.isdisjoint(entry.not_objects):
        return False
    if entry.clause and not parse.clause:
        return False
    # the governor's forms are read only for an entry that names governors
    return not entry.governors or not (parse.governor_forms or frozenset()).isdisjoint(entry.governors)


def phrase_tokens(entry: LexEntry, token: Token) -> tuple[int, ...]:
    """The trigger's own words: head, particle, and a light verb that carries a noun."""
    indices = {token.i}
    indices |= {c.i for c in token.children if c.dep_ in ("prt", "neg") and entry.pos == "verb"}
    if entry.pos == "noun" and entry.governors:
        governor = governor_of(token)
        if governor is not None and abs(governor.i - token.i) <= 4:
            indices.add(governor.i)
    if entry.pos == "noun":
        indices |= {c.i for c in token.children if c.dep_ == "compound" and c.i == token.i - 1}
        first = hyphen_head(token)
        if first is not None and {f"{first.lower_}-{token.lower_}", f"{first.lower_}{token.lower_}"} & set(
            entry.lemmas
        ):
            indices |= {first.i, token.i - 1}
    return tuple(sorted(indices))


def match_entry(entry: LexEntry, token: Token, parse: _Parse | None = None) -> TriggerMatch | None:
    """A ``TriggerMatch`` when ``entry`` fits ``token`` in its parse, else None."""
    if not _fits(entry, parse or _Parse(token)):
        return None
    return TriggerMatch(
        token=token.i,
        tokens=phrase_tokens(entry, token),
        cameo=entry.cameo,
        plover=entry.plover,
        mode=entry.mode,
        strength=entry.strength,
        pattern=entry.id,
        target_preps=entry.target_preps,
        nominal=entry.pos == "noun",
        reciprocal=entry.reciprocal,
        passive_source_prep=entry.passive_source_prep,
    )


def best_match(lexicon: Lexicon, token: Token, topics: bool = False) -> TriggerMatch | None:
    """The most specific entry that fits ``token`` (ties: the first listed)."""
    pos = part_of_speech(token, topics)
    if pos is None or (pos == "verb" and is_participation(token)):
        return None
    best: TriggerMatch | None = None
    parse = _Parse(token)
    for entry in lexicon.candidates(pos, _lookup_words(token)):
        found = match_entry(entry, token, parse)
        if found is not None and (best is None or found.strength > best.strength):
            best = found
    return best


def topic_triggers(
    doc: Doc, lexicon: Lexicon, start: int = 0, end: int | None = None
) -> Iterator[TriggerMatch]:
    """Nominal triggers that ``find_triggers`` skips as mere topics ("concern over *the arrest*")."""
    for token in doc[start:end]:
        found = best_match(lexicon, token, topics=True) if is_topic(token) else None
        if found is not None and found.nominal:
            yield found


def find_triggers(
    doc: Doc, lexicon: Lexicon, start: int = 0, end: int | None = None
) -> Iterator[TriggerMatch]:
    """Every token of ``doc[start:end]`` that the lexicon recognises, at most one match each."""
    for token in doc[start:end]:
        found = best_match(lexicon, token)
        if found is not None:
            yield found
