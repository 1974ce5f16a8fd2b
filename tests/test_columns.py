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
        for c in cells(
            e, Settings(council="Test"), dt.date(2026, 12, 7), "active", "", money_of(e, dt.date(2026, 12, 7))
        ).values()
        if staff in " ".join(c.lines)
    )
    assert column.lines == (shown,)


def test_what_the_council_gives_other_than_money_is_shown_where_no_money_is_recorded():
    """A sheet's contribution column of "In kind": the page of the arrangement said so, and the
    register's money column said "Not recorded"."""
    e = entry(resources={"council": {"other": "In kind"}})
    cell = cells(
        e, Settings(council="Test"), dt.date(2026, 12, 7), "active", "", money_of(e, dt.date(2026, 12, 7))
    )["money"]
    assert cell.lines == ("In kind",)
    both = entry(resources={"council": {"staff": "Officer time", "other": "Use of the civic centre"}})
    cell = cells(
        both,
        Settings(council="Test"),
        dt.date(2026, 12, 7),
        "active",
        "",
        money_of(both, dt.date(2026, 12, 7)),
    )["money"]
    assert cell.lines == ("Officer time", "Use of the civic centre")
    paid = entry(resources={"council": {"funding_gbp": 5000, "other": "In kind"}})
    cell = cells(
        paid,
        Settings(council="Test"),
        dt.date(2026, 12, 7),
        "active",
        "",
        money_of(paid, dt.date(2026, 12, 7)),
    )["money"]
    assert cell.lines == ("£5,000 a year",)


def test_at_a_glance_adds_no_earlier_years_contributions_to_this_years_money():
    """A partnership whose council contributions are recorded for 2019/20 only, beside one paying
    £3,000 a year: "At a glance" had said "£103,000 a year"."""
    from partreg.columns import totals

    old = Arrangement.model_validate(
        {
            "id": "old-money",
            "kind": "partnership",
            "contributions": [{"year": "2019/20", "by": "council", "cash_gbp": 100000}],
        }
    )
    recent = Arrangement.model_validate(
        {
            "id": "recent",
            "kind": "partnership",
            "contributions": [{"year": "2025/26", "by": "council", "cash_gbp": 7000}],
        }
    )
    new = Arrangement.model_validate(
        {"id": "new", "kind": "partnership", "resources": {"council": {"funding_gbp": 3000}}}
    )
    today = dt.date(2026, 12, 7)  # in 2026/27: 2025/26 is the last year, and counts
    total = totals(None, "Partnerships", [(money_of(e, today), "active") for e in (old, recent, new)])
    assert total.phrases == (
        "£10,000 a year (recorded for 2 of 3)",
        "£100,000 a year in contributions of earlier financial years, each its latest (recorded for 1 of 3)",
    )
    assert money_of(old, today).said == " a year (in 2019/20)", "its own row still says it"


def test_at_a_glance_does_not_say_none_recorded_of_a_kind_with_no_active_arrangement():
    """A grant of £5,000 whose status could not be read: the kind's money had been "None recorded"."""
    from partreg.columns import totals

    grant = Arrangement.model_validate(
        {"id": "grant", "kind": "community-funding", "funding": {"amount_gbp": 5000}}
    )
    today = dt.date(2026, 12, 7)
    assert totals(None, "Grants", [(money_of(grant, today), "not-recorded")]).phrases == ("None active",)
    assert totals(None, "Grants", [(money_of(grant, today), "active")]).phrases == (
        "£5,000 in grants (recorded for 1 of 1)",
    )
    assert totals(None, "Grants", []).phrases == ()
