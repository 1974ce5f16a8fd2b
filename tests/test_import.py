"""Importing councils' spreadsheet registers as they are: their headers, their values, their
files; every row an entry, no cell lost, and one clear line for a file that is not a register."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from openpyxl import Workbook
from openpyxl.styles import Font

from partreg.importer import (
    MONEY,
    NEXT_REVIEW,
    NOTES,
    kind_from_label,
    map_columns,
    read_boolean,
    read_date,
    read_money,
    read_months,
    split_names,
)
from partreg.models import Kind, PartialDate
from tests import council_sheets
from tests.common import run_partreg as partreg

PRIORITIES = ["Safer communities", "Protecting our environment", "Growing our economy"]


@pytest.fixture
def council(tmp_path: Path) -> Path:
    args = ["init", "reg", "--council", "Brentwood Borough Council"]
    for p in PRIORITIES:
        args += ["--priority", p]
    partreg(tmp_path, *args, check=True)
    return tmp_path / "reg"


def entries(council: Path) -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml_rs.loads(p.read_text("utf-8"), parse_datetime=False)
        for p in sorted((council / "register").glob("*.yaml"))
    }


def notes(entry: dict[str, Any]) -> list[str]:
    return str(entry.get("internal", {}).get("notes", "")).splitlines()


# ---------------------------------------------------------------- headers as councils write them


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Partnership name", ("title",)),
        ("Name of Partnership", ("title",)),
        ("PARTNERSHIP NAME", ("title",)),
        ("Type", ("kind",)),
        ("Category", ("kind",)),
        ("Aims / purpose", ("summary",)),
        ("Lead Officer", ("lead", "role")),
        ("Responsible officer", ("lead", "role")),
        ("Directorate", ("lead", "service")),
        ("Department", ("lead", "service")),
        ("Portfolio Holder", ("lead", "member")),
        ("Lead Councillor", ("lead", "member")),
        ("Partner organisations", ("partners",)),
        ("Partner Organizations", ("partners",)),
        ("Membership", ("partners",)),
        ("Partner 2", ("partners",)),
        ("Members", None),  # often the councillors on the body: to the notes
        ("Date created", ("start",)),
        ("Commenced", ("start",)),
        ("Partnership start date", ("start",)),
        ("Expiry date", ("end",)),
        ("Review date", NEXT_REVIEW),
        ("Next review", NEXT_REVIEW),
        ("Last reviewed", ("review", "history")),
        ("Review frequency", ("review", "months")),
        ("Statutory (Y/N)", ("statutory",)),
        ("Statutory?", ("statutory",)),
        ("Legislation", ("statutory_basis",)),
        ("Annual contribution (£)", ("resources", "council", "funding_gbp")),
        ("Council contribution £", ("resources", "council", "funding_gbp")),
        ("Value", MONEY),
        ("Budget", None),  # often the partnership's own budget, not the council's money
        ("% of budget", None),
        ("Council contribution 2023/24", ("resources", "council", "funding_gbp")),
        ("Council funding (£pa)", ("resources", "council", "funding_gbp")),
        ("Exit date", ("end",)),
        ("Partnership / Arrangement", ("title",)),
        ("Agreement date", ("agreement", "date")),
        ("Statutory / non-statutory", ("statutory",)),
        ("Contract value (£)", ("contract", "value_gbp")),
        ("Significant?", ("significance",)),
        ("Assurance rating", ("rating",)),
        ("Corporate priority", ("priorities",)),
        ("Corporate Priorities", ("priorities",)),
        ("Objectives", ("objectives",)),
        ("Outcomes", ("outcomes", "description")),
        ("Risks", ("risks", "description")),
        ("Exit strategy", ("exit_strategy",)),
        ("Comments", NOTES),
        ("Notes", NOTES),
        # partreg's own register.csv reads back
        ("lead_role", ("lead", "role")),
        ("council_funding_gbp", ("resources", "council", "funding_gbp")),
    ],
)
def test_headers_as_councils_write_them(header, field):
    [column] = map_columns([header], {}).columns
    assert column.key == field


def test_numbered_outcome_and_risk_columns():
    columns = map_columns(
        ["Outcome 1", "Measure 1", "Target 1", "Outcome 2", "Risk 1", "Risk 1 mitigation"], {}
    )
    assert [(c.key, c.number) for c in columns.columns] == [
        (("outcomes", "description"), 1),
        (("outcomes", "measure"), 1),
        (("outcomes", "target"), 1),
        (("outcomes", "description"), 2),
        (("risks", "description"), 1),
        (("risks", "mitigation"), 1),
    ]


def test_a_header_nobody_uses_goes_to_the_notes_and_map_overrides_the_table():
    columns = map_columns(["Ref", "Officer (role)", "Partnership name"], {"Officer (role)": "lead.role"})
    assert [(c.letter, c.key, c.given) for c in columns.columns] == [
        ("A", None, False),
        ("B", ("lead", "role"), True),
        ("C", ("title",), False),
    ]
    assert columns.columns[0].label == "internal notes"


def test_a_second_column_for_the_same_field_goes_to_the_notes_saying_which_column_gives_it():
    columns = map_columns(["Partnership name", "Lead Officer", "Contact officer"], {}).columns
    assert columns[2].key is None and columns[2].label == "internal notes (lead.role comes from column B)"


# ---------------------------------------------------------------- values as councils write them


@pytest.mark.parametrize(
    ("cell", "iso", "rough"),
    [
        (dt.datetime(2019, 4, 1), "2019-04-01", False),
        (dt.date(2019, 4, 1), "2019-04-01", False),
        ("01/04/2019", "2019-04-01", False),
        ("1/4/19", "2019-04-01", False),
        ("1 April 2019", "2019-04-01", False),
        ("1st April 2019", "2019-04-01", False),
        ("01-Apr-2019", "2019-04-01", False),
        ("April 2016", "2016-04", False),
        ("Apr-16", "2016-04", False),
        ("Sept 2020", "2020-09", False),
        (2009, "2009", False),
        (2009.0, "2009", False),
        ("2009", "2009", False),
        ("2016-04", "2016-04", False),
        ("2019-04-01 00:00:00", "2019-04-01", False),
        # Excel writes a date cell's time into a CSV: midnight is the date alone, another time is dropped
        ("01/04/2016 00:00", "2016-04-01", False),
        ("01/04/2016 00:00:00", "2016-04-01", False),
        ("1/4/2016 0:00", "2016-04-01", False),
        ("01/04/2016 12:00:00 AM", "2016-04-01", False),
        ("1 April 2016 00:00", "2016-04-01", False),
        ("01/04/2016 14:30", "2016-04-01", True),
        ("01/04/2016 12:00:00 PM", "2016-04-01", True),
        ("2020-05-01 13:45:00", "2020-05-01", True),
        (dt.datetime(2020, 5, 1, 13, 45), "2020-05-01", True),
        ("c. 2005", "2005", True),
        ("c.2005", "2005", True),
        ("circa April 2016", "2016-04", True),
        ("since 2015", "2015", True),
        (43556, "2019-04-01", True),  # a date cell that lost its format: the number kept in the notes
    ],
)
def test_dates_as_councils_write_them(cell, iso, rough):
    date, dropped = read_date(cell)
    assert isinstance(date, PartialDate) and date.iso == iso and dropped is rough


@pytest.mark.parametrize(
    ("cell", "said"),
    [("Yes", (True, "")), ("y", (True, "")), ("TRUE", (True, "")), (True, (True, "")), ("✓", (True, "")),
     ("No", (False, "")), ("N", (False, "")), (False, (False, "")), (0, (False, "")),
     ("Yes - Crime and Disorder Act 1998", (True, "Crime and Disorder Act 1998")),
     ("Yes (Children Act 2004)", (True, "Children Act 2004")), ("Yes.", (True, "")), ("No -", (False, ""))],
)  # fmt: skip
def test_yes_and_no_as_councils_write_them(cell, said):
    assert read_boolean(cell) == said


@pytest.mark.parametrize("cell", ["Maybe", "Partly", "Yesterday", 2])
def test_what_is_not_yes_or_no(cell):
    with pytest.raises(ValueError, match="not yes or no"):
        read_boolean(cell)


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("31/02/2020", "not a real date"),
        ("2019/20", "a financial year"),
        ("TBC", "not a date"),
        ("31/12/9999", "the year 9999 is a placeholder"),
        ("9999-12-31", "the year 9999 is a placeholder"),
        (9999, "the year 9999 is a placeholder"),
        (123456, "not a date"),
        (True, "not a date"),
        # a bound is no date: 'before 2010' is not 2010 (kept in the notes, as the cell says it)
        ("before 2010", "not a date"),
        ("pre-2010", "not a date"),
        ("Before March 2026", "not a date"),
    ],
)
def test_what_is_not_a_date_says_why(cell, why):
    with pytest.raises(ValueError, match=why):
        read_date(cell)


@pytest.mark.parametrize(
    ("cell", "amount", "qualified"),
    [
        (25000, 25000, False),
        (3500.0, 3500, False),
        (1234.5, 1234.5, False),
        ("£25,000", 25000, False),
        ("25000.00", 25000, False),
        ("£4.2m", 4200000, False),
        ("£1.5 million", 1500000, False),
        ("25k", 25000, False),
        ("£25,000 pa", 25000, True),
        ("£5,605 + VAT", 5605, True),
        ("up to £10,000", 10000, True),
        ("Nil", 0, False),
        ("£0", 0, False),
        # thousands set apart by spaces (or a non-breaking space, from a web page or a French sheet)
        ("4 200 000", 4200000, False),
        ("£4\u00a0200", 4200, False),
        ("£1 250 pa", 1250, True),
    ],
)
def test_money_as_councils_write_it(cell, amount, qualified):
    assert read_money(cell) == (amount, qualified)


@pytest.mark.parametrize(
    "cell",
    # (2,50,000 and 25.000,00 are grouped otherwise than in thousands: not read as 2 or 25)
    ["varies", "£10,000 - £15,000", "£10k-£15k", "In kind", -5, True, "2,50,000", "25.000,00"],
)
def test_what_is_not_one_amount_is_refused(cell):
    with pytest.raises(ValueError):
        read_money(cell)


@pytest.mark.parametrize(
    ("cell", "months"),
    [("Annual", 12), ("Annually", 12), ("6 monthly", 6), ("Six-monthly", 6), ("Quarterly", 3),
     ("every 2 years", 24), ("18 months", 18), ("Biennial", 24), (12, 12), ("3 years", 36)],
)  # fmt: skip
def test_review_frequency(cell, months):
    assert read_months(cell) == months


@pytest.mark.parametrize("cell", ["Bi-annual", "When needed", 0, 240])
def test_review_frequency_that_cannot_be_read(cell):
    with pytest.raises(ValueError):
        read_months(cell)


@pytest.mark.parametrize(
    ("cell", "names", "by_commas"),
    [
        ("Essex Police; Sport England", ["Essex Police", "Sport England"], False),
        ("Essex Police\nSport England\n", ["Essex Police", "Sport England"], False),
        ("• Essex Police\n• Sport England", ["Essex Police", "Sport England"], False),
        ("Essex Police, Sport England, Essex County Council", ["Essex Police", "Sport England", "Essex County Council"], True),
        ("Essex Police, Sport England and Essex County Council", ["Essex Police", "Sport England and Essex County Council"], True),
        ("Essex Police, Essex County Fire and Rescue Service, NHS Mid and South Essex ICB", ["Essex Police", "Essex County Fire and Rescue Service", "NHS Mid and South Essex ICB"], True),
        ("Department for Levelling Up, Housing and Communities", ["Department for Levelling Up, Housing and Communities"], False),
        ("Essex Police, Sport England, and Essex County Council", ["Essex Police", "Sport England", "Essex County Council"], True),
        ("Office of the Police, Fire and Crime Commissioner", ["Office of the Police, Fire and Crime Commissioner"], False),
        ("Basildon, Brentwood and Thurrock Mind", ["Basildon, Brentwood and Thurrock Mind"], False),
        ("Biffa, Veolia", ["Biffa, Veolia"], False),
        # slashes between spaces, as a table copied from a PDF writes a list; numbered on one line
        ("NHS Mid Essex / Essex County Council / Mind", ["NHS Mid Essex", "Essex County Council", "Mind"], True),
        ("Health / social care", ["Health / social care"], False),
        ("1. Essex Police 2. NHS 3. Brentwood CVS", ["Essex Police", "NHS", "Brentwood CVS"], False),
        ("1) Essex Police 2) NHS", ["Essex Police", "NHS"], False),
        ("Section 2. Trust", ["Section 2. Trust"], False),
        ("1. Essex Police 3. NHS", ["Essex Police", "NHS"], False),  # (a slip in the numbers is still a number)
        ("Essex Police, Sport England / NHS", ["Essex Police", "Sport England / NHS"], True),  # (commas read first)
        ("Essex Police / NHS; Sport England", ["Essex Police", "NHS", "Sport England"], True),
    ],
)  # fmt: skip
def test_partners_split_on_commas_only_where_unambiguous(cell, names, by_commas):
    assert split_names(cell) == (names, by_commas)


@pytest.mark.parametrize(
    ("label", "kind", "extra"),
    [
        ("Contractual arrangement", Kind.CONTRACT, {}),
        ("Contract", Kind.CONTRACT, {}),
        ("Significant partnership", Kind.PARTNERSHIP, {"significance": "high"}),
        ("Strategic partnership", Kind.PARTNERSHIP, {}),
        ("Key external partnership", Kind.PARTNERSHIP, {}),
        ("Statutory partnership", Kind.PARTNERSHIP, {"statutory": True}),
        ("Shared working arrangement", Kind.JOINT_WORKING, {}),
        ("Joint working", Kind.JOINT_WORKING, {}),
        ("Collaborative working", Kind.JOINT_WORKING, {}),
        ("Forum", Kind.JOINT_WORKING, {}),
        ("Grant", Kind.COMMUNITY_FUNDING, {}),
        ("Community funding", Kind.COMMUNITY_FUNDING, {}),
        ("community-funding", Kind.COMMUNITY_FUNDING, {}),
        ("Alliance", None, {}),
        ("Shared service", None, {}),
        ("Contract partnership", None, {}),
    ],
)
def test_councils_kind_labels(label, kind, extra):
    assert kind_from_label(label) == (kind, extra)


# ---------------------------------------------------------------- files as councils have them

#: The realistic sheet's headers, without its summary column.
HEADERS = [h for h in council_sheets.HEADERS if h != "Aims / purpose"]
ROWS = [
    [
        "P001",
        "Brentwood Community Safety Partnership",
        "Statutory partnership",
        "Community Safety Manager",
        "Communities",
        "Cllr J Smith",
        "Essex Police; Essex County Fire and Rescue Service",
        "01/04/2008",
        "31/03/2025",
        "Yes \u2013 Crime and Disorder Act 1998",
        "£25,000 pa",
        "Yes",
        "Safer communities",
        "1. Fewer repeat victims\n2. Less anti-social behaviour",
        "Agreement renewed 2023",
    ],
    [
        "P002",
        "Street cleansing",
        "Contractual arrangement",
        "Street Scene Manager",
        "Environment & Place",
        "",
        "Biffa Municipal Ltd",
        "April 2019",
        "",
        "N",
        "£1.2m",
        "",
        "Protecting our environment",
        "",
        "",
    ],
    [
        "",
        "Citizens Advice grant",
        "Grant",
        "",
        "",
        "",
        "Citizens Advice Brentwood",
        "2016",
        "",
        "No",
        "£5,605 + VAT",
        "No",
        "",
        "",
        "Funding under review",
    ],
    ["P004", "Essex Climate Action Network", "", "", "", "", "", "TBC", "", "", "", "", "", "", ""],
    ["P005", "Food poverty alliance", "Alliance", "", "Communities", "", "Foodbank, Trussell Trust", "", "", "", "varies", "", "", "", ""],
]  # fmt: skip


def check_rows(data: dict[str, dict[str, Any]]) -> None:
    """The five rows above, field by field, whatever file they came from."""
    assert sorted(data) == [
        "brentwood-community-safety-partnership",
        "citizens-advice-grant",
        "essex-climate-action-network",
        "food-poverty-alliance",
        "street-cleansing",
    ]
    csp = data["brentwood-community-safety-partnership"]
    assert {k: v for k, v in csp.items() if k != "internal"} == {
        "id": "brentwood-community-safety-partnership",
        "title": "Brentwood Community Safety Partnership",
        "kind": "partnership",
        "form": "statutory-partnership",  # the council's label says what the body is (format 1.1)
        "status": "active",
        "lead": {"role": "Community Safety Manager", "service": "Communities", "member": "Cllr J Smith"},
        "priorities": ["safer-communities"],
        "partners": [{"name": "Essex Police"}, {"name": "Essex County Fire and Rescue Service"}],
        "statutory": True,
        "statutory_basis": "Crime and Disorder Act 1998",
        "outcomes": [{"description": "Fewer repeat victims"}, {"description": "Less anti-social behaviour"}],
        "resources": {"council": {"funding_gbp": 25000}},
        "start": "2008-04-01",
        "significance": "high",
    }
    assert notes(csp) == [
        "Ref: P001",
        "Type: Statutory partnership",
        "Review date: 31/03/2025",
        "Annual contribution (£): £25,000 pa",
        "Comments: Agreement renewed 2023",
    ]
    cleansing = data["street-cleansing"]
    assert cleansing["kind"] == "contract" and cleansing["statutory"] is False
    assert cleansing["start"] == "2019-04" and "end" not in cleansing
    assert cleansing["lead"] == {"role": "Street Scene Manager", "service": "Environment & Place"}
    assert cleansing["contract"] == {"annual_value_gbp": 1200000} and "resources" not in cleansing, (
        "what a contract costs"
    )
    assert cleansing["partners"] == [{"name": "Biffa Municipal Ltd"}]
    assert cleansing["priorities"] == ["protecting-our-environment"]
    assert notes(cleansing) == ["Ref: P002", "Type: Contractual arrangement"]
    grant = data["citizens-advice-grant"]
    assert grant["kind"] == "community-funding" and grant["start"] == 2016
    assert grant["significance"] == "low" and grant["statutory"] is False and "lead" not in grant
    assert grant["resources"] == {"council": {"funding_gbp": 5605}} and "funding" not in grant, (
        "an annual contribution to a grant of no known end is what the council gives a year, not the "
        "grant's whole amount"
    )
    assert notes(grant) == [
        "Type: Grant",
        "Annual contribution (£): £5,605 + VAT",
        "Comments: Funding under review",
    ]
    network = data["essex-climate-action-network"]
    assert set(network) == {"id", "title", "status", "internal"}, "an honest record with gaps"
    assert notes(network) == ["Ref: P004", "Date created: TBC"]
    alliance = data["food-poverty-alliance"]
    assert "kind" not in alliance and "resources" not in alliance
    assert alliance["partners"] == [{"name": "Foodbank, Trussell Trust"}]
    assert notes(alliance) == ["Ref: P005", "Type: Alliance", "Annual contribution (£): varies"]


def write_csv(path: Path, rows: list[list[Any]], *, encoding: str, delimiter: str) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


@pytest.mark.parametrize(
    ("encoding", "delimiter", "described"),
    [
        ("utf-8", ",", "CSV, UTF-8, comma-separated"),
        ("utf-8-sig", ",", "CSV, UTF-8, comma-separated"),
        ("cp1252", ",", "CSV, Windows-1252, comma-separated"),
        ("cp1252", ";", "CSV, Windows-1252, semicolon-separated"),
        ("utf-8", "\t", "CSV, UTF-8, tab-separated"),
        ("utf-16", "\t", "CSV, UTF-16, tab-separated"),
    ],
)
@pytest.mark.spawns
def test_csv_in_every_encoding_and_delimiter_excel_writes(council, tmp_path, encoding, delimiter, described):
    sheet = tmp_path / "register.csv"
    write_csv(sheet, [HEADERS, *ROWS], encoding=encoding, delimiter=delimiter)
    dry = partreg(council, "import", str(sheet))
    assert dry.returncode == 1, dry.stderr
    assert described in dry.stdout
    assert "B 'Partnership name'        → title" in dry.stdout
    assert entries(council) == {}, "a dry run writes nothing"
    wet = partreg(council, "import", str(sheet), "--write")
    assert wet.returncode == 1, wet.stderr
    assert "Wrote 5 files to register/." in wet.stdout and "Traceback" not in wet.stderr
    check_rows(entries(council))


@pytest.mark.spawns
def test_the_cells_that_need_a_look_are_placed_by_row_and_column_letter(council, tmp_path):
    sheet = tmp_path / "register.csv"
    write_csv(sheet, [HEADERS, *ROWS], encoding="cp1252", delimiter=",")
    result = partreg(council, "import", str(sheet))
    assert result.returncode == 1, "cells kept in the notes are problems to look at"
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(sheet))]
    assert lines == [
        f"{sheet}:2:I: [warning] 'Review date': the review dates in this column (1 row) are kept in internal notes, not used: until a review is recorded with `partreg review ID --date YYYY-MM-DD --outcome continue`, reviews are scheduled from the start, so an arrangement that began long ago is shown overdue",
        f"{sheet}:2:K: [warning] 'Annual contribution (£)': '£25,000 pa' read as £25,000; the whole text is kept in internal notes",
        f"{sheet}:4:K: [warning] 'Annual contribution (£)': '£5,605 + VAT' is a year's, and the grant does not say how long it runs: recorded as the council's money a year (funding_gbp under resources: council:); the grant's whole amount is for you to record as amount_gbp under funding:",
        f"{sheet}:4:K: [warning] 'Annual contribution (£)': '£5,605 + VAT' read as £5,605; the whole text is kept in internal notes",
        f"{sheet}:5:H: [warning] 'Date created': 'TBC' kept in internal notes: not a date",
        f"{sheet}:6:C: [warning] 'Type': 'Alliance' kept in internal notes: not one of the policy's four kinds, and its words do not decide one: record the kind (`partreg classify` explains each)",
        f"{sheet}:6:G: [note] 'Partner organisations': 'Foodbank, Trussell Trust' kept as one partner: if it names several, separate them with ';'",
        f"{sheet}:6:K: [warning] 'Annual contribution (£)': 'varies' kept in internal notes: not an amount in pounds",
    ]  # fmt: skip
    assert "5 rows: 5 to write." in result.stdout
    assert "A 'Ref'                     → internal notes" in result.stdout
    assert "No column gives the status: each row is recorded as active" in result.stdout


def cell_text(cell: Any) -> str:
    if isinstance(cell, dt.datetime | dt.date):
        return ""
    return " ".join(str(cell).split())


@pytest.mark.spawns
def test_no_cell_is_lost(council, tmp_path):
    """Every cell's text is in its entry, as a value or in the notes; a cell read into another
    form (a date, a yes, a number, a kind) is in its field."""
    sheet = tmp_path / "register.csv"
    write_csv(sheet, [HEADERS, *ROWS], encoding="utf-8", delimiter=",")
    assert partreg(council, "import", str(sheet), "--write").returncode == 1
    files = sorted((council / "register").glob("*.yaml"))
    by_title = {yaml_rs.loads(p.read_text(), parse_datetime=False)["title"]: p.read_text() for p in files}
    converted = {
        "Type",
        "Date created",
        "Statutory (Y/N)",
        "Annual contribution (£)",
        "Significant?",
        "Corporate priority",
    }
    for row in ROWS:
        text = by_title[row[1]]
        flat = " ".join(text.split()).replace("'", "").replace('"', "")
        for header, cell in zip(HEADERS, row, strict=True):
            if not cell:
                continue
            if header in converted and f"{header}: " not in text:
                continue  # read into its field, asserted field by field elsewhere
            for part in re.split(r"[;\n]|\d\. ", str(cell)):
                assert " ".join(part.split()).replace("'", "") in flat, (row[1], header, part)


def workbook(path: Path) -> None:
    """A council's workbook: a cover sheet, then the register under a title, with a merged
    directorate, a formula, blank rows, and formatted empty columns on the right."""
    book = Workbook()
    cover = book.active
    cover.title = "About"
    cover.append(["Partnership Register"])
    cover.append(["Maintained by the Policy team. Reviewed annually."])
    sheet = book.create_sheet("Register 2024")
    sheet.append(["Brentwood Borough Council: Partnership Register 2024"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    sheet.append([None] * len(HEADERS))
    sheet.append(["P006", "Brentwood Leisure Trust contract", "Contract", "Leisure Manager", None, None, "Everyone Active",
                  dt.datetime(2021, 10, 1), None, "N", "=250000*1", None, None, None, None])  # fmt: skip
    sheet.append(["P007", "Town centre BID", "Strategic partnership", "Town Centre Manager", None, None, "Brentwood BID",
                  dt.datetime(2020, 4, 1), None, "N", "=A1", None, None, None, None])  # fmt: skip
    sheet.merge_cells("E4:E5")  # Directorate: Communities, merged down over two rows
    sheet["Z3"].font = Font(bold=True)  # a formatted, empty column far to the right
    sheet["AB40"].font = Font(italic=True)
    book.save(path)
    # Excel saves each formula's result: openpyxl cannot, so add it for the first formula
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    name = "xl/worksheets/sheet2.xml"
    files[name] = files[name].replace(b"<f>250000*1</f><v />", b"<f>250000*1</f><v>250000</v>")
    with zipfile.ZipFile(path, "w") as z:
        for key, value in files.items():
            z.writestr(key, value)


@pytest.mark.spawns
def test_xlsx_with_a_cover_sheet_a_title_merged_cells_and_formulas(council, tmp_path):
    path = tmp_path / "register.xlsx"
    workbook(path)
    dry = partreg(council, "import", str(path))
    assert dry.returncode == 1, dry.stderr
    out = dry.stdout
    assert "sheet 'Register 2024', headers on row 3." in out
    assert "sheet 'About' has no header row: passed over" in out
    assert "E4:E5 is one merged cell: rows 4 to 5 each get 'Communities'" in out
    assert "Z 'Z'" not in out and " Z " not in out, "formatted empty columns are not columns"
    assert f"{path}:11:K: [warning] 'Annual contribution (£)': the formula '=A1' has no saved result" in out
    assert partreg(council, "import", str(path), "--write").returncode == 1
    data = entries(council)
    leisure = data.pop("brentwood-leisure-trust-contract")
    # under "Annual contribution (£)", a contract's amount is its annual value
    assert leisure["kind"] == "contract" and leisure["contract"] == {"annual_value_gbp": 250000}
    assert leisure["start"] == "2021-10-01"
    bid = data.pop("town-centre-bid")
    assert "resources" not in bid
    assert data["street-cleansing"]["lead"]["service"] == "Communities", "the merged cell fills each row"
    data["street-cleansing"]["lead"]["service"] = "Environment & Place"
    check_rows(data)


@pytest.mark.spawns
def test_sheet_chooses_the_sheet(council, tmp_path):
    path = tmp_path / "register.xlsx"
    workbook(path)
    result = partreg(council, "import", str(path), "--sheet", "About")
    assert result.returncode == 2 and "no header row" in result.stderr
    result = partreg(council, "import", str(path), "--sheet", "Nope")
    assert result.returncode == 2 and "the sheets are: 'About', 'Register 2024'" in result.stderr
    csv_file = tmp_path / "r.csv"
    csv_file.write_text("Partnership name,Type\nA,Partnership\n")
    result = partreg(council, "import", str(csv_file), "--sheet", "Register")
    assert result.returncode == 2 and "a CSV file has one" in result.stderr


@pytest.mark.spawns
def test_utf16_without_a_byte_order_mark(council, tmp_path):
    sheet = tmp_path / "register.txt"
    sheet.write_bytes("Partnership name\tType\r\nCaf\u00e9 forum\tForum\r\n".encode("utf-16-le"))
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 0, result.stderr
    assert "CSV, UTF-16, tab-separated" in result.stdout
    assert entries(council)["cafe-forum"]["title"] == "Caf\u00e9 forum"


@pytest.mark.spawns
def test_write_then_list_shows_every_row_and_a_second_run_writes_only_new_rows(council, tmp_path):
    sheet = tmp_path / "register.csv"
    write_csv(sheet, [HEADERS, *ROWS[:3]], encoding="utf-8", delimiter=",")
    assert partreg(council, "import", str(sheet), "--write").returncode == 1
    listed = json.loads(partreg(council, "list", "--format", "json", check=True).stdout)
    assert sorted(e["title"] for e in listed) == sorted(r[1] for r in ROWS[:3])
    edited = council / "register" / "street-cleansing.yaml"
    edited.write_text(edited.read_text() + "# checked by the officer\n")
    before = edited.read_bytes()

    write_csv(sheet, [HEADERS, *ROWS], encoding="utf-8", delimiter=",")
    again = partreg(council, "import", str(sheet), "--write")
    assert again.returncode == 1, again.stderr
    assert "5 rows: 2 to write, 3 already in the register (not written again)." in again.stdout
    assert "row 3: register/street-cleansing.yaml exists already" in again.stdout
    assert "Wrote 2 files to register/." in again.stdout
    assert edited.read_bytes() == before, "an existing file is never replaced"
    listed = json.loads(partreg(council, "list", "--format", "json", check=True).stdout)
    assert sorted(e["title"] for e in listed) == sorted(r[1] for r in ROWS)


@pytest.mark.spawns
def test_the_same_title_twice_gives_two_entries(council, tmp_path):
    sheet = tmp_path / "grants.csv"
    sheet.write_text(
        "Grant name,Recipient,Amount\nCommunity grant,Home-Start Essex,£3000\nCommunity grant,Scouts,500\n"
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1, "the amounts need the officer: the sheet does not say they are a year's"
    assert (
        ":3:A: [warning] 'Grant name': row 2 has the same title, with other cells: if they are the same "
        "arrangement, delete one of the two rows from the sheet (a file deleted after --write is written again "
        "by the next import); if not, give this row a title of its own. Written as community-grant-2"
        in result.stdout
    )
    data = entries(council)
    assert data["community-grant"]["partners"] == [{"name": "Home-Start Essex"}]
    assert data["community-grant-2"]["partners"] == [{"name": "Scouts"}]
    assert "kind" not in data["community-grant"]
    assert "resources" not in data["community-grant"], "no kind, and no year said: not the council's a year"
    assert data["community-grant"]["internal"]["notes"] == "Amount: £3000"
    assert ":2:C: [warning] 'Amount': '£3000' kept in internal notes: the sheet does not say the amount" in (
        result.stdout
    )


@pytest.mark.spawns
def test_money_follows_the_kind_and_section_headings_give_it(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Name,Type,Partners,Value\n"
        "Contracts,,,\n"
        "Waste collection,,Biffa,£4.2m\n"
        "Grants,,,\n"
        "Scout hut grant,,1st Brentwood Scouts,3500\n"
        "Community Safety Partnership,Partnership,Essex Police,25000\n"
        "Essex Climate Action Network,,,\n"
        'Total,,,"£4,228,500"\n'
        ",,,Figures exclude VAT\n"
        "Last updated March 2024,,,\n"
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1, "row 6's value needs the officer: a partnership's, not said to be a year's"
    assert (
        "Row 2 passed over, 'Contracts': a section heading: each row below that gives no kind takes its kind"
        in result.stdout
    )
    data = entries(council)
    assert "Row 8 passed over, 'Total': a totals row, not an arrangement." in result.stdout
    assert (
        "Row 9 passed over, 'Figures exclude VAT': a note about the sheet, not an arrangement."
        in result.stdout
    )
    assert "Row 10 passed over, 'Last updated March 2024': a note about the sheet" in result.stdout
    assert sorted(data) == [
        "community-safety-partnership",
        "essex-climate-action-network",
        "scout-hut-grant",
        "waste-collection",
    ], "a row with only a title is an entry with gaps"
    assert "kind" not in data["essex-climate-action-network"], (
        "the partnership above ended the section 'Grants'"
    )
    assert data["waste-collection"]["kind"] == "contract"
    assert data["waste-collection"]["contract"] == {"value_gbp": 4200000}
    assert data["scout-hut-grant"]["funding"] == {"amount_gbp": 3500}
    assert "resources" not in data["community-safety-partnership"], "'Value' says no year: not 'a year'"
    assert data["community-safety-partnership"]["internal"]["notes"] == "Value: 25000"


@pytest.mark.spawns
def test_a_title_alone_that_is_no_kind_ends_the_section_above_it(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Name,Lead officer,Partners,Start,Value\n"
        "Partnership Working,,,,\n"
        "Wessex Partnership,Chief Executive,Wessex County Council,2015,\n"
        "Shared Services,,,,\n"  # a heading whose words decide no kind, or an entry with gaps
        "Revenues and Benefits Shared Service,Head of Finance,Vale District Council,2012,£300000\n"
        "Community Grants,,,,\n"
        "Small Grants Scheme,Community Development Officer,Voluntary Action,2019,£20000\n"
        "Grounds maintenance contract,,,,\n"  # a title whose words decide a kind: it ends no section
        "Hall hire grant,Community Development Officer,Scout Group,2020,£500\n"
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode in (0, 1), result.stderr
    data = entries(council)
    assert data["wessex-partnership"]["kind"] == "partnership"
    assert "kind" not in data["shared-services"], "kept, but as a heading it ends the section: not its kind"
    assert "kind" not in data["revenues-and-benefits-shared-service"], "not under 'Partnership Working'"
    assert data["hall-hire-grant"]["kind"] == "community-funding", "still under 'Community Grants'"


@pytest.mark.spawns
def test_outcome_and_risk_columns_become_their_lists(council, tmp_path):
    sheet = tmp_path / "register.csv"
    write_csv(
        sheet,
        [
            ["Partnership name", "Type", "Outcome 1", "Measure 1", "Target 1", "Outcome 2", "Risks", "Mitigations"],
            ["CSP", "Partnership", "Fewer victims", "victims a year", "10% fewer", "Safer town", "Data late\nFunding cut", "ISA signed\nReserves"],
            ["Forum", "Forum", "", "", "", "", "Low attendance", "Rotate venues; Online option"],
        ],
        encoding="utf-8",
        delimiter=",",
    )  # fmt: skip
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1, result.stderr
    data = entries(council)
    assert data["csp"]["outcomes"] == [
        {"description": "Fewer victims", "measure": "victims a year", "target": "10% fewer"},
        {"description": "Safer town"},
    ]
    assert data["csp"]["risks"] == [
        {"description": "Data late", "mitigation": "ISA signed"},
        {"description": "Funding cut", "mitigation": "Reserves"},
    ]
    assert data["forum"]["risks"] == [{"description": "Low attendance"}]
    assert notes(data["forum"]) == ["Type: Forum", "Mitigations: Rotate venues; Online option"]
    assert (
        "'Mitigations': 'Rotate venues; Online option' kept in internal notes: 2 lines against 1"
        in result.stdout
    )


@pytest.mark.spawns
def test_map_names_columns_and_refuses_a_header_the_sheet_lacks(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Partnership name,Type,Officer (role),Ref\nCSP,Partnership,Community Safety Manager,P1\n"
    )
    result = partreg(council, "import", str(sheet), "--map", "Officer (role)=lead.role", "--write")
    assert result.returncode == 0, result.stderr
    assert re.search(r"C 'Officer \(role\)'\s+→ lead.role \(--map\)", result.stdout)
    assert entries(council)["csp"]["lead"] == {"role": "Community Safety Manager"}
    bad = partreg(council, "import", str(sheet), "--map", "Officer=lead.role")
    assert bad.returncode == 2 and "--map 'Officer': the sheet has no such column" in bad.stderr
    for path in ("nonsense", "lead", "partners.name", "internal", "review"):
        bad = partreg(council, "import", str(sheet), "--map", f"Ref={path}")
        assert bad.returncode == 2 and "a field that holds a value" in bad.stderr, path


@pytest.mark.spawns
def test_map_reads_a_cell_by_its_field_type(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Partnership name,Meets to discuss?,Agreed on,Ref,Lead officer,Service\n"
        "Night Time Economy Forum,Yes,01/04/2020,NTE-1,Licensing Manager,Licensing\n"
        "Town Forum,Sometimes,soon,,Town Centre Manager,\n"
    )
    result = partreg(
        council,
        "import",
        str(sheet),
        "--write",
        "--map",
        "Meets to discuss?=characteristics.discussion_forum",
        "--map",
        "Agreed on=agreement.date",
        "--map",
        "Ref=agreement.reference",
        "--map",
        "Service=lead.role",  # a second column for lead.role: to the notes, saying so
    )
    assert result.returncode == 1, result.stderr
    data = entries(council)
    forum = data["night-time-economy-forum"]
    assert forum["characteristics"] == {"discussion_forum": True}
    assert forum["agreement"] == {"date": "2020-04-01", "reference": "NTE-1"}
    assert notes(forum) == ["Service: Licensing"]
    assert "'Meets to discuss?': 'Sometimes' kept in internal notes: not yes or no" in result.stdout
    assert "'Agreed on': 'soon' kept in internal notes: not a date" in result.stdout


@pytest.mark.spawns
def test_numbers_too_big_to_be_real_are_kept_as_text(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Partnership name,Review frequency,Annual contribution\n"
        f"A,{'1' * 5000},{'9' * 400}\n"
        "B,12,£1e400\n"
        f"C,12 months,{'9' * 5000}\n"
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    data = entries(council)
    assert notes(data["a-arrangement"]) == [
        f"Review frequency: {'1' * 5000}",
        f"Annual contribution: {'9' * 400}",
    ]
    assert data["b-arrangement"]["review"] == {"months": 12} and "resources" not in data["b-arrangement"]
    assert partreg(council, "lint").returncode == 1, "and lint reads what was written"


@pytest.mark.spawns
def test_a_hostile_cell_is_only_text(council, tmp_path):
    sheet = tmp_path / "register.csv"
    write_csv(
        sheet,
        [["Partnership name", "Type", "Comments"],
         ["../../etc/passwd", "Partnership", '=HYPERLINK("http://evil","x")'],
         ["<script>alert(1)</script>", "Partnership", "key: value\n- item"]],
        encoding="utf-8",
        delimiter=",",
    )  # fmt: skip
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1 and "Wrote 2 files" in result.stdout, "a formula needs a look"
    data = entries(council)
    assert sorted(data) == ["etc-passwd", "script-alert-1-script"]
    assert data["etc-passwd"]["title"] == "../../etc/passwd"
    # a formula in place of its value: kept as text in the notes, and said, as any formula is
    assert notes(data["etc-passwd"]) == [
        'Comments: =HYPERLINK("http://evil","x") (a formula with no saved result: its value was not imported)'
    ]
    assert f"{sheet}:2:C: [warning] 'Comments': the formula '=HYPERLINK(\"http://evil\",\"x\")' is in" in (
        result.stdout
    )
    assert notes(data["script-alert-1-script"]) == ["Comments: key: value", "- item"]
    assert not (tmp_path / "etc").exists()


# ---------------------------------------------------------------- a realistic register of 60 rows


@pytest.mark.spawns
def test_sixty_real_world_rows_all_import_and_lint_lists_what_each_needs_in_one_run(council, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(["Brentwood Borough Council - Partnership Register"])
    sheet.append([])
    sheet.append(council_sheets.HEADERS)
    for index, row in enumerate(council_sheets.ROWS):
        sheet.append(row)
        if index in council_sheets.EMPTY_ROWS_AFTER:
            sheet.append([])
    path = tmp_path / "register.xlsx"
    book.save(path)

    result = partreg(council, "import", str(path), "--write")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "60 rows: 60 to write." in result.stdout and "Wrote 60 files to register/." in result.stdout
    assert "2 blank rows passed over" in result.stdout
    unknown = re.search(r"Priorities that partreg.yaml does not list: (.*)\. Add each", result.stdout)
    assert unknown and "'Health and wellbeing' (" in unknown.group(1), "the priorities to add to partreg.yaml"
    data = entries(council)
    assert len(data) == 60
    titles = sorted(str(row[1]) for row in council_sheets.ROWS)
    assert sorted(e["title"] for e in data.values()) == titles
    listed = json.loads(partreg(council, "list", "--format", "json", check=True).stdout)
    assert sorted(e["title"] for e in listed) == titles, "`list` shows every row"

    incomplete = re.search(r"Incomplete: (\d+) of 60 new entries", result.stdout)
    assert incomplete is not None
    lint = partreg(council, "lint", "--format", "json")
    assert lint.returncode == 1
    found = json.loads(lint.stdout)["results"]
    with_errors = {Path(p["path"]).stem for p in found if p["severity"] == "error"}
    assert len(with_errors) == int(incomplete.group(1)), "lint lists what each incomplete entry needs"
    assert not [
        p for p in found if p["rule"] in ("yaml-syntax", "wrong-type", "unknown-key", "invalid-value")
    ], "what import writes is the format: only what is missing or unknown is left"
    missing = {(Path(p["path"]).stem, p["key"]) for p in found if p["rule"] == "missing-field"}
    for index, row in enumerate(council_sheets.ROWS):
        entry = next(
            e for e in data.values() if e["title"] == row[1] and (index != 55 or e["id"].endswith("-2"))
        )
        if not row[7]:
            assert (entry["id"], "partners") in missing, row[1]
        if not row[4] and not row[6]:  # neither a lead officer nor a portfolio holder: no lead
            assert (entry["id"], "lead.role") in missing or (entry["id"], "lead") in missing, row[1]
        if row[6] and not row[4]:  # a councillor alone is a lead (format 1.1)
            assert (entry["id"], "lead.role") not in missing, row[1]


# ---------------------------------------------------------------- files that are not registers


def huge(path: Path) -> None:
    with path.open("w") as f:
        f.write("Partnership name,Type\n")
        line = "A partnership with a long name,Partnership\n"
        f.write(line * (50 * 1024 * 1024 // len(line)))


def packed(path: Path) -> None:
    """A small workbook whose sheet unpacks to 70 MB."""
    book = Workbook()
    book.active.append(["Partnership name", "Type"])
    book.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/padding.xml", b" " * (70 * 1024 * 1024))


SAMPLE = Path(__file__).parent / "fixtures" / "sample-register.xlsx"
BAD_INPUTS = {
    "empty": ("empty.csv", lambda p: p.write_bytes(b"")),
    "blank lines": ("blank.csv", lambda p: p.write_text("\n\n,,\n")),
    "no header row": ("noheader.csv", lambda p: p.write_text("Brentwood,2019,yes\nBasildon,2020,no\n")),
    "binary": ("binary.csv", lambda p: p.write_bytes(bytes(range(256)) * 40)),
    "workbook named .csv": ("book.csv", lambda p: shutil.copy(SAMPLE, p)),
    "old Excel": ("old.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)),
    "not a workbook": ("fake.xlsx", lambda p: p.write_text("Partnership name,Type\n")),
    "50 MB": ("huge.csv", huge),
    "10,000 columns": (
        "wide.csv",
        lambda p: p.write_text(
            "Partnership name,Type," + ",".join(f"Col {i}" for i in range(10_000)) + "\nA,Partnership\n"
        ),
    ),
    "not UTF-8 or 1252": (
        "mixed.csv",
        lambda p: p.write_bytes(b"Partnership name,Type\nCaf\x81,Partnership\n"),
    ),
    "unterminated quote": (
        "quote.csv",
        lambda p: p.write_text('Partnership name,Type\nA,"Partnership\nB,Contract\n'),
    ),
    "folder": ("folder.csv", lambda p: p.mkdir()),
    "FIFO": ("fifo.csv", lambda p: os.mkfifo(p)),
    "packed sheet": ("packed.xlsx", packed),
}


EXPECTED = {
    "empty": "the file is empty",
    "blank lines": "the sheet is empty",
    "no header row": "no header row in the first 30 rows",
    "binary": "not a CSV file: binary data at byte 0",
    "workbook named .csv": "this is an Excel workbook, not a CSV file",
    "old Excel": "an Excel 97-2003 workbook (.xls)",
    "not a workbook": "cannot be read as an .xlsx workbook",
    "50 MB": "MB is more than a register's 10 MB",
    "10,000 columns": "this row has 10,002 columns; a register has at most 1,000",
    "not UTF-8 or 1252": "byte 25 (0x81) is neither UTF-8 nor Windows-1252 text",
    "unterminated quote": 'quote.csv:2: a cell opened with a quote (") is never closed',
    "folder": "a folder, not a spreadsheet",
    "FIFO": "not a regular file",
    "packed sheet": "MB once unpacked, more than a register's 60 MB",
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
@pytest.mark.spawns
def test_a_file_that_is_not_a_register_gets_one_clear_line(council, tmp_path, case):
    name, make = BAD_INPUTS[case]
    path = tmp_path / name
    make(path)
    result = partreg(council, "import", str(path), "--write")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"partreg: {path}") and EXPECTED[case] in line, line
    assert list((council / "register").glob("*.yaml")) == [], "nothing written"


CONVERTED = {  # fields whose value is the cell read into another form, not its text
    ("kind",): "kind",
    ("start",): "start",
    ("statutory",): "statutory",
    ("significance",): "significance",
    ("priorities",): "priorities",
    ("resources", "council", "funding_gbp"): "resources funding contract",
}


@pytest.mark.slow
def test_no_cell_of_sixty_real_world_rows_is_lost(tmp_path):
    """Each cell of the realistic sheet is in its row's entry: its text as a value or in the notes,
    or, where it is read into another form (a date, yes or no, an amount), its field is set."""
    from partreg.importer import header_score, read_rows
    from partreg.models import Settings
    from partreg.sheets import read_sheet

    book = Workbook()
    book.active.append(council_sheets.HEADERS)
    for row in council_sheets.ROWS:
        book.active.append(row)
    path = tmp_path / "register.xlsx"
    book.save(path)
    table = read_sheet(path, header_score)
    mapping = map_columns(table.headers, {})
    settings = Settings(council="Test", priorities={"safer-communities": "Safer communities"})
    result = read_rows(str(path), "register", table.rows, mapping, settings)
    assert [r.number for r in result.rows] == list(range(2, 62)), "every row is an entry"
    checked = 0
    for row, cells in zip(result.rows, council_sheets.ROWS, strict=True):
        flat = " ".join(json.dumps(row.data, default=str, ensure_ascii=False).replace("\\n", " ").split())
        for column, cell in zip(mapping.columns, cells, strict=True):
            if cell is None or cell == "":
                continue
            checked += 1
            noted = f"{column.header}: " in str(row.data.get("internal", {}).get("notes", ""))
            if column.key in CONVERTED and not noted:
                assert set(CONVERTED[column.key].split()) & set(row.data), (row.number, column.header, cell)
                continue
            if isinstance(cell, dt.date):
                day = PartialDate(cell.year, cell.month, cell.day)
                assert day.iso in flat or day.display() in flat, (row.number, column.header, cell)
                continue
            text = str(cell)
            for part in re.split(r"[;\n]|\d\. |, ", text):
                part = " ".join(part.split())
                assert json.dumps(part, ensure_ascii=False)[1:-1] in flat, (row.number, column.header, part)
    assert checked > 500


# ---------------------------------------------------------------- sheets as councils lay them out


def save(book: Workbook, path: Path) -> Path:
    book.save(path)
    return path


@pytest.mark.spawns
def test_the_header_is_the_row_that_names_most_columns(council, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Partnerships"])  # a title row, which names one field
    sheet.append(["Partnership", None, "Council lead", None, "Finance"])  # grouped columns
    sheet.merge_cells("C2:D2")
    sheet.append(["Partnership name", "Partners", "Lead officer", "Directorate", "Annual contribution (£)"])
    sheet.append(
        ["Community Safety Partnership", "Essex Police", "Community Safety Manager", "Communities", 25000]
    )
    result = partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write")
    assert result.returncode == 0, result.stderr
    assert "headers on row 3." in result.stdout
    data = entries(council)
    assert list(data) == ["community-safety-partnership"]
    assert data["community-safety-partnership"]["lead"] == {
        "role": "Community Safety Manager",
        "service": "Communities",
    }


@pytest.mark.parametrize("dates", [False, True])
def test_a_header_over_two_rows_with_a_cell_merged_over_both(tmp_path, dates):
    """A heading merged over both rows of a header ("Council contribution (£)" in C1:C2) had been
    read twice over ('Council contribution (£) Council contribution (£)'), so its money went to the
    notes; or, scoring lower, the second row had been taken for an arrangement ('name')."""
    from partreg.importer import header_score
    from partreg.sheets import read_sheet

    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"], sheet["B1"], sheet["B2"] = "Partnership", "name", "Lead", "Officer"
    sheet["C1"] = "Council contribution (£)"
    sheet.merge_cells("C1:C2")
    sheet["D1"] = "Status"
    if dates:  # a heading over two columns, above theirs
        sheet["E1"], sheet["E2"], sheet["F2"] = "Dates", "Start Date", "End date"
        sheet.merge_cells("E1:F1")
    sheet.append(["Community Safety Partnership", "Community Safety Manager", "£5,000", "Active"])
    table = read_sheet(save(book, tmp_path / "r.xlsx"), header_score)
    assert table.header_rows == 2
    assert table.headers[:4] == ["Partnership name", "Lead Officer", "Council contribution (£)", "Status"]
    mapping = map_columns(table.headers, {})
    assert [c.key for c in mapping.columns][:3] == [
        ("title",),
        ("lead", "role"),
        ("resources", "council", "funding_gbp"),
    ]
    assert [number for number, _ in table.rows] == [3]


@pytest.mark.spawns
def test_a_header_written_over_two_rows(council, tmp_path):
    book = Workbook()
    book.active.append(["Partnership", "Lead", "Date", "Partner"])
    book.active.append(["name", "officer", "created", "organisations"])
    book.active.append(["Town Centre BID", "Town Centre Manager", "April 2020", "Brentwood BID"])
    result = partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write")
    assert result.returncode == 0, result.stderr
    assert "headers on rows 1 and 2." in result.stdout and "A 'Partnership name'" in result.stdout
    entry = entries(council)["town-centre-bid"]
    assert entry["lead"] == {"role": "Town Centre Manager"} and entry["start"] == "2020-04"
    assert entry["partners"] == [{"name": "Brentwood BID"}]


@pytest.mark.spawns
def test_hidden_sheets_and_summary_sheets_are_passed_over_and_named(council, tmp_path):
    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append(["Type", "Partners", "Total funding"])
    summary.append(["Partnership", 12, 250000])
    old = book.create_sheet("Old 2019")
    old.append(["Partnership name", "Type"])
    old.append(["Dissolved forum", "Forum"])
    old.sheet_state = "hidden"
    current = book.create_sheet("Current")
    current.append(["Partnership name", "Type"])
    current.append(["Community Safety Partnership", "Statutory partnership"])
    result = partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write")
    assert result.returncode == 0, result.stderr
    assert "sheet 'Current', headers on row 1." in result.stdout
    assert "sheet 'Old 2019' is hidden: passed over (--sheet 'Old 2019' reads it)" in result.stdout
    assert "sheet 'Summary' also has a header row: --sheet 'Summary' imports it" in result.stdout
    assert list(entries(council)) == ["community-safety-partnership"]


@pytest.mark.spawns
def test_rows_that_are_not_arrangements_and_rows_that_continue_one(council, tmp_path):
    sheet = tmp_path / "register.csv"
    write_csv(
        sheet,
        [["Partnership name", "Type", "Partner organisations", "Annual contribution (£)", "Comments"],
         ["Community Safety Partnership", "Partnership", "Essex Police", "£25,000", "Renewed 2023"],
         ["", "", "Essex County Fire & Rescue", "", "Action plan due"],
         ["Key Cities", "Partnership", "", "", ""],
         ["Source to Sea Partnership", "", "", "", ""],
         ["*Essex Resilience Forum", "Forum", "", "", ""],
         ["TOTAL COST", "", "", "£45,000", ""],
         ["Sub total - statutory", "", "", "20000", ""],
         ["", "", "Total", "20000", ""],
         ["Partnership name", "Type", "Partner organisations", "Annual contribution (£)", "Comments"],
         ["Key: S = statutory", "", "", "", ""],
         ["Last updated March 2024", "", "", "", ""]],
        encoding="utf-8",
        delimiter=",",
    )  # fmt: skip
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for line in [
        "Row 7 passed over, 'TOTAL COST': a totals row, not an arrangement.",
        "Row 8 passed over, 'Sub total - statutory': a totals row, not an arrangement.",
        "Row 9 passed over, 'Total': a totals row, not an arrangement.",
        "Row 10 passed over, 'Partnership name': the header row again.",
        "Row 11 passed over, 'Key: S = statutory': a note about the sheet, not an arrangement.",
        "Row 12 passed over, 'Last updated March 2024': a note about the sheet, not an arrangement.",
        f"{sheet}:3: [note] continues row 2: its partners added to community-safety-partnership",
    ]:
        assert line in out, line
    data = entries(council)
    assert sorted(data) == [
        "community-safety-partnership",
        "essex-resilience-forum",
        "key-cities",
        "source-to-sea-partnership",
    ]
    csp = data["community-safety-partnership"]
    assert csp["partners"] == [{"name": "Essex Police"}, {"name": "Essex County Fire & Rescue"}]
    assert notes(csp) == ["Comments: Renewed 2023", "Comments: Action plan due"]
    assert data["essex-resilience-forum"]["title"] == "*Essex Resilience Forum"


@pytest.mark.spawns
def test_merged_cells_down_a_title_and_across_a_header(council, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Partnership name", "Partner organisations", None, "Directorate"])
    sheet.merge_cells("B1:C1")
    sheet.append(["Health and Wellbeing Board", "Essex County Council", "Healthwatch Essex", "Communities"])
    sheet.append([None, "NHS Mid and South Essex ICB", None, None])
    sheet.append([None, "Essex Police", None, None])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("D2:D4")
    sheet.append(["Waste partnership", "Essex County Council", None, "Environment"])
    assert partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write").returncode == 0
    data = entries(council)
    assert sorted(data) == ["health-and-wellbeing-board", "waste-partnership"], (
        "a title merged down is one entry"
    )
    board = data["health-and-wellbeing-board"]
    assert board["partners"] == [
        {"name": "Essex County Council"},
        {"name": "Healthwatch Essex"},
        {"name": "NHS Mid and South Essex ICB"},
        {"name": "Essex Police"},
    ]
    assert board["lead"] == {"service": "Communities"}


@pytest.mark.spawns
def test_ids_stay_ids(council, tmp_path):
    sheet = tmp_path / "register.csv"
    long = "Brentwood and Basildon joint strategic partnership for community safety and wellbeing 2024"
    write_csv(
        sheet,
        [
            ["ID", "Partnership name", "Notes"],
            ["con", "Reserved name", ""],
            ["", long, "first"],
            ["", long, "second"],
        ],
        encoding="utf-8",
        delimiter=",",
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1, result.stderr
    assert "'con' kept in internal notes: cannot be an id" in result.stdout
    ids = sorted(entries(council))
    assert "reserved-name" in ids and all(len(i) <= 64 for i in ids) and len(ids) == 3
    linted = partreg(council, "lint", "--format", "json")
    assert linted.returncode == 1, linted.stderr
    lint = json.loads(linted.stdout)["results"]
    assert not [p for p in lint if p["rule"] in ("wrong-type", "duplicate-id", "id-mismatch")]


@pytest.mark.spawns
def test_cells_that_are_not_what_they_seem(council, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Partnership name", "Lead officer", "Partner organisations", "Annual contribution (£)",
                  "Statutory (Y/N)", "Legislation", "Priority", "Cost to council"])  # fmt: skip
    sheet.append(["Community Safety\nPartnership", "Jane Smith", "#N/A", 0.5, "Yes - Crime and Disorder Act 1998 (s.6)",
                  "Crime and Disorder Act 1998", "High", None])  # fmt: skip
    sheet["D2"].number_format = "0%"
    sheet.append(["Title with escape", "Licensing Manager", "Essex Police", "Nil", None, None, None, "N/A"])
    result = partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "'Lead officer': 'Jane Smith' kept in internal notes: it reads as a person's name" in out
    assert "'Partner organisations': '#N/A' kept in internal notes: an Excel error (#N/A)" in out
    assert "'Annual contribution (£)': '50%' kept in internal notes: a percentage, not an amount" in out
    assert (
        "'Statutory (Y/N)': 'Yes - Crime and Disorder Act 1998 (s.6)' read as yes; the whole text is kept"
        in out
    )
    assert "'Priority': 'High' read as significance high" in out
    data = entries(council)
    csp = data["community-safety-partnership"]
    assert csp["title"] == "Community Safety Partnership", "a title is one line"
    assert csp["statutory_basis"] == "Crime and Disorder Act 1998" and csp["significance"] == "high"
    assert "partners" not in csp and "resources" not in csp
    assert data["title-with-escape"]["resources"] == {"council": {"funding_gbp": 0}}, "Nil is £0"
    assert notes(data["title-with-escape"]) == ["Cost to council: N/A"], (
        "a column for the notes keeps what it says"
    )


@pytest.mark.spawns
def test_control_characters_are_removed_and_said(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text("Partnership name,Comments\nTitle with \x1b[2J\x1b]0;owned\x07 escape,bell\x07 here\n")
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1, result.stderr
    assert ":2:A: [warning] 'Partnership name': control characters removed" in result.stdout
    entry = entries(council)["title-with-escape"]
    assert entry["title"] == "Title with escape" and notes(entry) == ["Comments: bell here"]


@pytest.mark.spawns
def test_notes_in_any_column_and_untitled_rows_keep_their_ids_when_rows_are_added(council, tmp_path):
    sheet = tmp_path / "register.csv"
    rows = [
        ["Ref", "Partnership name", "Lead officer", "Partner organisations", "Annual contribution (£)"],
        ["P001", "Community Safety Partnership", "Community Safety Manager", "Essex Police", "£25,000 pa"],
        ["P002", "", "Housing Manager", "Sanctuary Housing", ""],
        ["Last updated: 14 March 2024 (SJ)", "", "", "", ""],
        ["Key: Significant = council contribution over £50,000", "", "", "", ""],
    ]
    write_csv(sheet, rows, encoding="utf-8", delimiter=",")
    first = partreg(council, "import", str(sheet), "--write")
    assert first.returncode == 1, first.stderr
    assert "Row 4 passed over, 'Last updated: 14 March 2024 (SJ)': a note about the sheet" in first.stdout
    assert "Row 5 passed over, 'Key: Significant = council" in first.stdout
    before = sorted(entries(council))
    assert len(before) == 2 and before[1].startswith("register-untitled-")

    rows.insert(1, ["P000", "Waste partnership", "Waste Manager", "Essex County Council", ""])
    write_csv(sheet, rows, encoding="utf-8", delimiter=",")
    again = partreg(council, "import", str(sheet), "--write")
    assert "4 rows" not in again.stdout and "3 rows: 1 to write, 2 already in the register" in again.stdout
    assert sorted(entries(council)) == sorted([*before, "waste-partnership"]), (
        "the untitled row is found again"
    )
    assert "£25,000 pa" not in again.stdout, "a row already imported is not reported again"
    assert again.returncode == 0

    nothing = partreg(council, "import", str(sheet), "--write")
    assert nothing.returncode == 0 and "Wrote 0 files" in nothing.stdout


@pytest.mark.spawns
def test_a_placeholder_end_date_is_no_end(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text("Partnership name,Start date,End date\nA forum,31/12/9999,31/12/9999\n")
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 1, result.stderr
    assert (
        ":2:B: [warning] 'Start date': '31/12/9999' kept in internal notes: the year 9999 is a placeholder"
        in (result.stdout)
    )
    assert ":2:C: [note] 'End date': '31/12/9999' read as no end date" in result.stdout
    entry = entries(council)["a-forum"]
    assert "start" not in entry and "end" not in entry
    assert notes(entry) == ["Start date: 31/12/9999", "End date: 31/12/9999"]
    assert "Traceback" not in partreg(council, "review-due", check=True).stderr


# ---------------------------------------------------------------- format 1.1: the new fields' columns


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Legal form", ("form",)),
        ("Type of body", ("form",)),
        ("Council representative(s)", ("representatives",)),
        ("Representative 2", ("representatives",)),
        ("Decision", ("decisions", "summary")),
        ("Date of decision", ("decisions", "date")),
        ("Minute reference", ("decisions", "reference")),
        ("Approved by", ("decisions", "body")),
        ("Link to decision", ("decisions", "url")),
        ("Reports to", ("reporting", "committee")),
        ("Reporting frequency", ("reporting", "months")),
        ("Last reported", ("reporting", "last_report")),
        ("Annual contract value (£)", ("contract", "annual_value_gbp")),
        ("Total contract value", ("contract", "whole_life_value_gbp")),
        ("Whole life value", ("contract", "whole_life_value_gbp")),
        ("Extension options", ("contract", "extensions")),
        ("In kind contribution 2023/24", ("contributions", "in_kind_gbp")),
        ("Council loan (£)", ("contributions", "loan_gbp")),
        ("Replaced by", ("replaced_by",)),
        ("Successor", ("replaced_by",)),
        ("Predecessor", ("replaces",)),
        ("Last verified", ("last_verified",)),
        ("Information correct at", ("last_verified",)),
        ("Reason for significance", ("significance", "reason")),
        ("Review outcome", ("review-outcome",)),
        ("Recommendation", ("review-outcome",)),
        # partreg's own register.csv reads back
        ("reporting_committee", ("reporting", "committee")),
        ("contract_annual_value_gbp", ("contract", "annual_value_gbp")),
        ("contract_extensions", ("contract", "extensions")),
        ("last_review_outcome", ("review-outcome",)),
        ("council_in_kind_gbp", ("contributions", "in_kind_gbp")),
        ("replaced_by", ("replaced_by",)),
    ],
)
def test_the_new_fields_headers_as_councils_write_them(header, field):
    [column] = map_columns([header], {}).columns
    assert column.key == field


@pytest.mark.parametrize(
    ("cell", "extensions"),
    [
        ("3 + 3 years", [{"years": 3}]),  # Arun: a term of 3 years and one extension of 3
        ("10 + 10", [{"years": 10}]),  # Epping
        ("2 + 1 + 1 years", [{"years": 1}, {"years": 1}]),
        ("Option to extend to 2039", [{"until": 2039}]),  # West Devon
        (
            "10 years, to 31 March 2039 (available)",
            [{"years": 10, "status": "available", "until": dt.date(2039, 3, 31)}],
        ),
        ("6 months", [{"years": 0.5}]),
    ],
)
def test_extension_options_as_registers_write_them(cell, extensions):
    from partreg.importer import read_extensions

    assert read_extensions(cell) == extensions


@pytest.mark.spawns
def test_a_sheet_with_the_new_fields_imports_into_them(council, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Title,Type,Lead officer,Directorate,Partners,Form,Council representatives,Decision,Date of decision,"
        "Minute reference,Reports to,Reporting frequency,Last reported,Annual contract value,"
        "Total contract value,Extension options,In kind contribution 2023/24,Replaced by,Last verified,"
        "Significant?,Reason for significance,Last review,Review outcome\n"
        '"Leisure management contract",Contract,Leisure Manager,Leisure,"Everyone Active",Wholly-owned company,'
        '"Cllr A. Patel; Leisure Manager",Award the contract,13/03/2019,Minute 123,Audit Committee,Annual,'
        'March 2025,"£6.6m","£66,000,000","10 + 10 years","£12,000",Leisure Trust,1 November 2025,Yes,'
        "Biggest contract,30/06/2025,Reassess\n"
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    [entry] = entries(council).values()
    assert entry["form"] == "council-company"
    assert entry["representatives"] == [{"member": "Cllr A. Patel"}, {"role": "Leisure Manager"}]
    assert entry["decisions"] == [
        {"summary": "Award the contract", "date": "2019-03-13", "reference": "Minute 123"}
    ]
    assert entry["reporting"] == {"committee": "Audit Committee", "months": 12, "last_report": "2025-03"}
    assert entry["contract"] == {
        "annual_value_gbp": 6600000,
        "whole_life_value_gbp": 66000000,
        "extensions": [{"years": 10}],
    }
    assert entry["contributions"] == [{"year": "2023/24", "by": "council", "in_kind_gbp": 12000}]
    assert entry["replaced_by"] == ["leisure-trust"]
    assert entry["last_verified"] == "2025-11-01"
    assert entry["significance"] == {"level": "high", "reason": "Biggest contract"}
    assert entry["review"]["history"] == [{"date": "2025-06-30", "outcome": "reassess"}]
    lint = partreg(council, "lint", "--format", "json", "--as-of", "2026-01-01")
    assert lint.returncode == 1, lint.stderr
    found = {(r["rule"], r["key"]) for r in json.loads(lint.stdout)["results"]}
    assert ("unknown-reference", "replaced_by[0]") in found, (
        "a successor the sheet names that is not registered"
    )
    assert not {r for r, _ in found} & {"wrong-type", "invalid-value", "unknown-key"}


@pytest.mark.spawns
def test_partregs_own_open_data_reads_back_with_the_new_fields(council, tmp_path):
    from tests.test_format_v11 import write_register

    source = write_register(tmp_path / "source")
    partreg(source, "render", "--out", "site", "--format", "html", "--as-of", "2026-01-15", check=True)
    result = partreg(council, "import", str(source / "site" / "register.csv"), "--write")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = entries(council)
    contract = data["leisure-contract"]["contract"]
    assert contract["annual_value_gbp"] == 6600000 and contract["whole_life_value_gbp"] == 66000000
    assert contract["extensions"] == [{"years": 10, "until": "2039-03-31", "status": "available"}]
    partnership = data["town-centre-partnership"]
    assert partnership["form"] == "joint-committee" and partnership["replaces"] == ["town-centre-forum"]
    assert partnership["reporting"] == {
        "committee": "Audit and Scrutiny Committee",
        "months": 12,
        "last_report": "2025-03-12",
    }
    assert partnership["last_verified"] == "2025-11-03" and partnership["rating"] == "limited"
    assert partnership["review"]["history"][0]["outcome"] == "reassess"


def test_no_two_fields_claim_the_same_header():
    from partreg.importer import SYNONYMS, normal

    claimed: dict[str, tuple] = {}
    for key, said in SYNONYMS.items():
        for header in said:
            assert claimed.setdefault(normal(header), key) == key, (header, claimed[normal(header)], key)


@pytest.mark.parametrize("header", ["Annual cost", "Annual contribution (£)"])
def test_officer_time_is_the_councils_staff_under_either_header(header):
    from partreg.importer import read_rows
    from partreg.models import Settings

    mapping = map_columns(["Partnership name", "Lead officer", header], {})
    rows = [(2, ["Community Safety Partnership", "Community Safety Manager", "Officer time"])]
    [row] = read_rows("register.csv", "register", rows, mapping, Settings(council="Test")).rows
    assert row.data["resources"] == {"council": {"staff": "Officer time"}}
    assert not [f for f in row.findings if f.severity == "warning"]


# ---------------------------------------------------------------- what a user trial found


def dry_run(tmp_path: Path, text: str) -> tuple[Any, list[str]]:
    """A CSV sheet's rows, read in this process as `partreg import` reads them, and the dry run's lines."""
    from partreg.importer import header_score, import_report, read_rows
    from partreg.models import Settings
    from partreg.sheets import read_sheet

    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    table = read_sheet(path, header_score)
    mapping = map_columns(table.headers, {})
    result = read_rows(table.display, path.stem, table.rows, mapping, Settings(council="Test"))
    lines, _ = import_report(table, mapping, result, set(), "register")
    return result, lines


def test_a_header_with_a_bracketed_explanation_is_matched_without_it(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer (name & job title),Partner organisations [list all]\n"
        "Brentwood CSP,Community Safety Manager,Essex Police\n"
        "Leisure contract,Leisure Manager,Everyone Active\n",
    )
    said = [" ".join(line.split()) for line in lines]
    assert "B 'Lead Officer (name & job title)' → lead.role" in said
    assert "C 'Partner organisations [list all]' → partners" in said
    assert [r.data["lead"] for r in result.rows] == [
        {"role": "Community Safety Manager"},
        {"role": "Leisure Manager"},
    ]


def test_a_date_with_excels_midnight_after_it_is_that_date(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created,Expiry date\n"
        "Brentwood CSP,Community Safety Manager,01/04/2016 00:00,31/03/2027 00:00:00\n"
        "Leisure contract,Leisure Manager,2016-04-01 00:00:00,01/04/2026 14:30\n",
    )
    csp, leisure = (r.data for r in result.rows)
    assert (csp["start"], csp["end"], leisure["start"], leisure["end"]) == (
        dt.date(2016, 4, 1),
        dt.date(2027, 3, 31),
        dt.date(2016, 4, 1),
        dt.date(2026, 4, 1),
    )
    assert "internal" not in csp
    cells = [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]
    assert cells == [
        "[warning] 'Expiry date': '01/04/2026 14:30' read as 2026-04-01; the whole text is kept in internal notes"
    ], "a time other than midnight is dropped, and said"


def test_a_last_partner_joined_by_and_is_named_to_check(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations\n"
        'Brentwood CSP,Community Safety Manager,"Essex Police, NHS Mid Essex CCG and Brentwood CVS"\n'
        'Fire safety,Community Safety Manager,"Essex Fire and Rescue Service, Essex Police"\n',
    )
    csp, fire = (r.data for r in result.rows)
    assert csp["partners"] == [{"name": "Essex Police"}, {"name": "NHS Mid Essex CCG and Brentwood CVS"}]
    assert fire["partners"] == [{"name": "Essex Fire and Rescue Service"}, {"name": "Essex Police"}]
    cells = [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]
    assert cells == [
        "[warning] 'Partner organisations': read as 2 partners, separated by commas; the last, "
        "'NHS Mid Essex CCG and Brentwood CVS', may be two joined by 'and': check it, and if it names "
        "two, separate them with ';'",
        "[note] 'Partner organisations': read as 2 partners, separated by commas",
    ]


def test_since_in_an_end_column_is_when_it_began_not_its_end(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Start date,End date\n"
        "Brentwood CSP,Community Safety Manager,,Since 2010\n"
        "Leisure contract,Leisure Manager,01/04/2016,since April 2016\n"
        "Youth forum,Youth Officer,,Since TBC\n",
    )
    csp, leisure, forum = (r.data for r in result.rows)
    assert "end" not in csp and "end" not in leisure and "end" not in forum
    assert csp["start"] == 2010, "the start, where no column gives one"
    assert leisure["start"] == dt.date(2016, 4, 1)
    assert notes(csp) == ["End date: Since 2010"] and notes(leisure) == ["End date: since April 2016"]
    cells = [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]
    assert cells == [
        "[warning] 'End date': 'Since 2010' read as the start, 2010 ('since' says when it began; "
        "no end is recorded); the whole text is kept in internal notes",
        "[warning] 'End date': 'since April 2016' kept in internal notes: 'since' says when it began, "
        "not when it ends: no end is recorded (the start column gives the start)",
        "[warning] 'End date': 'Since TBC' kept in internal notes: not a date",
    ]


def test_a_section_heading_in_any_column_is_passed_over(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Ref,Partnership name,Lead Officer,Partners\n"
        "Partnerships,,,\n"
        "P01,Brentwood CSP,Community Safety Manager,Essex Police\n"
        "Contracts,,,\n"
        "C01,Leisure contract,Leisure Manager,Everyone Active\n",
    )
    assert [(r.number, r.data["title"], r.data["kind"]) for r in result.rows] == [
        (3, "Brentwood CSP", "partnership"),
        (5, "Leisure contract", "contract"),
    ]
    assert notes(result.rows[0].data)[0] == "Ref: P01", "not 'Contracts': it continues no row"
    assert [(n, text) for n, text, _ in result.passed] == [(2, "Partnerships"), (4, "Contracts")]
    assert (
        "Row 4 passed over, 'Contracts': a section heading: each row below that gives no kind takes its kind "
        "contract, and is named; the section ends at a row that gives another kind."
    ) in lines


def test_a_title_alone_whose_words_decide_no_kind_is_kept_and_said(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations\n"
        "Contracts,,\n"
        "Leisure contract,Leisure Manager,Everyone Active\n"
        "Community Safety,,\n"
        "Brentwood CSP,Community Safety Manager,Essex Police\n"
        "Youth Strategy Group,Youth Officer,Essex County Council\n",
    )
    data = {r.id: r.data for r in result.rows}
    assert sorted(data) == ["brentwood-csp", "community-safety", "leisure-contract", "youth-strategy-group"]
    assert data["leisure-contract"]["kind"] == "contract"
    assert "kind" not in data["community-safety"], "it ends the section 'Contracts': not a contract"
    assert "kind" not in data["brentwood-csp"]
    cells = [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]
    assert cells == [
        "[note] 'Partnership name': no kind of its own: given the kind contract of the heading 'Contracts' (row 2)",
        "[warning] 'Partnership name': 'Community Safety' is the row's only cell: kept as an arrangement "
        "with gaps; if it is a heading over the rows below, not an arrangement, delete the row from the "
        "sheet (deleting register/community-safety.yaml is not enough: importing the sheet again writes it "
        "again); it ends the section under the heading 'Contracts' (row 2)",
    ]


def test_review_dates_kept_in_the_notes_are_said_once_for_the_sheet(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created,Review date\n"
        "Brentwood CSP,Community Safety Manager,01/04/2012,01/04/2025\n"
        "Leisure contract,Leisure Manager,2016,\n"
        "Youth forum,Youth Officer,2019,March 2026\n",
    )
    assert notes(result.rows[0].data) == ["Review date: 01/04/2025"]
    cells = [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]
    assert cells == [
        "[warning] 'Review date': the review dates in this column (2 rows) are kept in internal notes, not "
        "used: until a review is recorded with `partreg review ID --date YYYY-MM-DD --outcome continue`, "
        "reviews are scheduled from the start, so an arrangement that began long ago is shown overdue"
    ]
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Last reviewed,Review date\n"
        "Brentwood CSP,01/04/2024,01/04/2025\n"
        "Youth forum,,March 2026\n",
    )
    [said] = [line for line in lines if line.startswith(str(tmp_path)) and "'Review date'" in line]
    assert said.startswith(
        f"{tmp_path / 'register.csv'}:3:C: [warning] 'Review date': the review dates in this column (1 row with no last review)"
    )


def test_a_years_amount_on_a_contract_is_its_annual_value(tmp_path):
    """ "Annual contribution (£)" or "£450,000 pa" on a contract's row is a year's value, which the
    format keeps in contract.annual_value_gbp: it had been published as the contract's whole value."""
    result, _ = dry_run(
        tmp_path,
        "Partnership name,Type,Annual contribution (£),Partners\n"
        'Leisure contract,Contract,"£450,000",Everyone Active\n'
        "Grounds contract,Contract,,idverde\n",
    )
    assert result.rows[0].data["contract"] == {"annual_value_gbp": 450000}
    result, _ = dry_run(
        tmp_path,
        "Partnership name,Type,Value (£),Partners\n"
        'Leisure contract,Contract,"£450,000 pa",Everyone Active\n'
        'Waste contract,Contract,"£2,000,000",Veolia\n',
    )
    assert result.rows[0].data["contract"] == {"annual_value_gbp": 450000}
    assert result.rows[1].data["contract"] == {"value_gbp": 2000000}  # no word of a year: the whole


def test_a_formula_without_its_result_in_a_row_passed_over_is_not_a_warning(tmp_path):
    """A totals row's =SUM() that a program did not calculate: the row is not imported, so its
    formula is nothing to look at (it had made every import exit 1)."""
    from partreg.importer import header_score, import_report, read_rows
    from partreg.models import Settings
    from partreg.sheets import read_sheet

    book = Workbook()
    sheet = book.active
    sheet.append(["Partnership name", "Lead Officer", "Partners", "Annual cost (£)"])
    sheet.append(["Brentwood CSP", "Community Safety Manager", "Essex Police", 5000])
    sheet.append(
        ["Health and Wellbeing Board", "Director of Wellbeing", "NHS Mid and South Essex", "=1000*2"]
    )
    sheet.append(["TOTAL", None, None, "=SUM(D2:D3)"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    table = read_sheet(path, header_score)
    mapping = map_columns(table.headers, {})
    result = read_rows(
        table.display, path.stem, table.rows, mapping, Settings(council="Test"), formulas=table.formulas
    )
    lines, attention = import_report(table, mapping, result, set(), "register")
    said = [line for line in lines if "has no saved result" in line]
    assert [line.split(": [warning]")[0] for line in said] == [f"{table.display}:3:D"]  # the row read, only
    assert attention


def test_import_and_lint_read_a_lead_as_a_person_alike(tmp_path):
    """One reading of a person's name, in the sheet and in the file: 'Sarah Jones, Head of Housing',
    the commonest form, was not said at import."""
    _, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partners\n"
        "A,Sarah Jones,Essex Police\n"
        'B,"Sarah Jones, Head of Housing",Essex Police\n'
        "C,Head of Housing (Sarah Jones),Essex Police\n"
        "D,J. Smith,Essex Police\n"
        "E,Head of Housing,Essex Police\n",
    )
    said = {line.split(":")[1] for line in lines if "reads as a person's name" in line}
    assert said == {"2", "3", "4", "5"}


def test_a_header_whose_brackets_say_it_holds_a_contact_or_what_is_private_stays_in_the_notes(tmp_path):
    result, _ = dry_run(
        tmp_path,
        "Partnership name,Type,Lead Officer (tel),Lead Officer [internal only],Lead Officer,Partners\n"
        "Youth Forum,Partnership,01277 312500,Jo Bloggs,Community Safety Manager,Essex Police\n",
    )
    [row] = result.rows
    assert row.data["lead"]["role"] == "Community Safety Manager"
    assert "01277 312500" in row.data["internal"]["notes"] and "Jo Bloggs" in row.data["internal"]["notes"]


def test_each_row_given_a_headings_kind_is_named_and_another_kind_ends_the_section(tmp_path):
    """A heading's kind had reached, without a word, every row below with no kind of its own, past
    rows of other kinds: each row given it is now named, at the row and in its notes, and a row that
    gives another kind ends the section, for the rows after it too."""
    result, lines = dry_run(
        tmp_path,
        "Name,Type,Partners,Value\n"
        "Grants,,,\n"
        "Scout hut grant,,1st Brentwood Scouts,3500\n"
        "Grounds maintenance contract,,idverde,£50000\n"
        "Men's Shed,Alliance,Age UK Essex,\n"
        "Youth Forum,Joint working,Essex County Council,\n"
        "Community Safety Partnership,,Essex Police,25000\n",
    )
    data = {r.id: r.data for r in result.rows}
    assert data["scout-hut-grant"]["kind"] == "community-funding"
    assert notes(data["scout-hut-grant"]) == [
        "From the sheet's heading 'Grants' (row 2): kind community-funding"
    ]
    assert data["grounds-maintenance-contract"]["kind"] == "community-funding"
    assert "kind" not in data["men-s-shed"], "its own label, which decides no kind, is the officer's to read"
    assert data["youth-forum"]["kind"] == "joint-working"
    assert "kind" not in data["community-safety-partnership"], "below a row of another kind: not a grant"
    assert "resources" not in data["community-safety-partnership"], "no kind, no year: not 'a year'"
    cells = [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]
    assert cells == [
        "[note] 'Name': no kind of its own: given the kind community-funding of the heading 'Grants' (row 2)",
        "[warning] 'Name': no kind of its own: given the kind community-funding of the heading 'Grants' "
        "(row 2), though its title's words name contract: check it, and record its kind",
        "[warning] 'Type': 'Alliance' kept in internal notes: not one of the policy's four kinds, and its "
        "words do not decide one: record the kind (`partreg classify` explains each)",
        "[note] 'Type': the row gives the kind joint-working: the section under the heading 'Grants' (row 2) "
        "ends here, and the rows below that give no kind are not given its kind community-funding",
        "[warning] 'Value': '25000' kept in internal notes: the sheet does not say the amount is a year's: if "
        "it is the council's money each year, record it as resources.council.funding_gbp; if the row is a "
        "grant or a contract, record its kind and the amount as funding.amount_gbp or contract.value_gbp",
    ]
    assert (
        "Row 2 passed over, 'Grants': a section heading: each row below that gives no kind takes its kind "
        "community-funding, and is named; the section ends at a row that gives another kind."
    ) in lines


@pytest.mark.spawns
def test_a_sheet_with_no_title_column_is_not_written_untitled(council):
    """A header partreg did not know gave no title: `--write` wrote a file for every row, each
    `untitled`, a heading row and a pasted row among them, and exited 0."""
    (council / "sheet.csv").write_text(
        "Register heading,Lead Officer,Partner organisations,Start date\nCOMMUNITY SAFETY,,,\n"
        "Community Safety Partnership,Community Safety Manager,Essex Police,01/04/2016\n"
    )
    dry = partreg(council, "import", "sheet.csv")
    assert "No column gives the title: name it with --map 'HEADER=title' before --write." in dry.stdout
    result = partreg(council, "import", "sheet.csv", "--write")
    assert result.returncode == 1
    assert (
        "no column gives the title, so every row would be written untitled: name the column with --map"
        in result.stderr
    )
    assert entries(council) == {}
    mapped = partreg(council, "import", "sheet.csv", "--write", "--map", "Register heading=title")
    assert mapped.returncode in (0, 1) and len(entries(council)) == 1, mapped.stdout + mapped.stderr


@pytest.mark.spawns
def test_a_status_in_the_kinds_cell_is_the_status_where_no_column_gives_one(council):
    """`Partnership - Proposed` and `Partnership (Ended)` in a sheet with no status column were both
    written as active, the words kept in the notes and nothing said at the cell. Only a cell that
    ends with a status so gives one: `Closed forum` is a forum closed to the public, and `not yet
    ended`, `formerly proposed`, `Planned Maintenance Contract` say something else."""
    from partreg.importer.values import status_in_kind

    assert status_in_kind("Partnership - Proposed") == ("proposed", "Partnership")
    assert status_in_kind("Grant (ended)") == ("ended", "Grant")
    for other in (
        "Closed forum",
        "Partnership - not yet ended",
        "Partnership (formerly proposed, now active)",
        "Planned Maintenance Contract",
        "Pending review partnership",
        "Grant (closed to new applicants)",
    ):
        assert status_in_kind(other) is None, other
    (council / "sheet.csv").write_text(
        "Partnership name,Type,Lead officer\nGrowth Board,Partnership - Proposed,Growth Manager\n"
        "Town BID,Partnership (Ended),Town Centre Manager\nBeta Forum,Closed forum,Policy Officer\n"
    )
    result = partreg(council, "import", "sheet.csv", "--write")
    statuses = {e["title"]: (e["status"], e["kind"]) for e in entries(council).values()}
    assert statuses == {
        "Growth Board": ("proposed", "partnership"),
        "Town BID": ("ended", "partnership"),
        "Beta Forum": ("active", "joint-working"),
    }
    assert "'Partnership - Proposed' read as status proposed" in result.stdout
    (council / "with-status.csv").write_text(
        "Partnership name,Type,Status\nAlpha Board,Partnership - Proposed,Active\n"
    )
    result = partreg(council, "import", "with-status.csv", "--write")
    assert "read as status" not in result.stdout, "a status column says the status: the cell is not said to"
    assert next(e for e in entries(council).values() if e["title"] == "Alpha Board")["status"] == "active"


@pytest.mark.spawns
def test_a_grants_amount_a_year_over_several_years_is_not_published_as_the_whole_grant(council):
    """`£45,000 pa` for a grant from April 2024 to March 2027 was written as the grant's amount, and
    published as £45,000 in grants: about £135,000 less than was given."""
    (council / "sheet.csv").write_text(
        "Partnership name,Type,Partner organisations,Funding,Start date,End date\n"
        'Citizens Advice Core Grant,Grant,Citizens Advice,"£45,000 pa",01/04/2024,31/03/2027\n'
        'Youth Club Grant,Grant,Shenfield Youth Trust,"£5,000 pa",01/04/2026,31/03/2027\n'
        'Thirteen Months,Grant,Charity B,"£4,000 pa",01/04/2025,30/04/2026\n'
        'Open Grant,Grant,Charity C,"£3,000 a year",01/04/2025,\n'
        'Undated Grant,Grant,Charity D,"£2,000 per annum",,\n'
    )
    result = partreg(council, "import", "sheet.csv", "--write")
    assert (
        "'£45,000 pa' is a year's, and the grant runs more than a year: recorded as the council's"
        in result.stdout
    )
    found = entries(council)
    several = next(e for e in found.values() if e["title"].startswith("Citizens"))
    one = next(e for e in found.values() if e["title"].startswith("Youth"))
    assert several["resources"] == {"council": {"funding_gbp": 45000}} and "amount_gbp" not in several.get(
        "funding", {}
    )
    assert one["funding"]["amount_gbp"] == 5000, "a year's grant: its year is its whole"
    longer = next(e for e in found.values() if e["title"] == "Thirteen Months")
    assert longer["resources"] == {"council": {"funding_gbp": 4000}}, "13 months is more than a year"
    # with no end, a grant's amount a year is no more its whole than over three years
    for title, amount in (("Open Grant", 3000), ("Undated Grant", 2000)):
        grant = next(e for e in found.values() if e["title"] == title)
        assert grant["resources"] == {"council": {"funding_gbp": amount}}, title
        assert "amount_gbp" not in grant.get("funding", {}), title
    assert (
        "'£3,000 a year' is a year's, and the grant does not say how long it runs: recorded as"
        in " ".join(result.stdout.split())
    )


def test_of_two_columns_for_the_title_the_one_that_says_it_is_a_name_gives_it():
    """`Partnership / Arrangement` beside `Partnership Name`: the first had become the title's
    column, and a sheet whose first column held the type wrote `partnership.yaml`, `contract.yaml`."""
    both = map_columns(["Partnership / Arrangement", "Partnership Name", "Lead Officer"], {}).columns
    assert [(c.letter, c.key) for c in both[:2]] == [("A", None), ("B", ("title",))]
    assert both[0].why == "title comes from column B"
    [alone, _] = map_columns(["Partnership / Arrangement", "Lead Officer"], {}).columns
    assert alone.key == ("title",)


def test_a_status_as_registers_write_an_arrangement_that_has_stopped_is_ended(tmp_path):
    """ "Withdrawn" and "Lapsed" had been left unread, and the entry, with no status, counted as due
    a review; "On hold" says no more than that, and is still left for the officer."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Partners,Status\nA,Essex Police,Withdrawn\nB,Essex Police,Lapsed\n"
        "C,Essex Police,Cancelled\nD,Essex Police,Wound up\nE,Essex Police,On hold\n",
    )
    assert [r.data.get("status") for r in result.rows] == ["ended", "ended", "ended", "ended", None]
    assert "'On hold' kept in internal notes" in "\n".join(lines)


def test_a_row_with_no_title_is_said_at_its_title_cell(tmp_path):
    """A row with no title had been written with no word at its row: the page then listed it as
    'Untitled arrangement (...-untitled-1666f1)'."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Partners,Lead Officer\n,Essex Police,Housing Manager\nB Forum,Essex Police,Housing Manager\n",
    )
    untitled = result.rows[0].data["id"]
    assert untitled.startswith("register-untitled-")
    said = [line for line in lines if line.startswith(str(tmp_path))]
    assert said == [
        f"{tmp_path / 'register.csv'}:2:A: [warning] 'Partnership name': no title: written as {untitled}, which "
        "the page lists as 'Untitled arrangement' until it has one"
    ]


def test_an_amount_whose_words_say_it_is_not_a_years_is_not_the_councils_money_a_year(tmp_path):
    """A contribution column's '£15k over 3 years' and '£50k capital' had been recorded as the
    council's money a year, and the page published '£15,000 a year'."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Type,Partners,Council contribution (£)\n"
        "Youth Partnership,Partnership,Essex Police,£15k over 3 years\n"
        "Depot Partnership,Partnership,Essex Police,£50k capital\n"
        "Safety Partnership,Partnership,Essex Police,c. £5k\n",
    )
    youth, depot, safety = (r.data for r in result.rows)
    assert "resources" not in youth and "resources" not in depot
    assert notes(youth) == ["Council contribution (£): £15k over 3 years"]
    assert safety["resources"] == {"council": {"funding_gbp": 5000}}, "nothing says it is not a year's"
    said = "\n".join(lines)
    assert (
        "'£15k over 3 years' kept in internal notes: 'over 3 years' says it is not a year's, and the council's "
        "money is recorded a year (resources.council.funding_gbp, published as 'a year')"
    ) in said
    assert "'£50k capital' kept in internal notes: 'capital' says it is not a year's" in said
    assert "'c. £5k' read as £5,000; the whole text is kept in internal notes" in said


def test_money_given_by_the_quarter_or_the_month_is_made_a_years_in_kind_is_not_money_and_a_most_is_no_amount(
    tmp_path,
):
    """'£2,500 per quarter' had been recorded as a contract's value and the council's £2,500 a year
    (and so left out of the Transparency Code's contracts over £5,000); '£500 in kind' as £500 of
    money a year; 'Up to £10,000' as £10,000 a year."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Type,Partners,Start date,End date,Contract value,Annual contribution (£)\n"
        'Waste Contract,Contract,Veolia,01/04/2016,31/03/2026,"£2,500 per quarter",\n'
        "Homelessness Forum,Joint working,Brentwood CVS,,,,£800 monthly\n"
        "Town Partnership,Partnership,Essex Police,,,,£500 in kind\n"
        'Domestic Abuse Partnership,Partnership,Safer Places,,,,"Up to £10,000"\n',
    )
    waste, forum, town, abuse = (r.data for r in result.rows)
    assert waste["contract"] == {"annual_value_gbp": 10000}
    assert forum["resources"] == {"council": {"funding_gbp": 9600}}
    assert town["resources"] == {"council": {"other": "£500 in kind"}}
    assert "resources" not in abuse and notes(abuse) == ["Annual contribution (£): Up to £10,000"]
    said = "\n".join(lines)
    assert "'£2,500 per quarter' read as £10,000 a year (£2,500 a quarter, 4 a year)" in said
    assert "'£800 monthly' read as £9,600 a year (£800 a month, 12 a year)" in said
    assert "'Up to £10,000' kept in internal notes: 'Up to' says it is the most that may be given" in said


def test_an_amount_a_year_for_some_years_is_a_years_and_a_header_naming_capital_as_one_choice_says_nothing(
    tmp_path,
):
    result, _ = dry_run(
        tmp_path,
        "Partnership name,Type,Partners,Council contribution (revenue or capital)\n"
        "A Partnership,Partnership,Essex Police,£15k per year for 3 years\n"
        'B Partnership,Partnership,Essex Police,"£10,000 (revenue, not capital)"\n'
        "C Partnership,Partnership,Essex Police,£50k capital\n",
    )
    a, b, c = (r.data for r in result.rows)
    assert a["resources"] == {"council": {"funding_gbp": 15000}}
    assert b["resources"] == {"council": {"funding_gbp": 10000}}
    assert "resources" not in c


def test_a_list_cells_line_that_is_only_and_is_no_item(tmp_path):
    result, lines = dry_run(
        tmp_path, 'Partnership name,Partners\nA Partnership,"NHS Southend CCG\nand\nEssex Police"\n'
    )
    assert [p["name"] for p in result.rows[0].data["partners"]] == ["NHS Southend CCG", "Essex Police"]
    assert "'and' starts with 'and': each line is read as one item, without it" in "\n".join(lines)


def test_a_financial_year_across_a_century_is_one():
    import datetime as dt

    from partreg.sheetdates import financial_year

    assert financial_year("1999/00") == (dt.date(1999, 4, 1), dt.date(2000, 3, 31))
    assert financial_year("2024/25") == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert financial_year("2024/26") is None


def test_excel_s_day_nought_as_openpyxl_gives_it_is_no_date():
    """openpyxl gives a cell of Excel's day 0 as midnight, a time with no day."""
    import datetime as dt

    from partreg.readers import Unplaced
    from partreg.sheetdates import read_date

    with pytest.raises(Unplaced, match="Excel's date for an empty date cell"):
        read_date(dt.time())


def test_a_table_copied_from_pages_passes_over_its_page_numbers_and_footnotes_and_leaves_out_their_marks(
    tmp_path,
):
    """A register printed over pages, copied into a sheet: "Page 1 of 2" and the footnotes had been
    written as arrangements, and "Essex Police¹" published with its mark."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Type,Lead Officer,Partner organisations,Status\n"
        "Town Partnership,Partnership,Head of Policy,Essex Police\u00b9,Active (see note 3)\n"
        "Page 1 of 2,,,,\n"
        "Partnership name,Type,Lead Officer,Partner organisations,Status\n"
        "Youth Grant,Grant,Head of Housing,Shenfield Youth Trust*,Active\n"
        "Page 2 of 2,,,,\n"
        "\u00b9 Joined 2019,,,,\n"
        "* Estimated,,,,\n"
        "Note 3: subject to review by Cabinet in 2025,,,,\n",
    )
    assert [r.data["title"] for r in result.rows] == ["Town Partnership", "Youth Grant"]
    town, grant = (r.data for r in result.rows)
    assert town["partners"] == [{"name": "Essex Police"}] and town["status"] == "active"
    assert grant["partners"] == [{"name": "Shenfield Youth Trust"}]
    assert "Partner organisations: Essex Police\u00b9" in notes(town)
    said = "\n".join(lines)
    assert "'Essex Police\u00b9' read as 'Essex Police' (a footnote's mark left out)" in said
    for row, text in ((3, "Page 1 of 2"), (6, "Page 2 of 2"), (7, "\u00b9 Joined 2019"), (8, "* Estimated")):
        assert f"Row {row} passed over, '{text}': a note about the sheet, not an arrangement." in said


def test_a_status_that_says_when_it_ended_gives_the_end_where_no_column_does(tmp_path):
    """'Ended 2021' had been no status at all: the contract was published with its status not
    recorded and a review overdue since 2012."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Type,Partners,Start date,End date,Status\n"
        "Leisure Contract,Contract,Everyone Active,01/04/2011,,Ended 2021\n"
        "Waste Contract,Contract,Veolia,01/04/2011,31/03/2021,Closed on 31/03/2021\n"
        "Youth Forum,Joint working,Essex Police,2015,,Ended (March 2019)\n",
    )
    leisure, waste, youth = (r.data for r in result.rows)
    assert (leisure["status"], leisure["end"]) == ("ended", 2021)
    assert (waste["status"], waste["end"]) == ("ended", dt.date(2021, 3, 31))
    assert (youth["status"], youth["end"]) == ("ended", "2019-03")
    said = "\n".join(lines)
    assert (
        "'Ended 2021' read as status ended, and the end, 2021; the whole text is kept in internal notes"
        in said
    )
    assert "'Closed on 31/03/2021' read as status ended (another column gives the end)" in said


def lives(result: Any) -> list[tuple[Any, Any]]:
    """Each row's start and end, as import read them."""
    return [(r.data.get("start"), r.data.get("end")) for r in result.rows]


def test_a_term_column_gives_the_start_and_the_end(tmp_path):
    """A "Term" column had gone to the notes without a word, and each arrangement was published
    with no start."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Partners,Term\n"
        "Alpha Partnership,Essex Police,2016-2019\n"
        "Iota Contract,Veolia,01/04/2020 - 31/03/2025\n"
        "Beta Partnership,NHS,April 2016 - March 2019\n"
        "Eta Partnership,NHS,Until further notice\n"
        "Zeta Partnership,NHS,Ongoing since 2012\n"
        "Theta Partnership,NHS,3 years from April 2016\n",
    )
    assert lives(result) == [
        (2016, 2019),
        (dt.date(2020, 4, 1), dt.date(2025, 3, 31)),
        ("2016-04", "2019-03"),
        (None, None),
        (2012, None),
        (None, None),
    ]
    assert notes(result.rows[3].data) == ["Term: Until further notice"]
    assert notes(result.rows[5].data) == ["Term: 3 years from April 2016"]
    said = "\n".join(lines)
    assert "E 'Term'" not in said and "C 'Term'" in said and "→ start and end" in said
    assert "'3 years from April 2016' kept in internal notes: not a term" in said


@pytest.mark.spawns
def test_rows_under_a_title_merged_over_them_are_one_arrangement(council, tmp_path):
    """A title merged over two rows, the second giving another partner, objective and a start: it
    had been written as a second arrangement of the same title, and the dry run told the officer to
    delete a row (losing what it gave)."""
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Partnership name", "Type", "Lead Officer", "Partner organisations", "Start date", "Objectives"]
    )
    sheet.append(["Xi Partnership", "Partnership", "Head of Policy", "Essex Police", "2016", "Obj 1"])
    sheet.append([None, None, None, "NHS", "2018", "Obj 2"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    result = partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write")
    assert result.returncode == 1, result.stderr  # (a cell kept in the notes: for the officer to look at)
    data = entries(council)
    assert list(data) == ["xi-partnership"]
    entry = data["xi-partnership"]
    assert entry["partners"] == [{"name": "Essex Police"}, {"name": "NHS"}]
    assert entry["objectives"] == ["Obj 1", "Obj 2"] and entry["start"] == 2016
    assert entry["internal"]["notes"] == "Start date: 2018"
    assert (
        "'2018' under the title merged over rows 2 to 3 differs from row 2's start: kept in internal notes"
        in (result.stdout)
    )


def test_money_said_by_the_period_only_just_after_it_and_not_where_a_year_is_said(tmp_path):
    """From a review of the first version: "£6,000 a year paid quarterly" had been £24,000 a year,
    "£5,000 towards weekly youth sessions" £260,000; "£5,000 cash plus £500 in kind" had been all
    in kind; "£10,000 to support up to twenty families" no amount."""
    cells = [
        ("£6,000 a year paid quarterly", 6000),
        ("£10,000 pa (paid monthly)", 10000),
        ("£5,000 towards weekly youth sessions", 5000),
        ("£3,000 towards venue hire", 3000),
        ("£10,000 to support up to twenty families", 10000),
        ("£2,500 per quarter", 10000),
        ("£2,500 per quarter for 2 quarters", None),
        ("£5,000 cash plus £500 in kind", None),
    ]
    rows = "".join(f'{n},Partnership,Essex Police,"{cell}"\n' for n, (cell, _) in enumerate(cells))
    result, lines = dry_run(tmp_path, "Partnership name,Type,Partners,Council contribution\n" + rows)
    got = [r.data.get("resources", {}).get("council", {}).get("funding_gbp") for r in result.rows]
    assert got == [amount for _, amount in cells]
    said = "\n".join(lines)
    assert "'£2,500 per quarter for 2 quarters' kept in internal notes: so many payments" in said
    assert "'£5,000 cash plus £500 in kind' kept in internal notes: more than one amount" in said


def test_a_terms_financial_years_open_ends_and_the_columns_that_give_its_dates(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Partners,Term,Start date\n"
        "A,X Ltd,2023/24,\n"
        "B,X Ltd,2016/17 - 2018/19,\n"
        "C,X Ltd,2016 - ongoing,\n"
        "D,X Ltd,April 2016 onwards,\n"
        "E,X Ltd,2018 - 2022,01/04/2016\n",
    )
    assert lives(result) == [
        (dt.date(2023, 4, 1), dt.date(2024, 3, 31)),
        (dt.date(2016, 4, 1), dt.date(2019, 3, 31)),
        (2016, None),
        ("2016-04", None),
        (dt.date(2016, 4, 1), 2022),
    ]
    assert (
        "'2018 - 2022' read as the end, 2022; its start, 2018, is not taken: the start column gives the start"
        in "\n".join(lines)
    )


def test_a_status_with_a_financial_year_or_words_that_are_no_date(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Partners,Status\nA,X Ltd,Ended 2019/20\nB,X Ltd,Closed to new members 2020\n"
        "C,X Ltd,Active (See Note 2)\n",
    )
    a, b, c = (r.data for r in result.rows)
    assert (a["status"], a["end"]) == ("ended", dt.date(2020, 3, 31))
    assert (
        "status" not in b
        and "'Closed to new members 2020' kept in internal notes: not a status" in "\n".join(lines)
    )
    assert c["status"] == "active"


@pytest.mark.parametrize("text", ["Office accommodation, 40m²", "Plan B*"])
def test_a_unit_or_a_letter_is_no_footnote_mark(tmp_path, text):
    result, _ = dry_run(tmp_path, f'Partnership name,Partners,Summary\n"{text}",X Ltd,"{text}"\n')
    assert result.rows[0].data["summary"] == text and result.rows[0].data["title"] == text


def test_a_title_alone_numbered_in_brackets_is_an_arrangement(tmp_path):
    result, _ = dry_run(
        tmp_path,
        "Partnership name,Partners,Lead officer\nA,X Ltd,Manager\nB,X Ltd,Manager\nC,X Ltd,Manager\n"
        "(1) Community Safety Partnership,,\n",
    )
    assert [r.data["title"] for r in result.rows][-1] == "(1) Community Safety Partnership"


@pytest.mark.spawns
def test_a_row_of_another_kind_under_a_merged_title_gives_the_arrangement_none_of_its_fields(
    council, tmp_path
):
    """Its money had been taken as a contract's value of a partnership, and its end as the end."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Partnership name", "Type", "Partner organisations", "Council contribution", "End date"])
    sheet.append(["Xi Partnership", "Partnership", "Essex Police", 5000, None])
    sheet.append([None, "Contract", "NHS Mid Essex", 2000, "31/03/2020"])
    sheet.merge_cells("A2:A3")
    partreg(council, "import", str(save(book, tmp_path / "r.xlsx")), "--write")
    entry = entries(council)["xi-partnership"]
    assert entry["kind"] == "partnership" and "end" not in entry and "contract" not in entry
    assert entry["partners"] == [{"name": "Essex Police"}]
    assert entry["internal"]["notes"].splitlines() == [
        "Type: Contract",
        "Partner organisations: NHS Mid Essex",
        "End date: 31/03/2020",
        "Council contribution: 2000",  # (money is placed once the row's kind is known: last)
    ]


def test_a_status_of_yes_or_no_is_read_and_said_not_taken_silently(tmp_path):
    """A "Status" column of Yes and No had been read as active and ended without a word, and the
    cell's text was lost: "No" may mean not started yet, and the entry was published as ended."""
    result, lines = dry_run(
        tmp_path, "Partnership name,Partners,Status\nA Forum,Essex Police,Yes\nB Forum,Essex Police,No\n"
    )
    assert [r.data.get("status") for r in result.rows] == ["active", "ended"]
    said = "\n".join(lines)
    assert "'Yes' read as status active: if it has not started yet, write status: proposed" in said
    assert "'No' read as status ended: if it has not started yet, write status: proposed" in said
    assert [n for n in result.rows[1].data["internal"]["notes"].splitlines() if n.startswith("Status")] == [
        "Status: No"
    ]


def test_a_title_row_over_the_headers_is_no_part_of_them(tmp_path):
    """A title in the first row's first cell ("Partnership Register 2019 (DRAFT)") had been read
    with the headers below it as a header over two rows: column A was named by the title and its
    header, and every file's notes began with the title."""
    result, lines = dry_run(
        tmp_path,
        "Brentwood District Council \u2013 Partnership Register 2019 (DRAFT),,,\n"
        "Ref,Partnership name,Lead Officer,Partners\nP01,A Forum,Community Safety Manager,Essex Police\n",
    )
    assert "headers on row 2" in "\n".join(lines) or "rows 1 and 2" not in "\n".join(lines)
    [row] = result.rows
    assert row.data["title"] == "A Forum"
    assert row.data["internal"]["notes"].splitlines()[0] == "Ref: P01"


def test_a_header_over_two_rows_is_read_where_its_top_row_names_more():
    from partreg.importer import header_score
    from partreg.sheets.table import find_header

    grouped = [["Partnership", "Lead", "Lead"], ["Name", "Officer", "Member"], ["A Forum", "X", "Cllr Y"]]
    first, count, headers = find_header(grouped, header_score)
    assert (first, count, headers) == (0, 2, ["Partnership Name", "Lead Officer", "Lead Member"])


def test_a_lead_officer_whose_given_name_no_list_holds_is_said_to_be_perhaps_a_name(tmp_path):
    """`Wei Zhang` as a Lead Officer had been imported as the role, and published, without a word.
    Words that name no office may be a role no list holds (`Harbour Master`), so the cell is kept
    and said, and lint warns until it is changed or the warning disabled with a reason."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partners\nA Forum,Wei Zhang,Essex Police\n"
        "B Forum,Harbour Master,Essex Police\nC Forum,Street Scene,Essex Police\n",
    )
    leads = [r.data.get("lead") for r in result.rows]
    assert leads == [{"role": "Wei Zhang"}, {"role": "Harbour Master"}, {"role": "Street Scene"}]
    said = "\n".join(lines)
    assert (
        "'Wei Zhang' names no office or service, and may be a person's name, which lead.role publishes"
        in said
    )
    assert "Harbour Master" not in said and "Street Scene" not in said


def test_a_phone_number_run_on_after_a_role_is_taken_out_and_the_role_kept(tmp_path):
    """`ICT Manager 01277 312500` had gone to the notes whole, and the entry had no lead."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partners\nA Forum,ICT Manager 01277 312500,Essex Police\n"
        "B Forum,Housing Manager tel. 01277 312500,Essex Police\n"
        "C Forum,ICT Manager Tel 01277 312500 Mob 07700 900123,Essex Police\n"
        "D Forum,Housing Manager 01277 312500 ext 4021,Essex Police\nE Forum,Wei Green 01277 312500,Essex Police\n",
    )
    assert [r.data.get("lead") for r in result.rows] == [
        {"role": "ICT Manager"},
        {"role": "Housing Manager"},
        {"role": "ICT Manager"},
        {"role": "Housing Manager"},
        None,  # no word of an office is left: the whole cell is a person's details
    ]
    assert "'01277 312500' reads as a phone number, not published" in "\n".join(lines)
    assert "Lead Officer: ICT Manager 01277 312500" in result.rows[0].data["internal"]["notes"]
