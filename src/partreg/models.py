"""The register format, version 1, as pydantic models.

These models are the contract with users' files: every field has a
description, unknown keys are errors, and the JSON Schema that editors and
check-jsonschema use is generated from them (``partreg schema``).

YAML is read by the 1.2 core schema (see ``store.py``), so dates arrive as
text; the :data:`IsoDate` type accepts exactly ``YYYY-MM-DD``. Booleans are
strict: ``yes`` is text in YAML 1.2, and a fact must be ``true`` or ``false``.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD, and only so, that exists; ``ValueError`` says what is wrong.

    The one meaning of a date everywhere: in files, in answers, in options.
    (``date.fromisoformat`` alone would also take ``20250401``.)
    """
    if not _ISO_DATE.match(text):
        raise ValueError(f"write dates as YYYY-MM-DD (for example 2025-04-01), not {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None


def _iso_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        raise ValueError("write a date only, as YYYY-MM-DD, without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_iso_date(value)
    raise ValueError(f"write dates as YYYY-MM-DD (for example 2025-04-01), not {value!r}")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

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
Pounds = Annotated[float, Field(ge=0), AfterValidator(lambda v: int(v) if float(v).is_integer() else v)]


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
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Lead(_Strict):
    """Who leads for the council: a role and a service, never a private person."""

    role: Text = Field(description="The lead officer's role, e.g. 'Community Safety Manager'.")
    service: Text = Field(description="The council service that leads, e.g. 'Community Safety'.")
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

    name: Text = Field(description="The partner's name as it is publicly known.")
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

    type: AgreementType = Field(description="What kind of document the agreement is.")
    reference: Text | None = Field(default=None, description="The agreement's reference or name.")
    date: IsoDate | None = Field(default=None, description="When the agreement was made.")


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

    description: Text = Field(description="What will be different.")
    measure: Text | None = Field(default=None, description="How it is measured.")
    target: Text | None = Field(default=None, description="The level that counts as success.")
    by: IsoDate | None = Field(default=None, description="When the target should be met.")


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

    description: Text = Field(description="The risk.")
    likelihood: Level | None = Field(default=None, description="low | medium | high.")
    impact: Level | None = Field(default=None, description="low | medium | high.")
    mitigation: Text | None = Field(default=None, description="What reduces the risk.")


ReviewOutcome = Literal["continue", "amend", "exit"]


class ReviewRecord(_Strict):
    """One review that took place."""

    date: IsoDate = Field(description="When the review was held.")
    outcome: ReviewOutcome = Field(description="continue | amend | exit.")
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
    period_start: IsoDate | None = Field(default=None, description="Start of the funded period.")
    period_end: IsoDate | None = Field(default=None, description="End of the funded period.")
    actions: list[Text] = Field(
        default_factory=list, description="The actions agreed in return for the funding."
    )


class Link(_Strict):
    """A public web page about the arrangement."""

    title: Text = Field(description="What the page is, e.g. 'Terms of reference'.")
    url: Text = Field(description="The page's address (http or https).")


class Arrangement(_Strict):
    """One arrangement on the register: the contents of ``register/<id>.yaml``."""

    id: ArrangementId = Field(
        description="The file's name without .yaml: lower-case letters, digits and hyphens, 3-64 characters."
    )
    title: Text = Field(description="The arrangement's public name.")
    kind: Kind = Field(
        strict=False, description="partnership | contract | joint-working | community-funding."
    )
    status: Status = Field(strict=False, description="proposed | active | ended.")
    summary: Text | None = Field(
        default=None, description="What the arrangement is for, in a sentence or two."
    )
    lead: Lead = Field(description="Who leads for the council.")
    priorities: list[Text] = Field(
        default_factory=list,
        description="Ids of the corporate priorities it serves (see partreg.yaml).",
    )
    partners: Annotated[list[Partner], Field(min_length=1)] = Field(
        description="The other bodies involved (at least one)."
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
    start: IsoDate = Field(description="When the arrangement began.")
    end: IsoDate | None = Field(
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
    """Model output as plain data for writing: enums become their values."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    return value


def arrangement_schema() -> dict[str, Any]:
    """The JSON Schema of one arrangement file, for editors and check-jsonschema."""
    schema = Arrangement.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
