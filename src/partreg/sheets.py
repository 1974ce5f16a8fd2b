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
from partreg.importer import TITLED, letter
from partreg.models import shown

#: A register of several thousand arrangements is well under this; a bigger file is not a register.
MAX_BYTES = 10 * 1024 * 1024
#: Registers use tens of columns; a row wider than this is not a register's.
MAX_COLUMNS = 1000
MAX_ROWS = 50_000
#: Rows searched for the header, below any title rows and blank rows above it.
HEADER_SEARCH = 30
#: A cell may hold a long text (a summary, a list of outcomes); the csv module's default limit is 128 KB.
MAX_CELL = 1024 * 1024

#: Uncompressed size of a workbook's parts: a small .xlsx can hold a sheet of hundreds of MB.
MAX_UNZIPPED = 60 * 1024 * 1024

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
    #: Cells whose value could not be read, as (row, column, message).
    unreadable: list[tuple[int, int, str]] = field(default_factory=list)
    #: Cells that hold the value of a merged cell above them, as (row, column index from 0).
    merged: set[tuple[int, int]] = field(default_factory=set)
    #: The header's rows: 1, or 2 where a header is written over two rows.
    header_rows: int = 1


def read_sheet(path: Path, score: HeaderScore, sheet: str | None = None) -> Table:
    """The register in ``path`` (.csv, .xlsx): the header row is the first that ``score`` accepts.

    Raises :class:`UsageError` (exit 2) for a file that is not a register spreadsheet, with one
    line saying what it is and what to do.
    """
    if path.is_dir():
        raise UsageError(f"{path}: a folder, not a spreadsheet: give the .csv or .xlsx file")
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if not path.is_file():
        raise UsageError(f"{path}: not a regular file: give the .csv or .xlsx file")
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
        if sheet is not None:
            raise UsageError(f"{path}: --sheet names a sheet of an .xlsx workbook; a CSV file has one")
        return _read_csv(path, score)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, score, sheet)
    raise UsageError(f"{path}: import reads .csv and .xlsx files; save the register as one of them")


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without a BOM), UTF-16 (Excel's
    "Unicode text", with or without a BOM), or Windows-1252 (Excel's "CSV" on Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = [("utf-8-sig", "UTF-8")]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = [("utf-16", "UTF-16")]
    else:
        zero = data.find(b"\x00")
        # UTF-16 without a BOM: every other byte of ASCII text is zero
        wide = _half_zero(data[:4096]) if zero != -1 and len(data) >= 4 else ""
        if wide:
            encodings = [(wide, "UTF-16")]
        elif zero != -1:
            raise UsageError(
                f"{path}: not a CSV file: binary data at byte {zero}; save the sheet as CSV, or import the .xlsx"
            )
        else:
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


def _half_zero(sample: bytes) -> str:
    """``utf-16-le`` or ``utf-16-be`` where every other byte of ``sample`` is zero, else ``""``."""
    for codec, zeros, text in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if zeros.count(0) > len(sample) // 4 and 0 not in text:
            return codec
    return ""


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


def _read_csv(path: Path, score: HeaderScore) -> Table:
    text, encoding = _decode(path, path.read_bytes())
    delimiter = _delimiter(text)
    csv.field_size_limit(MAX_CELL)
    table: list[Cells] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for cells in reader:
            _check_size(path, len(table) + 1, cells)
            table.append(list(cells))
            line = reader.line_num + 1
    except csv.Error as e:
        if "end of data" in str(e):
            raise UsageError(
                f'{path}:{line}: a cell opened with a quote (") is never closed, so every line after it '
                "would be one cell: close the quote, or save the sheet again from Excel"
            ) from None
        raise UsageError(
            f"{path}:{line}: cannot be read as CSV ({e}): save the sheet again from Excel"
        ) from None
    described = f"CSV, {encoding}, {DELIMITERS[delimiter]}-separated"
    return _table(path, str(path), table, score, described)


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


def _table(
    path: Path,
    display: str,
    table: list[Cells],
    score: HeaderScore,
    described: str,
    merges: Sequence[tuple[int, int, int, int]] = (),
    header: tuple[int, int, list[Any]] | None = None,
) -> Table:
    found = header or _find_header(table, score)
    if found is None:
        if not any(not _blank(c) for row in table for c in row):
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
                if column < len(headers) and _blank(headers[column]):
                    headers[column] = headers[left - 1]
    body = table[first + count :]
    width = max((len(r) for r in [headers, *body]), default=0)
    while (
        width
        and (len(headers) < width or _blank(headers[width - 1]))
        and all(len(r) < width or _blank(r[width - 1]) for r in body)
    ):
        width -= 1  # trailing empty columns, which Excel keeps once a cell has been formatted
    headers = ["" if _blank(h) else " ".join(str(h).split()) for h in (headers + [""] * width)[:width]]
    rows = [(n, (row + [None] * width)[:width]) for n, row in enumerate(body, first + count + 1)]
    return Table(display, headers, first + 1, rows, described, header_rows=count)


def _find_header(table: list[Cells], score: HeaderScore) -> tuple[int, int, list[Any]] | None:
    """The header: the row, or two rows read together ("Partnership" over "name"), among the first
    rows that names the most columns partreg knows; the earliest and the single row on a tie."""
    best: tuple[int, int, int, list[Any]] | None = None
    for index, row in enumerate(table[:HEADER_SEARCH]):
        if not any(not _blank(c) for c in row):
            continue
        candidates = [(score(row), 1, list(row))]
        if index + 1 < len(table) and any(not _blank(c) for c in table[index + 1]):
            below = table[index + 1]
            width = max(len(row), len(below))
            joined = [
                " ".join(str(c) for c in pair if not _blank(c)) or None
                for pair in zip(
                    row + [None] * (width - len(row)), below + [None] * (width - len(below)), strict=True
                )
            ]
            candidates.append((score(joined), 2, joined))
        for points, count, headers in candidates:
            if points > 0 and (best is None or points > best[0]):
                best = (points, index, count, headers)
    return None if best is None else (best[1], best[2], best[3])


def _read_xlsx(path: Path, score: HeaderScore, sheet: str | None) -> Table:
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
        header = _find_header(cells.table, score)
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
    result = _table(
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
    first_data = result.header_row + result.header_rows
    result.unreadable = _formulas_without_values(path, name, cells.table, first_data)
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


def _sheet_cells(path: Path, ws: Any) -> _Cells:
    """A worksheet's values, each merged range's value in every row it spans (so that a lead
    service merged down three rows is each row's lead service), formatting-only cells dropped.

    openpyxl keeps a sheet's cells in ``_cells``; reading only those, rather than every cell up to
    the last formatted one, keeps a sheet formatted to column XFD as small as its contents."""
    used = [(r, c) for (r, c), cell in ws._cells.items() if not _blank(cell.value)]
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
    for merged in ws.merged_cells.ranges:
        top, left, bottom, right = merged.min_row, merged.min_col, merged.max_row, merged.max_col
        result.merges.append((top, left, bottom, right))
        if top > height or left > width or bottom == top:
            continue  # a merge across columns only: its value belongs to its first column
        value = table[top - 1][left - 1]
        if _blank(value):
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
