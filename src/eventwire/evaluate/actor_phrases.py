"""Score actor resolution on phrase gold (issue 10): country, sector, kind and name per phrase.

An actor gold line is ``{"id", "phrase", "date", "expected": {"country", "sector", "kind",
"name"?}, "class"?, "note"?}``. Each phrase is coded inside a neutral carrier sentence,
``"<Phrase> said on Tuesday."``, with the line's date as the publication date, by the same
pipeline ``eventwire extract`` runs; the actor read back is the one of the mention that begins
the sentence (the earliest mention inside the phrase, the longest when two start together), so
a place or an owner named later in the phrase ("police outside the Turkish embassy in
Nairobi") cannot stand in for the phrase's head. A phrase with no such mention, or whose
mention has no actor, counts as wrong on every figure.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.api import Coder
from eventwire.evaluate.gold import read_records
from eventwire.evaluate.run import Tracker
from eventwire.records import Actor, Article, CodedArticle

CARRIER = "{phrase} said on Tuesday."


@dataclass(frozen=True, slots=True)
class ActorCase:
    """One gold phrase and the actor it should resolve to."""

    id: str
    phrase: str
    date: dt.date | None
    country: str
    sector: str
    kind: str | None = None
    name: str | None = None
    group: str | None = None  # the phrase's class ("parties", "courts"…), for per-class figures


def actor_case(row: Mapping[str, Any]) -> ActorCase:
    """An ``ActorCase`` from a parsed gold line; raises ``ValueError`` when it breaks the format."""
    if not isinstance(row.get("id"), str) or not row["id"]:
        raise ValueError("actor record needs a non-empty string 'id'")
    phrase, expected = row.get("phrase"), row.get("expected")
    if not isinstance(phrase, str) or not phrase.strip():
        raise ValueError("actor record needs a non-empty 'phrase'")
    if not isinstance(expected, Mapping) or not expected.get("country") or not expected.get("sector"):
        raise ValueError("actor record needs 'expected' with 'country' and 'sector'")
    date = dt.date.fromisoformat(str(row["date"])[:10]) if row.get("date") else None
    return ActorCase(
        id=row["id"],
        phrase=phrase.strip(),
        date=date,
        country=str(expected["country"]).upper(),
        sector=str(expected["sector"]).upper(),
        kind=expected.get("kind"),
        name=expected.get("name"),
        group=row.get("class"),
    )


def read_actor_gold(path: str | Path) -> list[ActorCase]:
    """Every phrase of an actor gold file; a malformed line raises ``InputError`` naming it."""
    return read_records(path, actor_case)


def carrier_article(case: ActorCase) -> Article:
    """The phrase at the head of the carrier sentence, dated by the case's date."""
    text = CARRIER.format(phrase=case.phrase[:1].upper() + case.phrase[1:])
    return Article(text=text, id=case.id, date=case.date)


def phrase_actor(coded: CodedArticle, phrase_end: int) -> tuple[bool, Actor | None]:
    """Whether a mention starts inside the phrase, and the actor of the one that starts first."""
    inside = [m for m in coded.mentions if m.start < phrase_end]
    if not inside:
        return False, None
    first = min(inside, key=lambda m: (m.start, -(m.end - m.start)))
    return True, first.actor


def _plain(name: str | None) -> str:
    # Canonical names may differ from the gold in accents, case and spacing ("Nicolás"/"Nicolas").
    folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(folded.lower().split())


@dataclass(frozen=True, slots=True)
class ActorOutcome:
    """What the coder made of one phrase."""

    case: ActorCase
    mentioned: bool
    actor: Actor | None

    def hit(self, field: str) -> bool:
        """Whether the resolved actor has the expected value of ``field``."""
        if self.actor is None:
            return False
        if field == "name":
            return bool(self.case.name) and _plain(self.actor.name) == _plain(self.case.name)
        return bool(getattr(self.actor, field) == getattr(self.case, field))

    def to_dict(self) -> dict[str, Any]:
        got = self.actor
        return {
            "id": self.case.id,
            "phrase": self.case.phrase,
            "expected": [self.case.country, self.case.sector],
            "got": [got.country, got.sector] if got else None,
            "name": got.name if got else None,
        }


@dataclass(frozen=True, slots=True)
class ActorEvaluation:
    """Accuracy figures over an actor gold file."""

    outcomes: tuple[ActorOutcome, ...]

    def _accuracy(self, field: str, outcomes: Sequence[ActorOutcome] | None = None) -> float:
        pool = list(self.outcomes if outcomes is None else outcomes)
        if field == "name":
            pool = [o for o in pool if o.case.name]
        return round(sum(o.hit(field) for o in pool) / len(pool), 3) if pool else 0.0

    def figures(self) -> dict[str, float]:
        """Flat headline figures, the names a baseline file uses for its floors."""
        mentioned = sum(o.mentioned for o in self.outcomes)
        return {
            "mentioned": round(mentioned / len(self.outcomes), 3) if self.outcomes else 0.0,
            "country_accuracy": self._accuracy("country"),
            "sector_accuracy": self._accuracy("sector"),
            "kind_accuracy": self._accuracy("kind"),
            "name_accuracy": self._accuracy("name"),
        }

    def per_class(self) -> dict[str, dict[str, float]]:
        """Phrases, country and sector accuracy for each class of phrase."""
        groups: dict[str, list[ActorOutcome]] = defaultdict(list)
        for o in self.outcomes:
            groups[o.case.group or "(unlabelled)"].append(o)
        return {
            group: {"phrases": len(items), "country": self._accuracy("country", items),
                    "sector": self._accuracy("sector", items)}
            for group, items in groups.items()
        }  # fmt: skip

    def to_dict(self, misses: int = 10) -> dict[str, Any]:
        wrong = [o for o in self.outcomes if not (o.hit("country") and o.hit("sector"))]
        return {
            "phrases": len(self.outcomes),
            **self.figures(),
            "per_class": self.per_class(),
            "misses": [o.to_dict() for o in wrong[:misses]],
        }


def score_actor_cases(cases: Iterable[ActorCase], coded: Mapping[str, CodedArticle]) -> ActorEvaluation:
    """Read back each phrase's actor from its coded carrier sentence."""
    outcomes = []
    for case in cases:
        article = coded.get(case.id)
        mentioned, actor = phrase_actor(article, len(case.phrase)) if article else (False, None)
        outcomes.append(ActorOutcome(case, mentioned, actor))
    return ActorEvaluation(tuple(outcomes))


def evaluate_actor_file(
    coder: Coder, path: str | Path, track: Tracker | None = None
) -> tuple[ActorEvaluation, list[CodedArticle]]:
    """Code every phrase of an actor gold file in its carrier sentence and score the actors;
    ``track`` sees the coded carriers go by (a progress bar)."""
    cases = read_actor_gold(path)
    stream = coder.code_many(carrier_article(c) for c in cases)
    coded = list(track(stream) if track else stream)
    return score_actor_cases(cases, {c.article.id: c for c in coded}), coded
