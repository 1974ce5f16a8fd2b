"""Work on many files: in this process for a council's register, across processes for thousands;
and the lint of many files, on it (a render's is :mod:`partreg.rendering`).

The result is the same either way, file by file and in file order (tests
check it, for lint and for render): workers read their share of the files
and do the work of each, and this process keeps what needs every file: the
ids seen so far, and the parts of the site's index.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from partreg.documents import iter_documents
from partreg.lint import Ids, Linter, duplicate_problem, owns, run
from partreg.models import Settings, build_validators
from partreg.problems import Problem
from partreg.rules import ALL
from partreg.yaml.reading import DEFAULT_MAX_BYTES, read_document

#: Below this many files, starting worker processes costs more than it saves (measured by `make bench`).
PARALLEL_FROM = 1000
#: Files a worker takes at a time: enough to be worth sending, few enough that every worker stays busy.
_CHUNK = 250
_MIN_CHUNK = 25

T = TypeVar("T")

#: In a worker process only, the work it was started to do on each chunk, and the paths the chunks
#: are taken from (set once, by the pool's initializer, as the process starts; this process never
#: sets them).
_work: Callable[[Sequence[Path]], list[Any]] | None = None
_paths: Sequence[Path] = ()


def jobs_for(files: int, jobs: int | None, parallel_from: int = PARALLEL_FROM) -> int:
    """How many processes to use: ``jobs`` if given (at most one a CPU, and one a file: more would
    only wait for each other), else all CPUs for a large run, else one."""
    cpus = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    if jobs is not None:
        return max(1, min(jobs, cpus, files))
    if files < parallel_from:
        return 1
    return cpus


def by_chunk(
    work: Callable[[Sequence[Path]], list[T]],
    paths: Sequence[Path],
    jobs: int | None,
    parallel_from: int = PARALLEL_FROM,
) -> Iterator[tuple[Sequence[Path], list[T]]]:
    """``work`` done on each chunk of ``paths``, in order: here, or in forked worker processes,
    each handed ``work`` and ``paths`` once as it starts (inherited, not pickled: the fork copies
    them). A worker is sent only where its chunk starts and ends: a path sent to it was pickled here
    and made again there, about 27,000 instructions a file (3.5% of a clean file's check)."""
    processes = jobs_for(len(paths), jobs, parallel_from)
    size = max(_MIN_CHUNK, min(_CHUNK, -(-len(paths) // (processes * 8))))  # about 8 chunks a worker
    bounds = [(i, min(i + size, len(paths))) for i in range(0, len(paths), size)]
    if processes > 1:
        import multiprocessing  # here: a council's register, linted in this process, does without it

        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            with context.Pool(processes, initializer=_start_worker, initargs=(work, paths)) as pool:
                for (start, end), results in zip(bounds, pool.imap(_worker_chunk, bounds), strict=True):
                    yield paths[start:end], results
            return
    for start, end in bounds:
        chunk = paths[start:end]
        yield chunk, work(chunk)


def _start_worker(work: Callable[[Sequence[Path]], list[Any]], paths: Sequence[Path]) -> None:
    """Run in each worker process as it starts: the work it will do on every chunk it is sent, and
    the paths its chunks are of."""
    global _work, _paths
    _work, _paths = work, paths


def _worker_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _work is not None, "called only in a worker process the pool started"
    return _work(_paths[bounds[0] : bounds[1]])


def file_limit(settings: Settings | None) -> int:
    return settings.max_file_bytes if settings else DEFAULT_MAX_BYTES


# --------------------------------------------------------------------------- lint


def lint_files(
    paths: Sequence[Path],
    base: Path,
    settings: Settings | None,
    today: dt.date | None,
    *,
    jobs: int | None = None,
    known: frozenset[str] | None = None,
) -> Iterator[list[Problem]]:
    """Each file's problems, in the order of ``paths``; ``known`` is the register's ids, for the
    rules about references between entries (``None``: not checked)."""
    if jobs_for(len(paths), jobs) == 1:
        for _, _, problems in run(
            settings, iter_documents(paths, base, file_limit(settings)), ALL, today, known
        ):
            yield problems
        return

    build_validators()  # once, before the workers fork, rather than in each of them
    ids = Ids[str](owns)
    for chunk, results in by_chunk(_LintChunks(base, settings, today, known), paths, jobs):
        assert len(chunk) == len(results), "a worker gives each file of its chunk its result"
        for i, (display, entry_id, problems) in enumerate(results):
            if entry_id is not None:
                first = ids.duplicate(entry_id, display)
                if first is not None:  # rare: read the file again here for the position of its id
                    problems = sorted(
                        [*problems, duplicate_problem(read_document(chunk[i], display), entry_id, first)]
                    )
            yield problems


@dataclass(frozen=True)
class _LintChunks:
    """A lint's work on each chunk of files: each file's display name, its id if read, its problems."""

    base: Path
    settings: Settings | None
    today: dt.date | None
    known: frozenset[str] | None

    def __call__(self, paths: Sequence[Path]) -> list[tuple[str, str | None, list[Problem]]]:
        linter = Linter(self.settings, ALL, self.today, self.known)
        out = []
        for doc, file_id in iter_documents(paths, self.base, file_limit(self.settings)):
            entry, problems = linter.check(doc, file_id)
            out.append((doc.display, entry.id if entry is not None else None, problems))
        return out
