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
from dataclasses import dataclass
from typing import Any

from partreg.models import ID_PATTERN, RESERVED_NAMES, PartialDate, read_date
from partreg.readers import YEARLY, Unplaced, not_known, only_placeholder, pounds, read_money, read_months
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


@dataclass(frozen=True)
class Amount:
    """An amount in pounds as the officer gave it: the value written to the file, the answer as
    typed, and whether words were left over beside the number (``£12,500 pa``, ``up to £5k``), which
    are kept in the entry's internal notes, as ``import`` keeps a cell's."""

    value: int | float
    said: str
    qualified: bool = False

    @property
    def yearly(self) -> bool:
        """The words beside it say it is a year's: ``pa``, ``p.a.``, ``per year``, ``annual``."""
        return self.qualified and bool(YEARLY.search(self.said))

    def read_as(self) -> str:
        """``£12,500 a year``, ``£4,200,000``."""
        return f"{pounds(self.value)}{' a year' if self.yearly else ''}"

    @property
    def plain(self) -> bool:
        """Typed as the number alone, with no words or shorthand to say back (``25000``, ``£25,000``)."""
        said = self.said.strip()
        return not self.qualified and said in (pounds(self.value), pounds(self.value)[1:], str(self.value))


def parse_amount(text: str) -> Amount:
    """Forgiving, as ``import`` reads a spreadsheet's cell: ``£25,000``, ``25000.00``, ``£4.2m``,
    ``25k``, and with words beside it: ``£12,500 pa``, ``£5,605 + VAT``, ``up to £5k``."""
    if text.strip().startswith("-"):
        raise Invalid("an amount cannot be negative")
    try:
        amount, qualified = read_money(text.replace("GBP", "£"))
    except Unplaced:
        raise Invalid("write an amount in pounds, for example 25000, £25,000, £4.2m or £12,500 pa") from None
    return Amount(amount, text.strip(), qualified)


def parse_pounds(text: str) -> float | int:
    """The amount in pounds ``text`` gives (:func:`parse_amount`)."""
    return parse_amount(text).value


#: What a contract's value covers, as the officer may say it: a year's, the whole contract's, or not known.
_WHOLE = {
    "whole",
    "w",
    "whole contract",
    "the whole contract",
    "whole life",
    "whole-life",
    "lifetime",
    "total",
}


def parse_covers(text: str) -> str:
    """What a contract's value covers: ``year`` (also ``per year``, ``annual``, ``pa``), ``whole``
    (also ``whole life``, ``total``), or ``?`` where that is not known (``not known``, ``dunno``)."""
    said = " ".join(text.lower().split())
    if said == "?" or not_known(said):
        return "?"
    if said in ("year", "y", "yearly", "each year", "annual") or YEARLY.search(said):
        return "year"
    if said in _WHOLE:
        return "whole"
    raise Invalid("answer year, whole, or ? if not known")


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


def choices(options: list[str], names: dict[str, str] | None = None) -> Callable[[str], list[str]]:
    """Several options, by number, by text or by the name ``names`` gives each (as ``import`` reads
    a priority's name), separated by commas, semicolons or "and": ``1, 3``, ``1 and 2``."""
    one = choice(options)
    named = {" ".join(name.casefold().split()): option for option, name in (names or {}).items()}

    def pick(part: str) -> list[str]:
        said = " ".join(part.casefold().split())
        if said in named:
            return [named[said]]
        try:
            return [one(part)]
        except Invalid:
            joined = [p for p in re.split(r"\s+(?:and|&)\s+|\s*&\s*", part) if p.strip()]
            if len(joined) < 2:
                raise
            return [o for p in joined for o in pick(p)]

    def parse(text: str) -> list[str]:
        picked = [o for part in re.split(r"[,;]", text) if part.strip() for o in pick(part)]
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
    """Any text but an empty one, or one that says only that it is not known (``?``, ``TBC``) or
    stands for a value (``To be agreed``, ``Various partners``, as lint reads them), which is a gap,
    never a value; stripped."""
    if not value.strip() or not_known(value) or only_placeholder(value):
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
    if isinstance(value, Amount):
        return value.said
    return str(value)


def earliest(value: Any) -> dt.date:
    """The first day a date as precise as the officer knew it (``2025``, ``2025-04``) can be."""
    return PartialDate.parse(value).earliest
