"""A row that may be an arrangement the register records already, under another title: written, as
the officer knows best, but named at its row with the file it may be."""

from __future__ import annotations

from pathlib import Path

import pytest

from partreg.app.importing import plan_import
from partreg.importer.duplicates import forms
from tests.common import new_register, run_partreg


@pytest.fixture
def register(tmp_path: Path) -> Path:
    base = new_register(tmp_path, "Rochford District Council")
    for name, title in [
        ("rochford-community-safety-partnership-csp", "Rochford Community Safety Partnership (CSP)"),
        ("leisure-contract-2023", "Leisure contract 2023"),
    ]:
        (base / "register" / f"{name}.yaml").write_text(f"id: {name}\ntitle: {title}\n", encoding="utf-8")
    return base


def test_a_row_that_may_be_an_arrangement_in_the_register_is_named_and_still_written(register, tmp_path):
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "Partnership name,Partners\n"
        "Rochford Community Safety Partnership,Essex Police\n"
        "Rochford CSP,Essex Police\n"
        "Community Safety Partnership,Essex Police\n"
        "Liesure contract 2023,Everyone Active\n"
        "Leisure contract 2024,Everyone Active\n"
        "Youth Forum,Essex County Council\n",
        encoding="utf-8",
    )
    planned = plan_import(register, sheet, [])
    assert len(planned.new) == 6, "written all the same: the officer knows"
    said = {
        int(line.split(":")[1]): line.split(": [warning] ", 1)[1]
        for line in planned.lines
        if "may be the" in line
    }
    assert said[2] == (
        "'Partnership name': 'Rochford Community Safety Partnership' may be the arrangement "
        "register/rochford-community-safety-partnership-csp.yaml records as 'Rochford Community Safety "
        "Partnership (CSP)': if it is, delete this row from the sheet before --write (or the new file after); "
        "if not, it is a new entry"
    )
    assert sorted(said) == [2, 3, 4, 5], "not another year's contract, nor another body"
    assert "register/leisure-contract-2023.yaml" in said[5]
    assert planned.attention


@pytest.mark.parametrize(
    ("title", "form"),
    [
        ("Rochford Community Safety Partnership (CSP)", "rochford csp"),
        ("Rochford Community Safety Partnership (CSP)", "community safety partnership"),
        ("The Health & Wellbeing Board", "health and wellbeing board"),
        ("Leisure contract 2023", "leisure contract 2023"),
    ],
)
def test_the_ways_a_title_may_be_written(title, form):
    assert form in forms(title, "Rochford District Council")


@pytest.mark.spawns
def test_an_officer_imports_beside_the_register_and_is_told(tmp_path):
    run_partreg(tmp_path, "init", "reg", "--council", "Rochford District Council", check=True)
    base = tmp_path / "reg"
    first = tmp_path / "first.csv"
    first.write_text("Partnership name,Partners\nRochford Community Safety Partnership (CSP),Essex Police\n")
    run_partreg(base, "import", str(first), "--write")
    second = tmp_path / "second.csv"
    second.write_text("Partnership name,Partners\nRochford Community Safety Partnership,Essex Police\n")
    done = run_partreg(base, "import", str(second), "--write")
    assert done.returncode == 1 and "Wrote 1 file" in done.stdout
    assert (
        f"{second}:2:A: [warning] 'Partnership name': 'Rochford Community Safety Partnership' may be"
        in done.stdout
    )


@pytest.mark.spawns
def test_a_register_file_that_cannot_be_read_is_named_as_left_out_of_the_look(register, tmp_path):
    """The look for entries the sheet repeats reads the register: a file it cannot read is said, as
    every command that leaves one out says it."""
    (register / "register" / "broken.yaml").write_text("bad: [\n")
    sheet = tmp_path / "s.csv"
    sheet.write_text("Partnership name,Type\nYouth Forum,Joint working\n")
    assert [p.path for p in plan_import(register, sheet, []).left_out] == ["register/broken.yaml"]
    result = run_partreg(register, "import", str(sheet))
    assert "register/broken.yaml:1:6:" in result.stderr
    assert "so it is left out of the look for entries the sheet repeats" in result.stderr
