"""The parse vocabulary every stage shares: sets of spaCy dependency labels, part-of-speech
and fine-grained tags, and entity labels, each named for what the rules use it for.

The labels are those of spaCy's English models (ClearNLP dependencies, Penn Treebank tags,
OntoNotes entities). Sets that differ by one label are different rules, so each has its
own name: ``ACTIVE_SUBJECT_DEPS`` counts an expletive ("*there* were clashes") as the
subject of an active clause, while ``NOMINAL_SUBJECT_DEPS`` holds only noun phrases, of
either voice, that can name an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

# --- subjects --------------------------------------------------------------------------
# Noun-phrase subjects of either voice: the mentions that can stand for an actor in a clause.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Subjects of either voice plus a clausal subject ("*what they did* angered Kyiv").
SUBJECT_DEPS_WITH_CLAUSES = frozenset({"nsubj", "nsubjpass", "csubj"})
# The subject of an active clause, an expletive included: the doer when it names an actor.
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
# Passive subjects: who or what was acted upon.
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})

# --- objects ---------------------------------------------------------------------------
# A verb's own objects: "expelled *the envoy*", "gave *Iran* aid".
OBJECT_DEPS = frozenset({"dobj", "dative"})
# Whatever a trigger acts on, in either voice: objects, passive subjects, attributes.
ACTED_ON_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})

# --- modifiers and phrases -------------------------------------------------------------
# Left modifiers inside a noun phrase: "*Thai* border", "*army* chief".
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
# Modifiers a trigger entry may require ("*hunger* strike", "*sharply* criticised").
TRIGGER_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "advmod", "npadvmod"})
# Modifiers that name who does a nominal event: "*Russia's* attack", "*US* sanctions".
OWNER_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# Noun-phrase internals an actor search may descend through ("the government of Sudan",
# "Lavrov, Russia's foreign minister"); clauses (relcl, acl) are never entered.
NOUN_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "prep", "pobj", "appos", "npadvmod"})
# Links into a phrase rather than a subordinate clause: an event under one is only a phrase deep.
ARGUMENT_PHRASE_DEPS = frozenset(
    {"prep", "pobj", "pcomp", "agent", "dobj", "nsubj", "nsubjpass", "attr", "appos"}
)

# --- parts of speech and tags -----------------------------------------------------------
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Heads that can be an argument: nouns, names and pronouns.
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
VERB_POS = frozenset({"VERB", "AUX"})
# Words that can head a clause and have a subject: "was *ready* to talk".
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
# Relative words that stand for the noun a clause modifies, "whose" included.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# The same without possessive "whose": words that can themselves be a clause's subject.
RELATIVE_TAGS_NOT_POSSESSIVE = frozenset({"WP", "WDT"})
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
NONFINITE_TAGS = frozenset({"VBG", "VBN", "VB"})
PAST_TAGS = frozenset({"VBD", "VBN"})

# --- entity labels ----------------------------------------------------------------------
# Entities whose text is a proper name (people, organisations, facilities).
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC"})


def is_to_infinitive(token: Token) -> bool:
    """ "agreed *to withdraw*": the verb has the infinitive marker "to" as its auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
