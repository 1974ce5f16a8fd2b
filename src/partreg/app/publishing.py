"""Publish the site: the register's pages, index, Markdown, open data, change feed and the
statutory exports it carries, written into the site's folder all at once or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from partreg.app.register import open_register, register_settings
from partreg.changes import PublicChange, atom_feed, register_changes
from partreg.errors import PartregError
from partreg.files import make_folder, one_writer
from partreg.folders import REGISTER_DIR, listed_files, package_templates
from partreg.history import NotInGit, folder_revisions, in_git, last_changed
from partreg.models import Settings
from partreg.opendata import SiteExport, site_exports
from partreg.pageview import change_views
from partreg.problems import Problem
from partreg.render import Publication, publication
from partreg.rendering import Rendered, discard, publish, render_files
from partreg.site import Site, check_site, open_site
from partreg.templating import template_dirs, template_failure

#: What each ``--format`` publishes.
FORMATS = {
    "html": ("html", "data"),
    "markdown": ("markdown", "data"),
    "all": ("html", "markdown", "data"),
}


class Watcher(Protocol):
    """What publishing tells its caller as it goes."""

    def warn(self, line: str) -> None:
        """A line about the site's folder."""

    def counter(self, total: int) -> AbstractContextManager[Callable[[int], None]]:
        """A function to call with how many more of ``total`` files are done."""

    def left_out(self, problems: list[Problem], where: str) -> None:
        """The files left out ``where`` (of the register, or of the published register)."""


class Quiet:
    """A watcher that is told nothing."""

    def warn(self, line: str) -> None:
        pass

    @contextlib.contextmanager
    def counter(self, total: int) -> Iterator[Callable[[int], None]]:
        yield lambda done: None

    def left_out(self, problems: list[Problem], where: str) -> None:
        pass


@dataclass
class Published:
    """A site published: the files written, a line for each earlier file left in place, lines
    about the exports the site carries, and whether it has a change feed."""

    settings: Settings
    written: list[str]
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    feed: bool = False
    #: The files of arrangements published with values set aside as wrong (``partreg lint`` names
    #: each value), in file order.
    set_aside: list[str] = field(default_factory=list)


def publish_site(
    base: Path,
    out: Path,
    today: dt.date,
    *,
    output: str = "all",
    allow_incomplete: bool = False,
    force: bool = False,
    jobs: int | None = None,
    home: Path | None = None,
    watch: Watcher | None = None,
) -> Published:
    """Publish the register at ``base`` into ``out`` as of ``today``, in ``output`` (html,
    markdown or all). Where a file cannot be read, nothing is published, unless
    ``allow_incomplete``; ``force`` publishes into a folder holding files partreg did not write;
    ``home`` (the home folder) is one the site may not be written into, nor above."""
    watch = watch or Quiet()
    settings = register_settings(base)
    site = open_site(out)
    if site.warning:
        watch.warn(site.warning)
    check_site(site, root=base, home=home, force=force)
    make_folder(site.out)
    extra, notes = _site_exports(base, settings, today)
    changes, feed = _changes(base, settings, today)
    with one_writer(site.out):  # one render into a folder at a time
        try:
            pub = publication(
                settings,
                today,
                template_dirs(base, package_templates()),
                FORMATS[output],
                history=change_views(changes),
                feed=feed,
                extra=extra,
            )
            listed = listed_files(base)
            with watch.counter(len(listed)) as advance:
                rendered = render_files(list(listed), base, pub, site.out, jobs=jobs, progress=advance)
            rendered.unreadable += listed.left_out(base, settings.ignore)  # (in folders in register/)
            written, kept = _publish_rendered(rendered, pub, site, allow_incomplete, watch)
        except Exception as e:  # the register's own templates are the user's: a clear line, not a traceback
            failure = template_failure(e)
            if failure is None:
                raise
            raise PartregError(
                f"{failure.replace(str(base) + os.sep, '')}; nothing was published: fix the template "
                "(or remove it, to use partreg's own)"
            ) from None
    return Published(settings, written, kept, notes, bool(feed), rendered.set_aside)


def _publish_rendered(
    rendered: Rendered, pub: Publication, site: Site, allow_incomplete: bool, watch: Watcher
) -> tuple[list[str], list[str]]:
    """Publish what was rendered (``rendering.publish``): the files of the site, and a line for each
    earlier file left in place. Where a file could not be read, nothing is, unless ``allow_incomplete``."""
    try:
        left_out = rendered.left_out
        if left_out and not allow_incomplete:
            watch.left_out(left_out, "of the register")
            raise PartregError(
                f"nothing was published: {site.shown}/ is as it was. Fix the files above, "
                "or publish the rest with --allow-incomplete (the page then says how many are left out)"
            )
        watch.left_out(left_out, "of the published register")
        return publish(rendered, pub, site, left_out=len(left_out))
    finally:
        discard(rendered)


def _changes(base: Path, settings: Settings, today: dt.date) -> tuple[dict[str, list[PublicChange]], str]:
    """Each arrangement's public changes and the change feed; ``({}, "")`` outside git."""
    if not in_git(base):
        return {}, ""
    changes = public_changes(base, settings)
    midnight = f"{today.isoformat()}T00:00:00+00:00"
    return changes, atom_feed(changes, settings, updated=midnight, base_url=settings.publish.url)


def public_changes(base: Path, settings: Settings) -> dict[str, list[PublicChange]]:
    """Each arrangement's public changes in the register's git history, newest first, by id; ``{}``
    outside git or without git (the caller says so). A few git processes read it all, however
    long the history."""
    try:
        with contextlib.closing(folder_revisions(base, REGISTER_DIR, settings.max_file_bytes)) as revisions:
            return register_changes(revisions, settings)
    except NotInGit:
        return {}


def _site_exports(base: Path, settings: Settings, today: dt.date) -> tuple[list[SiteExport], list[str]]:
    """The statutory exports the site carries (where partreg.yaml has an exports section), and what
    render says of them."""
    if "exports" not in settings.model_fields_set:
        return [], []
    register = open_register(base, rules=False)  # the files left out are named by the render itself
    return site_exports(register.entries, settings, last_changed(base, precise=True), today)
