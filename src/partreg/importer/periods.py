"""A sheet's dates that come in twos or with words: a date read in the order its column writes
dates, a funding period ("01/04/2025 - 31/03/2026", "2025/26"), an arrangement's term ("April 2016
- March 2019", "2016-2019", "Ongoing since 2012")."""

from __future__ import annotations

import re
from typing import Any

from partreg.importer.draft import Draft
from partreg.importer.headers import Column
from partreg.importer.values import cell_text
from partreg.models import PartialDate
from partreg.readers import NO_END, Unplaced
from partreg.sheetdates import financial_year, read_date, written_order

SINCE = re.compile(r"^\s*(?:(?:ongoing|continuing|open[- ]ended)\s+)?since\b", re.IGNORECASE)


def read_date_cell(column: Column, raw: Any) -> tuple[PartialDate, bool]:
    """A date cell read the only way it can be, or where it could be day or month first
    (04/05/2016), in the order its column writes dates (:mod:`.dateorder`)."""
    order = written_order(raw)
    return read_date(raw, month_first=order == "month-first" or (order == "either" and column.month_first))


#: `` - `` or `` to `` between two dates. The look-behind starts it only where a run of spaces
#: starts: tried from every space of a long run, it made a cell of 30,000 spaces take six seconds.
PERIOD_SEPARATOR = re.compile(r"(?<!\s)\s+(?:-|\u2013|\u2014|to|until)\s+")


def read_period(draft: Draft, column: Column, raw: Any, row: int) -> None:
    text = cell_text(raw)
    if year := financial_year(text):
        draft.set(("funding", "period_start"), year[0])
        draft.set(("funding", "period_end"), year[1])
        return
    parts = PERIOD_SEPARATOR.split(text)
    if len(parts) != 2:
        raise Unplaced("not a period (such as '01/04/2025 - 31/03/2026' or '2025/26')")
    start, _ = read_date_cell(column, parts[0])
    end, _ = read_date_cell(column, parts[1])
    draft.set(("funding", "period_start"), start.yaml_value())
    draft.set(("funding", "period_end"), end.yaml_value())


#: A term of years in one cell without spaces: "2016-2019", "2016-19".
_YEARS = re.compile(r"^\s*((?:19|20)\d\d)\s*[-\u2013/]\s*((?:19|20)?\d\d)\s*$")


#: The open end of a term: "2016 - ongoing", "April 2016 to date", "01/04/2016 - present".
_OPEN = {"ongoing", "present", "date", "now", "current", "continuing", "open", "open-ended", "open ended"}
#: A term with no end: "April 2016 onwards", "From 2016".
_ONWARDS = re.compile(r"^(?:from )?(.*?\d.*?)(?: onwards| on)$", re.IGNORECASE)


def read_term(draft: Draft, column: Column, raw: Any, row: int) -> None:
    """A term column: its start and its end ("April 2016 - March 2019", "2016-2019", financial years
    "2016/17 - 2018/19", "2023/24"), or a start with no end ("Ongoing since 2012", "2016 - ongoing",
    "April 2016 onwards"); where a column gives either, that column's, and the term's is said."""
    text = cell_text(raw)
    said = " ".join(text.split())
    if said.lower() in NO_END:
        draft.keep(column, text)  # no end: what an absent `end` means (its words kept)
        return
    if SINCE.match(said):
        draft.since = (column, text, read_date_cell(column, re.sub(r"^.*?since\s*", "", said, flags=re.I))[0])
        return
    if onwards := _ONWARDS.match(said):
        parts = [onwards.group(1), ""]
    elif years := _YEARS.match(said):
        first, last = years.group(1), years.group(2)
        parts = [first, last if len(last) == 4 else first[:2] + last]
        if financial_year(said):  # "2023/24", "2016-17": one financial year
            parts = [said, said]
    else:
        parts = PERIOD_SEPARATOR.split(said)
    if len(parts) != 2:
        raise Unplaced("not a term (such as 'April 2016 - March 2019' or '2016-2019'): record start and end")
    start = _one_end(column, parts[0], first=True)
    end = (
        None if parts[1].strip().lower() in _OPEN or not parts[1] else _one_end(column, parts[1], first=False)
    )
    draft.term = (column, text, start, end)  # (placed once every cell is read: a column may give either)


def _one_end(column: Column, part: str, *, first: bool) -> PartialDate:
    """One side of a term: a date, or a financial year's first or last day."""
    if period := financial_year(part.strip()):
        day = period[0] if first else period[1]
        return PartialDate(day.year, day.month, day.day)
    return read_date_cell(column, part)[0]
