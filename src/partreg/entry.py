"""``partreg``, the console script: CI's ``partreg lint`` without the interactive CLI's start-up.

CI runs ``partreg lint`` in a machine format on every push, mostly on
registers of a few hundred files, where loading Typer and building its
commands took more time than the lint itself. :func:`main` reads that one
command here, with argparse, and runs it; everything else goes to the one
CLI, Typer's, in ``partreg.cli``. So does any ``lint`` that this reading does not
take exactly as Typer would: help, a mistake in the options (Typer says what
is wrong, in its words), the text format (which needs rich), a form of
option that the two parsers read differently. Tests check that both readings
give the same values wherever this one takes the arguments.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from partreg import __version__
from partreg.errors import PartregError, Stopped

if TYPE_CHECKING:
    import argparse


class LintFormat(StrEnum):
    auto = "auto"
    text = "text"
    parsable = "parsable"
    json = "json"
    github = "github"
    sarif = "sarif"


def as_of_date(value: str) -> date:
    """The day ``--as-of`` gives, written as ``review --date`` takes one (``2026-12-31``, or the UK
    way where it cannot be misread: ``31/12/2026``, ``31 December 2026``); ``ValueError`` says what is
    wrong with it."""
    from partreg.models import LAST_YEAR, parse_iso_date, read_date

    try:
        day = parse_iso_date(value)
    except ValueError:
        try:
            read = read_date(value)
        except ValueError as e:
            said = str(e)
            if "is not a real date" in said or "written month first" in said:  # 2026-02-30, 12/31/2026
                raise ValueError(said) from None
            if " (did you mean" in said:  # 01/04/2026: a day and a month either way round
                hint = said[said.index(" (did you mean") :]
                raise ValueError(
                    f"{value!r} could be read either way round: write YYYY-MM-DD{hint}"
                ) from None
            raise ValueError(f"{value!r} is not a day: write YYYY-MM-DD or DD/MM/YYYY") from None
        if read.day is None or read.month is None:
            raise ValueError(f"{value!r} is not a day: write YYYY-MM-DD or DD/MM/YYYY") from None
        day = date(read.year, read.month, read.day)
    if day.year > LAST_YEAR:
        raise ValueError(f"{value!r} is too far ahead: give a date before the year {LAST_YEAR + 1}")
    return day


def said(error: PartregError | KeyboardInterrupt) -> int:
    """A user's mistake or an interrupt as one line on stderr, never a traceback; its exit code."""
    if isinstance(error, Stopped):  # at a prompt: the ^C or ^D is on the prompt's line
        sys.stderr.write(f"\n{error}\n")
        return error.exit_code
    if isinstance(error, PartregError):
        from partreg.report import error as report_error

        report_error(str(error))
        return error.exit_code
    sys.stderr.write("partreg: stopped\n")
    return 130


def lint(
    paths: Sequence[Path] | None,
    output: LintFormat,
    strict: bool,
    as_of: date | None,
    jobs: int | None,
    root: Path | None,
) -> int:
    """``partreg lint`` once its options are read (``partreg.app.checking`` lints): problems shown in
    ``output``; the exit code."""
    from partreg import report
    from partreg.app.checking import fails, lint_paths, output_format

    interactive_text = output is LintFormat.text or (output is LintFormat.auto and sys.stdout.isatty())
    checked = lint_paths(
        paths,
        root,
        Path.cwd(),
        as_of or date.today(),
        jobs=jobs,
        watch=lambda found, total: report.progress(found, total, "Checking", enabled=interactive_text),
    )
    problems, files = checked.problems, len(checked.files)
    output = LintFormat(output_format(output, os.environ, sys.stdout.isatty()))
    if output is LintFormat.json:
        report.problems_json(problems, files, sys.stdout)
    elif output is LintFormat.parsable:
        report.problems_parsable(problems, sys.stdout)
    elif output is LintFormat.github:
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        with (
            open(summary_path, "a", encoding="utf-8") if summary_path else contextlib.nullcontext() as summary
        ):
            report.problems_github(problems, files, sys.stdout, summary, _from_workspace(os.environ))
    elif output is LintFormat.sarif:
        from partreg.rules import ALL

        report.problems_sarif(problems, ALL, __version__, sys.stdout)
    else:
        report.problems_text(problems, files, report.console())
    return 1 if fails(problems, strict) else 0


def _from_workspace(environment: Mapping[str, str]) -> str:
    """The folder lint runs in, from the root of the repository GitHub checked out
    (``$GITHUB_WORKSPACE``), where it runs below it; else ``""``."""
    workspace = environment.get("GITHUB_WORKSPACE")
    if not workspace:
        return ""
    try:
        here = os.path.relpath(os.getcwd(), os.path.realpath(workspace))
    except ValueError:  # on another drive (Windows)
        return ""
    return "" if here == "." or here.startswith("..") else here


# --------------------------------------------------------------------------- the quick reading


class _NotHere(Exception):
    """The arguments are for Typer to read: help, a mistake, or a form read differently here."""


def _lint_parser() -> argparse.ArgumentParser:
    """``partreg lint``'s options as the Typer command declares them (``partreg.cli.lint``); no help, which
    is Typer's to give. (argparse is imported here: `partreg --help` does without it.)"""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise _NotHere(message)

    parser = Parser(prog="partreg lint", add_help=False, allow_abbrev=False)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--format", "-f", dest="output", default="auto")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--as-of", dest="as_of")
    parser.add_argument("--jobs", "-j", type=int)
    parser.add_argument("--root", type=Path)
    return parser


#: Option strings as click reads them; argparse reads ``-f=json`` as ``json`` (click: ``=json``), and
#: a token such as ``-1`` as a path (click: no such option), so those are left to Typer.
_OPTIONS = ("--format", "-f", "--strict", "--as-of", "--jobs", "-j", "--root")


def lint_arguments(argv: Sequence[str]) -> dict[str, Any] | None:
    """``partreg lint``'s arguments (those after ``lint``) read as the Typer command reads them, as
    the keyword arguments of :func:`lint`; ``None`` where Typer must read them, or where the output
    is text for people (rich's, with a progress bar)."""
    for token in argv:
        if token == "--":
            break
        if (
            token.startswith("-")
            and not token.startswith(("-f", "-j"))
            and token.split("=")[0] not in _OPTIONS
        ):
            return None
        if token.startswith(("-f=", "-j=")):
            return None
    try:
        read = _lint_parser().parse_intermixed_args(argv)
        output = LintFormat(read.output.casefold())
        as_of = as_of_date(read.as_of) if read.as_of is not None else None
    except (_NotHere, ValueError):
        return None
    if read.jobs is not None and read.jobs < 1:
        return None
    if read.root is not None and read.root.is_file():  # Typer refuses a file for a folder
        return None
    if output is LintFormat.text or (output is LintFormat.auto and sys.stdout.isatty()):
        return None
    return {
        "paths": read.paths or None,
        "output": output,
        "strict": read.strict,
        "as_of": as_of,
        "jobs": read.jobs,
        "root": read.root,
    }


def main() -> NoReturn:
    """The console script: CI's ``partreg lint`` here, everything else by Typer (``cli.main``)."""
    # partreg's validators use no pydantic plugin, and looking for one reads the metadata of every
    # installed package: a tenth of the start-up of a lint (pydantic's documented switch; one set
    # by the user is kept)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        os.getcwd()
    except FileNotFoundError:  # (every command reads paths from where it is run)
        sys.stderr.write(
            "partreg: the current folder no longer exists (deleted or moved): cd to one that does\n"
        )
        _end(2)
    arguments = lint_arguments(sys.argv[2:]) if sys.argv[1:2] == ["lint"] else None
    if arguments is None:
        from partreg.cli import main as typer_main

        typer_main()
    try:
        code = lint(**arguments)
        sys.stdout.flush()
    except (PartregError, KeyboardInterrupt) as e:
        code = said(e)
    except BrokenPipeError:  # a reader that stopped early (`| head`): as Typer (click) ends then
        _output_to_nowhere()
        code = 1
    except OSError as e:  # the output, or GitHub's summary, could not be written (a full disk)
        code = unwritten(e)
    _end(code)


#: The errors of a write that a full or failing disk gives, said as one line by every command.
UNWRITTEN = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


def unwritten(error: OSError) -> int:
    """What could not be written (the output, on a full disk; or the file ``error`` names) as one
    line on stderr, and the exit code. What is left in the output's buffer goes nowhere: written as
    the process ends, it would fail again, with a traceback."""
    where = f" to {error.filename}" if error.filename else " the output"
    sys.stderr.write(f"partreg: could not write{where}: {error.strerror or error}{_written_before()}\n")
    _output_to_nowhere()
    return 2


def _written_before() -> str:
    """What the command wrote before its output failed, so that it is not run again for nothing (a
    review recorded twice is refused, but an officer would not know why)."""
    files = sys.modules.get("partreg.files")
    here = os.getcwd()
    written = [
        os.path.relpath(p, here) if str(p).startswith(here + os.sep) else str(p)
        for p in getattr(files, "WRITTEN", ())
    ]
    if not written:
        return ""
    named = ", ".join(written[:3]) + (f" and {len(written) - 3:,} more" if len(written) > 3 else "")
    return f"; {named} {'was' if len(written) == 1 else 'were'} written before that"


def _output_to_nowhere() -> None:
    """What is left in the output's buffer, and anything written to it now, goes nowhere: its reader
    has gone (``| head``), or its disk is full."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _end(code: int) -> NoReturn:
    """End the process with ``code`` once its output is out, without the interpreter's teardown:
    freeing a lint's modules and data object by object took 30 to 45 ms of a lint of 10,000 files
    (measured), where the kernel frees the memory of a process whole. A lint leaves nothing else to
    close: the file it appends to (GitHub's summary) is closed, its worker processes have ended."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone (`| head`), or closed
            stream.flush()
    os._exit(code)
