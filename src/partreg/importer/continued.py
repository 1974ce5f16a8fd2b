"""A row that continues the entry above it (``rowshapes.continues``): its lists added to that
entry, and under a title merged over rows, each field that entry has not; one that differs is kept
in its notes, and said."""

from __future__ import annotations

from typing import Any

from partreg.importer.cells import place
from partreg.importer.draft import Draft, Finding, Row, finish
from partreg.importer.headers import Column
from partreg.importer.rowshapes import same
from partreg.importer.values import cell_text, quoted
from partreg.models import Settings
from partreg.questionnaire import canonical


def add_to(
    entry: Row,
    number: int,
    cells: list[Any],
    above: list[Any],
    filled: list[Column],
    settings: Settings | None,
) -> None:
    """A continuation row's lists and notes, added to the entry above."""
    draft = Draft()
    given: dict[str, tuple[Column, str]] = {}  # each field's cell, by the field's first name
    for column in filled:
        if column.key == ("title",) or same(cells[column.index], above[column.index]):
            continue
        if column.key is not None:
            given.setdefault(str(column.key[0]), (column, cell_text(cells[column.index])))
        if column.key is None:
            draft.keep(column, cell_text(cells[column.index]))
        else:
            place(draft, column, cells[column.index], number, settings)
    finish(draft, number)
    added = []
    for name, items in draft.data.items():
        if not isinstance(items, list) and name not in ("internal", "funding"):  # (under a merged title)
            added += _one_of(entry, number, name, items, given.get(name))
        elif name == "internal":
            old = entry.data.setdefault("internal", {}).get("notes")
            entry.data["internal"]["notes"] = "\n".join([*([old] if old else []), items["notes"]])
        elif name == "funding":
            entry.data.setdefault("funding", {}).setdefault("actions", []).extend(items.get("actions", []))
            added.append("funding.actions")
        elif isinstance(items, list):
            entry.data.setdefault(name, []).extend(items)
            added.append(name)
    entry.data = canonical(entry.data)
    entry.findings.extend(draft.findings)
    what = " and ".join(added) or "notes"
    entry.findings.append(
        Finding(number, None, f"continues row {entry.number}: its {what} added to {entry.id}", "note")
    )


def _one_of(entry: Row, number: int, name: str, value: Any, cell: tuple[Column, str] | None) -> list[str]:
    """A field a row under a merged title gives, for the entry above: taken where that has none (or
    each part of it that it has not), else kept in its notes and said; the names of those taken."""
    have = entry.data.get(name)
    if have is None:
        entry.data[name] = value
        return [name]
    if isinstance(have, dict) and isinstance(value, dict) and not have.keys() & value.keys():
        have.update(value)
        return [name]
    if have == value:
        return []
    header, text = cell if cell else (None, str(value))
    label = header.header if header is not None else name
    old = entry.data.setdefault("internal", {}).get("notes")
    entry.data["internal"]["notes"] = "\n".join([*([old] if old else []), f"{label}: {text}"])
    said = f"{quoted(text)} under the title merged over rows {entry.number} to {number} differs from row {entry.number}'s {name}: kept in internal notes"
    entry.findings.append(Finding(number, header, said))
    return []
