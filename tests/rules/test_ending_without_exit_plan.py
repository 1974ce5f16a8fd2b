import datetime as dt

from tests.common import PARTNERSHIP, check, lint_text, replace

# reviewed in June, before the 90 days in which the end falls
ENDING = replace(
    PARTNERSHIP, "  months: 12\n", "  months: 12\n  history:\n    - {date: 2026-06-01, outcome: continue}\n"
)
ENDING += "end: 2026-12-31\n"
TODAY = dt.date(2026, 11, 24)


def test_ending_with_a_plan_or_not_soon():
    check(ENDING + "exit_strategy: Re-procure from January.\n", today=TODAY)
    check(ENDING, today=dt.date(2026, 9, 1))
    decided = replace(
        ENDING, "{date: 2026-06-01, outcome: continue}", "{date: 2026-11-01, outcome: continue}"
    )
    check(decided, today=TODAY)


def test_ending_without_a_plan():
    check(ENDING, ("ending-without-exit-plan", 32, 6), today=TODAY)


def test_the_days_to_the_end_are_counted_in_words():
    [p] = lint_text(ENDING, today=dt.date(2026, 12, 30))
    assert p.message.startswith("it ends on 31 December 2026, in 1 day, with no exit"), p.message
    [p] = lint_text(ENDING, today=dt.date(2026, 12, 29))
    assert p.message.startswith("it ends on 31 December 2026, in 2 days, with no exit"), p.message
    [p] = lint_text(ENDING, today=dt.date(2026, 12, 31))
    assert p.message.startswith("it ends on 31 December 2026, today, with no exit"), p.message


def test_a_month_that_has_begun_is_not_said_to_end_today():
    """An end known to the month ends on some day of it: no count of days says which."""
    [p] = lint_text(replace(ENDING, "end: 2026-12-31", "end: 2026-12"), today=dt.date(2026, 12, 10))
    assert p.message.startswith("it ends in December 2026, with no exit"), p.message


def test_an_exit_decided_long_before_the_end_is_its_plan():
    """Its exit was decided a year before the end (an imported "Exit", its end written as lint
    advises): it had been told to record the review that decides what happens next."""
    exit_decided = replace(
        ENDING, "{date: 2026-06-01, outcome: continue}", "{date: 2025-06-01, outcome: exit}"
    )
    check(exit_decided, today=TODAY)
    went_on = replace(
        ENDING,
        "{date: 2026-06-01, outcome: continue}",
        "{date: 2025-06-01, outcome: exit}\n    - {date: 2025-07-01, outcome: continue}",
    )
    check(went_on, ("review-overdue", 32, 14), ("ending-without-exit-plan", 33, 6), today=TODAY)


def test_a_year_or_a_month_still_to_come_is_said_to_begin_in_so_many_days_not_to_end_then():
    """`end: 2027` was told "it ends in 2027, in 25 days": 25 days is when 2027 begins."""
    [p] = lint_text(replace(ENDING, "end: 2026-12-31", "end: 2027"), today=dt.date(2026, 12, 7))
    assert p.message.startswith("it ends in 2027, which begins in 25 days, with no exit"), p.message
    [p] = lint_text(replace(ENDING, "end: 2026-12-31", "end: 2027-01"), today=dt.date(2026, 12, 7))
    assert p.message.startswith("it ends in January 2027, which begins in 25 days, with no exit"), p.message
