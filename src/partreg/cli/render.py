"""``partreg render``: the site published (``partreg.app.publishing``), with a progress bar and
what the officer needs to know of it."""

import contextlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partreg import report
from partreg.app.publishing import publish_site
from partreg.cli.common import root_of, say_left_out
from partreg.cli.framework import AsOfOption, Command, JobsOption, RootOption, command_set, help_for
from partreg.files import WRITTEN
from partreg.models import Settings, visible
from partreg.problems import Problem
from partreg.render import FEED

commands = command_set()


class RenderFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    all = "all"


class _Said:
    """Publishing's news, said on stderr as it comes."""

    def warn(self, line: str) -> None:
        report.error(line)

    @contextlib.contextmanager
    def counter(self, total: int) -> Iterator[Callable[[int], None]]:
        with report.counter(total, "Publishing", enabled=True) as advance:
            yield advance

    def left_out(self, problems: list[Problem], where: str) -> None:
        say_left_out(problems, where)


#: How many files the line about values set aside names; it says how many more there are.
SET_ASIDE_NAMED = 3


def set_aside_line(files: list[str]) -> str:
    """One line for the arrangements published with values set aside as wrong: how many, the first
    few files, and that lint shows each value (render publishes what it can read, so exits 0)."""
    n = len(files)
    named = ", ".join(files[:SET_ASIDE_NAMED]) + (
        f" and {n - SET_ASIDE_NAMED} more" if n > SET_ASIDE_NAMED else ""
    )
    return (
        f"{report.plural(n, 'arrangement')} {'was' if n == 1 else 'were'} published with values set aside "
        f"as wrong, so not shown: {named}; run `partreg lint` to see each value and how to write it"
    )


def _home() -> Path | None:
    with contextlib.suppress(RuntimeError):  # no home folder known: nothing to keep out of
        return Path.home()
    return None


@commands.command("render", cls=Command)
@help_for(
    "render",
    """
    Writes index.html, arrangements/<id>.html, register.md, register.csv and
    register.json. Only public fields are published: never `internal`, the
    fields partreg.yaml marks internal, or officers' contact details (unless
    the settings publish them). Open index.html straight from disk, or put
    the folder on any web server.

    Every entry that can be read is published, gaps shown as "Not recorded".
    A value written wrongly is set aside, not shown: render says which
    files hold one, and `partreg lint` shows each value.
    If a file cannot be read at all (or repeats another's id), nothing is
    published and the exit code is 1: the site as last published stays as
    it was. With --allow-incomplete the rest is published, and the page
    says how many files are left out.

    --out must be the site's own folder: not the register's root, nor your
    home folder or a folder above them, nor (unless --force) a folder
    holding files partreg did not write, besides .git, CNAME, .nojekyll and
    .DS_Store. render never writes through a symbolic link, and deletes
    only files it wrote that are unchanged since.

    Example: partreg render --out site
    """,
)
def render(
    out: Annotated[
        Path, typer.Option("--out", help="The folder to write the site into.", file_okay=False)
    ] = Path("site"),
    output: Annotated[
        RenderFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="html (pages), markdown (register.md), or all."
        ),
    ] = RenderFormat.all,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            help="Publish even when some files cannot be read: the page says how many are left out.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Publish into a folder holding files partreg did not write: they stay, unless partreg "
            "writes a file of the same name.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    jobs: JobsOption = None,
    root: RootOption = None,
) -> None:
    published = publish_site(
        root_of(root),
        out,
        as_of or date.today(),
        output=output.value,
        allow_incomplete=allow_incomplete,
        force=force,
        jobs=jobs,
        home=_home(),
        watch=_Said(),
    )
    # (said where what follows cannot be written: the site is in place, its own files not named)
    WRITTEN[:] = [*(p for p in WRITTEN if out.resolve() not in p.resolve().parents), out]
    for line in published.kept:
        report.error(line)
    for line in published.notes:
        report.error(visible(line))
    if published.set_aside:
        report.error(set_aside_line(published.set_aside))
    written = published.written
    pages = sum(name.startswith("arrangements/") for name in written)
    typer.echo(visible(f"Wrote {len(written)} files to {out}/ ({report.plural(pages, 'arrangement page')})."))
    if not published.feed:
        typer.echo(
            f"No change feed ({FEED}): the register is not in a git repository, where its changes are kept."
        )
    for line in _settings_notes(published.settings, written):
        typer.echo(line)
    if "index.html" in written:
        typer.echo(f"Open {(out / 'index.html').resolve().as_uri()} in a browser.")


def _settings_notes(settings: Settings, written: Iterable[str]) -> Iterator[str]:
    """What the settings leave the published site without, where the council may not know it."""
    if "accessibility.html" in written and not settings.publish.accessibility.contact:
        yield (
            "The accessibility statement names no contact: set publish.accessibility.contact in partreg.yaml "
            "(an email address, phone number or web page)."
        )
    chosen = settings.publish.columns or ()
    if "review" in settings.internal_fields and {"last-review", "next-review"} & set(chosen):
        yield (
            "The review columns named in publish.columns are left out: internal_fields keeps review internal, "
            "so the page says nothing of reviews."
        )
