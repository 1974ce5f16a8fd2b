import datetime as dt

from tests.common import PARTNERSHIP, check, replace

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
