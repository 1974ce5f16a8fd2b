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


def test_no_review_is_due_after_one_that_decided_the_exit():
    """A sheet's last review said "Exit", and its status was left active: lint had told the officer
    its review was overdue, and to record one with `--outcome continue`, which says the opposite of
    the one recorded. Nothing is reviewed after an exit: what is left is to record its end
    (`ended-not-closed` says so), and once that is recorded nothing is said."""
    text = replace(REVIEWED, "      outcome: continue\n", "      outcome: exit\n")
    found = lint_text(text, today=dt.date(2026, 7, 1))
    assert "review-overdue" not in [p.rule for p in found]
    [p] = [p for p in found if p.rule == "ended-not-closed"]
    assert p.message == (
        "the review of 2025-06-30 decided its exit, but no end is recorded and its status is active: record "
        "its end with `partreg review test-partnership --date 2025-06-30 --outcome exit --end YYYY-MM-DD` (the "
        "day it ended, or will end: the status is written ended once that day has passed); if it goes on "
        "after all, record the review that decided so, `partreg review test-partnership --date YYYY-MM-DD "
        "--outcome continue`"
    )
    ending = replace(text, "review:\n", "end: 2026-12-31\nreview:\n")  # decided, and ends later this year
    assert [p.rule for p in lint_text(ending, today=dt.date(2026, 7, 1))] == []
    ended = replace(
        replace(text, "status: active", "status: ended"), "review:\n", "end: 2025-07-31\nreview:\n"
    )
    assert [p.rule for p in lint_text(ended, today=dt.date(2026, 7, 1))] == []
    # a review after the exit that found it going on: its reviews are due again
    went_on = text.replace(
        "      outcome: exit\n", "      outcome: exit\n    - date: 2025-07-15\n      outcome: continue\n"
    )
    assert "review-overdue" in [p.rule for p in lint_text(went_on, today=dt.date(2026, 8, 1))]
