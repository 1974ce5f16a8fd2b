"""From a council's spreadsheet register to register entries, losing nothing.

Headers are matched as councils write them ("Partnership name", "Lead Officer",
"Annual contribution (£)", "Statutory (Y/N)"), by their words against a table of
synonyms; values are read as councils write them ("Yes", "April 2016", "£4.2m",
partners one a line). Every row becomes an entry, however incomplete: what is
missing is for ``partreg lint`` to list. A value that cannot be placed in a field
goes, under its header, into the entry's internal notes, which are never published;
a value read with a qualifier left over ("£25,000 pa") keeps its original text there
too. Each such cell is reported at its row and column letter.

The package is pure: it reads cells, not files (see :mod:`partreg.sheets`). Its parts,
in the order a sheet passes through them:

- :mod:`.synonyms`: what councils call each field, and a header's words as compared;
- :mod:`.headers`: the header row to columns and the fields they fill (``--map`` too);
- :mod:`.dateorder`: the order each column writes dates in numbers alone (04/05/2016);
- :mod:`partreg.sheetdates` and :mod:`.values`: a cell's value as councils write it;
- :mod:`.published`: what a cell may put in a field of text: no person's details where the
  register publishes it, and no placeholder ("TBC", "Various") taken for a value;
- :mod:`.cells`: one cell into a row's draft entry, or into its notes saying why;
- :mod:`.formulas`: a formula with no saved result (or a CSV's, in place of its value), kept in the notes,
  and its value told once saved;
- :mod:`.draft`: the entry as it is built, and what is placed once every cell is read;
- :mod:`.sections`: a section heading's kind, given to the rows below it that give none;
- :mod:`.rowshapes`: what a row is, read from its cells alone (a continuation, a row pasted twice, a
  heading in capitals, a totals row);
- :mod:`.rows`: the sheet's rows to entries, each checked by the linter;
- :mod:`.ids`: an entry's id from its row, the file a row was written to before ids read accented
  letters, and the row of a file written while its title had no value;
- :mod:`.duplicates`: a new row that may be an arrangement the register has under another title;
- :mod:`.summary`: what the import tells the officer.
"""

from partreg.importer.draft import Finding, Row
from partreg.importer.duplicates import maybe_the_same
from partreg.importer.formulas import UNSAVED, arrived, kept_titles
from partreg.importer.headers import TITLED, Mapping, can_map, header_score, letter, map_columns
from partreg.importer.ids import as_written, kept_apart, referred_as_written, titled_since
from partreg.importer.rows import read_rows
from partreg.importer.summary import import_report
from partreg.importer.synonyms import HEADERS, MONEY, NEXT_REVIEW, NOTES, SYNONYMS, normal
from partreg.importer.values import kind_from_label, read_boolean, read_extensions
from partreg.readers import read_money, read_months, split_names
from partreg.sheetdates import read_date

__all__ = [
    "HEADERS",
    "MONEY",
    "NEXT_REVIEW",
    "NOTES",
    "SYNONYMS",
    "TITLED",
    "UNSAVED",
    "Finding",
    "Mapping",
    "Row",
    "arrived",
    "as_written",
    "can_map",
    "header_score",
    "import_report",
    "kept_apart",
    "kept_titles",
    "kind_from_label",
    "letter",
    "map_columns",
    "maybe_the_same",
    "normal",
    "read_boolean",
    "read_date",
    "read_extensions",
    "read_money",
    "read_months",
    "read_rows",
    "referred_as_written",
    "split_names",
    "titled_since",
]
