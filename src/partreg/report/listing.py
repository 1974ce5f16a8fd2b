"""Listings for people: one table whose column widths are worked out so that no id or word is
cut, or, where the terminal is too narrow for that, a block for each row; and the register's
arrangements and what is due for review, listed so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

from partreg.models import KIND_LABELS, Kind
from partreg.readers import pounds
from partreg.report.text import escape
from partreg.review import STATE_LABELS, State


@dataclass(frozen=True)
class Column:
    """A column of a listing: its header, its cell (rich markup, escaped; lines apart by ``\n``),
    whether the cell is never wrapped (a date, an amount), and how its lines join in a block."""

    header: str
    cell: Callable[[dict[str, Any]], str]
    whole: bool = False
    joined: str = ", "


#: Between two columns of a listing's table: the place of the (blank) rule and a space of padding.
GAP = 2


def listing(
    rows: Sequence[dict[str, Any]],
    key: str,
    columns: Sequence[Column],
    out: Console,
    *,
    group: Callable[[dict[str, Any]], str] | None = None,
) -> None:
    """One table, whose first column is each row's ``key`` (an id: never split) above its first
    column's cell, with a heading row where ``group`` changes; where the table cannot fit the
    terminal without splitting an id or a word, one block a row instead: the id, then each
    column as ``header: cell``, wrapped at word boundaries.

    The widths are worked out here, not by rich, whose squeezing of a table too wide for the
    terminal cuts words in two: each column gets at least its longest word (its longest line if
    it is never wrapped), and the room left completes the columns that need least of it first,
    so as few columns as can be wrap at all."""
    from rich import box
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    first, *rest = columns
    cells = [[f"[bold]{r[key]}[/]\n{first.cell(r)}", *(c.cell(r) for c in rest)] for r in rows]
    plain = [[Text.from_markup(cell).plain for cell in row] for row in cells]
    headings = [group(r) if group else "" for r in rows]
    least, most = [], []
    for n, column in enumerate(columns):
        lines = [line for row in plain for line in row[n].split("\n")] + [column.header]
        if n == 0:  # the headings are written in the first column: whole, where there is room
            lines += [h for h in headings if h]
        least.append(
            max(len(line) if column.whole else max(map(len, line.split()), default=0) for line in lines)
        )
        most.append(max(map(len, lines)))
    # into a file or a pipe, lines are not wrapped: the table is as wide as its longest lines
    room = (out.width if not out.soft_wrap else sum(most) + GAP * len(most)) - GAP * (len(columns) - 1)
    if sum(least) > room:
        for n, (values, heading) in enumerate(zip(cells, headings, strict=True)):
            if heading and (n == 0 or heading != headings[n - 1]):
                out.print(f"[bold underline]{heading}[/]")
            id_line, _, below = values[0].partition("\n")
            out.print(id_line)
            fields = [below.replace("\n", first.joined)]
            fields += [
                f"{c.header}: {v.replace(chr(10), c.joined)}" for c, v in zip(rest, values[1:], strict=True)
            ]
            out.print(Padding(" · ".join(f for f in fields if f and not f.endswith(": ")), (0, 0, 0, 2)))
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 0, 0, 1))
    widths = _widths(least, most, room)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, width=width, no_wrap=column.whole)
    for n, (values, heading) in enumerate(zip(cells, headings, strict=True)):
        if heading and (n == 0 or heading != headings[n - 1]):
            if n:
                table.add_row()
            table.add_row(f"[bold underline]{heading}[/]")
        table.add_row(*values)
    if out.soft_wrap:  # into a file or a pipe: as wide as the table, never cropped to 80 columns
        from rich.console import Console

        out = Console(file=out.file, width=sum(widths) + GAP * (len(widths) - 1), highlight=False)
    out.print(table)


def _widths(least: list[int], most: list[int], room: int) -> list[int]:
    """Each column's width: at least ``least``; the room left first completes the columns a few
    characters short of showing every line whole (``CHEAP``), then goes a character at a time to
    the column with the most still to show, so no one column is left far narrower than its text."""
    widths = list(least)
    spare = room - sum(widths)
    for n in sorted(range(len(widths)), key=lambda n: most[n] - least[n]):
        if 0 < most[n] - widths[n] <= min(CHEAP, spare):
            spare -= most[n] - widths[n]
            widths[n] = most[n]
    while spare > 0 and any(w < m for w, m in zip(widths, most, strict=True)):
        n = max(range(len(widths)), key=lambda n: most[n] - widths[n])
        widths[n] += 1
        spare -= 1
    return widths


#: How many characters short of its longest line a column may be and still be completed first.
CHEAP = 10


def arrangements_table(rows: Sequence[dict[str, Any]], out: Console) -> None:
    """The register's arrangements in one table, under a heading for each kind."""

    def money(r: dict[str, Any]) -> str:
        return f"{pounds(r['money_gbp'])}\n({r['money_is']})" if r["money_gbp"] is not None else ""

    def next_review(r: dict[str, Any]) -> str:
        if r["next_review"] or not r.get("exit_decided"):
            return r["next_review"] or ""
        return "none: exit\ndecided"

    def kind(r: dict[str, Any]) -> str:
        label = KIND_LABELS[Kind(r["kind"])] if r["kind"] else "Kind not recorded"
        return f"{label} ({sum(s['kind'] == r['kind'] for s in rows)})"

    listing(
        rows,
        "id",
        [
            Column("arrangement", lambda r: escape(r["title"] or "(no title)")),
            Column("status", lambda r: r["status"] or "not recorded"),
            Column("lead service", lambda r: escape(r["lead_service"] or "not recorded")),
            Column("next review", next_review, whole=True),
            Column(
                "ends",
                lambda r: (r["end"] or "") + ("\nhas passed*" if r["reviewed_after_end"] else ""),
                whole=True,
            ),
            Column("council money", money, joined=" "),
        ],
        out,
        group=kind,
    )
    for r in rows:
        if r["reviewed_after_end"]:
            out.print(went_on_note(r))


def due_table(items: Sequence[dict[str, Any]], today: Any, out: Console) -> None:
    """Due items in one table, most urgent first under a heading for each state, with the lead
    (role and service) as a column."""
    if not items:
        out.print(f"[green]✔[/] Nothing overdue, due or ending as of {today}.")
        return
    colours = {State.DUE: "yellow", State.ENDING: "magenta"}
    labels = {s.value: (colours.get(s, "red"), label) for s, label in STATE_LABELS.items()}
    headings = {
        State.OVERDUE: "Overdue",
        State.ENDED_NOT_CLOSED: "Ended, not closed",
        State.EXIT_NOT_CLOSED: "Exit decided, not closed",
        State.NO_DATE: "No review date known",
        State.DUE: "Due soon",
        State.ENDING: "Ending soon",
    }

    def when(i: dict[str, Any]) -> str:
        day = (
            i["end"]
            if i["state"] in (State.ENDING, State.ENDED_NOT_CLOSED)
            else i["last_review"]
            if i["state"] == State.EXIT_NOT_CLOSED
            else i["next_review"]
        ) or ""
        days = i["days"]
        said = (
            "record its end, or status: ended"
            if days is None and i["state"] == State.EXIT_NOT_CLOSED
            else "record a review or the start"
            if days is None
            else f"{'decided ' if i['state'] == State.EXIT_NOT_CLOSED else ''}{-days} day{'s' if days != -1 else ''} ago"
            if days < 0
            else "today"
            if days == 0
            else f"in {days} day{'s' if days != 1 else ''}"
        )
        if i.get("reviewed_after_end") and i["state"] != State.ENDED_NOT_CLOSED:
            said += f"\nits end, {i['end']}, has passed*"
        elif i.get("reviewed_after_end"):
            said += "\nreviewed after it*"
        return f"{day}\n[{labels[i['state']][0]}]{said}[/]" if day else said

    def lead(i: dict[str, Any]) -> str:
        parts = (i["lead"]["role"], i["lead"].get("member"), i["lead"]["service"])
        return "\n".join(escape(part) for part in parts if part) or "not recorded"

    listing(
        items,
        "id",
        [
            Column("arrangement", lambda i: escape(i["title"] or "(no title)")),
            Column("date", when, joined=", "),
            Column("lead", lead),
        ],
        out,
        group=lambda i: f"{headings[i['state']]} ({sum(j['state'] == i['state'] for j in items)})",
    )
    counts = {s: sum(i["state"] == s for i in items) for s in labels}
    said = [
        f"{counts[State.OVERDUE]} overdue",
        f"{counts[State.DUE]} due soon",
        f"{counts[State.ENDING]} ending soon",
    ]
    if counts[State.ENDED_NOT_CLOSED]:
        said.append(f"{counts[State.ENDED_NOT_CLOSED]} ended but not closed")
    if counts[State.EXIT_NOT_CLOSED]:
        said.append(f"{counts[State.EXIT_NOT_CLOSED]} with the exit decided but not closed")
    if counts[State.NO_DATE]:
        said.append(f"{counts[State.NO_DATE]} with no review date known")
    out.print(f"As of {today}: {', '.join(said)}.")
    for i in items:
        if i.get("reviewed_after_end"):
            out.print(went_on_note(i))


def went_on_note(i: dict[str, Any]) -> str:
    """What ``review-due`` and ``list`` say below their table of an arrangement reviewed after its
    end (``i`` its row: ``id``, ``end``, ``last_review``, ``next_review``), which went on: what the file
    says and what to record. (The last review is not shown where the settings keep reviews internal.)"""
    held, since = (
        (f"on {i['last_review']}, ", f" (not before {i['last_review']})") if i["last_review"] else ("", "")
    )
    return (
        f"* {escape(i['id'])}: reviewed {held}after its end ({i['end']}), and that review did not end "
        f"it, so its reviews go on: the next is due {'on ' if len(i['next_review'] or '') == 10 else 'in '}"
        f"{i['next_review']}. If it was extended, record "
        f"the new end date; if it has ended, record the exit review: `partreg review "
        f"{escape(i['id'])} --date YYYY-MM-DD --outcome exit --end YYYY-MM-DD`, with --date the day its "
        f"exit was decided and --end the day it ended{since}."
    )
