from tests.common import PARTNERSHIP, check, lint_text, replace


def test_measured_outcome():
    check(PARTNERSHIP)


def test_outcome_without_measure_or_target():
    text = replace(PARTNERSHIP, "    measure: repeat victims per year\n    target: 10% fewer\n", "")
    [p] = lint_text(text)
    assert (p.rule, p.line, p.column, str(p.severity)) == ("outcome-not-measurable", 17, 5, "warning")
    assert "no measure and no target" in p.message
