"""Dates written in numbers alone (04/05/2016) are read day first, as UK councils write them,
unless the column they are in shows otherwise: each date column is looked at as a whole, and
every date whose order was a guess is said, at its row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from partreg.importer import read_date
from tests.test_import import dry_run, notes


def cells(lines: list[str], tmp_path: Path) -> list[str]:
    """The report's lines about cells, without the file's name."""
    return [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]


@pytest.mark.parametrize(
    ("cell", "order"),
    [
        ("04/13/2016", "month-first"),
        ("4/13/16", "month-first"),
        ("12-31-2026", "month-first"),
        ("4/13/2016 0:00", "month-first"),  # as Excel set to the US writes a date cell into a CSV
        ("13/04/2016", "day-first"),
        ("31.03.2027", "day-first"),
        ("04/05/2016", "either"),
        ("05/05/2016", None),  # the same date either way
        ("02/30/2016", None),  # neither way a real date
        ("12/31/9999", "month-first"),  # a placeholder for no end, in the US order
        ("2016-04-13", None),
        ("April 2016", None),
        (dt.date(2016, 4, 5), None),  # an Excel date cell is a date, not text
        (42465, None),
    ],
)
def test_how_a_date_in_numbers_can_be_read(cell, order):
    from partreg.sheetdates import written_order

    assert written_order(cell) == order


def test_a_date_is_read_month_first_only_when_asked():
    assert read_date("04/05/2016")[0].iso == "2016-05-04"
    assert read_date("04/05/2016", month_first=True)[0].iso == "2016-04-05"
    assert read_date("4/13/16 0:00", month_first=True) == read_date("13/4/16")
    assert read_date(dt.date(2016, 4, 5), month_first=True)[0].iso == "2016-04-05"
    assert read_date("April 2016", month_first=True)[0].iso == "2016-04"


def test_a_column_written_month_first_is_read_month_first_and_said_once(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created,Expiry date\n"
        "Brentwood CSP,Community Safety Manager,04/13/2016,31/03/2027\n"
        "Leisure contract,Leisure Manager,04/05/2016,\n"
        "Youth forum,Youth Officer,11/20/2019,\n"
        "Grants,Grants Officer,01/02/2020,\n",
    )
    starts = [r.data["start"] for r in result.rows]
    assert starts == [dt.date(2016, 4, 13), dt.date(2016, 4, 5), dt.date(2019, 11, 20), dt.date(2020, 1, 2)]
    assert result.rows[0].data["end"] == dt.date(2027, 3, 31), "another column, read day first"
    # a date that could be either way keeps its cell's text, for whoever checks it after the sheet is gone
    assert [notes(r.data) for r in result.rows] == [
        [],
        ["Date created: 04/05/2016"],
        [],
        ["Date created: 01/02/2020"],
    ]
    assert cells(lines, tmp_path) == [
        "[warning] 'Date created': this column writes dates month first (the US order): '04/13/2016' "
        "here can only be 13 April 2016, and none of its dates can only be day first, so each is read "
        "month first, the 2 that could be either way too (rows 3 and 5; row 3's '04/05/2016' as "
        "5 April 2016, not 4 May 2016): check them"
    ]


def test_a_column_whose_dates_can_only_be_month_first_is_noted_once(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Last reviewed\n"
        "Brentwood CSP,Community Safety Manager,06/30/2024\n"
        "Leisure contract,Leisure Manager,11/20/2023\n",
    )
    assert [r.data["review"]["history"][0]["date"] for r in result.rows] == [
        dt.date(2024, 6, 30),
        dt.date(2023, 11, 20),
    ]
    assert [line for line in cells(lines, tmp_path) if "month first" in line] == [
        "[note] 'Last reviewed': this column writes dates month first (the US order), as '06/30/2024' "
        "here (30 June 2024): each is read the only way it can be"
    ]


def test_a_column_written_both_ways_reads_each_date_as_it_must_be_and_names_each_guess(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created\n"
        "Brentwood CSP,Community Safety Manager,13/04/2016\n"
        "Leisure contract,Leisure Manager,04/05/2016\n"
        "Youth forum,Youth Officer,11/20/2019\n"
        "Grants,Grants Officer,01/02/2020\n"
        "Fire safety,Fire Officer,03/03/2021\n",
    )
    starts = [r.data["start"] for r in result.rows]
    assert starts == [
        dt.date(2016, 4, 13),
        dt.date(2016, 5, 4),  # could be either: day first, the UK order
        dt.date(2019, 11, 20),  # can only be month first
        dt.date(2020, 2, 1),
        dt.date(2021, 3, 3),  # the same either way: nothing to say
    ]
    assert cells(lines, tmp_path) == [
        "[warning] 'Date created': this column writes some dates day first (row 2's '13/04/2016') and "
        "some month first, the US order (row 4's '11/20/2019', which can only be 20 November 2019): each "
        "is read the only way it can be; the 2 that could be either way (rows 3 and 5) are read day "
        "first, the UK order, each named: check them",
        "[warning] 'Date created': '04/05/2016' read day first, as 4 May 2016 (the UK order); month "
        "first it is 5 April 2016: check it",
        "[warning] 'Date created': '01/02/2020' read day first, as 1 February 2020 (the UK order); "
        "month first it is 2 January 2020: check it",
    ]


def test_each_date_that_can_only_be_month_first_in_a_column_written_both_ways_is_noted(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Expiry date\n"
        "Brentwood CSP,Community Safety Manager,31/03/2027\n"
        "Leisure contract,Leisure Manager,03/31/2028\n"
        "Youth forum,Youth Officer,12/31/2029\n",
    )
    assert [r.data["end"] for r in result.rows] == [
        dt.date(2027, 3, 31),
        dt.date(2028, 3, 31),
        dt.date(2029, 12, 31),
    ]
    said = cells(lines, tmp_path)
    assert said[0] == (
        "[warning] 'Expiry date': this column writes some dates day first (row 2's '31/03/2027') and "
        "some month first, the US order (row 3's '03/31/2028', which can only be 31 March 2028): each "
        "is read the only way it can be; none could be read either way"
    )
    assert said[1:] == [
        "[note] 'Expiry date': '12/31/2029' read month first, as 31 December 2029: it cannot be day first"
    ]


def test_one_date_that_can_only_be_month_first_in_a_uk_sheet_does_not_turn_its_column(tmp_path):
    """A UK sheet (column E: 31/03/2030) with one slip in its Start Date column (04/13/2018): the
    column had been read month first, 01/04/2015 as 4 January, without its text kept anywhere."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Type,Partner Organisations,Start Date,End date,Status\n"
        "Waste Collection,Contract,Biffa,01/04/2015,31/03/2030,Active\n"
        "Scouts grant,Grant,1st Rayleigh Scouts,04/13/2018,04/12/2019,Ended\n"
        "Markets,Contract,Markets Ltd,01/04/2017 00:00,31/03/2030,Active\n",
    )
    assert [(r.data["start"], r.data["end"]) for r in result.rows] == [
        (dt.date(2015, 4, 1), dt.date(2030, 3, 31)),
        (dt.date(2018, 4, 13), dt.date(2019, 12, 4)),
        (dt.date(2017, 4, 1), dt.date(2030, 3, 31)),
    ]
    assert cells(lines, tmp_path)[:3] == [
        "[warning] 'Start Date': this column writes a date month first, the US order (row 3's "
        "'04/13/2018', which can only be 13 April 2018), where column E writes its dates day first "
        "(row 2's '31/03/2030'): each is read the only way it can be; the 2 that could be either way "
        "(rows 2 and 4) are read day first, the UK order, each named: check them",
        "[warning] 'Start Date': '01/04/2015' read day first, as 1 April 2015 (the UK order); month "
        "first it is 4 January 2015: check it",
        "[warning] 'Start Date': '01/04/2017 00:00' read day first, as 1 April 2017 (the UK order); "
        "month first it is 4 January 2017: check it",
    ]
    assert notes(result.rows[0].data) == ["Start Date: 01/04/2015"]


def test_a_uk_column_is_read_day_first_without_a_word(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created,Expiry date\n"
        "Brentwood CSP,Community Safety Manager,13/04/2016,01/02/2027\n"
        "Leisure contract,Leisure Manager,04/05/2016,03/04/2030\n",
    )
    assert [(r.data["start"], r.data["end"]) for r in result.rows] == [
        (dt.date(2016, 4, 13), dt.date(2027, 2, 1)),
        (dt.date(2016, 5, 4), dt.date(2030, 4, 3)),
    ]
    assert cells(lines, tmp_path) == []


def test_a_column_that_could_be_either_is_said_where_another_column_is_month_first(tmp_path):
    """Each column is read by its own dates, but a sheet whose other column is written month first
    makes a guess of the day-first reading: said, once for the column."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created,Expiry date\n"
        "Brentwood CSP,Community Safety Manager,04/13/2016,03/01/2027\n"
        "Leisure contract,Leisure Manager,04/14/2016,05/06/2030\n",
    )
    assert [r.data["end"] for r in result.rows] == [dt.date(2027, 1, 3), dt.date(2030, 6, 5)]
    assert cells(lines, tmp_path)[1] == (
        "[warning] 'Expiry date': each date in this column could be day or month first, and is read "
        "day first, the UK order ('03/01/2027' as 3 January 2027), but column C writes its dates "
        "month first: check them"
    )


def test_a_date_that_cannot_be_read_either_way_is_still_kept_in_the_notes(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created\n"
        "Brentwood CSP,Community Safety Manager,04/13/2016\n"
        "Leisure contract,Leisure Manager,02/30/2016\n",
    )
    assert result.rows[0].data["start"] == dt.date(2016, 4, 13)
    assert notes(result.rows[1].data) == ["Date created: 02/30/2016"]
    assert "'02/30/2016' kept in internal notes: not a real date" in "\n".join(lines)


def test_a_us_sheet_exported_as_csv_with_times_and_a_placeholder_end(tmp_path):
    """Excel set to the US writes a date cell into a CSV as 4/13/2016 0:00, and 'no end' as 12/31/9999."""
    result, _ = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created,Expiry date,Last reviewed\n"
        "Brentwood CSP,Community Safety Manager,4/13/2016 0:00,12/31/9999 0:00,6/30/2024 0:00\n"
        "Leisure contract,Leisure Manager,4/5/2016 0:00,3/1/2027 0:00,7/4/2024 0:00\n",
    )
    csp, leisure = (r.data for r in result.rows)
    assert (csp["start"], leisure["start"]) == (dt.date(2016, 4, 13), dt.date(2016, 4, 5))
    assert "end" not in csp and leisure["end"] == dt.date(2027, 3, 1)
    assert csp["review"]["history"][0]["date"] == dt.date(2024, 6, 30)
    assert leisure["review"]["history"][0]["date"] == dt.date(2024, 7, 4)


def test_excel_date_cells_are_dates_whatever_the_text_cells_beside_them(tmp_path):
    from partreg.importer import header_score, import_report, map_columns, read_rows
    from partreg.models import Settings
    from partreg.sheets import read_sheet

    book = Workbook()
    sheet = book.active
    sheet.append(["Partnership name", "Lead Officer", "Date created"])
    sheet.append(["Brentwood CSP", "Community Safety Manager", "04/13/2016"])  # typed as text
    sheet.append(["Leisure contract", "Leisure Manager", dt.datetime(2016, 5, 4)])  # a date cell
    sheet.append(["Youth forum", "Youth Officer", "04/05/2016"])  # text
    path = tmp_path / "register.xlsx"
    book.save(path)
    table = read_sheet(path, header_score)
    mapping = map_columns(table.headers, {})
    result = read_rows(table.display, path.stem, table.rows, mapping, Settings(council="Test"))
    import_report(table, mapping, result, set(), "register")
    assert [r.data["start"] for r in result.rows] == [
        dt.date(2016, 4, 13),
        dt.date(2016, 5, 4),
        dt.date(2016, 4, 5),
    ]


def test_a_date_field_read_leaving_words_out_keeps_its_cell_in_the_notes(tmp_path):
    """Every field that holds one date is read as start and end are: 'c. 2020' is said and kept."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Last verified\nYouth forum,Youth Officer,c. 2020\n",
    )
    [row] = result.rows
    assert row.data["last_verified"] == 2020 and notes(row.data) == ["Last verified: c. 2020"]
    assert cells(lines, tmp_path) == [
        "[warning] 'Last verified': 'c. 2020' read as 2020; the whole text is kept in internal notes"
    ]


def test_a_column_written_both_ways_is_said_before_the_first_date_it_names(tmp_path):
    _, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Date created\n"
        "Town Centre BID,Town Centre Manager,05/04/2016\n"
        "Leisure contract,Leisure Manager,13/04/2016\n"
        "Community chest,Grants Officer,04/13/2020\n",
    )
    assert cells(lines, tmp_path) == [
        "[warning] 'Date created': this column writes some dates day first (row 3's '13/04/2016') and "
        "some month first, the US order (row 4's '04/13/2020', which can only be 13 April 2020): each "
        "is read the only way it can be; the one that could be either way (row 2) is read day first, "
        "the UK order: check it",
        "[warning] 'Date created': '05/04/2016' read day first, as 5 April 2016 (the UK order); month "
        "first it is 4 May 2016: check it",
    ]


def test_a_column_read_month_first_is_said_again_when_only_later_rows_are_new(tmp_path):
    """Run again after rows are added: the rows already in the register are not reported again, but
    how the column is read concerns the new rows too."""
    from partreg.importer import header_score, import_report, map_columns, read_rows
    from partreg.models import Settings
    from partreg.sheets import read_sheet

    path = tmp_path / "register.csv"
    path.write_text(
        "Partnership name,Lead Officer,Date created\n"
        "Brentwood CSP,Community Safety Manager,04/13/2016\n"
        "Leisure contract,Leisure Manager,04/05/2016\n",
        encoding="utf-8",
    )
    table = read_sheet(path, header_score)
    mapping = map_columns(table.headers, {})
    result = read_rows(table.display, path.stem, table.rows, mapping, Settings(council="Test"))
    lines, _ = import_report(table, mapping, result, {2}, "register")
    assert result.rows[1].data["start"] == dt.date(2016, 4, 5)
    [said] = cells(lines, tmp_path)
    assert said.startswith("[warning] 'Date created': this column writes dates month first")


@pytest.mark.parametrize(
    "cell", ["00/01/1900", "0/1/1900", "30/12/1899", "01/01/1900", dt.datetime(1899, 12, 30)]
)
def test_excel_s_date_for_an_empty_date_cell_is_no_date(cell):
    """What a spreadsheet gives for a date cell left empty (Excel's day 0) had been written as the
    start, and published: 'Started 30 December 1899'."""
    from partreg.readers import Unplaced
    from partreg.sheetdates import read_date as read_cell

    with pytest.raises(Unplaced, match="Excel's date for an empty date cell"):
        read_cell(cell)


def test_an_empty_date_cell_from_excel_is_kept_in_the_notes_and_said(tmp_path):
    result, lines = dry_run(
        tmp_path, "Partnership name,Partners,Start Date\nForum A,Essex Police,00/01/1900\n"
    )
    [row] = result.rows
    assert "start" not in row.data
    assert notes(row.data) == ["Start Date: 00/01/1900"]
    assert cells(lines, tmp_path) == [
        "[warning] 'Start Date': '00/01/1900' kept in internal notes: Excel's date for an empty date cell "
        "(day 0), not a date"
    ]
