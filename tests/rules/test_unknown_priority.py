from tests.common import PARTNERSHIP, check, lint_text, replace


def test_known_priority():
    check(PARTNERSHIP)


def test_misspelt_priority():
    [p] = lint_text(replace(PARTNERSHIP, "[developing-our-communities]", "[developing-our-community]"))
    assert (p.rule, p.line, p.column) == ("unknown-priority", 9, 14)
    assert "did you mean 'developing-our-communities'?" in p.message


def test_no_settings_no_check():
    check(replace(PARTNERSHIP, "[developing-our-communities]", "[anything]"), settings=None)
