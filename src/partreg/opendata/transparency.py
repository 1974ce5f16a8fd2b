"""The Local Government Transparency Code 2015's publications: contracts over the settings'
threshold (£5,000 unless set) and grants to voluntary, community and social enterprise
organisations, one row for each, in the Code's columns.

Built from public entries only (:func:`partreg.export.public_entries`), so a field the settings
keep internal is never published: its column is left empty. What is not recorded is ``None`` (an
empty cell), and each row says which register fields it lacks, for the command's summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from partreg.export import recipient_unsure, whole_numbers
from partreg.models import Arrangement, Kind, Settings
from partreg.opendata.grants import Grant, grants
from partreg.opendata.tables import (
    ANY_DATE,
    CONTRACTS_RULE,
    GRANTS_RULE,
    Period,
    Table,
    chosen,
    iso,
    kind_not_known,
    unlinted,
    withhold,
)
from partreg.review import known_iso, next_review_as_known, over_in_fact

# The Transparency Code's items for contracts over £5,000, in the Code's order, one column per fact.
# Where each heading comes from is in the README ("Statutory and open-data exports").
CONTRACT_COLUMNS = (
    "Reference Number",
    "Title of Agreement",
    "Department Responsible",
    "Description of Goods and/or Services",
    "Supplier Name",
    "Supplier Registration Number",
    "Total Contract Value",
    "Estimated Annual Value",
    "Irrecoverable VAT",
    "Start Date",
    "End Date",
    "Review Date",
    "Invitation to Quote or Tender",
    "SME Supplier",
    "VCSE Supplier",
)
# The Code's minimum for each grant to a VCSE organisation, in the Code's order.
GRANT_COLUMNS = (
    "Date Awarded",
    "Time Period for Grant",
    "Department",
    "Beneficiary",
    "Beneficiary Registration Number",
    "Purpose of Grant",
    "Amount",
)
#: The field of an arrangement each column is read from, where a council may keep that field
#: internal (``internal_fields``): the column is then left empty in every row, and said to be withheld.
CONTRACT_SOURCES = {
    "Reference Number": "contract",
    "Description of Goods and/or Services": "summary",
    "Supplier Registration Number": "contract",
    "Total Contract Value": "contract",
    "Estimated Annual Value": "contract",
    "Irrecoverable VAT": "contract",
    "End Date": "end",
    "Review Date": "review",
    "Invitation to Quote or Tender": "contract",
    "SME Supplier": "contract",
    "VCSE Supplier": "contract",
}
#: (A grant's period is its funding's, else the arrangement's life: where the funding is kept
#: internal, the life is not said to be the grant's.)
GRANT_SOURCES = {
    "Date Awarded": "funding",
    "Time Period for Grant": "funding",
    "Beneficiary Registration Number": "funding",
    "Amount": "funding",
}
_ROUTES = {"invitation-to-quote": "Invitation to quote", "invitation-to-tender": "Invitation to tender"}


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("Yes" if value else "No")


def contract_value(entry: Arrangement) -> float | None:
    """The largest value recorded of the contract: what the threshold is compared with."""
    c = entry.contract
    if c is None:
        return None
    known = [v for v in (c.whole_life_value_gbp, c.annual_value_gbp, c.value_gbp) if v is not None]
    return max(known) if known else None


def transparency_contracts(
    entries: Iterable[Arrangement],
    settings: Settings,
    period: Period = ANY_DATE,
    *,
    today: dt.date,
) -> Table:
    """One row per contract over the settings' threshold whose life overlaps ``period``, as of
    ``today``: a contract over by then, recorded as ended or past its end, has no review date.

    A contract whose value is not recorded is listed (it may be over the threshold), its value
    empty. A value recorded only as ``value_gbp`` is not said to be a year's or the whole life's:
    both value columns stay empty and the row is incomplete, since the Code asks which it is.
    """
    entries = list(entries)
    table = Table(
        CONTRACT_COLUMNS,
        kind_not_known=kind_not_known(entries, settings, period),
        unlinted=unlinted(settings, CONTRACTS_RULE),
    )
    withhold(table, settings, CONTRACT_SOURCES)
    threshold = settings.exports.contracts_over_gbp
    for e in chosen(entries, settings, Kind.CONTRACT):
        value = contract_value(e)
        if (value is not None and value <= threshold) or not period.overlaps(e.start, e.end):
            continue
        c = e.contract
        supplier = next((p for p in e.partners if p.name), None)
        vcse = c.supplier_vcse if c else None
        if vcse is None and supplier is not None and supplier.sector in ("voluntary", "community"):
            vcse = True  # the register records the supplier as a voluntary or community body
        route = c.procurement_route if c else None
        # (none where reviews are internal: counted from the start alone, it would be wrong)
        hidden = over_in_fact(e, today) or "Review Date" in table.withheld
        review = None if hidden else next_review_as_known(e, settings.review)  # (no day made up)
        row = {
            "Reference Number": c.reference if c else None,
            "Title of Agreement": e.title,
            "Department Responsible": e.lead.service if e.lead else None,
            "Description of Goods and/or Services": e.summary,
            "Supplier Name": supplier.name if supplier else None,
            "Supplier Registration Number": c.supplier_registration if c else None,
            "Total Contract Value": whole_numbers(c.whole_life_value_gbp) if c else None,
            "Estimated Annual Value": whole_numbers(c.annual_value_gbp) if c else None,
            "Irrecoverable VAT": whole_numbers(c.irrecoverable_vat_gbp) if c else None,
            "Start Date": iso(e.start),
            "End Date": iso(e.end),
            "Review Date": known_iso(review) if review else None,
            "Invitation to Quote or Tender": _ROUTES.get(route, route) if route else None,
            "SME Supplier": _yes_no(c.supplier_sme if c else None),
            "VCSE Supplier": _yes_no(vcse),
        } | dict.fromkeys(table.withheld)
        fields = {
            "Reference Number": "contract.reference",
            "Title of Agreement": "title",
            "Department Responsible": "lead.service",
            "Description of Goods and/or Services": "summary",
            "Supplier Name": "partners",
            "Supplier Registration Number": "contract.supplier_registration",
            "Irrecoverable VAT": "contract.irrecoverable_vat_gbp",
            "Start Date": "start",
            "Review Date": "start",
            "Invitation to Quote or Tender": "contract.procurement_route",
            "SME Supplier": "contract.supplier_sme",
            "VCSE Supplier": "contract.supplier_vcse",
        }
        missing = list(
            dict.fromkeys(
                f for column, f in fields.items() if row[column] is None and column not in table.withheld
            )
        )
        if (
            row["Total Contract Value"] is None
            and row["Estimated Annual Value"] is None
            and "Total Contract Value" not in table.withheld
        ):
            missing.append("contract.whole_life_value_gbp or contract.annual_value_gbp")
        table.add(row, missing)
    return table


def _time_period(grant: Grant) -> str | None:
    if grant.period_start is None and grant.period_end is None:
        return None
    start = grant.period_start.iso if grant.period_start else "not recorded"
    end = grant.period_end.iso if grant.period_end else "not recorded"  # a grant is for a set time
    return f"{start} to {end}"


def transparency_grants(
    entries: Iterable[Arrangement], settings: Settings, period: Period = ANY_DATE
) -> Table:
    """One row per grant (:func:`grants`), in the Code's columns."""
    entries = list(entries)
    table = Table(
        GRANT_COLUMNS,
        kind_not_known=kind_not_known(entries, settings, period),
        unlinted=unlinted(settings, GRANTS_RULE),
    )
    withhold(table, settings, GRANT_SOURCES)
    found = grants(entries, settings, period)
    for g in found:
        row = {
            "Date Awarded": iso(g.awarded),
            "Time Period for Grant": _time_period(g),
            "Department": g.entry.lead.service if g.entry.lead else None,
            "Beneficiary": g.recipient,
            "Beneficiary Registration Number": g.registration,
            "Purpose of Grant": g.purpose,
            "Amount": whole_numbers(g.amount),
        } | dict.fromkeys(table.withheld)
        where = g.prefix
        fields = {
            "Date Awarded": f"{where}.award_date",
            "Time Period for Grant": f"{where}.period_start",
            "Department": "lead.service",
            "Beneficiary": f"{where}.recipient" if g.award else "partners",
            "Beneficiary Registration Number": f"{where}.recipient_registration",
            "Purpose of Grant": f"{where}.purpose" if g.award else "summary",
            "Amount": f"{where}.amount_gbp",
        }
        table.add(
            row, [f for column, f in fields.items() if row[column] is None and column not in table.withheld]
        )
    several = [g.entry.id for g in found if g.award is None and recipient_unsure(g.entry)]
    if several:
        table.notes.append(
            f"Beneficiary is left empty for {len(several)} grant{'' if len(several) == 1 else 's'} that "
            f"name{'s' if len(several) == 1 else ''} several ({', '.join(several[:5])}{' ...' if len(several) > 5 else ''}): "
            "where each was awarded a share, record each as an award under `funding:` `awards:`, each with "
            "its `recipient:`; where one received it, give it `role: recipient`."
        )
    return table
