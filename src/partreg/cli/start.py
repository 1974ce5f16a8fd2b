"""``partreg init``: a new register started, the council's name and priorities asked for at a
terminal where they are not given."""

import shlex
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from partreg.app.starting import start_register
from partreg.cli import common
from partreg.cli.framework import Command, command_set, help_for
from partreg.errors import UsageError
from partreg.models import Settings, visible
from partreg.questionnaire import Invalid, Questionnaire
from partreg.questionnaire.answers import parse_text
from partreg.scaffold import same_id

commands = command_set()


@commands.command("init", cls=Command)
@help_for(
    "init",
    """
    Never replaces a file: if any of them exists already, nothing is written.

    Example: partreg init brentwood-register --council "Brentwood Borough Council" --priority "Growing our economy"
    """,
)
def init(
    directory: Annotated[
        Path, typer.Argument(help="Where to create the register. Default: here.", file_okay=False)
    ] = Path("."),
    council: Annotated[
        str | None, typer.Option("--council", help="The council's name (asked if not given).")
    ] = None,
    priority: Annotated[
        list[str] | None,
        typer.Option("--priority", help="A corporate priority's name; repeat for each (asked if not given)."),
    ] = None,
) -> None:
    priorities = list(priority or [])
    if council is None:
        council = _asked(priorities)
    started = start_register(directory, council, priorities)
    typer.echo(visible(f"Created a register for {council} in {directory}/ ({len(started.files)} files)."))
    here = directory.resolve() == Path.cwd().resolve()  # (no `cd .` for the folder the officer is in)
    go = "" if here else f"cd {shlex.quote(str(directory))}; "
    typer.echo(visible(f"Next: {go}git init; partreg add (or partreg import your-sheet.xlsx)"))
    if started.install_to_check is not None:
        typer.echo(
            f"Check .github/workflows/partreg.yml: it installs partreg with `pip install "
            f"{started.install_to_check}`, but this partreg was installed from a folder on this machine, "
            "which CI cannot reach: give where your council gets partreg (a git URL, or a package index)"
        )


def _asked(priorities: list[str]) -> str:
    """The council's name, asked at the terminal, and (where none were given) its priorities,
    added to ``priorities``."""
    if not common.interactive():
        raise UsageError(
            "give --council NAME (and --priority NAME for each corporate priority), or run it in a terminal"
        )
    asker = Questionnaire(common.ask, common.say, Settings(council="-"), date.today(), lambda _: False)
    council = asker.need(
        "The council's name", parse_text, why="it heads the register and every page published"
    )
    if not priorities:
        typer.echo("The corporate plan's priorities, one at a time (empty to finish):")
        while answer := asker.ask(
            f"Priority {len(priorities) + 1}", _new_priority(priorities), required=False
        ):
            priorities.append(answer)
    return council


def _new_priority(given: list[str]) -> Callable[[str], str]:
    """A priority's name, refused at its prompt where its id would be one of those ``given``
    (``Economy`` and ``economy``), so that nothing asked is lost at the end."""

    def parse(text: str) -> str:
        name = text.strip()
        for number, other in enumerate(given, 1):
            if name.casefold() == other.casefold():
                same = "" if name == other else f" ({other!r})"
                raise Invalid(
                    f"{name!r} is priority {number}{same}: give the next one, or press Enter to finish"
                )
        if clash := same_id(name, given):
            raise Invalid(f"{clash}; or press Enter to finish")
        return name

    return parse
