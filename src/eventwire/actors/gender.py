"""Grammatical gender of person mentions, from the text alone, read from ``data/mentions/gender.yaml``.

"Queen Anna met Mr Ortiz. She thanked him.": the title says who "she" and "him" can be.
Evidence is a courtesy title, a gendered role word ("spokeswoman") or a first name of
clear gender; anything else leaves the gender unknown, and an unknown gender fits any
pronoun.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventwire.errors import KnowledgeBaseError
from eventwire.resources import load_resource

GENDER_RESOURCE = "mentions/gender.yaml"
GENDER_SCHEMA = {"version": int, "titles": dict, "roles": dict, "first_names": dict}
GENDERS = ("male", "female")


@dataclass(frozen=True, slots=True)
class GenderWords:
    """Word -> "male"/"female" for titles, role words and first names."""

    titles: Mapping[str, str]
    roles: Mapping[str, str]
    first_names: Mapping[str, str]

    def of_words(self, words: Iterable[str], title: str | None, name: str | None) -> str | None:
        """Gender from a mention's words (titles), its role phrase, then its name's first word."""
        for word in words:
            found = self.titles.get(word.lower().rstrip("."))
            if found is not None:
                return found
        if title:
            found = self.roles.get(title.lower()) or self.roles.get(title.lower().split()[-1])
            if found is not None:
                return found
        first = name.split()[0].lower() if name and name.split() else None
        return self.first_names.get(first) if first else None


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, str]:
    section = data.get(key)
    if not isinstance(section, dict) or set(section) != set(GENDERS):
        raise KnowledgeBaseError(f"gender.yaml: '{key}' must map male and female to word lists")
    table: dict[str, str] = {}
    for gender in GENDERS:
        words = section[gender]
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise KnowledgeBaseError(f"gender.yaml: '{key}.{gender}' must be a list of words")
        table.update((w.lower(), gender) for w in words)
    return MappingProxyType(table)


def parse_gender(data: Mapping[str, Any]) -> GenderWords:
    """``GenderWords`` from the parsed YAML mapping, with clear errors for a broken file."""
    return GenderWords(_table(data, "titles"), _table(data, "roles"), _table(data, "first_names"))


def load_gender(source: str | Path = GENDER_RESOURCE) -> GenderWords:
    """The gender words of ``source`` (the packaged file by default; the knowledge bundle
    reads it once per pipeline)."""
    data = load_resource(source, GENDER_SCHEMA)
    if data["version"] != 1:
        raise KnowledgeBaseError(f"{source}: expected 'version: 1'")
    return parse_gender(data)
