"""What a sheet's row is, read from its cells alone: a row that only adds to the one above (its
lists and notes, or a merged cell), a row pasted twice, a title alone in capitals, a totals row, a
line about the sheet. :mod:`.rows` decides what becomes of each."""

from __future__ import annotations

import re
from typing import Any

from partreg.importer.headers import Column
from partreg.importer.synonyms import LISTS, NOTES, Key
from partreg.importer.values import cell_text, is_blank

#: Columns a row may add to the entry above it: lists, and text that goes to the notes.
CONTINUED: set[Key | None] = {*LISTS, ("outcomes", "description"), ("outcomes", "measure"), ("outcomes", "target"),
                              ("risks", "description"), ("risks", "mitigation"), NOTES, None}  # fmt: skip


def continues(
    number: int,
    cells: list[Any],
    above: list[Any],
    filled: list[Column],
    title: Column,
    merged: set[tuple[int, int]] | frozenset[tuple[int, int]],
) -> bool:
    """Whether a row only adds to the entry above it: its title merged down from above (a title
    merged over rows is one arrangement's, whatever the rows below it give: ``_add_to`` keeps
    what differs), or no title and each of its cells adds to a list or the notes, or repeats the
    row above (a merged cell)."""
    own_title = title in filled and (number, title.index) not in merged
    if own_title:
        return False
    new = [c for c in filled if c is not title and not same(cells[c.index], above[c.index])]
    return bool(new) and ((number, title.index) in merged or all(c.key in CONTINUED for c in new))


def capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals: four letters or more, none lower case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


def all_same(cells: list[Any], other: list[Any]) -> bool:
    """Whether two rows hold the same in every cell (a row pasted twice), blank cells alike."""
    width = max(len(cells), len(other))

    def text(row: list[Any], i: int) -> str:
        return "" if i >= len(row) or is_blank(row[i]) else cell_text(row[i]).strip()

    return all(text(cells, i) == text(other, i) for i in range(width))


def same(a: Any, b: Any) -> bool:
    return a == b or (isinstance(a, str) and isinstance(b, str) and a.strip() == b.strip())


def totals_label(cells: list[Any], title: Column | None) -> str:
    """The label of a totals row ("Total", "TOTAL COST", "Sub total - statutory"), or ``""``."""
    if title is not None and not is_blank(cells[title.index]):
        text = cell_text(cells[title.index])
        return text if TOTAL.match(text) else ""
    labels = [cell_text(c) for c in cells if isinstance(c, str) and TOTAL.match(c.strip())]
    return labels[0] if labels else ""


TOTAL = re.compile(
    r"^(grand\s+|sub[\s-]*)?totals?(\s*$|\s*[:(\-\u2013]|\s+(cost|spend|value|funding|budget|excl|incl|for|of|to)\b|\s+\d)",
    re.IGNORECASE,
)
#: A line under (or above) the table that describes the sheet, in the title column.
FOOTNOTE = re.compile(
    r"^(notes?\s*\d*\s*[:.)]|key\s*:|source\s*:|version\s*[:\d]|last updated|updated\s*(:|on\b)|"
    r"prepared by|produced by|correct as (at|of)|as at\s+\d|"
    # a page's number, where a table printed over pages was copied into a sheet; a footnote, by its mark
    r"page\s+\d+(\s+of\s+\d+)?\s*$|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§])",
    re.IGNORECASE,
)
