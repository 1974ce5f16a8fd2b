from tests.common import PARTNERSHIP, check, lint_text, replace


def test_known_keys():
    check(PARTNERSHIP)


def test_misspelt_optional_key_suggests_the_right_one():
    text = replace(PARTNERSHIP, "added_value:", "added_valu:")
    [unknown] = lint_text(text)  # one fault, one problem: not also "a partnership must agree its added value"
    assert (unknown.rule, unknown.line, unknown.column) == ("unknown-key", 23, 1)
    assert "did you mean 'added_value'?" in unknown.message


def test_misspelt_required_key_is_one_problem():
    check(replace(PARTNERSHIP, "status: active", "statuss: active"), ("unknown-key", 4, 1))


def test_unknown_nested_key_lists_the_keys():
    [p] = lint_text(replace(PARTNERSHIP, "  role: Community", "  postcode: CM15\n  role: Community"))
    assert (p.rule, p.line, p.column, p.key) == ("unknown-key", 7, 3, "lead.postcode")
    assert "role, service" in p.message
