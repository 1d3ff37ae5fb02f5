"""The actor knowledge base's file format: entry records, schema checks and file reading.

Every packaged file and every user dictionary goes through the same parsers, so a user
file gets the same error messages (file, entry number, field, what was expected) as a
broken packaged file. See docs/actors.md for the format.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

import pycountry
import yaml

from eventwire.errors import KnowledgeBaseError
from eventwire.records import NON_STATE_CODES
from eventwire.resources import SAFE_LOADER, exists, load_resource, read_bytes, read_text

DATA_PACKAGE = "eventwire.data"
DATA_DIR = "actors"
# people_world.yaml: heads of state and government of every country (people.yaml: G20/P5 and
# office holders most reported); people_figures.yaml: militant, opposition and religious leaders;
# companies.yaml, institutions.yaml (universities, unions, national NGOs), media_outlets.yaml and
# ngos.yaml (international NGOs): organisations with their countries.
ENTITY_FILES = (
    "countries.yaml",
    "igos.yaml",
    "media.yaml",
    "groups.yaml",
    "people.yaml",
    "people_world.yaml",
    "people_figures.yaml",
    "people_security.yaml",
    "companies.yaml",
    "institutions.yaml",
    "media_outlets.yaml",
    "ngos.yaml",
)
ROLES_FILE = "roles.yaml"
SECTORS_FILE = "sectors.yaml"
MODIFIERS_FILE = "role_modifiers.yaml"
HONORIFICS_FILE = "honorifics.yaml"
ORG_TYPES_FILE = "org_types.yaml"
ORG_FIRST_WORD = "*"  # org_types.yaml: "radio *" is a type named by a name's first word
AGENCIES_FILE = "agencies.yaml"
BUNDLE_FILE = "compiled.json"
PACKAGED_FILES = (
    *ENTITY_FILES,
    ROLES_FILE,
    SECTORS_FILE,
    MODIFIERS_FILE,
    HONORIFICS_FILE,
    ORG_TYPES_FILE,
    AGENCIES_FILE,
)
# Lower index wins when one alias is held by entries of several categories.
CATEGORY_PRIORITY = ("country", "metonym", "region", "igo", "media", "group", "org", "person")
# Country codes the contract allows besides ISO 3166-1 alpha-3.
# Valid actor codes beyond ISO 3166-1: the non-state codes and Kosovo (XKX, not in ISO).
EXTRA_ACTOR_CODES = NON_STATE_CODES | {"XKX"}
KINDS = frozenset({"person", "organization", "state", "group"})
SCHEMA_VERSION = 1
FILE_CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "countries.yaml": "country",
        "igos.yaml": "igo",
        "media.yaml": "media",
        "groups.yaml": "group",
        "people.yaml": "person",
        "people_world.yaml": "person",
        "people_figures.yaml": "person",
        "people_security.yaml": "person",
        "companies.yaml": "org",
        "institutions.yaml": "org",
        "media_outlets.yaml": "media",
        "ngos.yaml": "igo",  # international NGOs: country IGO, switched by ngo_country like igos.yaml's
    }
)


class _Loader(SAFE_LOADER):  # type: ignore[misc]
    """Safe loader that leaves dates as text, so a bad date is reported with its entry."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
    }


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One actor the knowledge base knows, as seen on one date for people."""

    key: str  # unique id, e.g. "country:RUS", "person:sergei-lavrov", "igo:NATO", "media:tass"
    name: str  # canonical name
    country: str | None  # ISO3, or IGO / NGO / MNC
    sector: str | None
    kind: str  # person | organization | state | group
    wikidata: str | None = None
    office: str | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    state_owned: bool | None = None  # media only


@dataclass(frozen=True, slots=True)
class Tenure:
    """One term in one office; ``title`` is the local name ("secretary of state")."""

    office: str
    sector: str
    country: str
    start: datetime.date | None
    end: datetime.date | None
    title: str | None = None
    org: str | None = None

    def holds_on(self, on: datetime.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def distance(self, on: datetime.date) -> int:
        """Days from ``on`` to this term (0 inside it): picks the likelier namesake."""
        if self.holds_on(on):
            return 0
        if self.start is not None and on < self.start:
            return (self.start - on).days
        return (on - self.end).days if self.end is not None else 0


@dataclass(frozen=True, slots=True)
class Record:
    """A validated entry: its base KBEntry, the aliases that find it and its terms of office."""

    entry: KBEntry
    category: str
    aliases: tuple[str, ...]
    tenures: tuple[Tenure, ...] = ()
    adjectives: tuple[str, ...] = ()
    origin: str = ""  # "file: entry N", for error messages

    def on(self, day: datetime.date | None) -> KBEntry:
        """The entry as of ``day``: office and sector come from the term held then."""
        if not self.tenures:
            return self.entry
        if day is None:
            return with_tenure(self.entry, self.tenures[-1])
        held = [t for t in self.tenures if t.holds_on(day)]
        if held:
            return with_tenure(self.entry, held[-1])
        before_first = self.tenures[0].start is not None and day < self.tenures[0].start
        # After leaving office a person is a former official (CAMEO "ELI") unless the
        # file gives them a standing sector such as OPP.
        sector = self.entry.sector or (None if before_first else "ELI")
        return replace(self.entry, sector=sector, office=None, start=None, end=None)

    def distance(self, day: datetime.date | None) -> tuple[int, int]:
        if not self.tenures:
            return (1, 0)
        if day is None:
            last = self.tenures[-1]
            return (0 if last.end is None else 1, -(last.end or datetime.date.max).toordinal())
        return (min(t.distance(day) for t in self.tenures), 0)


def with_tenure(entry: KBEntry, tenure: Tenure) -> KBEntry:
    return replace(
        entry,
        office=tenure.title or tenure.office,  # the local title reads better: "secretary of state"
        sector=tenure.sector,
        country=tenure.country,
        start=tenure.start,
        end=tenure.end,
    )


@dataclass(frozen=True, slots=True)
class Role:
    term: str
    sector: str
    kind: str
    office: str | None = None


# ---------------------------------------------------------------- names


# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "\u2019": "'",
        "\u2018": "'",
    }
)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str) -> str:
    plain = text if text.isascii() else strip_accents(text)  # NFKD is the slow part
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


# ---------------------------------------------------------------- schema checks


@dataclass(frozen=True, slots=True)
class Where:
    """Position of an entry in a file, for error messages."""

    file: str
    number: int
    name: str = "?"

    def error(self, field_name: str, expected: str, got: object) -> KnowledgeBaseError:
        return KnowledgeBaseError(
            f"{self.file}: entry {self.number} ({self.name}): field '{field_name}': "
            f"expected {expected}, got {got!r}"
        )


@dataclass(frozen=True, slots=True)
class Vocab:
    """What a valid entry may contain: sector codes and country codes."""

    sectors: frozenset[str]
    countries: frozenset[str] = field(
        default_factory=lambda: frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_ACTOR_CODES
    )


def _text(raw: Mapping[str, Any], name: str, where: Where, required: bool = False) -> str | None:
    value = raw.get(name)
    if value is None:
        if required:
            raise where.error(name, "a non-empty string", None)
        return None
    if isinstance(value, str):
        stripped = value.strip()  # once: this runs ~40,000 times per load
        if stripped:
            return stripped
    raise where.error(name, "a non-empty string", value)


def _texts(raw: Mapping[str, Any], name: str, where: Where) -> tuple[str, ...]:
    value = raw.get(name) or []
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        stripped = tuple(v.strip() if isinstance(v, str) else "" for v in value)
        if all(stripped):
            return stripped
    raise where.error(name, "a list of non-empty strings", value)


def _date(raw: Mapping[str, Any], name: str, where: Where) -> datetime.date | None:
    value = raw.get(name)
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise where.error(name, "an ISO date YYYY-MM-DD or null", value) from None


def _code(
    raw: Mapping[str, Any], name: str, allowed: frozenset[str], where: Where, required: bool
) -> str | None:
    value = _text(raw, name, where, required)
    if value is not None and value not in allowed:
        raise where.error(name, f"one of the known {name} codes (see docs/actors.md)", value)
    return value


def _kind(raw: Mapping[str, Any], default: str, where: Where) -> str:
    value = _text(raw, "kind", where) or default
    if value not in KINDS:
        raise where.error("kind", "person, organization, state or group", value)
    return value


def _wikidata(raw: Mapping[str, Any], where: Where) -> str | None:
    value = _text(raw, "wikidata", where)
    if value is not None and not re.fullmatch(r"Q[1-9][0-9]*", value):
        raise where.error("wikidata", "a Wikidata id such as Q159", value)
    return value


def _check_mapping(raw: object, where: Where) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where.file}: entry {where.number}: expected a mapping, got {raw!r}")
    return raw


# ---------------------------------------------------------------- entry parsers


def parse_country(raw: Mapping[str, Any], where: Where, vocab: Vocab) -> list[Record]:
    """A country, plus one record per metonym and per region that stands for it."""
    iso3 = _code(raw, "iso3", vocab.countries, where, required=True)
    assert iso3 is not None
    name = _text(raw, "name", where, required=True)
    assert name is not None
    where = replace(where, name=name)
    entry = KBEntry(f"country:{iso3}", name, iso3, None, "state", _wikidata(raw, where))
    peoples = _texts(raw, "peoples", where)  # "Baloch", "Tibetan": they situate an actor like a demonym
    adjectives = _texts(raw, "adjectives", where) + _texts(raw, "demonyms", where) + peoples
    origin = f"{where.file}: entry {where.number}"
    records = [Record(entry, "country", (name, *_texts(raw, "aliases", where)), (), adjectives, origin)]
    for item in raw.get("metonyms") or []:
        records.append(_metonym(item, iso3, where, vocab))
    for region in _texts(raw, "regions", where):
        region_entry = KBEntry(f"region:{slug(region)}", region, iso3, None, "state")
        records.append(Record(region_entry, "region", (region,), origin=origin))
    return records


def _metonym(item: object, iso3: str, where: Where, vocab: Vocab) -> Record:
    """A seat of power ("the Kremlin") or capital standing for a country's government."""
    raw: Mapping[str, Any] = {"name": item} if isinstance(item, str) else _check_mapping(item, where)
    text = _text(raw, "name", where, required=True)
    assert text is not None
    sector = _code(raw, "sector", vocab.sectors, where, required=False) or "GOV"
    display = text[4:] if text[:4].lower() == "the " else text
    entry = KBEntry(
        f"metonym:{iso3}:{slug(display)}", display, iso3, sector, _kind(raw, "organization", where)
    )
    aliases = (text, *_texts(raw, "aliases", where))
    return Record(entry, "metonym", aliases, origin=f"{where.file}: entry {where.number}")


def parse_actor(raw: Mapping[str, Any], where: Where, vocab: Vocab, category: str) -> Record:
    """An organisation, outlet or person (igos.yaml, media.yaml, people.yaml, user files)."""
    name = _text(raw, "name", where, required=True)
    assert name is not None
    where = Where(where.file, where.number, name)  # not dataclasses.replace: slow at ~3,000 entries
    country = _code(raw, "country", vocab.countries, where, required=True)
    assert country is not None
    tenures = _tenures(raw, country, where, vocab)
    kind = _kind(raw, "person" if tenures or category == "person" else "organization", where)
    category = "person" if kind == "person" else category
    ident = _text(raw, "code", where) or _text(raw, "id", where) or slug(name)
    state_owned = raw.get("state_owned")
    if state_owned is not None and not isinstance(state_owned, bool):
        raise where.error("state_owned", "true or false", state_owned)
    sector = _code(raw, "sector", vocab.sectors, where, required=False)
    key = _text(raw, "overrides", where) or f"{category}:{ident}"
    entry = KBEntry(key, name, country, sector, kind, _wikidata(raw, where), state_owned=state_owned)
    aliases = (name, *_texts(raw, "aliases", where))
    return Record(entry, category, aliases, tenures, origin=f"{where.file}: entry {where.number}")


def _tenures(raw: Mapping[str, Any], country: str, where: Where, vocab: Vocab) -> tuple[Tenure, ...]:
    items = raw.get("offices")
    if items is None:
        items = [raw] if raw.get("office") else []
    if not isinstance(items, list):
        raise where.error("offices", "a list of {office, start, end} mappings", items)
    tenures = [_tenure(_check_mapping(item, where), country, where, vocab) for item in items]
    return tuple(sorted(tenures, key=lambda t: t.start or datetime.date.min))


def _tenure(raw: Mapping[str, Any], country: str, where: Where, vocab: Vocab) -> Tenure:
    office = _text(raw, "office", where, required=True)
    assert office is not None
    start, end = _date(raw, "start", where), _date(raw, "end", where)
    if start is not None and end is not None and end < start:
        raise where.error("end", f"a date on or after start {start}", str(end))
    return Tenure(
        office=office.lower(),
        sector=_code(raw, "sector", vocab.sectors, where, required=False) or "GOV",
        country=_code(raw, "country", vocab.countries, where, required=False) or country,
        start=start,
        end=end,
        title=(_text(raw, "title", where) or "").lower() or None,
        org=_text(raw, "org", where),
    )


def parse_role(raw: Mapping[str, Any], where: Where, vocab: Vocab) -> Role:
    term = _text(raw, "term", where, required=True)
    assert term is not None
    where = replace(where, name=term)
    sector = _code(raw, "sector", vocab.sectors, where, required=True)
    assert sector is not None
    return Role(term.lower(), sector, _kind(raw, "person", where), _text(raw, "office", where))


# ---------------------------------------------------------------- files


def read_yaml(source: str | Path, label: str) -> list[Any]:
    """The ``entries`` list of a versioned KB file (a packaged name such as ``actors/igo.yaml``,
    or a user's ``Path``), with clear errors for broken files."""
    try:
        data = yaml.load(read_text(source), Loader=_Loader)
    except KnowledgeBaseError as exc:
        raise KnowledgeBaseError(f"{label}: cannot read actor file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{label}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != SCHEMA_VERSION:
        raise KnowledgeBaseError(f"{label}: expected a mapping with 'version: {SCHEMA_VERSION}' at the top")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise KnowledgeBaseError(f"{label}: expected an 'entries:' list, got {entries!r}")
    return entries


def packaged_name(name: str) -> str:
    """The resource name of a packaged actor file (``igo.yaml`` -> ``actors/igo.yaml``)."""
    return f"{DATA_DIR}/{name}"


def source_digest() -> str:
    """Fingerprint of the packaged YAML files, stamped into the compiled bundle."""
    digest = hashlib.sha256()
    for name in PACKAGED_FILES:
        digest.update(name.encode())
        digest.update(read_bytes(packaged_name(name)))
    return digest.hexdigest()


def build_bundle() -> str:
    """Every packaged file's entries as one JSON document (written by tools/build_actor_kb.py).

    Parsing the YAML takes about a second; reading the same entries from JSON takes
    milliseconds. The bundle holds raw entries, so every load still runs the schema checks.
    """
    files = {name: read_yaml(packaged_name(name), name) for name in PACKAGED_FILES}
    return json.dumps({"digest": source_digest(), "files": files}, ensure_ascii=False, indent=0)


def packaged_entries() -> dict[str, list[Any]]:
    """Entries of every packaged file: from the bundle when it matches the YAML, else the YAML."""
    bundle = packaged_name(BUNDLE_FILE)
    if exists(bundle):
        data = load_resource(bundle, {"digest": str, "files": dict})
        if data["digest"] == source_digest():
            return dict(data["files"])
    return {name: read_yaml(packaged_name(name), name) for name in PACKAGED_FILES}


def parse_entity_file(entries: list[Any], label: str, vocab: Vocab, category: str) -> list[Record]:
    records: list[Record] = []
    for number, raw in enumerate(entries, start=1):
        where = Where(label, number)
        mapping = _check_mapping(raw, where)
        if category == "country":
            records.extend(parse_country(mapping, where, vocab))
        else:
            records.append(parse_actor(mapping, where, vocab, category))
    return records


def load_sectors(entries: list[Any]) -> frozenset[str]:
    return frozenset(str(e["code"]) for e in entries if isinstance(e, dict) and "code" in e)


def load_roles(entries: list[Any], vocab: Vocab) -> list[Role]:
    return [
        parse_role(_check_mapping(raw, Where(ROLES_FILE, n)), Where(ROLES_FILE, n), vocab)
        for n, raw in enumerate(entries, start=1)
    ]


def apply_user_file(records: list[Record], path: Path, vocab: Vocab) -> list[Record]:
    """Add a user's entries; one with ``overrides: KEY`` replaces that packaged entry."""
    label = str(path)
    by_key = {r.entry.key: i for i, r in enumerate(records)}
    result = list(records)
    for number, raw in enumerate(read_yaml(path, label), start=1):
        where = Where(label, number)
        mapping = _check_mapping(raw, where)
        if "iso3" in mapping:
            result.extend(parse_country(mapping, where, vocab))
            continue
        record = parse_actor(mapping, where, vocab, "org")
        if mapping.get("overrides") is None:
            result.append(record)
        elif record.entry.key in by_key:
            old = result[by_key[record.entry.key]]
            result[by_key[record.entry.key]] = replace(record, category=old.category)
        else:
            raise where.error("overrides", "the key of a packaged entry, e.g. igo:NATO", mapping["overrides"])
    return result


def load_role_modifiers(entries: list[Any], vocab: Vocab) -> dict[str, str | None]:
    """Words before a role: "former" makes an elite, "deputy" keeps the role's sector."""
    modifiers: dict[str, str | None] = {}
    for number, raw in enumerate(entries, start=1):
        where = Where(MODIFIERS_FILE, number)
        mapping = _check_mapping(raw, where)
        word = _text(mapping, "word", where, required=True)
        modifiers[str(word).lower()] = _code(mapping, "sector", vocab.sectors, where, required=False)
    return modifiers


def load_honorifics(entries: list[Any]) -> list[str]:
    """Courtesy titles that may stand before a name ("Mr", "Dr", "Sheikh")."""
    words = []
    for number, raw in enumerate(entries, start=1):
        where = Where(HONORIFICS_FILE, number)
        words.append(str(_text(_check_mapping(raw, where), "word", where, required=True)))
    return words


def load_org_types(entries: list[Any], vocab: Vocab) -> list[Role]:
    """Heads of organisation names ("university", "high court", "air force") with a sector;
    an entry with ``first`` instead of ``head`` is a word that begins names ("Radio Okapi"),
    kept under the term "radio *" (ORG_FIRST_WORD)."""
    types = []
    for number, raw in enumerate(entries, start=1):
        where = Where(ORG_TYPES_FILE, number)
        mapping = _check_mapping(raw, where)
        first = _text(mapping, "first", where)
        head = f"{first} {ORG_FIRST_WORD}" if first else _text(mapping, "head", where, required=True)
        sector = _code(mapping, "sector", vocab.sectors, where, required=True)
        assert head is not None and sector is not None
        types.append(Role(head.lower(), sector, _kind(mapping, "organization", where), None))
    return types


def load_agencies(entries: list[Any], vocab: Vocab) -> dict[tuple[str, str], tuple[str, str]]:
    """National bodies by (country, short name): "CBI" is India's only when India is named."""
    agencies: dict[tuple[str, str], tuple[str, str]] = {}
    for number, raw in enumerate(entries, start=1):
        where = Where(AGENCIES_FILE, number)
        mapping = _check_mapping(raw, where)
        country = _code(mapping, "country", vocab.countries, where, required=True)
        short = _text(mapping, "short", where, required=True)
        name = _text(mapping, "name", where, required=True)
        sector = _code(mapping, "sector", vocab.sectors, where, required=True)
        assert country is not None and short is not None and name is not None and sector is not None
        agencies[(country, short.lower())] = (name, sector)
    return agencies
