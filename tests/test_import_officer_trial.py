"""A new officer's first import, from the Windows-1252 CSV their council kept: money the sheet never
called a year's, a row pasted twice, and section headings in capitals."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from partreg.importer import header_score, import_report, map_columns, read_rows
from partreg.models import Settings
from partreg.sheets import read_sheet
from tests.common import run_partreg as partreg

HEADER = [
    "Partnership name", "Lead Officer", "Partners", "Start date", "End date", "Funding (£)",
    "Statutory? (Y/N)", "Notes",
]  # fmt: skip


def sheet(tmp_path: Path, *rows: list[str]) -> Path:
    """The officer's sheet as Excel saves "CSV (Comma delimited)": Windows-1252, CRLF line ends."""
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    path = tmp_path / "register.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


def dry_run(path: Path) -> tuple[Any, list[str]]:
    table = read_sheet(path, header_score)
    mapping = map_columns(table.headers, {})
    result = read_rows(table.display, path.stem, table.rows, mapping, Settings(council="Southend"))
    lines, _ = import_report(table, mapping, result, set(), "register")
    return result, lines


def at(lines: list[str], where: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in lines if f":{where}: " in line]


def test_an_amount_the_sheet_never_calls_a_years_is_not_published_as_a_year(tmp_path):
    result, lines = dry_run(
        sheet(
            tmp_path,
            [
                "Safer Streets Fund Round 4",
                "Head of Community Safety",
                "Home Office",
                "01/10/2022",
                "31/03/2023",
                "£450,000",
                "N",
                "Home Office grant \u2013 £450k",
            ],
            [
                "Towns Fund Board",
                "Director of Regeneration",
                "Homes England",
                "2020",
                "2026",
                "£1,500,000",
                "N",
                "",
            ],
            ["Café Culture Forum", "Town Centre Manager", "Southend BID", "2021", "", "£2,500 pa", "N", ""],
        )
    )
    data = {r.id: r.data for r in result.rows}
    assert "resources" not in data["safer-streets-fund-round-4"], "a one-off grant, not £450,000 a year"
    assert "resources" not in data["towns-fund-board"]
    assert data["safer-streets-fund-round-4"]["internal"]["notes"].splitlines() == [
        "Notes: Home Office grant \u2013 £450k",
        "Funding (£): £450,000",
    ]
    assert at(lines, "2:F") == [
        "[warning] 'Funding (£)': '£450,000' kept in internal notes: the sheet does not say the amount is a "
        "year's: if it is the council's money each year, record it as resources.council.funding_gbp; if the "
        "row is a grant or a contract, record its kind and the amount as funding.amount_gbp or "
        "contract.value_gbp"
    ]
    assert data["cafe-culture-forum"]["resources"] == {"council": {"funding_gbp": 2500}}, "'pa': a year's"


@pytest.mark.parametrize("header", ["Council contribution", "Annual contribution", "Council funding (£pa)"])
def test_a_header_that_names_the_councils_contribution_keeps_its_field(tmp_path, header):
    path = tmp_path / "register.csv"
    path.write_bytes(
        f"Partnership name,Lead Officer,Partners,{header}\r\n"
        'Youth Justice Partnership,Youth Justice Manager,Essex Police,"£120,000"\r\n'.encode("cp1252")
    )
    result, _ = dry_run(path)
    assert result.rows[0].data["resources"] == {"council": {"funding_gbp": 120000}}


def test_a_grants_amount_is_placed_once(tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(
        "Partnership name,Type,Partners,Funding (£),Notes\r\n"
        'Voluntary Sector Grant \u2013 SAVS,Grant,SAVS,"£85,000",3 year grant\r\n'
        'Voluntary Sector Grant \u2013 Age UK,,Age UK,"£85,000",3 year grant\r\n'.encode("cp1252")
    )
    result, _ = dry_run(path)
    granted, untyped = (r.data for r in result.rows)
    assert granted["kind"] == "community-funding"
    assert granted["funding"] == {"amount_gbp": 85000}
    assert "resources" not in granted, "£85,000 once: the grant's amount, not also the council's a year"
    assert "resources" not in untyped, (
        "no kind, and '3 year grant' is no year's: in the notes, for the officer"
    )
    assert "Funding (£): £85,000" in untyped["internal"]["notes"].splitlines()


CSP = [
    "Southend Community Safety Partnership", "Joe Bloggs, Head of Community Safety",
    "Essex Police; Essex County Fire and Rescue Service", "April 2016", "", "£25,000", "Y",
    "Statutory under the Crime and Disorder Act 1998",
]  # fmt: skip


def test_a_row_pasted_twice_is_said_and_not_written_again(tmp_path):
    prevent = ["Prevent Partnership Board", "Prevent Coordinator", "Essex Police", "2019", "", "", "Y", ""]
    result, lines = dry_run(sheet(tmp_path, CSP, prevent, [*CSP[:-1], " " + CSP[-1] + " "]))
    assert [r.id for r in result.rows] == [
        "southend-community-safety-partnership",
        "prevent-partnership-board",
    ]
    assert at(lines, "4:A") == [
        "[warning] 'Partnership name': row 4 repeats row 2 cell for cell: it is not written, as row 2 is "
        "(nothing is lost: it is the same data); delete one of the two rows from the sheet"
    ]
    assert "2 rows: 2 to write." in lines
    assert (
        "Row 4 passed over, 'Southend Community Safety Partnership': the same cells as row 2, which is written."
    ) in lines


def test_a_title_repeated_with_other_cells_is_a_warning_and_still_written(tmp_path):
    later = [*CSP[:5], "£30,000", *CSP[6:]]
    result, lines = dry_run(sheet(tmp_path, CSP, later))
    assert [r.id for r in result.rows] == [
        "southend-community-safety-partnership",
        "southend-community-safety-partnership-2",
    ]
    assert at(lines, "3:A") == [
        "[warning] 'Partnership name': row 2 has the same title, with other cells: if they are the same "
        "arrangement, delete one of the two rows from the sheet (a file deleted after --write is written again "
        "by the next import); if not, give this row a title of its own. Written as southend-community-safety-partnership-2"
    ]
    assert "2 rows: 2 to write." in lines


@pytest.fixture
def council(tmp_path: Path) -> Path:
    partreg(tmp_path, "init", "reg", "--council", "Southend-on-Sea City Council", check=True)
    return tmp_path / "reg"


@pytest.mark.spawns
def test_headings_in_capitals_are_passed_over_and_never_written(council, tmp_path):
    path = sheet(
        tmp_path,
        ["COMMUNITY SAFETY", "", "", "", "", "", "", ""],
        CSP,
        ["HOUSING", "", "", "", "", "", "", ""],
        ["Southend Homelessness Forum", "Head of Housing", "TBC", "c. 2019", "", "Officer time", "No", ""],
    )
    result, lines = dry_run(path)
    assert [r.id for r in result.rows] == [
        "southend-community-safety-partnership",
        "southend-homelessness-forum",
    ]
    assert [(n, text) for n, text, _ in result.passed] == [(2, "COMMUNITY SAFETY"), (4, "HOUSING")]
    assert (
        "Row 4 passed over, 'HOUSING': a heading in capitals over the rows below, not an arrangement: not written."
    ) in lines
    # the officer deleted the files the old import wrote, as it told them to; importing again writes none
    for _ in range(2):
        partreg(council, "import", str(path), "--write")
        assert sorted(p.stem for p in (council / "register").glob("*.yaml")) == [
            "southend-community-safety-partnership",
            "southend-homelessness-forum",
        ]


def test_a_title_alone_in_capitals_is_an_entry_where_every_title_is_in_capitals(tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(
        "Partnership name,Lead Officer,Partners,Funding (£)\r\n"
        "YOUTH JUSTICE PARTNERSHIP,Youth Justice Manager,Essex Police,\r\n"
        "CARERS PARTNERSHIP,,,\r\n".encode("cp1252")
    )
    result, _ = dry_run(path)
    assert [r.id for r in result.rows] == ["youth-justice-partnership", "carers-partnership"]
