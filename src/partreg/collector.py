"""Python's cycle collector paused while one file is read and checked: the objects a file makes
hold no cycles, and collecting while they are made cost half the time of a large file."""

from __future__ import annotations

import gc
from types import TracebackType


class CollectorPaused:
    """Python's cycle collector paused, for the work on one file: a megabyte of YAML makes up to a
    million objects and no cycle, and the collector walked them again and again as they were
    made, half the time or more (a megabyte of partners: 3.5 s, and 1.8 s paused).

    A class, not a generator made a context manager: it is entered two or three times for each file,
    and a generator's took a microsecond more each time."""

    __slots__ = ("_collecting",)

    def __enter__(self) -> None:
        self._collecting = gc.isenabled()
        gc.disable()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._collecting:
            gc.enable()


#: ``with collector_paused(): ...``
collector_paused = CollectorPaused
