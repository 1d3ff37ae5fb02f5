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


# The Arabic article as transliterations write it before a name ("Al-Mawsil", "ad-Dawr"):
# news drops it as often as it keeps it, and GeoNames does the same, name by name.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az)[- ]")
_ARTICLE_WORDS = frozenset({"al", "el", "ad", "ar", "as", "at", "az"})
_NOT_SKELETON = re.compile(r"[^a-z]|(?<=.)[aeiouyw]")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")
# Shorter skeletons match too many villages of a country to pick one.
MIN_SKELETON = 4


def article_variants(key: str) -> tuple[str, ...]:
    """The key without the Arabic article it begins with, or with "al-" and "al " before it:
    "al-mawsil" -> "mawsil"; "qamishli" -> "al-qamishli", "al qamishli"."""
    bare = _ARABIC_ARTICLE.sub("", key)
    return (bare,) if bare != key else (f"al-{key}", f"al {key}")


def skeleton(key: str) -> str:
    """The consonants of a name after its first letter, doubled letters once, without the
    Arabic article: transliterations of one name differ in their vowels and spacing far more
    than in their consonants ("bulo burde", "buulobarde" -> "blbrd")."""
    bare = _ARABIC_ARTICLE.sub("", key)
    return _DOUBLED.sub(r"\1", _NOT_SKELETON.sub("", bare))


def letters(key: str) -> str:
    """The letters of a key alone: "rufa'a", "rufaa" and "ru-faa" are one name."""
    return _NOT_LETTER.sub("", key)


def initial(key: str) -> str:
    """The first character of a name without the Arabic article: names compared by
    ``skeleton`` or ``letters`` share it, so only names with the same initial need comparing.
    (Called on every name of the tables once: string tests, no regular expression.)"""
    if key[2:3] in ("-", " ") and key[:2] in _ARTICLE_WORDS:
        key = key[3:]
    elif key[3:4] in ("-", " ") and key[:3] == "ash":
        key = key[4:]
    first = key[:1]
    return first if "a" <= first <= "z" else next((ch for ch in key if "a" <= ch <= "z"), "")
