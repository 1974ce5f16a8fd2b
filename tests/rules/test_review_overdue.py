import datetime as dt

from tests.common import PARTNERSHIP, check, lint_text, replace

REVIEWED = replace(
    PARTNERSHIP,
    "  months: 12\n",
    "  months: 12\n  history:\n    - date: 2025-06-30\n      outcome: continue\n",
)


def test_review_not_yet_due():
    check(REVIEWED, today=dt.date(2026, 6, 30))
    check(REVIEWED)  # no date given: date rules do not run


def test_review_overdue():
    [p] = lint_text(REVIEWED, today=dt.date(2026, 7, 1))
    assert (p.rule, p.line, p.column, str(p.severity)) == ("review-overdue", 31, 13, "warning")
    assert "due on 2026-06-30 (1 day ago; last held 2025-06-30, every 12 months)" in p.message, p.message
    [p] = lint_text(REVIEWED, today=dt.date(2026, 7, 3))
    assert "due on 2026-06-30 (3 days ago;" in p.message, p.message


def test_a_monthly_review_is_said_every_month():
    monthly = replace(REVIEWED, "  months: 12\n", "  months: 1\n")
    [p] = lint_text(monthly, today=dt.date(2025, 8, 1))
    assert "due on 2025-07-30 (2 days ago; last held 2025-06-30, every month)" in p.message, p.message


def test_ended_arrangements_are_never_overdue():
    text = replace(REVIEWED, "status: active", "status: ended") + "end: 2026-01-01\n"
    check(text, today=dt.date(2030, 1, 1))


def test_a_review_that_decided_the_exit_is_not_told_to_continue():
    """A sheet's last review said "Exit", and its status was left active: lint had told the officer
    to record a review with `--outcome continue`, which says the opposite of the one recorded."""
    text = replace(REVIEWED, "      outcome: continue\n", "      outcome: exit\n")
    [p] = [p for p in lint_text(text, today=dt.date(2026, 7, 1)) if p.rule == "review-overdue"]
    assert p.message == (
        "the review was due on 2026-06-30 (1 day ago; last held 2025-06-30, every 12 months), and that review "
        "decided its exit: if it has ended, write status: ended, and end: the day it ended; if it goes on "
        "after all, hold its review and record it with `partreg review test-partnership --date YYYY-MM-DD "
        "--outcome continue`"
    )
    ended = replace(
        replace(text, "status: active", "status: ended"), "review:\n", "end: 2025-07-31\nreview:\n"
    )
    assert [p.rule for p in lint_text(ended, today=dt.date(2026, 7, 1))] == []
