"""The command line: parse, call the core, report, exit. The only module that imports typer.

Heavy libraries are imported inside the commands that use them, so that
``partreg --help`` starts quickly. For the same reason this module does not
postpone its annotations (``from __future__ import annotations``): Typer
reads every command's signature at each start, and evaluating them from
strings took longer than building the commands. (CI's ``partreg lint`` is
read without Typer: ``partreg.entry``.)
"""

import contextlib
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from partreg import __version__
from partreg.entry import LintFormat, as_of_date, said
from partreg.entry import lint as run_lint
from partreg.errors import PartregError, Stopped, UsageError, WriteRefused

if TYPE_CHECKING:
    from partreg.changes import PublicChange
    from partreg.lint import Problem
    from partreg.models import Arrangement, PartialDate, Settings
    from partreg.opendata import SiteExport
    from partreg.app.register import Register


class _Group(TyperGroup):
    """Every command's user mistakes become one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, which typer vendors
        try:
            return super().invoke(ctx)
        except (PartregError, KeyboardInterrupt) as e:
            raise typer.Exit(said(e)) from None

    #: The order an officer meets them in.
    ORDER = (
        "init",
        "import",
        "add",
        "list",
        "show",
        "classify",
        "review-due",
        "review",
        "history",
        "lint",
        "render",
        "export",
        "rules",
        "schema",
    )

    def list_commands(self, ctx: Any) -> list[str]:
        known = [c for c in self.ORDER if c in self.commands]
        return known + [c for c in self.commands if c not in known]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with its whole first sentence, wrapped, not cut off with "..."."""
        rows = [
            (name, (self.commands[name].help or "").strip().split("\n\n")[0].replace("\n", " "))
            for name in self.list_commands(ctx)
            if not self.commands[name].hidden
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class _Command(TyperCommand):
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


app = typer.Typer(
    cls=_Group,
    name="partreg",
    help="Keep a council's partnership register as YAML in git: check it, list it, review it, publish it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Command = TypeVar("Command", bound=Callable[..., Any])


def _command(name: str | None = None) -> Callable[[Command], Command]:
    """``app.command``, with help as :class:`_Command` writes it."""
    return app.command(name, cls=_Command)


RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The register folder (the one holding partreg.yaml). Default: searched upward from here.",
        file_okay=False,
    ),
]


def _iso_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return as_of_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _partial_date(value: str | None) -> "PartialDate | None":
    if value is None:
        return None
    from partreg.models import read_date

    try:
        return read_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


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
        parser=_iso_date,
        help="Judge review dates as of this day. Default: today.",
        show_default=False,
    ),
]


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    ics = "ics"


class RenderFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    all = "all"


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


def _help(text: str) -> Callable[[Command], Command]:
    """A command's help, given as data rather than as its docstring, which ``python -OO`` strips."""

    def documented(command: Command) -> Command:
        command.__doc__ = text
        return command

    return documented


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


def _ids_on_disk(base: Path) -> set[str]:
    """The ids the register's file names give (``csp.yaml`` and ``csp.yml`` are both ``csp``)."""
    from partreg.store import entry_stem, register_files

    return {entry_stem(p.name) for p in register_files(base)}


def _entry_file(base: Path, arrangement_id: str) -> Path:
    """``register/<id>.yaml`` (or ``.yml``) of the register at ``base``; if there is none, the nearest id is suggested."""
    import re

    from partreg.lint import did_you_mean
    from partreg.models import ID_PATTERN
    from partreg.store import REGISTER_DIR, entry_stem, register_files

    if not re.match(ID_PATTERN, arrangement_id):
        raise UsageError(
            f"{arrangement_id!r} is not an arrangement id: an id is its file's name in {REGISTER_DIR}/ "
            "without .yaml, in lowercase letters, digits and hyphens"
        )
    path = base / REGISTER_DIR / f"{arrangement_id}.yaml"
    if os.path.lexists(path):  # what is there (a link, a folder) is for the reader to report
        return path
    files = register_files(base)
    named = [p for p in files if entry_stem(p.name) == arrangement_id]  # register/<id>.yml
    if len(named) == 1:
        return named[0]
    known = [entry_stem(p.name) for p in files]
    raise PartregError(
        f"no arrangement {arrangement_id!r} in the register{did_you_mean(arrangement_id, known)}"
    )


def _settings(base: Path) -> "Settings":
    """The register's settings; a ``partreg.yaml`` that cannot be read stops the command."""
    from partreg.store import read_settings

    return _usable(*read_settings(base))


def _usable(settings: "Settings | None", problems: "list[Problem]") -> "Settings":
    """``settings``, or the first problem that kept them from being read, as the command's error.

    The settings say what is internal and when reviews fall due: a command
    that went on with the defaults could print what the council keeps
    private, or show a late review as on time.
    """
    if settings is None:
        first = next((p for p in problems if p.path.endswith("partreg.yaml")), problems[0])
        raise PartregError(
            f"{first.path}:{first.line}:{first.column}: {first.rule} {first.message}; partreg stops here "
            "rather than use the defaults: fix it (`partreg lint` lists every problem)"
        )
    return settings


def _register_file(base: Path, target: str, max_bytes: int, *, paths: bool = False) -> Path:
    """The arrangement file ``target`` names: an id, or with ``paths`` also a file's path. Refused,
    as a usage mistake, where it is not a file lint reads as one of the register's arrangements."""
    from partreg.store import REGISTER_DIR, is_entry_name, register_file_problem

    is_path = any(sep in target for sep in ("/", os.sep, os.altsep) if sep)
    if paths and (is_path or is_entry_name(target)):
        path, shown = Path(target), target
    else:  # an id (which cannot be a path)
        path = _entry_file(base, target)
        shown = f"{REGISTER_DIR}/{path.name}"
    problem = register_file_problem(base, path, max_bytes)
    if problem is not None:
        raise UsageError(f"{shown} {problem}")
    return path


def _open(root: Path | None) -> "Register":
    from partreg.app.register import open_register

    register = open_register(_root(root), rules=False)  # `lint` checks the rules; here, entries are wanted
    _usable(register.settings, register.problems)
    _say_left_out(register.left_out, "here")
    return register


def _say_left_out(left_out: "list[Problem]", where: str) -> None:
    """One line on stderr for each file left out, saying which and why."""
    from partreg import report

    for p in left_out:
        report.error(f"{p.path}:{p.line}:{p.column}: {p.rule} {p.message}; so it is left out {where}")
    if left_out:
        report.error(
            f"{report.plural(len(left_out), 'file')} left out {where}: fix them (`partreg lint` lists every problem)"
        )


def _changes(base: Path, settings: "Settings", today: date) -> "tuple[dict[str, list[PublicChange]], str]":
    """Each arrangement's public changes and the change feed; ``({}, "")`` outside git."""
    from partreg.changes import atom_feed, register_changes
    from partreg.history import in_git

    if not in_git(base):
        return {}, ""
    changes = register_changes(base, settings)
    midnight = f"{today.isoformat()}T00:00:00+00:00"
    return changes, atom_feed(changes, settings, updated=midnight, base_url=settings.publish.url)


def _site_exports(base: Path, settings: "Settings") -> "tuple[list[SiteExport], list[str]]":
    """The statutory exports the site carries (where partreg.yaml has an exports section), and what
    render says of them."""
    if "exports" not in settings.model_fields_set:
        return [], []
    from partreg.history import last_changed
    from partreg.opendata import site_exports
    from partreg.app.register import open_register

    register = open_register(base, rules=False)  # the files left out are named by the render itself
    return site_exports(register.entries, settings, last_changed(base, precise=True))


@_command()
@_help(
    """Check register files: every problem in every file, with where it is and how to fix it.

    Exit 0 when there are no errors, 1 when there are (or warnings, with
    --strict), 2 when the command is misused or a path does not exist.

    Example: partreg lint register/ --format parsable
    """
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


@_command()
@_help(
    """List every lint rule with its severity and what it checks.

    Example: partreg rules unknown-key
    """
)
def rules(
    rule_id: Annotated[
        str | None, typer.Argument(help="One rule's id, to show its full documentation.")
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Show every rule's full documentation.")] = False,
    output: Annotated[
        RulesFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="text, or markdown for docs/rules.md."),
    ] = RulesFormat.text,
) -> None:
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


@_command()
@_help(
    """Print the JSON Schema of an arrangement file (for editors and check-jsonschema).

    Example: partreg schema > arrangement.schema.json
    """
)
def schema() -> None:
    from partreg import report
    from partreg.models import arrangement_schema

    report.as_json(arrangement_schema(), sys.stdout)


@_command("list")
@_help(
    """List the arrangements on the register.

    Example: partreg list --kind partnership --format csv
    """
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
    from partreg import report
    from partreg.export import SUMMARY_COLUMNS, public_entries, summary_record
    from partreg.lint import did_you_mean
    from partreg.models import Kind, ReviewSettings, Status
    from partreg.review import ended_in_fact, next_review

    # as an officer types them: `Active`, `Joint working`
    kind = "-".join(kind.lower().split()) if kind else kind
    status = status.strip().lower() if status else status
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
    order: list[Kind | None] = [*Kind, None]  # entries whose kind is not recorded come last
    chosen = [
        e
        for e in sorted(register.entries, key=lambda e: (order.index(e.kind), e.name.casefold()))
        if (kind is None or e.kind == kind)
        and (status is None or e.status == status)
        and (priority is None or priority in e.priorities)
    ]
    # chosen, and their reviews scheduled, by every field; shown without the fields kept internal
    reviews = register.settings.review if register.settings else ReviewSettings()
    today = date.today()
    due = [
        None if e.status is Status.ENDED or ended_in_fact(e, today) else next_review(e, reviews)
        for e in chosen
    ]
    rows = [summary_record(e, d) for e, d in zip(public_entries(chosen, register.settings), due, strict=True)]
    if output is ListFormat.json:
        report.as_json(rows, sys.stdout)
    elif output is ListFormat.csv:
        report.records_csv(rows, SUMMARY_COLUMNS, sys.stdout)
    elif rows:
        report.arrangements_table(rows, report.console())
    else:
        typer.echo("No arrangements match." if register.entries else "The register has no arrangements.")


@_command()
@_help(
    """Show one arrangement: every field that is set and may be published (--internal: all of them).

    Example: partreg show brentwood-community-safety-partnership --format json
    """
)
def show(
    arrangement_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The arrangement's id (its file name without .yaml)."),
    ],
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", case_sensitive=False, help="text or json.")
    ] = ShowFormat.text,
    internal: Annotated[
        bool, typer.Option("--internal", help="Include internal notes and contact details.")
    ] = False,
    root: RootOption = None,
) -> None:
    from partreg import report
    from partreg.export import full_record, significance_record
    from partreg.lint import did_you_mean

    register = _open(root)
    by_id = {e.id: e for e in register.entries}
    entry = by_id.get(arrangement_id)
    if entry is None:
        raise PartregError(
            f"no arrangement {arrangement_id!r} in the register{did_you_mean(arrangement_id, by_id)}"
        )
    record = full_record(entry, register.settings, internal=internal)
    significance = significance_record(entry, register.settings, internal=internal)
    if significance is not None and "council_tests" in significance:
        # after the entry's own fields, what partreg works out from the council's tests
        record["computed"] = {"significance": significance}
    if output is ShowFormat.json:
        report.as_json(record, sys.stdout)
        return
    report.mapping_text(record, report.console())
    everything = full_record(entry, register.settings, internal=True)
    left_out = [k for k in everything if k not in record]
    left_out += [f"lead.{k}" for k in everything.get("lead", {}) if k not in record.get("lead", {})]
    if left_out:  # said, so that nobody takes the page's view for the whole entry
        typer.echo(
            f"Not shown, as they are not published: {', '.join(left_out)}. Add --internal to see them."
        )


@_command("review-due")
@_help(
    """What is overdue, due for review soon, or ending soon, most urgent first.

    Example: partreg review-due --within 60 --format ics > reviews.ics
    """
)
def review_due(
    as_of: AsOfOption = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            min=0,
            max=36_525,  # a hundred years: enough for any plan, and no date arithmetic overflows
            metavar="DAYS",
            help="Look this many days ahead. Default: 30, or the settings' window_days.",
        ),
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help="Only arrangements whose lead role is this.")
    ] = None,
    service: Annotated[
        str | None, typer.Option("--service", help="Only arrangements whose lead service is this.")
    ] = None,
    output: Annotated[
        DueFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="table, json, csv, or ics (a calendar)."),
    ] = DueFormat.table,
    fail_on_overdue: Annotated[
        bool,
        typer.Option("--fail-on-overdue", help="Exit 1 when any review is overdue (for a scheduled CI job)."),
    ] = False,
    root: RootOption = None,
) -> None:
    from datetime import UTC, datetime

    from partreg import report
    from partreg.export import DUE_COLUMNS, due_calendar, due_record, not_in_calendar, public_items
    from partreg.models import ReviewSettings
    from partreg.review import STATE_LABELS, State, due

    register = _open(root)
    settings = register.settings.review if register.settings else ReviewSettings()
    today = as_of or date.today()

    def matches(wanted: str | None, value: str | None) -> bool:
        return wanted is None or (value or "").casefold() == wanted.casefold()

    entries = [
        e
        for e in register.entries
        if matches(owner, e.lead.role if e.lead else None)
        and matches(service, e.lead.service if e.lead else None)
    ]
    found = due(entries, settings, today, settings.window_days if within is None else within)
    items = public_items(found, register.settings)  # decided on every field, shown without the internal ones
    if output is DueFormat.json:
        report.as_json([i.as_dict() for i in items], sys.stdout)
    elif output is DueFormat.csv:
        report.records_csv([due_record(i) for i in items], DUE_COLUMNS, sys.stdout)
    elif output is DueFormat.ics:
        council = register.settings.council if register.settings else "Partnership register"
        sys.stdout.flush()
        sys.stdout.buffer.write(due_calendar(items, council, datetime.now(UTC)))
        for item in not_in_calendar(items):
            report.error(
                f"{item.entry.id}: {STATE_LABELS[item.state]}, so it is not in the calendar; "
                "`partreg review-due` lists it"
            )
    else:
        report.due_table([i.as_dict() for i in items], today, report.console())
    overdue = any(i.state is State.OVERDUE for i in items)
    if fail_on_overdue and register.left_out:
        report.error(
            "--fail-on-overdue: not every file could be read, so partreg cannot say that nothing is overdue"
        )
    raise typer.Exit(1 if fail_on_overdue and (overdue or register.left_out) else 0)


class Outcome(StrEnum):
    continue_ = "continue"
    amend = "amend"
    exit = "exit"
    reassess = "reassess"
    proposed_for_removal = "proposed-for-removal"


@_command()
@_help(
    """Record a review held: add it to the entry's review history, changing nothing else in the file.

    Every comment, key order and quoting style in the file stays as it was;
    the only change is the added lines (and, for exit, the status and end).
    Reviews are recorded one at a time: a second waits for the first, then
    adds to the file it wrote.

    Example: partreg review brentwood-community-fund --date 2026-04-15 --outcome continue --by "Community Services Manager"
    """
)
def review(
    arrangement_id: Annotated[str, typer.Argument(metavar="ID", help="The arrangement reviewed.")],
    outcome: Annotated[
        Outcome,
        typer.Option(
            "--outcome",
            case_sensitive=False,
            help="continue, amend, exit (which ends it), reassess, or proposed-for-removal.",
        ),
    ],
    on: Annotated[
        Any,  # a PartialDate from the parser; the models are imported only when a command runs
        typer.Option(
            "--date",
            metavar="DATE",
            parser=_partial_date,
            help="When the review was held: 2026-04-15 or 15/04/2026 (2026-04 or 2026 where only that is "
            "known). Default: today.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="The role that reviewed it (not a person's name).")
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="What the review found or decided.")] = None,
    end: Annotated[
        Any,  # a PartialDate from the parser
        typer.Option(
            "--end",
            metavar="DATE",
            parser=_partial_date,
            help="With --outcome exit: the day it ends (or ended; YYYY-MM or YYYY where only that is known).",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    from pydantic import ValidationError

    from partreg.lint import Linter, Severity
    from partreg.models import PartialDate, ReviewRecord, plain
    from partreg.review import next_review
    from partreg.rules import ALL
    from partreg.store import (
        REGISTER_DIR,
        Document,
        add_review,
        one_writer,
        parse_document,
        read_bytes,
        write_atomic,
    )

    base = _root(root)
    settings = _settings(base)
    path = _entry_file(base, arrangement_id)
    name = f"{REGISTER_DIR}/{path.name}"
    today = date.today()
    held = on or PartialDate.parse(today)
    if held.earliest > today:
        raise UsageError(f"--date {held} is in the future: record a review once it has been held")
    status = None
    if outcome is Outcome.exit:
        if end is None and _interactive():
            end = _ask_date("The arrangement ends on (YYYY-MM-DD, or YYYY-MM or YYYY)", held.iso)
        if end is None:
            raise UsageError("--outcome exit ends the arrangement: give --end YYYY-MM-DD, the day it ends")
        status = "ended"
    elif end is not None:
        raise UsageError("--end goes with --outcome exit")
    # a line or paragraph separator (pasted from a word processor) is a line break in the notes
    notes = notes.translate(_SEPARATORS) if notes else notes
    by = " ".join(by.translate(_SEPARATORS).split()) if by else by
    record = {"date": held, "outcome": outcome.value, "by": by, "notes": notes}
    record = {k: v for k, v in record.items() if v is not None}
    try:
        ReviewRecord.model_validate(record)
    except ValidationError as e:
        raise UsageError(
            f"--{e.errors()[0]['loc'][0]}: {e.errors()[0]['msg'].removeprefix('Value error, ')}"
        ) from None

    linter = Linter(settings, ALL)
    with one_writer(path.parent):  # read, edit and write with no other writer in between
        doc = Document(path, name)
        raw = read_bytes(doc, settings.max_file_bytes)
        if raw is None:  # a link, a folder, too large: not a file partreg edits
            raise UsageError(f"{name} {doc.problems[0].message}; the review was not recorded")
        entry, problems = linter.check(parse_document(raw, name, doc=doc), arrangement_id)
        if entry is None:
            first = problems[0]
            raise PartregError(
                f"{first.path}:{first.line}:{first.column}: {first.rule} {first.message}; "
                "the review was not recorded: fix this first"
            )
        if entry.start is not None and held.latest < entry.start.earliest:
            raise UsageError(f"--date {held} is before the arrangement started ({entry.start})")
        bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw[3 if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError:
            raise PartregError(
                f"{name} is not saved as UTF-8: save it as UTF-8, then record the review"
            ) from None
        try:
            text = add_review(text, plain(record), status=status, end=end)
        except WriteRefused as e:
            raise WriteRefused(f"{name}: not written: {e}") from None
        updated, found = linter.check(parse_document(text.encode(), name), arrangement_id)
        # an entry with gaps can still record its reviews: only a problem the review itself brings stops it
        before = {(p.rule, p.key) for p in problems if p.severity is Severity.ERROR}
        errors = [p for p in found if p.severity is Severity.ERROR and (p.rule, p.key) not in before]
        if updated is None or errors:
            raise PartregError(
                f"not written: the review would leave {name} with a problem: {(errors or found)[0].message}"
            )
        write_atomic(path, ("\ufeff" if bom else "") + text, expect=raw)
    if status:
        typer.echo(f"Recorded the review of {arrangement_id} on {held} ({outcome.value}); it ends on {end}.")
    else:
        upcoming = next_review(updated, settings.review)
        typer.echo(
            f"Recorded the review of {arrangement_id} on {held} ({outcome.value}). Next review: {upcoming}."
        )


_SEPARATORS = {0x2028: "\n", 0x2029: "\n", 0x85: "\n"}


def _ask_date(prompt: str, default: str) -> "PartialDate":
    """A date asked for at the terminal, asked again until it is one partreg reads."""
    from partreg.models import read_date

    while True:
        answer = _ask(f"{prompt} [{default}]: ").strip() or default
        try:
            return read_date(answer)
        except ValueError as e:
            typer.echo(f"{answer!r}: {e}", err=True)


@_command()
@_help(
    """An arrangement's change history from git: date, author, commit subject, and the fields changed.

    Example: partreg history brentwood-community-safety-partnership --format json
    """
)
def history(
    arrangement_id: Annotated[
        str, typer.Argument(metavar="ID|FILE", help="The arrangement's id, or its file in register/.")
    ],
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", case_sensitive=False, help="text or json.")
    ] = ShowFormat.text,
    root: RootOption = None,
) -> None:
    from partreg import report
    from partreg.history import file_history
    from partreg.models import visible
    from partreg.store import REGISTER_DIR

    base = _root(root)
    limit = _settings(base).max_file_bytes
    path = _register_file(base, arrangement_id, limit, paths=True)
    changes = [c.as_dict() for c in file_history(base, path, limit)]
    if output is ShowFormat.json:
        report.as_json(changes, sys.stdout)
    elif not changes:
        typer.echo(visible(f"{REGISTER_DIR}/{path.name} has no commits yet: commit it to start its history."))
    else:
        # a name, a subject or a past version's key may hold escape sequences: the table shows them written out
        rows = [{**c, "date": c["date"][:10], "fields": ", ".join(c["fields"])} for c in changes]
        report.records_table(rows, ("date", "author", "subject", "fields", "commit"), report.console())


@_command()
@_help(
    """Publish the register: an accessible HTML page, one page per arrangement, a Markdown twin, and open data.

    Writes index.html, arrangements/<id>.html, register.md, register.csv and
    register.json. Only public fields are published: never `internal`, the
    fields partreg.yaml marks internal, or officers' contact details (unless
    the settings publish them). Open index.html straight from disk, or put
    the folder on any web server.

    Every entry that can be read is published, gaps shown as "Not recorded".
    If a file cannot be read at all (or repeats another's id), nothing is
    published and the exit code is 1: the site as last published stays as
    it was. With --allow-incomplete the rest is published, and the page
    says how many files are left out.

    --out must be the site's own folder: not the register's root, nor your
    home folder or a folder above them, nor (unless --force) a folder
    holding files partreg did not write, besides .git, CNAME, .nojekyll and
    .DS_Store. render never writes through a symbolic link, and deletes
    only files it wrote that are unchanged since.

    Example: partreg render --out site
    """
)
def render(
    out: Annotated[
        Path, typer.Option("--out", help="The folder to write the site into.", file_okay=False)
    ] = Path("site"),
    output: Annotated[
        RenderFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="html (pages), markdown (register.md), or all."
        ),
    ] = RenderFormat.all,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            help="Publish even when some files cannot be read: the page says how many are left out.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Publish into a folder holding files partreg did not write: they stay, unless partreg "
            "writes a file of the same name.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    jobs: JobsOption = None,
    root: RootOption = None,
) -> None:
    from partreg import report
    from partreg.models import visible
    from partreg.pageview import change_views
    from partreg.render import FEED, publication
    from partreg.runner import discard, publish, render_files
    from partreg.site import check_site, open_site
    from partreg.store import make_folder, one_writer, package_templates, register_files
    from partreg.templating import template_dirs, template_failure

    base = _root(root)
    settings = _settings(base)
    site = open_site(out)
    if site.warning:
        report.error(site.warning)
    home = None
    with contextlib.suppress(RuntimeError):  # no home folder known: nothing to keep out of
        home = Path.home()
    check_site(site, root=base, home=home, force=force)
    formats = {
        "html": ("html", "data"),
        "markdown": ("markdown", "data"),
        "all": ("html", "markdown", "data"),
    }
    make_folder(site.out)
    extra, notes = _site_exports(base, settings)
    today = as_of or date.today()
    changes, feed = _changes(base, settings, today)
    with one_writer(site.out):  # one render into a folder at a time
        try:
            pub = publication(
                settings,
                today,
                template_dirs(base, package_templates()),
                formats[output.value],
                history=change_views(changes),
                feed=feed,
                extra=extra,
            )
            paths = register_files(base)
            with report.counter(len(paths), "Publishing", enabled=True) as advance:
                rendered = render_files(paths, base, pub, site.out, jobs=jobs, progress=advance)
            try:
                left_out = rendered.left_out
                if left_out and not allow_incomplete:
                    _say_left_out(left_out, "of the register")
                    report.error(
                        f"nothing was published: {out}/ is as it was. Fix the files above, "
                        "or publish the rest with --allow-incomplete (the page then says how many are left out)"
                    )
                    raise typer.Exit(1)
                _say_left_out(left_out, "of the published register")
                written, kept = publish(rendered, pub, site, left_out=len(left_out))
            finally:
                discard(rendered)
        except Exception as e:  # the register's own templates are the user's: a clear line, not a traceback
            failure = template_failure(e)
            if failure is None:
                raise
            raise PartregError(
                f"{failure.replace(str(base) + os.sep, '')}; nothing was published: fix the template "
                "(or remove it, to use partreg's own)"
            ) from None
    for line in kept:
        report.error(line)
    for line in notes:
        report.error(visible(line))
    pages = sum(name.startswith("arrangements/") for name in written)
    typer.echo(visible(f"Wrote {len(written)} files to {out}/ ({pages} arrangement pages)."))
    if not feed:
        typer.echo(
            f"No change feed ({FEED}): the register is not in a git repository, where its changes are kept."
        )
    if "accessibility.html" in written and not settings.publish.accessibility.contact:
        typer.echo(
            "The accessibility statement names no contact: set publish.accessibility.contact in partreg.yaml "
            "(an email address, phone number or web page)."
        )
    if "index.html" in written:
        typer.echo(f"Open {(out / 'index.html').resolve().as_uri()} in a browser.")


@_command()
@_help(
    """Start a new council's register: settings, a register folder, a README for officers,
    pre-commit hooks, a GitHub Actions workflow, the JSON Schema, and .gitignore.

    Never replaces a file: if any of them exists already, nothing is written.

    Example: partreg init brentwood-register --council "Brentwood Borough Council" --priority "Growing our economy"
    """
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
    from partreg.models import visible
    from partreg.questionnaire import Questionnaire
    from partreg.scaffold import TEMPLATES, scaffold
    from partreg.store import make_folder, package_templates, write_atomic

    priorities = list(priority or [])
    if council is None:
        if not _interactive():
            raise UsageError(
                "give --council NAME (and --priority NAME for each corporate priority), or run it in a terminal"
            )
        from partreg.models import Settings

        asker = Questionnaire(_ask, _say, Settings(council="-"), date.today(), lambda _: False)
        council = asker.need("The council's name", str)
        if not priorities:
            typer.echo("The corporate plan's priorities, one at a time (empty to finish):")
            while answer := asker.text(f"Priority {len(priorities) + 1}", required=False):
                priorities.append(answer)
    source = package_templates() / "init"
    try:
        files = scaffold(
            council, priorities, {name: (source / name).read_text("utf-8") for name in TEMPLATES}
        )
    except ValueError as e:  # pydantic's ValidationError is one: said a line, not as its report
        errors = getattr(e, "errors", None)
        said = (
            "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in errors())
            if callable(errors)
            else str(e)
        )
        raise UsageError(said) from None
    existing = [name for name in files if (directory / name).exists()]
    if existing:
        raise WriteRefused(
            f"{directory}: {', '.join(existing)} already exist; partreg init never replaces a file"
        )
    for name, text in files.items():
        make_folder((directory / name).parent)
        write_atomic(directory / name, text, exclusive=True)
    typer.echo(visible(f"Created a register for {council} in {directory}/ ({len(files)} files)."))
    typer.echo(visible(f"Next: cd {directory}; git init; partreg add"))


@_command("import")
@_help(
    """Turn a spreadsheet register into register files; first a dry run showing what goes where.

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
    """
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
        typer.Option("--write", help="Create a file for every row, complete or not (never replacing one)."),
    ] = False,
    root: RootOption = None,
) -> None:
    from partreg import report
    from partreg.importer import can_map, header_score, import_report, map_columns, normal, read_rows
    from partreg.sheets import read_sheet
    from partreg.store import REGISTER_DIR, dump_entry, make_folder, one_writer, write_atomic

    base = _root(root)
    settings = _settings(base)
    given = {}
    for item in mapping or []:
        header, sep, path = item.partition("=")
        if not sep or not header.strip() or not can_map(path.strip()):
            raise UsageError(
                f"--map {item!r}: write HEADER=FIELD with a field that holds a value, "
                "e.g. 'Officer=lead.role', 'Ref=contract.reference' or 'Ref=notes'"
            )
        given[header.strip()] = path.strip()
    table = read_sheet(spreadsheet, lambda cells: header_score(cells, given), sheet)
    missing = [h for h in given if normal(h) not in {normal(x) for x in table.headers}]
    if missing:
        raise UsageError(
            f"--map {missing[0]!r}: the sheet has no such column; its columns are: "
            + ", ".join(repr(h) for h in table.headers if h)
        )
    columns = map_columns(table.headers, given)
    result = read_rows(table.display, spreadsheet.stem, table.rows, columns, settings, table.merged)
    on_disk = _ids_on_disk(base)
    existing = {r.number for r in result.rows if r.id in on_disk}
    lines, attention = import_report(table, columns, result, existing, REGISTER_DIR)
    for line in lines:
        typer.echo(line)
    new = [r for r in result.rows if r.number not in existing]
    if not write:
        typer.echo(
            f"Dry run: nothing written. Run again with --write to create {report.plural(len(new), 'file')} in {REGISTER_DIR}/."
            if new
            else "Dry run: nothing to write."
        )
        raise typer.Exit(1 if attention else 0)
    created = 0
    refused = 0
    make_folder(base / REGISTER_DIR)
    with one_writer(base / REGISTER_DIR):  # every writer in register/ holds its lock
        for row in new:
            name = f"{REGISTER_DIR}/{row.id}.yaml"
            try:
                write_atomic(base / name, dump_entry(row.data), exclusive=True)
                created += 1
            except WriteRefused:
                refused += 1
                report.error(f"row {row.number}: {name} already exists: not replaced")
    typer.echo(f"Wrote {report.plural(created, 'file')} to {REGISTER_DIR}/.")
    if created:
        typer.echo(
            "Next: `partreg lint` lists what each entry still needs, and `git status` the new files. "
            "Record each arrangement's last review with `partreg review ID --date YYYY-MM-DD --outcome continue`: "
            "until then its reviews are counted from its start."
        )
    raise typer.Exit(1 if attention or refused else 0)


def _entry_from(target: str, root: Path | None) -> "Arrangement":
    """An entry named by its id (in the register) or by a file's path."""
    from partreg.lint import did_you_mean, run
    from partreg.store import read_document

    path = Path(target)
    if target.endswith((".yaml", ".yml")) or path.exists():
        if not path.is_file():
            raise UsageError(f"{target}: no such file")
        doc = read_document(path, target)
        [(_, entry, problems)] = list(run(None, [(doc, path.stem)], ()))
        if entry is None:
            first = problems[0]
            raise PartregError(
                f"{first.path}:{first.line}:{first.column}: {first.message} ({first.rule}); run `partreg lint {target}`"
            )
        return entry
    register = _open(root)
    by_id = {e.id: e for e in register.entries}
    if target not in by_id:
        raise PartregError(f"no arrangement {target!r} in the register{did_you_mean(target, by_id)}")
    return by_id[target]


def _ask(prompt: str) -> str:
    """One answer from the terminal, the question wrapped to its width; Ctrl-C or Ctrl-D stops the
    command, and nothing is written. Arrow keys edit the line, as in any shell."""
    from partreg import report

    with contextlib.suppress(ImportError):  # not on every platform: without it, arrows are refused
        import readline  # noqa: F401  (input() edits lines once it is loaded)
    *above, last = report.wrapped(prompt.rstrip(" "), sys.stdout).split("\n")
    for line in above:
        typer.echo(line)
    try:
        return input(last + prompt[len(prompt.rstrip(" ")) :])
    except (KeyboardInterrupt, EOFError):
        raise Stopped() from None


def _say(text: str) -> None:
    """A line of a questionnaire, wrapped to the terminal's width at word boundaries."""
    from partreg import report

    typer.echo(report.wrapped(text, sys.stdout))


def _interactive() -> bool:
    return sys.stdin.isatty()


@_command("classify")
@_help(
    """Decide what an arrangement is, by the policy's definitions, and say why.

    With an ID or FILE, classify that entry from its characteristics and compare
    with its recorded kind. With --answers, classify those facts. With neither,
    on a terminal, ask the questions one at a time. Exit 0 when nothing recorded
    contradicts the recorded kind (or, with no kind recorded, when a kind is
    decided without contradiction), 1 otherwise.

    Example: partreg classify street-cleansing-contract-biffa
    """
)
def classify_(
    target: Annotated[
        str | None, typer.Argument(metavar="[ID|FILE]", help="A register entry's id, or an arrangement file.")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="A YAML or JSON file of facts: `council_sole_procurer: true`, ...",
            dir_okay=False,
        ),
    ] = None,
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", case_sensitive=False, help="text or json.")
    ] = ShowFormat.text,
    root: RootOption = None,
) -> None:
    from partreg import report
    from partreg.classify import classify, facts_from, facts_of, statute_of
    from partreg.questionnaire import Questionnaire
    from partreg.store import read_document

    recorded, statute = None, None
    if answers is not None:
        doc = read_document(answers, str(answers))
        if doc.problems:
            p = doc.problems[0]
            raise UsageError(f"{p.path}:{p.line}:{p.column}: {p.message} ({p.rule})")
        try:
            facts = facts_from(doc.data)
        except ValueError as e:
            raise UsageError(f"{answers}: {e}") from None
    elif target is not None:
        entry = _entry_from(target, root)
        recorded = entry.kind.value if entry.kind else None
        facts, statute = facts_of(entry.characteristics), statute_of(entry)
    elif _interactive():
        from partreg.models import Settings

        facts = Questionnaire(_ask, _say, Settings(council="-"), date.today(), lambda _: False).facts()
    else:
        raise UsageError(
            "give an ID or FILE, or --answers FILE; or run it in a terminal to be asked the questions"
        )
    result = classify(facts, statute=statute)
    document = result.as_dict()
    if recorded and result.kind is not None and result.kind != recorded:
        from partreg.classify import changes_to
        from partreg.models import Kind

        # what would make it the recorded kind, for the message (and a JSON reader)
        document["to_make_recorded"] = [
            {"fact": n, "value": v} for n, v in changes_to(facts, statute, Kind(recorded))
        ]
    if output is ShowFormat.json:
        report.as_json({**document, "recorded": recorded} if recorded else document, sys.stdout)
    else:
        report.classification_text(document, recorded, report.console())
    fails = result.contradicts(recorded) if recorded else not result.settled
    raise typer.Exit(1 if fails else 0)


@_command()
@_help(
    """Add an arrangement to the register: a guided questionnaire, or a draft file.

    The questions decide the kind by the policy's definitions first, then ask
    for what that kind needs. The new file is register/<id>.yaml; an existing
    file is never replaced. Nothing is written until every answer is given.

    Example: partreg add --from draft.yaml --dry-run
    """
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
    from pydantic import ValidationError

    from partreg import report
    from partreg.lint import Linter, Severity
    from partreg.models import Arrangement, plain
    from partreg.questionnaire import Finding, Questionnaire, canonical, free_id, propose_id
    from partreg.rules import ALL
    from partreg.store import (
        REGISTER_DIR,
        Document,
        dump_entry,
        make_folder,
        one_writer,
        parse_document,
        read_document,
        write_atomic,
    )

    base = _root(root)
    settings = _settings(base)
    folder = base / REGISTER_DIR
    linter = Linter(settings, ALL, date.today())  # what lint will say today: reviews due, ends passed
    doc: Document | None = None
    if draft is not None:
        doc = read_document(draft, str(draft))
        data = doc.data
        titled = isinstance(data, dict) and isinstance(data.get("title"), str)
        if titled and not doc.problems and "id" not in data:
            data = {"id": free_id(propose_id(data["title"]), _ids_on_disk(base).__contains__), **data}
            doc.data = data  # checked with the id partreg gave it; problems still point into the draft
            typer.echo(f"The draft has no id: it is {data['id']}, from its title.", err=True)
    elif _interactive():

        def check(answers: dict[str, Any]) -> list[Finding]:
            name = f"{REGISTER_DIR}/{answers['id']}.yaml"
            _, found = linter.check(parse_document(dump_entry(answers).encode(), name), answers["id"])
            return [Finding(p.severity is Severity.ERROR, p.message) for p in found]

        data = Questionnaire(_ask, _say, settings, date.today(), lambda i: i in _ids_on_disk(base)).run(check)
    else:
        raise UsageError("partreg add asks questions: run it in a terminal, or give --from DRAFT.yaml")

    if doc is not None and doc.problems:
        report.problems_parsable(doc.problems, sys.stderr)
        raise PartregError(f"{draft}: not written; fix the problems above and try again")
    try:
        entry = Arrangement.model_validate(data)
    except ValidationError:
        source = doc or parse_document(dump_entry(canonical(data)).encode(), "draft.yaml")
        named = data.get("id") if isinstance(data, dict) else None  # a draft's file name is not its id
        report.problems_parsable(linter.check(source, named if isinstance(named, str) else "")[1], sys.stderr)
        raise PartregError(
            f"{draft or 'the answers'}: not written; fix the problems above and try again"
        ) from None
    text = dump_entry(canonical(plain(entry.model_dump(exclude_unset=True))))
    name = f"{REGISTER_DIR}/{entry.id}.yaml"
    _, found = linter.check(doc or parse_document(text.encode(), name), entry.id)
    # an entry whose own facts contradict each other is one `partreg classify` would reject
    if any(p.severity is Severity.ERROR or p.rule == "characteristics-conflict" for p in found):
        report.problems_parsable(found, sys.stderr)
        raise PartregError(f"{draft or 'the answers'}: not written; fix the problems above and try again")
    taken = entry.id in _ids_on_disk(base)
    if taken:  # register/<id>.yml is the same arrangement
        name = str(_entry_file(base, entry.id).relative_to(base))
    refused = (
        f"{name} already exists, and partreg never replaces a file: choose another id, e.g. {entry.id}-2"
    )
    if dry_run:
        sys.stdout.write(text)
        if taken:  # the file is shown, and the write it stands for would be refused
            raise WriteRefused(refused)
        return
    try:
        if taken:
            raise WriteRefused(name)
        make_folder(folder)
        with one_writer(folder):  # every writer in register/ holds its lock
            write_atomic(folder / f"{entry.id}.yaml", text, exclusive=True)
    except WriteRefused:
        raise WriteRefused(refused) from None
    report.problems_parsable(found, sys.stderr)
    typer.echo(f"Wrote {name}. Review it, then commit it: git add {name}")


# --------------------------------------------------------------------------- export

export_app = typer.Typer(
    cls=_Group,
    help="The statutory and open-data publications made from the register: the Transparency Code's "
    "contracts and grants, and 360Giving.\n\nExample: partreg export transparency-contracts --out contracts.csv",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


FromOption = Annotated[
    date | None,
    typer.Option(
        "--from",
        metavar="YYYY-MM-DD",
        parser=_iso_date,
        help="Only what was live on or after this day (the first day of the quarter). Default: no limit.",
        show_default=False,
    ),
]
ToOption = Annotated[
    date | None,
    typer.Option(
        "--to",
        metavar="YYYY-MM-DD",
        parser=_iso_date,
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


def _period(start: date | None, end: date | None) -> Any:
    from partreg.opendata import Period

    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}: give the period's first day, then its last")
    return Period(start, end)


def _export_write(text: str, out: Path | None) -> None:
    """The export, to ``out`` (written whole, or not at all) or to standard output."""
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    from partreg.store import write_atomic

    write_atomic(out, text)


def _export_text(table: Any, data: Any, output: ExportFormat) -> str:
    """An export as CSV (its table) or as JSON (``data``)."""
    import io

    from partreg import report
    from partreg.opendata import table_csv

    if output is ExportFormat.csv:
        return str(table_csv(table))
    buffer = io.StringIO()
    report.as_json(data, buffer)
    return buffer.getvalue()


def _export_table(
    rows: Callable[..., Any],
    what: str,
    start: date | None,
    end: date | None,
    output: ExportFormat,
    out: Path | None,
    root: Path | None,
) -> None:
    """A Transparency Code table of the register for the period, written, and its summary said."""
    period = _period(start, end)
    register = _open(root)
    assert register.settings is not None  # _open stops where the settings cannot be read
    table = rows(register.entries, register.settings, period)
    _export_write(_export_text(table, table.rows, output), out)
    typer.echo(table.summary(what), err=True)


TableFormatOption = Annotated[
    ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="csv or json.")
]


@export_app.command("transparency-contracts", cls=_Command)
@_help(
    """Contracts over £5,000, in the Local Government Transparency Code 2015's columns (CSV for Excel).

    One row per contract (or an arrangement whose facts make it one) whose
    value exceeds the threshold (exports.contracts_over_gbp in partreg.yaml,
    default 5000) and whose life overlaps --from/--to; a contract with no
    value recorded is listed too. Cells the register does not record are
    empty, and a summary on stderr says how many rows are incomplete.

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
    from partreg.opendata import transparency_contracts

    _export_table(transparency_contracts, "contract", start, end, output, out, root)


@export_app.command("transparency-grants", cls=_Command)
@_help(
    """Grants, in the Local Government Transparency Code 2015's columns for grants to voluntary,
    community and social enterprise organisations (CSV for Excel).

    One row per community-funding arrangement, or per award of a grant
    scheme (funding.awards), whose funded period overlaps --from/--to.

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
    from partreg.opendata import transparency_grants

    _export_table(transparency_grants, "grant", start, end, output, out, root)


@export_app.command("360giving", cls=_Command)
@_help(
    """Grants as a 360Giving Data Standard package (JSON), or its spreadsheet form (CSV).

    Needs exports.org_id (the council's org-id, e.g. GB-LAE-BRW) and
    exports.giving_prefix (its 360Giving prefix, e.g. 360G-brentwood) in
    partreg.yaml. A grant lacking what 360Giving requires (amount, award
    day, recipient, description) is left out and named, and the exit code
    is 1. Each grant's dateModified is its file's last commit.

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
    from partreg import report
    from partreg.history import last_changed
    from partreg.opendata import giving_package, left_out_lines

    period = _period(start, end)
    register = _open(root)
    settings = register.settings
    assert settings is not None
    unset = [name for name in ("org_id", "giving_prefix") if getattr(settings.exports, name) is None]
    if unset:
        raise PartregError(
            f"360Giving needs {' and '.join(f'exports.{n}' for n in unset)} in partreg.yaml: the council's "
            "org-id (e.g. GB-LAE-BRW, from org-id.guide) and its 360Giving publisher prefix (e.g. 360G-brentwood)"
        )
    package = giving_package(register.entries, settings, last_changed(register.root, precise=True), period)
    for line in left_out_lines(package.left_out):
        report.error(line)
    if not package.data["grants"]:
        raise PartregError("no grant to publish: 360Giving needs at least one; nothing was written")
    _export_write(_export_text(package.table, package.data, output), out)
    typer.echo(package.table.summary("grant"), err=True)
    raise typer.Exit(1 if package.left_out else 0)


def main() -> NoReturn:
    """The console script."""
    app()
    sys.exit(0)
