"""The choice a mistyped word most likely stands for: one job, shared by lint's advice, the
classifier and the commands that take an id."""

from __future__ import annotations

import difflib
import functools
import heapq
from collections import Counter
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely stands for: one that ``word`` begins (an id typed in part),
    else the closest spelling; ``None`` where none is close."""
    # a frozenset (a register's ids) is its own key: it keeps its hash, where a tuple of 10,000 ids
    # made and hashed for each call cost more than the rest of the file's check
    return _closest(word, choices if isinstance(choices, frozenset) else tuple(choices))


@functools.lru_cache(maxsize=4096)
def _closest(word: str, options: tuple[str, ...] | frozenset[str]) -> str | None:
    # a fuzzy match against every field costs more than the rest of a file's check, and a register
    # repeats its misspellings from file to file
    starts = [c for c in options if c.startswith(word)] if len(word) >= 3 else []
    close = starts if len(starts) == 1 else close_matches(word, options, 1, 0.6)
    return close[0] if close else None


@functools.lru_cache(maxsize=4096)
def close_matches(
    word: str, options: tuple[str, ...] | frozenset[str], n: int = 3, cutoff: float = 0.6
) -> tuple[str, ...]:
    """``difflib.get_close_matches``, remembered (the same word among the same options is looked up
    once a run), and with the same answer found sooner among many options: the full comparison is
    made best bound first (of equal bounds, the greater word first, as difflib breaks ties), and
    stops where no option left could be among the best ``n``.

    Options that ``word`` begins are compared first (the shortest, as they score best), so that an
    id typed in part among thousands that begin with it ("leisure-trust" among "leisure-trust-00001"
    ...) sets the bar before the scan: an option whose length alone keeps it below the bar is then
    passed over without counting its letters, the cost of a scan of 10,000 ids."""
    if n <= 0 or not 0.0 <= cutoff <= 1.0:  # as difflib refuses them
        raise ValueError(f"n must be > 0 and cutoff in [0.0, 1.0]: {n!r}, {cutoff!r}")
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: list[tuple[float, str]] = []  # the best n so far, the least first

    def compare(option: str) -> None:
        matcher.set_seq1(option)
        if (score := matcher.ratio()) >= cutoff:
            (heapq.heappush if len(best) < n else heapq.heappushpop)(best, (score, option))

    def below(bound: float, option: str) -> bool:
        """No option whose ratio is at most ``bound`` can be among the best ``n``."""
        return bound < cutoff or (len(best) == n and (bound, option) < best[0])

    seeds = heapq.nsmallest(n, ((len(o), _Greater(o)) for o in options if o.startswith(word)))
    compared = Counter(str(o) for _, o in seeds)  # (an option given twice may be among the best twice)
    for option in compared.elements():
        compare(option)
    length = len(word)
    letters = tuple(Counter(word).items())
    bounded = []
    for option in options:
        total = length + len(option)
        if compared and compared[option]:  # compared already, as a seed
            compared[option] -= 1
            continue
        if not total:  # (two empty words: difflib's ratio is 1)
            bounded.append((1.0, option))
            continue
        # difflib's real_quick_ratio, from the lengths alone, then its quick_ratio, from the letters the
        # two share (counted here by str.count, in C, at a third of difflib's cost)
        if below(2.0 * min(length, len(option)) / total, option):
            continue
        bound = 2.0 * sum(min(option.count(c), k) for c, k in letters) / total
        if not below(bound, option):
            bounded.append((bound, option))
    bounded.sort(reverse=True)
    for bound, option in bounded:
        if below(bound, option):
            break  # a ratio is never above its bound, and a tie goes to the greater word: none left can win
        compare(option)
    return tuple(option for _, option in sorted(best, reverse=True))


class _Greater(str):
    """A word that sorts before another where it is the greater: of options that score the same, the
    greater is difflib's choice."""

    __slots__ = ()

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the choice ``word`` most likely stands for (:func:`closest`), or ``""``."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
