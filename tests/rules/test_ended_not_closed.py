import datetime as dt

from tests.common import CONTRACT, check, lint_text, replace

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
    assert "`partreg review test-contract --outcome exit --end 2023-01-31`" in p.message


def test_a_month_or_year_has_passed_only_when_all_of_it_has():
    text = CONTRACT + "end: 2025-12\nexit_strategy: Re-procure.\n" + REVIEWED
    assert lint_text(text, today=dt.date(2025, 12, 31)) == []
    [p] = lint_text(CONTRACT + "end: 2025\n", today=TODAY)
    assert p.rule == "ended-not-closed" and "it ended in 2025 (end: 2025)" in p.message
