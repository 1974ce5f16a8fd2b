"""The order a sheet's columns write a date in numbers alone (04/05/2016): day first, as UK councils
write dates, unless the column as a whole shows otherwise.

A column where some dates can only be month first (04/13/2016, the US order) and none can only be
day first is read month first, and that is said once, at an example, unless another column of the
sheet has dates that can only be day first and this column only one that can only be month first
(more likely a slip than the column's order): then, as a column with both is, it is read date by
date, each the only way it can be, and those that could be either way day first (the UK order,
the sheet's own), each named for the officer to check. A date read one way that could be the other
keeps its cell's text in the entry's notes. A column whose dates are all day first, or could all be either
way, is read day first without a word, unless another column of the sheet writes its dates month
first. An Excel date cell is a date, whatever the text beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from partreg.importer.draft import Finding
from partreg.importer.headers import Column, Mapping, is_date_field
from partreg.importer.periods import PERIOD_SEPARATOR
from partreg.importer.synonyms import TERM, Key
from partreg.importer.values import cell_text, quoted
from partreg.sheetdates import Placeholder, read_date, written_order

#: The columns whose cells hold a date, besides a field that holds one: a review's date, a
#: decision's date, a funding period and a term (two dates each).
_DATED: set[Key] = {("review", "history"), ("decisions", "date"), ("funding", "period"), TERM}

#: A date in a column: its row and its text.
Cell = tuple[int, str]


@dataclass
class _Dates:
    """A column's dates in numbers alone, by how each can be read."""

    column: Column
    day_first: list[Cell] = field(default_factory=list)
    month_first: list[Cell] = field(default_factory=list)
    either: list[Cell] = field(default_factory=list)


@dataclass
class Orders:
    """How a sheet's columns write their dates, and what the officer should know of it."""

    #: The mapping, with each column that writes its dates month first marked so.
    mapping: Mapping
    #: Said once for a column (how it is read), whichever of its rows are new.
    columns: list[Finding]
    #: Said of one date (one that could be either way, read day first), by its row.
    cells: dict[int, list[Finding]]
    #: The dates read one way that could be the other, by row, each with its column: their text is
    #: kept in the entry's notes, for whoever checks them after the sheet is gone.
    guessed: dict[int, list[tuple[Column, str]]] = field(default_factory=dict)


def read_orders(mapping: Mapping, rows: Sequence[tuple[int, list[Any]]]) -> Orders:
    """The order each of ``mapping``'s date columns writes its dates, as its cells in ``rows`` show."""
    found = [_scan(c, rows) for c in mapping.columns if c.key is not None and _dated(c.key)]
    orders = Orders(mapping, [], {})
    marked: dict[int, Column] = {}
    # a column of the sheet whose dates can only be day first: the sheet is a UK one, and the one
    # date of another column that can only be month first is more likely a slip than that column's
    # order (two or more are its order)
    uk = next((d for d in found if d.day_first and not d.month_first), None)
    for dates in found:
        if dates.month_first and not dates.day_first and (uk is None or len(dates.month_first) > 1):
            marked[dates.column.index] = replace(dates.column, month_first=True)
            orders.columns.append(_month_first(dates))
        elif dates.month_first:
            summary, *each = _both_ways(dates, uk)
            orders.columns.append(summary)
            for finding in each:
                orders.cells.setdefault(finding.row, []).append(finding)
    us = [d.column for d in found if d.column.index in marked]
    for dates in found:
        if dates.either and not dates.day_first and not dates.month_first and us:
            orders.columns.append(_could_be_month_first(dates, us[0]))
        if dates.either and (
            dates.month_first or (us and not dates.day_first)
        ):  # (a guess, said at the cell)
            for row, text in dates.either:
                orders.guessed.setdefault(row, []).append((dates.column, text))
    orders.mapping = Mapping([marked.get(c.index, c) for c in mapping.columns], mapping.assume_active)
    return orders


def _dated(key: Key) -> bool:
    return key in _DATED or is_date_field(key)


def _scan(column: Column, rows: Sequence[tuple[int, list[Any]]]) -> _Dates:
    dates = _Dates(column)
    for number, cells in rows:
        raw = cells[column.index] if column.index < len(cells) else None
        if not isinstance(raw, str):
            continue  # an Excel date cell, a number, a blank
        texts = PERIOD_SEPARATOR.split(raw.strip()) if column.key in (("funding", "period"), TERM) else [raw]
        for text in texts:
            order = written_order(text)
            if order is not None:
                getattr(dates, order.replace("-", "_")).append((number, cell_text(text)))
    return dates


def _read(text: str, *, month_first: bool) -> str:
    """A date as a message says it: ``13 April 2016``."""
    try:
        return read_date(text, month_first=month_first)[0].display()
    except Placeholder as e:
        return f"{e.date.display()} (a placeholder for no end)"


def _rows(cells: list[Cell]) -> str:
    numbers = [str(row) for row, _ in cells]
    if len(numbers) > 10:
        numbers = [*numbers[:10], f"{len(cells) - 10} more"]
    listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    return f"row {listed}" if len(cells) == 1 else f"rows {listed}"


def _month_first(dates: _Dates) -> Finding:
    """A column read month first, said once, at the first date that can only be month first."""
    row, text = dates.month_first[0]
    if not dates.either:
        message = (
            f"this column writes dates month first (the US order), as {quoted(text)} here "
            f"({_read(text, month_first=True)}): each is read the only way it can be"
        )
        return Finding(row, dates.column, message, "note")
    first, example = dates.either[0]
    one = len(dates.either) == 1
    message = (
        f"this column writes dates month first (the US order): {quoted(text)} here can only be "
        f"{_read(text, month_first=True)}, and none of its dates can only be day first, so each is read "
        f"month first, the {'one' if one else len(dates.either)} that could be either way too "
        f"({'' if one else _rows(dates.either) + '; '}row {first}'s {quoted(example)} as "
        f"{_read(example, month_first=True)}, not {_read(example, month_first=False)}): "
        f"check {'it' if one else 'them'}"
    )
    return Finding(row, dates.column, message)


def _both_ways(dates: _Dates, uk: _Dates | None) -> list[Finding]:
    """A column with dates that can only be day first and dates that can only be month first, or
    with only the second where column ``uk`` of the sheet writes its dates day first: once for the
    column, at its first such date; each date that could be either way, read day first; and each
    other that can only be month first, as a note."""
    month_row, month = dates.month_first[0]
    month_said = f"the US order (row {month_row}'s {quoted(month)}, which can only be {_read(month, month_first=True)})"
    if dates.day_first:
        day_row, day = dates.day_first[0]
        message = f"this column writes some dates day first (row {day_row}'s {quoted(day)}) and some month first, {month_said}"
    else:
        assert uk is not None
        day_row, day = uk.day_first[0]
        message = (
            f"this column writes a date month first, {month_said}, where column {uk.column.letter} writes "
            f"its dates day first (row {day_row}'s {quoted(day)})"
        )
    message += ": each is read the only way it can be; "
    if len(dates.either) == 1:
        message += f"the one that could be either way ({_rows(dates.either)}) is read day first, the UK order: check it"
    elif dates.either:
        message += (
            f"the {len(dates.either)} that could be either way ({_rows(dates.either)}) are read day first, "
            "the UK order, each named: check them"
        )
    else:
        message += "none could be read either way"
    # at the column's first date in numbers, so that it comes before each it names
    first = min(cells[0][0] for cells in (dates.day_first, dates.month_first, dates.either) if cells)
    out = [Finding(first, dates.column, message)]
    for row, text in dates.either:
        message = (
            f"{quoted(text)} read day first, as {_read(text, month_first=False)} (the UK order); "
            f"month first it is {_read(text, month_first=True)}: check it"
        )
        out.append(Finding(row, dates.column, message))
    for row, text in dates.month_first[1:]:
        message = (
            f"{quoted(text)} read month first, as {_read(text, month_first=True)}: it cannot be day first"
        )
        out.append(Finding(row, dates.column, message, "note"))
    return out


def _could_be_month_first(dates: _Dates, us: Column) -> Finding:
    """A column whose dates could each be either way, in a sheet with a column written month first:
    read day first, as the column alone says nothing else, but said."""
    row, text = dates.either[0]
    message = (
        f"each date in this column could be day or month first, and is read day first, the UK order "
        f"({quoted(text)} as {_read(text, month_first=False)}), but column {us.letter} writes its dates "
        "month first: check them"
    )
    return Finding(row, dates.column, message)
