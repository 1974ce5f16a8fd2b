from tests.common import PARTNERSHIP, check, lint_text, replace


def test_measured_outcome():
    check(PARTNERSHIP)


def test_outcome_without_measure_or_target():
    text = replace(PARTNERSHIP, "    measure: repeat victims per year\n    target: 10% fewer\n", "")
    [p] = lint_text(text)
    assert (p.rule, p.line, p.column, str(p.severity)) == ("outcome-not-measurable", 17, 5, "warning")
    assert "no measure and no target" in p.message


def test_an_outcome_as_councils_word_it_is_quoted_whole():
    from tests.common import lint_text

    said = "Silver award under the Defence Employer Recognition Scheme"  # from a council's register
    text = PARTNERSHIP.replace(
        "  - description: Fewer repeat victims\n    measure: repeat victims per year\n    target: 10% fewer\n",
        f"  - description: {said}\n",
    )
    [p] = [p for p in lint_text(text) if p.rule == "outcome-not-measurable"]
    assert p.message.startswith(f"the outcome '{said}' has no measure and no target")
