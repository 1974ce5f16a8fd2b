import datetime as dt

import pytest

from tests.common import PARTNERSHIP, SETTINGS, check, lint_text, replace


def test_younger_than_one_interval():
    check(PARTNERSHIP, today=dt.date(2022, 4, 1))


def test_never_reviewed():
    check(PARTNERSHIP, ("no-review-history", 27, 8), today=dt.date(2022, 4, 2))


def test_a_start_written_wrongly_is_one_problem_not_two():
    import datetime as dt

    from tests.common import lint_text

    for start, said in (
        ("April 2016", "start: 'April 2016' is written the UK way: write 2016-04"),
        ("2016-02-30", "start: '2016-02-30' is not a real date: February 2016 has 29 days"),
    ):
        text = PARTNERSHIP.replace("start: 2021-04-01", f"start: {start}")
        found = lint_text(text, today=dt.date(2026, 6, 1))
        assert [p.rule for p in found] == ["wrong-type"], [p.message for p in found]
        assert found[0].message.startswith(said)


def test_an_interval_written_wrongly_does_not_hide_that_no_review_is_recorded():
    import datetime as dt

    from tests.common import lint_text

    text = PARTNERSHIP.replace("  months: 12", "  months: twelve")
    rules = [p.rule for p in lint_text(text, today=dt.date(2026, 6, 1))]
    assert rules == ["no-review-history", "wrong-type"]


def _reviewed(date_line: str, text: str = PARTNERSHIP) -> str:
    return replace(
        text, "  months: 12\n", f"  months: 12\n  history:\n    - {date_line}\n      outcome: continue\n"
    )


@pytest.mark.parametrize(
    ("date_line", "rule"),
    [
        ("date: N/A", "wrong-type"),
        ("date: TBC", "wrong-type"),
        ("date: not yet reviewed", "wrong-type"),
        ("date: 2024-03-12 (Cabinet)", "wrong-type"),
        ("date: 12/03/2024", "wrong-type"),
    ],
)
def test_a_review_whose_date_is_not_a_date_is_one_problem_not_two(date_line, rule):
    """The review's date is said once, as what is wrong with it; not again as "no review is
    recorded", which is what the same date read as none makes of it."""
    found = lint_text(_reviewed(date_line), today=dt.date(2026, 6, 1))
    assert [(p.rule, p.line) for p in found] == [(rule, 31)], [p.message for p in found]
    no_start = _reviewed(date_line, PARTNERSHIP.replace("start: 2021-04-01\n", ""))
    rules = sorted(p.rule for p in lint_text(no_start, today=dt.date(2026, 6, 1)))
    assert rules == sorted([rule, "start-not-recorded"]), rules


@pytest.mark.parametrize("date_line", ["date:", "notes: Reviewed at the board"])
def test_a_review_with_no_date_at_all_leaves_the_next_counted_from_the_start_and_says_so(date_line):
    """`- outcome: continue` with no date: review-due counts the next review from the start, years
    overdue, and lint had said only that the date is missing; once it was written, lint said the
    review was overdue. Both are said at once (where no start is recorded, only the date)."""
    found = lint_text(_reviewed(date_line), today=dt.date(2026, 6, 1))
    assert [(p.rule, p.line) for p in found] == [("no-review-history", 27), ("missing-field", 31)]
    assert found[0].message.startswith(
        "no review with a date is recorded since it started on 1 April 2021, more than 12 months ago: "
        "write the date of the review recorded, or record the last review with `partreg review"
    )
    no_start = _reviewed(date_line, PARTNERSHIP.replace("start: 2021-04-01\n", ""))
    rules = sorted(p.rule for p in lint_text(no_start, today=dt.date(2026, 6, 1)))
    assert rules == ["missing-field", "start-not-recorded"], rules


def test_a_review_without_a_date_is_still_said_where_missing_field_is_off():
    quiet = SETTINGS.model_copy(update={"rules": {"missing-field": "off"}})
    found = lint_text(_reviewed("date:"), settings=quiet, today=dt.date(2026, 6, 1))
    assert [p.rule for p in found] == ["no-review-history"]


def test_a_history_written_as_not_applicable_is_one_problem_that_does_not_write_it_as_a_date():
    text = replace(PARTNERSHIP, "  months: 12\n", "  months: 12\n  history: N/A\n")
    [p] = lint_text(text, today=dt.date(2026, 6, 1))
    assert p.rule == "wrong-type" and "{date: N/A}" not in p.message, p.message
    assert "where no review has been held, remove the line" in p.message


def test_an_interval_of_one_month_is_said_in_the_singular():
    monthly = replace(PARTNERSHIP, "  months: 12\n", "  months: 1\n")
    [p] = lint_text(monthly, today=dt.date(2026, 6, 1))
    assert "since it started on 1 April 2021, more than 1 month ago" in p.message, p.message


def test_the_command_given_finds_the_file(tmp_path):
    """`Café-Board.yaml`, its id no id: told `partreg review caf-board`, which found nothing (the
    review command finds a file by its name). Where the name is no id, the command says ID."""
    from partreg.runner import lint_files

    (tmp_path / "register").mkdir()
    text = PARTNERSHIP.replace("id: test-partnership", "id: Café-Board")
    for name in ("Café-Board", "board-x"):
        (tmp_path / "register" / f"{name}.yaml").write_text(text)
    found = {
        p.path: p.message
        for path in sorted((tmp_path / "register").iterdir())
        for ps in lint_files([path], tmp_path, SETTINGS, dt.date(2026, 6, 1), jobs=1)
        for p in ps
        if p.rule == "no-review-history"
    }
    assert "`partreg review ID --date" in found["register/Café-Board.yaml"]
    assert "`partreg review board-x --date" in found["register/board-x.yaml"], "found by its name"
