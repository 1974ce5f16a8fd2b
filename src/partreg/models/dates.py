"""Dates in the register format: :class:`PartialDate`, a year, a month or a day, as precise as its
source; how files, commands and the UK way write one; and :data:`DateField`, the field that reads it.

YAML is read by the 1.2 core schema (see ``partreg.yaml.reading``), so dates arrive as text (or a year as a
number); :data:`DateField` takes ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. Commands and questions
also take the UK way where it cannot be misread (:func:`read_date`)."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools
import re
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from partreg.models.text import shown

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def parse_iso_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD, and only so, that exists; ``ValueError`` says what is wrong.

    For a day that must be exact (the day a review is recorded, ``--as-of``).
    (``date.fromisoformat`` alone would also take ``20250401``.)
    """
    if not _ISO_DATE.match(text):
        raise ValueError(f"write dates as YYYY-MM-DD (for example 2025-04-01), not {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date{_why_not(int(text[:4]), int(text[5:7]))}") from None


def _why_not(year: int, month: int) -> str:
    """Why a day of ``month`` is not real: its year, its month, or how many days the month has."""
    if year < 1:
        return ": a year is 0001 or later"
    if not 1 <= month <= 12:
        return ": a month is 01 to 12"
    days = calendar.monthrange(max(year, 1), month)[1]
    return f": {MONTHS[month - 1]} {year} has {days} days"


class PartialDate:
    """A date as precise as its source: a year (``2001``), a month (``2016-04``) or a day (``2016-04-01``).

    Registers often know only "April 2016" or "2001"; inventing a day would
    make the record say more than the council knows. Where a day is needed
    (a review's schedule), :attr:`earliest` is used, so a review is never
    shown later than it could be due; :attr:`latest` says when a period has
    certainly passed.
    """

    # a plain class, not a dataclass: pydantic would dump a dataclass as a dict of its parts
    __slots__ = ("day", "iso", "month", "year")

    def __init__(self, year: int, month: int | None = None, day: int | None = None):
        self.year, self.month, self.day = year, month, day
        #: As written in a file: ``2001``, ``2016-04`` or ``2016-04-01`` (made once: every JSON output uses it).
        self.iso = "-".join([f"{year:04d}", *(f"{p:02d}" for p in (month, day) if p is not None)])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and (self.year, self.month, self.day) == (
            other.year,
            other.month,
            other.day,
        )

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate({self.iso!r})"

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """``2016``, ``"2016-04"``, ``"2016-04-01"`` or a ``date``; ``ValueError`` says what is wrong."""
        if type(value) is str:  # as dates come from files: first, and the same text read once
            return _parse_text(value)
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("write a date only, as YYYY-MM-DD, without a time")
        if isinstance(value, dt.date):
            return cls(_real_year(value.year), value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            return cls(_real_year(value))
        if isinstance(value, str):
            return _parse_text(str(value))
        raise _not_a_date(value)

    @property
    def earliest(self) -> dt.date:
        """The first day the date could be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date could be."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def display(self) -> str:
        """As a UK page writes it: ``2001``, ``April 2016`` or ``1 April 2016``."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    def when(self) -> str:
        """For a sentence: ``on 1 April 2016``, ``in April 2016``, ``in 2001``."""
        return f"{'on' if self.day else 'in'} {self.display()}"

    def yaml_value(self) -> dt.date | int | str:
        """The value to write into a file: a date, a year as a number, or ``YYYY-MM`` as text."""
        if self.day is not None:
            return self.earliest
        return self.year if self.month is None else self.iso

    def __str__(self) -> str:
        return self.iso


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> PartialDate:
    """:meth:`PartialDate.parse` of text. A register repeats its dates (the start of a financial year,
    a review day), so each is parsed once; a ``PartialDate`` is never changed, so one may be shared."""
    match = _PARTIAL_DATE.match(text)
    if match is None:
        raise _not_a_date(text)
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{text!r} is not a real date{_why_not(int(year), int(month or 1))}") from None
    return PartialDate(_real_year(int(year)), int(month) if month else None, int(day) if day else None)


#: The last year a date may have. Spreadsheets write 31/12/9999 for "no end"; reviews and
#: calendars add years to dates, which a year near 9999 would take past the calendar's end.
LAST_YEAR = 9000


def _real_year(year: int) -> int:
    if year > LAST_YEAR:
        raise ValueError(
            # (what to do instead depends on where the date is: a file's is told by lint's date advice)
            f"the year {year} is a placeholder, not a date: give the date itself"
        )
    return year


def _not_a_date(value: object) -> ValueError:
    roughly = approximate(value) if isinstance(value, str) else None
    # (said wherever a date is asked for, some of which must be given: what is certain is written,
    # and nothing is said of leaving the date out)
    if roughly is not None and isinstance(value, str) and BOUND.match(value.strip()):
        return ValueError(
            f"{shown(value)} says only that it was before {roughly}: a date records what is known, so "
            "write the date, or the month or year alone, if it is known"
        )
    if roughly is not None:
        return ValueError(
            f"{shown(value)} is approximate: write {roughly} if that is certain as far as it goes"
            + (
                " (a year alone says no more)"
                if roughly.month is None
                else " (a month alone says no more)"
                if roughly.day is None
                else ""
            )
            + "; a date records what is known, not a guess"
        )
    hint = uk_date(value) if isinstance(value, str) else None
    suggestion = f" (did you mean {hint}?)" if hint else ""
    return ValueError(
        f"write dates as YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known "
        f"(for example 2016-04-01, 2016-04 or 2016), not {shown(value)}{suggestion}"
    )


#: Words before a date that say it is approximate ("c. 2019", "circa April 2016", "about 2019",
#: "mid-2019", "est. 2018"), or a bound ("since 2015", "before 2010"): each with the date after it.
ROUGHLY = re.compile(
    r"(?:c|ca|circa|approx|approximately|about|around|roughly|est|estimated|early|mid|late|pre|before|since)"
    r"(?:\b|(?=\d))[\s.-]*",
    re.IGNORECASE,
)
#: Of those, the words that give a bound, not the date: the date after them is not when it was
#: (import does not read it as a date).
BOUND = re.compile(r"(?:pre|before)(?:\b|(?=\d))", re.IGNORECASE)


def approximate(text: str) -> PartialDate | None:
    """The date an approximate date ("c. 2019", "about April 2016", "2019?") names, without its
    "about": a date records what is known, so the officer is told to write this only where it is
    certain as far as it goes. ``None`` where ``text`` is no such date."""
    text = " ".join(text.split())
    found = ROUGHLY.match(text)
    rest = text[found.end() :] if found else text[:-1].rstrip() if text.endswith("?") else ""
    if not rest:
        return None
    match = _PARTIAL_DATE.match(rest)
    if match is not None:
        with contextlib.suppress(ValueError):
            return _parse_text(rest)
    return uk_date(rest)


_UK_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_UK_WORDS = re.compile(r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(\d{4})$")


def uk_date(text: str) -> PartialDate | None:
    """What a date written the UK way means: ``31/03/2026``, ``1 April 2019``, ``April 2016``, ``Sept 2020``.

    Day/month/year is the UK order, so ``01/04/2019`` is 1 April. ``None``
    where the text is no such date.
    """
    text = " ".join(text.strip().split())
    if m := _UK_DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _UK_WORDS.match(text):
        word = m.group(2).lower()
        found = [i for i, name in enumerate(MONTHS, 1) if len(word) >= 3 and name.lower().startswith(word)]
        if len(found) != 1:
            return None
        day, month, year = (int(m.group(1)) if m.group(1) else 0), found[0], int(m.group(3))
    else:
        return None
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day or None) if year <= LAST_YEAR else None


_ISO_SHAPED = re.compile(r"^[0-9]{4}(?:-[0-9]{1,2}){0,2}$")


def date_or_none(value: object) -> PartialDate | None:
    """``value`` as a file writes a date (:meth:`PartialDate.parse`), or ``None`` where it is not one."""
    try:
        return PartialDate.parse(value)
    except ValueError:
        return None


def read_date(text: str) -> PartialDate:
    """A date as an officer types it: ``2025-04-01``, ``2025-04`` or ``2025``, or the UK way where
    it cannot be misread (``31/03/2025``, ``1 April 2025``, ``April 2025``). ``1/4/2025`` could be
    either order, so it is refused with what the UK order makes of it, to be confirmed. Files
    keep the first forms only (:meth:`PartialDate.parse`); commands and questions take both,
    and say back the date they read."""
    try:
        return PartialDate.parse(text.strip())
    except ValueError as e:
        written = " ".join(text.split())
        numbers = _UK_DMY.match(written)
        if _ISO_SHAPED.match(written) or (
            numbers and int(numbers[1]) != int(numbers[2]) and max(int(numbers[1]), int(numbers[2])) <= 12
        ):
            raise  # a wrong ISO date; or day and month either way round, which the message offers to read
        if numbers:
            _real_year(int(numbers[3]))  # 31/12/9999: a placeholder, said as that
        said = uk_date(written)
        if said is None and numbers:  # 31/04/2026: written the UK way, and no day of the calendar
            day, month, year = int(numbers[1]), int(numbers[2]), int(numbers[3])
            if month > 12 >= day >= 1 and month <= calendar.monthrange(max(year, 1), day)[1]:
                first = PartialDate(year, day, month)  # 12/31/2020: month first, as some spreadsheets write
                raise ValueError(
                    f"{written!r} has no month {month}: written month first, as some spreadsheets write dates, "
                    f"it is {first.display()}: write {first.iso}"
                ) from None
            raise ValueError(f"{written!r} is not a real date{_why_not(year, month)}") from None
        if said is None:
            if approximate(written) is not None:
                raise  # said as approximate, with what to write
            raise ValueError(f"{e}; or the UK way, such as 31/03/2026 or 1 April 2026") from None
        return said


#: Any date in a register file: as precise as its source.
DateField = Annotated[
    PartialDate,
    PlainValidator(PartialDate.parse),
    # as written in a file, in JSON; in Python the date itself (a plain class, so not a dict of its parts)
    PlainSerializer(lambda d: d.iso, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "format": "partial-date"},
                {"type": "integer", "minimum": 1000, "maximum": LAST_YEAR},
            ],
            "description": "YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known.",
        }
    ),
]
