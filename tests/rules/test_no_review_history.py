import datetime as dt

from tests.common import PARTNERSHIP, check


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
