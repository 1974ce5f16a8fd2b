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
    # under a merged title, a row whose kind or status differs from the entry's is another
    # arrangement's: none of its fields is taken for this one, each is kept in the notes (a
    # contract's value, an end); otherwise each field the entry has not is taken, one that differs kept
    scalars = {
        n: v for n, v in draft.data.items() if not isinstance(v, list) and n not in ("internal", "funding")
    }
    take = not any(_differs(entry.data.get(n), scalars.get(n)) for n in ("kind", "status"))
    money = next(((m.column, m.text) for m in draft.money), None)  # (a money column's field follows the kind)
    for name, items in draft.data.items():
        if name in scalars or (not take and isinstance(items, list)):  # (a list of another arrangement too)
            added += _one_of(entry, number, name, items, given.get(name) or money, take)
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


def _differs(have: Any, value: Any) -> bool:
    """Whether a field a row gives differs from the entry's: both set, not the same, and not parts
    of one mapping that do not meet (a lead's role beside its service)."""
    if have is None or value is None or have == value:
        return False
    return not (isinstance(have, dict) and isinstance(value, dict) and not have.keys() & value.keys())


def _one_of(
    entry: Row, number: int, name: str, value: Any, cell: tuple[Column, str] | None, take: bool
) -> list[str]:
    """A field a row under a merged title gives, for the entry above: where ``take``, taken where that
    has none (or each part of it that it has not); else kept in its notes and said; the names of
    those taken."""
    have = entry.data.get(name)
    if have == value:
        return []
    if take and have is None:
        entry.data[name] = value
        return [name]
    if take and isinstance(have, dict) and isinstance(value, dict):
        have.update(value)
        return [name]
    header, text = cell if cell else (None, str(value))
    label = header.header if header is not None else name
    old = entry.data.setdefault("internal", {}).get("notes")
    entry.data["internal"]["notes"] = "\n".join([*([old] if old else []), f"{label}: {text}"])
    why = (
        f"differs from row {entry.number}'s {name}"
        if _differs(have, value)
        else f"the row's kind or status differs from row {entry.number}'s, so none of its fields is taken"
    )
    said = f"{quoted(text)} under the title merged over rows {entry.number} to {number} {why}: kept in internal notes"
    entry.findings.append(Finding(number, header, said))
    return []
