"""Reading a spreadsheet register as councils have them: CSV in any of the encodings and
delimiters Excel writes, and XLSX with several sheets, title rows, merged cells and formulas.

This is an edge module: it turns a file into a :class:`Table` of cells, numbered as the
spreadsheet numbers them (row 1 is the first row, column A the first column). What the
cells mean is :mod:`partreg.importer`'s business; which row is the header is decided by a
function the importer passes in.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partreg.errors import UsageError

#: A register of several thousand arrangements is well under this; a bigger file is not a register.
MAX_BYTES = 10 * 1024 * 1024
#: Registers use tens of columns; a row wider than this is not a register's.
MAX_COLUMNS = 1000
MAX_ROWS = 50_000
#: Rows searched for the header, below any title rows and blank rows above it.
HEADER_SEARCH = 30
#: A cell may hold a long text (a summary, a list of outcomes); the csv module's default limit is 128 KB.
MAX_CELL = 1024 * 1024

Cells = list[Any]
IsHeader = Callable[[Sequence[Any]], bool]


def letter(column: int) -> str:
    """The spreadsheet's name for a column: 1 -> A, 27 -> AA."""
    name = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


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
    #: Cells whose value could not be read, as (row, column, message).
    unreadable: list[tuple[int, int, str]] = field(default_factory=list)


def read_sheet(path: Path, is_header: IsHeader, sheet: str | None = None) -> Table:
    """The register in ``path`` (.csv, .xlsx): the header row is the first that ``is_header`` accepts.

    Raises :class:`UsageError` (exit 2) for a file that is not a register spreadsheet, with one
    line saying what it is and what to do.
    """
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UsageError(
            f"{path}: {size / 1024 / 1024:.1f} MB is more than a register's {MAX_BYTES // 1024 // 1024} MB: "
            "is this the register? Import its register sheet saved on its own"
        )
    if size == 0:
        raise UsageError(f"{path}: the file is empty")
    with path.open("rb") as f:
        head = f.read(8)
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04") and suffix != ".xlsx" and suffix != ".xlsm":
        raise UsageError(f"{path}: this is an Excel workbook, not a CSV file: name it .xlsx and import that")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UsageError(
            f"{path}: an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx, then import that"
        )
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_csv(path, is_header)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, is_header, sheet)
    raise UsageError(f"{path}: import reads .csv and .xlsx files; save the register as one of them")


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without a BOM), UTF-16 with a BOM
    (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" on Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = [("utf-8-sig", "UTF-8")]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = [("utf-16", "UTF-16")]
    else:
        zero = data.find(b"\x00")
        if zero != -1:
            raise UsageError(
                f"{path}: not a CSV file: binary data at byte {zero}; save the sheet as CSV, or import the .xlsx"
            )
        encodings = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252")]
    last: UnicodeDecodeError | None = None
    for codec, name in encodings:
        try:
            return data.decode(codec), name
        except UnicodeDecodeError as e:
            last = e
    assert last is not None
    raise UsageError(
        f"{path}: byte {last.start} (0x{data[last.start]:02x}) is neither UTF-8 nor Windows-1252 text: "
        'save the sheet as "CSV UTF-8"'
    )


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into more than one column.

    ``csv.Sniffer`` guesses from character frequencies and is misled by the commas in
    "£25,000" in a semicolon-separated file; counting columns per parsed line is not.
    """
    sample = text[:65536]
    best: tuple[tuple[bool, int, int], str] = ((False, 0, 0), ",")
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r][:30]
        except csv.Error:
            continue
        if not widths:
            continue
        width, times = Counter(widths).most_common(1)[0]
        score = (width > 1, times, width)
        if score > best[0]:
            best = (score, delimiter)
    return best[1]


def _read_csv(path: Path, is_header: IsHeader) -> Table:
    text, encoding = _decode(path, path.read_bytes())
    delimiter = _delimiter(text)
    csv.field_size_limit(MAX_CELL)
    table: list[Cells] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            _check_size(path, len(table) + 1, cells)
            table.append(list(cells))
    except csv.Error as e:
        raise UsageError(f"{path}:{reader.line_num}: cannot be read as CSV ({e})") from None
    described = f"CSV, {encoding}, {DELIMITERS[delimiter]}-separated"
    return _table(path, str(path), table, is_header, described)


def _check_size(path: Path, row: int, cells: Sequence[Any]) -> None:
    if row > MAX_ROWS:
        raise UsageError(f"{path}: more than {MAX_ROWS:,} rows: is this the register?")
    if len(cells) > MAX_COLUMNS and any(c not in (None, "") for c in cells[MAX_COLUMNS:]):
        raise UsageError(
            f"{path}:{row}: this row has {len(cells):,} columns; a register has at most {MAX_COLUMNS:,}: "
            "is this the register sheet?"
        )


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(path: Path, display: str, table: list[Cells], is_header: IsHeader, described: str) -> Table:
    found = _find_header(table, is_header)
    if found is None:
        if not any(not _blank(c) for row in table for c in row):
            raise UsageError(f"{path}: the sheet is empty")
        raise UsageError(
            f"{path}: no header row in the first {HEADER_SEARCH} rows names a column partreg knows "
            "(such as 'Partnership name', 'Type', 'Lead officer'): add one, or name the columns with --map"
        )
    headers = ["" if _blank(h) else " ".join(str(h).split()) for h in table[found]]
    width = max((len(r) for r in table), default=0)
    while width and all(len(r) < width or _blank(r[width - 1]) for r in table[found:]):
        width -= 1  # trailing empty columns, which Excel keeps once a cell has been formatted
    headers = (headers + [""] * width)[:width]
    rows = [(n, (row + [None] * width)[:width]) for n, row in enumerate(table[found + 1 :], found + 2)]
    return Table(display, headers, found + 1, rows, described)


def _find_header(table: list[Cells], is_header: IsHeader) -> int | None:
    for index, row in enumerate(table[:HEADER_SEARCH]):
        if any(not _blank(c) for c in row) and is_header(row):
            return index
    return None


def _read_xlsx(path: Path, is_header: IsHeader, sheet: str | None) -> Table:
    from openpyxl import load_workbook

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
    for name in [sheet] if sheet else names:
        cells = _sheet_cells(path, book[name])
        if sheet is None and _find_header(cells.table, is_header) is None:
            notes.append(f"sheet {name!r} has no header row: passed over")
            continue
        result = _table(
            path,
            f"{path} [{name}]" if len(names) > 1 else str(path),
            cells.table,
            is_header,
            f"sheet {name!r}",
        )
        result.notes = notes + cells.notes
        result.unreadable = _formulas_without_values(path, name, cells.table, result.header_row)
        return result
    raise UsageError(
        f"{path}: none of its sheets ({', '.join(map(repr, names))}) has a header row naming a column "
        "partreg knows (such as 'Partnership name', 'Type', 'Lead officer'): give --sheet and --map"
    )


@dataclass
class _Cells:
    table: list[Cells]
    notes: list[str]


def _sheet_cells(path: Path, ws: Any) -> _Cells:
    """A worksheet's values, each merged range's value in every row it spans (so that a lead
    service merged down three rows is each row's lead service), formatting-only cells dropped."""
    used = [(r, c) for (r, c), cell in ws._cells.items() if not _blank(cell.value)]
    if not used:
        return _Cells([], [])
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
            table[r - 1][c - 1] = _cell_value(cell.value)
    notes = []
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        if top > height or left > width or merged.max_row == top:
            continue  # a merge across columns only: its value belongs to its first column
        value = table[top - 1][left - 1]
        if _blank(value):
            continue
        for r in range(top + 1, min(merged.max_row, height) + 1):
            table[r - 1][left - 1] = value
        notes.append(
            f"{letter(left)}{top}:{letter(left)}{merged.max_row} is one merged cell: "
            f"rows {top} to {merged.max_row} each get {_short(value)}"
        )
    return _Cells(table, notes)


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _cell_value(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def _formulas_without_values(
    path: Path, name: str, table: list[Cells], header_row: int
) -> list[tuple[int, int, str]]:
    """Formulas whose result the file does not hold (a workbook written by a program that does
    not calculate; Excel saves the results): their cells would otherwise read as blank."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    found = []
    try:
        for r, row in enumerate(
            book[name].iter_rows(min_row=header_row + 1, values_only=True), header_row + 1
        ):
            for c, value in enumerate(row, 1):
                if not (isinstance(value, str) and value.startswith("=")):
                    continue
                if r > len(table) or c > len(table[r - 1]) or _blank(table[r - 1][c - 1]):
                    found.append(
                        (
                            r,
                            c,
                            f"the formula {_short(value)} has no saved result: open the file in Excel, save it, and import again",
                        )
                    )
    finally:
        book.close()
    return found
