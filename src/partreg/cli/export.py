"""``partreg export``: the register's statutory and open-data publications, as CSV or JSON, to a
file (written whole, or not at all) or to standard output."""

import functools
import io
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from partreg import report
from partreg.app.exporting import TableOf, giving, period, transparency_table
from partreg.cli.catalogue import COMMANDS
from partreg.cli.common import opened
from partreg.cli.framework import Command, Group, RootOption, command_set, iso_date, with_help
from partreg.errors import PartregError
from partreg.files import write_atomic
from partreg.opendata import left_out_lines, table_csv, transparency_contracts, transparency_grants

commands = command_set()
export_app = typer.Typer(
    cls=Group,
    help=f"{COMMANDS['export'][1]}\n\nExample: partreg export transparency-contracts --out contracts.csv",
    no_args_is_help=True,
    rich_markup_mode=None,
)
commands.add_typer(export_app, name="export")


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


FromOption = Annotated[
    date | None,
    typer.Option(
        "--from",
        metavar="YYYY-MM-DD",
        parser=iso_date,
        help="Only what was live on or after this day (the first day of the quarter). Default: no limit.",
        show_default=False,
    ),
]
ToOption = Annotated[
    date | None,
    typer.Option(
        "--to",
        metavar="YYYY-MM-DD",
        parser=iso_date,
        help="Only what was live on or before this day (the last day of the quarter). Default: no limit.",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", metavar="FILE", help="Write to this file. Default: standard output.", dir_okay=False
    ),
]
TableFormatOption = Annotated[
    ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="csv or json.")
]


def _write(text: str, out: Path | None) -> None:
    """The export, to ``out`` (written whole, or not at all) or to standard output."""
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    write_atomic(out, text)


def _text(table: Any, data: Any, output: ExportFormat) -> str:
    """An export as CSV (its table) or as JSON (``data``)."""
    if output is ExportFormat.csv:
        return str(table_csv(table))
    buffer = io.StringIO()
    report.as_json(data, buffer)
    return buffer.getvalue()


def _export_table(
    table_of: TableOf,
    what: str,
    start: date | None,
    end: date | None,
    output: ExportFormat,
    out: Path | None,
    root: Path | None,
) -> None:
    """A Transparency Code table of the register for the period, written, and its summary said."""
    within = period(start, end)
    table = transparency_table(opened(root), table_of, within)
    _write(_text(table, table.rows, output), out)
    typer.echo(table.summary(what), err=True)
    raise typer.Exit(1 if table.kind_not_known else 0)  # it may lack some: not a success


@export_app.command("transparency-contracts", cls=Command)
@with_help(
    """Contracts over £5,000, in the Local Government Transparency Code 2015's columns (CSV for Excel).

    One row per contract (or an arrangement whose facts make it one) whose
    value exceeds the threshold (exports.contracts_over_gbp in partreg.yaml,
    default 5000) and whose life overlaps --from/--to; a contract with no
    value recorded is listed too. Cells the register does not record are
    empty, and a summary on stderr says how many rows are incomplete. An
    arrangement whose kind is neither recorded nor decided by its facts may
    be a contract: the summary names it, and the exit code is 1.

    Example: partreg export transparency-contracts --from 2025-04-01 --to 2025-06-30 --out contracts.csv
    """
)
def export_contracts(
    start: FromOption = None,
    end: ToOption = None,
    output: TableFormatOption = ExportFormat.csv,
    out: OutOption = None,
    root: RootOption = None,
) -> None:
    contracts = functools.partial(transparency_contracts, today=date.today())  # (as of the day it is made)
    _export_table(contracts, "contract", start, end, output, out, root)


@export_app.command("transparency-grants", cls=Command)
@with_help(
    """Grants, in the Local Government Transparency Code 2015's columns for grants to voluntary,
    community and social enterprise organisations (CSV for Excel).

    One row per community-funding arrangement, or per award of a grant
    scheme (funding.awards), whose funded period overlaps --from/--to. An
    arrangement whose kind is neither recorded nor decided by its facts may
    be community funding: the summary names it, and the exit code is 1.

    Example: partreg export transparency-grants --from 2025-04-01 --to 2026-03-31 --out grants.csv
    """
)
def export_grants(
    start: FromOption = None,
    end: ToOption = None,
    output: TableFormatOption = ExportFormat.csv,
    out: OutOption = None,
    root: RootOption = None,
) -> None:
    _export_table(transparency_grants, "grant", start, end, output, out, root)


@export_app.command("360giving", cls=Command)
@with_help(
    """Grants as a 360Giving Data Standard package (JSON), or its spreadsheet form (CSV).

    Needs exports.org_id (the council's org-id, e.g. GB-LAE-BRW) and
    exports.giving_prefix (its 360Giving prefix, e.g. 360G-brentwood) in
    partreg.yaml. A grant lacking what 360Giving requires (amount, award
    day, recipient, description) is left out and named, and the exit code
    is 1, as it is where an arrangement's kind is not known (it may be a
    grant). Each grant's dateModified is its file's last commit.

    Example: partreg export 360giving --out grants.json
    """
)
def export_360giving(
    start: FromOption = None,
    end: ToOption = None,
    output: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="json (a package) or csv (360Giving's column titles).",
        ),
    ] = ExportFormat.json,
    out: OutOption = None,
    root: RootOption = None,
) -> None:
    within = period(start, end)
    package = giving(opened(root), within)
    for line in left_out_lines(package.left_out):
        report.error(line)
    if not package.data["grants"]:
        raise PartregError("no grant to publish: 360Giving needs at least one; nothing was written")
    _write(_text(package.table, package.data, output), out)
    typer.echo(package.table.summary("grant"), err=True)
    raise typer.Exit(1 if package.left_out or package.table.kind_not_known else 0)
