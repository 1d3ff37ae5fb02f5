"""Name normalisation shared by the gazetteer and its table builder."""

from __future__ import annotations

import re
import unicodedata

# Words that name the kind of an administrative unit after its name ("Kandahar province",
# "Donetsk oblast", "Bijapur district"); the gazetteer looks the name up without them.
UNIT_WORDS = frozenset(
    {
        "province",
        "oblast",
        "district",
        "governorate",
        "state",
        "department",
        "region",
        "county",
        "prefecture",
        "territory",
        "municipality",
        "krai",
        "raion",
        "division",
        "emirate",
        "township",
    }
)
# Of those, the words that name a second-level unit (GeoNames admin-2).
DISTRICT_WORDS = frozenset({"district", "county", "territory", "municipality", "raion", "township"})
_SPACES = re.compile(r"[\s\u00a0]+")
_LEADING_ARTICLE = re.compile(r"^the\s+")
# Straight and curly apostrophes and the hyphen family fold to one form each.
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-"})


def fold(name: str) -> str:
    """Lower-case, accents stripped, spaces collapsed: "Reykjavík" -> "reykjavik"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLATE))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().lower()


def lookup_key(name: str) -> str:
    """The key a toponym is looked up under: folded, without a leading "the" or trailing dot."""
    key = _LEADING_ARTICLE.sub("", fold(name))
    return key.rstrip(".").strip()
