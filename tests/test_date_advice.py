"""A date as spreadsheets and officers write it: each is told what to write, and writing it is right."""

import pytest

from tests.common import PARTNERSHIP, lint_text, replace

START = "start: 2021-04-01"


@pytest.mark.parametrize(
    ("written", "said", "fixed"),
    [
        ("2016-4-1", "write start: 2016-04-01 (two digits for the month and the day)", "2016-04-01"),
        ("2016-04-01T00:00:00", "write start: 2016-04-01 (a date, without the time of day)", "2016-04-01"),
        ("'2016-04-01 '", "write start: 2016-04-01, without the spaces around it", "2016-04-01"),
        (
            "42461",
            "42461 is a date as Excel counts days, 1 April 2016: write start: 2016-04-01",
            "2016-04-01",
        ),
        (
            "2016/17",
            "2016/17 is a financial year, not a date: write start: 2016-04-01 if it began with it, or the day it did",
            "2016-04-01",
        ),
        (
            "1/4/16",
            "'1/4/16' has a year of two digits, read as 2016; '1/4/2016' could be read either way",
            None,
        ),
        ("TBC", "'TBC' is not a date: where it is not known yet, leave the line out (a gap is fine)", None),
        (
            "31/12/9999",
            "'31/12/9999' is a placeholder, not a date: leave the date out where it is not known",
            None,
        ),
    ],
)
def test_each_date_shape_is_told_what_to_write(written, said, fixed):
    assert START in PARTNERSHIP
    [p] = [p for p in lint_text(replace(PARTNERSHIP, START, f"start: {written}")) if p.rule == "wrong-type"]
    assert p.message.startswith(f"start: {said}"), p.message
    if fixed is not None:  # doing what it says leaves nothing to say
        assert [p.rule for p in lint_text(replace(PARTNERSHIP, START, f"start: {fixed}"))] == []


def test_the_end_of_a_financial_year_is_its_last_day():
    text = replace(PARTNERSHIP, START, f"{START}\nend: 2023/24")
    [p] = [p for p in lint_text(text) if p.rule == "wrong-type"]
    assert "write end: 2024-03-31 if it ended with that year" in p.message


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "' 2016-4-1'",
            "write start: 2016-04-01 (two digits for the month and the day)",
        ),  # spaces and digits
        ("2016-4", "write start: 2016-04 (two digits for the month)"),
        ("1/4/98", "'1/4/98' has a year of two digits, read as 1998;"),  # as import reads it
        ("31/12/69", "'31/12/69' has a year of two digits, read as 2069;"),
    ],
)
def test_what_each_says_is_itself_right(written, said):
    [p] = [p for p in lint_text(replace(PARTNERSHIP, START, f"start: {written}")) if p.rule == "wrong-type"]
    assert p.message.startswith(f"start: {said}"), p.message
