"""A formula whose result the .xlsx file does not hold (a workbook written by a program that does
not calculate, never opened in Excel): its value cannot be read, so the formula is kept in the
entry's internal notes and the officer told where its value goes; once the file is saved in Excel,
an import run again tells the value to add to the file written without it, which it never replaces."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml_rs
from openpyxl import Workbook

from partreg.app.importing import next_steps, plan_import, write_import
from partreg.importer import UNSAVED
from tests.common import new_register, run_partreg

HEADER = ["Partnership name", "Type", "Partners", "Annual contribution (£)", "Start date"]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return new_register(tmp_path)


def unsaved(path: Path) -> Path:
    """A workbook as a program that does not calculate writes it: formulas without their results."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Leisure contract", "Contract", "Everyone Active", "=450000*1.1", "=DATE(2016,4,1)"])
    sheet.append(["Community Safety Partnership", "Partnership", "Essex Police", 25000, None])
    book.save(path)
    return path


def saved_in_excel(path: Path, to: Path) -> Path:
    """The same workbook once Excel has saved it: each formula with its result, to the last bit."""
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    files[name] = (
        files[name]
        .replace(b"<f>450000*1.1</f><v />", b"<f>450000*1.1</f><v>495000.00000000006</v>")
        .replace(b"<f>DATE(2016,4,1)</f><v />", b"<f>DATE(2016,4,1)</f><v>42461</v>")
    )
    with zipfile.ZipFile(to, "w") as z:
        for key, value in files.items():
            z.writestr(key, value)
    return to


def cells(lines: list[str], path: Path) -> list[str]:
    return [line.split(": ", 1)[1] for line in lines if line.startswith(str(path))]


def test_a_formula_with_no_saved_result_is_kept_in_the_notes_and_said_where_its_value_goes(
    register, tmp_path
):
    path = unsaved(tmp_path / "register.xlsx")
    planned = plan_import(register, path, [])
    said = cells(planned.lines, path)
    assert said == [
        "[warning] 'Annual contribution (£)': the formula '=450000*1.1' has no saved result (the file was "
        "written by a program that does not calculate), so it is kept in internal notes and its value is not "
        "imported: open the file in Excel and save it, then import it again before --write; or, once "
        "written, add its value to register/leisure-contract.yaml as contract.annual_value_gbp",
        "[warning] 'Start date': the formula '=DATE(2016,4,1)' has no saved result (the file was written by a "
        "program that does not calculate), so it is kept in internal notes and its value is not imported: "
        "open the file in Excel and save it, then import it again before --write; or, once written, add its "
        "value to register/leisure-contract.yaml as start",
    ], "the first row below the header is read for formulas too"
    assert planned.attention
    leisure = planned.new[0].data
    assert leisure["internal"]["notes"].splitlines() == [
        "Annual contribution (£): =450000*1.1 (a formula with no saved result: its value was not imported)",
        "Start date: =DATE(2016,4,1) (a formula with no saved result: its value was not imported)",
    ]
    assert "Add to its file the value of each formula the sheet had not saved" in next_steps(planned.new)


def test_the_value_saved_later_is_told_for_the_file_written_without_it_and_never_over_the_officers(
    register, tmp_path
):
    write_import(register, plan_import(register, unsaved(tmp_path / "register.xlsx"), []))
    written = register / "register" / "leisure-contract.yaml"
    before = written.read_bytes()
    saved = saved_in_excel(tmp_path / "register.xlsx", tmp_path / "saved.xlsx")
    again = plan_import(register, saved, [])
    assert again.new == [] and written.read_bytes() == before, "a file is never replaced"
    assert cells(again.lines, saved) == [
        "[warning] 'Annual contribution (£)': the formula '=450000*1.1' had no saved result when "
        "register/leisure-contract.yaml was written; the sheet now holds its value, which the file does not "
        "record: add `annual_value_gbp: 495000` under `contract:` to register/leisure-contract.yaml",
        "[warning] 'Start date': the formula '=DATE(2016,4,1)' had no saved result when "
        "register/leisure-contract.yaml was written; the sheet now holds its value, which the file does not "
        "record: add `start: 2016-04-01` to register/leisure-contract.yaml",
    ]
    assert again.attention
    # the officer records the start, and a contract value of their own: neither is told again
    text = written.read_text("utf-8").replace("partners:", "start: 2016-04-01\npartners:")
    written.write_text(text.replace("internal:", "contract:\n  annual_value_gbp: 500000\ninternal:"), "utf-8")
    done = plan_import(register, saved, [])
    assert cells(done.lines, saved) == [] and not done.attention


@pytest.mark.spawns
def test_an_officer_imports_before_and_after_saving_in_excel(tmp_path):
    run_partreg(tmp_path, "init", "reg", "--council", "Brentwood Borough Council", check=True)
    base = tmp_path / "reg"
    first = run_partreg(base, "import", str(unsaved(tmp_path / "register.xlsx")), "--write")
    assert first.returncode == 1 and "Wrote 2 files" in first.stdout
    saved = saved_in_excel(tmp_path / "register.xlsx", tmp_path / "saved.xlsx")
    again = run_partreg(base, "import", str(saved), "--write")
    assert again.returncode == 1, "a value to add needs a look"
    assert (
        "add `annual_value_gbp: 495000` under `contract:` to register/leisure-contract.yaml" in again.stdout
    )
    run_partreg(base, "render", "--out", str(tmp_path / "site"), check=True)
    site = "".join(p.read_text("utf-8") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert "450000*1.1" not in site, "the formula is in the internal notes"
    entry = yaml_rs.loads((base / "register" / "leisure-contract.yaml").read_text("utf-8"))
    assert "=450000*1.1" in entry["internal"]["notes"]


def test_a_formula_right_of_the_header_or_in_a_row_of_nothing_else_is_still_said(register, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Leisure contract", "Contract", "Everyone Active", 450000, None, "=D2*1.1"])
    sheet.append([None, None, None, "=SUM(D2:D2)"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    planned = plan_import(register, path, [])
    [row] = planned.new
    assert (
        row.data["internal"]["notes"]
        == "Column F: =D2*1.1 (a formula with no saved result: its value was not imported)"
    )
    said = cells(planned.lines, path)
    assert said[0].startswith("[warning] the formula '=D2*1.1' has no saved result")
    assert said[1].startswith(
        "[warning] 'Annual contribution (£)': the formula '=SUM(D2:D2)' has no saved result"
    )
    assert said[1].endswith("import it again before --write"), "no file is written for a row of nothing else"


def test_a_totals_row_of_formulas_alone_is_not_said_to_be_kept(register, tmp_path):
    """A row holding only `=SUM(...)` is no entry: nothing keeps its formula, and the warning says so."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Leisure contract", "Contract", "Everyone Active", 450000, None])
    sheet.append([None, None, None, "=SUM(D2:D2)", None])
    path = tmp_path / "totals.xlsx"
    book.save(path)
    planned = plan_import(register, path, [])
    [said] = [line for line in cells(planned.lines, path) if "SUM" in line]
    assert "its row is no entry: open the file in Excel and save it" in said and "kept" not in said


def titles_from_another_sheet(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    """A register whose titles are formulas reading a sheet of titles, written by a program that does
    not calculate: each title's cell holds its formula and no result."""
    book = Workbook()
    sheet = book.active
    sheet.append(header or ["Partnership name", "Lead Officer", "Partner organisations", "Start date"])
    for row in rows:
        sheet.append(row)
    book.create_sheet("Titles")
    book.save(path)
    return path


def public(data: dict[str, object]) -> str:
    return repr({k: v for k, v in data.items() if k != "internal"})


def test_rows_whose_titles_are_formulas_with_no_saved_result_each_get_their_own_id(register, tmp_path):
    """Two such rows alike in every other cell had had one id, the second `-2` and "row 3 has the
    same id"; now each is told at its row, to save the sheet in Excel and import it again."""
    path = titles_from_another_sheet(
        tmp_path / "register.xlsx",
        [
            ["Community Safety Partnership", "Community Safety Manager", "Essex Police", "01/04/2019"],
            ["=Titles!B2", "Head of Housing", "Shelter", "01/04/2020"],
            ["Youth forum", "Youth Officer", "Essex County Council", "01/04/2020"],
            ["=Titles!B3", "Head of Housing", "Shelter", "01/04/2020"],
        ],
    )
    planned = plan_import(register, path, [])
    csp, second, youth, fourth = planned.new
    assert (csp.id, youth.id) == ("community-safety-partnership", "youth-forum")
    assert second.id != fourth.id
    for row, formula in ((second, "=Titles!B2"), (fourth, "=Titles!B3")):
        assert row.id.startswith("register-untitled-") and not row.id.endswith("-2"), row.id
        assert "title" not in row.data and formula not in public(row.data), "no formula is published"
        assert row.data["lead"] == {"role": "Head of Housing"}
        assert f"Partnership name: {formula} (a formula with no saved result" in row.data["internal"]["notes"]
    assert not any("has the same id" in line for line in planned.lines)
    said = cells(planned.lines, path)
    assert said == [
        "[warning] 'Partnership name': the formula '=Titles!B2' has no saved result (the file was written by "
        f"a program that does not calculate), so row 3 has no title to import: the formula is kept in internal "
        f"notes, and the row's id, {second.id}, is made from its other cells. Open the file in Excel and save "
        "it, so that the values are stored, then import it again before --write; or, once written, add its "
        f"title to register/{second.id}.yaml",
        "[warning] 'Partnership name': the formula '=Titles!B3' has no saved result (the file was written by "
        f"a program that does not calculate), so row 5 has no title to import: the formula is kept in internal "
        f"notes, and the row's id, {fourth.id}, is made from its other cells. Open the file in Excel and save "
        "it, so that the values are stored, then import it again before --write; or, once written, add its "
        f"title to register/{fourth.id}.yaml",
    ]
    assert [line.split(": ", 1)[0] for line in planned.lines if "=Titles!" in line] == [
        f"{path}:3:A",
        f"{path}:5:A",
    ]
    write_import(register, planned)
    again = plan_import(register, path, [])
    assert again.new == [], "the same sheet imported again finds each row's file by its id"


def test_a_row_whose_title_is_a_formula_is_no_continuation_of_the_row_above(register, tmp_path):
    """A row whose title reads as blank and whose other cells repeat the row above, or say only its
    reference, had been added to the entry above as its continuation: an arrangement lost in another."""
    path = titles_from_another_sheet(
        tmp_path / "register.xlsx",
        [
            ["P001", "Homelessness Forum", "Head of Housing", "Shelter", "01/04/2020"],
            ["P002", "=Titles!B2", "Head of Housing", "Shelter", "01/04/2020"],
            ["P003", "=Titles!B3", "Head of Housing", "Shelter", "01/04/2020"],
            ["P004", "=Titles!B4", None, None, None],
        ],
        ["Ref", "Partnership name", "Lead Officer", "Partner organisations", "Start date"],
    )
    planned = plan_import(register, path, [])
    assert [row.number for row in planned.new] == [2, 3, 4, 5]
    assert len({row.id for row in planned.new}) == 4
    forum = planned.new[0].data
    assert forum["partners"] == [{"name": "Shelter"}] and forum["internal"]["notes"] == "Ref: P001"
    assert planned.new[3].data["internal"]["notes"].splitlines()[0] == "Ref: P004"
    assert not any("continues row" in line or line.startswith("Row ") for line in planned.lines)


def titles_saved_in_excel(path: Path, to: Path, titles: dict[str, str]) -> Path:
    """The workbook of :func:`titles_from_another_sheet` once Excel has saved it: each title's
    formula (``Titles!B2``) with its result."""
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    for formula, title in titles.items():
        cell = files[name].split(f"<f>{formula}</f><v />".encode())[0].rsplit(b"<c ", 1)[1]
        files[name] = files[name].replace(
            b"<c " + cell + f"<f>{formula}</f><v />".encode(),
            b"<c " + cell.replace(b">", b' t="str">') + f"<f>{formula}</f><v>{title}</v>".encode(),
        )
    to.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(to, "w") as z:
        for key, value in files.items():
            z.writestr(key, value)
    return to


REFERENCED = [
    ["P001", "Community Safety Partnership", "Community Safety Manager", "Essex Police", "01/04/2019"],
    ["P002", "=Titles!B2", "Head of Housing", "Shelter", "01/04/2020"],
    ["P003", "=Titles!B3", "Head of Housing", "Sanctuary Housing", "01/04/2021"],
]
REF_HEADER = ["Ref", "Partnership name", "Lead Officer", "Partner organisations", "Start date"]


def test_once_saved_in_excel_a_title_written_without_its_value_is_told_and_its_row_not_written_again(
    register, tmp_path
):
    """Its id made from its other cells, the row would have had another once its title was saved,
    and been written a second time beside the file written without its title."""
    unsaved_book = titles_from_another_sheet(tmp_path / "register.xlsx", REFERENCED, REF_HEADER)
    first = plan_import(register, unsaved_book, [])
    write_import(register, first)
    homelessness, housing = (row.id for row in first.new[1:])
    files = sorted(p.name for p in (register / "register").iterdir())
    saved = titles_saved_in_excel(
        unsaved_book,
        tmp_path / "saved" / "register.xlsx",  # the same workbook, saved in Excel under its own name
        {"Titles!B2": "Homelessness Forum", "Titles!B3": "Housing Board"},
    )
    again = plan_import(register, saved, [])
    assert again.new == [], "each row is found in the file written for it"
    assert cells(again.lines, saved) == [
        f"[warning] 'Partnership name': the formula '=Titles!B2' had no saved result when register/{homelessness}.yaml "
        "was written; the sheet now holds its value, which the file does not record: add `title: Homelessness "
        f"Forum` to register/{homelessness}.yaml",
        f"[warning] 'Partnership name': the formula '=Titles!B3' had no saved result when register/{housing}.yaml "
        "was written; the sheet now holds its value, which the file does not record: add `title: Housing "
        f"Board` to register/{housing}.yaml",
    ]
    write_import(register, again)
    assert sorted(p.name for p in (register / "register").iterdir()) == files
    written = register / "register" / f"{homelessness}.yaml"
    written.write_text("title: Homelessness Forum\n" + written.read_text("utf-8"), "utf-8")
    done = plan_import(register, saved, [])
    assert done.new == [] and cells(done.lines, saved) == [
        f"[warning] 'Partnership name': the formula '=Titles!B3' "
        f"had no saved result when register/{housing}.yaml was written; the sheet now holds its value, which the "
        f"file does not record: add `title: Housing Board` to register/{housing}.yaml"
    ]


def test_rows_alike_but_for_their_titles_are_each_said_to_be_maybe_a_file_written_without_one(
    register, tmp_path
):
    """Once saved, a formula is not read: which of two rows alike in every other cell a file was
    written for is not known, so neither takes it, and each is told."""
    rows = [["Youth forum", "Youth Officer", "Essex County Council", "01/04/2020"],
            ["=Titles!B2", "Head of Housing", "Shelter", "01/04/2020"],
            ["=Titles!B3", "Head of Housing", "Shelter", "01/04/2020"]]  # fmt: skip
    unsaved_book = titles_from_another_sheet(tmp_path / "register.xlsx", rows)
    first = plan_import(register, unsaved_book, [])
    write_import(register, first)
    one, other = sorted(row.id for row in first.new[1:])
    saved = titles_saved_in_excel(
        unsaved_book,
        tmp_path / "saved" / "register.xlsx",
        {"Titles!B2": "Homelessness Forum", "Titles!B3": "Housing Board"},
    )
    again = plan_import(register, saved, [])
    assert [row.id for row in again.new] == ["homelessness-forum", "housing-board"]
    assert cells(again.lines, saved) == [
        f"[warning] 'Partnership name': '{title}' may be the arrangement register/{one}.yaml or "
        f"register/{other}.yaml was written for while the titles were formulas with no saved result (rows 3, 4 "
        "are alike but for their titles): if it is, give that file its title and delete this row from the sheet "
        "before --write"
        for title in ("Homelessness Forum", "Housing Board")
    ]
    assert again.attention


# ---------------------------------------------------------------- a CSV saved with its formulas

#: A council's sheet saved by Excel as "CSV" (Windows-1252) while it showed its formulas: a title
#: read from a sheet of titles, a lead officer looked up, a contribution summed. Beside them, cells
#: an officer wrote that start as a formula does and are none.
FORMULAS_CSV = (
    "Partnership name,Lead Officer,Partner organisations,Annual contribution (\u00a3),Start date,Notes\r\n"
    "Safer Streets,Community Safety Manager,Essex Police,=SUM(B2:B9),01/04/2019,= 50% share with the police\r\n"
    "=Titles!B2,Head of Housing,Shelter,25000,01/04/2020,-\r\n"
    'Youth Forum,"=VLOOKUP(A3,Sheet2!A:B,2,FALSE)",Essex County Council,-,01/04/2021,+1 FTE from the county\r\n'
    ",,,=SUM(D2:D4),,\r\n"
)
#: The same sheet exported again with values (copy, Paste Special > Values, save as CSV).
VALUES_CSV = (
    "Partnership name,Lead Officer,Partner organisations,Annual contribution (\u00a3),Start date,Notes\r\n"
    '"Safer Streets",Community Safety Manager,Essex Police,"\u00a325,000",01/04/2019,= 50% share with the police\r\n'
    "Homelessness Forum,Head of Housing,Shelter,25000,01/04/2020,-\r\n"
    "Youth Forum,Youth Officer,Essex County Council,-,01/04/2021,+1 FTE from the county\r\n"
    ",,,50000,,\r\n"
)
EXPORTED = (
    "is in the file in place of its value (the sheet was saved as CSV with its formulas, not their values)"
)
EXPORT_AGAIN = "xport the sheet again with values (in Excel: copy, Paste Special > Values, then save as CSV)"


def formulas_csv(path: Path, text: str = FORMULAS_CSV) -> Path:
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("cp1252"))
    return path


def test_a_csv_cell_that_is_a_formula_is_kept_in_the_notes_and_never_published(register, tmp_path):
    """A formula's text in a CSV had been imported as the value: `=Titles!B2` as the title (and the
    id made from it), `=VLOOKUP(...)` as the lead's role, both published."""
    path = formulas_csv(tmp_path / "register.csv")
    planned = plan_import(register, path, [])
    streets, untitled, youth = (row.data for row in planned.new)
    assert streets["title"] == "Safer Streets" and "resources" not in streets
    assert streets["internal"]["notes"].splitlines() == [
        "Notes: = 50% share with the police",  # text that starts with "=", and no formula: the officer's
        f"Annual contribution (\u00a3): =SUM(B2:B9) {UNSAVED}",
    ]
    assert untitled["id"].startswith("register-untitled-") and "title" not in untitled
    assert untitled["lead"] == {"role": "Head of Housing"}
    assert untitled["resources"] == {"council": {"funding_gbp": 25000}}
    assert untitled["internal"]["notes"].splitlines() == [
        "Notes: -",  # a leading "-" is no formula
        f"Partnership name: =Titles!B2 {UNSAVED}",
    ]
    assert youth["title"] == "Youth Forum" and "lead" not in youth
    assert youth["internal"]["notes"].splitlines() == [
        "Notes: +1 FTE from the county",  # a leading "+" is no formula
        f"Lead Officer: =VLOOKUP(A3,Sheet2!A:B,2,FALSE) {UNSAVED}",
    ]
    for data in (streets, untitled, youth):
        assert "=" not in public(data), "no formula is published"
    said = [line.removeprefix(str(path)) for line in planned.lines if line.startswith(str(path))]
    assert said == [
        f":2:D: [warning] 'Annual contribution (\u00a3)': the formula '=SUM(B2:B9)' {EXPORTED}, so it is kept "
        f"in internal notes and its value is not imported: e{EXPORT_AGAIN}, then import it again before "
        "--write; or, once written, add its value to register/safer-streets.yaml as resources.council.funding_gbp",
        f":3:A: [warning] 'Partnership name': the formula '=Titles!B2' {EXPORTED}, so row 3 has no title to "
        f"import: the formula is kept in internal notes, and the row's id, {untitled['id']}, is made from its "
        f"other cells. E{EXPORT_AGAIN}, then import it again before --write; or, once written, add its title "
        f"to register/{untitled['id']}.yaml",
        f":4:B: [warning] 'Lead Officer': the formula '=VLOOKUP(A3,Sheet2!A:B,2,FALSE)' {EXPORTED}, so it is "
        f"kept in internal notes and its value is not imported: e{EXPORT_AGAIN}, then import it again before "
        "--write; or, once written, add its value to register/youth-forum.yaml as lead.role",
        f":5:D: [warning] 'Annual contribution (\u00a3)': the formula '=SUM(D2:D4)' {EXPORTED}, so its row is no "
        f"entry: e{EXPORT_AGAIN}, then import it again before --write",
    ]
    assert planned.attention
    assert "Add to each of the 3 files the value of each formula" in next_steps(planned.new)


def test_a_csv_exported_again_with_values_tells_each_value_to_add_and_writes_no_row_twice(register, tmp_path):
    first = plan_import(register, formulas_csv(tmp_path / "register.csv"), [])
    write_import(register, first)
    untitled = first.new[1].id
    files = sorted(p.name for p in (register / "register").iterdir())
    path = formulas_csv(tmp_path / "again" / "register.csv", VALUES_CSV)  # the same sheet, its own name
    again = plan_import(register, path, [])
    assert again.new == [], "each row is found in the file written for it"
    assert cells(again.lines, path) == [
        "[warning] 'Annual contribution (\u00a3)': the formula '=SUM(B2:B9)' had no saved result when "
        "register/safer-streets.yaml was written; the sheet now holds its value, which the file does not "
        "record: add `funding_gbp: 25000` under `council:` under `resources:` to register/safer-streets.yaml",
        f"[warning] 'Partnership name': the formula '=Titles!B2' had no saved result when register/{untitled}.yaml "
        "was written; the sheet now holds its value, which the file does not record: add `title: Homelessness "
        f"Forum` to register/{untitled}.yaml",
        "[warning] 'Lead Officer': the formula '=VLOOKUP(A3,Sheet2!A:B,2,FALSE)' had no saved result when "
        "register/youth-forum.yaml was written; the sheet now holds its value, which the file does not record: "
        "add `role: Youth Officer` under `lead:` to register/youth-forum.yaml",
    ]
    write_import(register, again)
    assert sorted(p.name for p in (register / "register").iterdir()) == files


@pytest.mark.parametrize(
    "cell",
    [
        "=Titles!B2",
        "=VLOOKUP(A3,Sheet2!A:B,2,FALSE)",
        "=SUM(B2:B9)",
        "=450000*1.1",
        "=DATE(2016,4,1)",
        "=D2*1.1",
        '=A1&" "&B1',
        '=IF(C2="Y","Yes","No")',
        "=TODAY()",
        "=IF(A1,,B1)",
        "=IFERROR(VLOOKUP($A3,'Lead officers'!$A:$C,3,FALSE),\"\")",
        "=_xlfn.XLOOKUP(A2,Partners[Name],Partners[Lead])",
        "=[Book1.xlsx]Sheet1!A1",
        "=-SUM(A1:A3)",
        '=HYPERLINK("https://democracy.rochford.gov.uk/mgIssueHistoryHome.aspx?IId=1234","Minutes")',
        "=B2 ",
    ],
)
def test_a_csv_cell_reads_as_a_formula(cell):
    from partreg.sheets.csvfile import is_formula

    assert is_formula(cell)


@pytest.mark.parametrize(
    "cell",
    [
        "= 50% share",
        "=50%",
        "=TBC",
        "=N/A",
        "=N/A - see note",
        "==== Leisure ====",
        "=see note(s)",
        "=Yes (see note)",
        "=\u00a3500",
        "=Essex Police",
        "=B2B partnership",
        "=TRUE",
        "=",
        "=SUM(A1",
        "-",
        "+44 1702 546366",
        "-\u00a3500",
        "@Home Housing",
        "+cmd|' /C calc'!A0",  # an attack on a spreadsheet, as text: no formula to a CSV, never published as one
        "=" + "A1+" * 3000 + "A1",  # longer than Excel's longest formula
    ],
)
def test_a_csv_cell_that_starts_as_a_formula_may_be_text(cell):
    from partreg.sheets.csvfile import is_formula

    assert not is_formula(cell)


def test_a_title_written_as_a_formula_beside_another_formula_is_found_once_both_hold_values(
    register, tmp_path
):
    """The row's id was made with its title and its other formula blank (neither had a value); once
    the sheet holds both values, the row is found in that file all the same, and not written again."""
    sheet = (
        "Partnership name,Lead Officer,Partner organisations,Annual contribution (\u00a3),Start date\r\n"
        "=Titles!B4,Head of Leisure,Leisure Trust,=450000*1.1,01/04/2020\r\n"
    )
    first = plan_import(register, formulas_csv(tmp_path / "register.csv", sheet), [])
    write_import(register, first)
    [untitled] = [row.id for row in first.new]
    values = sheet.replace("=Titles!B4", "Leisure Partnership").replace("=450000*1.1", "495000")
    again = plan_import(register, formulas_csv(tmp_path / "again" / "register.csv", values), [])
    assert again.new == [], "the row is found in the file written for it"
    said = "\n".join(again.lines)
    assert f"add `title: Leisure Partnership` to register/{untitled}.yaml" in said
    assert (
        f"add `funding_gbp: 495000` under `council:` under `resources:` to register/{untitled}.yaml" in said
    )
