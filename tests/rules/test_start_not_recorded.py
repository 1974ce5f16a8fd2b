import datetime as dt

from tests.common import CONTRACT, check, lint_text, replace


def test_a_start_as_precise_as_the_source_is_enough():
    check(CONTRACT)
    check(replace(CONTRACT, "start: 2019-04-01", "start: 2019-04"))
    check(replace(CONTRACT, "start: 2019-04-01", "start: 2019"))


def test_no_start_is_a_warning_that_says_what_to_record():
    [p] = lint_text(replace(CONTRACT, "start: 2019-04-01\n", ""))
    assert (p.rule, p.severity, p.line, p.column) == ("start-not-recorded", "warning", 1, 1)
    assert "as precisely as it is known (2016-04-01, 2016-04 or 2016)" in p.message


def test_with_no_review_either_the_review_is_asked_for_too():
    problems = lint_text(replace(CONTRACT, "start: 2019-04-01\n", ""), today=dt.date(2026, 1, 1))
    assert [p.rule for p in problems] == ["no-review-history", "start-not-recorded"]


def test_a_start_written_the_uk_way_is_one_problem_with_the_fix():
    [p] = lint_text(replace(CONTRACT, "start: 2019-04-01", "start: April 2019"))
    assert (p.rule, p.key) == ("wrong-type", "start")
    assert "write 2019-04 " in p.message


def test_a_proposed_arrangement_has_not_begun():
    """`add` asks a proposed arrangement when it is to start only if that is known: not knowing yet
    is no gap, and no review is due before it begins."""
    proposed = replace(CONTRACT, "status: active", "status: proposed").replace("start: 2019-04-01\n", "")
    check(proposed, today=dt.date(2026, 12, 7))
    active = replace(proposed, "status: proposed", "status: active")
    assert [p.rule for p in lint_text(active, today=dt.date(2026, 12, 7))] == [
        "no-review-history",
        "start-not-recorded",
    ]
