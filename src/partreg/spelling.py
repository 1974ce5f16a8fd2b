"""The choice a mistyped word most likely stands for: one job, shared by lint's advice, the
classifier and the commands that take an id."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely stands for: one that ``word`` begins (an id typed in part),
    else the closest spelling; ``None`` where none is close."""
    return _closest(word, tuple(choices))


@functools.lru_cache(maxsize=4096)
def _closest(word: str, options: tuple[str, ...]) -> str | None:
    # a fuzzy match against every field costs more than the rest of a file's check, and a register
    # repeats its misspellings from file to file
    starts = [c for c in options if c.startswith(word)] if len(word) >= 3 else []
    close = starts if len(starts) == 1 else close_matches(word, options, 1, 0.6)
    return close[0] if close else None


@functools.lru_cache(maxsize=4096)
def close_matches(word: str, options: tuple[str, ...], n: int = 3, cutoff: float = 0.6) -> tuple[str, ...]:
    """``difflib.get_close_matches``, remembered (the same word among the same options is looked up
    once a run)."""
    return tuple(difflib.get_close_matches(word, options, n=n, cutoff=cutoff))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the choice ``word`` most likely stands for (:func:`closest`), or ``""``."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
