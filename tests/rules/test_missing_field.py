from tests.common import CONTRACT, PARTNERSHIP, check, lint_text, replace


def test_all_required_fields():
    check(PARTNERSHIP)


def test_missing_top_level_field_points_at_the_top():
    check(replace(PARTNERSHIP, "title: Test Community Safety Partnership\n", ""), ("missing-field", 1, 1))


def test_missing_nested_field_points_at_its_parent():
    check(replace(PARTNERSHIP, "  service: Community Safety\n", ""), ("missing-field", 6, 1))


def test_only_a_councillor_as_lead():
    text = replace(
        PARTNERSHIP,
        "  role: Community Safety Manager\n  service: Community Safety\n",
        "  member: Cllr A. Patel, Portfolio Holder for Community Safety\n",
    )
    problems = lint_text(text)
    assert [(p.rule, p.key) for p in problems] == [
        ("missing-field", "lead.role"),
        ("missing-field", "lead.service"),
    ]
    assert "'role' is not recorded in lead: add `role:`, the lead officer's role" in problems[0].message


def test_no_partners():
    check(
        replace(PARTNERSHIP, "partners:\n  - name: Essex Police\n    sector: public\n", "partners: []\n"),
        ("missing-field", 10, 1),
    )


def test_a_partner_written_as_text_is_one_problem():
    # the wrong item is reported; "no partner is recorded" is not said again of the same list
    check(
        replace(PARTNERSHIP, "  - name: Essex Police\n    sector: public\n", "  - Essex Police\n"),
        ("wrong-type", 11, 5),
    )


def test_items_need_what_makes_them_that_item():
    text = replace(CONTRACT, "partners: [{name: BIFFA, sector: private}]", "partners: [{sector: private}]")
    text += "review:\n  history:\n    - date: 2024-03\n"
    assert [(p.rule, p.key) for p in lint_text(text)] == [
        ("missing-field", "partners[0].name"),
        ("missing-field", "review.history[0].outcome"),
    ]


def test_a_misspelt_field_is_one_problem():
    check(replace(PARTNERSHIP, "title:", "titel:"), ("unknown-key", 2, 1))
