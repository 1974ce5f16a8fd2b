"""The register's settings, the contents of ``partreg.yaml``: the review schedule, the council's
tests of significance, what is published and exported, and the lint levels, checked against the
rule ids the reader of the settings passes in."""

from __future__ import annotations

import difflib
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, model_validator

from partreg.models.arrangement import Arrangement
from partreg.models.dates import DateField
from partreg.models.fields import GIVING_PREFIX_PATTERN, ID_PATTERN, OrgId, Pounds, StrictModel, Text
from partreg.models.vocabulary import Level, Rating

Months = Annotated[int, Field(ge=1, le=120)]


class ReviewSettings(StrictModel):
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


class SignificanceTest(StrictModel):
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


class SignificanceWhen(StrictModel):
    """Which tests make an arrangement significant: every test in `required`, and at least
    `at_least` of the others (Gravesham: any one of two; Chorley: £100,000 a year and three of five)."""

    required: list[Text] = Field(default_factory=list, description="Tests that must all be met.")
    at_least: int = Field(
        default=1, ge=0, le=100, description="How many of the other tests must be met besides."
    )


class SignificanceSettings(StrictModel):
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


class AccessibilitySettings(StrictModel):
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


class PublishSettings(StrictModel):
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
        + ", with significance and rating where any arrangement records them. The two review columns "
        "are left out where `internal_fields` keeps `review` internal.",
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


class ExportSettings(StrictModel):
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


#: The validation context's key for the ids of partreg's rules: the rules import the models, so the
#: models are told the ids by whoever reads the settings (``lint.validate_settings``), and check
#: ``rules:`` against them only when told.
RULE_IDS = "rule_ids"


def _known_rule(rule_id: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get(RULE_IDS)
    if known is not None and rule_id not in known:
        close = difflib.get_close_matches(rule_id, sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else "; `partreg rules` lists them"
        raise ValueError(f"{rule_id!r} is not a rule{hint}")
    return rule_id


#: A rule's id in ``rules:``, checked against partreg's rules where the reader gives them (each id
#: on its own, so that every wrong one is reported, and with a wrong level beside it).
RuleId = Annotated[str, AfterValidator(_known_rule)]


class Settings(StrictModel):
    """The register's settings: the contents of ``partreg.yaml``."""

    council: Text = Field(description="The council's name.")
    title: Text = Field(default="Partnership Register", description="The register's title.")
    priorities: dict[str, Text] = Field(default_factory=dict, description="Corporate priorities: id -> name.")
    review: ReviewSettings = Field(default_factory=ReviewSettings, description="Review schedule defaults.")
    rules: dict[RuleId, Literal["error", "warning", "off"]] = Field(
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


def _check_internal_fields(names: list[str]) -> list[str]:
    for name in names:
        if name in ("id", "title", "kind", "status", "lead", "partners", "start"):
            raise ValueError(f"{name!r} is needed on every arrangement and is always published")
        if name not in Arrangement.model_fields:
            close = difflib.get_close_matches(name, list(Arrangement.model_fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"{name!r} is not a field of an arrangement{hint}, so it would hide nothing")
    return names
