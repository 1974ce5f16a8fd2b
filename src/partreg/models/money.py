"""The money of an arrangement: a contract's details and the options to extend it, community
funding and the awards of a grant scheme, and what each party puts in by financial year."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Annotated

from pydantic import AfterValidator, Field, PlainValidator, StringConstraints, WithJsonSchema

from partreg.models.dates import LAST_YEAR, DateField
from partreg.models.fields import OrgId, Pounds, StrictModel, Text
from partreg.models.text import shown
from partreg.models.vocabulary import ExtensionStatus


def total_pounds(amounts: Iterable[float]) -> float:
    """The sum of amounts as the format reads them (whole pounds as ``int``, of any size; pence as
    small floats), without the error Python raises adding a float to a whole number too large for
    one (``1e308`` read as a whole number of pounds, and a grant of £12.50)."""
    values = list(amounts)
    whole = sum(v for v in values if isinstance(v, int))
    pence = math.fsum(v for v in values if not isinstance(v, int))
    if not pence:
        return whole
    return whole + round(pence) if abs(whole) >= 2**53 else whole + pence  # (pence beyond a float's reach)


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


#: A number of years; whole years stay whole (3, not 3.0) when a file is written back.
Years = Annotated[
    float,
    Field(gt=0, le=50, allow_inf_nan=False),
    AfterValidator(lambda v: int(v) if float(v).is_integer() else v),
]


class Extension(StrictModel):
    """An option to extend a contract (since 1.1): "3 + 3 years" is a contract of 3 years with one
    extension of 3 years."""

    years: Years | None = Field(
        default=None, description="How long the extension is, in years (0.5 for six months)."
    )
    until: DateField | None = Field(default=None, description="The date the contract would run to if taken.")
    status: ExtensionStatus | None = Field(
        default=None, description="available (not yet decided) | taken | declined."
    )


class ContractDetails(StrictModel):
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


class Award(StrictModel):
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


class Funding(StrictModel):
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


class Contribution(StrictModel):
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
