"""Reading a spreadsheet register as councils have them: CSV in any of the encodings and
delimiters Excel writes, and XLSX with several sheets, title rows, merged cells and formulas.

This is an edge package: it turns a file into a :class:`Table` of cells, numbered as the
spreadsheet numbers them (row 1 is the first row, column A the first column). What the
cells mean is :mod:`partreg.importer`'s business; which row is the header is decided by a
function the importer passes in. :mod:`.files` chooses the reader for a file, :mod:`.csvfile`
and :mod:`.workbook` read CSV and .xlsx, and :mod:`.table` finds the header among the cells.
"""

from partreg.sheets.csvfile import DELIMITERS, MAX_CELL
from partreg.sheets.files import MAX_BYTES, read_sheet
from partreg.sheets.table import HEADER_SEARCH, MAX_COLUMNS, MAX_ROWS, Cells, HeaderScore, Table
from partreg.sheets.workbook import MAX_UNZIPPED

__all__ = [
    "DELIMITERS",
    "HEADER_SEARCH",
    "MAX_BYTES",
    "MAX_CELL",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNZIPPED",
    "Cells",
    "HeaderScore",
    "Table",
    "read_sheet",
]
