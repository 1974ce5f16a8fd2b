"""Reading an .xlsx workbook: the sheet to import, merged cells filled into each row they span,
formulas whose result the file does not hold, and a workbook too big once unpacked refused.

openpyxl loads inside the functions that read a workbook, off the fast path of every other command.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partreg.errors import UsageError
from partreg.importer import TITLED, letter
from partreg.models import shown
from partreg.sheets.table import (
    MAX_COLUMNS,
    MAX_ROWS,
    Cells,
    HeaderScore,
    Table,
    blank,
    build_table,
    find_header,
)

#: Uncompressed size of a workbook's parts: a small .xlsx can hold a sheet of hundreds of MB.
MAX_UNZIPPED = 60 * 1024 * 1024


def read_xlsx(path: Path, score: HeaderScore, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    _check_unzipped(path)
    try:
        book = load_workbook(path, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise UsageError(
            f"{path}: cannot be read as an .xlsx workbook ({type(e).__name__}): save it again as .xlsx"
        ) from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise UsageError(f"{path}: no sheet {sheet!r}; the sheets are: {', '.join(map(repr, names))}")
    notes: list[str] = []
    found: list[tuple[str, _Cells, int, tuple[int, int, list[Any]] | None]] = []
    for name in [sheet] if sheet else names:
        ws = book[name]
        if sheet is None and ws.sheet_state != "visible":
            notes.append(f"sheet {name!r} is hidden: passed over (--sheet {name!r} reads it)")
            continue
        cells = _sheet_cells(path, ws)
        header = find_header(cells.table, score)
        if header is None:
            if sheet is None:
                notes.append(f"sheet {name!r} has no header row: passed over")
                continue
            found.append((name, cells, 0, None))
        else:
            found.append((name, cells, score(header[2]), header))
    if not found:
        raise UsageError(
            f"{path}: none of its sheets ({', '.join(map(repr, names))}) has a header row naming a column "
            "partreg knows (such as 'Partnership name', 'Type', 'Lead officer'): give --sheet and --map"
        )
    # the first sheet whose header names the title, or else the first with a header
    name, cells, _, header = next((f for f in found if f[2] >= TITLED), found[0])
    notes += [
        f"sheet {other!r} also has a header row: --sheet {other!r} imports it"
        for other, *_ in found
        if other != name
    ]
    result = build_table(
        path,
        str(path),
        cells.table,
        score,
        f"sheet {name!r}",
        cells.merges,
        header,
    )
    result.notes = notes + cells.notes
    result.merged = cells.merged
    result.hidden_rows, result.hidden_columns = cells.hidden_rows, cells.hidden_columns
    result.formulas = _formulas_without_values(
        path, name, cells.table, result.header_row + result.header_rows
    )
    return result


def _check_unzipped(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            size = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # openpyxl says what is wrong with it
    if size > MAX_UNZIPPED:
        raise UsageError(
            f"{path}: its sheets hold {size / 1024 / 1024:,.0f} MB once unpacked, more than a register's "
            f"{MAX_UNZIPPED // 1024 // 1024} MB: is this the register? Save its register sheet on its own"
        )


@dataclass
class _Cells:
    table: list[Cells]
    notes: list[str] = field(default_factory=list)
    #: Merged ranges as (top, left, bottom, right), 1-based.
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    merged: set[tuple[int, int]] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    #: By index from 0, as a table's columns are.
    hidden_columns: set[int] = field(default_factory=set)


def _sheet_cells(path: Path, ws: Any) -> _Cells:
    """A worksheet's values, each merged range's value in every row it spans (so that a lead
    service merged down three rows is each row's lead service), formatting-only cells dropped.

    openpyxl keeps a sheet's cells in ``_cells``; reading only those, rather than every cell up to
    the last formatted one, keeps a sheet formatted to column XFD as small as its contents."""
    used = [(r, c) for (r, c), cell in ws._cells.items() if not blank(cell.value)]
    if not used:
        return _Cells([])
    height = max(r for r, _ in used)
    width = max(c for _, c in used)
    if height > MAX_ROWS:
        raise UsageError(f"{path} [{ws.title}]: more than {MAX_ROWS:,} rows: is this the register?")
    if width > MAX_COLUMNS:
        raise UsageError(
            f"{path} [{ws.title}]: a row has {width:,} columns; a register has at most {MAX_COLUMNS:,}: "
            "is this the register sheet?"
        )
    table: list[Cells] = [[None] * width for _ in range(height)]
    for (r, c), cell in ws._cells.items():
        if r <= height and c <= width:
            table[r - 1][c - 1] = _cell_value(cell.value, cell.number_format)
    result = _Cells(table)
    # a row hidden by a filter is hidden too; a column's width set for several columns at once holds them all
    result.hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden and r <= height}
    result.hidden_columns = {
        c - 1
        for d in ws.column_dimensions.values()
        if d.hidden and d.min is not None
        for c in range(d.min, min(d.max or d.min, width) + 1)
    }
    for merged in ws.merged_cells.ranges:
        top, left, bottom, right = merged.min_row, merged.min_col, merged.max_row, merged.max_col
        result.merges.append((top, left, bottom, right))
        if top > height or left > width or bottom == top:
            continue  # a merge across columns only: its value belongs to its first column
        value = table[top - 1][left - 1]
        if blank(value):
            continue
        for r in range(top + 1, min(bottom, height) + 1):
            table[r - 1][left - 1] = value
            result.merged.add((r, left - 1))
        result.notes.append(
            f"{letter(left)}{top}:{letter(left)}{bottom} is one merged cell: rows {top} to {bottom} each get {_short(value)}"
        )
    return result


def _short(value: Any) -> str:
    """A cell as a message quotes it: text quoted, a number or date as the sheet shows it."""
    return shown(value) if isinstance(value, str) else str(value)[:40]


def _cell_value(value: Any, number_format: str = "General") -> Any:
    """A cell's value as the sheet shows it where the number alone would mislead: 2% is not 0.02."""
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (number_format or ""):
        return f"{value * 100:g}%"
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def _formulas_without_values(
    path: Path, name: str, table: list[Cells], first_row: int
) -> dict[tuple[int, int], str]:
    """Formulas from ``first_row`` down whose result the file does not hold (a workbook written by
    a program that does not calculate; Excel saves the results), by (row, column index from 0):
    their cells would otherwise read as blank, without a word."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    found = {}
    try:
        for r, row in enumerate(book[name].iter_rows(min_row=first_row, values_only=True), first_row):
            for c, value in enumerate(row):
                if not (isinstance(value, str) and value.startswith("=")):
                    continue
                if r > len(table) or c >= len(table[r - 1]) or blank(table[r - 1][c]):
                    found[(r, c)] = value
    finally:
        book.close()
    return found
