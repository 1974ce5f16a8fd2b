"""An entry's id from its row: from its title, or from what the row says where it has none to make
it from (a title that is a formula with no saved result is none), unique within the sheet; and,
once the sheet is saved, the row of a file written while its title had no saved result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping as Lookup
from typing import Any

from partreg.importer.draft import Finding
from partreg.importer.headers import Mapping
from partreg.importer.values import cell_text, is_blank, quoted
from partreg.questionnaire import propose_id


def untitled_id(stem: str, cells: list[Any], formula: str = "") -> str:
    """The id of a row of the sheet ``stem`` with no title to make it from: from what the row says,
    not where it is, so that a second import finds the same id. The ``formula`` of a title with no
    saved result is part of what it says: rows whose titles are different formulas differ."""
    said = "\x1f".join([*(cell_text(c) for c in cells if not is_blank(c)), *filter(None, [formula])])
    return f"{propose_id(stem)[:48].rstrip('-')}-untitled-{hashlib.sha256(said.encode()).hexdigest()[:6]}"


def titled_since(
    rows: list[tuple[int, dict[str, Any]]],
    cells: Lookup[int, list[Any]],
    mapping: Mapping,
    stem: str,
    untitled: Lookup[str, str],
) -> list[Finding]:
    """Each row (its number and its entry's data) with a title whose file was written while that
    title was a formula with no saved result (``untitled``: each such file's id and the formula,
    :func:`.formulas.kept_titles`) takes that file's id: found, it is not written a second time,
    and the title it now has is told (:func:`.formulas.arrived`). Where rows alike but for their
    titles could each be a file's (a saved formula is not read), none takes it, and each is said
    to maybe be it."""
    title = next((c for c in mapping.columns if c.key == ("title",)), None)
    if title is None or not untitled:
        return []
    pairs = []  # (row, file)
    for number, data in rows:
        if "title" in data and data["id"] not in untitled:
            others = [None if index == title.index else cell for index, cell in enumerate(cells[number])]
            pairs += [
                (number, f) for f, formula in untitled.items() if untitled_id(stem, others, formula) == f
            ]
    found = []
    for number, data in rows:
        files = sorted(file for row, file in pairs if row == number)
        alike = sorted({row for row, file in pairs if file in files})
        if len(files) == 1 and alike == [number]:
            data["id"] = files[0]
        elif files:
            message = (
                f"{quoted(data['title'])} may be the arrangement "
                f"{' or '.join(f'register/{file}.yaml' for file in files)} was written for while the titles "
                f"were formulas with no saved result (rows {', '.join(map(str, alike))} are alike but for their "
                "titles): if it is, give that file its title and delete this row from the sheet before --write"
            )
            found.append(Finding(number, title, message))
    return found


def unique(base: str, ids: dict[str, int], counters: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``... where it is taken, within the 64 characters an id has."""
    if base not in ids:
        return base
    n = counters.get(base, 1)
    while True:
        n += 1
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)].rstrip("-") + suffix
        if candidate not in ids:
            counters[base] = n
            return candidate
