"""Reading a CSV file as Excel writes it: its encoding (UTF-8, UTF-16, Windows-1252) and its
delimiter (comma, semicolon, tab) found, a quote never closed reported at its line."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from partreg.errors import UsageError
from partreg.sheets.table import Cells, HeaderScore, Table, build_table, check_size

#: A cell may hold a long text (a summary, a list of outcomes); the csv module's default limit is 128 KB.
MAX_CELL = 1024 * 1024


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


def read_csv(path: Path, score: HeaderScore) -> Table:
    text, encoding = _decode(path, path.read_bytes())
    delimiter = _delimiter(text)
    csv.field_size_limit(MAX_CELL)
    table: list[Cells] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for cells in reader:
            check_size(path, len(table) + 1, cells)
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
    return build_table(path, str(path), table, score, described)
