from tests.common import PARTNERSHIP, check, replace


def test_a_known_rule():
    check(
        replace(
            PARTNERSHIP.replace("  service: Community Safety\n", ""),
            "lead:\n",
            "lead:  # partreg: disable=lead-service-not-recorded the board decided\n",
        )
    )


def test_an_unknown_rule():
    check(
        replace(
            PARTNERSHIP,
            "kind: partnership\n",
            "kind: partnership  # partreg: disable=kind-mismatches reason\n",
        ),
        ("disable-unknown-rule", 3, 20),
    )


def test_a_comment_on_another_line_than_its_problem_says_where_the_problem_is():
    """The problem of a missing service is placed at `lead:`; a comment on `role:` excused nothing."""
    text = replace(
        PARTNERSHIP.replace("  service: Community Safety\n", ""),
        "  role: Community Safety Manager\n",
        "  role: Community Safety Manager  # partreg: disable=lead-service-not-recorded agreed\n",
    )
    check(
        text,
        ("lead-service-not-recorded", 6, 1),
        ("disable-unknown-rule", 7, 35),
    )
    from tests.common import lint_text

    [_, unused] = lint_text(text)
    assert unused.message == (
        "lead-service-not-recorded finds nothing on line 7 to disable: its problem is on line 6: put the "
        "comment at the end of that line"
    )


def test_a_rule_counted_past_the_problems_shown_is_not_said_to_find_nothing():
    """The 25th hit of a rule is counted, not shown: a comment on its line may excuse it."""
    from tests.common import lint_text

    partners = "".join(f"  - name: Org Number{i} #x{i}\n" for i in range(24))
    partners += "  - name: Org Number24 #x24  # partreg: disable=comment-cuts-text the # is a comment here\n"
    text = replace(
        PARTNERSHIP, "partners:\n  - name: Essex Police\n    sector: public\n", "partners:\n" + partners
    )
    assert not [p for p in lint_text(text) if p.rule == "disable-unknown-rule"]
