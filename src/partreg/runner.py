"""Lint many files: in this process for a council's register, across processes for thousands.

The result is the same either way, file by file and in file order (a test
checks it): workers read and lint their share of the files, and this process
keeps the one thing that needs every file, the ids seen so far.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from partreg.lint import Ids, Linter, Problem, duplicate_problem, run
from partreg.models import Settings
from partreg.rules import ALL
from partreg.store import DEFAULT_MAX_BYTES, iter_documents, read_document

#: Below this many files, starting worker processes costs more than it saves (measured by `make bench`).
PARALLEL_FROM = 1000
_CHUNK = 250

# A worker's share of the job, set in the parent before the pool forks.
_job: tuple[Path, Settings | None, dt.date | None] | None = None


def jobs_for(files: int, jobs: int | None) -> int:
    """How many processes to use: ``jobs`` if given, else all CPUs for a large run, else one."""
    if jobs is not None:
        return max(1, jobs)
    if files < PARALLEL_FROM:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def lint_files(
    paths: Sequence[Path],
    base: Path,
    settings: Settings | None,
    today: dt.date | None,
    *,
    jobs: int | None = None,
) -> Iterator[list[Problem]]:
    """Each file's problems, in the order of ``paths``."""
    processes = jobs_for(len(paths), jobs)
    if processes == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for _, _, problems in run(settings, iter_documents(paths, base, _limit(settings)), ALL, today):
            yield problems
        return

    global _job
    _job = (base, settings, today)
    ids = Ids()
    chunks = [paths[i : i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for chunk, results in zip(chunks, pool.imap(_lint_chunk, chunks), strict=True):
            for path, (display, entry_id, problems) in zip(chunk, results, strict=True):
                if entry_id is not None:
                    first = ids.duplicate(entry_id, display)
                    if first is not None:  # rare: read the file again here for the position of its id
                        problems = sorted(
                            [*problems, duplicate_problem(read_document(path, display), entry_id, first)]
                        )
                yield problems


def _limit(settings: Settings | None) -> int:
    return settings.max_file_bytes if settings else DEFAULT_MAX_BYTES


def _lint_chunk(paths: Sequence[Path]) -> list[tuple[str, str | None, list[Problem]]]:
    assert _job is not None
    base, settings, today = _job
    linter = Linter(settings, ALL, today)
    out = []
    for doc, file_id in iter_documents(paths, base, _limit(settings)):
        entry, problems = linter.check(doc, file_id)
        out.append((doc.display, entry.id if entry is not None else None, problems))
    return out
