"""The CAMEO code of a violent act from who did it to whom (issue 11, CAMEO fidelity).

The lexicon gives a killing or a shooting its generic code (1823 "kill by physical assault",
193 "fight with small arms", 190 "use conventional military force"). The CAMEO manual codes the
same act differently by its parties, and users who aggregate by root see the difference:

- security forces firing on, beating or killing protesters or a crowd use violent repression
  (175, root 17);
- killing one person of public standing (an activist, a mayor, a journalist) is an
  assassination (186);
- killing dozens or hundreds of non-combatants is a mass killing (202, root 20);
- soldiers or police killing militants or rebels use conventional military force (190,
  root 19), not the unconventional violence of root 18.

Only the generic codes are refined: a bombing (183), shelling (194), air strike (195) or
abduction (181) keeps its own code whatever its parties.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from eventwire.events.triggers import TriggerMatch
from eventwire.records import Actor

REFINABLE = frozenset({"18", "180", "182", "1823", "19", "190", "193"})
REPRESSION, ASSASSINATION, MASS_KILLING, MILITARY_FORCE = "175", "186", "202", "190"
KILLING_VERBS = frozenset({"kill", "shoot", "murder", "gun", "slay", "execute", "behead", "lynch"})
# Who turns force on a crowd or a fighter for the state (subject words, actor sectors).
STATE_FORCES = frozenset(
    {"police", "policeman", "officer", "soldier", "troop", "force", "army", "military", "gendarme"}
    | {"guard", "commando", "paratrooper", "marine", "security", "unit", "battalion", "brigade"}
)
FORCE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY"})
CROWDS = frozenset(
    {"protester", "demonstrator", "crowd", "marcher", "rioter", "striker", "mourner", "picket"}
    | {"protest", "demonstration", "rally", "march", "sit-in", "gathering", "procession"}
)
PUBLIC_FIGURES = frozenset(
    {"activist", "councillor", "councilor", "mayor", "journalist", "reporter", "editor", "lawmaker"}
    | {"legislator", "politician", "candidate", "judge", "prosecutor", "governor", "senator", "leader"}
    | {"campaigner", "defender", "unionist", "chief", "cleric", "imam", "priest", "official", "minister"}
)
FIGHTERS = frozenset(
    {"militant", "rebel", "insurgent", "fighter", "jihadist", "gunman", "guerrilla", "terrorist"}
    | {"extremist", "combatant", "separatist", "dissident", "bandit", "attacker", "assailant"}
)
NON_COMBATANTS = frozenset(
    {"civilian", "villager", "resident", "people", "person", "worshipper", "farmer", "herder"}
    | {"passenger", "pilgrim", "refugee", "child", "woman", "man", "student", "festival-goer"}
)
MASS_WORDS = frozenset({"dozens", "hundreds", "scores", "thousands", "dozen", "hundred", "score", "thousand"})
MASS_NUMBER = 20
VICTIM_PREPS = frozenset({"on", "at", "upon", "into", "against"})


def with_party_code(match: TriggerMatch, verb: Token, source: tuple[Actor, ...]) -> TriggerMatch:
    """``match`` with the CAMEO code its parties call for (module doc), or unchanged."""
    if match.plover != "ASSAULT" or match.cameo not in REFINABLE or match.nominal:
        return match
    code = _party_code(verb, source)
    return match if code is None else dataclasses.replace(match, cameo=code, mode=None)


def _party_code(verb: Token, source: tuple[Actor, ...]) -> str | None:
    victims = _victims(verb)
    state = _by_state_forces(verb, source)
    if state and any(_lemma(v) in CROWDS for v in victims):
        return REPRESSION
    killing = verb.lemma_.lower() in KILLING_VERBS
    if killing and any(_lemma(v) in PUBLIC_FIGURES and _one_person(v) for v in victims):
        return ASSASSINATION
    if _mass_killing(verb) or (killing and any(_many_non_combatants(v) for v in victims)):
        return MASS_KILLING
    if killing and state and any(_lemma(v) in FIGHTERS for v in victims):
        return MILITARY_FORCE
    return None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _victims(verb: Token) -> list[Token]:
    """The object nouns and the nouns of "on/at" phrases after the verb ("fired *on
    demonstrators*"); a date is nobody ("On 6 March" is no march)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [c for c in verb.children if c.lower_ in VICTIM_PREPS and c.i > verb.i]
    found += [g for c in preps for g in c.children if g.dep_ == "pobj"]
    return [t for t in found if t.ent_type_ not in ("DATE", "TIME")]


def _by_state_forces(verb: Token, source: tuple[Actor, ...]) -> bool:
    if any(a.sector in FORCE_SECTORS for a in source):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(_lemma(s) in STATE_FORCES for s in subjects)


def _one_person(noun: Token) -> bool:
    """ "a local councillor", "the mayor of X": singular, not "two activists"."""
    return noun.tag_ in ("NN", "NNP") and not any(c.dep_ == "nummod" for c in noun.children)


def _many_non_combatants(noun: Token) -> bool:
    """ "dozens of civilians", "about 70 residents", "more than 100 people"."""
    if _lemma(noun) in MASS_WORDS and noun.tag_ == "NNS":
        return any(_lemma(g) in NON_COMBATANTS for c in noun.children for g in c.children)
    if _lemma(noun) not in NON_COMBATANTS:
        return False
    counts = [c for c in noun.children if c.dep_ == "nummod"]
    return any(_at_least_mass(c) for c in counts) or any(
        c.dep_ == "amod" and c.lower_ in MASS_WORDS for c in noun.children
    )


def _at_least_mass(number: Token) -> bool:
    text = number.text.replace(",", "")
    return number.lower_ in MASS_WORDS or (text.isdigit() and int(text) >= MASS_NUMBER)


def _mass_killing(verb: Token) -> bool:
    """An attack "..., *killing about 70 residents*": the killing adjunct names the toll."""
    for adjunct in (c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"):
        if _lemma(adjunct) in KILLING_VERBS and any(_many_non_combatants(v) for v in _victims(adjunct)):
            return True
    return False
