from tests.common import PARTNERSHIP, check, lint_text, replace


def test_right_types():
    check(PARTNERSHIP)


def test_date_in_the_wrong_format():
    [p] = lint_text(replace(PARTNERSHIP, "start: 2021-04-01", "start: 01/04/2021"))
    assert (p.rule, p.line, p.column) == ("wrong-type", 27, 8)
    assert "YYYY-MM-DD" in p.message


def test_impossible_date():
    check(replace(PARTNERSHIP, "start: 2021-04-01", "start: 2021-02-30"), ("wrong-type", 27, 8))


def test_money_as_text():
    check(replace(PARTNERSHIP, "funding_gbp: 25000", 'funding_gbp: "£25,000"'), ("wrong-type", 21, 26))


def test_yes_is_text_in_yaml_1_2():
    text = PARTNERSHIP + "characteristics:\n  formal_agreement: yes\n"
    [p] = lint_text(text)
    assert (p.rule, p.line) == ("wrong-type", 31)
    assert "true or false" in p.message


def test_bad_id_form():
    check(
        replace(PARTNERSHIP, "id: test-partnership", "id: Test_Partnership"),
        ("wrong-type", 1, 5),
        file_id="Test_Partnership",
    )


def test_many_wrong_values_in_a_list_are_counted_after_twenty():
    partners = "".join("  - name: [Essex Police]\n" for _ in range(100))
    text = replace(PARTNERSHIP, "  - name: Essex Police\n    sector: public\n", partners)
    found = lint_text(text)
    assert [(p.rule, p.key) for p in found] == [("wrong-type", f"partners[{i}].name") for i in range(21)]
    assert found[-1].message.endswith("(and 79 more like it at partners[*].name, not shown one by one)")
