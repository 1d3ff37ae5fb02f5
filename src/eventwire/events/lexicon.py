"""The trigger lexicon: verbal, nominal and adjectival event triggers read from YAML.

Each file in ``eventwire/data/lexicon/`` holds the triggers of one PLOVER type (its
top-level ``plover`` key) in three lists, ``verbs``, ``nouns`` and ``adjectives``. An
entry names lemmas plus the syntactic context that selects a CAMEO code: a particle
("call *off*"), an object ("impose *sanctions*"), a preposition ("call *for*"), a
subject ("*troops* massed"), modifiers ("*hunger* strike") or a governing light verb
("*hold* talks"). The more of these an entry requires, the more specific (stronger)
it is. ``frames.yaml`` lists the verbs and auxiliaries that govern another event
("agreed *to* withdraw", "*will* impose", "*must* release").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from eventwire.errors import ConfigError, KnowledgeBaseError
from eventwire.resources import SAFE_LOADER, packaged_names, read_text

PartOfSpeech = Literal["verb", "noun", "adj"]
SECTIONS: Mapping[str, PartOfSpeech] = MappingProxyType(
    {"verbs": "verb", "nouns": "noun", "adjectives": "adj"}
)
FRAME_KINDS = frozenset({"AGREE", "OFFER", "THREATEN", "REJECT", "REQUEST", "APPEAL", "ACCUSE", "SUPPORT"})
LEXICON_DIR = "lexicon"
FRAMES_FILE = "frames.yaml"

# Base strength of an entry with no contextual condition; each condition adds to it
# because an entry that checks more of the parse is less likely to fire by accident.
BASE_STRENGTH: Mapping[PartOfSpeech, float] = MappingProxyType({"verb": 0.55, "noun": 0.45, "adj": 0.5})
CONDITION_BONUS = 0.15


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One trigger pattern: lemmas plus the context that must hold around them."""

    id: str
    pos: PartOfSpeech
    lemmas: tuple[str, ...]
    cameo: str
    plover: str
    mode: str | None = None
    particles: tuple[str, ...] = ()  # required particle ("off" in "call off")
    objects: tuple[str, ...] = ()  # required object lemma (dobj, passive subject, "of"-object)
    not_objects: tuple[str, ...] = ()  # object lemmas that veto the entry
    preps: tuple[str, ...] = ()  # required preposition attached to the trigger
    subjects: tuple[str, ...] = ()  # required subject lemma ("troops" massed)
    mods: tuple[str, ...] = ()  # required compound/adjective modifier ("hunger" strike)
    governors: tuple[str, ...] = ()  # required governing verb of a noun ("hold" talks)
    clause: bool = False  # requires a clausal complement ("protested that ...")
    target_preps: tuple[str, ...] = ()
    reciprocal: bool = False
    frame: str | None = None  # the event type this trigger imposes on an event it governs
    negated_cameo: str | None = None  # "did not allow" means something else than "allowed"
    passive_source_prep: str = "by"
    weight: float | None = None  # explicit strength, overriding the computed one

    @property
    def conditions(self) -> int:
        """How many contextual conditions the entry checks."""
        lists = (self.particles, self.objects, self.preps, self.subjects, self.mods, self.governors)
        return sum(1 for values in lists if values) + int(self.clause)

    @property
    def strength(self) -> float:
        if self.weight is not None:
            return self.weight
        return min(1.0, BASE_STRENGTH[self.pos] + CONDITION_BONUS * self.conditions)


@dataclass(frozen=True, slots=True)
class Frames:
    """Words that govern another event and decide its type ("refused to", "will", "must")."""

    aux: Mapping[str, str]  # auxiliary lemma -> frame kind
    transparent: frozenset[str]  # verbs whose complement is the real event ("began to")
    reporting: frozenset[str]  # speech verbs: not events, their complement may be
    frame_cameo: Mapping[str, Mapping[str, str]]  # frame kind -> content root -> CAMEO code
    light_verbs: frozenset[str]  # verbs that carry a nominal trigger ("held talks")
    occurrence_verbs: frozenset[str]  # verbs that say a nominal event happened ("talks began")
    outcome_verbs: frozenset[str] = frozenset()  # casualties of an event ("killed in clashes")
    document_nouns: frozenset[str] = frozenset()  # "a resolution *asking*": the clause is the act


@dataclass(frozen=True)
class Lexicon:
    """All entries, indexed by lemma and part of speech, plus the frame tables."""

    entries: tuple[LexEntry, ...]
    frames: Frames
    index: Mapping[tuple[PartOfSpeech, str], tuple[LexEntry, ...]] = field(repr=False)
    ids: Mapping[str, LexEntry] = field(repr=False, default_factory=dict)

    def candidates(self, pos: PartOfSpeech, words: Iterable[str]) -> tuple[LexEntry, ...]:
        """Entries of this part of speech whose lemma is one of ``words``."""
        found: list[LexEntry] = []
        for word in dict.fromkeys(words):
            found.extend(self.index.get((pos, word), ()))
        return tuple(found)

    def entry(self, entry_id: str) -> LexEntry:
        """The entry a match came from (``TriggerMatch.pattern``)."""
        return self.ids[entry_id]


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


def parse_entry(raw: Mapping[str, Any], pos: PartOfSpeech, plover: str) -> LexEntry:
    """One YAML mapping -> ``LexEntry``; unknown keys are an error so typos do not pass silently."""
    known = {f for f in LexEntry.__slots__ if f != "pos"} | {"lemma"}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"lexicon entry {raw.get('id')!r}: unknown key(s) {sorted(unknown)}")
    frame = raw.get("frame")
    if frame is not None and frame not in FRAME_KINDS:
        raise ConfigError(f"lexicon entry {raw.get('id')!r}: unknown frame {frame!r}")
    lists = ("particles", "objects", "not_objects", "preps", "subjects", "mods", "governors", "target_preps")
    return LexEntry(
        id=str(raw["id"]),
        pos=pos,
        lemmas=_words(raw["lemma"]),
        cameo=str(raw["cameo"]),
        plover=str(raw.get("plover", plover)),
        mode=raw.get("mode"),
        clause=bool(raw.get("clause", False)),
        reciprocal=bool(raw.get("reciprocal", False)),
        frame=frame,
        negated_cameo=str(raw["negated_cameo"]) if raw.get("negated_cameo") else None,
        passive_source_prep=str(raw.get("passive_source_prep", "by")),
        weight=float(raw["weight"]) if raw.get("weight") is not None else None,
        **{name: _words(raw.get(name)) for name in lists},
    )


def parse_lexicon_file(data: Mapping[str, Any], name: str = "<lexicon>") -> list[LexEntry]:
    """Entries of one lexicon document (one PLOVER type)."""
    plover = data.get("plover")
    if not plover:
        raise ConfigError(f"lexicon file {name} has no 'plover' key")
    entries: list[LexEntry] = []
    for section, pos in SECTIONS.items():
        for raw in data.get(section) or ():
            try:
                entries.append(parse_entry(raw, pos, str(plover)))
            except KeyError as exc:
                raise ConfigError(f"lexicon file {name}: entry {raw!r} lacks {exc}") from exc
    return entries


def parse_frames(data: Mapping[str, Any]) -> Frames:
    intent = {
        kind: MappingProxyType({str(k): str(v) for k, v in table.items()})
        for kind, table in (data.get("frame_cameo") or {}).items()
    }
    return Frames(
        aux=MappingProxyType({str(k): str(v) for k, v in (data.get("aux") or {}).items()}),
        transparent=frozenset(_words(data.get("transparent"))),
        reporting=frozenset(_words(data.get("reporting"))),
        frame_cameo=MappingProxyType(intent),
        light_verbs=frozenset(_words(data.get("light_verbs"))),
        occurrence_verbs=frozenset(_words(data.get("occurrence_verbs"))),
        outcome_verbs=frozenset(_words(data.get("outcome_verbs"))),
        document_nouns=frozenset(_words(data.get("document_nouns"))),
    )


def build_lexicon(entries: Iterable[LexEntry], frames: Frames) -> Lexicon:
    """Index entries by (part of speech, lemma); ids must be unique."""
    entries = tuple(entries)
    seen: set[str] = set()
    index: dict[tuple[PartOfSpeech, str], list[LexEntry]] = {}
    for entry in entries:
        if entry.id in seen:
            raise ConfigError(f"duplicate lexicon entry id {entry.id!r}")
        seen.add(entry.id)
        for lemma in entry.lemmas:
            index.setdefault((entry.pos, lemma), []).append(entry)
    frozen = MappingProxyType({k: tuple(v) for k, v in index.items()})
    ids = MappingProxyType({e.id: e for e in entries})
    return Lexicon(entries=entries, frames=frames, index=frozen, ids=ids)


class _LexiconLoader(SAFE_LOADER):  # type: ignore[misc]
    """YAML 1.1 reads bare on/off/yes/no as booleans; in a lexicon they are words ("call off")."""


_LexiconLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def read_yaml(text: str) -> Any:
    """Parse lexicon YAML: only ``true``/``false`` are booleans."""
    return yaml.load(text, Loader=_LexiconLoader)  # a SafeLoader subclass: no arbitrary objects


def _mapping(text: str, label: str) -> Any:
    """A lexicon file's mapping (``{}`` when empty), or a ``KnowledgeBaseError`` naming it."""
    try:
        return read_yaml(text) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"lexicon file {label} is not valid YAML: {exc}") from exc


def _packaged() -> tuple[list[LexEntry], Frames]:
    entries: list[LexEntry] = []
    frames = parse_frames({})
    for name in packaged_names(LEXICON_DIR, ".yaml"):
        label = name.rsplit("/", 1)[-1]
        data = _mapping(read_text(name), label)
        if label == FRAMES_FILE:
            frames = parse_frames(data)
        else:
            entries.extend(parse_lexicon_file(data, label))
    return entries, frames


def _user_entries(path: str) -> list[LexEntry]:
    try:
        text = read_text(Path(path))
    except KnowledgeBaseError as exc:
        raise KnowledgeBaseError(f"cannot read lexicon file: {exc}") from exc
    return parse_lexicon_file(_mapping(text, path), path)


def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """The packaged lexicon (every ``*.yaml`` in ``eventwire/data/lexicon``); the knowledge
    bundle reads it once per pipeline.

    ``extra_files`` are a user's lexicon files in the same format, read after the packaged
    ones: their entries are added, and an entry with the id of a packaged one replaces it.
    """
    entries, frames = _packaged()
    for path in extra_files:
        added = _user_entries(path)
        replaced = {e.id for e in added}
        entries = [e for e in entries if e.id not in replaced] + added
    return build_lexicon(entries, frames)
