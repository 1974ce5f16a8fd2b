"""The command line: parse, call the core, report, exit. The only module that imports typer.

Heavy libraries are imported inside the commands that use them, so that
``partreg --help`` starts quickly.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from partreg import __version__
from partreg.errors import PartregError, UsageError

if TYPE_CHECKING:
    from partreg.store import Register


class _Group(TyperGroup):
    """Every command's user mistakes become one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, which typer vendors
        try:
            return super().invoke(ctx)
        except PartregError as e:
            sys.stderr.write(f"partreg: {e}\n")
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            sys.stderr.write("partreg: stopped\n")
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_Group,
    name="partreg",
    help="Keep a council's partnership register as YAML in git: check it, list it, review it, publish it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The register folder (the one holding partreg.yaml). Default: searched upward from here.",
        file_okay=False,
    ),
]


class LintFormat(StrEnum):
    text = "text"
    parsable = "parsable"
    json = "json"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class RulesFormat(StrEnum):
    text = "text"
    markdown = "markdown"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


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


def _root(root: Path | None) -> Path:
    from partreg.store import resolve_root

    return resolve_root(root, Path.cwd())


def _open(root: Path | None) -> Register:
    from partreg import report
    from partreg.store import open_register

    register = open_register(_root(root))
    if register.problems:
        bad = len({p.path for p in register.problems})
        report.error(f"{bad} file(s) have problems and may be missing here; run `partreg lint` to see them")
    return register


@app.command()
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to check. Default: the whole register.", show_default=False),
    ] = None,
    output: Annotated[
        LintFormat, typer.Option("--format", "-f", help="How to print problems.")
    ] = LintFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    root: RootOption = None,
) -> None:
    """Check register files: every problem in every file, with where it is and how to fix it.

    Exit 0 when there are no errors, 1 when there are (or warnings, with
    --strict), 2 when the command is misused or a path does not exist.

    Example: partreg lint register/ --format parsable
    """
    from partreg import report
    from partreg.lint import Severity, run
    from partreg.rules import ALL
    from partreg.store import (
        SETTINGS_FILE,
        expand_paths,
        iter_documents,
        read_settings,
        register_files,
    )

    cwd = Path.cwd()
    if paths:
        files = expand_paths(paths)
        try:
            base = _root(root)
        except PartregError:
            base = None
    else:
        base = _root(root)
        files = register_files(base)
    if base is not None:
        settings, problems = read_settings(base, _rel(base / SETTINGS_FILE, cwd))
    else:
        settings, problems = None, []
    for _, _, found in run(settings, iter_documents(files, cwd), ALL):
        problems.extend(found)

    if output is LintFormat.json:
        report.problems_json(problems, len(files), sys.stdout)
    elif output is LintFormat.parsable:
        report.problems_parsable(problems, sys.stdout)
    else:
        report.problems_text(problems, len(files), report.console())
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    raise typer.Exit(1 if any(p.severity in failing for p in problems) else 0)


def _rel(path: Path, cwd: Path) -> str:
    from partreg.store import display_path

    return display_path(path, cwd)


@app.command()
def rules(
    rule_id: Annotated[
        str | None, typer.Argument(help="One rule's id, to show its full documentation.")
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Show every rule's full documentation.")] = False,
    output: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="text, or markdown for docs/rules.md.")
    ] = RulesFormat.text,
) -> None:
    """List every lint rule with its severity and what it checks.

    Example: partreg rules unknown-key
    """
    from partreg import report
    from partreg.lint import did_you_mean, rules_markdown
    from partreg.rules import ALL, BY_ID

    if output is RulesFormat.markdown:
        sys.stdout.write(rules_markdown(ALL))
        return

    if rule_id is not None:
        if rule_id not in BY_ID:
            raise UsageError(f"no rule {rule_id!r}{did_you_mean(rule_id, BY_ID)}; `partreg rules` lists them")
        report.rules_text([BY_ID[rule_id]], report.console(), full=True)
        return
    report.rules_text(ALL, report.console(), full=full)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an arrangement file (for editors and check-jsonschema).

    Example: partreg schema > arrangement.schema.json
    """
    from partreg import report
    from partreg.models import arrangement_schema

    report.as_json(arrangement_schema(), sys.stdout)


@app.command("list")
def list_(
    kind: Annotated[
        str | None,
        typer.Option(help="Only this kind (partnership, contract, joint-working, community-funding)."),
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only this status (proposed, active, ended).")] = None,
    priority: Annotated[str | None, typer.Option(help="Only arrangements serving this priority id.")] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table, json or csv.")
    ] = ListFormat.table,
    root: RootOption = None,
) -> None:
    """List the arrangements on the register.

    Example: partreg list --kind partnership --format csv
    """
    from partreg import report
    from partreg.export import SUMMARY_COLUMNS, summary_record
    from partreg.lint import did_you_mean
    from partreg.models import KIND_LABELS, Kind, Status

    for value, choices, name in (
        (kind, [k.value for k in Kind], "kind"),
        (status, [s.value for s in Status], "status"),
    ):
        if value is not None and value not in choices:
            raise UsageError(
                f"--{name} {value!r} is not one of {', '.join(choices)}{did_you_mean(value, choices)}"
            )
    register = _open(root)
    if priority is not None and register.settings and priority not in register.settings.priorities:
        hint = did_you_mean(priority, register.settings.priorities)
        raise UsageError(f"--priority {priority!r} is not a priority of this register{hint}")
    order = list(Kind)
    rows = [
        summary_record(e)
        for e in sorted(register.entries, key=lambda e: (order.index(e.kind), e.title.lower()))
        if (kind is None or e.kind == kind)
        and (status is None or e.status == status)
        and (priority is None or priority in e.priorities)
    ]
    if output is ListFormat.json:
        report.as_json(rows, sys.stdout)
    elif output is ListFormat.csv:
        report.records_csv(rows, SUMMARY_COLUMNS, sys.stdout)
    else:
        out = report.console()
        for k in order:
            group = [r for r in rows if r["kind"] == k]
            if group:
                title = f"{KIND_LABELS[k]} ({len(group)})"
                report.records_table(group, ("title", "id", "status", "lead_service"), out, title=title)
        if not rows:
            out.print("No arrangements match.")


@app.command()
def show(
    arrangement_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The arrangement's id (its file name without .yaml)."),
    ],
    output: Annotated[ShowFormat, typer.Option("--format", "-f", help="text or json.")] = ShowFormat.text,
    internal: Annotated[
        bool, typer.Option("--internal", help="Include internal notes and contact details.")
    ] = False,
    root: RootOption = None,
) -> None:
    """Show one arrangement, every field that is set.

    Example: partreg show brentwood-community-safety-partnership --format json
    """
    from partreg import report
    from partreg.export import full_record
    from partreg.lint import did_you_mean

    register = _open(root)
    by_id = {e.id: e for e in register.entries}
    entry = by_id.get(arrangement_id)
    if entry is None:
        raise PartregError(
            f"no arrangement {arrangement_id!r} in the register{did_you_mean(arrangement_id, by_id)}"
        )
    record = full_record(entry, register.settings, internal=internal)
    if output is ShowFormat.json:
        report.as_json(record, sys.stdout)
    else:
        report.mapping_text(record, report.console())


def main() -> NoReturn:
    """The console script."""
    app()
    sys.exit(0)
