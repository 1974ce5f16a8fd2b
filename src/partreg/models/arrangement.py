"""One arrangement on the register, the contents of ``register/<id>.yaml``: its fields, in the order
the JSON Schema and ``docs/format.md`` list them."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from partreg.models.dates import DateField
from partreg.models.fields import ArrangementId, StrictModel, Text
from partreg.models.money import ContractDetails, Contribution, Funding
from partreg.models.parts import (
    Agreement,
    Characteristics,
    Decision,
    Lead,
    Link,
    Outcome,
    Partner,
    Reporting,
    Representative,
    Resources,
    Review,
    Risk,
    SignificanceField,
)
from partreg.models.vocabulary import Form, Kind, Rating, Status


class Arrangement(StrictModel):
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
    significance: SignificanceField | None = Field(
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
    def went_on_unsaid(self) -> bool:
        """A public copy's (``export.public_entries``) where the settings keep reviews internal and one
        of them, after its end, went on: its page says it goes on, and says nothing of the review."""
        return False

    @property
    def name(self) -> str:
        """The title, or the id where no title is recorded: what lists and pages call it."""
        return self.title or self.id
