"""A date as spreadsheets and officers write it: each is told what to write, and writing it is right."""

import datetime as dt

import pytest

from tests.common import COMMUNITY_FUNDING, CONTRACT, PARTNERSHIP, lint_text, replace

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
            "c. 2019",
            "'c. 2019' is approximate: write 2019 if that is certain as far as it goes (a year alone says no "
            "more); a date records what is known, not a guess",
            "2019",
        ),
        (
            "around April 2016",
            "'around April 2016' is approximate: write 2016-04 if that is certain as far as it goes (a month "
            "alone says no more)",
            "2016-04",
        ),
        ("2019?", "'2019?' is approximate: write 2019 if that is certain", "2019"),
        (
            "before 2010",
            "'before 2010' says only that it was before 2010: a date records what is known, so write the date, "
            "or the month or year alone, if it is known",
            None,
        ),
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


REVIEW = "  months: 12\n"


def _held(date_line: str) -> str:
    return replace(PARTNERSHIP, REVIEW, f"{REVIEW}  history:\n    - {date_line}\n      outcome: continue\n")


@pytest.mark.parametrize("written", ["N/A", "TBC", "'-'", "''", "Never", "not yet reviewed", "31/12/9999"])
def test_a_review_date_not_known_is_not_told_to_leave_the_line_out(written):
    """A review needs its date (`missing-field`): it is told the date to write, or, where the
    review has not been held or no one knows when, to remove the review; doing that leaves
    nothing to say."""
    [p] = lint_text(_held(f"date: {written}"))
    assert p.rule == "wrong-type", p.message
    assert "leave the line out" not in p.message and "leave the date out" not in p.message, p.message
    assert "write date: YYYY-MM-DD, the day the review was held" in p.message, p.message
    assert "if it has not been held, or no one knows when, remove this review" in p.message, p.message
    assert lint_text(_held("date: 2024-03")) == []
    assert lint_text(replace(PARTNERSHIP, REVIEW, f"{REVIEW}  history: []\n")) == []


def test_a_review_with_no_date_is_told_the_same():
    [p] = lint_text(_held("date:"))
    assert p.rule == "missing-field" and "write date: YYYY-MM-DD, the day the review was held" in p.message


@pytest.mark.parametrize(
    ("written", "said", "fixed"),
    [
        (
            "2024-03-12 (Cabinet)",
            "write date: 2024-03-12; the words after the date, 'Cabinet', go in the review's `notes:`",
            "date: 2024-03-12\n      notes: Cabinet",
        ),
        (
            "2023 - at the board",
            "write date: 2023; the words after the date, 'at the board', go in the review's `notes:`",
            "date: 2023\n      notes: at the board",
        ),
    ],
)
def test_a_review_date_with_words_after_it_is_told_where_the_words_go(written, said, fixed):
    [p] = lint_text(_held(f"date: {written}"))
    assert p.message == f"date: {said}", p.message
    assert lint_text(_held(fixed)) == []


def test_a_start_with_words_after_it_is_told_the_date():
    [p] = lint_text(replace(PARTNERSHIP, START, "start: 2016-04 (approx)"))
    assert p.message == "start: write start: 2016-04; the words after the date, 'approx', are not part of it"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("12/03/2024", "write history: [{date: 2024-03-12}] (a list, even of one)"),
        (
            "2022-03-01; March 2023",
            "write history: [{date: 2022-03-01}, {date: 2023-03}] (a list, one review for each)",
        ),
        ("TBC", "where no review has been held, remove the line"),
    ],
)
def test_a_review_history_written_as_one_line_is_told_its_reviews_dates(written, said):
    [p] = lint_text(replace(PARTNERSHIP, REVIEW, f"{REVIEW}  history: {written}\n"))
    assert p.message.startswith(f"history: should be a list, not {written!r}: {said}"), p.message


# --------------------------------------------------------------------------- dates that cannot be left out

DECIDED = "decisions:\n  - date: 2024-03-13\n    body: Cabinet\n    summary: Agreed the partnership.\n"


@pytest.mark.parametrize("written", ["N/A", "TBC", "'-'", "unknown", "31/12/9999", "9999-12-31"])
def test_a_decision_date_not_known_is_told_to_look_it_up_before_leaving_it_out(written):
    """A decision's date is looked up in the minutes; where no one knows it, the line is left out and
    the decision kept (`decision-date-not-recorded` warns); it is removed only if not yet decided."""
    [p] = lint_text(PARTNERSHIP + DECIDED.replace("2024-03-13", written))
    assert p.rule == "wrong-type", p.message
    assert "write date: YYYY-MM-DD, the day it was decided, as the minutes record it" in p.message, p.message
    assert "where no one knows when, leave the line out (the decision is kept" in p.message, p.message
    assert "if it has not been decided yet, remove this decision (and `decisions:` with it" in p.message
    assert lint_text(PARTNERSHIP + DECIDED.replace("2024-03-13", "2024-03")) == []
    # the line left out, as told: the decision is kept, and its date asked for with a warning
    left_out = [
        (p.rule, p.severity)
        for p in lint_text(PARTNERSHIP + DECIDED.replace("  - date: 2024-03-13\n    body", "  - body"))
    ]
    assert left_out == [("decision-date-not-recorded", "warning")]


FUNDED = "  period_end: 2026-03-31\n"


@pytest.mark.parametrize("written", ["TBC", "ongoing", "N/A", "31/12/9999", "9999-12-31"])
def test_the_end_of_community_fundings_period_is_asked_for_not_left_out(written):
    """Community funding is for a fixed period (`funding-missing-details` asks for its end): an
    end not known, or 'ongoing', is told to write the day the period ends, never to remove it."""
    [p] = lint_text(replace(COMMUNITY_FUNDING, FUNDED, f"  period_end: {written}\n"))
    assert p.rule == "wrong-type", p.message
    assert "remove the line" not in p.message and "leave the" not in p.message, p.message
    assert (
        "community funding is for a fixed period: write period_end: YYYY-MM-DD, the day the funded period ends"
        in p.message
    )
    assert [q.rule for q in lint_text(replace(COMMUNITY_FUNDING, FUNDED, ""))] == ["funding-missing-details"]


# --------------------------------------------------------------------------- placeholders, where they are


@pytest.mark.parametrize("written", ["31/12/9999", "9999-12-31", "9999"])
def test_a_placeholder_end_is_told_that_no_end_has_no_end_line(written):
    [p] = lint_text(f"{PARTNERSHIP}end: {written}\n")
    assert p.message.endswith(
        "is a placeholder, not a date: an arrangement with no end date has no `end`; remove the line"
    ), p.message
    assert lint_text(PARTNERSHIP) == []


@pytest.mark.parametrize("written", ["31/12/9999", "9999-12-31"])
def test_a_placeholder_elsewhere_is_not_told_of_an_end(written):
    [p] = lint_text(replace(PARTNERSHIP, START, f"start: {written}"))
    assert p.message.endswith(
        "is a placeholder, not a date: leave the date out where it is not known (a gap is fine)"
    ), p.message
    [p] = lint_text(_held(f"date: {written}"))
    assert (
        "end" not in p.message.split("history")[0]
        and "write date: YYYY-MM-DD, the day the review was held" in p.message
    ), p.message
    [p] = lint_text(PARTNERSHIP + DECIDED.replace("2024-03-13", written))
    assert "`end`" not in p.message and "the day it was decided" in p.message, p.message


# --------------------------------------------------------------------------- a review not held


def _listed(*reviews: str) -> str:
    items = "".join(f"    - {review}\n" for review in reviews)
    return replace(PARTNERSHIP, REVIEW, f"{REVIEW}  history:\n{items}")


@pytest.mark.parametrize("written", ["TBC", "N/A", "not yet", "'-'", "31/12/9999", "9999-12-31"])
def test_a_review_whose_date_says_it_was_not_held_is_one_problem_remove_it(written):
    """`- date: TBC` with no outcome says nothing of a review held: one problem, the review to
    remove (and to record once held), not a date to fix and an outcome to add as well."""
    [p] = lint_text(_listed("date: 2024-03-12\n      outcome: continue", f"date: {written}"))
    assert (p.rule, p.key) == ("wrong-type", "review.history[1].date"), [
        q.message for q in lint_text(_listed(f"date: {written}"))
    ]
    assert p.message.endswith(
        "and the review records no outcome: nothing says it was held; remove it from the history (and "
        "`history:` with it, where it is the only one), and once it is held, record it with "
        "`partreg review test-partnership --date YYYY-MM-DD --outcome continue`"
    ), p.message
    assert lint_text(_listed("date: 2024-03-12\n      outcome: continue")) == []
    [p] = lint_text(_listed(f"date: {written}"))  # the only review
    assert p.rule == "wrong-type" and "nothing says it was held" in p.message


def test_a_review_held_is_still_told_its_date_and_its_outcome():
    """A date the format does not read (12/03/2024) says a review was held: its outcome is asked for too."""
    found = lint_text(_listed("date: 12/03/2024"))
    assert sorted((p.rule, p.key) for p in found) == [
        ("missing-field", "review.history[0].outcome"),
        ("wrong-type", "review.history[0].date"),
    ], [p.message for p in found]
    [p] = lint_text(_listed("date: TBC\n      outcome: continue"))  # an outcome recorded: a review held
    assert "nothing says it was held" not in p.message and "the day the review was held" in p.message


@pytest.mark.parametrize("written", ["date:", "date: ~", "date: null"])
def test_a_review_whose_date_is_left_empty_with_no_outcome_is_one_problem_as_tbc_is(written):
    """`- date:` with nothing after it and no outcome says nothing of a review held, as `- date: TBC`
    does: one problem, the review to remove, not a date to add and an outcome to add as well."""
    [p] = lint_text(_listed("date: 2024-03-12\n      outcome: continue", written))
    assert (p.rule, p.key) == ("missing-field", "review.history[1].date")
    assert p.message == (
        "a review is recorded with no date and no outcome: nothing says it was held; remove it from the "
        "history (and `history:` with it, where it is the only one), and once it is held, record it with "
        "`partreg review test-partnership --date YYYY-MM-DD --outcome continue`"
    )
    [p] = lint_text(_listed(f"{written}\n      outcome: continue"))  # an outcome recorded: a review held
    assert "nothing says it was held" not in p.message and "the day the review was held" in p.message


def test_a_review_not_held_that_holds_notes_is_told_to_keep_them_before_it_goes():
    """ "Remove it" alone would lose what its notes say."""
    text = CONTRACT + "review:\n  history:\n    - date: TBC\n      notes: Cabinet to decide in spring\n"
    [p] = lint_text(text, today=dt.date(2026, 12, 7))
    assert (
        "nothing says it was held; move what its notes or actions say that is still wanted to " in p.message
    )
    assert "`internal: {notes: ...}`, then remove it from the history" in p.message
    [overdue, p] = lint_text(text.replace("date: TBC", "date:"), today=dt.date(2026, 12, 7))  # by line
    assert "move what its notes or actions say" in p.message
    assert overdue.message.startswith("no review is recorded since it started on 1 April 2019"), "none held"
    [p] = lint_text(CONTRACT + "review:\n  history:\n    - date: TBC\n", today=dt.date(2026, 12, 7))
    assert "notes" not in p.message


@pytest.mark.parametrize("written", ["", " TBC", " unknown"])
def test_an_exit_review_with_no_date_is_not_told_to_go_and_lose_the_exit(written):
    """A sheet's "Exit" with its "Last reviewed" cell blank: the advice to remove a review no one
    knows the date of threw the exit away, and review-due then showed it years overdue."""
    text = replace(
        PARTNERSHIP,
        "  months: 12\n",
        f"  months: 12\n  history:\n    - date:{written}\n      outcome: exit\n",
    )
    [p] = lint_text(text)
    assert "the day its exit was decided" in p.message and "the year at least keeps the exit" in p.message
    assert "record the exit as the arrangement's end instead, status: ended and end:" in p.message, p.message
    continued = text.replace("outcome: exit", "outcome: continue")
    [p] = lint_text(continued)
    assert "the day the review was held" in p.message and "exit" not in p.message, p.message


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("31/04/2020", "April 2020 has 30 days"),
        ("29/02/2023", "February 2023 has 28 days"),
        ("13/13/2020", "a month is 01 to 12"),
    ],
)
def test_a_day_the_calendar_lacks_written_the_uk_way_is_said_to_be_no_real_date(written, why):
    """`31/04/2020` was told to write dates as YYYY-MM-DD, as though the form were the fault, by lint,
    `--as-of`, `review --date` and `add` alike; `2020-04-31` was told it is no real date."""
    from partreg.entry import as_of_date
    from partreg.models import read_date

    [p] = lint_text(replace(PARTNERSHIP, START, f"start: {written}"))
    assert p.rule == "wrong-type"
    assert p.message == (
        f"start: {written!r} is not a real date ({why}): check it against the source, and write it as YYYY-MM-DD"
    )
    for read in (read_date, as_of_date):
        with pytest.raises(ValueError, match=f"^{written!r} is not a real date: {why}$"):
            read(written)


def test_a_date_written_month_first_is_said_to_be_that_day():
    """`12/31/2020`, from a sheet saved month first, is 31 December 2020: it had been told it is no
    real date (no month 31), and an officer who checked the source found the day."""
    from partreg.entry import as_of_date
    from partreg.models import read_date

    said = "'12/31/2020' has no month 31: written month first, as some spreadsheets write dates, it is 31 December 2020: write 2020-12-31"
    [p] = lint_text(replace(PARTNERSHIP, START, "start: 12/31/2020"))
    assert p.message == f"start: {said}"
    for read in (read_date, as_of_date):
        with pytest.raises(ValueError) as e:
            read("12/31/2020")
        assert str(e.value) == said
