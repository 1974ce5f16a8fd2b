from tests.common import CONTRACT, PARTNERSHIP, check, lint_text, replace


def test_all_required_fields():
    check(PARTNERSHIP)


def test_missing_top_level_field_points_at_the_top():
    check(replace(PARTNERSHIP, "title: Test Community Safety Partnership\n", ""), ("missing-field", 1, 1))


def test_missing_nested_field_points_at_its_parent():
    [p] = lint_text(replace(PARTNERSHIP, "  role: Community Safety Manager\n", ""))
    assert (p.rule, p.key, p.line, p.column) == ("missing-field", "lead.role", 6, 1)
    assert "add `role:` under `lead`, the lead officer's role (not a name), or `member:`" in p.message


def test_only_a_councillor_as_lead_is_a_lead():
    """Many registers name only the lead councillor: a role or a member is a lead; the service a warning."""
    text = replace(
        PARTNERSHIP,
        "  role: Community Safety Manager\n  service: Community Safety\n",
        "  member: Cllr A. Patel, Portfolio Holder for Community Safety\n",
    )
    assert [(p.rule, p.key, p.severity) for p in lint_text(text)] == [
        ("lead-service-not-recorded", "lead.service", "warning")
    ]


def test_since_1_1_items_need_what_makes_them_that_item():
    text = PARTNERSHIP + (
        "representatives:\n  - capacity: observer\n"
        "contributions:\n  - cash_gbp: 100\n"
        "decisions:\n  - body: Cabinet\n"
    )
    text = replace(
        text,
        "review:\n  months: 12\n",
        "review:\n  months: 12\n  history:\n    - {date: 2025-06-30, outcome: continue, actions: [{owner: Manager}]}\n",
    )
    found = [(p.rule, p.key) for p in lint_text(text)]
    assert found == [
        ("missing-field", "review.history[0].actions[0].description"),
        ("missing-field", "representatives[0]"),
        ("missing-field", "contributions[0].by"),
        ("missing-field", "contributions[0].year"),
        ("decision-date-not-recorded", "decisions[0].date"),  # who decided is recorded: a warning
    ]


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
