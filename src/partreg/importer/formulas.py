"""Formulas whose result the file does not hold (a workbook written by a program that does not
calculate, and never opened in Excel; or a CSV whose cells hold formulas in place of their values):
their cells read as blank. Each such formula is kept in its entry's internal notes, never
published, and the officer told where its value goes; an import run again once the sheet holds the
value (saved in Excel, or exported again with values) tells the value to add to a file written
without it, which is never replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from collections.abc import Mapping as Lookup
from typing import Any

from partreg.importer.cells import place
from partreg.importer.draft import Draft, Finding, finish, money_key
from partreg.importer.headers import Column, Mapping, letter
from partreg.importer.synonyms import MONEY, NEXT_REVIEW, NOTES, Key
from partreg.importer.values import is_blank, quoted
from partreg.models import Settings
from partreg.problems import dotted

#: What the notes say after a formula kept for want of its result; an import run again finds it so.
#: (A CSV's formula has no saved result either: the same words, so that one import finds both.)
UNSAVED = "(a formula with no saved result: its value was not imported)"
#: Why a formula's value is not in the file, and what the officer does to put it there: for an
#: .xlsx's formula with no saved result, and (``True``) for a CSV's cell that holds a formula's text.
_WHY = {
    False: "has no saved result (the file was written by a program that does not calculate)",
    True: "is in the file in place of its value (the sheet was saved as CSV with its formulas, not their values)",
}
_TO_DO = {
    False: (
        "open the file in Excel and save it",
        "Open the file in Excel and save it, so that the values are stored",
    ),
    True: (
        "export the sheet again with values (in Excel: copy, Paste Special > Values, then save as CSV)",
        "Export the sheet again with values (in Excel: copy, Paste Special > Values, then save as CSV)",
    ),
}
#: A sheet's formulas with no saved result, by (row, column index from 0).
Formulas = Lookup[tuple[int, int], str]


def by_row(formulas: Formulas) -> dict[int, dict[int, str]]:
    """``formulas`` by row, then by column index."""
    rows: dict[int, dict[int, str]] = {}
    for (row, index), formula in formulas.items():
        rows.setdefault(row, {})[index] = formula
    return rows


def unsaved(
    data: dict[str, Any],
    mapping: Mapping,
    number: int,
    entry_id: str,
    formulas: Lookup[int, str],
    as_text: bool = False,
) -> list[Finding]:
    """Each formula of row ``number`` with no saved result (``formulas``, by column index), kept in
    the notes of the entry ``data`` (the row's own, or the one it adds to; none where ``entry_id``
    is empty) and said at its cell with what the officer should do: for a CSV's cells that hold
    formulas (``as_text``), to export the sheet again with values."""
    why, (to_do, to_do_first) = _WHY[as_text], _TO_DO[as_text]
    found = []
    columns = {column.index: column for column in mapping.columns}
    for index, formula in sorted(formulas.items()):
        column = columns.get(index) or Column(index, letter(index + 1), "", None)  # right of the header
        notes = data.setdefault("internal", {})
        notes["notes"] = "\n".join(
            [*filter(None, [notes.get("notes")]), f"{_header(column)}: {formula} {UNSAVED}"]
        )
        field = _field(column, data)
        kept = (
            "it is kept in internal notes and its value is not imported"
            if entry_id
            else "its row is no entry"
        )
        message = (
            f"the formula {quoted(formula)} {why}, so {kept}: {to_do}, then import it again before --write"
        )
        if column.key == ("title",) and entry_id:
            # an id is made from the title: this one is made as a row's with none is (`untitled_id`), and
            # found again once the sheet is saved (`titled_since`)
            message = (
                f"the formula {quoted(formula)} {why}, so row {number} has no title to import: the formula is "
                f"kept in internal notes, and the row's id, {entry_id}, is made from its other cells. "
                f"{to_do_first}, then import it again before --write; or, once written, add its title to "
                f"register/{entry_id}.yaml"
            )
        elif field and entry_id:
            message += f"; or, once written, add its value to register/{entry_id}.yaml as {field}"
        found.append(Finding(number, column, message))
    return found


def arrived(
    number: int,
    cells: list[Any],
    mapping: Mapping,
    settings: Settings | None,
    entry: dict[str, Any],
    file: str,
) -> list[Finding]:
    """For a row whose ``file`` exists (``entry``, its data) and was written while a formula of the
    sheet had no saved result: each value the sheet now holds there that the file does not record,
    and the lines to add. What the file records (the officer's own, perhaps) is never told over."""
    found = []
    for header, formula in kept(entry):
        column = next((c for c in mapping.columns if _header(c) == header), None)
        if column is None or column.key in (None, NOTES, NEXT_REVIEW):
            continue
        raw = cells[column.index] if column.index < len(cells) else None
        if is_blank(raw, column.key):
            continue  # still no value
        draft = Draft(data={"kind": str(entry["kind"])} if entry.get("kind") else {})
        place(draft, column, raw, number, settings)
        finish(draft, number)
        missing = [(path, value) for path, value in _leaves(draft.data) if not _has(entry, path)]
        if missing:
            lines = "; ".join(_where(path, value) for path, value in missing)
            message = (
                f"the formula {quoted(formula)} had no saved result when {file} was written; the sheet now holds "
                f"its value, which the file does not record: add {lines} to {file}"
            )
            found.append(Finding(number, column, message))
    return found


def kept(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """Each formula an import kept in the internal notes of ``entry`` (its data) for want of its
    result: its column's header (``Column F`` right of the header) and the formula."""
    found = []
    for line in str((entry.get("internal") or {}).get("notes") or "").splitlines():
        header, sep, formula = line.removesuffix(f" {UNSAVED}").partition(": =")
        if line.endswith(f" {UNSAVED}") and sep:
            found.append((header, f"={formula}"))
    return found


def kept_titles(
    entries: Iterable[tuple[str, dict[str, Any]]], mapping: Mapping
) -> dict[str, tuple[str, frozenset[int]]]:
    """The entries (each its id and data) written while the sheet's title was a formula with no
    saved result, their ids made from the row's other cells: each one's id, that formula, and the
    columns (by index) whose formulas had no saved result then either, which the id was made
    without (they read as blank then, and hold their values once the sheet is saved)."""
    title = next((c for c in mapping.columns if c.key == ("title",)), None)
    if title is None:
        return {}
    by_header = {_header(c): c.index for c in mapping.columns}
    found = {}
    for entry_id, data in entries:
        formulas = kept(data)
        formula = next((f for header, f in formulas if header == _header(title)), None)
        if formula is not None:
            blank = frozenset(by_header[header] for header, _ in formulas if header in by_header)
            found[entry_id] = (formula, blank)
    return found


def _header(column: Column) -> str:
    return column.header or f"Column {column.letter}"


def _field(column: Column, data: dict[str, Any]) -> str:
    """The field a column's value goes to, in a row with ``data``; ``""`` for the notes."""
    key = column.key
    if key in (None, NOTES, NEXT_REVIEW):
        return ""
    assert key is not None
    if key == MONEY or str(key[-1]).endswith("_gbp"):
        key = money_key(column, "", data.get("kind"), lambda k: _has(data, k))
        return dotted(key) if key is not None else ""  # no field says what the amount is
    return column.label


def _leaves(data: dict[str, Any], path: Key = ()) -> list[tuple[Key, Any]]:
    """The fields a draft sets, each a value or a list, but for its kind (the row's already) and notes."""
    found: list[tuple[Key, Any]] = []
    for key, value in data.items():
        if (*path, key)[0] in ("kind", "internal"):
            continue
        found += _leaves(value, (*path, key)) if isinstance(value, dict) else [((*path, key), value)]
    return found


def _has(data: Any, path: Key) -> bool:
    for part in path:
        if not isinstance(data, dict) or data.get(part) in (None, [], {}):
            return False
        data = data[part]
    return True


def _where(path: Key, value: Any) -> str:
    """``annual_value_gbp: 495000`` under ``contract:``, as an officer adds it to a file."""
    said = f"`{path[-1]}: {_shown(value)}`"
    return said + "".join(f" under `{part}:`" for part in reversed(path[:-1]))


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    return str(value)
