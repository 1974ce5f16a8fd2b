"""``partreg lint`` as Typer reads it: its options, then ``partreg.entry.lint``, which CI's quick
reading of the same command runs too.
"""

from pathlib import Path
from typing import Annotated

import typer

from partreg.cli.framework import AsOfOption, Command, JobsOption, RootOption, command_set, help_for
from partreg.entry import LintFormat
from partreg.entry import lint as run_lint

commands = command_set()


@commands.command("lint", cls=Command)
@help_for(
    "lint",
    """
    Exit 0 when there are no errors, 1 when there are (or warnings, with
    --strict), 2 when the command is misused or a path does not exist.

    Example: partreg lint register/ --format parsable
    """,
)
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to check. Default: the whole register.", show_default=False),
    ] = None,
    output: Annotated[
        LintFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="auto (github under GitHub Actions, text on a terminal, else parsable), text, parsable, json, github, sarif.",
        ),
    ] = LintFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    as_of: AsOfOption = None,
    jobs: JobsOption = None,
    root: RootOption = None,
) -> None:
    raise typer.Exit(run_lint(paths, output, strict, as_of, jobs, root))
