"""The register format, version 1.1, as pydantic models.

These models are the contract with users' files: every field has a
description, unknown keys are errors, and the JSON Schema that editors and
check-jsonschema use is generated from them (``partreg schema``).

Version 1.1 only adds to version 1: every field of version 1 is still there
and means what it meant, so every version 1 file is a version 1.1 file. The
fields 1.1 adds say so in their descriptions ("Since 1.1").

YAML is read by the 1.2 core schema (see ``store.py``), so dates arrive as
text (or a year as a number); :data:`DateField` takes ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``, as precise as the source. Booleans are strict:
``yes`` is text in YAML 1.2, and a fact must be ``true`` or ``false``.

Reading is separate from checking. The models say what each value may be;
only ``id`` must be there (and the file's name gives it where it is not).
:func:`read_arrangement` keeps every entry that is a mapping, setting aside
only the values that are wrong; what an arrangement must record is checked
by lint rules (``missing-field``, ``start-not-recorded``, ...), whose
severities a council can set.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
import types
import typing
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    SerializerFunctionWrapHandler,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError, SchemaValidator

FORMAT_VERSION = "1.1"
#: The major version names the schema file (``schema/arrangement.v1.json``): a minor version only
#: adds fields, so a file's link to the schema never needs to change.
FORMAT_MAJOR = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$"
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
        raise ValueError(f"{text!r} is not a real date") from None


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
        raise ValueError(f"{text!r} is not a real date") from None
    return PartialDate(_real_year(int(year)), int(month) if month else None, int(day) if day else None)


#: The last year a date may have. Spreadsheets write 31/12/9999 for "no end"; reviews and
#: calendars add years to dates, which a year near 9999 would take past the calendar's end.
LAST_YEAR = 9000


def _real_year(year: int) -> int:
    if year > LAST_YEAR:
        raise ValueError(
            f"the year {year} is a placeholder, not a date: leave the date out where it is not known "
            "(an arrangement with no end date has no `end`)"
        )
    return year


def _not_a_date(value: object) -> ValueError:
    hint = uk_date(value) if isinstance(value, str) else None
    suggestion = f" (did you mean {hint}?)" if hint else ""
    return ValueError(
        f"write dates as YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known "
        f"(for example 2016-04-01, 2016-04 or 2016), not {shown(value)}{suggestion}"
    )


#: Characters that act on a terminal or a program rather than show: the C0 and C1 controls (but
#: tab and line breaks) and DEL.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROLS}]")
#: Those, and the characters that reorder text on screen (bidirectional overrides and marks).
UNSHOWN = re.compile(f"[{CONTROLS}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_unshown(text: str) -> str:
    """``text`` without the :data:`UNSHOWN` characters, as every published output gives it."""
    return text if text.isascii() and text.isprintable() else UNSHOWN.sub("", text)


def visible(text: str) -> str:
    """``text`` with each :data:`UNSHOWN` character written out (``\\x1b``), for a terminal: a title
    cannot clear the screen, retitle the window or reorder what is printed after it."""
    if text.isascii() and text.isprintable():
        return text
    return UNSHOWN.sub(lambda m: repr(m.group())[1:-1], text)


def shown(value: object, limit: int = 40) -> str:
    """A value as a message quotes it, at most ``limit`` characters; total for any value (Python
    refuses to write out an integer of over 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a number of about {round(digits, 2 - len(str(digits))):,} digits"
    if isinstance(value, str) and len(value) > limit * 2:
        value = value[: limit * 2]  # repr of the start only: a megabyte of text is not copied twice
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
        said = uk_date(written)
        if said is None:
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

#: Names Windows reserves for devices: a file called ``con.yaml`` cannot be created there.
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))]
)


def _not_reserved(value: object) -> object:
    if isinstance(value, str) and value in RESERVED_NAMES:
        raise ValueError(f"{value!r} is a reserved file name on Windows: choose another id")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ArrangementId = Annotated[str, StringConstraints(pattern=ID_PATTERN), BeforeValidator(_not_reserved)]
#: Whole pounds stay whole (25000, not 25000.0) when a file is written back.
Pounds = Annotated[
    float, Field(ge=0, allow_inf_nan=False), AfterValidator(lambda v: int(v) if float(v).is_integer() else v)
]


class Kind(StrEnum):
    """The four kinds of arrangement the policy defines."""

    PARTNERSHIP = "partnership"
    CONTRACT = "contract"
    JOINT_WORKING = "joint-working"
    COMMUNITY_FUNDING = "community-funding"


KIND_LABELS: dict[Kind, str] = {
    Kind.PARTNERSHIP: "Partnership",
    Kind.CONTRACT: "Contract",
    Kind.JOINT_WORKING: "Joint working",
    Kind.COMMUNITY_FUNDING: "Community funding",
}
#: Each kind in a sentence: "This is a contract", "This is joint working".
KIND_IN_A_SENTENCE: dict[Kind, str] = {
    Kind.PARTNERSHIP: "a partnership",
    Kind.CONTRACT: "a contract",
    Kind.JOINT_WORKING: "joint working",
    Kind.COMMUNITY_FUNDING: "community funding",
}


class Status(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"


class _Strict(BaseModel):
    # each model's validator is built when first used (see build_validators): `partreg lint` on an
    # empty register, or `partreg --version`, does not pay for the entry's
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Lead(_Strict):
    """Who leads for the council: an officer's role (and service), or the lead councillor; never a
    private person. A role or a member is needed; the service is expected (a warning where missing)."""

    role: Text | None = Field(
        default=None, description="The lead officer's role, e.g. 'Community Safety Manager'."
    )
    service: Text | None = Field(
        default=None, description="The council service that leads, e.g. 'Community Safety'."
    )
    member: Text | None = Field(
        default=None,
        description="The lead councillor or portfolio holder (a public office holder).",
    )
    email: Text | None = Field(
        default=None,
        description="A contact email for officers. Not published unless the settings say so.",
    )
    phone: Text | None = Field(
        default=None,
        description="A contact phone number for officers. Not published unless the settings say so.",
    )


Sector = Literal["public", "private", "voluntary", "community", "academic", "other"]


class Partner(_Strict):
    """A body the council works with in this arrangement."""

    name: Text | None = Field(default=None, description="The partner's name as it is publicly known.")
    sector: Sector | None = Field(
        default=None,
        description="public | private | voluntary | community | academic | other.",
    )
    role: Text | None = Field(default=None, description="What this partner does in the arrangement.")


class Representative(_Strict):
    """One of the council's representatives on the body (since 1.1): a councillor it appoints, or
    an officer by role."""

    member: Text | None = Field(
        default=None,
        description="The councillor who represents the council (a public office holder), e.g. "
        "'Cllr A. Patel', or how many and who appoints them: 'Two councillors appointed by Council'.",
    )
    role: Text | None = Field(
        default=None,
        description="The officer's role, or the councillor's office, e.g. 'Portfolio Holder for Housing'.",
    )
    capacity: Text | None = Field(
        default=None,
        description="How they sit on the body, e.g. 'voting member', 'observer', 'substitute', 'chair'.",
    )
    appointed: DateField | None = Field(default=None, description="When the council appointed them.")


Form = Literal[
    "shared-service",
    "joint-committee",
    "council-company",
    "joint-venture",
    "trust",
    "charity",
    "tenant-management-organisation",
    "statutory-partnership",
    "business-improvement-district",
    "forum",
    "other",
]
FORM_LABELS: dict[str, str] = {
    "shared-service": "Shared service between councils",
    "joint-committee": "Joint committee of councils",
    "council-company": "Council company",
    "joint-venture": "Joint venture",
    "trust": "Trust",
    "charity": "Charity",
    "tenant-management-organisation": "Tenant management organisation",
    "statutory-partnership": "Statutory partnership",
    "business-improvement-district": "Business improvement district",
    "forum": "Board, forum or group",
    "other": "Other",
}

_FINANCIAL_YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def _financial_year(value: object) -> str:
    """``2024/25``: the UK public sector's year, 1 April 2024 to 31 March 2025."""
    if isinstance(value, str) and (m := _FINANCIAL_YEAR.match(value)):
        first, second = int(m.group(1)), int(m.group(2))
        if second == (first + 1) % 100 and 1000 <= first <= LAST_YEAR:
            return value
    hint = ""
    text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if m := re.match(r"^(?:fy\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})$", text, re.IGNORECASE):
        first = int(m.group(1))
        hint = f" (did you mean {first}/{(first + 1) % 100:02d}?)"
    elif re.match(r"^\d{4}$", text):
        first = int(text)
        hint = f" (did you mean {first}/{(first + 1) % 100:02d}, April {first} to March {first + 1}?)"
    raise ValueError(
        f"write the financial year as 2024/25 (April 2024 to March 2025), not {shown(value)}{hint}"
    )


#: A financial year: ``2024/25``.
FinancialYear = Annotated[
    str,
    PlainValidator(_financial_year),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}/\d{2}$",
            "description": "A financial year, e.g. 2024/25 (April 2024 to March 2025).",
        }
    ),
]


AgreementType = Literal[
    "partnership-agreement",
    "memorandum-of-understanding",
    "terms-of-reference",
    "contract",
    "funding-agreement",
    "none",
]


class Agreement(_Strict):
    """The formal agreement behind the arrangement, where there is one."""

    type: AgreementType | None = Field(default=None, description="What kind of document the agreement is.")
    reference: Text | None = Field(default=None, description="The agreement's reference or name.")
    date: DateField | None = Field(default=None, description="When the agreement was made.")


class Characteristics(_Strict):
    """Facts in the policy's own words, from which the kind is decided.

    Each is ``true``, ``false``, or left out when not yet known.
    """

    formal_agreement: bool | None = Field(
        default=None, description="A formal agreement is made by all parties to work together."
    )
    shared_objectives: bool | None = Field(
        default=None, description="The council and the other parties share the objective."
    )
    shared_responsibility: bool | None = Field(
        default=None,
        description="The parties share responsibility for agreeing and/or delivering actions and outcomes.",
    )
    independent_partners: bool | None = Field(
        default=None, description="The other parties are independent bodies."
    )
    council_sole_procurer: bool | None = Field(
        default=None,
        description="The council alone buys a service that a third party delivers on its behalf.",
    )
    provider_profit_motive: bool | None = Field(
        default=None, description="The other party's objective is to make a profit."
    )
    council_funds_fixed_period: bool | None = Field(
        default=None,
        description="The council provides funding over a fixed period in return for agreed actions.",
    )
    discussion_forum: bool | None = Field(
        default=None,
        description="A forum or group that members/officers belong to, to discuss policy, strategy or "
        "forthcoming issues. With no formal agreement or no agreed outcomes it is joint working; a "
        "partnership board whose members also discuss strategy is still a partnership.",
    )
    agreed_outcomes: bool | None = Field(
        default=None, description="Specific outcomes have been agreed by the parties."
    )


class Outcome(_Strict):
    """A clear, measurable outcome."""

    description: Text | None = Field(default=None, description="What will be different.")
    measure: Text | None = Field(default=None, description="How it is measured.")
    target: Text | None = Field(default=None, description="The level that counts as success.")
    by: DateField | None = Field(default=None, description="When the target should be met.")


class CouncilResources(_Strict):
    """What the council puts in."""

    funding_gbp: Pounds | None = Field(default=None, description="Council money, in pounds a year.")
    staff: Text | None = Field(default=None, description="Council staff time, e.g. '0.5 FTE'.")
    other: Text | None = Field(default=None, description="Any other council resources.")


class Resources(_Strict):
    """Resource availability and requirements, one of the six agreed elements."""

    council: CouncilResources | None = Field(default=None, description="What the council commits.")
    partners: Text | None = Field(default=None, description="What the partners commit.")


Level = Literal["low", "medium", "high"]
Rating = Literal["substantial", "reasonable", "limited", "weak"]


class Risk(_Strict):
    """A risk of the arrangement and how it is handled."""

    description: Text | None = Field(default=None, description="The risk.")
    likelihood: Level | None = Field(default=None, description="low | medium | high.")
    impact: Level | None = Field(default=None, description="low | medium | high.")
    mitigation: Text | None = Field(default=None, description="What reduces the risk.")


ReviewOutcome = Literal["continue", "amend", "exit", "reassess", "proposed-for-removal"]
OUTCOME_LABELS: dict[str, str] = {
    "continue": "Continue",
    "amend": "Amend",
    "exit": "Exit",
    "reassess": "Reassess",
    "proposed-for-removal": "Proposed for removal from the register",
}


class ReviewAction(_Strict):
    """An action a review agreed (since 1.1)."""

    description: Text | None = Field(default=None, description="What is to be done.")
    owner: Text | None = Field(default=None, description="The role (not the person) that does it.")
    due: DateField | None = Field(default=None, description="When it is due.")
    done: DateField | None = Field(default=None, description="When it was done; left out while it is open.")


class ReviewRecord(_Strict):
    """One review that took place."""

    date: DateField | None = Field(default=None, description="When the review was held.")
    outcome: ReviewOutcome | None = Field(
        default=None,
        description="continue | amend | exit; since 1.1 also reassess (look at it again, sooner) and "
        "proposed-for-removal (the review proposes taking it off the register).",
    )
    by: Text | None = Field(default=None, description="The role (not the person) that reviewed it.")
    notes: Text | None = Field(default=None, description="What the review found or decided.")
    rating: Rating | None = Field(
        default=None,
        description="Since 1.1: the assurance rating the review gave (substantial | reasonable | limited | "
        "weak); the reviews' ratings are the rating history.",
    )
    actions: list[ReviewAction] = Field(
        default_factory=list, description="Since 1.1: the actions the review agreed."
    )


class Review(_Strict):
    """When the arrangement is reviewed, and the reviews held so far."""

    months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="Months between reviews; overrides the register's default.",
    )
    history: list[ReviewRecord] = Field(default_factory=list, description="Reviews held, oldest first.")


ExtensionStatus = Literal["available", "taken", "declined"]
#: A number of years; whole years stay whole (3, not 3.0) when a file is written back.
Years = Annotated[
    float,
    Field(gt=0, le=50, allow_inf_nan=False),
    AfterValidator(lambda v: int(v) if float(v).is_integer() else v),
]


class Extension(_Strict):
    """An option to extend a contract (since 1.1): "3 + 3 years" is a contract of 3 years with one
    extension of 3 years."""

    years: Years | None = Field(
        default=None, description="How long the extension is, in years (0.5 for six months)."
    )
    until: DateField | None = Field(default=None, description="The date the contract would run to if taken.")
    status: ExtensionStatus | None = Field(
        default=None, description="available (not yet decided) | taken | declined."
    )


class ContractDetails(_Strict):
    """The contract behind a contractual arrangement."""

    reference: Text | None = Field(default=None, description="The contract reference.")
    value_gbp: Pounds | None = Field(
        default=None,
        description="The contract's value in pounds, as the council states it; where the source says "
        "whether it is a year's or the whole life's, record `annual_value_gbp` or `whole_life_value_gbp`.",
    )
    annual_value_gbp: Pounds | None = Field(
        default=None, description="Since 1.1: what the contract is worth in a year, in pounds."
    )
    whole_life_value_gbp: Pounds | None = Field(
        default=None,
        description="Since 1.1: what the contract is worth over its whole life, extensions taken included.",
    )
    extensions: list[Extension] = Field(
        default_factory=list, description="Since 1.1: the options to extend the contract, in order."
    )
    procurement_route: Text | None = Field(
        default=None,
        description="How it was procured. The Transparency Code asks whether the contract came from an "
        "invitation to quote or a published invitation to tender: write `invitation-to-quote` or "
        "`invitation-to-tender` where it did (or the route, e.g. `framework`, `direct-award`).",
    )
    supplier_registration: Text | None = Field(
        default=None, description="The supplier's company or charity registration number."
    )
    supplier_sme: bool | None = Field(
        default=None,
        description="Since 1.1: the supplier is a small or medium-sized enterprise (the Transparency Code asks).",
    )
    supplier_vcse: bool | None = Field(
        default=None,
        description="Since 1.1: the supplier is a voluntary, community or social enterprise organisation "
        "(the Transparency Code asks).",
    )
    irrecoverable_vat_gbp: Pounds | None = Field(
        default=None,
        description="Since 1.1: the VAT on the contract the council cannot recover, in pounds (0 where it "
        "recovers it all).",
    )


#: An organisation identifier as org-id.guide gives it (``GB-CHC-1164883``, ``GB-COH-09506232``,
#: ``GB-LAE-BRW``), or a 360Giving publisher's own (``360G-brentwood-shenfield-youth``).
ORG_ID_PATTERN = r"^(?:[A-Z]{2}-[A-Z0-9]+|360G)-[^\s/\\]+$"
OrgId = Annotated[str, StringConstraints(pattern=ORG_ID_PATTERN)]
#: A 360Giving publisher prefix: ``360G-`` and the rest 360Giving registered.
GIVING_PREFIX_PATTERN = r"^360G-[A-Za-z0-9_-]+$"


class Award(_Strict):
    """One award made under a grant scheme (since 1.1): a community-funding entry that is a scheme
    records each grant it made, and the exports publish each as a grant."""

    reference: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]+$")] | None = Field(
        default=None,
        description="The award's reference within the scheme (letters, digits, - and _), which makes its "
        "360Giving id; without one, its place in the list does.",
    )
    recipient: Text | None = Field(default=None, description="The organisation awarded the grant.")
    recipient_org_id: OrgId | None = Field(
        default=None,
        description="The recipient's organisation identifier (org-id.guide), e.g. GB-CHC-1164883 for a "
        "charity, GB-COH-09506232 for a company.",
    )
    recipient_registration: Text | None = Field(
        default=None, description="The recipient's charity or company registration number."
    )
    amount_gbp: Pounds | None = Field(default=None, description="The amount awarded, in pounds.")
    award_date: DateField | None = Field(default=None, description="When the grant was awarded.")
    period_start: DateField | None = Field(
        default=None, description="Start of the funded period (else the scheme's)."
    )
    period_end: DateField | None = Field(
        default=None, description="End of the funded period (else the scheme's)."
    )
    purpose: Text | None = Field(
        default=None, description="What the grant is for (else the scheme's summary)."
    )


class Funding(_Strict):
    """The funding given under a community funding arrangement."""

    amount_gbp: Pounds | None = Field(default=None, description="The amount given, in pounds.")
    period_start: DateField | None = Field(default=None, description="Start of the funded period.")
    period_end: DateField | None = Field(default=None, description="End of the funded period.")
    actions: list[Text] = Field(
        default_factory=list, description="The actions agreed in return for the funding."
    )
    award_date: DateField | None = Field(
        default=None,
        description="Since 1.1: when the grant was awarded (the Transparency Code's 'date the grant was "
        "awarded', 360Giving's awardDate).",
    )
    recipient_org_id: OrgId | None = Field(
        default=None,
        description="Since 1.1: the recipient's organisation identifier (org-id.guide), e.g. GB-CHC-1164883 "
        "for a charity, GB-COH-09506232 for a company; 360Giving's recipientOrganization id.",
    )
    recipient_registration: Text | None = Field(
        default=None,
        description="Since 1.1: the recipient's charity or company registration number (the Transparency "
        "Code's 'beneficiary's registration number').",
    )
    awards: list[Award] = Field(
        default_factory=list,
        description="Since 1.1: for a grant scheme, each award it made; the exports publish each as a grant, "
        "in the scheme's programme.",
    )


class Contribution(_Strict):
    """What one party puts in during one financial year (since 1.1): cash, in kind and loans, in pounds."""

    year: FinancialYear | None = Field(default=None, description="The financial year, e.g. 2024/25.")
    by: Text | None = Field(
        default=None,
        description="Who puts it in: `council`, or a partner's name as it is written under `partners`.",
    )
    cash_gbp: Pounds | None = Field(default=None, description="Money paid, in pounds.")
    in_kind_gbp: Pounds | None = Field(
        default=None, description="What is given in kind (staff time, premises, services), valued in pounds."
    )
    loan_gbp: Pounds | None = Field(default=None, description="Money lent, in pounds.")
    notes: Text | None = Field(default=None, description="What it is for, or how it is valued.")


class Decision(_Strict):
    """A decision about the arrangement by a council body (since 1.1): to enter, renew or leave it."""

    body: Text | None = Field(
        default=None,
        description="Who decided: 'Cabinet', 'Community Committee', 'Chief Executive (delegated)'.",
    )
    date: DateField | None = Field(default=None, description="When it was decided.")
    reference: Text | None = Field(default=None, description="The minute, decision or report reference.")
    url: Text | None = Field(default=None, description="Where the decision is published (http or https).")
    summary: Text | None = Field(default=None, description="What was decided.")


class Reporting(_Strict):
    """How the arrangement reports to the council, for scrutiny (since 1.1)."""

    committee: Text | None = Field(
        default=None, description="The committee it reports to, e.g. 'Audit and Scrutiny Committee'."
    )
    months: int | None = Field(
        default=None, ge=1, le=120, description="How often it reports, in months: 12 a year, 6 twice a year."
    )
    last_report: DateField | None = Field(default=None, description="When it last reported.")


class Significance(_Strict):
    """How significant the arrangement is, beside what the council's tests in `partreg.yaml` give
    (since 1.1). Format 1.0's `significance: high` is this with `level: high` and no reason."""

    level: Level | None = Field(
        default=None,
        description="The officer's level (low | medium | high), where it differs from what the council's "
        "tests give, or where the register has no tests.",
    )
    reason: Text | None = Field(default=None, description="Why: needed where `level` differs from the tests.")
    meets: list[Text] = Field(
        default_factory=list,
        description="The council's tests (their ids in partreg.yaml) this arrangement meets that partreg "
        "cannot read from the entry, e.g. essential-to-a-priority.",
    )

    @model_serializer(mode="wrap")
    def _as_written(self, handler: SerializerFunctionWrapHandler) -> Any:
        """A level alone is written as format 1.0 writes it: ``significance: high``."""
        data = handler(self)
        if (
            isinstance(data, dict)
            and data.get("level") is not None
            and not any(v for k, v in data.items() if k != "level")
        ):
            return data["level"]
        return data


def _significance(value: object) -> object:
    """``high`` (format 1.0) is ``{level: high}``; another word is wrong where it is written."""
    if isinstance(value, str):
        if value not in ("low", "medium", "high"):
            raise PydanticCustomError(
                "literal_error",
                "Input should be 'low', 'medium' or 'high'",
                {"expected": "'low', 'medium' or 'high'"},
            )
        return {"level": value}
    if not isinstance(value, dict | BaseModel):
        raise PydanticCustomError(
            "significance_type",
            "should be low, medium or high, or a mapping of `level`, `reason` and `meets`",
        )
    return value


_SIGNIFICANCE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"enum": ["low", "medium", "high"], "description": "The officer's level (format 1.0)."},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "level": {"enum": ["low", "medium", "high"]},
                "reason": {"type": "string", "minLength": 1},
                "meets": {"type": "array", "items": {"type": "string", "minLength": 1}},
            },
        },
    ]
}


class Link(_Strict):
    """A public web page about the arrangement."""

    title: Text | None = Field(default=None, description="What the page is, e.g. 'Terms of reference'.")
    url: Text | None = Field(default=None, description="The page's address (http or https).")


class Arrangement(_Strict):
    """One arrangement on the register: the contents of ``register/<id>.yaml``."""

    id: ArrangementId = Field(
        description="The file's name without .yaml: lower-case letters, digits and hyphens, 3-64 characters."
    )
    title: Text | None = Field(default=None, description="The arrangement's public name.")
    kind: Kind | None = Field(
        default=None,
        strict=False,
        description="partnership | contract | joint-working | community-funding.",
    )
    form: Form | None = Field(
        default=None,
        description="Since 1.1: what the body is, beside the policy's kind: shared-service | joint-committee | "
        "council-company | joint-venture | trust | charity | tenant-management-organisation | "
        "statutory-partnership | business-improvement-district | forum | other.",
    )
    status: Status | None = Field(default=None, strict=False, description="proposed | active | ended.")
    summary: Text | None = Field(
        default=None, description="What the arrangement is for, in a sentence or two."
    )
    lead: Lead | None = Field(
        default=None,
        description="Who leads for the council: an officer's `role` (and `service`), or the lead councillor, `member`.",
    )
    representatives: list[Representative] = Field(
        default_factory=list, description="Since 1.1: the council's representatives on the body."
    )
    priorities: list[Text] = Field(
        default_factory=list,
        description="Ids of the corporate priorities it serves (see partreg.yaml).",
    )
    partners: list[Partner] = Field(
        default_factory=list, description="The other bodies involved (at least one)."
    )
    statutory: bool | None = Field(default=None, description="The arrangement is required by law.")
    statutory_basis: Text | None = Field(default=None, description="The law that requires or enables it.")
    agreement: Agreement | None = Field(default=None, description="The formal agreement, where there is one.")
    decisions: list[Decision] = Field(
        default_factory=list,
        description="Since 1.1: the council's decisions about it (body, date, reference, link), oldest first.",
    )
    characteristics: Characteristics | None = Field(
        default=None, description="Facts that decide the kind (see `partreg classify`)."
    )
    objectives: list[Text] = Field(
        default_factory=list, description="The shared strategic vision or objectives."
    )
    outcomes: list[Outcome] = Field(default_factory=list, description="Clear measurable outcomes.")
    resources: Resources | None = Field(default=None, description="Resource availability and requirements.")
    contributions: list[Contribution] = Field(
        default_factory=list,
        description="Since 1.1: money by financial year, cash, in kind and loans, from the council and the partners.",
    )
    added_value: Text | None = Field(default=None, description="What working together adds.")
    risks: list[Risk] = Field(default_factory=list, description="The risks and their mitigations.")
    start: DateField | None = Field(
        default=None, description="When the arrangement began, as precisely as it is known."
    )
    end: DateField | None = Field(
        default=None, description="When it ends or ended (the life of the arrangement)."
    )
    replaces: list[ArrangementId] = Field(
        default_factory=list,
        description="Since 1.1: the ids of the entries this arrangement replaced (its predecessors).",
    )
    replaced_by: list[ArrangementId] = Field(
        default_factory=list,
        description="Since 1.1: the ids of the entries that replaced it (its successors).",
    )
    review: Review | None = Field(default=None, description="Review timescale and history.")
    reporting: Reporting | None = Field(
        default=None, description="Since 1.1: the committee it reports to, how often, and the last report."
    )
    last_verified: DateField | None = Field(
        default=None, description="Since 1.1: when an officer last checked this entry against the facts."
    )
    rating: Rating | None = Field(default=None, description="The assurance rating from the last review.")
    significance: (
        Annotated[Significance, BeforeValidator(_significance), WithJsonSchema(_SIGNIFICANCE_SCHEMA)] | None
    ) = Field(
        default=None,
        description="How significant the arrangement is to the council: low | medium | high, the officer's "
        "level; since 1.1 also a mapping of `level`, `reason` and `meets` (the council's tests it meets), "
        "beside the level the tests in partreg.yaml give.",
    )
    exit_strategy: Text | None = Field(
        default=None,
        description="How the council would leave; councils' frameworks ask for one for significant partnerships.",
    )
    contract: ContractDetails | None = Field(
        default=None, description="For contracts: the contract's details."
    )
    funding: Funding | None = Field(
        default=None, description="For community funding: what is given and for what."
    )
    links: list[Link] = Field(
        default_factory=list, description="Public pages: minutes, agreements, partners' pages."
    )
    internal: dict[str, Any] | None = Field(
        default=None,
        description="Free-form notes for officers only; never published.",
    )

    @property
    def name(self) -> str:
        """The title, or the id where no title is recorded: what lists and pages call it."""
        return self.title or self.id


Months = Annotated[int, Field(ge=1, le=120)]


class ReviewSettings(_Strict):
    """When arrangements are reviewed; councils' own frameworks shorten the cycle for some."""

    default_months: Months = Field(
        default=12, description="Months between reviews unless an entry says otherwise."
    )
    months_by_rating: dict[Rating, Months] = Field(
        default_factory=dict,
        description="Shorter intervals by assurance rating, e.g. {limited: 6, weak: 3}.",
    )
    months_by_significance: dict[Level, Months] = Field(
        default_factory=dict, description="Shorter intervals by significance, e.g. {high: 6}."
    )
    window_days: int = Field(
        default=30, ge=0, le=3660, description="How far ahead `review-due` looks unless told otherwise."
    )
    ending_days: int = Field(
        default=90,
        ge=0,
        le=3660,
        description="An arrangement ending within this many days needs an exit or renewal plan.",
    )


class SignificanceTest(_Strict):
    """One of the council's tests of significance. A test with a condition partreg can read is met
    when the entry meets every condition it sets; any test is met when the entry's
    `significance.meets` names it (for what partreg cannot read, such as 'essential to a priority')."""

    description: Text | None = Field(
        default=None,
        description="The test in the council's words, e.g. 'Council resources of £50,000 or more'.",
    )
    council_gbp_a_year: Pounds | None = Field(
        default=None,
        description="Met when the council puts in at least this much in one year: its contributions of "
        "that year (cash, in kind and loans), `resources.council.funding_gbp`, or a contract's "
        "`annual_value_gbp`, whichever is largest.",
    )
    statutory: bool | None = Field(default=None, description="Met when the entry's `statutory` is this.")


class SignificanceWhen(_Strict):
    """Which tests make an arrangement significant: every test in `required`, and at least
    `at_least` of the others (Gravesham: any one of two; Chorley: £100,000 a year and three of five)."""

    required: list[Text] = Field(default_factory=list, description="Tests that must all be met.")
    at_least: int = Field(
        default=1, ge=0, le=100, description="How many of the other tests must be met besides."
    )


class SignificanceSettings(_Strict):
    """The council's own tests of significance; an arrangement that passes them is `high`."""

    tests: dict[Annotated[str, StringConstraints(pattern=ID_PATTERN)], SignificanceTest] = Field(
        default_factory=dict, description="The tests, by an id of your choosing (e.g. council-resources)."
    )
    high_when: SignificanceWhen = Field(
        default_factory=SignificanceWhen, description="Which tests make an arrangement significant (high)."
    )
    otherwise: Level = Field(default="low", description="The level of an arrangement that does not pass.")

    @model_validator(mode="after")
    def _known_tests(self) -> SignificanceSettings:
        for name in self.high_when.required:
            if name not in self.tests:
                close = difflib.get_close_matches(name, list(self.tests), n=1)
                hint = (
                    f" (did you mean {close[0]!r}?)"
                    if close
                    else f"; the tests are: {', '.join(self.tests) or '(none)'}"
                )
                raise ValueError(f"high_when.required names {name!r}, which is not one of the tests{hint}")
        others = len(self.tests) - len(set(self.high_when.required))
        if self.high_when.at_least > others:
            raise ValueError(
                f"high_when.at_least is {self.high_when.at_least}, but there are only {others} tests besides "
                "the required ones: no arrangement could pass"
            )
        return self


class IndexColumn(StrEnum):
    """A column of the published index (the name, with the form of body, always comes first)."""

    LEAD = "lead"
    PARTNERS = "partners"
    PURPOSE = "purpose"
    PRIORITIES = "priorities"
    STATUTORY = "statutory"
    DATES = "dates"
    MONEY = "money"
    SIGNIFICANCE = "significance"
    RATING = "rating"
    LAST_REVIEW = "last-review"
    NEXT_REVIEW = "next-review"


#: The index's columns where the settings choose none: what a small district council's register shows.
DEFAULT_COLUMNS = (
    IndexColumn.LEAD,
    IndexColumn.PARTNERS,
    IndexColumn.STATUTORY,
    IndexColumn.DATES,
    IndexColumn.MONEY,
    IndexColumn.LAST_REVIEW,
    IndexColumn.NEXT_REVIEW,
)

PublicUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"']+$")]


class AccessibilitySettings(_Strict):
    """The council's part of the accessibility statement: how to reach it, and what it has found."""

    contact: Text | None = Field(
        default=None,
        description="Where to report an accessibility problem or ask for another format: an email "
        "address, phone number or web page.",
    )
    status: Literal["fully", "partially", "not"] | None = Field(
        default=None,
        description="The council's own finding: the page is fully, partially or not compliant with WCAG 2.2 "
        "AA. Where not given, the statement says what partreg tests and that the council has not assessed it.",
    )
    issues: list[Text] = Field(
        default_factory=list, description="Known problems the council has found, each in a sentence."
    )
    prepared: DateField | None = Field(
        default=None, description="When the council prepared or last reviewed the statement."
    )

    @model_validator(mode="after")
    def _issues_agree_with_status(self) -> AccessibilitySettings:
        if self.status == "fully" and self.issues:
            raise ValueError(
                "status is fully compliant, but issues lists problems: say partially (or not), or remove the issues"
            )
        return self


class PublishSettings(_Strict):
    """What the published page shows beyond the arrangements' public fields."""

    introduction: Text | None = Field(
        default=None, description="The page's introduction; a short default explains the register."
    )
    risks: bool = Field(default=False, description="Publish each arrangement's risks and mitigations.")
    contacts: bool = Field(default=False, description="Publish the lead officer's email and phone.")
    columns: list[Annotated[IndexColumn, Field(strict=False)]] | None = Field(
        default=None,
        description="The index's columns after the name, in order, from: "
        + ", ".join(c.value for c in IndexColumn)
        + ". By default: "
        + ", ".join(c.value for c in DEFAULT_COLUMNS)
        + ", with significance and rating where any arrangement records them.",
    )
    url: PublicUrl | None = Field(
        default=None,
        description="Where the site is published, e.g. https://www.example.gov.uk/partnerships/: the change "
        "feed's links are made absolute with it.",
    )
    accessibility: AccessibilitySettings = Field(
        default_factory=AccessibilitySettings,
        description="What the accessibility statement (accessibility.html) says of the council's own part.",
    )


class ExportSettings(_Strict):
    """What the statutory and open-data exports need to know of the council (since 1.1)."""

    contracts_over_gbp: Pounds = Field(
        default=5000,
        description="`export transparency-contracts` lists contracts whose value exceeds this (the "
        "Transparency Code: 'a value that exceeds £5,000').",
    )
    org_id: OrgId | None = Field(
        default=None,
        description="The council's organisation identifier (org-id.guide), e.g. GB-LAE-BRW for an English "
        "council; 360Giving's fundingOrganization id.",
    )
    giving_prefix: Annotated[str, StringConstraints(pattern=GIVING_PREFIX_PATTERN)] | None = Field(
        default=None,
        description="The council's 360Giving publisher prefix, e.g. 360G-brentwood: each grant's id starts "
        "with it.",
    )


class Settings(_Strict):
    """The register's settings: the contents of ``partreg.yaml``."""

    council: Text = Field(description="The council's name.")
    title: Text = Field(default="Partnership Register", description="The register's title.")
    priorities: dict[str, Text] = Field(default_factory=dict, description="Corporate priorities: id -> name.")
    review: ReviewSettings = Field(default_factory=ReviewSettings, description="Review schedule defaults.")
    rules: Annotated[dict[str, Literal["error", "warning", "off"]], AfterValidator(_check_rule_ids)] = Field(
        default_factory=dict,
        description="Lint rule levels that differ from the defaults, e.g. {review-overdue: error, personal-data: off}.",
    )
    ignore: list[Text] = Field(
        default_factory=list,
        description="Files `partreg lint` does not check: globs relative to the register root, e.g. register/legacy-*.yaml.",
    )
    max_file_bytes: int = Field(
        default=1_000_000,
        ge=1_000,
        le=100_000_000,
        description="Larger arrangement files are a problem (`file-too-large`), not read: a page of text is far smaller.",
    )
    publish: PublishSettings = Field(
        default_factory=PublishSettings, description="What `partreg render` publishes."
    )
    significance: SignificanceSettings | None = Field(
        default=None,
        description="Since 1.1: the council's tests of significance, from which each arrangement's "
        "significance is computed (an officer may record another level, with a reason).",
    )
    exports: ExportSettings = Field(
        default_factory=ExportSettings,
        description="Since 1.1: the threshold and identifiers `partreg export` uses.",
    )
    internal_fields: Annotated[list[Text], AfterValidator(_check_internal_fields)] = Field(
        default_factory=list,
        description="Further top-level arrangement fields never to publish (`internal` never is).",
    )


#: The validation context's key for the ids of partreg's rules: the rules import the models, so the
#: models are told the ids by whoever reads the settings (``lint.validate_settings``), and check
#: ``rules:`` against them only when told.
RULE_IDS = "rule_ids"


def _check_rule_ids(levels: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    known = (info.context or {}).get(RULE_IDS)
    if known is None:
        return levels
    for rule_id in levels:
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else "; `partreg rules` lists them"
            raise ValueError(f"{rule_id!r} is not a rule{hint}")
    return levels


def _check_internal_fields(names: list[str]) -> list[str]:
    for name in names:
        if name in ("id", "title", "kind", "status", "lead", "partners", "start"):
            raise ValueError(f"{name!r} is needed on every arrangement and is always published")
        if name not in Arrangement.model_fields:
            close = difflib.get_close_matches(name, list(Arrangement.model_fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"{name!r} is not a field of an arrangement{hint}, so it would hide nothing")
    return names


def inner_model(annotation: Any) -> Any:
    """The type inside ``X | None``, ``list[X]`` and ``Annotated[X, ...]`` (``None`` for a real union)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType, list):
            inner = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(inner) != 1:
                return None
            annotation = inner[0]
        else:
            return annotation


def plain(value: Any) -> Any:
    """Model output as plain data for writing: enums become their values, dates as precise as they are."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, PartialDate):
        return value.yaml_value()
    return value


def arrangement_schema() -> dict[str, Any]:
    """The JSON Schema of one arrangement file, for editors and check-jsonschema."""
    schema = Arrangement.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"partreg arrangement, register format {FORMAT_VERSION}"
    schema["$comment"] = (
        f"Format {FORMAT_MAJOR}.x: a minor version only adds fields, so this schema "
        f"(arrangement.v{FORMAT_MAJOR}.json) checks every file of format {FORMAT_MAJOR}.0 and later {FORMAT_MAJOR}.x."
    )
    return schema


# --------------------------------------------------------------------------- reading


def id_from_name(file_id: str) -> str:
    """The id a file's name gives an entry that records none (or a wrong one)."""
    if re.match(ID_PATTERN, file_id) and file_id not in RESERVED_NAMES:
        return file_id
    slug = re.sub(r"[^a-z0-9]+", "-", file_id.lower()).strip("-")[:64].strip("-")
    return slug if re.match(ID_PATTERN, slug) and slug not in RESERVED_NAMES else "unnamed-arrangement"


_DROP = object()
#: Stands, at the end of a loc, for every key of that mapping that is not text: pydantic names such
#: a key by its text (``'1.5'``), which is not the key (``1.5``).
_NON_TEXT_KEYS = object()


def _dropping(data: Any, locs: list[tuple[str | int, ...]]) -> Any:
    """A copy of ``data`` without the values at ``locs`` (a list loses the item, a mapping the key).

    Only the mappings and lists on the way to a value dropped are copied; the rest is shared with
    ``data``, as it is by a model read from ``data`` in one go. (A deep copy of a megabyte of small
    values took half a second.)
    """
    paths: dict[Any, Any] = {}  # each part of a loc leads to the next, the last to _DROP
    for loc in locs:
        if not loc:
            continue
        node = paths
        for part in loc[:-1]:
            node = node.setdefault(part, {})
            if node is _DROP:  # inside a value dropped already
                break
        else:
            node[loc[-1]] = _DROP

    def sweep(value: Any, drop: dict[Any, Any]) -> Any:
        if isinstance(value, dict):
            items: Iterable[tuple[Any, Any]] = value.items()
            if _NON_TEXT_KEYS in drop:
                items = [(k, v) for k, v in items if type(k) is str]
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            return value
        kept = []
        for k, v in items:
            below = drop.get(k)
            if below is _DROP:
                continue
            if below is not None:
                if not isinstance(v, dict | list):
                    continue  # wrong inside a value that a validator reads as a mapping (`significance: huge`)
                v = sweep(v, below)
            kept.append((k, v))
        return dict(kept) if isinstance(value, dict) else [v for _, v in kept]

    return sweep(data, paths)


def _loc(err: ErrorDetails) -> tuple[Any, ...]:
    loc = tuple(err["loc"])
    return (*loc[:-1], _NON_TEXT_KEYS) if err["type"] == "invalid_key" else loc


def build_validators() -> None:
    """Build the entry's validator now, which is otherwise built when an entry is first read: a
    caller about to fork worker processes builds it once, for all of them."""
    if not isinstance(Arrangement.__pydantic_validator__, SchemaValidator):
        Arrangement.model_rebuild(force=True)


def read_arrangement(data: dict[str, Any], file_id: str) -> tuple[Arrangement, list[ErrorDetails]]:
    """The arrangement in ``data``, and what is wrong in it.

    Every mapping is an entry: a value that is wrong (a date written
    ``April 2016``, a list where text belongs, an unknown key) is set aside,
    as if it were not there, and reported; the rest of the entry is kept. An
    id that is missing or wrong is taken from the file's name. What is
    missing is not an error here: lint rules check what must be recorded.
    """
    try:
        return Arrangement.model_validate(data), []
    except ValidationError as e:
        errors = e.errors(include_url=False)
    found = [_loc(err) for err in errors]
    kept = data
    for _ in range(3):  # the first round sets every wrong value aside; the others are a guard
        kept = _dropping(kept, [loc for loc in found if loc and loc[0] != "id"])
        if any(loc[:1] == ("id",) for loc in found):
            kept["id"] = id_from_name(file_id)
        try:
            return Arrangement.model_validate(kept), errors
        except ValidationError as again:
            found = [_loc(err) for err in again.errors(include_url=False)]
    return Arrangement(id=id_from_name(file_id)), errors
