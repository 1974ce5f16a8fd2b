"""How partreg's commands are built on Typer: the group that turns a user's mistake into one
line, help that names each value as a word, and the options several commands share.

Light to import (Typer, and none of the register format or the checks): ``partreg --help`` loads it.
This package does not postpone its annotations (``from __future__ import
annotations``): Typer reads every command's signature, and evaluating them
from strings takes longer than building the commands.
"""

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from partreg.cli.catalogue import COMMANDS
from partreg.entry import as_of_date, said
from partreg.errors import PartregError


class Group(TyperGroup):
    """Every command's user mistakes become one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, which typer vendors
        try:
            return super().invoke(ctx)
        except (PartregError, KeyboardInterrupt) as e:
            raise typer.Exit(said(e)) from None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with its whole first sentence, wrapped, not cut off with "..."."""
        rows = [
            (name, summary(self.commands[name].help or ""))
            for name in self.list_commands(ctx)
            if not self.commands[name].hidden
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def summary(help_text: str) -> str:
    """A command's help as the list of commands gives it: its first paragraph, on one line."""
    return help_text.strip().split("\n\n")[0].replace("\n", " ")


class Command(TyperCommand):
    """A command whose help names each value as a word in capitals (``ID``, ``DATE``, ``N``), as
    its metavar says, never by an internal type (``<list[Path]>``)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params: list[Any] = self.get_params(ctx)  # typer's own parameter classes, with help
        arguments = [(_argument_name(p), p.help or "") for p in params if p.param_type_name == "argument"]
        for p in params:
            if p.param_type_name == "option" and p.metavar is None and not p.is_flag:
                long = max(p.opts, key=len).lstrip("-")
                p.metavar = _METAVARS.get(long, long.upper())
        options = [r for p in params if p.param_type_name == "option" and (r := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


#: The word for an option's value in help, where it is not the option's name in capitals.
_METAVARS = {
    "root": "FOLDER",
    "out": "FOLDER",
    "from": "FILE",
    "answers": "FILE",
    "jobs": "N",
    "within": "DAYS",
    "by": "ROLE",
    "owner": "ROLE",
    "priority": "ID",
    "council": "NAME",
    "notes": "TEXT",
}


def _argument_name(param: Any) -> str:
    name: str = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 and not name.endswith("...") else name


def command_set() -> typer.Typer:
    """The commands of one module of this package, each declared with ``@commands.command(name,
    cls=Command)``; the group loads them from there by name (``partreg.cli.catalogue.COMMANDS``)."""
    return typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)


Function = TypeVar("Function", bound=Callable[..., Any])


def with_help(text: str) -> Callable[[Function], Function]:
    """A command's help, given as data rather than as its docstring, which ``python -OO`` strips."""

    def documented(command: Function) -> Function:
        command.__doc__ = text
        return command

    return documented


def iso_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return as_of_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


class ShowFormat(StrEnum):
    """How ``show``, ``history`` and ``classify`` write their answer."""

    text = "text"
    json = "json"


ShowFormatOption = Annotated[
    ShowFormat, typer.Option("--format", "-f", case_sensitive=False, help="text or json.")
]

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The register folder (the one holding partreg.yaml). Default: searched upward from here.",
        file_okay=False,
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Processes to use. Default: all CPUs for large registers, else one."
    ),
]
AsOfOption = Annotated[
    date | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        parser=iso_date,
        help="Judge review dates as of this day. Default: today.",
        show_default=False,
    ),
]


def help_for(name: str, body: str) -> Callable[[Function], Function]:
    """The help of the command ``name``: its one line from the catalogue, then ``body``."""
    return with_help(f"{COMMANDS[name][1]}\n\n    {body.lstrip()}")
