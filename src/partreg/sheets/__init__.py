"""Reading a spreadsheet register as councils have them: CSV in any of the encodings and
delimiters Excel writes, and XLSX with several sheets, title rows, merged cells and formulas.

This is an edge package: it turns a file into a :class:`.table.Table` of cells, numbered as the
spreadsheet numbers them (row 1 is the first row, column A the first column). What the
cells mean is :mod:`partreg.importer`'s business; which row is the header is decided by a
function the importer passes in. :mod:`.files` chooses the reader for a file, :mod:`.csvfile`
and :mod:`.workbook` read CSV and .xlsx, and :mod:`.table` finds the header among the cells.
"""

from partreg.sheets.files import read_sheet

__all__ = ["read_sheet"]
