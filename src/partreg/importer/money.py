"""A sheet's money cells: an amount, placed once the row's kind is known (``draft``), said as a
year's where the cell gives it by the quarter or the month; what the council gives that is not
money ("Officer time", "£500 in kind"); and the council's contributions by financial year."""

from __future__ import annotations

import re
from typing import Any

from partreg.importer.draft import Draft, Money
from partreg.importer.headers import Column
from partreg.importer.published import public_text
from partreg.importer.synonyms import MONEY
from partreg.importer.values import cell_text
from partreg.models import Settings
from partreg.readers import YEARLY, Unplaced, read_money
from partreg.sheetdates import financial_year

_STAFF = re.compile(r"\b(staff|officers?|time|fte|hours?|days?)\b", re.IGNORECASE)
_IN_KIND = re.compile(r"\b(in[ -]kind|premises|venue|accommodation|equipment)\b", re.IGNORECASE)
#: An amount given by the quarter, the month or the week, said just after it ("£2,500 per quarter",
#: "£800 monthly"): so many of them make a year. (Read in the cell's words one space apart.)
_PER = re.compile(
    r"[^\d]*\d[\d,. ]*(?:k|m|million)? ?(?:(?:per|a|each|every|/) ?(?P<each>quarter|month|week)|"
    r"(?P<ly>quarterly|monthly|weekly))\b",
    re.IGNORECASE,
)
#: So many payments of it, which make a total, not a year's ("£2,500 per quarter for 2 quarters").
_SO_MANY = re.compile(r"\bfor (?:\d+|two|three|four|five|six) (?:quarters|months|weeks)\b", re.IGNORECASE)
_IN_A_YEAR = {"quarter": 4, "month": 12, "week": 52}
#: The council's money as a column gives it, whatever the row's kind (a contract's value or a grant's
#: amount, where the row is one): what is not money there is its staff's time, or in kind.
_COUNCILS = (("resources", "council", "funding_gbp"), MONEY)


def read_amount(draft: Draft, column: Column, raw: Any, row: int, settings: Settings | None) -> None:
    """A money cell, read now and placed once the row's kind is known (``draft.place_money``)."""
    text = cell_text(raw)
    words = " ".join(text.split())
    # "£500 in kind": one amount, and in kind (not "£5,000 cash plus £500 in kind", nor "£3,000
    # towards venue hire")
    in_kind = re.search(r"\bin[ -]kind\b", words, re.IGNORECASE) and len(re.findall(r"\d[\d,.]*", words)) == 1
    if column.key in _COUNCILS and (in_kind or not re.search(r"\d", text)):
        # "Officer time", "£500 in kind": what the council gives is not money (under "Annual cost"
        # too, a column whose money goes where the row's kind says)
        for name, kind in (("staff", _STAFF), ("other", _IN_KIND)):
            if kind.search(text):
                if said := public_text(draft, column, text, row, settings, ("resources", "council", name)):
                    draft.set(("resources", "council", name), said)
                return
    amount, qualified = read_money(raw)
    per = None if YEARLY.search(words) else _PER.match(words)  # ("£6,000 a year, paid quarterly": a year's)
    if per is not None and _SO_MANY.search(words):
        raise Unplaced(
            "so many payments: record the council's money a year, or the whole amount where it belongs"
        )
    noted = qualified or per is not None
    if noted:  # (its text kept now, where its column is among the notes; said where it is placed)
        draft.keep(column, text)
    if per is None:
        draft.money.append(Money(column, amount, text, noted))
        return
    period = (per.group("each") or per.group("ly").removesuffix("ly")).lower()
    yearly = round(amount * _IN_A_YEAR[period], 2)
    said = f"£{yearly:,} a year (£{amount:,} a {period}, {_IN_A_YEAR[period]} a year)"
    draft.money.append(
        Money(column, int(yearly) if float(yearly).is_integer() else yearly, text, noted, said)
    )


def read_contribution(draft: Draft, column: Column, raw: Any, row: int) -> None:
    """A council contribution column: cash, in kind or a loan, in the year its header names
    ("In kind 2023/24"), or a year column gives (placed once every cell is read), else in a year
    the officer records (lint asks for it)."""
    if column.key == ("contributions", "year"):
        period = financial_year(cell_text(raw))
        if period is None:
            raise Unplaced("not a financial year (such as 2024/25)")
        draft.year = f"{period[0].year}/{period[1].year % 100:02d}"
        return
    amount, qualified = read_money(raw)
    year = re.search(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d\d)\b", column.header)
    contributions = draft.data.setdefault("contributions", [])
    key = f"{year.group(1)}/{year.group(2)}" if year else None
    found = next((c for c in contributions if c.get("year") == key), None)
    if found is None:
        found = {"year": key, "by": "council"} if key else {"by": "council"}
        contributions.append(found)
    found[str(column.key[-1]) if column.key else "cash_gbp"] = amount
    if qualified:
        draft.keep(column, cell_text(raw), row=row, read_as=f"£{amount:,}")
