"""International bodies the KB does not list, told apart by the words of their names.

An intergovernmental body says so in its name: "United Nations ..." or "UN ...", "Inter-American
...", "Pan American Health Organization", "International ... Organization/Agency/Court". A
non-governmental one says so too: "... Watch", "... Without Borders", "International
Committee/Federation/Alliance of ...", "... Network for Human Rights". ``international_body``
returns the scope ("IGO" or "NGO") and the sector the name states; the caller decides the
country (IGO for intergovernmental bodies; for NGOs a nationality or place in the name, else the
code the settings give international NGOs).
"""

from __future__ import annotations

import re

UN_PREFIX = re.compile(r"^(?:the\s+)?(?:United Nations|UN|U\.N\.)\s+\w", re.IGNORECASE)
INTER_PREFIX = re.compile(
    r"^(?:the\s+)?(?:Inter-American|Intergovernmental|Inter-Parliamentary)\b", re.IGNORECASE
)
# First words of regional intergovernmental bodies ("Caribbean Community", "Arab Parliament").
REGIONAL = re.compile(
    r"^(?:the\s+)?(?:Pan[- ]American|Pan[- ]African|Latin American|Central American|South American"
    r"|African|Arab|Asian|European|Caribbean|Pacific|Nordic|Eurasian|Andean)\s",
    re.IGNORECASE,
)
REGIONAL_HEADS = frozenset(
    {"organization", "organisation", "community", "union", "commission", "league", "court", "parliament"}
)
# "International <head> ...": heads of intergovernmental bodies, then of international NGOs.
INTERNATIONAL_IGO_HEADS = frozenset(
    {"organization", "organisation", "agency", "court", "tribunal", "fund", "forum"}
)
INTERNATIONAL_NGO_HEADS = frozenset(
    {
        "committee",
        "council",
        "federation",
        "alliance",
        "league",
        "network",
        "foundation",
        "institute",
        "association",
        "society",
        "coalition",
        "campaign",
        "centre",
        "center",
        "movement",
        "observatory",
    }
)
# Heads of rights groups: "Syrian Network for Human Rights", "Egyptian Initiative for Personal Rights",
# "Zimbabwe Lawyers for Human Rights".
RIGHTS_HEADS = INTERNATIONAL_NGO_HEADS | {
    "watch",
    "initiative",
    "organization",
    "organisation",
    "group",
    "forum",
    "defenders",
    "lawyers",
}
RIGHTS = re.compile(r"\brights\b", re.IGNORECASE)
# Words that make a body part of a state even when it works on rights ("National Human Rights Commission").
STATE_WORDS = re.compile(r"\b(?:national|ministry|commission|state|government|council)\b", re.IGNORECASE)

# Sector of an NGO from the words of its name, first match wins; default NGO.
NGO_SECTORS = (
    (
        re.compile(r"\b(?:doctors|nurses|midwives|physicians|medics|medical|health|pharmacists)\b", re.I),
        "HLH",
    ),
    (
        re.compile(r"\b(?:environment\w*|nature|conservation|climate|wildlife|forests?|oceans?)\b", re.I),
        "ENV",
    ),
    (re.compile(r"\b(?:rights|liberties|freedoms?|reporters|journalists|torture)\b", re.I), "HRI"),
)


def head(name: str) -> str:
    """The head noun of a name: the last word before its first of/for/on/to ("Committee")."""
    first = re.split(r"\s+(?:of|for|on|to|against)\s+", name, maxsplit=1)[0]
    words = first.split()
    return words[-1].lower().strip(".,'") if words else ""


def igo_sector(name: str) -> str:
    """A court of an intergovernmental body judges, a parliament legislates; the rest are IGO."""
    word = head(name)
    if word in ("court", "tribunal"):
        return "JUD"
    return "LEG" if word == "parliament" else "IGO"


def ngo_sector(name: str) -> str:
    for pattern, sector in NGO_SECTORS:
        if pattern.search(name):
            return sector
    return "NGO"


def international_body(name: str) -> tuple[str, str] | None:
    """("IGO" | "NGO", sector) when the name states an international or rights body, else None."""
    text = name.strip()
    word = head(text)
    international = re.match(r"^(?:the\s+)?International\s", text, re.IGNORECASE) is not None
    if _intergovernmental(text, word, international):
        return "IGO", igo_sector(text)
    if re.search(r"\sWithout Borders$", text, re.IGNORECASE) or word == "watch":
        return "NGO", ngo_sector(text)
    if international and word in INTERNATIONAL_NGO_HEADS:
        return "NGO", ngo_sector(text)
    if RIGHTS.search(text) and word in RIGHTS_HEADS and not STATE_WORDS.search(text):
        return "NGO", "HRI"
    return None


def _intergovernmental(text: str, word: str, international: bool) -> bool:
    """ "UN ...", "Inter-American ...", a regional union or court, "International ... Agency"."""
    if UN_PREFIX.match(text) or INTER_PREFIX.match(text):
        return True
    if REGIONAL.match(text) and word in REGIONAL_HEADS:
        return not RIGHTS.search(text)  # "Arab Organization for Human Rights" is an NGO
    return international and word in INTERNATIONAL_IGO_HEADS
