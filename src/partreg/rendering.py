"""A render of many files: each arrangement's part of the site rendered (in worker processes for
a large register, :mod:`partreg.runner`), its page staged in the output folder, then everything
published at once, or discarded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from partreg.documents import iter_documents
from partreg.export import public_entries
from partreg.files import make_staging, move, remove_staging, write_atomic
from partreg.folders import shown_as
from partreg.lint import Ids, duplicate_problem
from partreg.models import Arrangement, entry_stem, read_arrangement
from partreg.problems import Problem
from partreg.render import Part, Publication, assemble, render_part
from partreg.rules import yaml_syntax
from partreg.runner import by_chunk, file_limit
from partreg.site import PAGES, Site, expect, site_path, write_site
from partreg.templating import TemplateFailed, template_failure
from partreg.yaml.reading import Document, read_document

#: Below this many files a render stays in this process: it does more for each file than a lint,
#: so workers pay from fewer files (measured by `make bench`).
RENDER_PARALLEL_FROM = 300


@dataclass
class Rendered:
    """Every arrangement's part of the site, in file order, and what was left out."""

    parts: list[Part] = field(default_factory=list)
    #: Files that could not be read at all, each as the problem that stopped it.
    unreadable: list[Problem] = field(default_factory=list)
    #: Files whose id an earlier file has already (only the first is published), as that problem.
    duplicates: list[Problem] = field(default_factory=list)
    #: Files published with values set aside as wrong (not shown; ``lint`` says which), as shown.
    set_aside: list[str] = field(default_factory=list)

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
    ids = Ids[Path](lambda path, entry_id: entry_stem(path.name) == entry_id)
    again = set[Path]()
    for chunk, results in by_chunk(work, paths, jobs, RENDER_PARALLEL_FROM):
        for path, part in zip(chunk, results, strict=True):
            if isinstance(part, Problem):
                rendered.unreadable.append(part)
                continue
            if (first := ids.duplicate(part.row.id, path)) is not None:
                # as lint says it, at the id (the file is read again for where: rare)
                again_read = read_document(path, shown_as(path, base))
                rendered.duplicates.append(duplicate_problem(again_read, part.row.id, shown_as(first, base)))
                again.add(first)
                continue
            gone, held = ids.displaced(), ids.holder(part.row.id)
            assert held is not None  # (the id is remembered: this file's, or another's)
            if gone is None and held == path:  # the first file of its id
                _publish(rendered, part, path, base)
                continue
            # one file named by the id and one not (`CSP.yaml` beside `csp.yaml`): the one named by it
            # is published, the other left out, whichever was read first
            out_of_place, kept = (gone, path) if gone is not None else (path, held)
            again_read = read_document(out_of_place, shown_as(out_of_place, base))
            rendered.duplicates.append(duplicate_problem(again_read, part.row.id, shown_as(kept, base)))
            if gone is None:
                again.add(kept)  # this file's page, rendered after the one kept, took its place
                continue
            rendered.parts = [p for p in rendered.parts if p.row.id != part.row.id]
            rendered.set_aside = [s for s in rendered.set_aside if s != shown_as(gone, base)]
            _publish(rendered, part, path, base)
        if progress:
            progress(len(chunk))
    if again and rendered.staging is not None:
        work(sorted(again))  # a later file of the same id replaced the first one's page


def _publish(rendered: Rendered, part: Part, path: Path, base: Path) -> None:
    """``part``, of the file at ``path``, is in the site (and said, where values were set aside)."""
    rendered.parts.append(part)
    if part.set_aside:
        rendered.set_aside.append(shown_as(path, base))


def publish(
    rendered: Rendered, pub: Publication, site: Site, *, left_out: int = 0
) -> tuple[list[str], list[str]]:
    """Publish what ``render_files`` rendered into ``site``: the staged pages moved into place, then
    the index, register.md and the open data (saying that ``left_out`` files are not shown);
    returns the files of the site, and a line for each earlier file left in place
    (``site.write_site``)."""
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
        pub, staging = self.pub, self.staging
        documents = iter_documents(paths, self.base, file_limit(pub.settings))
        entries = [_entry(doc, file_id) for doc, file_id in documents]
        public = iter(public_entries([e[0] for e in entries if not isinstance(e, Problem)], pub.settings))
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
            parts.append(replace(part, set_aside=entry[1]) if entry[1] else part)
        return parts


def _entry(doc: Document, file_id: str) -> tuple[Arrangement, int] | Problem:
    """The arrangement a file holds, whatever is missing or wrong in it, and how many of its values
    were set aside as wrong (read as lint reads them: an id that is missing, and taken from the
    file's name, is no value set aside); or, where the file cannot be read at all, the problem
    that stops it."""
    if doc.problems or not isinstance(doc.data, dict):
        return doc.problems[0]
    try:
        entry, errors = read_arrangement(doc.data, file_id)
        return entry, sum(error["type"] != "missing" for error in errors)
    except RecursionError:  # values nested too deep to validate, as lint says (the reading refuses most)
        return yaml_syntax.too_deep(doc.display)
