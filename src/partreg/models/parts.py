"""The parts of an arrangement other than its money: who leads, the partners and representatives,
the agreement, the facts that decide its kind, outcomes, resources, risks, reviews, decisions,
reporting, significance and links."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    SerializerFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
)
from pydantic_core import PydanticCustomError

from partreg.models.dates import DateField
from partreg.models.fields import Pounds, StrictModel, Text
from partreg.models.vocabulary import AgreementType, Level, Rating, ReviewOutcome, Sector


class Lead(StrictModel):
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


class Partner(StrictModel):
    """A body the council works with in this arrangement."""

    name: Text | None = Field(default=None, description="The partner's name as it is publicly known.")
    sector: Sector | None = Field(
        default=None,
        description="public | private | voluntary | community | academic | other.",
    )
    role: Text | None = Field(default=None, description="What this partner does in the arrangement.")


class Representative(StrictModel):
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


class Agreement(StrictModel):
    """The formal agreement behind the arrangement, where there is one."""

    type: AgreementType | None = Field(default=None, description="What kind of document the agreement is.")
    reference: Text | None = Field(default=None, description="The agreement's reference or name.")
    date: DateField | None = Field(default=None, description="When the agreement was made.")


class Characteristics(StrictModel):
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


class Outcome(StrictModel):
    """A clear, measurable outcome."""

    description: Text | None = Field(default=None, description="What will be different.")
    measure: Text | None = Field(default=None, description="How it is measured.")
    target: Text | None = Field(default=None, description="The level that counts as success.")
    by: DateField | None = Field(default=None, description="When the target should be met.")


class CouncilResources(StrictModel):
    """What the council puts in."""

    funding_gbp: Pounds | None = Field(default=None, description="Council money, in pounds a year.")
    staff: Text | None = Field(default=None, description="Council staff time, e.g. '0.5 FTE'.")
    other: Text | None = Field(default=None, description="Any other council resources.")


class Resources(StrictModel):
    """Resource availability and requirements, one of the six agreed elements."""

    council: CouncilResources | None = Field(default=None, description="What the council commits.")
    partners: Text | None = Field(default=None, description="What the partners commit.")


class Risk(StrictModel):
    """A risk of the arrangement and how it is handled."""

    description: Text | None = Field(default=None, description="The risk.")
    likelihood: Level | None = Field(default=None, description="low | medium | high.")
    impact: Level | None = Field(default=None, description="low | medium | high.")
    mitigation: Text | None = Field(default=None, description="What reduces the risk.")


class ReviewAction(StrictModel):
    """An action a review agreed (since 1.1)."""

    description: Text | None = Field(default=None, description="What is to be done.")
    owner: Text | None = Field(default=None, description="The role (not the person) that does it.")
    due: DateField | None = Field(default=None, description="When it is due.")
    done: DateField | None = Field(default=None, description="When it was done; left out while it is open.")


class ReviewRecord(StrictModel):
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


class Review(StrictModel):
    """When the arrangement is reviewed, and the reviews held so far."""

    months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="Months between reviews; overrides the register's default.",
    )
    history: list[ReviewRecord] = Field(default_factory=list, description="Reviews held, oldest first.")


class Decision(StrictModel):
    """A decision about the arrangement by a council body (since 1.1): to enter, renew or leave it."""

    body: Text | None = Field(
        default=None,
        description="Who decided: 'Cabinet', 'Community Committee', 'Chief Executive (delegated)'.",
    )
    date: DateField | None = Field(default=None, description="When it was decided.")
    reference: Text | None = Field(default=None, description="The minute, decision or report reference.")
    url: Text | None = Field(default=None, description="Where the decision is published (http or https).")
    summary: Text | None = Field(default=None, description="What was decided.")


class Reporting(StrictModel):
    """How the arrangement reports to the council, for scrutiny (since 1.1)."""

    committee: Text | None = Field(
        default=None, description="The committee it reports to, e.g. 'Audit and Scrutiny Committee'."
    )
    months: int | None = Field(
        default=None, ge=1, le=120, description="How often it reports, in months: 12 a year, 6 twice a year."
    )
    last_report: DateField | None = Field(default=None, description="When it last reported.")


class Significance(StrictModel):
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

#: An arrangement's ``significance``: a level alone (format 1.0's ``significance: high``) or a
#: mapping of ``level``, ``reason`` and ``meets``.
SignificanceField = Annotated[
    Significance, BeforeValidator(_significance), WithJsonSchema(_SIGNIFICANCE_SCHEMA)
]


class Link(StrictModel):
    """A public web page about the arrangement."""

    title: Text | None = Field(default=None, description="What the page is, e.g. 'Terms of reference'.")
    url: Text | None = Field(default=None, description="The page's address (http or https).")
