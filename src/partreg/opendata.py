"""The statutory and open-data publications built from the register: the Local Government
Transparency Code 2015's contracts over £5,000 and grants to voluntary, community and social
enterprise organisations, and a 360Giving Data Standard package of grants.

Every publication is built from public entries only (:func:`partreg.export.public_entries`), so a
field the settings keep internal is never published: its column is left empty. What is not recorded
is ``None`` (an empty cell), and each row says which register fields it lacks, for the command's
summary. No I/O here: the caller passes the entries, the settings, the period and the dates
each file last changed in git.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from partreg.classify import decide, statute_of
from partreg.export import csv_writer, public_entries, spreadsheet_safe, whole_numbers
from partreg.models import Arrangement, Award, Kind, PartialDate, Settings, Status, without_unshown
from partreg.review import next_review

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
#: Org-id lists whose identifier is a charity's or a company's registration number.
_CHARITY_LISTS = ("GB-CHC-", "GB-SC-", "GB-NIC-")
_COMPANY_LISTS = ("GB-COH-",)
_ROUTES = {"invitation-to-quote": "Invitation to quote", "invitation-to-tender": "Invitation to tender"}


@dataclass(frozen=True)
class Period:
    """The days a publication covers (``None``: open on that side)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def overlaps(self, first: PartialDate | None, last: PartialDate | None) -> bool:
        """Whether a life from ``first`` to ``last`` (unknown: open) has any day in the period."""
        if self.end is not None and first is not None and first.earliest > self.end:
            return False
        return not (self.start is not None and last is not None and last.latest < self.start)


@dataclass
class Table:
    """A publication's rows, and for each the register fields it lacks."""

    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    missing: list[list[str]] = field(default_factory=list)

    def add(self, row: dict[str, Any], missing: list[str]) -> None:
        self.rows.append(row)
        self.missing.append(missing)

    def summary(self, what: str) -> str:
        """How many rows, how many incomplete, and the field missing most: for stderr."""
        rows = f"{len(self.rows)} {what}{'' if len(self.rows) == 1 else 's'}"
        incomplete = sum(1 for m in self.missing if m)
        if not incomplete:
            return f"{rows}, none incomplete."
        counts = Counter(f for m in self.missing for f in m)
        top, n = counts.most_common(1)[0]
        return (
            f"{rows}; {incomplete} incomplete (empty cells where the register does not record a fact). "
            f"Missing most: {top} ({n} of {len(self.rows)}). `partreg lint` names what each entry lacks."
        )


def _kind(entry: Arrangement) -> Kind | None:
    """What the arrangement is: the kind its facts decide, where they decide one (a contract the
    provider calls a partnership is a contract), else the kind recorded."""
    statute = statute_of(entry)
    if entry.characteristics is not None or statute is not None:
        decided = decide(entry.characteristics, statute).kind
        if decided is not None:
            return decided
    return entry.kind


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("Yes" if value else "No")


def _iso(date: PartialDate | None) -> str | None:
    return date.iso if date is not None else None


def _chosen(entries: Iterable[Arrangement], settings: Settings, kind: Kind) -> list[Arrangement]:
    """The public entries of ``kind`` that were let or given (not proposed), ordered by id."""
    public = public_entries(sorted(entries, key=lambda e: e.id), settings)
    return [e for e in public if e.status is not Status.PROPOSED and _kind(e) is kind]


# --------------------------------------------------------------------------- contracts


def contract_value(entry: Arrangement) -> float | None:
    """The largest value recorded of the contract: what the threshold is compared with."""
    c = entry.contract
    if c is None:
        return None
    known = [v for v in (c.whole_life_value_gbp, c.annual_value_gbp, c.value_gbp) if v is not None]
    return max(known) if known else None


def transparency_contracts(
    entries: Iterable[Arrangement], settings: Settings, period: Period = Period()
) -> Table:
    """One row per contract over the settings' threshold whose life overlaps ``period``.

    A contract whose value is not recorded is listed (it may be over the threshold), its value
    empty. A value recorded only as ``value_gbp`` is not said to be a year's or the whole life's:
    both value columns stay empty and the row is incomplete, since the Code asks which it is.
    """
    table = Table(CONTRACT_COLUMNS)
    threshold = settings.exports.contracts_over_gbp
    for e in _chosen(entries, settings, Kind.CONTRACT):
        value = contract_value(e)
        if (value is not None and value <= threshold) or not period.overlaps(e.start, e.end):
            continue
        c = e.contract
        supplier = next((p for p in e.partners if p.name), None)
        vcse = c.supplier_vcse if c else None
        if vcse is None and supplier is not None and supplier.sector in ("voluntary", "community"):
            vcse = True  # the register records the supplier as a voluntary or community body
        route = c.procurement_route if c else None
        review = None if e.status is Status.ENDED else next_review(e, settings.review)
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
            "Start Date": _iso(e.start),
            "End Date": _iso(e.end),
            "Review Date": review.isoformat() if review else None,
            "Invitation to Quote or Tender": _ROUTES.get(route, route) if route else None,
            "SME Supplier": _yes_no(c.supplier_sme if c else None),
            "VCSE Supplier": _yes_no(vcse),
        }
        fields = {
            "Reference Number": "contract.reference",
            "Title of Agreement": "title",
            "Department Responsible": "lead.service",
            "Description of Goods and/or Services": "summary",
            "Supplier Name": "partners",
            "Supplier Registration Number": "contract.supplier_registration",
            "Irrecoverable VAT": "contract.irrecoverable_vat_gbp",
            "Start Date": "start",
            "End Date": "end",
            "Review Date": "start",
            "Invitation to Quote or Tender": "contract.procurement_route",
            "SME Supplier": "contract.supplier_sme",
            "VCSE Supplier": "contract.supplier_vcse",
        }
        missing = list(dict.fromkeys(f for column, f in fields.items() if row[column] is None))
        if row["Total Contract Value"] is None and row["Estimated Annual Value"] is None:
            missing.append("contract.whole_life_value_gbp or contract.annual_value_gbp")
        table.add(row, missing)
    return table


# --------------------------------------------------------------------------- grants


@dataclass(frozen=True)
class Grant:
    """One grant: a community-funding entry, or one award of a grant scheme."""

    entry: Arrangement
    award: Award | None
    number: int  # the award's place in the scheme, from 1 (0 for an entry that is one grant)
    recipient: str | None
    org_id: str | None
    registration: str | None
    amount: float | None
    awarded: PartialDate | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    purpose: str | None

    @property
    def prefix(self) -> str:
        """Where the grant's fields are, as a summary names them (every award's alike, to be counted)."""
        return "funding.awards[]" if self.award else "funding"

    @property
    def key(self) -> str:
        """The grant's identifier within the register: the entry's id, and the award's reference."""
        if self.award is None:
            return self.entry.id
        return f"{self.entry.id}-{self.award.reference or self.number}"


def registration_from(org_id: str | None) -> str | None:
    """The charity or company number an org-id holds (``GB-CHC-1164883`` → ``1164883``)."""
    for prefix in (*_CHARITY_LISTS, *_COMPANY_LISTS):
        if org_id and org_id.startswith(prefix):
            return org_id[len(prefix) :]
    return None


def grants(entries: Iterable[Arrangement], settings: Settings, period: Period = Period()) -> list[Grant]:
    """Every grant of the community-funding entries whose funded life overlaps ``period``: an entry
    that records `funding.awards` (a scheme) gives one per award, any other entry one."""
    found = []
    for e in _chosen(entries, settings, Kind.COMMUNITY_FUNDING):
        f = e.funding
        start = (f.period_start if f else None) or e.start
        end = (f.period_end if f else None) or e.end
        if f is not None and f.awards:
            for n, a in enumerate(f.awards, 1):
                grant = Grant(
                    e,
                    a,
                    n,
                    a.recipient,
                    a.recipient_org_id,
                    a.recipient_registration or registration_from(a.recipient_org_id),
                    a.amount_gbp,
                    a.award_date,
                    a.period_start or start,
                    a.period_end or end,
                    a.purpose or e.summary,
                )
                if period.overlaps(grant.awarded or grant.period_start, grant.period_end):
                    found.append(grant)
            continue
        recipient = next((p.name for p in e.partners if p.name), None)
        org_id = f.recipient_org_id if f else None
        grant = Grant(
            e,
            None,
            0,
            recipient,
            org_id,
            (f.recipient_registration if f else None) or registration_from(org_id),
            f.amount_gbp if f else None,
            f.award_date if f else None,
            start,
            end,
            e.summary,
        )
        if period.overlaps(grant.awarded or grant.period_start, grant.period_end):
            found.append(grant)
    return found


def _time_period(grant: Grant) -> str | None:
    if grant.period_start is None and grant.period_end is None:
        return None
    start = grant.period_start.iso if grant.period_start else "not recorded"
    end = grant.period_end.iso if grant.period_end else "open-ended"
    return f"{start} to {end}"


def transparency_grants(
    entries: Iterable[Arrangement], settings: Settings, period: Period = Period()
) -> Table:
    """One row per grant (:func:`grants`), in the Code's columns."""
    table = Table(GRANT_COLUMNS)
    for g in grants(entries, settings, period):
        row = {
            "Date Awarded": _iso(g.awarded),
            "Time Period for Grant": _time_period(g),
            "Department": g.entry.lead.service if g.entry.lead else None,
            "Beneficiary": g.recipient,
            "Beneficiary Registration Number": g.registration,
            "Purpose of Grant": g.purpose,
            "Amount": whole_numbers(g.amount),
        }
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
        table.add(row, [f for column, f in fields.items() if row[column] is None])
    return table


# --------------------------------------------------------------------------- 360Giving


@dataclass
class Package:
    """A 360Giving package, the grants it leaves out (each with what it lacks), and its flat rows."""

    data: dict[str, Any]
    table: Table
    left_out: list[tuple[str, list[str]]]


def _full_day(date: PartialDate | None) -> str | None:
    """A day, as 360Giving's awardDate needs it: ``None`` for a month or a year."""
    return date.iso if date is not None and date.day is not None else None


def giving_package(
    entries: Iterable[Arrangement],
    settings: Settings,
    modified: dict[str, str],
    period: Period = Period(),
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
    table = Table(GIVING_COLUMNS)
    left_out: list[tuple[str, list[str]]] = []
    for g in grants(entries, settings, period):
        where = g.prefix
        lacks = {
            f"{where}.amount_gbp": g.amount is None,
            f"{where}.award_date (a day)": _full_day(g.awarded) is None,
            (f"{where}.recipient" if g.award else "partners"): g.recipient is None,
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
        if number and g.org_id and g.org_id.startswith(_COMPANY_LISTS):
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


# --------------------------------------------------------------------------- files

#: Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (else £ shows as Â£).
BOM = "\ufeff"


def table_csv(table: Table) -> str:
    """The table as a CSV file for Excel: a byte-order mark, every cell quoted, no cell that a
    spreadsheet would run as a formula (:func:`partreg.export.spreadsheet_safe`)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv_writer(out)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_cell(row.get(c)) for c in table.columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return spreadsheet_safe(str(value))


def period_label(period: Period) -> str:
    """The period in words, for the command's summary."""
    if period.start is None and period.end is None:
        return "any date"
    start = period.start.isoformat() if period.start else "the start"
    end = period.end.isoformat() if period.end else "today"
    return f"{start} to {end}"


def left_out_lines(left_out: Sequence[tuple[str, list[str]]]) -> list[str]:
    """One line per grant left out of a 360Giving package, saying what it lacks."""
    return [
        f"{key}: left out of the 360Giving package: it lacks {', '.join(lacks)}" for key, lacks in left_out
    ]


# --------------------------------------------------------------------------- the published site


@dataclass(frozen=True)
class SiteExport:
    """One export as the published register carries it: its file name, what it is, and its text."""

    name: str
    about: str
    text: str


def site_exports(
    entries: Iterable[Arrangement], settings: Settings, modified: dict[str, str]
) -> tuple[list[SiteExport], list[str]]:
    """The statutory exports a published register carries beside its open data, where ``partreg.yaml``
    has an ``exports`` section (the council publishes under the Transparency Code); and lines saying
    what they leave out, or why one is not there. Every date is included (no period): the site shows
    the register as it stands. ``modified`` is each entry's last change in git, by id."""
    if "exports" not in settings.model_fields_set:
        return [], []
    entries = list(entries)
    threshold = f"£{settings.exports.contracts_over_gbp:,.0f}"
    contracts = transparency_contracts(entries, settings)
    grants_table = transparency_grants(entries, settings)
    out = [
        SiteExport(
            "transparency-contracts.csv",
            f"contracts over {threshold}, in the Local Government Transparency Code 2015's columns (CSV)",
            table_csv(contracts),
        ),
        SiteExport(
            "transparency-grants.csv",
            "grants to voluntary, community and social enterprise organisations, in the Transparency "
            "Code's columns (CSV)",
            table_csv(grants_table),
        ),
    ]
    notes = [
        f"transparency-contracts.csv: {contracts.summary('contract')}",
        f"transparency-grants.csv: {grants_table.summary('grant')}",
    ]
    unset = [f"exports.{n}" for n in ("org_id", "giving_prefix") if getattr(settings.exports, n) is None]
    if unset:
        notes.append(f"360giving.json is not published: it needs {' and '.join(unset)} in partreg.yaml")
        return out, notes
    package = giving_package(entries, settings, modified)
    notes.extend(f"360giving.json: {line}" for line in left_out_lines(package.left_out))
    if not package.data["grants"]:
        notes.append("360giving.json is not published: no grant has what 360Giving requires")
        return out, notes
    text = json.dumps(package.data, indent=2, ensure_ascii=False) + "\n"
    out.append(SiteExport("360giving.json", "grants in the 360Giving Data Standard (JSON)", text))
    notes.append(f"360giving.json: {package.table.summary('grant')}")
    return out, notes
