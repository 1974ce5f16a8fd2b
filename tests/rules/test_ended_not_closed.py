import datetime as dt

from tests.common import CONTRACT, SETTINGS, check, lint_text, replace

TODAY = dt.date(2026, 1, 1)


REVIEWED = "review:\n  history: [{date: 2025-06-01, outcome: continue}]\n"


def test_an_end_to_come_or_a_closed_entry_is_fine():
    check(CONTRACT + "end: 2026-03-31\nexit_strategy: Re-procure.\n" + REVIEWED, today=TODAY)
    ended = replace(CONTRACT, "status: active", "status: ended") + "end: 2023-01-31\n"
    check(ended + "review:\n  history: [{date: 2023-01-31, outcome: exit}]\n", today=TODAY)


def test_an_expired_contract_still_active_says_how_to_close_it():
    [p] = lint_text(CONTRACT + "end: 2023-01-31\n", today=TODAY)
    assert (p.rule, p.severity, p.line, p.column) == ("ended-not-closed", "warning", 4, 9)
    assert "it ended on 31 January 2023 (end: 2023-01-31) but its status is active" in p.message
    assert (
        "`partreg review test-contract --date YYYY-MM-DD --outcome exit --end 2023-01-31`, --date being the "
        "day its exit was decided (or its month or year, YYYY-MM or YYYY, where no more is known; without --date, today)"
        in p.message
    )


def test_a_month_or_year_has_passed_only_when_all_of_it_has():
    text = CONTRACT + "end: 2025-12\nexit_strategy: Re-procure.\n" + REVIEWED
    assert lint_text(text, today=dt.date(2025, 12, 31)) == []
    [p] = lint_text(CONTRACT + "end: 2025\n", today=TODAY)
    assert p.rule == "ended-not-closed" and "it ended in 2025 (end: 2025)" in p.message


def test_an_end_before_the_start_is_said_once_and_never_suggested_for_the_exit():
    """One of the two dates is wrong, and the end may be the one: end-before-start says to check
    both, and no exit review is suggested with an end before the start."""
    text = replace(CONTRACT, "start: 2019-04-01\n", "start: 2019-04\nend: 2018-03-31\n")
    [p] = lint_text(text, today=TODAY)
    assert p.rule == "end-before-start", p.message
    quiet = SETTINGS.model_copy(update={"rules": {"end-before-start": "off"}})
    [p] = lint_text(text, today=TODAY, settings=quiet)
    assert p.rule == "ended-not-closed" and "--end 2018-03-31" not in p.message, p.message
    assert "the end is before its start, 2019-04: correct the date that is wrong" in p.message
    assert (
        "`partreg review test-contract --date YYYY-MM-DD --outcome exit --end YYYY-MM-DD`, --date being the "
        "day its exit was decided (or its month or year, YYYY-MM or YYYY, where no more is known; without --date, today), and --end the day it ended (not before 2019-04)"
        in p.message
    )


def test_a_review_after_the_end_is_not_told_it_ended_then():
    """Reviewed after its end, with the outcome to continue: it was extended, or ended later; the
    end recorded is not suggested for the exit."""
    text = CONTRACT + "end: 2023-01-31\nreview:\n  history:\n    - {date: 2024-06-03, outcome: continue}\n"
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line) == ("ended-not-closed", 4)
    assert not p.message.startswith("it ended") and "--end 2023-01-31" not in p.message, p.message
    assert p.message.startswith(
        "its end, 2023-01-31, has passed, but it was reviewed after it, on 3 June 2024"
    )
    assert "if it was extended, record the new end date" in p.message
    assert "--outcome exit --end YYYY-MM-DD`, " in p.message
    assert "and --end the day it ended (not before 2024-06-03)" in p.message


def test_an_exit_already_reviewed_is_told_only_the_status():
    text = CONTRACT + "end: 2023-01-31\nreview:\n  history:\n    - {date: 2023-01-10, outcome: exit}\n"
    [p] = lint_text(text, today=TODAY)
    assert p.rule == "ended-not-closed" and "partreg review" not in p.message, p.message
    assert p.message.endswith(
        "recorded its exit, and its end, 2023-01-31, has passed, but its status is active: write status: ended"
    )
    assert lint_text(replace(text, "status: active", "status: ended"), today=TODAY) == []


def test_an_end_after_the_start_and_the_last_review_is_still_the_one_suggested():
    text = CONTRACT + "end: 2023-01-31\nreview:\n  history:\n    - {date: 2023, outcome: continue}\n"
    [p] = lint_text(text, today=TODAY)
    assert "`partreg review test-contract --date YYYY-MM-DD --outcome exit --end 2023-01-31`" in p.message


def test_a_review_after_the_end_names_the_review_it_makes_due():
    """Recording the new end, as it says, makes the review counted from the later review due (or
    overdue): it is said now, not found after."""
    text = CONTRACT + "end: 2023-01-31\nreview:\n  history:\n    - {date: 2024-06-03, outcome: continue}\n"
    [p] = lint_text(text, today=TODAY)
    assert (
        "if it was extended, record the new end date (its next review, counted from that one, was due on "
        "2025-06-03)" in p.message
    ), p.message
    [p] = lint_text(text, today=dt.date(2025, 1, 1))
    assert "(its next review, counted from that one, is due on 2025-06-03)" in p.message, p.message
    extended = lint_text(replace(text, "end: 2023-01-31", "end: 2027-01-31"), today=TODAY)
    assert [q.rule for q in extended] == ["review-overdue"] and "due on 2025-06-03" in extended[0].message


def test_the_next_review_after_one_held_after_the_end_is_said_as_precisely_as_that_review():
    """A review known to the month: its next had been said "due on 2025-05-01", a day no one chose,
    where review-due says it is due in 2025-05."""
    text = CONTRACT + "end: 2023-03-31\nreview:\n  history:\n    - {date: 2024-05, outcome: continue}\n"
    [p] = [p for p in lint_text(text, today=dt.date(2026, 1, 15)) if p.rule == "ended-not-closed"]
    assert "(its next review, counted from that one, was due in 2025-05)" in p.message
    day = text.replace("date: 2024-05,", "date: 2024-05-20,")
    [p] = [p for p in lint_text(day, today=dt.date(2026, 1, 15)) if p.rule == "ended-not-closed"]
    assert "(its next review, counted from that one, was due on 2025-05-20)" in p.message
