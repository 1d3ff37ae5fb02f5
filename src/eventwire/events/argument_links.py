"""Phrases that tie an act to actors named off its own arguments.

- **Agents**: the "by X" of a passive ("sanctions imposed *by* Canada"), or the word a
  lexicon entry uses instead.
- **Blame**: "an attack *blamed on* X", "a raid *attributed to* X" name who did it, as a
  "by"-phrase would; news uses them when the doer is claimed rather than seen.
- **Carried people**: an act on a vehicle falls on those it carries ("pushed back a boat
  *carrying* Rohingya refugees", "ambushed a bus carrying soldiers").
- **Victims**: an attack told by what it hit, with its toll in a participle ("drones struck a
  vehicle, *killing two SDF fighters*"), was aimed at those it killed or wounded.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventwire.events.argument_actors import Tier, kids

# Participles that name who did an act without "by" (lemma -> the preposition of the doer).
BLAME_PARTICIPLES = {"blame": "on", "attribute": "to"}
# Vehicles whose passengers an act on them reaches, and the verbs that say they carry them.
CARRIER_NOUNS = frozenset(
    {"boat", "dinghy", "ship", "vessel", "ferry", "bus", "minibus", "car", "vehicle", "truck",
     "lorry", "convoy", "plane", "aircraft", "helicopter", "train"}
)  # fmt: skip
CARRYING_VERBS = frozenset({"carry", "transport", "ferry"})
# Participles that give an attack's toll: their objects are whom it hit.
TOLL_VERBS = frozenset({"kill", "wound", "injure", "maim"})


def agents(verb: Token, prep_word: str) -> list[Token]:
    """The "by X" of a passive (``agent``, or the lexicon's own preposition)."""
    preps = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == prep_word)]
    return [o for p in preps for o in kids(p, ("pobj",))]


def doers(participle: Token) -> list[Token]:
    """Who a participle on a noun says did it: "proposed *by* Egypt", "blamed *on* Ukraine"."""
    return agents(participle, BLAME_PARTICIPLES.get(participle.lemma_.lower(), "by"))


def blamed(subjects: Iterable[Token]) -> Tier:
    """ "a drone attack *blamed on Ukraine* set fire to a depot": whom the acting thing is laid at."""
    participles = [a for s in subjects for a in kids(s, ("acl",)) if a.lemma_.lower() in BLAME_PARTICIPLES]
    return [o for p in participles for o in doers(p)]


def carried(objects: Iterable[Token]) -> Tier:
    """The people a vehicle object was carrying: whom an act on the vehicle falls on."""
    vehicles = [o for o in objects if o.lemma_.lower() in CARRIER_NOUNS]
    participles = [
        a for v in vehicles for a in kids(v, ("acl", "relcl")) if a.lemma_.lower() in CARRYING_VERBS
    ]
    return [o for p in participles for o in kids(p, ("dobj",))]


def victims(verb: Token) -> Tier:
    """ "struck a vehicle near Qamishli, *killing two SDF fighters*": whom the toll names."""
    tolls = [c for c in kids(verb, ("advcl", "conj")) if c.tag_ == "VBG" and c.lemma_.lower() in TOLL_VERBS]
    return [o for t in tolls for o in kids(t, ("dobj",))]
