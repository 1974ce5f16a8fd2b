"""The statutory exports a published register carries beside its open data: the Transparency
Code's CSV files and, where the settings identify the council to 360Giving, its JSON package;
and the lines that say what they leave out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from partreg.models import Arrangement, Settings
from partreg.opendata.giving import giving_package, giving_withheld, left_out_lines
from partreg.opendata.tables import table_csv
from partreg.opendata.transparency import transparency_contracts, transparency_grants


@dataclass(frozen=True)
class SiteExport:
    """One export as the published register carries it: its file name, what it is, and its text."""

    name: str
    about: str
    text: str


def site_exports(
    entries: Iterable[Arrangement], settings: Settings, modified: dict[str, str], today: dt.date
) -> tuple[list[SiteExport], list[str]]:
    """The statutory exports a published register carries beside its open data, where ``partreg.yaml``
    has an ``exports`` section (the council publishes under the Transparency Code); and lines saying
    what they leave out, or why one is not there. Every date is included (no period): the site shows
    the register as it stands on ``today``. ``modified`` is each entry's last change in git, by id."""
    if "exports" not in settings.model_fields_set:
        return [], []
    entries = list(entries)
    threshold = f"£{settings.exports.contracts_over_gbp:,.0f}"
    contracts = transparency_contracts(entries, settings, today=today)
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
    if withheld := giving_withheld(settings):
        notes.append(f"360giving.json is not published: {withheld}")
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
