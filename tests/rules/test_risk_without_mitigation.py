from tests.common import PARTNERSHIP, check, lint_text, replace


def test_risk_with_mitigation():
    check(PARTNERSHIP)


def test_risk_without_mitigation():
    check(
        replace(PARTNERSHIP, "    mitigation: Information sharing agreement\n", ""),
        ("risk-without-mitigation", 25, 5),
    )


def test_many_risks_without_mitigation_are_counted_after_twenty():
    risks = "".join(f"  - description: Risk {i}\n" for i in range(50))
    text = replace(
        PARTNERSHIP,
        "  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        risks,
    )
    found = lint_text(text)
    assert [(p.rule, p.line) for p in found] == [("risk-without-mitigation", 25 + i) for i in range(21)]
    assert found[-1].message.endswith("(and 29 more like it at risks[*], not shown one by one)")


def test_a_risk_that_says_none_was_found_is_not_asked_how_it_is_reduced():
    """A register that assessed the risks and found none says so; nothing is to be reduced. A
    real risk beside it is still asked."""
    for said in ("None", "None identified.", "No significant risks", "nil"):
        text = replace(
            PARTNERSHIP,
            "  - description: Data not shared\n    mitigation: Information sharing agreement\n",
            f"  - description: {said}\n",
        )
        check(text)
    text = replace(
        PARTNERSHIP,
        "  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        "  - description: None identified\n  - description: Data not shared\n",
    )
    check(text, ("risk-without-mitigation", 26, 5))
