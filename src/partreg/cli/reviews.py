"""``partreg review-due`` and ``partreg review``: what is due, and a review held, recorded."""

import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer

from partreg import report
from partreg.app.browsing import reviews_due
from partreg.app.reviewing import Recorded, Review, Terminal, record_review
from partreg.cli import common
from partreg.cli.common import opened, root_of
from partreg.cli.framework import AsOfOption, Command, RootOption, command_set, help_for
from partreg.duecalendar import due_calendar, not_in_calendar
from partreg.export import DUE_COLUMNS, due_record
from partreg.models import PartialDate, plural, read_date
from partreg.review import STATE_LABELS

commands = command_set()


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    ics = "ics"


@commands.command("review-due", cls=Command)
@help_for(
    "review-due",
    """
    Example: partreg review-due --within 60 --format ics > reviews.ics
    """,
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
        str | None,
        typer.Option(
            "--owner", help="Only arrangements whose lead officer's role, or lead councillor, is this."
        ),
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
    register = opened(root)
    found = reviews_due(register, as_of or date.today(), within, owner=owner, service=service)
    if output is DueFormat.json:
        report.as_json([i.as_dict() for i in found.items], sys.stdout)
    elif output is DueFormat.csv:
        report.records_csv([due_record(i) for i in found.items], DUE_COLUMNS, sys.stdout)
    elif output is DueFormat.ics:
        sys.stdout.flush()
        sys.stdout.buffer.write(due_calendar(found.items, found.council, datetime.now(UTC)))
        for item in not_in_calendar(found.items):
            report.error(
                f"{item.entry.id}: {STATE_LABELS[item.state]}, so it is not in the calendar; "
                "`partreg review-due` lists it"
            )
    else:
        report.due_table([i.as_dict() for i in found.items], found.today, report.console())
    if fail_on_overdue and register.left_out:
        report.error(
            "--fail-on-overdue: not every file could be read, so partreg cannot say that nothing is overdue"
        )
    raise typer.Exit(1 if fail_on_overdue and (found.overdue or register.left_out) else 0)


class Outcome(StrEnum):
    continue_ = "continue"
    amend = "amend"
    exit = "exit"
    reassess = "reassess"
    proposed_for_removal = "proposed-for-removal"


def _partial_date(value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return read_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


#: How ``review`` asks at a terminal.
_TERMINAL = Terminal(common.ask_date, common.ask_again)


@commands.command("review", cls=Command)
@help_for(
    "review",
    """
    Every comment, key order and quoting style in the file stays as it was;
    the only change is the added lines (and, for exit, the status and end).
    A review of that date with no outcome (imported from a sheet) is
    completed; the same review again is refused. Reviews are recorded one at
    a time: a second waits for the first, then adds to the file it wrote.

    Example: partreg review brentwood-community-fund --date 2026-11-20 --outcome continue --by "Community Services Manager"
    """,
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
        Any,  # a PartialDate from the parser
        typer.Option(
            "--date",
            metavar="DATE",
            parser=_partial_date,
            help="When the review was held (for exit, when the exit was decided): 2026-04-15 or 15/04/2026 "
            "(2026-04 or 2026 where only that is known). Default: today (for exit at a terminal, asked).",
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
    given = Review(outcome.value, on, by, notes, end)
    done = record_review(
        root_of(root), arrangement_id, given, date.today(), _TERMINAL if common.interactive() else None
    )
    typer.echo(report.wrapped(recorded_message(done), sys.stdout))


def _on(known: str) -> str:
    """A date as :func:`~partreg.review.known_iso` gives it, after "due": on a day, in a month or a
    year, between two months."""
    if "/" in known:
        first, last = known.split("/")
        return f"between {first} and {last}"
    return f"on {known}" if len(known) == 10 else f"in {known}"


def recorded_message(done: Recorded) -> str:
    """What ``review`` says it recorded, and what that makes due."""
    i = done.arrangement_id
    said = (
        f"Completed the review of {i} on {done.held}, which recorded no outcome: its outcome is {done.outcome}"
        if done.completed == "outcome"
        else f"Recorded the review of {i} on {done.held} ({done.outcome})"
    )
    if done.completed == "end":
        said = f"Recorded the end of {i}, whose exit its review of {done.held} decided"
    if done.end is not None:
        # `on 2027-03-31`, `in 2023-01`, `in 2025`: a month or a year is not a day
        on = "on" if done.end.day else "in"
        if done.ended:
            return f"{said}; it ended {on} {done.end}, and its status is now ended."
        return (
            f"{said}; it ends {on} {done.end}, and its status stays as it is until then: write "
            "`status: ended` once it has ended."
        )
    if done.passed_end is not None and not done.went_on:
        return (
            f"{said}. Its end, {done.passed_end}, has passed, so no review is due: if it has ended, record "
            f"its exit review, `partreg review {i} --date YYYY-MM-DD --outcome exit --end {done.passed_end}` "
            "(--date: when the exit was decided); if it was extended, record the new end date."
        )
    if done.next_review is None:
        return f"{said}."
    upcoming = (
        f"The next review was due {_on(done.next_known or str(done.next_review))}, {plural(done.overdue_days, 'day')} ago: it is overdue."
        if done.overdue_days
        else f"Next review: {done.next_known or done.next_review}."
    )
    if done.went_on:
        upcoming += (
            f" Its end, {done.passed_end}, has passed, but it was reviewed after it, so its reviews go on: if it "
            "was extended, record the new end date."
        )
    return f"{said}. {upcoming}"
