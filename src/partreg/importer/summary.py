"""What an import tells the officer: how the sheet was read, where each column goes, each cell
to look at, the rows passed over, and what the new entries most often still need."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from partreg.importer.draft import Finding, Row
from partreg.importer.headers import Mapping
from partreg.importer.published import published
from partreg.importer.rows import Result
from partreg.importer.values import quoted
from partreg.models import Settings
from partreg.rules import missing_field


def needs_summary(rows: Sequence[Row]) -> list[tuple[str, int]]:
    """What the entries most often still need, most common first, as a missing field or a rule:
    ``("lead.role", 17)``, ``("partnership-missing-risks", 18)``."""
    counts: dict[str, int] = {}
    for row in rows:
        for key in sorted(
            {re.sub(r"\[\d+\]", "", p.key) if p.rule == missing_field.ID else p.rule for p in row.needs}
        ):
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n:,} {word}"
    return f"{n:,} {word[:-1]}ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else f"{n:,} {word}s"


def import_report(
    table: Any,
    mapping: Mapping,
    result: Result,
    existing: set[int],
    folder: str,
    told: Sequence[Finding] = (),
    settings: Settings | None = None,
) -> tuple[list[str], bool]:
    """The dry run's lines: how the sheet was read, where each column goes (which hidden columns
    go to fields the ``settings`` publish), each cell the officer should look at (with what is
    ``told`` beside the cells, of new rows and rows ``existing`` in the register), and the totals;
    and whether anything needs attention."""
    where = (
        f"row {table.header_row}"
        if table.header_rows == 1
        else f"rows {table.header_row} and {table.header_row + 1}"
    )
    lines = [f"Read {table.display}: {table.described}, headers on {where}."]
    lines += [f"  {note}" for note in table.notes]
    lines.append("Columns:")
    width = max((len(c.header) for c in mapping.columns), default=0) + 2
    for column in mapping.columns:
        if not column.header and column.key is None:
            continue  # an empty column between filled ones
        shown = repr(column.header) if column.header else "(no header)"
        hidden = " [hidden in the sheet]" if column.hidden else ""
        lines.append(
            f"  {column.letter:>2} {shown:<{width}} → {column.label}{' (--map)' if column.given else ''}{hidden}"
        )
    if any(c.key is None and c.header and not c.why for c in mapping.columns):
        lines.append("A column going to the notes can be read into a field with --map 'HEADER=field.path'.")
    public = [c for c in mapping.columns if c.hidden and c.key is not None and published(c.key, settings)]
    if public:
        named = ", ".join(f"{c.letter} ({c.header!r})" for c in public)
        lines.append(
            f"Hidden in the sheet, and read into fields the register publishes: {named}. Where a column "
            f"was hidden to keep it internal, import with --map '{public[0].header}=notes'."
        )
    if mapping.assume_active:
        but = (
            ", but for a row hidden in the sheet"
            if {r.number for r in result.rows} & table.hidden_rows
            else ""
        )
        lines.append(
            f"No column gives the status: each row is recorded as active{but}, unless its kind's cell says "
            "otherwise ('Partnership - Proposed'; a register lists current arrangements)."
        )
    if not any(c.key == ("title",) for c in mapping.columns):
        lines.append("No column gives the title: name one with --map 'HEADER=title'.")
    attention = bool(public)
    rows = result.rows
    new = [r for r in rows if r.number not in existing]
    # a row already in the register is not written again: its cells are not reported again either;
    # what is said of a whole column comes before what is said of a cell at the same place
    found = sorted(
        [*(result.findings if new else []), *(f for r in new for f in r.findings), *told],
        key=lambda f: (f.row, f.column.index if f.column else -1),
    )
    if found:
        lines.append("Cells:")
        for finding in found:
            lines.append(finding.line(table.display))
            attention = attention or finding.severity == "warning"
    said = f"{plural(len(rows), 'row')}: {len(new):,} to write"
    if existing:
        said += f", {len(existing):,} already in the register (not written again)"
    lines.append(said + ".")
    for row in rows:
        if row.number in existing:
            lines.append(f"  row {row.number}: {folder}/{row.id}.yaml exists already")
    if result.blank_rows:
        lines.append(
            f"{plural(len(result.blank_rows), 'blank row')} passed over: {_numbers(result.blank_rows)}."
        )
    for number, text, what in result.passed:
        lines.append(f"Row {number} passed over, {quoted(text)}: {what}.")
    if result.unknown_priorities:
        named = ", ".join(
            f"{name!r} ({plural(n, 'row')})" for name, n in sorted(result.unknown_priorities.items())
        )
        lines.append(
            f"Priorities that partreg.yaml does not list: {named}. Add each under `priorities:` in "
            "partreg.yaml (its id is the name in lower case with hyphens), or correct the sheet."
        )
    incomplete = [r for r in new if r.needs]
    if incomplete:
        most = ", ".join(f"{name} ({n:,})" for name, n in needs_summary(incomplete)[:6])
        lines.append(
            f"Incomplete: {len(incomplete):,} of {len(new):,} new {'entry' if len(new) == 1 else 'entries'}; "
            f"most often missing or to fix: {most}. `partreg lint` lists what each needs."
        )
    return lines, attention


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (
        f" and {len(numbers) - 10:,} more" if len(numbers) > 10 else ""
    )
