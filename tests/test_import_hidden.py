"""Rows and columns hidden in an .xlsx sheet: officers hide the rows of arrangements that have ended
or were withdrawn, and the columns of internal data. Nothing is left out, but each is said; a hidden
column whose header names contact details or what is internal never reaches a public field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from openpyxl import Workbook

from partreg.app.importing import plan_import, write_import
from tests.common import new_register, run_partreg

HEADER = ["Partnership name", "Lead Officer", "Partner organisations", "Comments"]
ROWS = [
    ["Brentwood Community Safety Partnership", "Community Safety Manager", "Essex Police", None],
    ["Old Town Centre Partnership", "Town Centre Manager", "Brentwood Chamber of Commerce", "Wound up 2019"],
    ["Leisure contract", "Leisure Manager", "Everyone Active", None],
    ["Youth forum", "Youth Officer", "Essex County Council", None],
    ["Withdrawn bid", "Grants Officer", "Sport England", None],
]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return new_register(tmp_path)


def sheet(path: Path, header: list[str], rows: list[list[Any]], hide_rows=(), hide_columns=()) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "Register"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for number in hide_rows:
        ws.row_dimensions[number].hidden = True
    for first, last in hide_columns:  # as Excel saves a hidden range of columns: one <col min max>
        ws.column_dimensions.group(first, last, hidden=True)
    book.save(path)
    return path


def cells(lines: list[str], path: Path) -> list[str]:
    return [line.split(": ", 1)[1] for line in lines if line.startswith(str(path))]


def test_hidden_rows_are_imported_each_said_and_not_recorded_as_active(register, tmp_path):
    path = sheet(tmp_path / "register.xlsx", HEADER, ROWS, hide_rows=(3, 6))
    planned = plan_import(register, path, [])
    data = {row.id: row.data for row in planned.new}
    assert len(data) == 5, "nothing is left out"
    hidden = data["old-town-centre-partnership"]
    assert "status" not in hidden and "status" not in data["withdrawn-bid"]
    assert data["leisure-contract"]["status"] == "active"
    assert hidden["internal"]["notes"].splitlines() == [
        "Comments: Wound up 2019",
        "Hidden in the sheet: row 3 was hidden when it was imported",
    ]
    warning = (
        "[warning] the row is hidden in the sheet: it is imported, as every row is, but a row is often "
        "hidden for an arrangement that has ended or was withdrawn: check whether it is still current; "
        "its status is left for you to record (not active, as the other rows are): `status: active`, "
        "or `status: ended` with its `end`"
    )
    assert cells(planned.lines, path) == [warning, warning]
    assert [line.split(":")[1] for line in planned.lines if line.startswith(str(path))] == ["3", "6"]
    assert (
        "No column gives the status: each row is recorded as active, but for a row hidden in the sheet, "
        "unless its kind's cell says otherwise ('Partnership - Proposed'; a register lists current "
        "arrangements)." in planned.lines
    )
    assert planned.attention


def test_a_hidden_row_with_a_status_keeps_it_and_is_said(register, tmp_path):
    header = [*HEADER, "Status"]
    rows = [[*row, "Active"] for row in ROWS[:2]]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_rows=(3,))
    planned = plan_import(register, path, [])
    assert planned.new[1].data["status"] == "active"
    [said] = cells(planned.lines, path)
    assert said.endswith("check whether it is still current, as its status, active, says")


def test_rows_hidden_in_a_group_and_a_hidden_row_that_continues_the_one_above(register, tmp_path):
    rows = [
        ROWS[0],
        [None, None, "Essex County Fire and Rescue Service", None],  # the next partner, on a hidden row
        ROWS[2],
        ROWS[3],
    ]
    book = Workbook()
    ws = book.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    ws.row_dimensions.group(3, 3, hidden=True)
    ws.row_dimensions.group(5, 5, hidden=True)  # grouped and collapsed, as Excel's outline hides them
    path = tmp_path / "register.xlsx"
    book.save(path)
    planned = plan_import(register, path, [])
    csp = planned.new[0].data
    assert [p["name"] for p in csp["partners"]] == ["Essex Police", "Essex County Fire and Rescue Service"]
    said = [line for line in planned.lines if line.startswith(str(path))]
    assert (
        f"{path}:3: [warning] the row is hidden in the sheet: what it adds is imported; check that it is still current"
        in said
    )
    assert any(line.startswith(f"{path}:5: [warning] the row is hidden in the sheet") for line in said)
    assert "status" not in planned.new[2].data


def test_hidden_columns_are_read_like_any_and_named(register, tmp_path):
    header = ["Partnership name", "Lead Officer", "Partner organisations", "Ref"]
    rows = [[*row[:3], "P01"] for row in ROWS[:2]]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_columns=(("B", "B"), ("D", "D")))
    planned = plan_import(register, path, [])
    assert [row.data["lead"]["role"] for row in planned.new] == [
        "Community Safety Manager",
        "Town Centre Manager",
    ]
    columns = [" ".join(line.split()) for line in planned.lines if line.startswith("  ")]
    assert "B 'Lead Officer' → lead.role [hidden in the sheet]" in columns
    assert "D 'Ref' → internal notes [hidden in the sheet]" in columns
    assert "C 'Partner organisations' → partners" in columns
    assert (
        "Hidden in the sheet, and read into fields the register publishes: B ('Lead Officer'). Where a "
        "column was hidden to keep it internal, import with --map 'Lead Officer=notes'." in planned.lines
    )
    assert planned.attention


def test_the_hidden_columns_said_to_be_published_are_those_the_settings_publish(register, tmp_path):
    """The line naming hidden columns read into published fields had named a column whose field the
    council keeps internal (`internal_fields`), or risks, which are published only if the settings say."""
    header = ["Partnership name", "Partner organisations", "Legislation", "Exit strategy", "Risks"]
    rows = [["Brentwood CSP", "Essex Police", "Crime and Disorder Act 1998", "Wind down", "Funding ends"]]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_columns=(("C", "E"),))
    said = [line for line in plan_import(register, path, []).lines if line.startswith("Hidden in the sheet")]
    assert said == [
        "Hidden in the sheet, and read into fields the register publishes: C ('Legislation'), D ('Exit "
        "strategy'). Where a column was hidden to keep it internal, import with --map 'Legislation=notes'."
    ], "risks are not published unless the settings say"
    (register / "partreg.yaml").write_text(
        "council: Brentwood Borough Council\ninternal_fields: [statutory_basis]\npublish: {risks: true}\n",
        encoding="utf-8",
    )
    said = [line for line in plan_import(register, path, []).lines if line.startswith("Hidden in the sheet")]
    assert said == [
        "Hidden in the sheet, and read into fields the register publishes: D ('Exit strategy'), E ('Risks'). "
        "Where a column was hidden to keep it internal, import with --map 'Exit strategy=notes'."
    ]
    (register / "partreg.yaml").write_text(
        "council: Brentwood Borough Council\ninternal_fields: [statutory_basis, exit_strategy]\n",
        encoding="utf-8",
    )
    planned = plan_import(register, path, [])
    assert not any(line.startswith("Hidden in the sheet, and read into") for line in planned.lines)
    assert not planned.attention, "nothing hidden is published"


def test_a_hidden_column_whose_header_names_what_is_internal_never_reaches_a_public_field(register, tmp_path):
    header = [
        "Partnership name",
        "Partner organisations",
        "Officer email",
        "Contact officer",
        "Objectives (confidential)",
        "Internal RAG rating",
    ]
    rows = [
        [
            "Brentwood CSP",
            "Essex Police",
            "jo.bloggs@brentwood.gov.uk",
            "Jo Bloggs, Community Safety Manager",
            "Close the Hope Street hostel",
            "Red",
        ]
    ]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_columns=(("C", "F"),))
    planned = plan_import(register, path, [])
    [row] = planned.new
    private = rows[0][2:]
    outside = {k: v for k, v in row.data.items() if k != "internal"}
    assert not any(value in str(outside) for value in private)
    assert row.data["internal"]["notes"].splitlines() == [
        f"{h}: {v}" for h, v in zip(header[2:], private, strict=True)
    ]
    columns = [" ".join(line.split()) for line in planned.lines if line.startswith("  ")]
    assert columns[2:] == [
        "C 'Officer email' → internal notes (hidden, and by its header contact details or internal data: "
        "--map 'Officer email=lead.email' reads it into lead.email) [hidden in the sheet]",
        "D 'Contact officer' → internal notes (hidden, and by its header contact details or internal "
        "data: --map 'Contact officer=lead.role' reads it into lead.role) [hidden in the sheet]",
        "E 'Objectives (confidential)' → internal notes [hidden in the sheet]",
        "F 'Internal RAG rating' → internal notes [hidden in the sheet]",
    ]
    assert not any(line.startswith("Hidden in the sheet, and read into") for line in planned.lines)
    # shown, not hidden, the column is read as its header says: the officer shows what the register
    # holds; a person's name beside the role is never published (test_import_published.py)
    [row] = plan_import(register, sheet(tmp_path / "visible.xlsx", header, rows), []).new
    assert row.data["lead"] == {"role": "Community Safety Manager", "email": "jo.bloggs@brentwood.gov.uk"}


def test_a_map_reads_a_hidden_column_where_the_officer_says(register, tmp_path):
    header = ["Partnership name", "Partner organisations", "Contact officer"]
    rows = [["Brentwood CSP", "Essex Police", "Community Safety Manager"]]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_columns=(("C", "C"),))
    [row] = plan_import(register, path, []).new
    assert "lead" not in row.data
    [row] = plan_import(register, path, ["Contact officer=lead.role"]).new
    assert row.data["lead"] == {"role": "Community Safety Manager"}


def test_written_files_keep_hidden_rows_and_private_columns_internal(register, tmp_path):
    header = [*HEADER[:3], "Officer email"]
    rows = [[*row[:3], f"officer{i}@brentwood.gov.uk"] for i, row in enumerate(ROWS[:3])]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_rows=(3,), hide_columns=(("D", "D"),))
    imported = write_import(register, plan_import(register, path, []))
    assert imported.created == 3
    written = {
        p.stem: yaml_rs.loads(p.read_text("utf-8"), parse_datetime=False)
        for p in (register / "register").glob("*.yaml")
    }
    hidden = written["old-town-centre-partnership"]
    assert "status" not in hidden
    assert hidden["internal"]["notes"].splitlines() == [
        "Officer email: officer1@brentwood.gov.uk",
        "Hidden in the sheet: row 3 was hidden when it was imported",
    ]
    assert "lead" in hidden and "email" not in hidden["lead"]


@pytest.mark.spawns
def test_an_officers_hidden_rows_and_columns_from_import_to_the_published_page(tmp_path):
    run_partreg(tmp_path, "init", "reg", "--council", "Brentwood Borough Council", check=True)
    header = [*HEADER[:3], "Confidential notes", "Lead officer phone"]
    rows = [[*row[:3], f"secret {i}", f"01277 31250{i}"] for i, row in enumerate(ROWS[:3])]
    path = sheet(tmp_path / "register.xlsx", header, rows, hide_rows=(3,), hide_columns=(("D", "E"),))
    done = run_partreg(tmp_path / "reg", "import", str(path), "--write")
    assert done.returncode == 1, "the hidden row needs a look"
    assert f"{path}:3: [warning] the row is hidden in the sheet" in done.stdout
    for command in (["lint"], ["list"], ["review-due"], ["render", "--out", str(tmp_path / "site")]):
        run_partreg(tmp_path / "reg", *command)
    published = "\n".join(p.read_text("utf-8") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert "Old Town Centre Partnership" in published
    assert "secret" not in published and "01277" not in published
