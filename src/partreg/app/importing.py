"""Import rows: a spreadsheet register read into entries (the dry run's report of what goes
where), and each new row written as ``register/<id>.yaml``, never over a file that exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partreg.app.register import Loaded, ids_on_disk, load_register
from partreg.errors import UsageError, WriteRefused
from partreg.files import make_folder, one_writer, write_atomic
from partreg.folders import REGISTER_DIR
from partreg.importer import (
    UNSAVED,
    Finding,
    Mapping,
    Row,
    arrived,
    as_written,
    can_map,
    header_score,
    import_report,
    kept_apart,
    kept_titles,
    map_columns,
    maybe_the_same,
    normal,
    read_rows,
    referred_as_written,
    titled_since,
)
from partreg.models import entry_stem
from partreg.problems import Problem
from partreg.sheets import read_sheet
from partreg.sheets.table import Table
from partreg.yaml.emitting import dump_entry


@dataclass
class Planned:
    """What an import would do: the dry run's lines, whether anything needs the officer's
    attention, and the rows that would become new files."""

    lines: list[str]
    attention: bool
    new: list[Row]
    #: The register's files that could not be read, so were left out of the looks at what the
    #: register records (an entry the sheet may repeat, a value a formula now has).
    left_out: list[Problem] = field(default_factory=list)
    #: Whether a column gives the title: without one, every row would be written untitled, and
    #: neither the sheet's headings nor a row pasted twice can be told (``--map`` names it).
    titled: bool = True


@dataclass
class Imported:
    """What an import wrote: how many files, and a line for each row whose file exists already."""

    created: int = 0
    refused: list[str] = field(default_factory=list)


def column_map(mapping: list[str]) -> dict[str, str]:
    """``--map HEADER=FIELD`` options as a header's field; a usage mistake where one is not that."""
    given = {}
    for item in mapping:
        header, sep, path = item.partition("=")
        if not sep or not header.strip() or not can_map(path.strip()):
            raise UsageError(
                f"--map {item!r}: write HEADER=FIELD with a field that holds a value, "
                "e.g. 'Officer=lead.role', 'Ref=contract.reference' or 'Ref=notes'"
            )
        given[header.strip()] = path.strip()
    return given


def plan_import(base: Path, spreadsheet: Path, mapping: list[str], sheet: str | None = None) -> Planned:
    """Read ``spreadsheet`` (its ``sheet``, or the first with a header row) into entries for the
    register at ``base``; ``mapping`` reads the columns it names into those fields."""
    register = load_register(base)
    settings = register.settings
    given = column_map(mapping)
    table = read_sheet(spreadsheet, lambda cells: header_score(cells, given), sheet)
    missing = [h for h in given if normal(h) not in {normal(x) for x in table.headers}]
    if missing:
        raise UsageError(
            f"--map {missing[0]!r}: the sheet has no such column; its columns are: "
            + ", ".join(repr(h) for h in table.headers if h)
        )
    columns = map_columns(table.headers, given, table.hidden_columns)
    result = read_rows(
        table.display,
        spreadsheet.stem,
        table.rows,
        columns,
        settings,
        table.merged,
        table.hidden_rows,
        table.formulas,
        table.formulas_as_text,
    )
    on_disk = ids_on_disk(base)
    taken = as_written([(r.data, r.former) for r in result.rows if r.former], on_disk)
    kept_apart([r.data for r in result.rows], taken, on_disk)
    referred_as_written([(r.data, r.referred) for r in result.rows], on_disk)
    written = (
        (entry_stem(Path(file).name), {"internal": entry.internal})
        for file, entry in register.in_file.items()
    )
    told = titled_since(
        [(r.number, r.data) for r in result.rows],
        dict(table.rows),
        columns,
        spreadsheet.stem,
        kept_titles(written, columns),
    )
    existing = {r.number for r in result.rows if r.id in on_disk}
    told += _now_saved(register, table, columns, result.rows, existing)
    told += maybe_the_same(
        [(r.number, r.data["title"]) for r in result.rows if r.number not in existing and "title" in r.data],
        [(file, entry.title) for file, entry in register.in_file.items() if entry.title],
        next((c for c in columns.columns if c.key == ("title",)), None),
        settings.council,
    )
    lines, attention = import_report(table, columns, result, existing, REGISTER_DIR, told, settings)
    titled = any(c.key == ("title",) for c in columns.columns)
    new = [r for r in result.rows if r.number not in existing]
    return Planned(lines, attention or not titled, new, register.left_out, titled)


def _now_saved(
    register: Loaded, table: Table, columns: Mapping, rows: list[Row], existing: set[int]
) -> list[Finding]:
    """For each row whose file was written while a formula of the sheet had no saved result: the
    value the sheet now holds there, where the file does not record it (:func:`arrived`)."""
    cells = dict(table.rows)
    files = {entry_stem(Path(file).name): (file, entry) for file, entry in register.in_file.items()}
    told = []
    for row in rows:
        if row.number in existing and row.id in files:  # register/<id>.yaml, or .yml
            file, entry = files[row.id]
            data = entry.model_dump(exclude_none=True)
            told += arrived(row.number, cells[row.number], columns, register.settings, data, file)
    return told


def next_steps(rows: list[Row]) -> str:
    """What the officer does once ``rows`` are written: lint, and what the sheet did not say of the
    reviews held (a review's outcome or date, or any review at all)."""
    steps = "Next: `partreg lint` lists what each entry still needs, and `git status` the new files."
    reviews = [(r.data.get("review", {}).get("history") or [{}])[0] for r in rows]
    no_outcome = sum(1 for review in reviews if "date" in review and "outcome" not in review)
    no_date = sum(1 for review in reviews if "outcome" in review and "date" not in review)
    none = sum(1 for review in reviews if not review)
    formulas = sum(1 for r in rows if UNSAVED in str(r.data.get("internal", {}).get("notes", "")))
    if formulas:
        steps += (
            f" Add to {'its file' if formulas == 1 else 'each of the ' + str(formulas) + ' files'} the value of "
            "each formula the sheet had not saved (each named above; the formula is in the file's internal notes)."
        )
    if no_outcome:
        steps += f" Add the outcome of each review the sheet gives only the date of ({no_outcome}, each named above)."
    if no_date:
        steps += (
            f" Add the date of each review the sheet gives only the outcome of ({no_date}, each named above)."
        )
    if none:
        steps += (
            f" Record the last review of each entry with none ({none}) with `partreg review ID --date "
            "YYYY-MM-DD --outcome continue`: until then its reviews are counted from its start."
        )
    return steps


def write_import(base: Path, planned: Planned) -> Imported:
    """Write each new row of ``planned`` into the register at ``base``, never replacing a file."""
    imported = Imported()
    make_folder(base / REGISTER_DIR)
    with one_writer(base / REGISTER_DIR):  # every writer in register/ holds its lock
        for row in planned.new:
            name = f"{REGISTER_DIR}/{row.id}.yaml"
            try:
                write_atomic(base / name, dump_entry(row.data), exclusive=True)
                imported.created += 1
            except WriteRefused:
                imported.refused.append(f"row {row.number}: {name} already exists: not replaced")
    return imported
