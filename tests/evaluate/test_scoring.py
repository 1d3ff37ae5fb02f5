"""Scoring on tiny hand-made gold/prediction pairs whose figures can be worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.evaluate.gold import Claim, gold_record
from eventwire.evaluate.scoring import NOTHING, PRF, matches, score
from eventwire.records import Actor, Article, CodedArticle, Event, Span


def gold(rid: str, *events: tuple[str, list[str], list[str]], note: str | None = None) -> Any:
    rows = [{"plover": p, "source": s, "target": t} for p, s, t in events]
    return gold_record({"id": rid, "text": f"text of {rid}", "events": rows, "note": note})


def pred(*events: tuple[str, list[str], list[str]], negated: bool = False) -> dict[str, Any]:
    def side(codes: list[str]) -> list[dict[str, str]]:
        return [{"text": c, "country": c} for c in codes]

    return {
        "events": [
            {"plover": p, "cameo": "010", "source": side(s), "target": side(t), "negated": negated}
            for p, s, t in events
        ]
    }


def test_perfect_prediction() -> None:
    golds = [gold("a", ("ASSAULT", ["RUS"], ["UKR"])), gold("b", ("CONSULT", ["FRA"], ["DEU"]))]
    preds = {"a": pred(("ASSAULT", ["RUS"], ["UKR"])), "b": pred(("CONSULT", ["FRA"], ["DEU"]))}
    result = score(golds, preds)
    assert result.type == PRF(1.0, 1.0, 1.0, 2, 2)
    assert result.dyad == PRF(1.0, 1.0, 1.0, 2, 2)
    assert result.silent == 0.0
    assert result.misses == ()


def test_type_and_dyad_worked_example() -> None:
    # a: right type, wrong target -> type hit, dyad miss.
    # b: two gold types, one predicted plus a spurious one.
    # c: nothing predicted.
    golds = [
        gold("a", ("ACCUSE", ["USA"], ["CHN"])),
        gold("b", ("CONSULT", ["IND"], ["PAK"]), ("AGREE", ["IND"], ["PAK"])),
        gold("c", ("PROTEST", ["KEN"], [])),
    ]
    preds = {
        "a": pred(("ACCUSE", ["USA"], ["JPN"])),
        "b": pred(("CONSULT", ["PAK"], ["IND"]), ("THREATEN", ["IND"], ["PAK"])),
        "c": pred(),
    }
    result = score(golds, preds)
    # pairs: predicted {ACCUSE}, {CONSULT, THREATEN}, {} -> 3; gold 1 + 2 + 1 = 4; hits 2.
    assert result.type == PRF.from_counts(2, 3, 2, 4)
    assert (result.type.p, result.type.r) == (0.667, 0.5)
    # dyad: nothing matches; a's target is wrong and b's CONSULT has its sides swapped.
    assert result.dyad == PRF.from_counts(0, 3, 0, 4)
    assert result.silent == round(1 / 3, 3)


@pytest.mark.parametrize(
    ("gold_sides", "pred_sides", "expected"),
    [
        ((["RUS"], ["UKR"]), (["RUS"], ["UKR"]), True),
        ((["RUS"], ["UKR"]), (["RUS", "BLR"], ["UKR"]), True),  # overlap is enough
        ((["RUS"], ["UKR"]), (["UKR"], ["RUS"]), False),  # sides swapped
        (([], ["UKR"]), (["POL"], ["UKR"]), True),  # empty gold side matches anything
        (([], []), ([], []), True),
        ((["RUS"], []), ([], []), False),  # gold names a source, prediction has none
    ],
)
def test_dyad_match(
    gold_sides: tuple[list[str], list[str]], pred_sides: tuple[list[str], list[str]], expected: bool
) -> None:
    g = Claim("ASSAULT", None, frozenset(gold_sides[0]), frozenset(gold_sides[1]))
    p = Claim("ASSAULT", None, frozenset(pred_sides[0]), frozenset(pred_sides[1]))
    assert matches(p, g) is expected
    assert matches(Claim("COERCE", None, p.source, p.target), g) is False


def test_negated_events_are_not_claims() -> None:
    golds = [gold("a", note="negated")]
    result = score(golds, {"a": pred(("ASSAULT", ["ISR"], ["LBN"]), negated=True)})
    assert result.false_alarms == 0
    assert result.silent == 1.0
    spurious = score(golds, {"a": pred(("ASSAULT", ["ISR"], ["LBN"]))})
    assert spurious.false_alarms == 1
    assert spurious.figures()["eventless_clean"] == 0.0


def test_eventless_records_do_not_enter_type_scores() -> None:
    # The shared scorer leaves records without gold events out of type/dyad; so do we.
    golds = [gold("a", ("AID", ["JPN"], ["PHL"])), gold("b")]
    preds = {"a": pred(("AID", ["JPN"], ["PHL"])), "b": pred(("AID", ["JPN"], ["PHL"]))}
    result = score(golds, preds)
    assert result.type.p == 1.0
    assert (result.eventless, result.false_alarms) == (1, 1)
    assert [m.id for m in result.misses] == ["b"]


def test_per_type_scores() -> None:
    golds = [
        gold("a", ("SANCTION", ["USA"], ["IRN"])),
        gold("b", ("SANCTION", ["GBR"], ["RUS"])),
        gold("c", ("COERCE", ["CHN"], [])),
    ]
    preds = {
        "a": pred(("SANCTION", ["USA"], ["IRN"])),
        "b": pred(("COERCE", ["GBR"], ["RUS"])),
        "c": pred(("COERCE", ["CHN"], [])),
    }
    per_type = score(golds, preds).per_type
    assert per_type["SANCTION"] == PRF.from_counts(1, 1, 1, 2)
    assert per_type["COERCE"] == PRF.from_counts(1, 2, 1, 1)
    assert set(per_type) == {"SANCTION", "COERCE"}


def test_per_type_counts_are_integers_for_a_type_seen_once() -> None:
    # A type met in one record only used to keep its counts as booleans ("n_pred": true in JSON).
    aid = ("AID", ["JPN"], ["TUR"])
    prf = score([gold("a", aid)], {"a": pred(aid)}).per_type["AID"]
    assert (type(prf.n_pred), type(prf.n_gold)) == (int, int)


def test_confusion_only_on_single_type_records() -> None:
    golds = [
        gold("a", ("REQUEST", ["EGY"], ["ISR"])),
        gold("b", ("REQUEST", ["QAT"], [])),
        gold("c", ("REJECT", ["IRN"], ["USA"]), ("ACCUSE", ["IRN"], ["USA"])),
    ]
    preds = {"a": pred(("THREATEN", ["EGY"], ["ISR"])), "b": pred(), "c": pred(("REJECT", ["IRN"], []))}
    assert score(golds, preds).confusion == {("REQUEST", "THREATEN"): 1, ("REQUEST", NOTHING): 1}


def test_worst_misses_are_sorted_and_limited() -> None:
    golds = [
        gold("a", ("AGREE", ["BRA"], ["ARG"])),
        gold("b", ("AGREE", ["BRA"], ["ARG"]), ("SUPPORT", ["BRA"], ["ARG"])),
        gold("c", ("AID", ["NOR"], [])),
    ]
    preds = {"a": pred(("AGREE", ["BRA"], ["ARG"])), "b": pred(("THREATEN", [], [])), "c": pred()}
    misses = score(golds, preds, misses=5).misses
    assert [(m.id, m.errors) for m in misses] == [("b", 3), ("c", 1)]
    assert misses[0].gold == ("AGREE", "SUPPORT") and misses[0].predicted == ("THREATEN",)
    assert len(score(golds, preds, misses=1).misses) == 1


def test_missing_predictions_count_as_silent() -> None:
    result = score([gold("a", ("MOBILIZE", ["PRK"], []))], {})
    assert result.missing_records == 1
    assert result.silent == 1.0
    assert result.type.r == 0.0


def test_coded_articles_score_like_contract_dicts() -> None:
    event = Event(
        plover="RETREAT",
        cameo="0874",
        sentence=0,
        trigger=Span("withdrew", 10, 18),
        source=(Actor(text="Armenia", country="ARM"),),
        target=(Actor(text="Azerbaijan", country="AZE"),),
    )
    coded = CodedArticle(article=Article(text="x", id="a"), events=(event,))
    golds = [gold("a", ("RETREAT", ["ARM"], ["AZE"]))]
    assert score(golds, {"a": coded}) == score(golds, {"a": coded.to_contract_dict()})
    assert score(golds, {"a": coded}).dyad.f1 == 1.0


def test_cameo_root_scores_only_when_gold_has_cameo() -> None:
    row = {
        "id": "a",
        "text": "t",
        "events": [{"plover": "ASSAULT", "cameo": "190", "source": [], "target": []}],
    }
    with_cameo = score([gold_record(row)], {"a": {"events": [{"plover": "ASSAULT", "cameo": "193"}]}})
    assert with_cameo.root == PRF(1.0, 1.0, 1.0, 1, 1)
    assert score([gold("b", ("ASSAULT", [], []))], {}).root is None


def test_figures_names() -> None:
    figures = score([gold("a", ("AID", [], []))], {"a": pred(("AID", [], []))}).figures()
    assert {"type_p", "type_r", "type_f1", "dyad_p", "dyad_r", "dyad_f1", "silent"} <= set(figures)
    assert figures["type_f1"] == 1.0
