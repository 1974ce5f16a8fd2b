"""Reading a CSV file as Excel writes it: its encoding (UTF-8, UTF-16, Windows-1252) and its
delimiter (comma, semicolon, tab) found, a quote never closed reported at its line, and a cell that
holds a spreadsheet formula's text in place of its value (``=VLOOKUP(A3,Sheet2!A:B,2,FALSE)``)
set apart, as an .xlsx's formula with no saved result is."""

from __future__ import annotations

import csv
import io
import re
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
    result = build_table(path, str(path), table, score, described)
    result.formulas = _formulas(result.rows)
    result.formulas_as_text = True
    return result


def _formulas(rows: list[tuple[int, Cells]]) -> dict[tuple[int, int], str]:
    """Each cell below the header that is plainly a formula (:func:`is_formula`), by (row, column
    index from 0), each such cell left blank: its text is no value."""
    found = {}
    for number, cells in rows:
        for index, cell in enumerate(cells):
            if isinstance(cell, str) and cell[:1] == "=" and is_formula(cell):
                found[(number, index)] = cell.strip()
                cells[index] = None
    return found


#: Excel's longest formula; a longer cell is text.
MAX_FORMULA = 8192
#: A formula's parts: a function's name and its bracket; a cell, a range or a name on another sheet
#: (`Titles!B2`, `'Sheet 2'!A:B`, `[Book1.xlsx]Sheet1!A1`) or a table's column (`Partners[Name]`); a
#: number; a text in double quotes; an Excel error; a name (`TRUE`, a named range); an operator; a
#: separator between a function's arguments; a bracket. A reference or a name is a whole word.
_TOKEN = re.compile(
    r"""\s*(?:
    (?P<call>[A-Za-z_][\w.]*\()
    |(?P<ref>(?:(?:'(?:[^']|'')+'|(?:\[[^\]]+\])?[A-Za-z_][\w.]*)!)?
        (?:\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w.(!\[])
      |(?:'(?:[^']|'')+'|(?:\[[^\]]+\])?[A-Za-z_][\w.]*)![A-Za-z_][\w.]*(?![\w.(!\[])
      |(?:[A-Za-z_][\w.]*)?\[(?:[^\[\]]|\[[^\[\]]*\])*\])
    |(?P<number>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?%?)
    |(?P<text>"(?:[^"]|"")*")
    |(?P<error>\#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!))
    |(?P<name>[A-Za-z_][\w.]*(?![\w.(!\[]))
    |(?P<operator><=|>=|<>|[-+*/^&=<>@])
    |(?P<separator>[,;])
    |(?P<open>\()
    |(?P<close>\))
    )""",
    re.VERBOSE | re.ASCII,
)


def is_formula(cell: str) -> bool:
    """Whether ``cell``, a CSV's cell, is plainly a spreadsheet formula rather than an officer's
    text: it starts with ``=`` and the rest reads as a formula, with a function (``=SUM(B2:B9)``,
    ``=TODAY()``) or a reference (``=Titles!B2``, ``=D2*1.1``) in it, or is sums of numbers
    (``=450000*1.1``). ``= 50% share``, ``=TBC``, ``=N/A``, ``==== Leisure ====`` and ``=see note(s)``
    are text. A cell that starts with ``+``, ``-`` or ``@`` is a value (``-``, ``+44 1702 546366``,
    ``-£500``): a spreadsheet saves a formula typed so as ``=+...``, so a formula saved as text
    starts with ``=`` whatever was typed."""
    text = cell.rstrip()
    if not text.startswith("=") or len(text) > MAX_FORMULA:
        return False
    pos, depth, operand, called = 1, 0, True, False
    referred = named = binary = False  # a function or a reference; a name; an operator between operands
    while pos < len(text):
        token = _TOKEN.match(text, pos)
        if token is None:
            return False
        pos, kind, said = token.end(), token.lastgroup, token.group(token.lastgroup or 0)
        if operand:  # an operand is due: a value, a function, a bracket, a sign
            if kind in ("call", "open"):
                depth, called = depth + 1, kind == "call"
                referred = referred or called
            elif kind == "close" and called:  # no arguments: =TODAY()
                depth, operand, called = depth - 1, False, False
            elif (kind == "separator" and depth) or (kind == "operator" and said in "+-@"):
                called = False  # an argument left out (=IF(A1,,B1)), or a sign
            elif kind in ("ref", "number", "text", "error", "name"):
                operand, called = False, False
                referred, named = referred or kind == "ref", named or kind == "name"
            else:
                return False
        elif kind == "operator" and said != "@":
            operand = binary = True
        elif kind == "separator" and depth:
            operand = True
        elif kind == "close" and depth:
            depth -= 1
        else:
            return False
    return not operand and not depth and (referred or (binary and not named))
