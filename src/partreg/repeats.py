"""How many problems of one rule at one place a file reports one by one: past that many, one
more problem stands for the rest and says how many there are. The schema's problems, the
rules' and the syntax's are all counted so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from partreg.problems import Key, Problem

#: How many problems of one rule at one place in the format (each partner's `name`, the keys of
#: `lead`) a file reports one by one; the next one also says how many more there are. A file with
#: more was generated, not typed, and each problem costs a position and a fix (40,000 unknown keys
#: took a minute and a half to lint, most of it suggesting a spelling for each).
SAME_PROBLEMS_SHOWN = 20


def more_like_it(more: int, where: str = "", what: str = "like it") -> str:
    """What a problem that stands for ``more`` others adds to its message: `` (and 9 more like it,
    not shown one by one)``; nothing where there are none."""
    return f" (and {more:,} more {what}{where}, {NOT_SHOWN}" if more else ""


#: How a message that stands for others ends (:func:`stands_for_more` looks for it).
NOT_SHOWN = "not shown one by one)"


def stands_for_more(problem: Problem) -> bool:
    """Whether ``problem`` stands for more of its rule than are shown (so one on any line may be
    among those only counted)."""
    return problem.message.endswith(NOT_SHOWN)


def place_of(key: Key) -> str:
    """Where ``key`` is in the format, whichever item of a list it is in: ``partners[*].name``."""
    out = ""
    for part in key:
        out += "[*]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Repeats:
    """Counts a file's problems by rule and place: the first ``SAME_PROBLEMS_SHOWN`` of each are
    shown, the next one stands for itself and every one after it, and those are only counted."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], int] = {}
        self._stand_ins: list[tuple[Problem, str]] = []

    def count(self, rule: str, place: str) -> int:
        """How many problems of ``rule`` at ``place`` there are, this one included."""
        n = self._seen[rule, place] = self._seen.get((rule, place), 0) + 1
        return n

    def shown(self, problem: Problem, place: str, n: int) -> bool:
        """Whether ``problem``, the ``n``-th of its rule at ``place``, is shown as it is; if not,
        it is the stand-in, kept for :meth:`stand_ins`."""
        if n > SAME_PROBLEMS_SHOWN:
            self._stand_ins.append((problem, place))
        return n <= SAME_PROBLEMS_SHOWN

    def stand_ins(self) -> Iterator[Problem]:
        """Each stand-in, saying how many more problems like it there are."""
        for problem, place in self._stand_ins:
            more = self._seen[problem.rule, place] - SAME_PROBLEMS_SHOWN - 1
            where = f" at {place}" if place else ""
            yield replace(problem, message=problem.message + more_like_it(more, where))
