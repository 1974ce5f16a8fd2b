"""An entry's id from its row: from its title, or from what the row says where it has none to make
it from (a title that is a formula with no saved result is none), unique within the sheet; the
file a second import finds for a row written before ids read accented letters, and the id a
reference to such a row's entry names; and, once the sheet is saved, the row of a file written
while its title had no saved result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from collections.abc import Mapping as Lookup
from typing import Any

from partreg.importer.draft import Finding
from partreg.importer.headers import Mapping
from partreg.importer.values import cell_text, is_blank, quoted
from partreg.questionnaire import propose_id
from partreg.readers import ascii_slug, slug


def made_id(
    data: Lookup[str, Any], stem: str, cells: list[Any], formula: str, words: Callable[[str], str] = slug
) -> str:
    """The id a row's entry ``data`` is given before it is made unique in the sheet: the sheet's
    own, or from its title, or from what the row says (:func:`untitled_id`); its ``words`` as
    :func:`.propose_id` takes them."""
    if data.get("id"):
        return str(data["id"])
    if isinstance(data.get("title"), str):
        return propose_id(data["title"], words)
    return untitled_id(stem, cells, formula, words)


def untitled_id(stem: str, cells: list[Any], formula: str = "", words: Callable[[str], str] = slug) -> str:
    """The id of a row of the sheet ``stem`` with no title to make it from: from what the row says,
    not where it is, so that a second import finds the same id. The ``formula`` of a title with no
    saved result is part of what it says: rows whose titles are different formulas differ."""
    said = "\x1f".join([*(cell_text(c) for c in cells if not is_blank(c)), *filter(None, [formula])])
    return (
        f"{propose_id(stem, words)[:48].rstrip('-')}-untitled-{hashlib.sha256(said.encode()).hexdigest()[:6]}"
    )


def as_written(rows: list[tuple[dict[str, Any], str]], on_disk: Collection[str]) -> dict[str, dict[str, Any]]:
    """Each row's entry (its data, and the id partreg gave it before ids read accented letters,
    :func:`~partreg.readers.ascii_slug`, where that differs) whose file the register has under that
    former id (``caf-forum.yaml`` for "Café Forum") takes it, so that an import run again finds the
    file as it did before, and writes no ``cafe-forum.yaml`` beside it. A file is one row's: where
    a row could have two files (its id and its former id, each maybe another row's: "Café Forum"
    beside "Cafe Forum"), a row that can have only one takes it first; where every row left could
    have two, the id made now is kept. Returns each file taken, with the row's data that took it."""
    files = [[i for i in (data["id"], former) if i in on_disk] for data, former in rows]
    rows_of: dict[str, list[int]] = {}
    for n, two in enumerate(files):
        for file in two:
            rows_of.setdefault(file, []).append(n)
    sure = [n for n, two in enumerate(files) if len(two) < 2]
    done: set[int] = set()
    taken: dict[str, dict[str, Any]] = {}
    first = 0  # the first row, in the sheet's order, that may not be done
    while len(done) < len(rows):
        if sure:
            n = sure.pop()
        else:
            while first in done:
                first += 1
            n = first
        if n in done:
            continue
        done.add(n)
        if files[n]:
            file = files[n][0]
            rows[n][0]["id"] = file
            taken[file] = rows[n][0]
            for other in rows_of[file]:
                if other not in done:
                    files[other].remove(file)
                    if len(files[other]) == 1:
                        sure.append(other)
    return taken


def kept_apart(
    rows: list[dict[str, Any]], taken: Lookup[str, dict[str, Any]], on_disk: Collection[str]
) -> None:
    """Each row's entry (its data) whose id is a file another row took (:func:`as_written`: "Cafe
    Forum" took ``cafe-forum.yaml``, written for it before, so "Café Forum", now read as
    ``cafe-forum`` too, is a new arrangement) is given an id of its own, numbered as a row's that
    repeats another's is, so that it is written and not passed over as imported already."""
    used = {data["id"] for data in rows} | set(on_disk)
    counters: dict[str, int] = {}
    for data in rows:
        owner = taken.get(data["id"])
        if owner is not None and owner is not data:
            data["id"] = unique(str(data["id"]), used, counters)
            used.add(data["id"])


def titled_since(
    rows: list[tuple[int, dict[str, Any]]],
    cells: Lookup[int, list[Any]],
    mapping: Mapping,
    stem: str,
    untitled: Lookup[str, tuple[str, frozenset[int]]],
) -> list[Finding]:
    """Each row (its number and its entry's data) with a title whose file was written while that
    title was a formula with no saved result (``untitled``: each such file's id and the formula,
    :func:`.formulas.kept_titles`) takes that file's id: found, it is not written a second time,
    and the title it now has is told (:func:`.formulas.arrived`). Where rows alike but for their
    titles could each be a file's (a saved formula is not read), none takes it, and each is said
    to maybe be it. (``untitled`` gives each file's columns whose formulas had no saved result
    either: the id was made with them blank.)"""
    title = next((c for c in mapping.columns if c.key == ("title",)), None)
    if title is None or not untitled:
        return []
    pairs = []  # (row, file)
    for number, data in rows:
        if "title" in data and data["id"] not in untitled:
            for f, (formula, blank) in untitled.items():
                # the row as it read when the file was written: its title, and each cell whose formula
                # had no saved result then, blank
                said = [None if i == title.index or i in blank else c for i, c in enumerate(cells[number])]
                # the file's id as partreg makes it, or made it before ids read accented letters
                if f in {untitled_id(stem, said, formula, words) for words in (slug, ascii_slug)}:
                    pairs.append((number, f))
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


def referred_as_written(rows: list[tuple[dict[str, Any], dict[str, str]]], on_disk: Collection[str]) -> None:
    """Each row's references (``replaces``, ``replaced_by``) to an entry that is under the id partreg
    gave its title before ids read accented letters (``caf-forum`` for "Café Forum", a file on
    disk, or a row :func:`as_written` gave it), written as that id: the new one names no entry."""
    known = {*on_disk, *(str(data["id"]) for data, _ in rows if data.get("id"))}
    for data, referred in rows:
        for key in ("replaces", "replaced_by"):
            if referred and isinstance(data.get(key), list):
                data[key] = [
                    referred[i] if i not in known and referred.get(i) in known else i for i in data[key]
                ]


def unique(base: str, ids: Collection[str], counters: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``... where it is in ``ids``, within the 64 characters an id
    has (``counters``: where each base's numbering has got to)."""
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
