"""Who did it and to whom: the source and target actors of an event trigger.

Arguments are read off the dependency parse (spaCy ``en_core_web_sm`` labels) and then
matched to the actor mentions the actor stage found. The walk only follows paths that
grammar licenses to share an argument, so a source is never stitched from one clause to
an event in another:

- the trigger's own subject, with its conjuncts ("Chile and Peru agreed");
- passives: the passive subject is the target, the "by" agent the source;
- a relative clause's noun ("the rebels who attacked the town");
- a verb coordinated with one that has a subject ("seized the town and shelled...");
- control: "Russia agreed to withdraw" (subject), "urged Iran to stop" and
  "called on Iran to stop" (object), "accused Libya of backing rebels" ("of" + object),
  "Moscow was ready to resume talks" (through the adjective);
- reported speech: the embedded clause's own subject, the speaker only when the clause
  has none;
- participles and purpose clauses share the main clause's subject ("..., citing",
  "troops backed by Rwanda");
- nominal triggers: possessor or modifier ("Russia's attack", "US sanctions",
  "US-led strikes"), "by"-phrase (also on a participle: "a bomb planted by rebels"), or the
  subject of a light verb ("launched an attack on X"), with targets from their prepositions
  ("sanctions on Iran", "talks with Kyiv") and, last, "of" ("the expulsion of two envoys";
  for movements "of" names who moved: "the withdrawal of Kenyan troops");
- an instrument that acts stands for whoever used it: "drones launched by X struck";
- "between"/"among" names both sides as sources when nothing else does ("fighting
  between rival gangs").

Targets are tried in tiers, the first that names an actor wins: the lexicon's target
prepositions ("sanctions *on* Iran"), the direct object or dative, a preposition on the
object ("called for sanctions *against* X"), the maker of an offer ("the plan drafted
*by* Turkey"), then what a governed clause acts on ("demanded that *the US* cancel",
"refused to lift the curfew *on* X", "promised to let *X* build", "warned that it would
respond *if X* ..."), the addressee of a reported promise ("told *Australia* it
would..."). Failing all that, the country of the place the event happened in is the
target ("imposed a curfew in Hebron"): coders code domestic actions against the country
where they happen. A lifted measure
targets whom it was imposed on ("lifted the sanctions *imposed on* X").

Policies a user of the data should know:

- Reciprocal events ("Kenya and Uganda met") have no object: both subjects are given as
  source *and* as target, since each side acts on the other. "Kenya met Uganda" keeps
  source Kenya and target Uganda.
- A target is never the source again nor something it owns ("recalled *its*
  ambassador", "sent *its troops*"), but "*his Ugandan* counterpart" is a target.
- For movement types (MOBILIZE, RETREAT) a passive subject without an agent is who moved
  ("troops were deployed"); for the others it is who was acted upon.
- A meeting's place is a venue, not a party: reciprocal events (talks, summits, accords)
  take no target from the place they are held at, except the types in
  ``place_target_types`` ("clashes in Idlib"). A visit's place is its host.
- An envoy recalled or expelled without an agent ("the Peruvian ambassador to Chile was
  recalled") is an act between the sending state and the host (``envoy_roles``).
- When the argument's head word is not itself an actor, the nearest actor inside its
  noun phrase is used ("the government of Sudan"), never one inside a clause that
  modifies it (``argument_actors``).

The word lists (``data/arguments.yaml``) and the lexicon's light verbs reach every rule
through the ``ArgumentContext`` its coder builds once from the knowledge bundle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.argument_actors import (
    Tier,
    actor_mention_at,
    actors_of,
    first_resolved,
    kids,
    place_actors,
    stranded_subject,
    target_pool,
    with_conjuncts,
    within_sentence,
)
from eventwire.events.argument_anaphora import act_objects, earlier_doer, earlier_pair, pair_head, subjects_of
from eventwire.events.argument_links import agents, blamed, carried, doers, victims
from eventwire.events.argument_tables import ArgumentTables
from eventwire.events.lexicon import Lexicon
from eventwire.events.triggers import TriggerMatch
from eventwire.nlp.parsed import ParsedArticle
from eventwire.nlp.vocabulary import (
    ACTIVE_SUBJECT_DEPS,
    NOMINAL_POS,
    NONFINITE_TAGS,
    OBJECT_DEPS,
    OWNER_MODIFIER_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PREDICATE_POS,
    RELATIVE_TAGS,
    is_to_infinitive,
)
from eventwire.records import Actor, Mention

# A chain of control verbs is short; this only guards against a cyclic or broken parse.
MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Arguments:
    """The actors of one event and how many of the roles it should have were found."""

    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    completeness: float  # 0..1: share of expected roles found (source, and target when needed)


@dataclass(frozen=True, slots=True)
class ArgumentContext:
    """The word tables the argument rules read, handed down from the coder that owns them."""

    tables: ArgumentTables
    light_verbs: frozenset[str]  # our light verbs plus those the trigger lexicon's frames name

    @classmethod
    def of(cls, tables: ArgumentTables, lexicon: Lexicon) -> ArgumentContext:
        return cls(tables, tables.light_verbs | lexicon.frames.light_verbs)


# --- syntax helpers -------------------------------------------------------------------


COMPOUND_PREP_HEADS = frozenset({"out", "away", "back", "up"})


def _prep_objects(ctx: ArgumentContext, token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions among ``preps`` ("sanctions *on* Iran").

    A framing noun is no argument: "met *against the backdrop of* tensions with Russia".
    """
    wanted = frozenset(preps)
    framing = ctx.tables.framing_nouns
    attached = [c for c in token.children if c.dep_ in ("prep", "dative")]
    preps_found = [c for c in attached if c.lower_ in wanted]
    # two-word prepositions hang the second word on the first: "pulled *out of* Congo" is
    # "from Congo"
    inner = [g for c in attached if c.lower_ in COMPOUND_PREP_HEADS for g in kids(c, ("prep",))]
    preps_found += [g for g in inner if g.lower_ in wanted or (g.lower_ == "of" and "from" in wanted)]
    objects = [o for p in preps_found for o in kids(p, ("pobj",))]
    return [o for o in objects if o.lemma_.lower() not in framing]


def _is_passive(ctx: ArgumentContext, verb: Token) -> bool:
    if kids(verb, PASSIVE_SUBJECT_DEPS | {"auxpass"}):
        # "Israel is opposed to the plan" describes Israel's stance: Israel is the source.
        stative = verb.lower_ in ctx.tables.stative_participles and not kids(verb, ("agent",))
        return not stative
    # A bare participle modifying a noun is passive: "a group backed by Rwanda".
    return verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and not _misread_main_verb(verb)


def _misread_main_verb(verb: Token) -> bool:
    """ "Kenya's unions threatened on Monday to strike": the small model may read the main verb
    as a participle on its subject, leaving a noun as the sentence's root. A sentence has a
    main verb, so a participle without a "by"-agent on a root noun is that verb, in the active."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in NOMINAL_POS and not agents(verb, "by")


# --- subjects -------------------------------------------------------------------------


def surface_subject(ctx: ArgumentContext, verb: Token, depth: int = 0) -> list[Token]:
    """The grammatical subject of a predicate, its own or the one it legally shares."""
    own = kids(verb, ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    stranded = None if own else stranded_subject(verb)
    if stranded is not None:
        return [stranded]
    if own:
        # "the rebels who attacked": the relative pronoun stands for the noun.
        return [verb.head if c.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl" else c for c in own]
    if depth >= MAX_DEPTH or verb.head.i == verb.i:
        return []
    return _inherited_subject(ctx, verb, depth + 1)


def _inherited_subject(ctx: ArgumentContext, verb: Token, depth: int) -> list[Token]:
    """The subject a subject-less predicate takes from the word that governs it."""
    dep, head = verb.dep_, verb.head
    if dep == "xcomp":
        return _controller(ctx, head, verb, depth)
    if dep == "pcomp":
        return _prep_controller(ctx, verb, depth)
    if dep in ("acl", "relcl", "amod"):
        if head.pos_ in NOMINAL_POS and is_to_infinitive(verb):
            return _noun_controller(ctx, head, depth)  # "Russia's decision to withdraw"
        return [head]  # "protesters demanding reform", "troops backed by Rwanda"
    shares_head_subject = (
        (dep == "conj" and head.pos_ in PREDICATE_POS)  # "seized the town and shelled the port"
        or (dep == "advcl" and verb.tag_ in NONFINITE_TAGS)  # "..., citing security"
        or dep in ("ccomp", "acomp")  # the speaker, only for a subject-less clause
    )
    return surface_subject(ctx, head, depth) if shares_head_subject else []


def _controller(ctx: ArgumentContext, governor: Token, complement: Token, depth: int) -> list[Token]:
    """Who does the infinitive: "urged Iran to stop" (object) or "agreed to go" (subject)."""
    objects = [c for c in kids(governor, OBJECT_DEPS) if c.i < complement.i]
    if objects:
        return [_dative_object(o) for o in objects]
    # "voted *on Wednesday* to expel": a date is no one who acts
    prep_objects = [
        o
        for o in _prep_objects(ctx, governor, ctx.tables.control_preps)
        if o.i < complement.i and o.ent_type_ not in ("DATE", "TIME")
    ]
    if prep_objects:
        return prep_objects  # "called on Iran to release the sailors"
    return surface_subject(ctx, governor, depth)


def _noun_controller(ctx: ArgumentContext, noun: Token, depth: int) -> list[Token]:
    owners = kids(noun, ("poss",))
    if owners:
        return owners
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in PREDICATE_POS:
        return surface_subject(ctx, noun.head, depth)  # "Russia has no plans to attack"
    return []


def _prep_controller(ctx: ArgumentContext, verb: Token, depth: int) -> list[Token]:
    """Subject of a gerund under a preposition: "after shelling", "accused X of backing"."""
    prep = verb.head
    governor = prep.head
    if governor.pos_ not in PREDICATE_POS:
        return []
    objects = kids(governor, ("dobj",))
    if prep.lower_ == "of" and objects:
        return objects  # accuse/suspect/convict X of doing
    return surface_subject(ctx, governor, depth)


def _dative_object(token: Token) -> Token:
    """ "gave aid *to* Iran" is parsed with "to" as the dative: its object is the actor."""
    if token.dep_ == "dative" and token.pos_ == "ADP":
        objects = kids(token, ("pobj",))
        if objects:
            return objects[0]
    return token


# --- roles: argument head tokens, in tiers of preference -------------------------------


@dataclass(frozen=True, slots=True)
class Roles:
    """Candidate argument heads: each side is a list of tiers, the first that resolves wins."""

    source: tuple[Tier, ...]
    target: tuple[Tier, ...]
    places: tuple[Token, ...] = ()  # where it happened: the fallback target


def _target_preps(ctx: ArgumentContext, trigger: TriggerMatch) -> tuple[str, ...]:
    if trigger.target_preps or not trigger.nominal:
        return trigger.target_preps
    return ctx.tables.nominal_target_preps


def _nested_targets(ctx: ArgumentContext, verb: Token) -> Tier:
    """ "called for sanctions against X": the target hangs on the verb's object, or on a
    participle describing it ("lifted the sanctions *imposed on* X", "eased the
    restrictions *placed on* X"): what is lifted was aimed at X."""
    nested = ctx.tables.nested_target_preps
    carriers = kids(verb, ("dobj",)) + _prep_objects(ctx, verb, [c.lower_ for c in kids(verb, ("prep",))])
    participles = [a for c in kids(verb, ("dobj",)) for a in kids(c, ("acl",)) if a.tag_ == "VBN"]
    return [t for c in [*carriers, *participles] for t in _prep_objects(ctx, c, nested)]


def _originators(objects: Iterable[Token]) -> Tier:
    """ "rejected the proposal *put forward by Egypt*": whose offer, plan or aid it was;
    "a drone attack *blamed on Ukraine*": whom the act is laid at."""
    participles = [a for o in objects for a in kids(o, ("acl",)) if a.tag_ == "VBN"]
    return [agent for p in participles for agent in doers(p)]


def _instrument_users(ctx: ArgumentContext, subjects: Iterable[Token]) -> Tier:
    """ "drones *launched by the militia* struck": who used the instrument that acts."""
    used = ctx.tables.instrument_participles
    participles = [a for s in subjects for a in kids(s, ("acl",)) if a.tag_ == "VBN"]
    participles = [p for p in participles if _verb_forms(p) & used]
    return [agent for p in participles for agent in agents(p, "by")]


def _addressee(verb: Token) -> Tier:
    """ "China told Australia it would drop the tariffs": who a reported promise is made to.

    Only a clause after its speech verb: in "X withdrew, a spokesman *told reporters*" the
    attribution follows the report, and whom the spokesman told is no party to the event."""
    if verb.dep_ != "ccomp" or verb.head.pos_ not in PREDICATE_POS or verb.i < verb.head.i:
        return []
    return [_dative_object(o) for o in kids(verb.head, OBJECT_DEPS)]


def _clause_targets(ctx: ArgumentContext, clause: Token, depth: int = 0) -> list[Tier]:
    """What a governed clause acts on: "threatened to deliver blows *to the US*"."""
    preps = ctx.tables.complement_target_preps
    objects = [_dative_object(o) for o in kids(clause, OBJECT_DEPS)]
    prep_targets = _prep_objects(ctx, clause, preps) + [
        t for o in objects for t in _prep_objects(ctx, o, preps)
    ]
    # "promised to let *Chinese firms* build", "offered to help *Fiji* rebuild": whom the
    # governed clause lets or helps act
    enabled = [s for c in kids(clause, ("ccomp",)) for s in kids(c, ACTIVE_SUBJECT_DEPS)]
    tiers = [prep_targets, objects, _originators(objects), enabled]
    if _is_passive(ctx, clause):
        tiers.insert(0, kids(clause, PASSIVE_SUBJECT_DEPS))
    if depth < 2:
        for inner in _inner_clauses(clause):
            tiers.extend(_clause_targets(ctx, inner, depth + 1))  # "refused to allow X to land"
    return tiers


def _inner_clauses(clause: Token) -> list[Token]:
    """Infinitives a clause governs or uses as its purpose: "send engineers *to help* ..."."""
    return kids(clause, ("xcomp",)) + [c for c in clause.children if _is_purpose(c)]


def _governed_places(ctx: ArgumentContext, verb: Token, depth: int = 0) -> list[Token]:
    """Places named in the clauses a trigger governs: "ready to send engineers to ports in Timor"."""
    if depth >= 2:
        return []
    inner = _inner_clauses(verb)
    return [h for c in inner for h in location_heads(ctx, c)] + [
        h for c in inner for h in _governed_places(ctx, c, depth + 1)
    ]


def _is_purpose(clause: Token) -> bool:
    """ "staged a strike *to protest* the reform": an infinitive adjunct of the trigger."""
    return clause.dep_ == "advcl" and is_to_infinitive(clause) and not kids(clause, ACTIVE_SUBJECT_DEPS)


def _condition_subjects(verb: Token) -> Tier:
    """ "threatened to strike *if Israel* ...": the party the condition is put to, also in a
    clause the trigger governs ("warned that it would respond *if Japanese ships* ...")."""
    governed = kids(verb, ("xcomp", "ccomp"))
    clauses = [verb, *governed, *(c for g in governed for c in kids(g, ("xcomp",)))]
    conditions = [
        c
        for v in clauses
        for c in kids(v, ("advcl",))
        if any(m.lower_ in ("if", "unless") for m in c.children)
    ]
    return [s for c in conditions for s in kids(c, ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)]


def complement_tiers(ctx: ArgumentContext, verb: Token) -> list[Tier]:
    """Targets a trigger takes from the clause it governs, when it has none of its own.

    "demanded that *the US* cancel the sale" (the subject of a "that"-clause), "refused to
    lift the curfew *on Palestinians*" (what the complement acts on), "hunger strike to
    protest *Assad's* failure" (purpose), "threatened to ... unless *Israel* ..." (condition).
    """
    tiers: list[Tier] = [kids(c, ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) for c in kids(verb, ("ccomp",))]
    for clause in kids(verb, ("xcomp", "ccomp")) + [c for c in verb.children if _is_purpose(c)]:
        tiers.extend(_clause_targets(ctx, clause))
    tiers.append(_condition_subjects(verb))
    return tiers


def _issuer(ctx: ArgumentContext, verb: Token) -> Tier:
    """ "The party issued a statement *accusing* X": who issued the document that acts."""
    document = verb.head
    if verb.dep_ != "acl" or document.dep_ != "dobj" or document.lemma_.lower() not in ctx.tables.documents:
        return []
    return surface_subject(ctx, document.head)


def verbal_roles(ctx: ArgumentContext, verb: Token, trigger: TriggerMatch) -> Roles:
    """Source and target candidates of a verb (or predicative adjective) trigger."""
    preps = _target_preps(ctx, trigger)
    objects = [_dative_object(o) for o in kids(verb, OBJECT_DEPS)]
    # "launched artillery, mortar and rocket fire against the camps": any conjunct's "against"
    prep_targets = _prep_objects(ctx, verb, preps) + [
        t for o in with_conjuncts(objects) for t in _prep_objects(ctx, o, preps)
    ]
    # A named object ("defended *Iraq* against criticism") outranks the prepositions, which
    # otherwise come first because an object is often the event's content ("imposed
    # *sanctions* on Iran", "shared *evidence* with the US").
    named = [o for o in objects if o.pos_ == "PROPN"]
    targets: list[Tier] = [named, prep_targets, objects, carried(objects), victims(verb)]
    sources: list[Tier] = []
    if _is_passive(ctx, verb):
        sources.append(agents(verb, trigger.passive_source_prep))
        if trigger.plover.upper() in ctx.tables.mover_types:
            sources.append(surface_subject(ctx, verb))  # "troops were deployed": they moved
        else:
            targets.insert(0, surface_subject(ctx, verb))
    else:
        subject = surface_subject(ctx, verb)
        # "drones *launched by the militia* struck": who used the instrument that acts
        sources += [subject, _instrument_users(ctx, subject), _issuer(ctx, verb), blamed(subject)]
    # a gerund used as a noun: "fighting *between* rival gangs forced ..." (both sides act)
    sources.append(_prep_objects(ctx, verb, ("between", "among")))
    targets += [_nested_targets(ctx, verb), _originators(objects)]
    targets += [*complement_tiers(ctx, verb), _addressee(verb)]
    places = location_heads(ctx, verb) + _governed_places(ctx, verb)
    return Roles(source=tuple(sources), target=tuple(targets), places=tuple(places))


def location_heads(ctx: ArgumentContext, token: Token) -> list[Token]:
    """Where an event happened, nearest first: "a curfew *in Hebron*", "a rally in Lagos".

    Objects of "in"/"at"/"into" on the trigger or its object come first, then whatever
    the trigger's other objects hold ("agreed to an extension ... for the force in Lebanon").
    """
    preps = ctx.tables.location_preps
    carriers = [token, *kids(token, ("dobj",))]
    located = [o for c in carriers for o in _prep_objects(ctx, c, preps)]
    # "moved tanks closer to the border" hangs the place on an adverb (of the verb or object)
    carriers += [a for c in carriers for a in kids(c, ("advmod",))]
    carrying = ctx.tables.place_carrier_preps
    others = [*kids(token, ("dobj",)), *(o for c in carriers for o in _prep_objects(ctx, c, carrying))]
    return located + [o for o in others if o not in located]


def light_verb(ctx: ArgumentContext, noun: Token, trigger: TriggerMatch) -> Token | None:
    """The verb that carries a nominal trigger: "launched an attack", "engaged in talks"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
        # "responded *with* artillery fire", "hit back with drone strikes": whoever acts with it
        verb = head.head
        if not kids(verb, PASSIVE_SUBJECT_DEPS | {"auxpass"}):  # "were charged with murder"
            return verb
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.i in trigger.tokens or _verb_forms(head) & ctx.light_verbs:
        return head
    return None


def _verb_forms(verb: Token) -> set[str]:
    """Lemma and guesses at it: the small model lemmatises "staged" as "stag"."""
    forms = {verb.lemma_.lower(), verb.lower_}
    for suffix, replacements in (("ed", ("e", "")), ("ing", ("e", "")), ("s", ("",))):
        if verb.lower_.endswith(suffix):
            forms.update(verb.lower_[: -len(suffix)] + r for r in replacements)
    return forms


def _modifier_sources(noun: Token) -> tuple[Tier, Tier]:
    """ "Russia's attack", "US sanctions", "Israeli strikes", "the US-led strikes", and
    apart from them possessive pronouns ("*their* talks"), which yield to a light verb's
    full subject ("Blinken and Lavrov held their talks")."""
    found = kids(noun, OWNER_MODIFIER_DEPS)
    led = [m for m in kids(noun, ("amod",)) if m.tag_ == "VBN"]
    found += [c for m in led for c in kids(m, ("npadvmod", "compound"))]
    return [m for m in found if m.tag_ != "PRP$"], [m for m in found if m.tag_ == "PRP$"]


def nominal_roles(ctx: ArgumentContext, noun: Token, trigger: TriggerMatch) -> Roles:
    """Source and target candidates of a noun trigger, with its light verb's help."""
    preps = _target_preps(ctx, trigger)
    between = _prep_objects(ctx, noun, ("between", "among"))
    named, pronouns = _modifier_sources(noun)
    # "a bomb *planted by* rebels", "the sanctions *imposed by* Canada": the participle's agent
    sources: list[Tier] = [named, agents(noun, trigger.passive_source_prep), _originators([noun])]
    targets: list[Tier] = [_prep_objects(ctx, noun, preps) + between]
    verb = light_verb(ctx, noun, trigger)
    if verb is not None:
        carried = verbal_roles(ctx, verb, trigger)
        if noun.dep_ == "nsubjpass":
            sources.append(agents(verb, trigger.passive_source_prep))
        else:
            sources.extend(carried.source)
        targets.append(_prep_objects(ctx, verb, preps) + kids(verb, ("dative",)))
    # "the expulsion *of* two envoys" names whom it is done to; "the withdrawal *of* Kenyan
    # troops" who moved
    of_objects = _prep_objects(ctx, noun, ("of",))
    mover = trigger.plover.upper() in ctx.tables.mover_types
    sources.append(pronouns)
    # "talks between Egypt and Israel", "fighting between rival militias": both sides act
    sources += [between, of_objects] if mover else [between]
    # Where it happened: around the noun, its light verb, or the verb it is subject of
    # ("the deployment of NATO troops arrived in Bosnia").
    clause = verb if verb is not None else (noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None)
    places = location_heads(ctx, noun) + (location_heads(ctx, clause) if clause is not None else [])
    # "a general strike that shut down Kathmandu": the clause describes the event itself
    places += [h for c in kids(noun, ("relcl", "acl")) for h in location_heads(ctx, c)]
    if verb is not None:
        targets.extend(complement_tiers(ctx, verb))  # "held a strike to protest the reform"
    targets.extend(complement_tiers(ctx, noun))
    if not mover:
        targets.append(of_objects)
    return Roles(source=tuple(sources), target=tuple(targets), places=tuple(places))


def completeness(
    ctx: ArgumentContext, trigger: TriggerMatch, source: tuple[Actor, ...], target: tuple[Actor, ...]
) -> float:
    """Share of the roles this event type needs that were filled."""
    needs_target = trigger.plover.upper() not in ctx.tables.target_optional
    found = int(bool(source)) + int(needs_target and bool(target))
    return found / (1 + int(needs_target))


@dataclass(frozen=True, slots=True)
class EnvoyRoles:
    """The two states of a diplomat's recall or expulsion, and which of them acts."""

    sender: tuple[Tier, ...]  # the envoy's own state
    host: tuple[Tier, ...]  # where the envoy was posted
    host_acts: bool  # an expulsion (the host acts) rather than a recall (the sender does)


def envoy_roles(ctx: ArgumentContext, verb: Token) -> EnvoyRoles | None:
    """Sending state and host of a diplomat's recall or expulsion told without its agent.

    "The Peruvian ambassador to Chile was recalled to Lima": the sending state (the
    envoy's own country, or the place they are called back *to*) acts on the host (where
    they were posted: "ambassador *to* Chile", "envoy *in* Santiago", "recalled *from*
    Santiago"). "Peru's envoy was expelled from Chile": the host acts on the sender.
    """
    tables = ctx.tables
    if not _is_passive(ctx, verb) or agents(verb, "by"):
        return None
    envoys = [s for s in kids(verb, PASSIVE_SUBJECT_DEPS) if s.lemma_.lower() in tables.envoy_nouns]
    if not envoys:
        return None
    posted = [o for e in envoys for o in _prep_objects(ctx, e, tables.posting_preps)]
    left, to = _prep_objects(ctx, verb, ("from",)), _prep_objects(ctx, verb, ("to",))
    own = [m for e in envoys for m in [e, *kids(e, OWNER_MODIFIER_DEPS)]]
    forms = _verb_forms(verb)
    if forms & tables.envoy_recalls:
        return EnvoyRoles(sender=(to, own), host=(posted, left), host_acts=False)
    if forms & tables.envoy_expulsions:  # "summoned *to* the ministry in Lima": the host
        where = _prep_objects(ctx, verb, tables.posting_preps)  # where it happened: the host's ground
        return EnvoyRoles(sender=(own,), host=(left, posted, where), host_acts=True)
    return None


def _state_of_tiers(
    parsed: ParsedArticle,
    tiers: Iterable[Tier],
    envoys: frozenset[int],
    other_side: frozenset[str | None] = frozenset(),
) -> tuple[Actor, ...]:
    """The actor (or the place's country) of the first tier that names one.

    An envoy's own word is looked up by itself, never inside its phrase: "the ambassador
    *to Chile*" names the host, not the sender, and no state recalls or expels an envoy
    from itself, so the host's country is skipped. Other words may hold the place further
    down ("summoned to the ministry *in Lima*").
    """
    pool = list(parsed.mentions)
    places = list(parsed.places)
    for tier in tiers:
        direct = [actor_mention_at(parsed, t.i, [*pool, *places]) for t in tier if t.i in envoys]
        actors = actors_of(m for m in direct if m is not None)
        actors = actors or place_actors(parsed, [t for t in tier if t.i not in envoys], pool)
        actors = tuple(a for a in actors if a.country not in other_side)
        if actors:
            return actors[:1]
    return ()


def _envoy_arguments(
    ctx: ArgumentContext, parsed: ParsedArticle, verb: Token, trigger: TriggerMatch
) -> Arguments | None:
    roles = envoy_roles(ctx, verb)
    if roles is None:
        return None
    envoys = frozenset(s.i for s in kids(verb, PASSIVE_SUBJECT_DEPS))
    host = _state_of_tiers(parsed, roles.host, envoys)
    sender = _state_of_tiers(parsed, roles.sender, envoys, frozenset(a.country for a in host))
    source, target = (host, sender) if roles.host_acts else (sender, host)
    if not source and not target:
        return None
    return Arguments(source=source, target=target, completeness=completeness(ctx, trigger, source, target))


def _is_venue(ctx: ArgumentContext, place: Token, trigger: TriggerMatch) -> bool:
    """Whether ``place`` is where a meeting was held rather than a party to it.

    A meeting happens between its participants: the place a reciprocal event (talks, a
    summit, an accord) is held at ("met *in Havana*", "talks *in Oslo*", "the summit may
    be held *in Bern*") is a venue, not its target. A place inside what was agreed ("an
    extension of the force *in Lebanon*") is no venue, and the types in
    ``place_target_types`` take their place as a party ("clashes in Idlib" are fought on
    that country's people). A non-reciprocal event's place is a party: a visit's host.
    """
    tables = ctx.tables
    if not trigger.reciprocal or trigger.plover.upper() in tables.place_target_types:
        return False
    prep = place.head
    held_at = prep.head.pos_ in ("VERB", "AUX") or prep.head.i == trigger.token
    return place.dep_ == "pobj" and prep.lower_ in tables.location_preps and held_at


def _holder(
    ctx: ArgumentContext, parsed: ParsedArticle, targets: list[Mention], source: tuple[Actor, ...]
) -> tuple[Actor, ...]:
    """The state holding the source's own people, when a clause on them says where they are held.

    "raised the release of US citizens X and Y, who are now in Russian prisons": the citizens are
    the source's own, so the request is addressed to their jailer (RUS), not to them.
    """
    own = {a.country for a in source if a.country}
    if not targets or not own or any(m.actor is None or m.actor.country not in own for m in targets):
        return ()
    detention = ctx.tables.detention_words
    for mention in targets:
        noun = parsed.doc[mention.token_start : mention.token_end].root
        if noun.dep_ in {"amod", "compound", "nmod", "poss"}:  # "Dutch" in "Dutch engineers, who…"
            noun = noun.head
        for clause in noun.subtree:
            if clause.dep_ not in {"relcl", "acl"}:
                continue
            words = list(clause.subtree)
            if not any(w.lemma_.lower() in detention for w in words):
                continue
            # "a man suspected of kidnapping *a German*": whom the clause holds is no holder
            holders = [
                m.actor
                for m in parsed.mentions_in(words[0].i, words[-1].i + 1)
                if m.actor is not None
                and m.actor.country
                and m.actor.country not in own
                and parsed.doc[m.token_start : m.token_end].root.dep_ not in OBJECT_DEPS
            ]
            if holders:
                return (holders[0],)
    return ()


def find_arguments(ctx: ArgumentContext, parsed: ParsedArticle, trigger: TriggerMatch) -> Arguments:
    """Source and target actors of ``trigger``, read from the parse and the actor mentions."""
    head = parsed.doc[trigger.token]
    article, parsed = parsed, within_sentence(parsed, head)
    nominal = trigger.nominal or head.pos_ in ("NOUN", "PROPN")
    envoy = None if nominal else _envoy_arguments(ctx, parsed, head, trigger)
    if envoy is not None:
        return envoy
    roles = nominal_roles(ctx, head, trigger) if nominal else verbal_roles(ctx, head, trigger)
    source_mentions = first_resolved(parsed, roles.source, parsed.mentions)
    source = actors_of(source_mentions)
    pair = None if nominal else pair_head(subjects_of(head))
    if pair is not None:  # "the two sides agreed": the last two parties named
        source = earlier_pair(article, pair) or source
    if not source:  # "consumers in Pakistan boycotted ...": where the actors are from
        source = place_actors(parsed, [t for tier in roles.source for t in tier])
    pool = target_pool(parsed, source_mentions)
    target_mentions = first_resolved(parsed, roles.target, pool)
    target = _holder(ctx, parsed, target_mentions, source) or actors_of(target_mentions)
    if trigger.reciprocal and not target and len(source) > 1:
        target = source  # "Kenya and Uganda met": each side is the other's target
    if not target and not nominal and act_objects(head):
        # "called the decision unfounded": the decision's maker, named in an earlier sentence
        target = earlier_doer(article, head, {a.country for a in source if a.country})
    if not target:
        # "imposed a curfew in Hebron", "sent troops to a force in Liberia"; a venue is no
        # party: "talks in Geneva" keep the place out of the target.
        places = [p for p in roles.places if not _is_venue(ctx, p, trigger)]
        target = place_actors(parsed, [*places, *(t for tier in roles.target for t in tier)], pool)
    return Arguments(source=source, target=target, completeness=completeness(ctx, trigger, source, target))
