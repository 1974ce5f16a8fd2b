"""Which reader a spreadsheet file needs, by its name and its first bytes, and one line saying
what to do for a file that is not a register spreadsheet (a folder, an .xls, a huge or empty file)."""

from __future__ import annotations

from pathlib import Path

from partreg.errors import UsageError
from partreg.sheets.csvfile import read_csv
from partreg.sheets.table import HeaderScore, Table
from partreg.sheets.workbook import read_xlsx

#: A register of several thousand arrangements is well under this; a bigger file is not a register.
MAX_BYTES = 10 * 1024 * 1024


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
        return read_csv(path, score)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, score, sheet)
    raise UsageError(f"{path}: import reads .csv and .xlsx files; save the register as one of them")
