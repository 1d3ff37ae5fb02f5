"""The actor knowledge base: countries, organisations, media, people and role words.

The knowledge lives in YAML files under ``eventwire/data/actors/`` (see docs/actors.md);
this module validates them on load and indexes every alias once, so lookups are dict hits.

Alias matching (``normalise``): leading "the", a trailing possessive and dots are dropped,
accents and hyphens are folded and case is ignored - except for acronyms ("US", "WHO",
"AP"), which match only in capitals (or Titlecase for 4+ letters: "Nato", "Opec"), so the
pronoun "us" and the word "who" never become actors. When one alias is held by entries of
different categories, the first category of ``CATEGORY_PRIORITY`` wins.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from eventwire.actors.fuzzy import SpellingIndex
from eventwire.actors.kb_files import (
    AGENCIES_FILE,
    CATEGORY_PRIORITY,
    ENTITY_FILES,
    FILE_CATEGORIES,
    HONORIFICS_FILE,
    MODIFIERS_FILE,
    ORG_FIRST_WORD,
    ORG_TYPES_FILE,
    ROLES_FILE,
    SECTORS_FILE,
    KBEntry,
    Record,
    Role,
    Tenure,
    Vocab,
    apply_user_file,
    load_agencies,
    load_honorifics,
    load_org_types,
    load_role_modifiers,
    load_roles,
    load_sectors,
    packaged_entries,
    parse_entity_file,
    strip_accents,
    with_tenure,
)
from eventwire.errors import KnowledgeBaseError

# A portfolio word before these names the ministry's field, not the actor's sector.
MINISTERIAL = ("minister", "ministers", "ministry", "ministries")

__all__ = ["ActorKB", "KBEntry", "clean", "normalise", "pluralise", "query_keys"]

# ---------------------------------------------------------------- normalisation


def clean(text: str) -> str:
    """Surface form without "the", possessive, dots, hyphens, accents, curly quotes or extra spaces.

    Written with plain string methods rather than regexes: it runs for every alias at load.
    """
    if not text.isascii():
        text = strip_accents(text)
    text = " ".join(text.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    if text[-2:] in ("'s", "'S"):
        text = text[:-2]
    elif text[-2:] in ("s'", "S'"):
        text = text[:-1]
    return " ".join(text.replace(".", "").replace("-", " ").split())


def is_acronym(cleaned: str) -> bool:
    letters = cleaned.replace(" ", "")
    return len(letters) >= 2 and " " not in cleaned.strip() and letters.isalpha() and letters.isupper()


def normalise(text: str) -> str:
    """Index key of an alias: acronyms keep their capitals (prefix "="), the rest is folded."""
    cleaned = clean(text)
    return "=" + cleaned if is_acronym(cleaned) else cleaned.lower()


def query_keys(text: str) -> list[str]:
    """Index keys a surface form may match, most specific first."""
    cleaned = clean(text)
    keys: list[str] = []
    if is_acronym(cleaned):
        keys.append("=" + cleaned)
    elif cleaned.isalpha() and len(cleaned) >= 4 and cleaned[0].isupper() and cleaned[1:].islower():
        keys.append("=" + cleaned.upper())  # "Nato", "Opec": house style of some outlets
    keys.append(cleaned.lower())
    return keys


# ---------------------------------------------------------------- indexes


def _office_key(text: str) -> str:
    return clean(text).lower()


def pluralise(term: str) -> str:
    """English plural of a role term; "secretary of state" -> "secretaries of state"."""
    head, sep, tail = term.partition(" of ")
    words = head.split(" ")
    last = words[-1]
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|sh|ch|x|z)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join([*words[:-1], last]) + sep + tail


def _index_roles(roles: Iterable[Role]) -> dict[str, Role]:
    index: dict[str, Role] = {}
    for role in roles:
        if role.term in index:
            raise KnowledgeBaseError(f"{ROLES_FILE}: duplicate role term {role.term!r}")
        index[role.term] = role
    for role in list(index.values()):
        # An explicit term wins over a derived plural; many people make a group.
        plural = replace(role, kind="group") if role.kind == "person" else role
        index.setdefault(pluralise(role.term), plural)
    return index


def _index_aliases(records: Sequence[Record]) -> dict[str, list[Record]]:
    index: dict[str, list[Record]] = {}
    owner: dict[tuple[str, str], str] = {}
    for record in records:
        for alias in dict.fromkeys(normalise(a) for a in record.aliases):
            held_by = owner.setdefault((record.category, alias), record.entry.key)
            if held_by != record.entry.key and record.category != "person":
                raise KnowledgeBaseError(
                    f"{record.origin}: duplicate {record.category} alias {alias.lstrip('=')!r}: "
                    f"{held_by} and {record.entry.key} (use 'overrides' to replace an entry)"
                )
            index.setdefault(alias, []).append(record)
    return index


def _index_adjectives(records: Sequence[Record]) -> dict[str, str]:
    index: dict[str, str] = {}
    for record in records:
        for word in record.adjectives:
            key, country = normalise(word), record.entry.country or ""
            if index.setdefault(key, country) != country:
                raise KnowledgeBaseError(f"duplicate adjective {word!r}: {index[key]} and {country}")
    return index


def _index_offices(records: Sequence[Record]) -> dict[tuple[str, str], list[tuple[Tenure, Record]]]:
    index: dict[tuple[str, str], list[tuple[Tenure, Record]]] = {}
    for record in records:
        for tenure in record.tenures:
            # The office's own country (or org), not the holder's: a US citizen heading the World
            # Bank is no "US president", a Georgian Soviet foreign minister no Georgian one.
            places = {tenure.country, tenure.org or ""} - {""}
            names = {tenure.office, tenure.title or ""} - {""}
            for place in places:
                for name in names:
                    index.setdefault((place, _office_key(name)), []).append((tenure, record))
    for holders in index.values():
        holders.sort(key=lambda pair: pair[0].start or datetime.date.min, reverse=True)
    return index


def _country_spellings(records: Sequence[Record]) -> Iterator[tuple[str, str]]:
    """Names, adjectives and demonyms of the countries, with their ISO3 codes."""
    for record in records:
        if record.category == "country" and record.entry.country:
            for word in (*record.aliases, *record.adjectives):
                yield clean(word), record.entry.country


def _check_keys(records: Sequence[Record]) -> None:
    seen: set[str] = set()
    for record in records:
        if record.entry.key in seen:
            raise KnowledgeBaseError(
                f"{record.origin}: duplicate key {record.entry.key!r} ({record.entry.name}); "
                "give one entry another 'id' or use 'overrides' to replace the other"
            )
        seen.add(record.entry.key)


# ---------------------------------------------------------------- the knowledge base


class ActorKB:
    """Every known actor, indexed by alias, adjective, role word and office."""

    def __init__(
        self,
        records: Sequence[Record],
        roles: Sequence[Role],
        modifiers: Mapping[str, str | None] | None = None,
        honorifics: Iterable[str] = (),
        org_types: Iterable[Role] = (),
        *,
        agencies: Mapping[tuple[str, str], tuple[str, str]] | None = None,
    ) -> None:
        _check_keys(records)
        self._records = tuple(records)
        self._aliases = _index_aliases(records)
        self._adjectives = _index_adjectives(records)
        self._roles = _index_roles(roles)
        self._offices = _index_offices(records)
        self._modifiers = dict(modifiers or {})
        self._honorifics = frozenset(h.lower() for h in honorifics)
        self._org_types = {clean(t.term).lower(): t for t in org_types}
        self._agencies = dict(agencies or {})
        self._spellings = SpellingIndex(_country_spellings(records))

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ActorKB:
        """The packaged files, then each user file in order."""
        files = packaged_entries()
        vocab = Vocab(load_sectors(files[SECTORS_FILE]))
        records: list[Record] = []
        for name in ENTITY_FILES:
            records += parse_entity_file(files[name], name, vocab, FILE_CATEGORIES[name])
        for path in extra_files:
            records = apply_user_file(records, Path(path), vocab)
        roles = load_roles(files[ROLES_FILE], vocab)
        modifiers = load_role_modifiers(files[MODIFIERS_FILE], vocab)
        org_types = load_org_types(files[ORG_TYPES_FILE], vocab)
        agencies = load_agencies(files[AGENCIES_FILE], vocab)
        return cls(
            records, roles, modifiers, load_honorifics(files[HONORIFICS_FILE]), org_types, agencies=agencies
        )

    def lookup(self, text: str, on: datetime.date | None = None) -> KBEntry | None:
        """The actor whose full name or alias is ``text``; people are chosen by date.

        "Mr Lavrov" or "Dr Tedros" fall back to the name without the honorific.
        """
        found = self._find(text, on)
        if found is None:
            first, _, rest = clean(text).partition(" ")
            if rest and first.lower() in self._honorifics:
                found = self._find(rest, on)
        return found

    def _find(self, text: str, on: datetime.date | None) -> KBEntry | None:
        for key in query_keys(text):
            found = self._aliases.get(key)
            if found:
                best = min(found, key=lambda r: (CATEGORY_PRIORITY.index(r.category), r.distance(on)))
                return best.on(on)
        return None

    def country_for_adjective(self, word: str) -> str | None:
        """ISO3 of a nationality adjective or demonym: "Russian", "Russians", "U.S."."""
        for key in query_keys(word):
            if key in self._adjectives:
                return self._adjectives[key]
        singular = clean(word)
        if singular.lower().endswith("s"):
            return self._adjectives.get(singular[:-1].lower())
        return None

    def national_body(self, country: str, short: str) -> tuple[str, str] | None:
        """(full name, sector) of a national body by its short name once its country is
        known: ("ZAF", "NPA") is the National Prosecuting Authority, not the New People's Army."""
        return self._agencies.get((country, clean(short).lower()))

    def misspelt_country(self, word: str) -> str | None:
        """ISO3 of a near miss of a country name or demonym ("Phillipines", "Columbian")."""
        return self._spellings.country(clean(word))

    def role(self, phrase: str) -> tuple[str, str] | None:
        """(sector, kind) of a role word or phrase; "former X" is an elite (ELI)."""
        found = self._role(phrase)
        return (found.sector, found.kind) if found else None

    def _role(self, phrase: str) -> Role | None:
        text = clean(phrase).lower()
        if text in self._roles:
            return self._roles[text]
        first, _, rest = text.partition(" ")
        if rest and first in self._modifiers:
            inner = self._role(rest)
            sector = self._modifiers[first]
            if inner is not None and sector != "ELI" and inner.term.endswith(MINISTERIAL):
                return inner  # a "police minister" heads a ministry (GOV); a "former" one is ELI
            return replace(inner, sector=sector) if inner and sector else inner
        return None

    def org_type(self, name: str) -> tuple[str, str] | None:
        """(sector, kind) an organisation's name states by its head: "Cairo University" (EDU),
        "Supreme Court of India" (JUD), "the Royal Thai Army" (MIL); None for other names."""
        whole = clean(name).lower()
        head = re.split(r"\s+(?:of|for)\b", whole)[0]  # "Supreme Court of", "Centre for Democracy"
        # A type spelt with "of" first ("court of appeal"), then the head before "of"/"for"
        # ("Ministry of Energy" is a ministry, not an energy firm), then the name's last words
        # ("Congress of South African Trade Unions"), then its first word ("Radio Okapi").
        found = (
            self._suffix_type(whole, with_of=True)
            or self._suffix_type(head)
            or self._suffix_type(whole)
            or self._first_word_type(whole)
        )
        return (found.sector, found.kind) if found is not None else None

    def _suffix_type(self, text: str, with_of: bool = False) -> Role | None:
        words = text.split()
        for i in range(len(words)):
            found = self._org_types.get(" ".join(words[i:]))
            if found is not None and (not with_of or re.search(r"\b(?:of|for)\b", found.term)):
                return found
        return None

    def _first_word_type(self, text: str) -> Role | None:
        words = [w for w in text.split() if w != "the"]
        return self._org_types.get(f"{words[0]} {ORG_FIRST_WORD}") if len(words) > 1 else None

    def office_holder(self, country: str, office: str, on: datetime.date) -> KBEntry | None:
        """Who held ``office`` ("foreign minister", "secretary of state") in ``country`` on ``on``."""
        keys = [_office_key(office)]
        role = self._role(office)
        if role is not None and role.office:
            keys.append(_office_key(role.office))
        for key in keys:
            for tenure, record in self._offices.get((country, key), []):
                if tenure.holds_on(on):
                    return with_tenure(record.entry, tenure)
        return None

    def entries(self) -> Iterator[KBEntry]:
        """Every entry once; a person appears with their latest office."""
        for record in self._records:
            yield record.on(None)

    def __len__(self) -> int:
        return len(self._records)
