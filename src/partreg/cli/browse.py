"""``partreg list``, ``partreg show`` and ``partreg history``: the register's entries, one entry,
and an entry's changes in git, in the format asked for.
"""

import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from partreg import report
from partreg.app.browsing import entry_history, list_entries, list_filters, show_entry
from partreg.app.register import entry_file
from partreg.cli.common import opened, root_of
from partreg.cli.framework import Command, RootOption, ShowFormat, ShowFormatOption, command_set, help_for
from partreg.export import SUMMARY_COLUMNS
from partreg.folders import REGISTER_DIR
from partreg.models import visible

commands = command_set()


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@commands.command("list", cls=Command)
@help_for(
    "list",
    """
    Example: partreg list --kind partnership --format csv
    """,
)
def list_(
    kind: Annotated[
        str | None,
        typer.Option(help="Only this kind (partnership, contract, joint-working, community-funding)."),
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only this status (proposed, active, ended).")] = None,
    priority: Annotated[str | None, typer.Option(help="Only arrangements serving this priority id.")] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", case_sensitive=False, help="table, json or csv.")
    ] = ListFormat.table,
    root: RootOption = None,
) -> None:
    filters = list_filters(kind, status, priority)
    register = opened(root)
    rows = list_entries(register, filters, date.today())
    if output is ListFormat.json:
        report.as_json(rows, sys.stdout)
    elif output is ListFormat.csv:
        report.records_csv(rows, SUMMARY_COLUMNS, sys.stdout)
    elif rows:
        report.arrangements_table(rows, report.console())
    else:
        typer.echo(
            "No arrangements match."
            if register.entries
            else "No arrangement could be read: every file is left out, each named with what stops it."
            if register.left_out
            else "The register has no arrangements."
        )


@commands.command("show", cls=Command)
@help_for(
    "show",
    """
    Example: partreg show brentwood-community-safety-partnership --format json
    """,
)
def show(
    arrangement_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The arrangement's id (its file name without .yaml)."),
    ],
    output: ShowFormatOption = ShowFormat.text,
    internal: Annotated[
        bool, typer.Option("--internal", help="Include internal notes and contact details.")
    ] = False,
    root: RootOption = None,
) -> None:
    entry_file(root_of(root), arrangement_id)  # an id that cannot be, before the register is read
    shown = show_entry(opened(root), arrangement_id, internal=internal)
    if output is ShowFormat.json:
        report.as_json(shown.record, sys.stdout)
        return
    report.mapping_text(shown.record, report.console())
    if shown.not_shown:  # said, so that nobody takes the page's view for the whole entry
        typer.echo(
            f"Not shown, as they are not published: {', '.join(shown.not_shown)}. Add --internal to see them."
        )


@commands.command("history", cls=Command)
@help_for(
    "history",
    """
    Example: partreg history brentwood-community-safety-partnership --format json
    """,
)
def history(
    arrangement_id: Annotated[
        str, typer.Argument(metavar="ID|FILE", help="The arrangement's id, or its file in register/.")
    ],
    output: ShowFormatOption = ShowFormat.text,
    root: RootOption = None,
) -> None:
    found = entry_history(root_of(root), arrangement_id)
    changes = [c.as_dict() for c in found.changes]
    if output is ShowFormat.json:
        report.as_json(changes, sys.stdout)
    elif not changes:
        typer.echo(
            visible(f"{REGISTER_DIR}/{found.path.name} has no commits yet: commit it to start its history.")
        )
    else:
        # a name, a subject or a past version's key may hold escape sequences: the table shows them written out
        rows = [{**c, "date": c["date"][:10], "fields": ", ".join(c["fields"])} for c in changes]
        report.records_table(rows, ("date", "author", "subject", "fields", "commit"), report.console())
