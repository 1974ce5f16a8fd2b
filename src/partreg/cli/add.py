"""``partreg add``: an entry added from a draft or the questionnaire, its problems shown as lint
shows them."""

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from partreg import report
from partreg.app.adding import Asking, NotWritten, add_entry
from partreg.cli import common
from partreg.cli.framework import Command, RootOption, command_set, help_for
from partreg.errors import PartregError, WriteRefused
from partreg.problems import Severity

commands = command_set()


def _note(line: str) -> None:
    typer.echo(line, err=True)


@commands.command("add", cls=Command)
@help_for(
    "add",
    """
    The questions decide the kind by the policy's definitions first, then ask
    for what that kind needs. The new file is register/<id>.yaml; an existing
    file is never replaced. Nothing is written until every answer is given.

    Example: partreg add --from draft.yaml --dry-run
    """,
)
def add(
    draft: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Write this draft (a YAML file) as a register entry, without questions.",
            dir_okay=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the file instead of writing it.")] = False,
    root: RootOption = None,
) -> None:
    asking = Asking(common.ask, common.say) if draft is None and common.interactive() else None
    try:
        added = add_entry(
            common.root_of(root), date.today(), draft=draft, asking=asking, write=not dry_run, note=_note
        )
    except NotWritten as e:
        report.problems_parsable(e.problems, sys.stderr)
        raise PartregError(str(e)) from None
    report.problems_parsable(added.problems, sys.stderr)
    gaps = sum(p.severity is Severity.ERROR for p in added.problems)
    if gaps:
        one = gaps == 1
        typer.echo(
            f"The entry has {report.plural(gaps, 'gap')} (the {'error' if one else 'errors'} above): lint "
            f"reports {'it' if one else 'them'} until what is missing is recorded.",
            err=True,
        )
    if dry_run:
        sys.stdout.write(added.text)
        if added.taken:  # the file is shown, and the write it stands for would be refused
            raise WriteRefused(added.refusal)
        return
    typer.echo(f"Wrote {added.name}. Review it, then commit it: git add {added.name}")
