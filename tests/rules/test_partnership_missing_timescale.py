from tests.common import PARTNERSHIP, check, replace


def test_review_interval_or_end_date():
    check(PARTNERSHIP)
    check(replace(PARTNERSHIP, "review:\n  months: 12\n", "end: 2030-03-31\n"))


def test_neither():
    check(replace(PARTNERSHIP, "review:\n  months: 12\n", ""), ("partnership-missing-timescale", 3, 7))


def test_history_alone_is_not_an_agreed_timescale():
    text = replace(PARTNERSHIP, "  months: 12\n", "  history:\n    - {date: 2025-01-01, outcome: continue}\n")
    check(text, ("partnership-missing-timescale", 3, 7))
