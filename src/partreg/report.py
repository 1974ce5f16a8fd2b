"""Showing results to people and programs: the only module that imports rich.

Colour appears only on a terminal, and never when ``NO_COLOR`` is set (rich
honours both). Machine formats (parsable, JSON, CSV) never carry colour.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any, TextIO, TypeVar
from urllib.parse import quote

if TYPE_CHECKING:
    from rich.console import Console

from partreg.models import UNSHOWN, visible
from partreg.problems import Problem, Rule, Severity

# rich is imported only where text for people is made: a CI run's machine formats do without it.


def console(file: TextIO | None = None, width: int | None = None) -> Console:
    """Text for people. On a terminal (or at a ``width`` given), lines are wrapped at its width at
    word boundaries, so no word, id or rule id is split; into a file or a pipe they are not wrapped."""
    from rich.console import Console

    out = Console(file=file or sys.stdout, highlight=False, width=width)
    out.soft_wrap = not (out.is_terminal or width)
    return out


def escape(text: str) -> str:
    """``text`` shown as written by rich (its ``[`` would otherwise start markup), control
    characters written out (:func:`partreg.models.visible`)."""
    from rich.markup import escape as rich_escape

    return rich_escape(visible(text))


def _table(**options: Any) -> Any:
    from rich.table import Table

    return Table(**options)


def _hanging(rows: Sequence[tuple[str, ...]]) -> Any:
    """Rows whose last cell wraps under itself, at word boundaries; the cells before it never wrap."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    for _ in rows[0][:-1] if rows else ():
        grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # a word longer than the line (a long URL) is still shown whole
    for row in rows:
        grid.add_row(*row)
    return grid


def _bullet(out: Console, text: str) -> None:
    """``  • text``, a long text wrapping under itself, not under the bullet."""
    out.print(f"  • {text}" if out.soft_wrap else _hanging([("  •", text)]))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --------------------------------------------------------------------------- problems


def problems_text(problems: Sequence[Problem], files: int, out: Console) -> None:
    """Problems grouped by file, then a summary line. On a terminal a long message wraps under
    itself, at word boundaries; elsewhere each problem is one line."""
    for path, group in groupby(problems, key=lambda p: p.path):
        out.print(f"[bold underline]{escape(path)}[/]")
        rows = []
        for p in group:
            colour = "red" if p.severity is Severity.ERROR else "yellow"
            where, severity = f"  {p.line}:{p.column}", f"[{colour}]{p.severity:<7}[/]"
            rows.append((where, severity, f"{escape(p.message)}  [dim]{p.rule}[/]"))
        if out.soft_wrap:
            for where, severity, message in rows:
                out.print(f"{where.ljust(10)}{severity} {message}")
        else:
            out.print(_hanging(rows))
        out.print()
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    bad_files = len({p.path for p in problems})
    if not problems:
        out.print(f"[green]✔[/] {plural(files, 'file')} checked, no problems")
    else:
        colour = "red" if errors else "yellow"
        out.print(
            f"[{colour}]✖[/] {plural(errors, 'error')}, {plural(warnings, 'warning')} "
            f"in {bad_files} of {plural(files, 'file')}"
        )


def problems_parsable(problems: Iterable[Problem], out: TextIO) -> None:
    """``path:line:col: [severity] message (rule-id)``, one per line."""
    for p in problems:
        message = p.message.replace("\n", " ")
        out.write(visible(f"{p.path}:{p.line}:{p.column}: [{p.severity}] {message} ({p.rule})") + "\n")


def problems_json(problems: Sequence[Problem], files: int, out: TextIO) -> None:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    document = {
        "version": 1,
        "summary": {"files": files, "errors": errors, "warnings": len(problems) - errors},
        "results": [p.as_dict() for p in problems],
    }
    _write_json(document, out)


# --------------------------------------------------------------------------- CI formats


def _gh_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's Actions toolkit does (and control characters)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def problems_github(problems: Sequence[Problem], files: int, out: TextIO, summary: TextIO | None) -> None:
    """GitHub Actions workflow commands: one annotation a problem, grouped by file.

    GitHub shows only ten annotations of each kind per step, so the whole
    table also goes to the job summary (``$GITHUB_STEP_SUMMARY``) when given.
    """
    for path, group in groupby(problems, key=lambda p: p.path):
        out.write(f"::group::{_gh_data(path)}\n")
        for p in group:
            command = "error" if p.severity is Severity.ERROR else "warning"
            out.write(
                f"::{command} file={_gh_property(p.path)},line={p.line},col={p.column},"
                f"title={_gh_property(p.rule)}::{_gh_data(p.message)}\n"
            )
        out.write("::endgroup::\n")
    errors = sum(p.severity is Severity.ERROR for p in problems)
    out.write(
        f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')} in {plural(files, 'file')}\n"
    )
    if summary is None:
        return
    summary.write(
        f"### partreg lint: {plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}\n\n"
    )
    if not problems:
        summary.write(f"{plural(files, 'file')} checked, no problems.\n")
        return
    summary.write("| file | line | severity | rule | problem |\n| --- | --- | --- | --- | --- |\n")
    for p in problems:
        cells = [p.path, f"{p.line}:{p.column}", str(p.severity), f"`{p.rule}`", p.message]
        summary.write("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |\n")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def problems_sarif(problems: Sequence[Problem], rules: Sequence[Rule], version: str, out: TextIO) -> None:
    """SARIF 2.1.0: the rule catalogue with its help, and one result a problem."""
    index = {rule.id: i for i, rule in enumerate(rules)}
    level = {Severity.ERROR: "error", Severity.WARNING: "warning"}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "partreg",
                        "version": version,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": "".join(part.capitalize() for part in rule.id.split("-")),
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc.strip()},
                                "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
                                "defaultConfiguration": {"level": level[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    {
                        "ruleId": p.rule,
                        **({"ruleIndex": index[p.rule]} if p.rule in index else {}),
                        "level": level[p.severity],
                        "message": {"text": p.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {
                                        "uri": quote(p.path.replace("\\", "/")),
                                        "uriBaseId": "%SRCROOT%",
                                    },
                                    "region": {"startLine": p.line, "startColumn": p.column},
                                }
                            }
                        ],
                    }
                    for p in problems
                ],
            }
        ],
    }
    _write_json(document, out)


def rules_text(rules: Sequence[Rule], out: Console, *, full: bool) -> None:
    if not full and out.soft_wrap:  # into a file or a pipe: a rule a line, whole, for grep
        width = max(len(rule.id) for rule in rules)
        for rule in rules:
            out.print(f"{rule.id:<{width}}  {rule.severity!s:<7}  {escape(rule.summary)}")
        return
    if not full:
        table = _table(box=None, pad_edge=False)
        table.add_column("rule")
        table.add_column("severity")
        table.add_column("what it checks")
        for rule in rules:
            table.add_row(rule.id, str(rule.severity), escape(rule.summary))
        out.print(table)
        return
    for rule in rules:
        out.print(f"[bold]{rule.id}[/] ({rule.severity})")
        out.print(escape(rule.doc.strip()))
        out.print()


# --------------------------------------------------------------------------- records


def records_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    out: Console,
    *,
    title: str | None = None,
) -> None:
    table = _table(title=title, title_justify="left")
    for column in columns:
        short = column in ("kind", "status", "start", "end", "date", "commit", "next_review", "days", "state")
        wide = column in ("title", "summary", "partners")
        table.add_column(
            column.replace("_", " "), overflow="fold", no_wrap=short, min_width=24 if wide else None
        )
    for row in rows:
        table.add_row(*(escape(_cell(row.get(c))) for c in columns))
    out.print(table)


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
    least, most = [], []
    for n, column in enumerate(columns):
        lines = [line for row in plain for line in row[n].split("\n")] + [column.header]
        least.append(
            max(len(line) if column.whole else max(map(len, line.split()), default=0) for line in lines)
        )
        most.append(max(map(len, lines)))
    # into a file or a pipe, lines are not wrapped: the table is as wide as its longest lines
    room = (out.width if not out.soft_wrap else sum(most) + GAP * len(most)) - GAP * (len(columns) - 1)
    headings = [group(r) if group else "" for r in rows]
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


def records_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    from partreg.export import csv_writer

    writer = csv_writer(out, "\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])


def _csv_cell(value: Any) -> Any:
    """A number as a number (a day count before today included: ``-12``, not ``'-12``); anything
    else as the text a table shows, safe for a spreadsheet."""
    from partreg.export import spreadsheet_safe

    if isinstance(value, int | float) and not isinstance(value, bool):
        return _cell(value)
    return spreadsheet_safe(_cell(value))


def _write_json(value: Any, out: TextIO) -> None:
    """``value`` as JSON, readable (UTF-8, indented), every control character and bidirectional
    override escaped: JSON escapes only those below U+0020 itself, and DEL, a C1 control or an
    override would act on a terminal."""
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    out.write(UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def as_json(value: Any, out: TextIO) -> None:
    _write_json(value, out)


def mapping_text(record: dict[str, Any], out: Console) -> None:
    """A nested record as indented ``key: value`` lines."""
    buffer = io.StringIO()
    _write_mapping(record, buffer, 0)
    out.print(escape(buffer.getvalue().rstrip()))


def _write_mapping(value: Any, out: io.StringIO, depth: int) -> None:
    pad = "  " * depth
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict | list) and v:
                out.write(f"{pad}{k}:\n")
                _write_mapping(v, out, depth + 1)
            else:
                out.write(f"{pad}{k}: {_cell(v)}\n")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                first = True
                for k, v in item.items():
                    lead = "- " if first else "  "
                    first = False
                    if isinstance(v, dict | list) and v:
                        out.write(f"{pad}{lead}{k}:\n")
                        _write_mapping(v, out, depth + 2)
                    else:
                        out.write(f"{pad}{lead}{k}: {_cell(v)}\n")
            else:
                out.write(f"{pad}- {_cell(item)}\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an amount of pounds as it was written: 36300, not 36300.0
    return str(value)


def classification_text(result: dict[str, Any], recorded: str | None, out: Console) -> None:
    """A classification, its reasons, contradictions and open questions, in plain English; compared
    with the recorded kind, "contradicted" only where the facts contradict it."""
    if result["kind"]:
        out.print(f"[bold]Kind: {result['kind']}[/] — {escape(result['basis'])}")
    elif result.get("leaning"):
        out.print(f"[bold]Kind: not decided yet[/] — the facts lean to {result['leaning']}")
    else:
        out.print("[bold]Kind: not decided yet[/]")
    out.print("Why:")
    for reason in result["reasons"]:
        _bullet(out, escape(reason))
    if result.get("source"):
        out.print(
            f"  [dim]{escape(result['source'])}[/]"
            if out.soft_wrap
            else _hanging([(" ", f"[dim]{escape(result['source'])}[/]")])
        )
    if result["conflicts"]:
        out.print("[yellow]Contradictions (each says which fact to change):[/]")
        for conflict in result["conflicts"]:
            _bullet(out, escape(conflict))
    if result["missing"]:
        if result["kind"] is None and result.get("leaning"):
            out.print("The one question that would settle it:")
        else:
            out.print("Still to find out (the answer could change the kind):")
        for item in result["missing"]:
            _bullet(out, f"{escape(item['question'])}  [dim]({item['fact']})[/]")
    if recorded is None:
        return
    deciding = [d for d in result.get("deciding", []) if not d["presumed"]]
    facts = " and ".join(f"`{d['fact']}: {str(d['value']).lower()}`" for d in deciding)
    if result["kind"] is None:
        if recorded in result.get("possible", []) and not result["conflicts"]:
            out.print(
                f"Not decided yet: nothing recorded contradicts {recorded}, the kind the register records; "
                + (
                    "answer the questions above to decide it."
                    if result["missing"]
                    else "the facts fit no kind yet."
                )
            )
        else:
            out.print(
                f"[red]✖[/] The register records it as {recorded}, which the facts recorded contradict: "
                "no answer to the questions still open makes it that."
            )
    elif recorded != result["kind"]:
        if any(d["presumed"] for d in result.get("deciding", [])):
            because = " (its statutory basis settles the formal agreement)"
        else:
            because = f" ({escape(facts)} decide{'s' if len(deciding) == 1 else ''} it)" if facts else ""
        changes = " or ".join(
            f"`{c['fact']}: {str(c['value']).lower()}`" for c in result.get("to_make_recorded", [])
        )
        instead = f"record {escape(changes)} if that is so" if changes else "correct the facts that decide it"
        out.print(
            f"[red]✖[/] The register records it as {recorded}, but the facts make it {result['kind']}{because}: "
            f"change `kind: {result['kind']}`, or {instead}."
        )
    elif result["conflicts"]:
        out.print(
            f"The register records it as {recorded}, which the facts point to, but they contradict each other: "
            "change the facts named above."
        )
    else:
        out.print(f"[green]✔[/] The register records it as {recorded}, which agrees.")


def arrangements_table(rows: Sequence[dict[str, Any]], out: Console) -> None:
    """The register's arrangements in one table, under a heading for each kind."""
    from partreg.models import KIND_LABELS, Kind
    from partreg.readers import pounds

    def money(r: dict[str, Any]) -> str:
        return f"{pounds(r['money_gbp'])}\n({r['money_is']})" if r["money_gbp"] is not None else ""

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
            Column("next review", lambda r: r["next_review"] or "", whole=True),
            Column("ends", lambda r: r["end"] or "", whole=True),
            Column("council money", money, joined=" "),
        ],
        out,
        group=kind,
    )


def due_table(items: Sequence[dict[str, Any]], today: Any, out: Console) -> None:
    """Due items in one table, most urgent first under a heading for each state, with the lead
    (role and service) as a column."""
    from partreg.review import STATE_LABELS, State

    if not items:
        out.print(f"[green]✔[/] Nothing overdue, due or ending as of {today}.")
        return
    colours = {State.DUE: "yellow", State.ENDING: "magenta"}
    labels = {s.value: (colours.get(s, "red"), label) for s, label in STATE_LABELS.items()}
    headings = {
        State.OVERDUE: "Overdue",
        State.ENDED_NOT_CLOSED: "Ended, not closed",
        State.NO_DATE: "No review date known",
        State.DUE: "Due soon",
        State.ENDING: "Ending soon",
    }

    def when(i: dict[str, Any]) -> str:
        day = (i["end"] if i["state"] in (State.ENDING, State.ENDED_NOT_CLOSED) else i["next_review"]) or ""
        days = i["days"]
        said = (
            "record a review or the start"
            if days is None
            else f"{-days} day{'s' if days != -1 else ''} ago"
            if days < 0
            else "today"
            if days == 0
            else f"in {days} day{'s' if days != 1 else ''}"
        )
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
    if counts[State.NO_DATE]:
        said.append(f"{counts[State.NO_DATE]} with no review date known")
    out.print(f"As of {today}: {', '.join(said)}.")


T = TypeVar("T")
PROGRESS_FROM = 300


def progress(items: Iterable[T], total: int, label: str, *, enabled: bool) -> Iterator[T]:
    """``items``, with a progress bar on stderr when ``enabled``, there are many, and stderr is a terminal."""
    with counter(total, label, enabled=enabled) as advance:
        for item in items:
            yield item
            advance(1)


@contextlib.contextmanager
def counter(total: int, label: str, *, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A function to call with how many more of ``total`` are done; it moves a progress bar on
    stderr when ``enabled``, there are many, and stderr is a terminal."""
    if not enabled or total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(sys.stderr),
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.advance(task, done)


def error(message: str) -> None:
    """One line on stderr for a mistake the user can fix (control characters written out), wrapped
    at word boundaries on a terminal."""
    sys.stderr.write(wrapped(f"partreg: {visible(message)}", sys.stderr) + "\n")


def wrapped(text: str, out: TextIO) -> str:
    """``text`` wrapped at word boundaries to the width of ``out`` where it is a terminal (each line
    continued under its own indentation, under the text of a bullet); elsewhere as it is. A word
    longer than the line (a path, a command) is never cut."""
    import shutil
    import textwrap

    if not out.isatty():
        return visible(text)
    width = max(shutil.get_terminal_size().columns - 1, 20)
    lines = []
    for line in visible(text).split("\n"):
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        bullet = re.match(r"^(?:[-•*]|\d+\.)\s+", body)
        lines.append(
            textwrap.fill(
                line,
                width,
                subsequent_indent=indent + " " * (bullet.end() if bullet else 0),
                break_long_words=False,
                break_on_hyphens=False,
            )
            if len(line) > width
            else line
        )
    return "\n".join(lines)
