"""A sheet's rows to entries: every row that is an arrangement becomes one, its id unique within
the sheet and checked by the linter for what it still needs; a row that only continues the one
above is added to it, and section headings, totals rows and notes about the sheet are passed over.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from partreg.importer.cells import place
from partreg.importer.continued import add_to
from partreg.importer.dateorder import read_orders
from partreg.importer.draft import Draft, Finding, Row, finish
from partreg.importer.formulas import Formulas, by_row, unsaved
from partreg.importer.headers import Mapping
from partreg.importer.ids import made_id, unique
from partreg.importer.rowshapes import CONTINUED, FOOTNOTE, all_same, capitals, continues, totals_label
from partreg.importer.sections import Section, heading
from partreg.importer.synonyms import NEXT_REVIEW, REVIEW_OUTCOME, normal
from partreg.importer.values import cell_text, is_blank, kind_from_label, quoted
from partreg.lint import Linter
from partreg.models import PartialDate, Settings
from partreg.problems import Problem, Severity
from partreg.questionnaire import canonical
from partreg.readers import ascii_slug
from partreg.rules import ALL


@dataclass
class Result:
    """The sheet's rows as entries, with what the importer did that the officer should know."""

    rows: list[Row]
    blank_rows: list[int]
    #: Rows that are not arrangements (a section heading, a totals row, a note under the table):
    #: (row, its text, what it was read as).
    passed: list[tuple[int, str, str]]
    #: Priorities the sheet names that partreg.yaml does not list, with how many rows name each.
    unknown_priorities: dict[str, int] = field(default_factory=dict)
    #: What the officer should know of a whole column, said once, at the first row it concerns.
    findings: list[Finding] = field(default_factory=list)


def read_rows(
    display: str,
    stem: str,
    rows: Iterable[tuple[int, list[Any]]],
    mapping: Mapping,
    settings: Settings | None,
    merged: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    hidden: Collection[int] = frozenset(),
    formulas: Formulas | None = None,
    formulas_as_text: bool = False,
) -> Result:
    """Every row that is an arrangement as an entry: its cells placed, its id unique within the
    sheet, checked by the linter for what it still needs. A row that only adds to the one above
    (another partner on the next line, under a title merged down) is added to it; a section
    heading, a totals row, a note about the sheet and a repeated header are passed over, named.
    Dates in numbers alone are read in the order each column writes them (:mod:`.dateorder`). A
    row ``hidden`` in the sheet is read like any other, and said (:func:`_hidden_row`). A formula
    with no saved result in ``formulas`` (or a CSV's formula, ``formulas_as_text``) is kept in the
    notes of its row's entry, and said (:mod:`.formulas`); a row whose title is one is an entry of its
    own, its id made as a row's with no title is, from what it says, its title's formula too."""
    unsaved_in = by_row(formulas or {})
    rows = list(rows)
    orders = read_orders(mapping, rows)
    mapping = orders.mapping
    placed = [c for c in mapping.columns if c.key is not None]
    title = next((c for c in mapping.columns if c.key == ("title",)), None)
    header = [normal(c.header) for c in mapping.columns]
    out: list[Row] = []
    blank: list[int] = []
    passed: list[tuple[int, str, str]] = []
    section: Section | None = None
    kind = next((c for c in mapping.columns if c.key == ("kind",)), None)
    ids: dict[str, int] = {}
    counters: dict[str, int] = {}
    formerly: dict[str, int] = {}  # the ids before ids read accented letters, made unique as they were
    formerly_counted: dict[str, int] = {}
    unknown: dict[str, int] = {}
    previous: tuple[Row, list[Any]] | None = None
    reviews: list[int] = []  # rows with a next review date, which format v1 does not use, and no last review
    lost: list[Finding] = []  # formulas with no saved result in rows with nothing else
    titled: dict[str, tuple[int, list[Any]]] = {}  # each title's first row, and its cells
    repeats: list[Finding] = []  # rows whose cells all repeat an earlier row's: not written
    # where the sheet writes its arrangements' titles in mixed case, a title alone in capitals
    # ("COMMUNITY SAFETY", "HOUSING") is a heading over the rows below it
    mixed = title is not None and any(
        not capitals(cell_text(cells[title.index]))
        for _, cells in rows
        if title.index < len(cells) and not is_blank(cells[title.index])
    )
    for number, cells in rows:
        filled = [c for c in mapping.columns if c.index < len(cells) and not is_blank(cells[c.index], c.key)]
        # a title the file holds as a formula with no saved result: the row has a title of its own,
        # though it reads as blank, so it is no heading, note or continuation of the row above
        formula = unsaved_in.get(number, {}).get(title.index, "") if title is not None else ""
        if not any(not is_blank(cell) for cell in cells):
            blank.append(number)
            # a row of formulas with no saved results: what the officer does is to save it in Excel
            lost.extend(unsaved({}, mapping, number, "", unsaved_in.get(number, {}), formulas_as_text))
            continue
        if [normal(cell_text(c)) if c is not None else "" for c in cells] == header:
            passed.append((number, cell_text(cells[filled[0].index]), "the header row again"))
            continue
        total = totals_label(cells, title)
        if total:
            passed.append((number, total, "a totals row, not an arrangement"))
            continue
        if len(filled) == 1 and len(placed) >= 3 and not formula:
            text = cell_text(cells[filled[0].index])
            # in whichever column: a sheet whose first column is "Ref" has its headings there
            if begun := heading(text, number):
                section = begun
                passed.append((number, text, begun.passed()))
                continue
            if filled[0] is title and mixed and capitals(text):
                what = "a heading in capitals over the rows below, not an arrangement: not written"
                if section is not None:
                    what += (
                        f"; it ends the section under the heading {quoted(section.text)} (row {section.row})"
                    )
                    section = None
                passed.append((number, text, what))
                continue
            if FOOTNOTE.match(text) or (filled[0] is not title and filled[0].key not in CONTINUED):
                passed.append((number, text, "a note about the sheet, not an arrangement"))
                continue
        # a row with only a title: an entry with gaps, or a heading whose words decide no kind ("Shared
        # services"): kept, and said, since an honest record with gaps must not be lost; as a heading it
        # ends the section above it, so neither it nor the rows below take that section's kind
        ends_section = (
            len(filled) == 1
            and filled[0] is title
            and len(placed) >= 3
            and kind_from_label(cell_text(cells[filled[0].index]))[0] is None
        )
        if (
            previous is not None
            and title is not None
            and not formula
            and continues(number, cells, previous[1], filled, title, merged)
        ):
            add_to(previous[0], number, cells, previous[1], filled, settings)
            previous[0].findings.extend(
                unsaved(
                    previous[0].data,
                    mapping,
                    number,
                    previous[0].id,
                    unsaved_in.get(number, {}),
                    formulas_as_text,
                )
            )
            previous[0].findings.extend(orders.cells.get(number, []))
            if number in hidden:
                message = (
                    "the row is hidden in the sheet: what it adds is imported; check that it is still current"
                )
                previous[0].findings.append(Finding(number, None, message))
            continue
        named = normal(cell_text(cells[title.index])) if title is not None and title in filled else ""
        first = titled.get(named) if named else None
        if first is not None and all_same(cells, first[1]):
            text = cell_text(cells[title.index]) if title is not None else ""
            message = (
                f"row {number} repeats row {first[0]} cell for cell: it is not written, as row {first[0]} is "
                "(nothing is lost: it is the same data); delete one of the two rows from the sheet"
            )
            repeats.append(Finding(number, title, message))
            passed.append((number, text, f"the same cells as row {first[0]}, which is written"))
            continue
        if named and first is None:
            titled[named] = (number, cells)
        draft = Draft(findings=list(orders.cells.get(number, [])))
        for column, text in orders.guessed.get(number, []):
            draft.keep(column, text)  # (said at the cell: read one way, it could be the other)
        for column in mapping.columns:
            raw = cells[column.index] if column.index < len(cells) else None
            if is_blank(raw, column.key):
                continue  # empty, or "N/A", "-": nothing to keep
            if column.key is None:
                draft.keep(column, cell_text(raw))
            else:
                place(draft, column, raw, number, settings)
        held = any("date" in review for review in draft.data.get("review", {}).get("history", []))
        if any(c.key == NEXT_REVIEW for c in filled) and not held:
            reviews.append(number)
        ended: Section | None = None  # the section this row ends: it gives another kind, or is a title alone
        if section is not None and (
            ends_section or not section.give(draft, number, title, kind, kind in filled)
        ):
            ended, section = section, None
        if number in hidden:
            _hidden_row(draft, number, mapping.assume_active)
        finish(draft, number)
        if mapping.assume_active and number not in hidden:
            said = draft.said_status  # `Partnership - Proposed`, where no column gives the status
            draft.data.setdefault("status", said[0] if said else "active")
            if said:
                draft.findings.append(Finding(number, said[1], f"{quoted(said[2])} read as status {said[0]}"))
        data = draft.data
        base = made_id(data, stem, cells, formula)
        entry_id = unique(base, ids, counters)
        if first is not None:
            message = (
                f"row {first[0]} has the same title, with other cells: if they are the same arrangement, delete "
                "one of the two rows from the sheet (a file deleted after --write is written again by the next "
                f"import); if not, give this row a title of its own. Written as {entry_id}"
            )
            draft.findings.append(Finding(number, title, message))
        elif entry_id != base:
            message = f"row {ids[base]} has the same id {base!r}: this row's id is {entry_id}"
            draft.findings.append(Finding(number, title, message, "note"))
        ids[entry_id] = number
        former = unique(made_id(data, stem, cells, formula, ascii_slug), formerly, formerly_counted)
        formerly[former] = number
        data["id"] = entry_id
        if (
            title is not None
            and "title" not in data
            and not formula
            and all(f.column != title for f in draft.findings)
        ):
            message = f"no title: written as {entry_id}, which the page lists as 'Untitled arrangement' until it has one"
            draft.findings.append(Finding(number, title, message))
        if ends_section:
            message = (
                f"{quoted(cell_text(cells[title.index]) if title else '')} is the row's only cell: kept as an arrangement with gaps; if it "
                "is a heading over the rows below, not an arrangement, delete the row from the sheet (deleting "
                f"register/{entry_id}.yaml is not enough: importing the sheet again writes it again)"
            )
            if ended:
                message += f"; it ends the section under the heading {quoted(ended.text)} (row {ended.row})"
            draft.findings.append(Finding(number, title, message))
        draft.findings.extend(_half_a_review(data, mapping, number, entry_id, cells))
        for name in draft.unknown:
            unknown[name] = unknown.get(name, 0) + 1
        draft.findings.extend(
            unsaved(data, mapping, number, entry_id, unsaved_in.get(number, {}), formulas_as_text)
        )
        row = Row(number, canonical(data), draft.findings, former=former if former != entry_id else None)
        row.referred = {new: old for new, old in draft.referred.items() if new != old}
        out.append(row)
        previous = (row, cells)
    # rows of formulas with no saved results below the last row with a value: to save in Excel
    seen = {number for number, _ in rows}
    for number in sorted(set(unsaved_in) - seen):
        lost.extend(unsaved({}, mapping, number, "", unsaved_in[number], formulas_as_text))
    _check(display, out, settings)
    return Result(
        out, blank, passed, unknown, [*orders.columns, *_next_reviews(mapping, reviews), *lost, *repeats]
    )


def _hidden_row(draft: Draft, number: int, assume_active: bool) -> None:
    """A row hidden in the sheet: imported, since nothing is left out, but officers hide the rows
    of arrangements that have ended or were withdrawn: said, kept in its notes, and not recorded as
    active where no column gives the status (the officer records it)."""
    draft.notes.append(f"Hidden in the sheet: row {number} was hidden when it was imported")
    message = (
        "the row is hidden in the sheet: it is imported, as every row is, but a row is often hidden "
        "for an arrangement that has ended or was withdrawn: check whether it is still current"
    )
    status = draft.data.get("status")
    if status is None:
        message += (
            f"; its status is left for you to record{' (not active, as the other rows are)' if assume_active else ''}: "
            "`status: active`, or `status: ended` with its `end`"
        )
    else:
        message += f", as its status, {status}, says"
    draft.findings.append(Finding(number, None, message))


def _half_a_review(
    data: dict[str, Any], mapping: Mapping, number: int, entry_id: str, cells: list[Any]
) -> list[Finding]:
    """A review the sheet gives only the date of ("Last reviewed", with no outcome column), or only
    the outcome of: recorded as it is, since an outcome is never invented, and the row told what to
    add to its file, as lint will tell it."""
    history = data.get("review", {}).get("history", [])
    if not history or ("date" in history[0]) == ("outcome" in history[0]):
        return []
    held, outcome = history[0].get("date"), history[0].get("outcome")
    file = f"register/{entry_id}.yaml"
    if outcome is None:
        date = PartialDate.parse(held)
        column = next((c for c in mapping.columns if c.key == ("review", "history")), None)
        message = (
            f"the review held on {date.display()} is recorded with no outcome, which the sheet does not "
            f"give: add what it decided, `outcome: continue`, `amend` or `exit`, under `- date: {date.iso}` in {file}"
        )
    else:
        column = next((c for c in mapping.columns if c.key == REVIEW_OUTCOME), None)
        said = quoted(cell_text(cells[column.index])) if column is not None else outcome
        message = (
            f"{said} is recorded as the outcome of a review with no date, which the sheet does not give: "
            f"add when it was held, `date: YYYY-MM-DD`, beside `outcome: {outcome}` in {file}"
        )
    return [Finding(number, column, message, "note")]  # each cell is placed: what is missing, lint lists too


def _next_reviews(mapping: Mapping, reviews: list[int]) -> list[Finding]:
    """Once for the sheet: the next review dates of rows with no last review are kept, not used, and
    their reviews fall due from the start (an entry begun in 2016 whose sheet said "Review date
    01/04/2025" is shown overdue since 2017)."""
    column = next((c for c in mapping.columns if c.key == NEXT_REVIEW), None)
    if column is None or not reviews:
        return []
    held = any(c.key == ("review", "history") for c in mapping.columns)
    rows = f"{len(reviews)} row{'s' if len(reviews) != 1 else ''}{' with no last review' if held else ''}"
    message = (
        f"the review dates in this column ({rows}) are kept in internal notes, not used: until a review "
        "is recorded with `partreg review ID --date YYYY-MM-DD --outcome continue`, reviews are scheduled "
        "from the start, so an arrangement that began long ago is shown overdue"
    )
    return [Finding(reviews[0], column, message)]


@dataclass
class _RowSource:
    """A row as the linter sees a file: every position is the row's first cell."""

    display: str
    row: int
    data: Any
    text: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def locate(self, key: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        return self.row, 1


def _check(display: str, rows: list[Row], settings: Settings | None) -> None:
    linter = Linter(settings, ALL)
    for row in rows:
        _, problems = linter.check(_RowSource(display, row.number, row.data), row.id)
        row.needs = [p for p in problems if p.severity is Severity.ERROR]
