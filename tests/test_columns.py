"""The published register's cells: what each column says of an entry."""

import datetime as dt

import pytest

from partreg.columns import cells, money_of
from partreg.models import Arrangement, Settings


def entry(**fields):
    base = {"id": "an-entry", "title": "An entry", "kind": "joint-working", "status": "active"}
    return Arrangement.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("staff", "shown"),
    [
        ("Officer time", "Officer time"),  # had been "Staff time: Officer time"
        ("2 days a week of a project officer", "2 days a week of a project officer"),
        ("Community safety staffing", "Community safety staffing"),
        ("0.5 FTE coordinator", "Staff time: 0.5 FTE coordinator"),
    ],
)
def test_the_councils_staff_is_said_once_where_no_money_is_recorded(staff, shown):
    e = entry(resources={"council": {"staff": staff}})
    column = next(
        c
        for c in cells(e, Settings(council="Test"), dt.date(2026, 12, 7), "active", "", money_of(e)).values()
        if staff in " ".join(c.lines)
    )
    assert column.lines == (shown,)
