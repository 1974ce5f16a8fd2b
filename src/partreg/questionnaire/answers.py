"""Reading the officer's typed answers, forgivingly: each parser returns what is written to the file.

A parser takes the text as typed and returns the value, or raises
:class:`Invalid` with what would do instead; the questionnaire says that and
asks again. Dates and amounts are read as ``import`` reads a spreadsheet's
cells, so an answer that works in one works in the other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from partreg.models import ID_PATTERN, RESERVED_NAMES, PartialDate, read_date
from partreg.readers import Unplaced, not_known, read_money, read_months
from partreg.schemaerrors import ID_RULE

YES = {"y", "yes", "true", "t"}
NO = {"n", "no", "false", "f"}
#: Beside what :func:`partreg.readers.not_known` reads as not known: a fact's question may be skipped.
SKIP = {"skip", "s"}


class Invalid(ValueError):
    """An answer that cannot be used; the message says what would do."""


def parse_id(text: str) -> str:
    value = text.strip()
    if not re.match(ID_PATTERN, value):
        raise Invalid(ID_RULE)
    if value in RESERVED_NAMES:
        raise Invalid(f"{value!r} is a reserved file name on Windows: choose another")
    return value


def parse_date(text: str) -> dt.date | int | str:
    """A date as precise as the officer knows it (``2025-04-01``, ``2025-04``, ``2025``, or the UK way:
    ``31/03/2025``, ``1 April 2025``, ``April 2025``), as it is written to the file."""
    try:
        return read_date(text).yaml_value()
    except ValueError as e:
        raise Invalid(str(e)) from None


def parse_pounds(text: str) -> float | int:
    """Forgiving, as ``import`` reads a spreadsheet's cell: ``£25,000``, ``25000.00``, ``£4.2m``, ``25k``."""
    if text.strip().startswith("-"):
        raise Invalid("an amount cannot be negative")
    try:
        amount, qualified = read_money(text.replace("GBP", "£"))
    except Unplaced:
        raise Invalid("write an amount in pounds, for example 25000, £25,000 or £4.2m") from None
    if qualified:
        raise Invalid(
            "write the amount alone, for example 25000 (what it covers can go in the file's notes later)"
        )
    return amount


def parse_months(text: str) -> int:
    """Months between reviews, as ``import`` reads them: ``12``, ``12 months``, ``annual``, ``every 2 years``."""
    try:
        return read_months(text)
    except Unplaced:
        raise Invalid(
            "write a number of months between 1 and 120, for example 12 (or annual, 6 months)"
        ) from None


def parse_yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise Invalid("answer yes or no")


def parse_fact(text: str) -> bool | None:
    """yes / no / don't know."""
    value = text.strip().lower()
    if value in SKIP or not_known(value):
        return None
    try:
        return parse_yes_no(value)
    except Invalid:
        raise Invalid("answer yes, no, or ? if you don't know") from None


def choice(options: list[str]) -> Callable[[str], str]:
    """A parser that takes an option's number or its text (or an unambiguous start of it)."""

    def parse(text: str) -> str:
        value = text.strip().lower()
        if value.isdigit() and 1 <= int(value) <= len(options):
            return options[int(value) - 1]
        starts = [o for o in options if o.lower().startswith(value)] if value else []
        if value in (o.lower() for o in options):
            return next(o for o in options if o.lower() == value)
        if len(starts) == 1:
            return starts[0]
        raise Invalid(f"choose a number from 1 to {len(options)}, or one of: {', '.join(options)}")

    return parse


def choices(options: list[str]) -> Callable[[str], list[str]]:
    """Several options, by number or text, separated by commas."""
    one = choice(options)

    def parse(text: str) -> list[str]:
        picked = [one(part) for part in text.split(",") if part.strip()]
        return list(dict.fromkeys(picked))

    return parse


def parse_route(text: str) -> str:
    """``quote`` and ``tender`` as the Transparency Code's two routes; any other route as written."""
    said = " ".join(text.lower().split())
    if said in ("quote", "invitation to quote", "invitation-to-quote", "itq", "rfq"):
        return "invitation-to-quote"
    if said in ("tender", "invitation to tender", "invitation-to-tender", "itt", "open tender"):
        return "invitation-to-tender"
    return parse_text(text)


def parse_names(text: str) -> list[str]:
    """Names separated by commas."""
    return [name.strip() for name in text.split(",") if name.strip()]


def parse_text(value: str) -> str:
    """Any text but an empty one, or one that says only that it is not known (``?``, ``TBC``),
    which is a gap, never a value; stripped."""
    if not value.strip() or not_known(value):
        raise Invalid("an answer is needed here")
    return value.strip()


def typed(value: Any) -> str | None:
    """An answer as the officer would type it again (the default when it is asked again)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def earliest(value: Any) -> dt.date:
    """The first day a date as precise as the officer knew it (``2025``, ``2025-04``) can be."""
    return PartialDate.parse(value).earliest
