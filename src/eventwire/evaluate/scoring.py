"""Score coded events against gold records.

The headline figures follow the project's shared scorer (``score_events.py``), so a number
printed here and a number printed there mean the same thing:

- **type**: micro P/R/F1 over (record, PLOVER type) pairs, on records whose gold has events.
- **dyad**: a predicted event matches a gold event when the types agree and each non-empty
  gold side (source, target) shares a country with the predicted side. Precision counts
  predicted events that match some gold event; recall counts gold events matched by some
  predicted event.
- **silent**: share of all records where nothing at all was coded.

Negated events assert nothing and are never counted. Beyond the shared figures this module
adds per-type scores, a confusion table, false alarms on eventless records and the worst misses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.evaluate.gold import Claim, GoldRecord, predicted_claims
from eventwire.records import CodedArticle

Prediction = CodedArticle | Mapping[str, Any]
ClaimsById = Mapping[str, Sequence[Claim]]
NOTHING = "(none)"  # the confusion table's column for "nothing was coded"


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    p: float
    r: float
    f1: float
    n_pred: int
    n_gold: int

    @classmethod
    def from_counts(cls, tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> PRF:
        """``tp_p`` true positives among predictions, ``tp_r`` among gold items."""
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_r / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 3), round(r, 3), round(f1, 3), n_pred, n_gold)

    def to_dict(self) -> dict[str, float | int]:
        return {"p": self.p, "r": self.r, "f1": self.f1, "n_pred": self.n_pred, "n_gold": self.n_gold}


@dataclass(frozen=True, slots=True)
class Miss:
    """A record the coder got wrong: what gold says and what was coded."""

    id: str
    text: str
    gold: tuple[str, ...]
    predicted: tuple[str, ...]
    errors: int  # gold types missed plus types coded that gold does not have

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "gold": list(self.gold),
            "predicted": list(self.predicted),
            "errors": self.errors,
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Every figure of one evaluation run."""

    records: int
    missing_records: int
    type: PRF
    dyad: PRF
    silent: float
    per_type: Mapping[str, PRF]
    confusion: Mapping[tuple[str, str], int]
    eventless: int  # gold records with no event at all
    false_alarms: int  # eventless records where something was coded anyway
    misses: tuple[Miss, ...]
    root: PRF | None = None  # only for gold files that carry CAMEO codes
    dyad_root: PRF | None = None

    def figures(self) -> dict[str, float]:
        """Flat headline figures, the names a baseline file uses for its floors."""
        flat: dict[str, float] = {}
        for name, prf in self._headline():
            flat.update({f"{name}_p": prf.p, f"{name}_r": prf.r, f"{name}_f1": prf.f1})
        flat["silent"] = self.silent
        flat["eventless_clean"] = round(1 - self.false_alarms / self.eventless, 3) if self.eventless else 1.0
        return flat

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"records": self.records, "missing_records": self.missing_records}
        result.update({name: prf.to_dict() for name, prf in self._headline()})
        result["silent"] = self.silent
        result["eventless"] = self.eventless
        result["false_alarms"] = self.false_alarms
        result["per_type"] = {t: prf.to_dict() for t, prf in self.per_type.items()}
        result["confusion"] = [
            {"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(self.confusion.items())
        ]
        result["misses"] = [m.to_dict() for m in self.misses]
        return result

    def _headline(self) -> list[tuple[str, PRF]]:
        named = [("type", self.type), ("dyad", self.dyad), ("root", self.root), ("dyad_root", self.dyad_root)]
        return [(name, prf) for name, prf in named if prf is not None]


def score(
    gold: Sequence[GoldRecord],
    predicted: Mapping[str, Prediction],
    misses: int = 10,
) -> Evaluation:
    """Score predictions (keyed by record id) against gold records."""
    claims = {g.id: predicted_claims(predicted.get(g.id)) for g in gold}
    type_prf, dyad_prf = label_scores(gold, claims, "plover")
    has_cameo = any(c.root for g in gold for c in g.events)
    root_prf, dyad_root = label_scores(gold, claims, "cameo") if has_cameo else (None, None)
    eventless = [g for g in gold if not g.events]
    return Evaluation(
        records=len(gold),
        missing_records=sum(g.id not in predicted for g in gold),
        type=type_prf,
        dyad=dyad_prf,
        silent=round(sum(not claims[g.id] for g in gold) / len(gold), 3) if gold else 0.0,
        per_type=per_type_scores(gold, claims),
        confusion=confusion(gold, claims),
        eventless=len(eventless),
        false_alarms=sum(bool(claims[g.id]) for g in eventless),
        misses=worst_misses(gold, claims, misses),
        root=root_prf,
        dyad_root=dyad_root,
    )


def labels(claims: Iterable[Claim], key: str = "plover") -> set[str]:
    """The distinct labels (PLOVER types or CAMEO roots) a set of claims carries."""
    return {label for c in claims if (label := c.label(key))}


def matches(pred: Claim, gold: Claim, key: str = "plover") -> bool:
    """Same label, and each non-empty gold side shares a country with the predicted side."""
    if pred.label(key) != gold.label(key):
        return False
    return all(not g or g & p for g, p in ((gold.source, pred.source), (gold.target, pred.target)))


def label_scores(gold: Sequence[GoldRecord], claims: ClaimsById, key: str) -> tuple[PRF, PRF]:
    """(label P/R/F1 over (record, label) pairs, dyad P/R/F1 over events) on labelled gold records."""
    pair = Counter[str]()
    dyad = Counter[str]()
    for g in gold:
        if not labels(g.events, key):
            continue  # records without a gold label are not part of the label scores
        gold_labels, pred_labels = labels(g.events, key), labels(claims[g.id], key)
        pair.update(pred=len(pred_labels), gold=len(gold_labels), tp=len(gold_labels & pred_labels))
        scored = [c for c in claims[g.id] if c.label(key)]
        dyad.update(pred=len(scored), gold=len(g.events))
        dyad["tp_p"] += sum(any(matches(c, ge, key) for ge in g.events) for c in scored)
        dyad["tp_r"] += sum(any(matches(c, ge, key) for c in scored) for ge in g.events)
    type_prf = PRF.from_counts(pair["tp"], pair["pred"], pair["tp"], pair["gold"])
    dyad_prf = PRF.from_counts(dyad["tp_p"], dyad["pred"], dyad["tp_r"], dyad["gold"])
    return type_prf, dyad_prf


def per_type_scores(gold: Sequence[GoldRecord], claims: ClaimsById) -> dict[str, PRF]:
    """P/R/F1 of each PLOVER type over (record, type) pairs, on records whose gold has events."""
    counts: dict[str, Counter[str]] = {}
    for g in gold:
        if not g.events:
            continue
        gold_types, pred_types = labels(g.events), labels(claims[g.id])
        for plover in gold_types | pred_types:
            tally = counts.setdefault(plover, Counter())
            tally.update(gold=int(plover in gold_types), pred=int(plover in pred_types))
            tally["tp"] += plover in gold_types and plover in pred_types
    return {
        plover: PRF.from_counts(c["tp"], c["pred"], c["tp"], c["gold"])
        for plover, c in sorted(counts.items())
    }


def confusion(gold: Sequence[GoldRecord], claims: ClaimsById) -> dict[tuple[str, str], int]:
    """(gold type, predicted type) counts on records with exactly one gold type.

    Only single-type records are unambiguous: with two gold types we could not tell which
    one a wrong prediction was meant to be. A record coded with nothing counts as ``(none)``.
    """
    table: Counter[tuple[str, str]] = Counter()
    for g in gold:
        gold_types = labels(g.events)
        if len(gold_types) != 1:
            continue
        (gold_type,) = gold_types
        for pred_type in labels(claims[g.id]) or {NOTHING}:
            table[gold_type, pred_type] += 1
    return dict(table)


def worst_misses(gold: Sequence[GoldRecord], claims: ClaimsById, limit: int) -> tuple[Miss, ...]:
    """The records with the most type errors (missed plus spurious), worst first."""
    found = []
    for g in gold:
        gold_types, pred_types = labels(g.events), labels(claims[g.id])
        errors = len(gold_types ^ pred_types)
        if errors:
            found.append(Miss(g.id, g.text, tuple(sorted(gold_types)), tuple(sorted(pred_types)), errors))
    found.sort(key=lambda m: (-m.errors, m.id))
    return tuple(found[: max(limit, 0)])
