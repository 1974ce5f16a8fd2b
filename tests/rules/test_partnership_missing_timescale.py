from tests.common import PARTNERSHIP, check, replace


def test_review_interval_or_end_date():
    check(PARTNERSHIP)
    check(replace(PARTNERSHIP, "review:\n  months: 12\n", "end: 2030-03-31\n"))


def test_neither():
    check(replace(PARTNERSHIP, "review:\n  months: 12\n", ""), ("partnership-missing-timescale", 3, 7))


def test_history_alone_is_not_an_agreed_timescale():
    text = replace(PARTNERSHIP, "  months: 12\n", "  history:\n    - {date: 2025-01-01, outcome: continue}\n")
    check(text, ("partnership-missing-timescale", 3, 7))


def test_a_file_with_a_review_history_is_told_to_add_the_months_under_it_and_doing_so_is_right():
    """`review: {months: 12}` added beside the file's `review:` would repeat the key, and the file
    would not be read: the advice is the months under the `review:` it has."""
    from tests.common import lint_text

    text = replace(PARTNERSHIP, "  months: 12\n", "  history:\n    - {date: 2025-01-01, outcome: continue}\n")
    [p] = [p for p in lint_text(text) if p.rule == "partnership-missing-timescale"]
    assert p.message == (
        "a partnership must agree timescales for its review or life: add `months: 12` under the file's "
        "`review:`, indented as the keys under it are (a second `review:` would repeat the key), or an "
        "`end:` date"
    )
    fixed = replace(text, "review:\n", "review:\n  months: 12\n")
    assert [
        p.rule for p in lint_text(fixed) if p.rule in ("partnership-missing-timescale", "duplicate-key")
    ] == []
    # with no review at all, the advice is the whole mapping
    [p] = [
        p
        for p in lint_text(replace(PARTNERSHIP, "review:\n  months: 12\n", ""))
        if p.rule == "partnership-missing-timescale"
    ]
    assert "add `review: {months: 12}` or an `end:` date" in p.message
