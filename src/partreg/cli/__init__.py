"""The command line: thin commands that parse, call the app (``partreg.app``), report, and exit.

The group knows each command's name, module and one line of help
(``catalogue.COMMANDS``), so ``partreg --help`` lists them all and imports
none; a command's module is imported when the command runs or its help is
asked for, and imports what it needs at its top. Typer is imported only in
this package. (CI's ``partreg lint`` is read without Typer: ``partreg.entry``.)
"""

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, NoReturn

import typer
from typer.main import get_group

from partreg import __version__
from partreg.cli.catalogue import COMMANDS
from partreg.cli.framework import Group
from partreg.entry import UNWRITTEN, unwritten


class _Commands(MutableMapping[str, Any]):
    """The group's commands by name, each loaded from its module the first time it is looked up."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            module = importlib.import_module(f"partreg.cli.{COMMANDS[name][0]}")
            self._loaded[name] = get_group(module.commands).commands[name]
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Lazy(Group):
    """The ``partreg`` group: its commands listed from the catalogue, loaded only when used."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with its whole first sentence, wrapped, not cut off with "..."."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, line) for name, (_, line) in COMMANDS.items()])


app = typer.Typer(
    cls=_Lazy,
    name="partreg",
    help="Keep a council's partnership register as YAML in git: check it, list it, review it, publish it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partreg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Keep a council's partnership register as YAML in git: check it, list it, review it, publish it."""
    if (files := sys.modules.get("partreg.files")) is not None:  # (loaded only by a command that writes)
        files.WRITTEN.clear()


def main() -> NoReturn:
    """The console script."""
    try:
        app()
    except OSError as e:  # the output, on a full disk: click re-raises all but a broken pipe
        if e.errno not in UNWRITTEN:
            raise
        sys.exit(unwritten(e))
    sys.exit(0)
