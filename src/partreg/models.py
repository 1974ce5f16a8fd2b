"""The register format, version 1, as pydantic models.

These models are the contract with users' files: every field has a
description, unknown keys are errors, and the JSON Schema that editors and
check-jsonschema use is generated from them (``partreg schema``).

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
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import ErrorDetails, SchemaValidator

FORMAT_VERSION = 1
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


class Status(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"


class _Strict(BaseModel):
    # each model's validator is built when first used (see build_validators): `partreg lint` on an
    # empty register, or `partreg --version`, does not pay for the entry's
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Lead(_Strict):
    """Who leads for the council: a role and a service, never a private person."""

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
        description="A forum or group that members/officers belong to, to discuss policy or strategy.",
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


ReviewOutcome = Literal["continue", "amend", "exit"]


class ReviewRecord(_Strict):
    """One review that took place."""

    date: DateField | None = Field(default=None, description="When the review was held.")
    outcome: ReviewOutcome | None = Field(default=None, description="continue | amend | exit.")
    by: Text | None = Field(default=None, description="The role (not the person) that reviewed it.")
    notes: Text | None = Field(default=None, description="What the review found or decided.")


class Review(_Strict):
    """When the arrangement is reviewed, and the reviews held so far."""

    months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="Months between reviews; overrides the register's default.",
    )
    history: list[ReviewRecord] = Field(default_factory=list, description="Reviews held, oldest first.")


class ContractDetails(_Strict):
    """The contract behind a contractual arrangement."""

    reference: Text | None = Field(default=None, description="The contract reference.")
    value_gbp: Pounds | None = Field(default=None, description="The contract's value in pounds.")
    procurement_route: Text | None = Field(default=None, description="How it was procured.")
    supplier_registration: Text | None = Field(
        default=None, description="The supplier's company or charity registration number."
    )


class Funding(_Strict):
    """The funding given under a community funding arrangement."""

    amount_gbp: Pounds | None = Field(default=None, description="The amount given, in pounds.")
    period_start: DateField | None = Field(default=None, description="Start of the funded period.")
    period_end: DateField | None = Field(default=None, description="End of the funded period.")
    actions: list[Text] = Field(
        default_factory=list, description="The actions agreed in return for the funding."
    )


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
    status: Status | None = Field(default=None, strict=False, description="proposed | active | ended.")
    summary: Text | None = Field(
        default=None, description="What the arrangement is for, in a sentence or two."
    )
    lead: Lead | None = Field(default=None, description="Who leads for the council.")
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
    characteristics: Characteristics | None = Field(
        default=None, description="Facts that decide the kind (see `partreg classify`)."
    )
    objectives: list[Text] = Field(
        default_factory=list, description="The shared strategic vision or objectives."
    )
    outcomes: list[Outcome] = Field(default_factory=list, description="Clear measurable outcomes.")
    resources: Resources | None = Field(default=None, description="Resource availability and requirements.")
    added_value: Text | None = Field(default=None, description="What working together adds.")
    risks: list[Risk] = Field(default_factory=list, description="The risks and their mitigations.")
    start: DateField | None = Field(
        default=None, description="When the arrangement began, as precisely as it is known."
    )
    end: DateField | None = Field(
        default=None, description="When it ends or ended (the life of the arrangement)."
    )
    review: Review | None = Field(default=None, description="Review timescale and history.")
    rating: Rating | None = Field(default=None, description="The assurance rating from the last review.")
    significance: Level | None = Field(
        default=None, description="How significant the arrangement is to the council."
    )
    exit_strategy: Text | None = Field(
        default=None,
        description="How the council would leave; needed for significant partnerships.",
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


class PublishSettings(_Strict):
    """What the published page shows beyond the arrangements' public fields."""

    introduction: Text | None = Field(
        default=None, description="The page's introduction; a short default explains the register."
    )
    risks: bool = Field(default=False, description="Publish each arrangement's risks and mitigations.")
    contacts: bool = Field(default=False, description="Publish the lead officer's email and phone.")


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
    internal_fields: Annotated[list[Text], AfterValidator(_check_internal_fields)] = Field(
        default_factory=list,
        description="Further top-level arrangement fields never to publish (`internal` never is).",
    )


def _check_rule_ids(levels: dict[str, str]) -> dict[str, str]:
    import difflib

    from partreg.rules import BY_ID  # the rules import the models: look them up only when checking

    for rule_id in levels:
        if rule_id not in BY_ID:
            close = difflib.get_close_matches(rule_id, list(BY_ID), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else "; `partreg rules` lists them"
            raise ValueError(f"{rule_id!r} is not a rule{hint}")
    return levels


def _check_internal_fields(names: list[str]) -> list[str]:
    import difflib

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
        kept = [(k, v if k not in drop else sweep(v, drop[k])) for k, v in items if drop.get(k) is not _DROP]
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
