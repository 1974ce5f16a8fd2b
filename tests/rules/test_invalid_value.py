from tests.common import PARTNERSHIP, check, lint_text, replace


def test_allowed_values():
    check(PARTNERSHIP)


def test_misspelt_kind():
    [p] = lint_text(replace(PARTNERSHIP, "kind: partnership", "kind: partnershp"))
    assert (p.rule, p.line, p.column) == ("invalid-value", 3, 7)
    assert "did you mean 'partnership'?" in p.message


def test_nested_value():
    check(replace(PARTNERSHIP, "    sector: public", "    sector: government"), ("invalid-value", 12, 13))
