"""The register's open data: ``register.csv`` and ``register.json``, a row per arrangement, in
machine values (ISO dates, plain numbers, empty where not recorded)."""

from __future__ import annotations

import io
from typing import Any

from partreg.export import csv_writer, latest_contributions, spreadsheet_safe
from partreg.indexview import Row
from partreg.models import Arrangement, IndexColumn, Settings
from partreg.pageview import significance_shown
from partreg.published import clean, decision, extension, representative, safe_url
from partreg.review import known_iso, last_review, newest_review, next_review_as_known

#: Characters that reorder text on screen (the "Trojan Source" trick): removed from every published value.
CSV_COLUMNS = (
    "id",
    "title",
    "kind",
    "status",
    "summary",
    "lead_role",
    "lead_service",
    "lead_member",
    "priorities",
    "partners",
    "statutory_basis",
    "start",
    "end",
    "council_funding_gbp",
    "contract_value_gbp",
    "funding_amount_gbp",
    "last_review",
    "next_review",
    "page",
    # format 1.1: after the columns of 1.0, so that a reader by position finds those where they were
    "form",
    "representatives",
    "decisions",
    "reporting_committee",
    "reporting_months",
    "last_report",
    "contributions_year",
    "council_cash_gbp",
    "council_in_kind_gbp",
    "council_loan_gbp",
    "partners_total_gbp",
    "contract_annual_value_gbp",
    "contract_whole_life_value_gbp",
    "contract_extensions",
    "rating",
    "last_review_outcome",
    "significance",
    "significance_basis",
    "replaces",
    "replaced_by",
    "last_verified",
    # after those of 1.1, for the same reason
    "statutory",
)


#: The field each column of format 1.1 is read from: where the settings keep that field internal, the
#: column is left out of the open data (the columns of format 1.0 are always there, empty if need be).
COLUMN_FIELDS = {
    "form": "form",
    "representatives": "representatives",
    "decisions": "decisions",
    "reporting_committee": "reporting",
    "reporting_months": "reporting",
    "last_report": "reporting",
    "contributions_year": "contributions",
    "council_cash_gbp": "contributions",
    "council_in_kind_gbp": "contributions",
    "council_loan_gbp": "contributions",
    "partners_total_gbp": "contributions",
    "contract_annual_value_gbp": "contract",
    "contract_whole_life_value_gbp": "contract",
    "contract_extensions": "contract",
    "rating": "rating",
    "last_review_outcome": "review",
    "significance": "significance",
    "significance_basis": "significance",
    "replaces": "replaces",
    "replaced_by": "replaced_by",
    "last_verified": "last_verified",
    "statutory": "statutory",
}


def open_data_columns(settings: Settings) -> tuple[str, ...]:
    """The columns of the open data: :data:`CSV_COLUMNS`, but those of fields kept internal."""
    hidden = set(settings.internal_fields)
    return tuple(c for c in CSV_COLUMNS if COLUMN_FIELDS.get(c) not in hidden)


#: Columns that hold a list: joined with "; " in the CSV, a list in the JSON.
LIST_COLUMNS = (
    "priorities",
    "partners",
    "representatives",
    "decisions",
    "contract_extensions",
    "replaces",
    "replaced_by",
)


def _next_review(e: Arrangement, row: Row, settings: Settings) -> str | None:
    """The next review as the page says it, as precisely as it is known (``2018``, ``2017-04``, a
    day, ``2018-07/2019-06``); ``None`` where the page says none is due, or is not known or not
    published."""
    if not row.cells[IndexColumn.NEXT_REVIEW.value].sort:
        return None
    known = next_review_as_known(e, settings.review)
    return known_iso(known) if known else None


def data_row(e: Arrangement, public: dict[str, Any], row: Row, settings: Settings) -> dict[str, Any]:
    """One arrangement's line of the open data: what is not recorded is ``None`` (an empty CSV cell,
    ``null`` in JSON). ``status`` is the status in fact (ended once the end has passed); ``record``
    beside it holds the file as written."""

    def text(value: Any) -> str | None:
        return None if value is None else clean(value)

    lead = public.get("lead", {})
    last = last_review(e)
    return {
        "id": e.id,
        "title": text(e.title),
        "kind": e.kind.value if e.kind else None,
        "status": None if row.status == "not-recorded" else row.status,
        "summary": text(public.get("summary")),
        "lead_role": text(lead.get("role")),
        "lead_service": text(lead.get("service")),
        "lead_member": text(lead.get("member")),
        "priorities": row.priorities,
        "partners": [clean(p["name"]) for p in public["partners"] if p.get("name")],
        "statutory_basis": text(public.get("statutory_basis")),
        "start": public.get("start"),
        "end": public.get("end"),
        "council_funding_gbp": public.get("resources", {}).get("council", {}).get("funding_gbp"),
        "contract_value_gbp": public.get("contract", {}).get("value_gbp"),
        "funding_amount_gbp": public.get("funding", {}).get("amount_gbp"),
        "last_review": last.iso if last else None,
        "next_review": _next_review(e, row, settings),
        "page": row.url,
        **_data_row_1_1(e, public, settings),
    }


def _data_row_1_1(e: Arrangement, public: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The open data's columns for the fields of format 1.1; ``e`` is a public entry."""
    year, money = latest_contributions(e)
    contract = e.contract
    latest = newest_review(e.review.history if e.review else [])
    level, basis = significance_shown(e, settings)
    return {
        "form": e.form,
        "representatives": [representative(r) for r in e.representatives],
        "decisions": [
            decision(d) + (f" <{safe_url(d.url)}>" if safe_url(d.url) else "") for d in e.decisions
        ],
        "reporting_committee": clean(e.reporting.committee)
        if e.reporting and e.reporting.committee
        else None,
        "reporting_months": e.reporting.months if e.reporting else None,
        "last_report": e.reporting.last_report.iso if e.reporting and e.reporting.last_report else None,
        "contributions_year": year,
        "council_cash_gbp": money.get("cash"),
        "council_in_kind_gbp": money.get("in_kind"),
        "council_loan_gbp": money.get("loan"),
        "partners_total_gbp": money.get("partners"),
        "contract_annual_value_gbp": contract.annual_value_gbp if contract else None,
        "contract_whole_life_value_gbp": contract.whole_life_value_gbp if contract else None,
        "contract_extensions": [extension(x) for x in contract.extensions] if contract else [],
        "rating": e.rating,
        "last_review_outcome": latest.outcome if latest and latest.date else None,
        "significance": level or None,
        "significance_basis": basis or None,
        "replaces": list(e.replaces),
        "replaced_by": list(e.replaced_by),
        "last_verified": e.last_verified.iso if e.last_verified else None,
        # whether the law requires it (true, false, or empty where not recorded): a statutory
        # arrangement whose Act is not named was not told apart from one that is not statutory
        "statutory": public.get("statutory"),
    }


def csv_line(record: dict[str, Any], columns: tuple[str, ...]) -> str:
    """One line of register.csv, its cells in the order of ``columns`` (the csv module quotes
    what needs quoting)."""
    out = io.StringIO()
    csv_writer(out).writerow([spreadsheet_safe(_cell(record[k])) for k in columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """A value as register.csv writes it: nothing as empty, true and false as words in lower case."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
