"""Progress on stderr for a long run: a bar, shown only when asked for, when there are many
items, and when stderr is a terminal; otherwise nothing at all.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from partreg.report.text import console

T = TypeVar("T")
PROGRESS_FROM = 300


def progress(items: Iterable[T], total: int, label: str, *, enabled: bool) -> Iterator[T]:
    """``items``, with a progress bar on stderr when ``enabled``, there are many, and stderr is a terminal."""
    with counter(total, label, enabled=enabled) as advance:
        for item in items:
            yield item
            advance(1)


@contextlib.contextmanager
def counter(total: int, label: str, *, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A function to call with how many more of ``total`` are done; it moves a progress bar on
    stderr when ``enabled``, there are many, and stderr is a terminal."""
    if not enabled or total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(sys.stderr),
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.advance(task, done)
