"""Showing results to people and programs: the only package that imports rich.

Machine formats for problems and records (:mod:`.machine`) never carry colour and never load
rich; text for people is made in :mod:`.terminal` and :mod:`.listing` from the pieces in
:mod:`.text`, and a long run's progress bar in :mod:`.progress`. Colour appears only on a
terminal, and never when ``NO_COLOR`` is set (rich honours both).
"""

from partreg.models import plural
from partreg.report.listing import arrangements_table, due_table
from partreg.report.machine import (
    as_json,
    problems_github,
    problems_json,
    problems_parsable,
    problems_sarif,
    records_csv,
)
from partreg.report.progress import counter, progress
from partreg.report.terminal import (
    classification_text,
    mapping_text,
    problems_text,
    records_table,
    rules_text,
)
from partreg.report.text import console, error, wrapped

__all__ = [
    "arrangements_table",
    "as_json",
    "classification_text",
    "console",
    "counter",
    "due_table",
    "error",
    "mapping_text",
    "plural",
    "problems_github",
    "problems_json",
    "problems_parsable",
    "problems_sarif",
    "problems_text",
    "progress",
    "records_csv",
    "records_table",
    "rules_text",
    "wrapped",
]
