"""The perturbation probe: does a coding survive the words news reports wrap around it?

A probe file is ordinary event gold (``{"id", "text", "date", "events"}``) whose records are
simple one-clause sentences. Each text is rewritten the ways wire copy dresses up an event:
background adjuncts ("after two days of talks", "amid rising tensions", "despite protests"),
attributions ("…, Reuters reported", "Officials said on Monday that …"), a fronted date
("On 3 May, …") and combinations. A coding is a gold event matched in type *and* dyad. The
headline figure, **kept**, is the share of (variant, coding) pairs the coder keeps, over the
codings it got right on the simple form: a coder that reads clause structure loses none.
``added`` is the share of variants that gained an event the simple form did not have (an
adjunct noun coded as an event of its own).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.api import Coder
from eventwire.evaluate.gold import Claim, GoldRecord, predicted_claims, read_gold
from eventwire.evaluate.run import Tracker
from eventwire.evaluate.scoring import matches
from eventwire.records import Article, CodedArticle

# First words that are not names: lower-cased when the sentence moves behind a prefix.
_COMMON_FIRST_WORDS = frozenset(
    {"the", "a", "an", "thousands", "hundreds", "dozens", "several", "police", "riot", "gunmen", "some"}
    | {"farmers", "students", "workers", "teachers", "dockworkers", "pensioners", "protesters", "rebels"}
)


def _body(text: str) -> str:
    return text.strip().rstrip(".").rstrip()


def _inner(text: str) -> str:
    """The sentence as it reads after a prefix: a common first word lower-cased, names kept."""
    body = _body(text)
    first, _, rest = body.partition(" ")
    if first.lower() in _COMMON_FIRST_WORDS:
        first = first.lower()
    return f"{first} {rest}" if rest else first


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "after_talks": lambda t: f"{_body(t)} after two days of talks.",
    "amid_tensions": lambda t: f"{_body(t)} amid rising tensions.",
    "despite_protests": lambda t: f"{_body(t)} despite protests.",
    "during_fighting": lambda t: f"{_body(t)} during a week of heavy fighting.",
    "after_arrest": lambda t: f"{_body(t)} in response to the arrest of an opposition leader.",
    "ahead_of_summit": lambda t: f"{_body(t)} ahead of a summit on regional security.",
    "as_clause": lambda t: f"{_body(t)} as fighting continued in the region.",
    "reuters_reported": lambda t: f"{_body(t)}, Reuters reported.",
    "according_to": lambda t: f"According to state media, {_inner(t)}.",
    "spokesman_told": lambda t: f"{_body(t)}, a government spokesman told reporters.",
    "officials_said": lambda t: f"Officials said on Monday that {_inner(t)}.",
    "fronted_date": lambda t: f"On 3 May, {_inner(t)}.",
    "date_and_adjunct": lambda t: f"On 3 May, {_inner(t)} amid rising tensions.",
    "all_three": lambda t: f"On Tuesday, {_inner(t)} after weeks of fighting, the agency reported.",
}


@dataclass(frozen=True, slots=True)
class Loss:
    """One coding the simple form got right and a variant lost."""

    record: str
    perturbation: str
    text: str
    expected: str
    coded: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PerturbationEvaluation:
    """The probe's figures: simple-form accuracy, share kept (overall and per rewrite), share added."""

    records: int
    codings: int
    simple_correct: int
    kept: Counter[str]
    tried: Counter[str]
    added: Counter[str]
    losses: tuple[Loss, ...]

    def figures(self) -> dict[str, float]:
        tried = sum(self.tried.values())
        variants = self.records * len(PERTURBATIONS)
        return {
            "simple_correct": round(self.simple_correct / self.codings, 4) if self.codings else 0.0,
            "kept": round(sum(self.kept.values()) / tried, 4) if tried else 0.0,
            "added": round(sum(self.added.values()) / variants, 4) if variants else 0.0,
        }

    def to_dict(self, misses: int = 10) -> dict[str, Any]:
        per = {
            name: round(self.kept[name] / self.tried[name], 4) if self.tried[name] else 0.0
            for name in PERTURBATIONS
        }
        return {
            **self.figures(),
            "records": self.records,
            "codings": self.codings,
            "kept_per_perturbation": per,
            "added_per_perturbation": dict(self.added),
            "misses": [_loss_dict(loss) for loss in self.losses[:misses]],
        }


def _loss_dict(loss: Loss) -> dict[str, Any]:
    return {
        "record": loss.record,
        "perturbation": loss.perturbation,
        "text": loss.text,
        "expected": loss.expected,
        "coded": list(loss.coded),
    }


def _key(claim: Claim) -> tuple[str | None, frozenset[str], frozenset[str]]:
    return (claim.plover, claim.source, claim.target)


def _found(gold: Claim, coded: Sequence[Claim]) -> bool:
    """The coding is there: same type, and each side the gold names shares a country (the scorer's rule)."""
    return any(matches(claim, gold) for claim in coded)


def _show(claim: Claim) -> str:
    return f"{claim.plover} {'+'.join(sorted(claim.source))}->{'+'.join(sorted(claim.target))}"


def _articles(records: Sequence[GoldRecord]) -> Iterable[Article]:
    """Every record's simple form, then its variants, with ids ``<id>`` and ``<id>~<name>``."""
    for record in records:
        date = _date(record.date)
        yield Article(text=record.text, id=record.id, date=date)
        for name, rewrite in PERTURBATIONS.items():
            yield Article(text=rewrite(record.text), id=f"{record.id}~{name}", date=date)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


@dataclass(slots=True)
class _Tally:
    """Counts gathered over the probe's records (one per evaluation, never shared)."""

    kept: Counter[str] = field(default_factory=Counter)
    tried: Counter[str] = field(default_factory=Counter)
    added: Counter[str] = field(default_factory=Counter)
    losses: list[Loss] = field(default_factory=list)
    codings: int = 0
    simple_correct: int = 0


def _score_record(record: GoldRecord, by_id: dict[str, CodedArticle], tally: _Tally) -> None:
    """What the simple form got right, and which rewrites kept it or gained an event."""
    simple_claims = predicted_claims(by_id.get(record.id))
    simple = {_key(c) for c in simple_claims}
    right = [g for g in record.events if _found(g, simple_claims)]
    tally.codings += len(record.events)
    tally.simple_correct += len(right)
    for name, rewrite in PERTURBATIONS.items():
        variant = predicted_claims(by_id.get(f"{record.id}~{name}"))
        tally.added[name] += bool({_key(c) for c in variant} - simple)
        for gold in right:
            tally.tried[name] += 1
            if _found(gold, variant):
                tally.kept[name] += 1
                continue
            shown = tuple(_show(c) for c in variant)
            tally.losses.append(Loss(record.id, name, rewrite(record.text), _show(gold), shown))


def evaluate_perturbations(
    coder: Coder, gold_path: str | Path, track: Tracker | None = None
) -> tuple[PerturbationEvaluation, list[CodedArticle]]:
    """Code every record of ``gold_path`` and its variants; score what the variants kept.

    ``track`` sees the coded articles go by (a progress bar), as in ``evaluate_file``.
    """
    records = read_gold(gold_path)
    stream = coder.code_many(_articles(records))
    coded = list(track(stream) if track else stream)
    by_id = {c.article.id: c for c in coded}
    tally = _Tally()
    for record in records:
        _score_record(record, by_id, tally)
    evaluation = PerturbationEvaluation(
        len(records),
        tally.codings,
        tally.simple_correct,
        tally.kept,
        tally.tried,
        tally.added,
        tuple(tally.losses),
    )
    return evaluation, coded
