"""A 360Giving Data Standard package of the register's grants: the JSON package, and its rows in
360Giving's spreadsheet titles, leaving out (and naming) each grant that lacks a field 360Giving
requires. Built from public entries only; ``dateModified`` comes from the caller (git).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from partreg.export import unpublished_fields, whole_numbers
from partreg.models import Arrangement, PartialDate, Settings, without_unshown
from partreg.opendata.grants import COMPANY_LISTS, grants, registration_from
from partreg.opendata.tables import ANY_DATE, GRANTS_RULE, Period, Table, kind_not_known, unlinted

# 360Giving's spreadsheet titles (flattentool's, for the 1.4.3 schema) of the fields partreg fills.
GIVING_COLUMNS = (
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Recipient Org:Charity Number",
    "Recipient Org:Company Number",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Funding Org:Department",
    "Grant Programme:Code",
    "Grant Programme:Title",
    "Last Modified",
)
#: The package's version: 360Giving's schema takes major.minor only ("1.4", not "1.4.3").
GIVING_VERSION = "1.4"


@dataclass
class Package:
    """A 360Giving package, the grants it leaves out (each with what it lacks), and its flat rows."""

    data: dict[str, Any]
    table: Table
    left_out: list[tuple[str, list[str]]]


def _full_day(date: PartialDate | None) -> str | None:
    """A day, as 360Giving's awardDate needs it: ``None`` for a month or a year."""
    return date.iso if date is not None and date.day is not None else None


def giving_withheld(settings: Settings) -> str | None:
    """Why no 360Giving package can be made where the settings keep the grants' money internal
    (every grant needs its amount and award date); ``None`` where they do not."""
    if "funding" in unpublished_fields(settings):
        return "partreg.yaml keeps funding internal, and 360Giving needs each grant's amount and award date"
    return None


def giving_package(
    entries: Iterable[Arrangement],
    settings: Settings,
    modified: dict[str, str],
    period: Period = ANY_DATE,
) -> Package:
    """The grants as a 360Giving package (``{"grants": [...]}`` with its metadata).

    ``modified`` gives each entry's last change in git (an ISO date-time, by id): a grant's
    ``dateModified``. A grant lacking a field 360Giving requires (amount, award day, recipient,
    description) is left out of the package, and named with what it lacks. A recipient with no
    org-id is identified, as 360Giving's guidance says, by the council's prefix and the grant's
    id within the register; the row still counts as lacking the org-id. ``settings.exports`` must
    give the council's ``org_id`` and ``giving_prefix`` (the caller checks).
    """
    org_id, prefix = settings.exports.org_id, settings.exports.giving_prefix
    assert org_id is not None and prefix is not None
    council = without_unshown(settings.council)
    out: list[dict[str, Any]] = []
    entries = list(entries)
    table = Table(
        GIVING_COLUMNS,
        kind_not_known=kind_not_known(entries, settings, period),
        unlinted=unlinted(settings, GRANTS_RULE),
    )
    left_out: list[tuple[str, list[str]]] = []
    for g in grants(entries, settings, period):
        where = g.prefix
        lacks = {
            f"{where}.amount_gbp": g.amount is None,
            f"{where}.award_date (a day)": _full_day(g.awarded) is None,
            (
                f"{where}.recipient"
                if g.award
                else "partners"
                if not any(p.name for p in g.entry.partners)
                else "which partner received it (give it `role: recipient`)"
            ): g.recipient is None,
            (f"{where}.purpose" if g.award else "summary"): g.purpose is None,
        }
        required = [f for f, lacking in lacks.items() if lacking]
        if required:
            left_out.append((g.key, required))
            continue
        assert g.recipient is not None and g.purpose is not None and g.amount is not None
        recipient: dict[str, Any] = {
            "id": g.org_id or f"{prefix}-{g.key}",
            "name": without_unshown(g.recipient),
        }
        # the number's register is known from the org-id only (a company's number may be all digits too)
        number = registration_from(g.org_id)
        if number and g.org_id and g.org_id.startswith(COMPANY_LISTS):
            recipient["companyNumber"] = number
        elif number:
            recipient["charityNumber"] = number
        funder: dict[str, Any] = {"id": org_id, "name": council}
        if g.entry.lead and g.entry.lead.service:
            funder["department"] = without_unshown(g.entry.lead.service)
        title = g.entry.name if g.award is None else f"{g.entry.name}: {g.recipient}"
        grant: dict[str, Any] = {
            "id": f"{prefix}-{g.key}",
            "title": without_unshown(title),
            "description": without_unshown(g.purpose),
            "currency": "GBP",
            "amountAwarded": whole_numbers(g.amount),
            "awardDate": _full_day(g.awarded),
            "recipientOrganization": [recipient],
            "fundingOrganization": [funder],
        }
        dates = {
            k: d.iso for k, d in (("startDate", g.period_start), ("endDate", g.period_end)) if d is not None
        }
        if dates:
            grant["plannedDates"] = [dates]
        if g.award is not None:
            grant["grantProgramme"] = [{"code": g.entry.id, "title": without_unshown(g.entry.name)}]
        if g.entry.id in modified:
            grant["dateModified"] = modified[g.entry.id]
        out.append(grant)
        missing = [
            f
            for f, lacking in {
                f"{where}.recipient_org_id": g.org_id is None,
                "lead.service": "department" not in funder,
                f"{where}.period_start": "startDate" not in dates,
                f"{where}.period_end": "endDate" not in dates,
            }.items()
            if lacking
        ]
        table.add(_flat(grant), missing)
    data: dict[str, Any] = {
        "version": GIVING_VERSION,
        "title": f"{council}: grants",
        "publisher": {"identifier": org_id, "name": council},
        "grants": out,
    }
    return Package(data, table, left_out)


def _flat(grant: dict[str, Any]) -> dict[str, Any]:
    """A grant as one row of 360Giving's spreadsheet, under its titles."""
    recipient = grant["recipientOrganization"][0]
    funder = grant["fundingOrganization"][0]
    dates = grant.get("plannedDates", [{}])[0]
    programme = grant.get("grantProgramme", [{}])[0]
    return {
        "Identifier": grant["id"],
        "Title": grant["title"],
        "Description": grant["description"],
        "Currency": grant["currency"],
        "Amount Awarded": grant["amountAwarded"],
        "Award Date": grant["awardDate"],
        "Planned Dates:Start Date": dates.get("startDate"),
        "Planned Dates:End Date": dates.get("endDate"),
        "Recipient Org:Identifier": recipient["id"],
        "Recipient Org:Name": recipient["name"],
        "Recipient Org:Charity Number": recipient.get("charityNumber"),
        "Recipient Org:Company Number": recipient.get("companyNumber"),
        "Funding Org:Identifier": funder["id"],
        "Funding Org:Name": funder["name"],
        "Funding Org:Department": funder.get("department"),
        "Grant Programme:Code": programme.get("code"),
        "Grant Programme:Title": programme.get("title"),
        "Last Modified": grant.get("dateModified"),
    }


def left_out_lines(left_out: Sequence[tuple[str, list[str]]]) -> list[str]:
    """One line per grant left out of a 360Giving package, saying what it lacks."""
    return [
        f"{key}: left out of the 360Giving package: it lacks {', '.join(lacks)}" for key, lacks in left_out
    ]
