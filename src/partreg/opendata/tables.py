"""What every open-data publication shares: the period it covers, its table of rows (each with
the register fields it lacks) written as a CSV file for Excel, and the public entries of a kind
it is built from. No I/O here: the caller passes the entries, the settings and the period.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from partreg.classify import decide, statute_of
from partreg.export import csv_writer, public_entries, spreadsheet_safe, unpublished_fields
from partreg.models import Arrangement, Kind, PartialDate, Settings, Status
from partreg.rules import transparency_contract_incomplete, transparency_grant_incomplete


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
    #: The ids of the entries that may belong in it, and are not: their kind is not known
    #: (:func:`kind_not_known`).
    kind_not_known: list[str] = field(default_factory=list)
    #: Columns left empty in every row because the settings keep what fills them internal, each
    #: with what the settings keep: not a gap in the register.
    withheld: dict[str, str] = field(default_factory=dict)
    #: What else the summary says of the rows (a beneficiary taken as the first of several partners).
    notes: list[str] = field(default_factory=list)
    #: Why lint does not name what the publication's rows lack, where it does not (its rule runs only
    #: where partreg.yaml has an `exports:` section, and is not off); empty where it does.
    unlinted: str = ""

    def add(self, row: dict[str, Any], missing: list[str]) -> None:
        self.rows.append(row)
        self.missing.append(missing)

    def summary(self, what: str) -> str:
        """How many rows, how many incomplete, and the field missing most: for stderr."""
        rows = f"{len(self.rows)} {what}{'' if len(self.rows) == 1 else 's'}"
        incomplete = sum(1 for m in self.missing if m)
        if not incomplete:
            said = f"{rows}, none incomplete."
        else:
            counts = Counter(f for m in self.missing for f in m)
            top, n = counts.most_common(1)[0]
            said = (
                f"{rows}; {incomplete} incomplete (empty cells where the register does not record a fact). "
                f"Missing most: {top} ({n} of {len(self.rows)}). `partreg lint` names what each entry lacks"
                + (f", {self.unlinted}." if self.unlinted else ".")
            )
        said += "".join(f" {note}" for note in self.notes)
        for internal in dict.fromkeys(self.withheld.values()):
            columns = [column for column, kept in self.withheld.items() if kept == internal]
            named = ", ".join(columns[:-1]) + " and " + columns[-1] if len(columns) > 1 else columns[0]
            said += f" {named} {'are' if len(columns) > 1 else 'is'} left empty: partreg.yaml keeps {internal} internal."
        unknown = self.kind_not_known
        if unknown:
            named = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5:,} more" if len(unknown) > 5 else "")
            said += (
                f" Not in it: {len(unknown):,} arrangement{'' if len(unknown) == 1 else 's'} with no kind "
                f"recorded, which may be {what}s: record the kind of {named}."
            )
        return said


#: The rules that name what each publication's rows lack.
CONTRACTS_RULE, GRANTS_RULE = transparency_contract_incomplete.ID, transparency_grant_incomplete.ID


def unlinted(settings: Settings, rule_id: str) -> str:
    """Why lint does not name what a publication's rows lack (its rule runs where partreg.yaml has an
    `exports:` section, and is not off); empty where it does."""
    if "exports" not in settings.model_fields_set:
        return "once partreg.yaml has an `exports:` section (`exports: {}` will do)"
    return (
        f"once its rule {rule_id} is on (partreg.yaml sets it off)"
        if settings.rules.get(rule_id) == "off"
        else ""
    )


#: Every date: a publication of the register as it stands.
ANY_DATE = Period()


def _kind(entry: Arrangement) -> Kind | None:
    """What the arrangement is: the kind its facts decide, where they decide one (a contract the
    provider calls a partnership is a contract), else the kind recorded."""
    statute = statute_of(entry)
    if entry.characteristics is not None or statute is not None:
        decided = decide(entry.characteristics, statute).kind
        if decided is not None:
            return decided
    return entry.kind


def iso(date: PartialDate | None) -> str | None:
    """A date as far as it is known (``2025``, ``2025-04``, ``2025-04-01``), ``None`` if not recorded."""
    return date.iso if date is not None else None


def kind_not_known(entries: Iterable[Arrangement], settings: Settings, period: Period) -> list[str]:
    """The ids of the public entries let or given (not proposed), whose life overlaps ``period``,
    whose kind is neither recorded nor decided by their facts: no publication of one kind can say
    whether they belong in it."""
    public = public_entries(sorted(entries, key=lambda e: e.id), settings)
    return [
        e.id
        for e in public
        if e.status is not Status.PROPOSED and _kind(e) is None and period.overlaps(e.start, e.end)
    ]


def chosen(entries: Iterable[Arrangement], settings: Settings, kind: Kind) -> list[Arrangement]:
    """The public entries of ``kind`` that were let or given (not proposed), ordered by id."""
    public = public_entries(sorted(entries, key=lambda e: e.id), settings)
    return [e for e in public if e.status is not Status.PROPOSED and _kind(e) is kind]


#: Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (else £ shows as Â£, and a
#: curly apostrophe pasted from Word as â€™): every CSV file partreg writes starts with one.
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


def withhold(table: Table, settings: Settings, sources: dict[str, str]) -> None:
    """Each column of ``table`` whose field (``sources``: column, field) the settings keep out of
    public outputs, as withheld: left empty in every row, and not counted as a gap."""
    hidden = unpublished_fields(settings)
    for column, source in sources.items():
        if source in hidden:
            table.withheld[column] = "reviews" if source == "review" else source
