"""What every quality gate checks, written once: no record failed to code, and no figure
fell below its floor (the message lists every figure, so a CI log shows the whole picture)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.evaluate.baseline import below_floor
from eventwire.records import CodedArticle


def assert_gate(
    label: str, figures: Mapping[str, float], floors: Mapping[str, float], coded: Sequence[CodedArticle]
) -> None:
    assert not [c.article.id for c in coded if c.error], f"{label}: gold records failed to code"
    failures = below_floor(figures, floors)
    report = ", ".join(f"{k}={v:.3f}" for k, v in sorted(figures.items()))
    assert not failures, f"{label}: quality gate failed: {'; '.join(failures)}\nmeasured: {report}"
