"""The review schedule: date arithmetic at the edges, and what is overdue, due or ending."""

import datetime as dt

import pytest

from partreg.models import Arrangement, ReviewSettings
from partreg.review import State, add_months, due, interval, next_review

D = dt.date


def entry(**fields):
    base = {
        "id": "an-entry",
        "title": "An entry",
        "kind": "contract",
        "status": "active",
        "lead": {"role": "Manager", "service": "Service"},
        "partners": [{"name": "P"}],
        "start": "2024-01-31",
    }
    return Arrangement.model_validate({**base, **fields})


def reviewed(*dates, months=None):
    review = {"history": [{"date": d, "outcome": "continue"} for d in dates]}
    if months:
        review["months"] = months
    return {"review": review}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),  # month end
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # leap day, a year on
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),  # year boundary
        (D(2025, 3, 31), 120, D(2035, 3, 31)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_next_review_from_the_latest_review_or_the_start():
    settings = ReviewSettings()
    assert next_review(entry(), settings) == D(2025, 1, 31)
    assert next_review(entry(**reviewed("2025-06-30", "2024-03-01")), settings) == D(2026, 6, 30)
    assert next_review(entry(**reviewed("2025-06-30", months=6)), settings) == D(2025, 12, 30)


def test_rating_and_significance_shorten_the_interval_by_the_settings():
    settings = ReviewSettings(months_by_rating={"limited": 6}, months_by_significance={"high": 9})
    assert interval(entry(), settings) == 12
    assert interval(entry(rating="limited"), settings) == 6
    assert interval(entry(significance="high"), settings) == 9
    assert interval(entry(rating="limited", significance="high"), settings) == 6
    assert interval(entry(rating="substantial", **reviewed("2025-01-01", months=3)), settings) == 3


def states(e, today, within=30):
    return [(i.state, i.date, i.days) for i in due([e], ReviewSettings(), today, within)]


def test_overdue_due_and_not_yet():
    e = entry(**reviewed("2025-06-30"))
    assert states(e, D(2026, 7, 1)) == [(State.OVERDUE, D(2026, 6, 30), -1)]
    assert states(e, D(2026, 6, 30)) == [(State.DUE, D(2026, 6, 30), 0)]
    assert states(e, D(2026, 5, 31)) == [(State.DUE, D(2026, 6, 30), 30)]
    assert states(e, D(2026, 5, 30)) == []


def test_within_zero_is_today_only():
    e = entry(**reviewed("2025-06-30"))
    assert states(e, D(2026, 6, 30), within=0) == [(State.DUE, D(2026, 6, 30), 0)]
    assert states(e, D(2026, 6, 29), within=0) == []


def test_no_history_counts_from_the_start():
    assert states(entry(start="2024-01-31"), D(2025, 3, 1)) == [(State.OVERDUE, D(2025, 1, 31), -29)]


def test_ended_entries_are_never_due():
    assert states(entry(status="ended", end="2024-06-30"), D(2030, 1, 1)) == []


def test_an_end_passed_but_still_active_is_ended_not_closed_and_never_due():
    assert states(entry(end="2025-01-01"), D(2026, 1, 1)) == [(State.ENDED_NOT_CLOSED, D(2025, 1, 1), -365)]
    # a month or a year has passed only once its last day has
    e = entry(end="2025-12", **reviewed("2025-06-01"))
    assert states(e, D(2025, 12, 31), within=0) == [(State.ENDING, D(2025, 12, 31), 0)]
    assert states(entry(end="2025"), D(2026, 1, 1)) == [(State.ENDED_NOT_CLOSED, D(2025, 12, 31), -1)]


def test_an_end_given_as_a_year_that_has_begun_ends_by_its_last_day_not_today():
    """`end: 2026`, on 7 December 2026: ending by 31 December, in 24 days at the most (it had been
    said to end today, which the file does not say)."""
    e = entry(end="2026", **reviewed("2026-06-01"))
    assert states(e, D(2026, 12, 7)) == [(State.ENDING, D(2026, 12, 31), 24)]
    assert states(entry(end="2027-01", **reviewed("2026-06-01")), D(2026, 12, 7)) == [
        (State.ENDING, D(2027, 1, 1), 25)
    ]


def flagged(e, today, within=30):
    return [(i.state, i.date, i.reviewed_after_end) for i in due([e], ReviewSettings(), today, within)]


def test_reviewed_after_its_end_and_not_ended_its_reviews_go_on():
    """An end that has passed, with a later review that continued it (extended, and the end not
    updated): its reviews are due from that review, with the end named; not hidden as ended."""
    e = entry(end="2023-03-31", **reviewed("2023-06-01", "2024-05-20"))
    assert flagged(e, D(2026, 1, 12)) == [(State.OVERDUE, D(2025, 5, 20), True)]
    assert flagged(e, D(2025, 5, 1)) == [(State.DUE, D(2025, 5, 20), True)]
    # no review due yet: still listed, whatever the window, as ended but not closed (the end needs an officer)
    [item] = due([e], ReviewSettings(), D(2025, 1, 12), 30)
    assert (item.state, item.date, item.next_review, item.reviewed_after_end) == (
        State.ENDED_NOT_CLOSED,
        D(2023, 3, 31),
        D(2025, 5, 20),
        True,
    )


def test_an_end_passed_is_ended_not_closed_where_no_later_review_went_on():
    reviewed_before = entry(end="2023-03-31", **reviewed("2022-06-01"))
    assert flagged(reviewed_before, D(2026, 1, 12)) == [(State.ENDED_NOT_CLOSED, D(2023, 3, 31), False)]
    exit_later = entry(
        end="2023-03-31",
        review={
            "history": [
                {"date": "2022-06-01", "outcome": "continue"},
                {"date": "2024-05-20", "outcome": "exit"},
            ]
        },
    )
    assert flagged(exit_later, D(2026, 1, 12)) == [(State.ENDED_NOT_CLOSED, D(2023, 3, 31), False)]
    same_month = entry(
        end="2024-05", **reviewed("2024-05-20")
    )  # the review may be before the end, within May
    assert flagged(same_month, D(2026, 1, 12)) == [(State.ENDED_NOT_CLOSED, D(2024, 5, 31), False)]
    assert flagged(entry(status="ended", end="2023-03-31", **reviewed("2024-05-20")), D(2026, 1, 12)) == []


def decided(*outcomes, **fields):
    """An entry, still active, whose reviews (a year apart from 2023-03-01) had these outcomes."""
    history = [{"date": f"{2023 + n}-03-01", "outcome": o} for n, o in enumerate(outcomes)]
    return entry(review={"history": history}, **fields)


def test_no_review_is_due_after_one_that_decided_the_exit():
    """A sheet's "Exit", imported, its status left active and no end recorded: it had been listed as
    overdue, and the page said so, years after its exit was decided. It is listed, whatever the
    window, as its exit decided but not closed (dated by that review); with an end to come, only as
    ending; a later review that went on makes its reviews due again."""
    settings = ReviewSettings()
    e = decided("continue", "exit")
    assert next_review(e, settings) is None
    [item] = due([e], settings, D(2026, 12, 7), 30)
    assert (item.state, item.date, item.next_review, item.days) == (
        State.EXIT_NOT_CLOSED,
        D(2024, 3, 1),
        None,
        -1011,
    )
    assert item.as_dict()["state"] == "exit-not-closed"
    ending = decided("exit", end="2027-01-15")
    assert flagged(ending, D(2026, 6, 1)) == []  # no review, though one would be overdue
    assert flagged(ending, D(2027, 1, 1)) == [(State.ENDING, D(2027, 1, 15), False)]
    assert [i.next_review for i in due([ending], settings, D(2027, 1, 1), 30)] == [None]
    went_on = decided("exit", "continue")
    assert next_review(went_on, settings) == D(2025, 3, 1)
    assert flagged(went_on, D(2026, 12, 7)) == [(State.OVERDUE, D(2025, 3, 1), False)]
    # a review with no outcome (a sheet's "Last reviewed", imported) says nothing of what it found
    undecided = entry(review={"history": [{"date": "2024-03-01", "outcome": "exit"}, {"date": "2025-03-01"}]})
    assert [i.state for i in due([undecided], settings, D(2026, 12, 7), 30)] == [State.EXIT_NOT_CLOSED]
    # the published page: not "Overdue", and not "Not known"
    from partreg.columns import next_review_cell
    from partreg.models import Settings

    cell = next_review_cell(e, Settings(council="Test"), D(2026, 12, 7), "active")
    assert (cell.lines, cell.mark) == (("Not due: exit decided",), "")


def test_partial_dates_schedule_from_their_first_day():
    # started "April 2016", reviewed "March 2025": due from 1 March 2026, never later than it could be
    e = entry(start="2016-04", **reviewed("2025-03"))
    assert states(e, D(2026, 2, 20)) == [(State.DUE, D(2026, 3, 1), 9)]
    assert states(entry(start=2016), D(2016, 12, 20), within=30) == [(State.DUE, D(2017, 1, 1), 12)]


def test_no_start_and_no_review_has_no_review_date_and_is_listed():
    e = Arrangement.model_validate({"id": "no-dates", "title": "No dates", "status": "active"})
    [item] = due([e], ReviewSettings(), D(2026, 1, 1), 30)
    assert (item.state, item.date, item.next_review, item.days) == (State.NO_DATE, None, None, None)
    assert item.as_dict()["lead"] == {"role": None, "member": None, "service": None}


def test_future_starts_are_not_due():
    assert states(entry(start="2027-01-01"), D(2026, 11, 24), within=365) == []
    assert states(entry(start="2026-01-15"), D(2026, 11, 24), within=60) == [(State.DUE, D(2027, 1, 15), 52)]


def test_ending_soon_is_reported_beside_the_review():
    e = entry(end="2026-12-10", **reviewed("2025-11-30"))
    assert states(e, D(2026, 11, 24)) == [
        (State.DUE, D(2026, 11, 30), 6),
        (State.ENDING, D(2026, 12, 10), 16),
    ]
    assert states(e, D(2026, 11, 24), within=10) == [(State.DUE, D(2026, 11, 30), 6)]


def test_most_urgent_first():
    a = entry(id="aaa", **reviewed("2025-06-30"))
    b = entry(id="bbb", start="2020-01-01")
    c = entry(id="ccc", end="2026-12-01", **reviewed("2026-06-01"))
    items = due([c, a, b], ReviewSettings(), D(2026, 11, 24), 30)
    assert [(i.entry.id, i.state) for i in items] == [
        ("bbb", State.OVERDUE),
        ("aaa", State.OVERDUE),
        ("ccc", State.ENDING),
    ]


def test_json_shape():
    [item] = due([entry(**reviewed("2025-06-30"))], ReviewSettings(), D(2026, 7, 1), 30)
    assert item.as_dict() == {
        "id": "an-entry",
        "title": "An entry",
        "kind": "contract",
        "lead": {"role": "Manager", "member": None, "service": "Service"},
        "last_review": "2025-06-30",
        "next_review": "2026-06-30",
        "end": None,
        "state": "overdue",
        "days": -1,
        "reviewed_after_end": False,
    }


def test_a_new_review_is_placed_by_its_date_where_the_history_is_oldest_first():
    from partreg.models import PartialDate as P
    from partreg.review import place_in_history

    dates = [P.parse("2022-06-30"), None, P.parse("2024"), P.parse("2024-06-28")]  # None: a date not read
    assert place_in_history(dates, P.parse("2023-07-04")) == 2
    assert place_in_history(dates, P.parse("2021")) == 0
    assert place_in_history(dates, P.parse("2024-03")) == 3  # after the year it is within, before 28 June
    assert place_in_history(dates, P.parse("2025-01-01")) == 4
    assert place_in_history([P.parse("2025-06-30"), P.parse("2023-05-01")], P.parse("2024-01-01")) == 2
    assert place_in_history([], P.parse("2024-01-01")) == 0


def test_a_proposed_arrangement_with_no_start_is_not_due_and_not_undated():
    """It has not begun: review-due does not list it as "no review date known", and the page says
    its review is not due, not that it is not known."""
    from partreg.columns import next_review_cell
    from partreg.models import Settings

    proposed = entry(status="proposed", start=None)
    assert due([proposed], ReviewSettings(), D(2026, 12, 7), 9999) == []
    assert [
        i.state for i in due([entry(status="active", start=None)], ReviewSettings(), D(2026, 12, 7), 30)
    ] == [State.NO_DATE]
    cell = next_review_cell(proposed, Settings(council="Test"), D(2026, 12, 7), "proposed")
    assert cell.lines == ("Not due: proposed",)


def test_list_says_an_exit_was_decided_whether_or_not_that_review_has_a_date():
    """An exit with no date (a blank "Last reviewed" beside "Exit"): `list` showed no next review and
    `exit_decided: null`, as for one whose review date is not known, where the page and review-due
    said its exit was decided."""
    from partreg.export import summary_record

    undated = entry(review={"history": [{"outcome": "exit"}]})
    assert summary_record(undated)["exit_decided"] is True
    assert summary_record(entry())["exit_decided"] is False
    assert summary_record(entry(status="ended", **reviewed("2025-01-01")))["exit_decided"] is False


def test_review_due_says_each_next_review_and_end_as_precisely_as_it_is_known():
    """From a review in December 2025 the next falls due in December 2026: review-due's JSON, list's
    CSV and the calendar had said "2026-12-01" and "Overdue since 1 December 2026"; an end of "2026"
    was "It ends on 31 December 2026", with that day in the command. The day counted from is the
    first, as before."""
    from icalendar import Calendar

    from partreg.duecalendar import due_calendar

    today, settings = D(2026, 12, 7), ReviewSettings()
    month = entry(id="reviewed-dec", **reviewed("2025-12"))
    [item] = due([month], settings, today, 30)
    assert (item.state, item.date, item.days) == (State.OVERDUE, D(2026, 12, 1), -6)
    assert item.as_dict()["next_review"] == "2026-12"
    day = entry(id="reviewed-day", **reviewed("2025-12-10"))
    [exact] = due([day], settings, today, 30)
    assert exact.as_dict()["next_review"] == "2026-12-10"
    ends = entry(id="ends-2026", end="2026", **reviewed("2026-02-01"))
    events = Calendar.from_ical(
        due_calendar(due([month, ends], settings, today, 30), "Test", dt.datetime(2026, 12, 7))
    )
    said = {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in events.walk("VEVENT")}
    overdue = said["Overdue since December 2026: review of An entry"]
    assert "The review fell due in December 2026 (6 days ago, from its first day)." in overdue
    ending = said["Ends: An entry"]
    assert "It ends in 2026." in ending and "--end YYYY-MM-DD" in ending and "2026-12-31" not in ending
