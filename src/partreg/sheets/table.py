"""A sheet's cells as a :class:`Table`: the header found among its first rows (by a score the
importer passes in), the rows below it, trailing empty columns dropped, and the size a register has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partreg.errors import UsageError

#: Registers use tens of columns; a row wider than this is not a register's.
MAX_COLUMNS = 1000
MAX_ROWS = 50_000
#: Rows searched for the header, below any title rows and blank rows above it.
HEADER_SEARCH = 30


Cells = list[Any]
#: How well a row (or two rows read together) names columns: 0 for not a header.
HeaderScore = Callable[[Sequence[Any]], int]


@dataclass
class Table:
    """One sheet: its header and the rows below it, with where each came from."""

    display: str
    headers: list[str]
    header_row: int
    rows: list[tuple[int, Cells]]
    #: How the file was read ("CSV, Windows-1252, semicolon-separated"; "sheet 'Register'").
    described: str
    #: What the reader did that the officer should know: merged cells filled, sheets passed over.
    notes: list[str] = field(default_factory=list)
    #: Cells holding a formula whose result the file does not hold (a workbook written by a program
    #: that does not calculate), by (row, column index from 0): the formula, as ``=450000*1.1``.
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Whether those formulas are the text of a CSV's cells (a sheet saved as CSV with its formulas,
    #: not their values), rather than an .xlsx's formulas with no saved result.
    formulas_as_text: bool = False
    #: Cells that hold the value of a merged cell above them, as (row, column index from 0).
    merged: set[tuple[int, int]] = field(default_factory=set)
    #: The header's rows: 1, or 2 where a header is written over two rows.
    header_rows: int = 1
    #: Rows hidden in the sheet (by the officer, or by a filter), as the sheet numbers them.
    hidden_rows: set[int] = field(default_factory=set)
    #: Columns hidden in the sheet, by index from 0.
    hidden_columns: set[int] = field(default_factory=set)


def check_size(path: Path, row: int, cells: Sequence[Any]) -> None:
    if row > MAX_ROWS:
        raise UsageError(f"{path}: more than {MAX_ROWS:,} rows: is this the register?")
    if len(cells) > MAX_COLUMNS and any(c not in (None, "") for c in cells[MAX_COLUMNS:]):
        raise UsageError(
            f"{path}:{row}: this row has {len(cells):,} columns; a register has at most {MAX_COLUMNS:,}: "
            "is this the register sheet?"
        )


def blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def build_table(
    path: Path,
    display: str,
    table: list[Cells],
    score: HeaderScore,
    described: str,
    merges: Sequence[tuple[int, int, int, int]] = (),
    header: tuple[int, int, list[Any]] | None = None,
) -> Table:
    found = header or find_header(table, score)
    if found is None:
        if not any(not blank(c) for row in table for c in row):
            raise UsageError(f"{path}: the sheet is empty")
        raise UsageError(
            f"{path}: no header row in the first {HEADER_SEARCH} rows names a column partreg knows "
            "(such as 'Partnership name', 'Type', 'Lead officer'): add one, or name the columns with --map"
        )
    first, count, headers = found
    # a header merged across columns ("Partner organisations" over B1:C1) heads each of them
    for top, left, _bottom, right in merges:
        if first + 1 <= top <= first + count and right > left:
            for column in range(left, right):
                if column < len(headers) and blank(headers[column]):
                    headers[column] = headers[left - 1]
    body = table[first + count :]
    width = max((len(r) for r in [headers, *body]), default=0)
    while (
        width
        and (len(headers) < width or blank(headers[width - 1]))
        and all(len(r) < width or blank(r[width - 1]) for r in body)
    ):
        width -= 1  # trailing empty columns, which Excel keeps once a cell has been formatted
    headers = ["" if blank(h) else " ".join(str(h).split()) for h in (headers + [""] * width)[:width]]
    rows = [(n, (row + [None] * width)[:width]) for n, row in enumerate(body, first + count + 1)]
    return Table(display, headers, first + 1, rows, described, header_rows=count)


def find_header(table: list[Cells], score: HeaderScore) -> tuple[int, int, list[Any]] | None:
    """The header: the row, or two rows read together ("Partnership" over "name", where the top row
    names more than the row below does alone), among the first rows that names the most columns
    partreg knows; the earliest and the single row on a tie. A
    cell merged over the two rows is read once ("Council contribution (£)", not twice)."""
    best: tuple[int, int, int, list[Any]] | None = None
    for index, row in enumerate(table[:HEADER_SEARCH]):
        if not any(not blank(c) for c in row):
            continue
        candidates = [(score(row), 1, list(row))]
        if index + 1 < len(table) and any(not blank(c) for c in table[index + 1]):
            below = table[index + 1]
            width = max(len(row), len(below))
            joined = [
                # (a cell merged over both rows gives each its text: said once)
                (
                    str(top)
                    if not blank(top) and str(top) == str(bottom)
                    else " ".join(str(c) for c in (top, bottom) if not blank(c))
                )
                or None
                for top, bottom in zip(
                    row + [None] * (width - len(row)), below + [None] * (width - len(below)), strict=True
                )
            ]
            # taken only where the top row names more than the row below alone: a title row
            # ("Partnership Register 2019 (DRAFT)" over the headers) is no part of the header
            if score(joined) > score(below):
                candidates.append((score(joined), 2, joined))
        for points, count, headers in candidates:
            if points > 0 and (best is None or points > best[0]):
                best = (points, index, count, headers)
    return None if best is None else (best[1], best[2], best[3])
