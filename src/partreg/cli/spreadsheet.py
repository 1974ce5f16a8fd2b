"""``partreg import``: a spreadsheet register read into entries, shown as a dry run, then with
``--write`` written."""

from pathlib import Path
from typing import Annotated

import typer

from partreg import report
from partreg.app.importing import next_steps, plan_import, write_import
from partreg.cli.common import root_of, say_left_out
from partreg.cli.framework import Command, RootOption, command_set, help_for
from partreg.folders import REGISTER_DIR

commands = command_set()


@commands.command("import", cls=Command)
@help_for(
    "import",
    """
    Columns are matched by their headers as councils write them (Partnership
    name, Type, Lead Officer, Directorate, Partner organisations, Date created,
    Annual contribution (£), Statutory (Y/N), ...); --map names any other.
    Every row becomes an entry, however incomplete: `partreg lint` then lists
    what each still needs. A value that fits no field goes, with its header,
    into the entry's internal notes, which are never published. Without
    --write, nothing is written. With --write, each row becomes
    register/<id>.yaml; a file that exists already is never replaced, so the
    import can be run again after adding rows to the sheet.

    Example: partreg import old-register.xlsx --map "Officer=lead.role" --write
    """,
)
def import_(
    spreadsheet: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The register as a spreadsheet: .csv or .xlsx."),
    ],
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="HEADER=FIELD",
            help="Read a column into a field, e.g. 'Officer=lead.role', or 'Ref=notes'. Repeat for more.",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="The sheet to read (.xlsx). Default: the first with a header row."),
    ] = None,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Create a file for every row, complete or not (never replacing one), once a column gives the title.",
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    base = root_of(root)
    planned = plan_import(base, spreadsheet, mapping or [], sheet)
    say_left_out(planned.left_out, "of the look for entries the sheet repeats")
    for line in planned.lines:
        typer.echo(line)
    if not write:
        typer.echo(
            "Dry run: nothing written. No column gives the title: name it with --map 'HEADER=title' "
            "before --write."
            if planned.new and not planned.titled
            else f"Dry run: nothing written. Run again with --write to create {report.plural(len(planned.new), 'file')} in {REGISTER_DIR}/."
            if planned.new
            else "Dry run: nothing to write."
        )
        raise typer.Exit(1 if planned.attention else 0)
    if planned.new and not planned.titled:
        report.error(
            "no column gives the title, so every row would be written untitled: name the column with --map 'HEADER=title'; nothing was written"
        )
        raise typer.Exit(1)
    imported = write_import(base, planned)
    for line in imported.refused:
        report.error(line)
    typer.echo(f"Wrote {report.plural(imported.created, 'file')} to {REGISTER_DIR}/.")
    if imported.created:
        typer.echo(next_steps(planned.new))
    raise typer.Exit(1 if planned.attention or imported.refused else 0)
