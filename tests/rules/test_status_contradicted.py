"""A status that its own dates or reviews contradict: one of the two is out of date."""

import datetime as dt

from tests.common import CONTRACT, PARTNERSHIP, lint_text, replace

TODAY = dt.date(2026, 12, 7)
ID = "status-contradicted"


def test_a_proposal_whose_start_has_passed():
    text = replace(
        replace(CONTRACT, "status: active", "status: proposed"), "start: 2019-04-01", "start: 2018"
    )
    [p] = [p for p in lint_text(text, today=TODAY) if p.rule == ID]
    assert (p.line, p.column, p.severity) == (4, 9, "warning")
    assert p.message.startswith("recorded as proposed, but its start, 2018, has passed: if it has begun")
    assert ID not in [
        p.rule for p in lint_text(replace(text, "status: proposed", "status: active"), today=TODAY)
    ]


def test_a_proposal_to_start_this_month_or_later_is_not_reported():
    proposed = replace(CONTRACT, "status: active", "status: proposed")
    for start in ("2026-12", "2026", "2027-04-01"):
        assert ID not in [
            p.rule for p in lint_text(replace(proposed, "start: 2019-04-01", f"start: {start}"), today=TODAY)
        ]


def test_an_ended_arrangement_that_a_later_review_went_on_with():
    history = "review:\n  months: 12\n  history:\n    - {date: 2026-01-01, outcome: continue}\n"
    text = replace(CONTRACT, "status: active", "status: ended") + "end: 2024-03\n" + history
    [p] = [p for p in lint_text(text, today=TODAY) if p.rule == ID]
    assert p.message.startswith(
        "recorded as ended in March 2024, but its review of 2026-01-01 (continue), after that end, went on"
    )
    for fine in ("outcome: exit", "outcome: continue}\n    - {date: 2026-02-01, outcome: exit"):
        assert ID not in [p.rule for p in lint_text(text.replace("outcome: continue", fine), today=TODAY)]
    before = text.replace("date: 2026-01-01", "date: 2024-02-01")  # held before its end, recorded late
    assert ID not in [p.rule for p in lint_text(before, today=TODAY)]


def test_not_reported_without_a_date_to_compare_with():
    text = replace(PARTNERSHIP, "status: active", "status: proposed")
    assert ID not in [p.rule for p in lint_text(text, today=None)]


def test_an_ended_arrangement_whose_end_is_still_to_come():
    """Recorded as ended, with an end in 2030: the page had published "Ended 31 March 2030"."""
    text = replace(CONTRACT, "status: active", "status: ended") + "end: 2030-03-31\n"
    [p] = [p for p in lint_text(text, today=TODAY) if p.rule == ID]
    assert (p.line, p.column, p.key) == (4, 9, "status")
    assert p.message == (
        "recorded as ended, but its end, 2030-03-31, is still to come (the page says it ended before its "
        "recorded end): if it ended early, write the day it ended as `end:`; if it has not ended, write "
        "status: active"
    )
    for fine in ("end: 2026-12-07", "end: 2026-12", "end: 2026", "end: 2025-03-31"):  # not wholly to come
        assert ID not in [p.rule for p in lint_text(text.replace("end: 2030-03-31", fine), today=TODAY)]
