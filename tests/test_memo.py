"""The bounded memo that the gazetteer and the fuzzy country spellings keep their answers in."""

from eventwire.memo import BoundedMemo


def test_an_answer_is_worked_out_once_and_kept() -> None:
    asked: list[str] = []
    memo: BoundedMemo[str, int] = BoundedMemo(size=10)

    def length_of(word: str) -> int:
        asked.append(word)
        return len(word)

    assert memo.get("Kherson", lambda: length_of("Kherson")) == 7
    assert memo.get("Kherson", lambda: length_of("Kherson")) == 7
    assert asked == ["Kherson"]


def test_a_full_memo_forgets_everything_before_keeping_the_next_answer() -> None:
    memo: BoundedMemo[int, int] = BoundedMemo(size=3)
    for n in range(3):
        memo.get(n, lambda n=n: n * n)
    assert len(memo) == 3
    assert memo.get(7, lambda: 49) == 49
    assert len(memo) == 1  # the three earlier answers were dropped, the new one kept
    assert memo.get(0, lambda: -1) == -1  # asked again, worked out again
