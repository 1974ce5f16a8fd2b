"""Work on many files: in this process for a council's register, across processes for thousands.

The result is the same either way, file by file and in file order (tests
check it, for lint and for render): workers read their share of the files
and do the work of each, and this process keeps what needs every file: the
ids seen so far, and the parts of the site's index.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from partreg.documents import iter_documents
from partreg.export import public_entries
from partreg.files import make_staging, move, remove_staging, write_atomic
from partreg.folders import shown_as
from partreg.lint import Ids, Linter, duplicate_problem, run
from partreg.models import Arrangement, Settings, build_validators, read_arrangement
from partreg.problems import Problem
from partreg.rules import ALL
from partreg.site import PAGES, Site, expect, site_path, write_site
from partreg.yaml.reading import DEFAULT_MAX_BYTES, Document, read_document

if TYPE_CHECKING:  # rendering needs Jinja, which `partreg lint` should not pay to import
    from partreg.render import Part, Publication

#: Below this many files, starting worker processes costs more than it saves (measured by `make bench`);
#: rendering does more for each file than linting, so it pays from fewer.
PARALLEL_FROM = 1000
RENDER_PARALLEL_FROM = 300
#: Files a worker takes at a time: enough to be worth sending, few enough that every worker stays busy.
_CHUNK = 250
_MIN_CHUNK = 25

T = TypeVar("T")

#: In a worker process only, the work it was started to do on each chunk (set once, by the pool's
#: initializer, as the process starts; this process never sets it).
_work: Callable[[Sequence[Path]], list[Any]] | None = None


def jobs_for(files: int, jobs: int | None, parallel_from: int = PARALLEL_FROM) -> int:
    """How many processes to use: ``jobs`` if given (at most one a CPU, and one a file: more would
    only wait for each other), else all CPUs for a large run, else one."""
    cpus = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    if jobs is not None:
        return max(1, min(jobs, cpus, files))
    if files < parallel_from:
        return 1
    return cpus


def _by_chunk(
    work: Callable[[Sequence[Path]], list[T]],
    paths: Sequence[Path],
    jobs: int | None,
    parallel_from: int = PARALLEL_FROM,
) -> Iterator[tuple[Sequence[Path], list[T]]]:
    """``work`` done on each chunk of ``paths``, in order: here, or in forked worker processes,
    each handed ``work`` once as it starts (inherited, not pickled: the fork copies it)."""
    processes = jobs_for(len(paths), jobs, parallel_from)
    size = max(_MIN_CHUNK, min(_CHUNK, -(-len(paths) // (processes * 8))))  # about 8 chunks a worker
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    if processes > 1:
        import multiprocessing  # here: a council's register, linted in this process, does without it

        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            with context.Pool(processes, initializer=_start_worker, initargs=(work,)) as pool:
                yield from zip(chunks, pool.imap(_worker_chunk, chunks), strict=True)
            return
    for chunk in chunks:
        yield chunk, work(chunk)


def _start_worker(work: Callable[[Sequence[Path]], list[Any]]) -> None:
    """Run in each worker process as it starts: the work it will do on every chunk it is sent."""
    global _work
    _work = work


def _worker_chunk(paths: Sequence[Path]) -> list[Any]:
    assert _work is not None, "called only in a worker process the pool started"
    return _work(paths)


def _limit(settings: Settings | None) -> int:
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
        for _, _, problems in run(settings, iter_documents(paths, base, _limit(settings)), ALL, today, known):
            yield problems
        return

    build_validators()  # once, before the workers fork, rather than in each of them
    ids = Ids[str]()
    for chunk, results in _by_chunk(_LintChunks(base, settings, today, known), paths, jobs):
        for path, (display, entry_id, problems) in zip(chunk, results, strict=True):
            if entry_id is not None:
                first = ids.duplicate(entry_id, display)
                if first is not None:  # rare: read the file again here for the position of its id
                    problems = sorted(
                        [*problems, duplicate_problem(read_document(path, display), entry_id, first)]
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
        for doc, file_id in iter_documents(paths, self.base, _limit(self.settings)):
            entry, problems = linter.check(doc, file_id)
            out.append((doc.display, entry.id if entry is not None else None, problems))
        return out


# --------------------------------------------------------------------------- render


@dataclass
class Rendered:
    """Every arrangement's part of the site, in file order, and what was left out."""

    parts: list[Part] = field(default_factory=list)
    #: Files that could not be read at all, each as the problem that stopped it.
    unreadable: list[Problem] = field(default_factory=list)
    #: Files whose id an earlier file has already (only the first is published), as that problem.
    duplicates: list[Problem] = field(default_factory=list)

    #: Where the pages wait until they are published (``publish_pages``) or discarded.
    staging: Path | None = None

    @property
    def left_out(self) -> list[Problem]:
        return sorted([*self.unreadable, *self.duplicates])


def render_files(
    paths: Sequence[Path],
    base: Path,
    pub: Publication,
    out: Path,
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Rendered:
    """Render each arrangement's part of the site. Each page is written, not yet flushed to disk,
    by the process that rendered it, into a hidden staging folder inside ``out``
    (``Rendered.staging``): nothing the site shows changes until :func:`publish_pages` moves the
    pages into place; :func:`discard` removes them instead. The caller writes the rest
    (``render.assemble``) and flushes. ``progress`` is told how many files are done."""
    rendered = Rendered()
    pub = replace(pub, ids=frozenset(p.stem for p in paths))  # which entries' pages a page may link to
    if "html" in pub.formats:
        rendered.staging = make_staging(out)
    try:
        _render_all(rendered, _RenderChunks(base, pub, rendered.staging), paths, jobs, progress)
    except BaseException:  # a template that fails, an interrupt: the staged pages go, the site is as it was
        discard(rendered)
        raise
    return rendered


def _render_all(
    rendered: Rendered,
    work: _RenderChunks,
    paths: Sequence[Path],
    jobs: int | None,
    progress: Callable[[int], None] | None,
) -> None:
    base = work.base
    ids, again = Ids[Path](), set[Path]()
    for chunk, results in _by_chunk(work, paths, jobs, RENDER_PARALLEL_FROM):
        for path, part in zip(chunk, results, strict=True):
            if isinstance(part, Problem):
                rendered.unreadable.append(part)
            elif (first := ids.duplicate(part.row.id, path)) is not None:
                # as lint says it, at the id (the file is read again for where: rare)
                again_read = read_document(path, shown_as(path, base))
                rendered.duplicates.append(duplicate_problem(again_read, part.row.id, shown_as(first, base)))
                again.add(first)
            else:
                rendered.parts.append(part)
        if progress:
            progress(len(chunk))
    if again and rendered.staging is not None:
        work(sorted(again))  # a later file of the same id replaced the first one's page


def publish(
    rendered: Rendered, pub: Publication, site: Site, *, left_out: int = 0
) -> tuple[list[str], list[str]]:
    """Publish what ``render_files`` rendered into ``site``: the staged pages moved into place, then
    the index, register.md and the open data (saying that ``left_out`` files are not shown);
    returns the files of the site, and a line for each earlier file left in place
    (``site.write_site``)."""
    from partreg.render import assemble

    files = list(assemble(rendered.parts, pub, left_out=left_out))  # all rendered before anything is moved
    pages = [(f"{PAGES}/{part.row.id}.html", None) for part in rendered.parts if "html" in pub.formats]
    expect(site, (name for name, _ in chain(pages, files)))
    publish_pages(rendered, site)
    return write_site(site, chain(pages, files))


def publish_pages(rendered: Rendered, site: Site) -> None:
    """Move the staged pages into the site's ``arrangements/``, each in one step and never through
    a symbolic link (``site.site_path``), and remove the staging."""
    if rendered.staging is None:
        return
    for part in rendered.parts:
        move(rendered.staging / f"{part.row.id}.html", site_path(site, f"{PAGES}/{part.row.id}.html"))
    discard(rendered)


def discard(rendered: Rendered) -> None:
    """Remove the staged pages: nothing of this run reaches the site."""
    if rendered.staging is not None:
        remove_staging(rendered.staging)
        rendered.staging = None


@dataclass(frozen=True)
class _RenderChunks:
    """A render's work on each chunk of files: each arrangement's part of the site, its page
    written into ``staging`` (where there is one), or the problem that stops a file being read."""

    base: Path
    pub: Publication
    staging: Path | None

    def __call__(self, paths: Sequence[Path]) -> list[Part | Problem]:
        from partreg.render import render_part
        from partreg.templating import TemplateFailed, template_failure

        pub, staging = self.pub, self.staging
        documents = iter_documents(paths, self.base, _limit(pub.settings))
        entries = [_entry(doc, file_id) for doc, file_id in documents]
        public = iter(public_entries([e for e in entries if isinstance(e, Arrangement)], pub.settings))
        parts: list[Part | Problem] = []
        for entry in entries:
            if isinstance(entry, Problem):
                parts.append(entry)
                continue
            try:
                part = render_part(next(public), pub)
            except Exception as e:  # a register's own template failed: said where, even from a worker process
                failure = template_failure(e)
                if failure is None:
                    raise
                raise TemplateFailed(failure) from None
            if staging is not None:
                write_atomic(staging / f"{part.row.id}.html", part.page, durable=False)
                part = replace(part, page="")  # written: not sent back
            parts.append(part)
        return parts


def _entry(doc: Document, file_id: str) -> Arrangement | Problem:
    """The arrangement a file holds, whatever is missing or wrong in it; or, where the file
    cannot be read at all, the problem that stops it."""
    if doc.problems or not isinstance(doc.data, dict):
        return doc.problems[0]
    return read_arrangement(doc.data, file_id)[0]
