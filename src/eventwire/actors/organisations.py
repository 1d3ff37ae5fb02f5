"""Organisations the KB does not list, placed by their names (issue 10, class 3).

``ActorKB.org_type`` reads an unknown organisation's type from the words of its name
(org_types.yaml: "Konkola Copper Mines" a firm, "Premium Times" an outlet, "Nigeria Labour
Congress" a union). This module says whose it is: the KB body whose name begins it ("the
ECOWAS Court of Justice" is ECOWAS's court, "Tata Steel" a Tata firm), else a nationality
or place the name holds ("Congress of South African Trade Unions", "Kenya Power").
"""

from __future__ import annotations

import re

from eventwire.actors.candidates import EntryLike
from eventwire.actors.entities import STATE_KEY_PREFIXES
from eventwire.actors.international import ngo_sector
from eventwire.actors.lookups import Lookups

# Capitalised words of institutions' names that are also the names of small places
# ("Federal" in Entre Rios, "Supreme", "Premium"): never the name's place.
INSTITUTION_WORDS = frozenset(
    {
        "federal",
        "national",
        "supreme",
        "high",
        "central",
        "royal",
        "grand",
        "state",
        "general",
        "premium",
        "popular",
        "democratic",
        "republican",
        "people's",
        "united",
        "union",
        "independent",
    }
)
CUT_NAME = re.compile(r"^(?:of|for)\s", re.IGNORECASE)  # "[Ministry] of Energy": title stripped


def name_role(name: str, look: Lookups) -> tuple[str, str] | None:
    """(sector, kind) an organisation's name states: a role phrase ("Syrian Foreign Ministry"),
    else its type by head or first word; an NGO's sector from its words ("... Environmentalists")."""
    if CUT_NAME.match(name):
        return None  # the model's entity lost its head to the title: the title decides
    found = look.role(name)
    if found is None:
        words = [w for w in name.split() if look.nationality(w) is None and w.lower() != "the"]
        found = look.role(" ".join(words)) if words else None
    found = found or look.org_type(name)
    if found is not None and found[0] == "NGO":
        return ngo_sector(name), found[1]
    return found


def parent_body(name: str, look: Lookups) -> EntryLike | None:
    """The KB organisation or group whose name begins ``name`` ("ECOWAS" in "the ECOWAS Court
    of Justice", "Tata" in "Tata Steel"); states, capitals and people are no parents ("Kenya Airways")."""
    words = [w for w in name.split() if w.lower() != "the"]
    for end in range(len(words) - 1, 0, -1):
        entry = look.lookup(" ".join(words[:end]))
        if entry is None or entry.key.startswith(STATE_KEY_PREFIXES):
            continue  # "Cairo University": a capital (the seat of government) is the place
        if entry.kind in ("organization", "group") and entry.country:
            return entry
    return None


def name_country(name: str, look: Lookups) -> str | None:
    """A nationality inside the name, two words first ("South African"), else a place in it."""
    words = [w for w in name.split() if w.lower() != "the"]
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            country = look.nationality(" ".join(words[i : i + size]))
            if country is not None:
                return country
    return name_place(name, look)


def name_place(name: str, look: Lookups) -> str | None:
    """Country of a place named inside an organisation's name: "University of Nairobi",
    "Lahore High Court", "Addis Ababa University" (the words around the type's head)."""
    for part in re.split(r"\b(?:of|for|in|at)\b", name):
        words = [w for w in part.split() if _place_word(w, look)]
        for end in range(len(words), 0, -1):  # "Lahore High" is no place, "Lahore" is
            country = look.place_country(" ".join(words[:end]))
            if country is not None:
                return country
    return None


def _place_word(word: str, look: Lookups) -> bool:
    lower = word.lower()
    if not word[:1].isupper() or lower == "the" or lower in INSTITUTION_WORDS:
        return False
    return look.org_type(word) is None
