"""Dates as sheets write them: ``April 2016``, ``01/04/21``, ``c. 2005``, Excel's day numbers,
financial years; each read as precisely as the sheet gives it, or refused saying why. ``import``
reads a sheet's cells with them, and lint's advice (:mod:`partreg.dateadvice`) a date it refuses."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from partreg.models import BOUND, LAST_YEAR, MONTHS, ROUGHLY, PartialDate, uk_date
from partreg.readers import Unplaced

_MONTH = {name[:3].lower(): i for i, name in enumerate(MONTHS, 1)}
_DMY_SHORT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")
_D_MON_Y = re.compile(r"^(\d{1,2})[\s\-/]([A-Za-z]{3,9})\.?[\s\-/,]+(\d{2}|\d{4})$")
_MON_Y = re.compile(r"^([A-Za-z]{3,9})\.?[\s\-/]+(\d{2}|\d{4})$")
_FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A date with a time of day after it, as Excel writes a date cell into a CSV ("01/04/2016 00:00",
#: "01/04/2016 12:00:00 AM") and as ISO 8601 writes one ("2016-04-01T00:00:00").
_TIME = re.compile(
    r"^(.+?\d)(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:\s*([ap])\.?m\.?)?$", re.IGNORECASE
)


def full_year(text: str) -> int:
    """A year as written, of four digits or two (``16`` is 2016, ``98`` is 1998)."""
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def date_part(text: str) -> str | None:
    """The date before a time of day (``2016-04-01T00:00:00``, ``01/04/2016 00:00``), where one
    follows; ``None`` where none does."""
    m = _TIME.match(text)
    return m.group(1) if m else None


def excel_day(number: float) -> dt.date | None:
    """The day an Excel day number stands for, where it is one of :data:`EXCEL_DAYS` (Excel counts
    days from 30 December 1899); ``None`` for another number."""
    if not EXCEL_DAYS[0] <= number <= EXCEL_DAYS[1]:
        return None
    return dt.date(1899, 12, 30) + dt.timedelta(days=int(number))


def financial_year(text: str) -> tuple[dt.date, dt.date] | None:
    """``2019/20`` -> 1 April 2019 to 31 March 2020, the UK public sector's year."""
    m = _FINANCIAL_YEAR.match(text.strip())
    if not m:
        return None
    first = int(m.group(1))
    second = full_year(m.group(2)) if len(m.group(2)) == 2 else int(m.group(2))
    if len(m.group(2)) == 2:
        second = first // 100 * 100 + int(m.group(2))
        second += 100 if second < first else 0  # 1999/00
    if second != first + 1:
        return None
    return dt.date(first, 4, 1), dt.date(second, 3, 31)


#: Excel's day numbers for 1 January 1950 and 31 December 2099: a number in a date column between
#: them is a date whose cell lost its format.
EXCEL_DAYS = (18264, 73415)


class Placeholder(Unplaced):
    """A date such as 31/12/9999, which spreadsheets write for "no end"."""

    def __init__(self, message: str, date: PartialDate) -> None:
        super().__init__(message)
        #: The date as written: 31 December 9999.
        self.date = date


#: What a spreadsheet gives for a date cell left empty but formatted as a date, or one holding 0:
#: Excel's day 0, shown as 00/01/1900 (or 30/12/1899, where a program counts from there), and day 1.
#: No arrangement with a council began or ended then.
EXCEL_EMPTY = "Excel's date for an empty date cell (day 0), not a date"
_EXCEL_NOUGHTS = frozenset({(1899, 12, 30), (1899, 12, 31), (1900, 1, 1)})
_DAY_NOUGHT = re.compile(r"^(?:0{1,2}[/.\-]0?1[/.\-]1900|1900-01-00)$")


def read_date(raw: Any, *, month_first: bool = False) -> tuple[PartialDate, bool]:
    """A date cell as a date as precise as the sheet, and whether words around it were dropped
    (``c. 2005``): those keep the cell's text in the notes. A date in numbers alone is read day
    first (``04/05/2016`` is 4 May), or ``month_first`` (5 April) where its column writes dates so."""
    if (isinstance(raw, str) and _DAY_NOUGHT.match(_plain(raw)[0])) or raw == dt.time():
        raise Unplaced(EXCEL_EMPTY)  # (openpyxl gives Excel's day 0 as midnight, a time of no day)
    date, rough = _read_date(raw, month_first)
    if (date.year, date.month, date.day) in _EXCEL_NOUGHTS:
        raise Unplaced(EXCEL_EMPTY)
    if date.year > LAST_YEAR:
        raise Placeholder(f"the year {date.year} is a placeholder, not a date", date)
    return date, rough


#: A date in numbers alone, day and month in either order: ``04/13/2016``, ``4-5-16``.
_NUMBERS = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")


def written_order(raw: Any) -> str | None:
    """How a date in numbers alone can be read: ``"month-first"`` where only month first makes a
    real date (``04/13/2016``), ``"day-first"`` where only day first does (``13/04/2016``),
    ``"either"`` where both do and differ (``04/05/2016``); ``None`` for any other cell (a date
    cell, ``2016-04-13``, ``April 2016``, ``05/05/2016``, which is one date either way). A
    placeholder for no end says the order too: ``12/31/9999`` is month first."""
    if not isinstance(raw, str):
        return None
    m = _NUMBERS.match(_plain(raw)[0])
    if m is None:
        return None
    first, second, year = int(m.group(1)), int(m.group(2)), full_year(m.group(3))
    day_first, month_first = is_real_date(year, second, first), is_real_date(year, first, second)
    if day_first and month_first:
        return "either" if first != second else None
    return "day-first" if day_first else "month-first" if month_first else None


def is_real_date(year: int, month: int = 1, day: int = 1) -> bool:
    """Whether the day, month and year make a day of the calendar (not 31 February)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _plain(text: str) -> tuple[str, bool]:
    """A date cell's text without what surrounds a date (``c.``, ``1st``'s ``st``, a time of day),
    and whether anything other than midnight was dropped."""
    text = " ".join(text.split())
    found = (
        ROUGHLY.match(text) if not BOUND.match(text) else None
    )  # "before 2010" is no date: not read as one
    rough = found is not None
    text = text[found.end() :] if found is not None else text
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    if m := _TIME.match(text):
        # midnight is a date cell's time when it has none: the date alone; another time is dropped,
        # its cell's text kept in the notes
        hour, half = int(m.group(2)), (m.group(5) or "").lower()
        if half:  # 12:00 AM is midnight, 12:30 PM half past noon
            hour = hour % 12 + (12 if half == "p" else 0)
        rough = rough or (hour, int(m.group(3)), float(m.group(4) or 0)) != (0, 0, 0)
        text = m.group(1)
    return text, rough


def _read_date(raw: Any, month_first: bool) -> tuple[PartialDate, bool]:
    if isinstance(raw, dt.datetime):
        return PartialDate(
            raw.year, raw.month, raw.day
        ), raw.time() != dt.time()  # a time of day is kept in the notes
    if isinstance(raw, dt.date):
        return PartialDate(raw.year, raw.month, raw.day), False
    if isinstance(raw, bool):
        raise Unplaced("not a date")
    if isinstance(raw, int | float) and float(raw).is_integer() and 1000 <= raw <= 9999:
        return PartialDate(int(raw), None, None), False
    if isinstance(raw, int | float) and (counted := excel_day(raw)) is not None:
        # a date cell that lost its date format
        return PartialDate(counted.year, counted.month, counted.day), True
    text, rough = _plain(str(raw))
    if month_first and (m := _NUMBERS.match(text)):
        text = f"{m.group(2)}/{m.group(1)}/{m.group(3)}"
    try:
        if _ISO.match(text):
            stated = int(text[:4])
            return (PartialDate.parse(text) if stated <= LAST_YEAR else PartialDate(stated)), rough
    except ValueError:
        raise Unplaced("not a real date") from None
    said = uk_date(text)
    if said is not None:
        return said, rough
    if (m := re.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4})$", text)) and int(m.group(1)) > LAST_YEAR:
        return PartialDate(int(m.group(1))), rough  # 31/12/9999: refused by read_date as a placeholder
    day = month = year = None
    if m := _DMY_SHORT.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), full_year(m.group(3))
    elif m := _D_MON_Y.match(text):
        day, month, year = int(m.group(1)), _MONTH.get(m.group(2)[:3].lower()), full_year(m.group(3))
    elif m := _MON_Y.match(text):
        month, year = _MONTH.get(m.group(1)[:3].lower()), full_year(m.group(2))
    if month is not None and year is not None:
        try:
            dt.date(year, month, day or 1)
            return PartialDate(year, month, day), rough
        except ValueError:
            pass
    if re.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$", text):
        raise Unplaced("not a real date (day/month/year)")
    if financial_year(text):
        raise Unplaced("a financial year, not a date: record the date it began or ends")
    raise Unplaced("not a date")
