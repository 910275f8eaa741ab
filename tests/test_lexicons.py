from __future__ import annotations

from kroniek.lexicons import Memo


def test_a_memo_computes_a_key_once_and_forgets_everything_past_its_size() -> None:
    calls: list[str] = []
    memo: Memo[str, int] = Memo(2)
    length = lambda w: calls.append(w) or len(w)
    assert memo.get_or("ab", length) == 2 and memo.get_or("ab", length) == 2 and calls == ["ab"]
    memo.get_or("abc", length)
    memo.get_or("abcd", length)  # the third key: the first two are forgotten
    assert list(memo) == ["abcd"]
