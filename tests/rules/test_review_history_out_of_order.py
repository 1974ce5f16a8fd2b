import datetime as dt

import pytest

from tests.common import PARTNERSHIP, check, lint_text, replace

REVIEW = "  months: 12\n"
#: The line of the history's first review's date, and its column.
FIRST = 31


def _history(*dates: str) -> str:
    items = "".join(f"    - date: {d}\n      outcome: continue\n" for d in dates)
    return replace(PARTNERSHIP, REVIEW, f"{REVIEW}  history:\n{items}")


def _line(index: int) -> int:
    return FIRST + 2 * index


def test_reviews_oldest_first_are_fine():
    check(_history("2022-05-01", "2023-05", "2024", "2024-06-30"))
    check(_history("2024", "2024-03-12"))  # a year is in order beside a day within it
    check(_history("2024-03-12", "2024"))
    # two reviews of one day (by two bodies) are in order; the same review twice is review-recorded-twice
    assert [p.rule for p in lint_text(_history("2024-03-12", "2024-03-12"))] == ["review-recorded-twice"]


def test_a_history_written_newest_first_is_one_warning_at_the_top():
    [p] = lint_text(_history("2025-06-30", "2023-05-01", "2021-05-01"))
    assert (p.rule, p.severity, p.line, p.column) == ("review-history-out-of-order", "warning", _line(0), 13)
    assert p.message.startswith("review.history is newest first (2025-06-30 at the top): the format lists")
    assert p.message.endswith("reverse the order, 2021-05-01 first and 2025-06-30 last")


def test_the_latest_review_pasted_at_the_top_is_told_to_move_to_the_end():
    [p] = lint_text(_history("2025-06-30", "2021-05-01", "2023-05-01"))
    assert p.line == _line(0)
    assert p.message.startswith("the review of 2025-06-30 is above earlier reviews (2021-05-01)")
    assert p.message.endswith("move it to the end of the history")
    [p] = lint_text(_history("2020-05-01", "2023-05-01", "2021-05-01", "2024-05-01"))
    assert p.line == _line(1) and p.message.endswith("move it after the review of 2021-05-01"), p.message


def test_an_old_review_added_at_the_end_is_told_where_it_goes():
    [p] = lint_text(_history("2021-05-01", "2023-05-01", "2019"))
    assert p.line == _line(2)
    assert p.message.startswith("the review of 2019 is below later reviews (2023-05-01)")
    assert p.message.endswith("move it to the top of the history")
    [p] = lint_text(_history("2019-05-01", "2021-05-01", "2023-05-01", "2020-05-01"))
    assert p.line == _line(3) and p.message.endswith("move it above the review of 2021-05-01"), p.message


def test_a_review_added_at_the_end_of_a_history_written_newest_first():
    """What `partreg review` makes of a history written newest first: no order at all."""
    [p] = lint_text(_history("2025-06-30", "2023-05-01", "2021-05-01", "2026-06-01"))
    assert p.line == _line(1)
    assert p.message.startswith("the review of 2023-05-01 is below a later one, of 2025-06-30")
    assert p.message.endswith("put the reviews in order of their dates, the oldest first")


@pytest.mark.parametrize("wrong", ["N/A", "TBC"])
def test_a_review_whose_date_is_not_a_date_has_no_place_in_the_order(wrong):
    found = lint_text(_history("2021-05-01", wrong, "2023-05-01"))
    assert [p.rule for p in found] == ["wrong-type"]


def test_the_latest_review_is_read_by_its_date_whatever_the_order():
    """When the next review is due does not depend on the order: the latest by date counts."""
    text = _history("2025-06-30", "2023-05-01")
    assert [p.rule for p in lint_text(text, today=dt.date(2026, 6, 30))] == ["review-history-out-of-order"]
    found = lint_text(text, today=dt.date(2026, 7, 1))
    assert [p.rule for p in found] == ["review-history-out-of-order", "review-overdue"]
    assert "due on 2026-06-30" in found[1].message
