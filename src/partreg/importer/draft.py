"""One row's entry as it is built: its data, its notes, what the officer should know of its cells
(:class:`Finding`), and what is placed once every cell is read (money by the row's kind, outcome
and risk lists, the statutory basis, the contribution year, an end column's "since", the
significance's reason, the notes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from partreg.importer.headers import Column
from partreg.importer.synonyms import MONEY, Key
from partreg.importer.values import quoted
from partreg.models import PartialDate, date_or_none
from partreg.problems import Problem, dotted
from partreg.readers import YEARLY, Unplaced


@dataclass
class Finding:
    """Something about one cell the officer should know: where it is and what became of it."""

    row: int
    column: Column | None
    message: str
    #: "warning": a value went to the notes, or was read leaving words out; "note": for information.
    severity: str = "warning"

    def line(self, display: str) -> str:
        where = f"{display}:{self.row}:{self.column.letter}" if self.column else f"{display}:{self.row}"
        header = f"{self.column.header!r}: " if self.column and self.column.header else ""
        return f"{where}: [{self.severity}] {header}{self.message}"


@dataclass
class Draft:
    """One row's entry as its cells are read: its data, its notes, and what waits for the whole row."""

    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    lists: dict[tuple[str, str], tuple[Column, list[str], str]] = field(default_factory=dict)
    numbered: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    #: Each amount of money read (``importer.money``), placed once the row's kind is known.
    money: list[Money] = field(default_factory=list)
    #: Priorities named in the sheet that partreg.yaml does not list.
    unknown: list[str] = field(default_factory=list)
    #: The law named after "Yes" in a statutory column, and that cell.
    basis: str = ""
    basis_cell: tuple[Column, str] = (Column(0, "A", "", None), "")
    #: The reason given for the significance (placed once every cell is read, beside its level).
    reason: str = ""
    #: The financial year a "contributions year" column gives the council's contributions.
    year: str = ""
    #: An end column's "Since 2010": the start where no column gives one (placed once every cell is read).
    since: tuple[Column, str, PartialDate] | None = None
    #: A status column's "Ended 2021": the end where no column gives one (placed once every cell is read).
    ended: tuple[Column, str, PartialDate] | None = None
    #: A term column's start and end (``None``: no end), each where no column gives one.
    term: tuple[Column, str, PartialDate, PartialDate | None] | None = None
    #: Each id a reference (`replaces`, `replaced_by`) was given, with the id partreg gave the same
    #: title before ids read accented letters, where that differs: the file may be under that one.
    referred: dict[str, str] = field(default_factory=dict)
    #: The status a kind's cell ends with (`Partnership - Proposed`), and that cell: the entry's status
    #: where no column gives one (placed, and said, once the row is read).
    said_status: tuple[str, Column, str] | None = None

    def set(self, key: Key, value: Any) -> None:
        target = self.data
        for part in key[:-1]:
            target = target.setdefault(str(part), {})
            if not isinstance(target, dict):
                raise Unplaced(f"{dotted(key[: key.index(part) + 1])} already holds another column's value")
        target[str(key[-1])] = value

    def extend(self, key: Key, items: list[Any]) -> None:
        """Add to a list field, which several columns may fill ("Partner 1", "Partner 2"); a cell
        that gave no item (every part a person's name, or a placeholder) adds no empty list."""
        if not items:
            return
        target = self.data
        for part in key[:-1]:
            target = target.setdefault(str(part), {})
        found = target.setdefault(str(key[-1]), [])
        found.extend(i for i in items if i not in found)

    def has(self, key: Key) -> bool:
        target: Any = self.data
        for part in key:
            if not isinstance(target, dict) or str(part) not in target:
                return False
            target = target[str(part)]
        return True

    def keep(
        self,
        column: Column,
        raw: Any,
        why: str | None = None,
        row: int = 0,
        *,
        read_as: str = "",
        noted: bool = False,
    ) -> None:
        """The cell's text into the notes, under its header (unless it is ``noted`` there already);
        ``why`` it could not be placed, or what it was ``read_as`` leaving words out, reported at the cell."""
        text = raw.strip() if isinstance(raw, str) else str(raw)
        text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        if not noted:
            self.notes.append(f"{column.header or 'Column ' + column.letter}: {text}")
        if read_as:
            message = f"{quoted(text)} read as {read_as}; the whole text is kept in internal notes"
            self.findings.append(Finding(row, column, message))
        elif why:
            self.findings.append(Finding(row, column, f"{quoted(text)} kept in internal notes: {why}"))


def _lists(draft: Draft, row: int) -> None:
    """Outcome and risk columns into their lists: numbered columns by number; one cell a line each,
    paired with its measure or mitigation cell line by line where both have as many lines."""
    for (name, _number), parts in sorted(draft.numbered.items()):
        items = draft.data.setdefault(name, [])
        items.append({k: v for k, v in parts.items() if v})
    for name, main in (("outcomes", "description"), ("risks", "description")):
        first = draft.lists.get((name, main))
        others = {part: cell for (n, part), cell in draft.lists.items() if n == name and part != main}
        if first is None:
            for column, _, text in others.values():
                draft.keep(column, text, f"no {name[:-1]} column to pair it with", row)
            continue
        column, values, _ = first
        items = [{main: v} for v in values]
        for part, (other, said, text) in others.items():
            if len(said) == len(items):
                for item, value in zip(items, said, strict=True):
                    item[part] = value
            else:
                draft.keep(
                    other,
                    text,
                    f"{len(said)} lines against {len(items)} in {column.header!r}: cannot pair them",
                    row,
                )
        draft.data.setdefault(name, []).extend(items)


#: The money field each kind has of its own.
BY_KIND: dict[str, Key] = {
    "contract": ("contract", "value_gbp"),
    "community-funding": ("funding", "amount_gbp"),
}


def money_key(column: Column, text: str, kind: Any, has: Callable[[Key], bool]) -> Key | None:
    """The field a money column's amount goes to, by the row's ``kind`` (and whether the row ``has``
    another field already): a contract's value (its annual value where the header or the cell
    ``text`` says it is a year's), a grant's amount, otherwise the council's contribution a year.
    ``None`` for an amount in a column that names no field ("Funding (£)", "Amount") in a row of
    another kind, where neither the header nor the cell says it is a year's: the council's
    contribution is a year's, and a one-off grant's £450,000 must not be published as "a year"."""
    key = column.key
    assert key is not None
    if key == MONEY:
        given = BY_KIND.get(str(kind))
        if given is None and not YEARLY.search(f"{column.header} {text}"):
            return None
        key = given or ("resources", "council", "funding_gbp")
    if key == ("resources", "council", "funding_gbp"):
        # what the council pays for a contract is its value; what it puts into a grant is the grant
        given = BY_KIND.get(str(kind))
        if given is not None and not has(given):
            key = given
        elif not YEARLY.search(text) and NOT_YEARLY.search(text):
            return None  # "£15k over 3 years", "£50k capital": not the council's money a year
    if key == ("contract", "value_gbp") and YEARLY.search(f"{column.header} {text}"):
        # "Annual contribution", "£450,000 pa": a year's, not the whole
        key = ("contract", "annual_value_gbp")
    return key


#: What is said of an amount whose words say it is not a year's ("over 3 years", "capital").
SAID_NOT_A_YEAR = (
    ", and the council's money is recorded a year (resources.council.funding_gbp, published as "
    "'a year'): record what it is a year, or, if the row is a grant or a contract, its kind and the "
    "amount as funding.amount_gbp or contract.value_gbp"
)
#: What an amount the sheet does not say is a year's may be, for the officer to record.
NOT_A_YEAR = (
    "the sheet does not say the amount is a year's: if it is the council's money each year, record it as "
    "resources.council.funding_gbp; if the row is a grant or a contract, record its kind and the amount as "
    "funding.amount_gbp or contract.value_gbp"
)


def _a_year_at_most(data: dict[str, Any]) -> bool | None:
    """Whether the row's grant runs a year at most (13 months is more), by the dates it gives (its
    funded period, or its start and end); ``None`` where it does not give both: its amount a year is
    its whole amount only where it runs a year at most."""
    funding = data.get("funding", {})
    start, end = (
        date_or_none(funding.get(k) or data.get(k2))
        for k, k2 in (("period_start", "start"), ("period_end", "end"))
    )
    return None if start is None or end is None else (end.latest - start.earliest).days <= 366


#: What is said of a grant's amount a year, recorded as the council's money a year, after why.
A_YEARS_GRANT = (
    ": recorded as the council's money a year (funding_gbp under resources: council:); the grant's "
    "whole amount is for you to record as amount_gbp under funding:"
)


#: Words that say an amount is not a year's: a sum over years, a capital or one-off payment, a total.
NOT_YEARLY = re.compile(
    r"\b(?:over (?:\d+|two|three|four|five) years?|over (?:the|its) (?:life|term)|for (?:\d+|two|three|four|five) "
    r"years|(?<!not )(?<!or )capital|one[- ]off|lump[- ]sum|in total|total|whole[- ]life)\b",
    re.IGNORECASE,
)


class Money(NamedTuple):
    """An amount of money a cell gives, to place once the row's kind is known."""

    column: Column
    amount: int | float
    #: The cell's text.
    text: str
    #: Its text is in the notes already, kept as it was read, where the sheet's columns order them:
    #: words were left out reading it ("c. £10,000"), or it was made a year's.
    noted: bool
    #: How it was made a year's, where the cell gave it by the quarter or the month: ``£10,000 a year
    #: (£2,500 a quarter, 4 a year)``; empty where it is as the cell gives it.
    a_year: str = ""


#: Words that say an amount is the most that may be given, not what is ("Up to £10,000").
_MOST = re.compile(  # (just before the amount: not "£10,000 to support up to twenty families")
    r"\b(?:up ?to|max(?:imum)?|not (?:to )?exceed(?:ing)?|no more than|capped at) (?:of )?(?:£|gbp)? ?\d",
    re.IGNORECASE,
)


def _place_money(draft: Draft, row: int) -> None:
    for column, amount, text, noted, a_year in draft.money:
        said = f"{text} a year" if a_year else text  # (given by the quarter or the month: a year's)
        key = money_key(column, said, draft.data.get("kind"), draft.has)
        most = _MOST.search(" ".join(text.split()))
        if key in (("resources", "council", "funding_gbp"), ("funding", "amount_gbp")) and most:
            said_most = re.sub(r"(?: of)? ?(?:£|gbp)? ?\d$", "", most.group(), flags=re.IGNORECASE)
            why = f"{quoted(said_most)} says it is the most that may be given: record what is given, as {dotted(key)}"
            draft.keep(column, text, why, row, noted=noted)
            continue
        yearly = key == ("funding", "amount_gbp") and YEARLY.search(f"{column.header} {said}")
        within = _a_year_at_most(draft.data) if yearly else True
        if not within:
            # "£45,000 pa" for a grant from April 2024 to March 2027, or with no end: a year's, not
            # the whole grant (published so, a three-year grant had been £90,000 too little)
            key = ("resources", "council", "funding_gbp")
            if not draft.has(key):
                runs = "runs more than a year" if within is False else "does not say how long it runs"
                draft.findings.append(
                    Finding(row, column, f"{quoted(text)} is a year's, and the grant {runs}{A_YEARS_GRANT}")
                )
        if key is None:
            over = None if YEARLY.search(text) else NOT_YEARLY.search(text)
            why = f"{quoted(over.group())} says it is not a year's" + SAID_NOT_A_YEAR if over else NOT_A_YEAR
            draft.keep(column, text, why, row, noted=noted)
        elif draft.has(key):
            draft.keep(column, text, f"{dotted(key)} is given by another column", row, noted=noted)
        else:
            draft.set(key, amount)
            if noted:
                draft.keep(column, text, row=row, read_as=a_year or f"£{amount:,}", noted=True)


def _place_term(
    draft: Draft, row: int, column: Column, text: str, start: PartialDate, end: PartialDate | None
) -> None:
    taken, given = [], []
    for name, date in (("start", start), ("end", end)):
        if date is None:
            continue
        if name in draft.data:  # (a start or end column gives its own)
            given.append(f"its {name}, {date.iso}, is not taken: the {name} column gives the {name}")
        else:
            draft.data[name] = date.yaml_value()
            taken.append(f"the {name}, {date.iso}")
    if not taken:  # (both given by their own columns)
        draft.keep(column, text, "; ".join(given), row)
        return
    said = ", and ".join(taken) + ("" if end else ", and no end")
    draft.keep(column, text, row=row, read_as="; ".join([said, *given]))


def finish(draft: Draft, row: int) -> None:
    """What is placed once every cell is read: money by kind, outcome and risk lists, the notes."""
    _place_money(draft, row)
    _lists(draft, row)
    if draft.basis and draft.data.get("statutory_basis") != draft.basis:
        if "statutory_basis" in draft.data:
            column, text = draft.basis_cell
            draft.keep(column, text, row=row, read_as="yes")
        else:
            draft.data["statutory_basis"] = draft.basis
    if draft.year:
        for contribution in draft.data.get("contributions", []):
            contribution.setdefault("year", draft.year)
    if draft.term:
        _place_term(draft, row, *draft.term)
    if draft.ended:
        column, text, date = draft.ended
        if "end" in draft.data:  # (the end column gives it: the status cell's date is kept with its words)
            draft.keep(column, text, row=row, read_as="status ended (another column gives the end)")
        else:
            draft.data["end"] = date.yaml_value()
            draft.keep(column, text, row=row, read_as=f"status ended, and the end, {date.iso}")
    if draft.since:
        column, text, date = draft.since
        if "start" in draft.data:
            why = "'since' says when it began, not when it ends: no end is recorded (the start column gives the start)"
            draft.keep(column, text, why, row)
        else:
            draft.data["start"] = date.yaml_value()
            said = f"the start, {date.iso} ('since' says when it began; no end is recorded)"
            draft.keep(column, text, row=row, read_as=said)
    if draft.reason:
        level = draft.data.get("significance")
        draft.data["significance"] = (
            {"level": level, "reason": draft.reason} if level else {"reason": draft.reason}
        )
    if draft.notes:
        notes = draft.data.setdefault("internal", {})
        old = notes.get("notes")
        notes["notes"] = "\n".join(([old] if old else []) + draft.notes)


@dataclass
class Row:
    """One row's entry, as data for a new file, and what became of its cells."""

    number: int
    data: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    #: What lint finds in the entry: what it still needs.
    needs: list[Problem] = field(default_factory=list)
    #: The id partreg gave the row before ids read accented letters, where that differs
    #: (``caf-forum`` for "Café Forum"): a register imported then has its file under it.
    former: str | None = None
    #: The ids its references were given, each with the id the same title had before (:attr:`former`).
    referred: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.data["id"])
