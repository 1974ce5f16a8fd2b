from tests.common import COMMUNITY_FUNDING, check, lint_text, replace


def test_funding_with_details():
    check(COMMUNITY_FUNDING)


def test_funding_without_actions():
    [p] = lint_text(replace(COMMUNITY_FUNDING, "  actions: [Refurbish the scout hut]\n", ""))
    assert (p.rule, p.line, p.column) == ("funding-missing-details", 9, 3)
    assert "funding.actions" in p.message


def test_no_funding_block():
    start = COMMUNITY_FUNDING.index("funding:")
    end = COMMUNITY_FUNDING.index("\nstart:") + 1
    check(COMMUNITY_FUNDING[:start] + COMMUNITY_FUNDING[end:], *[("funding-missing-details", 3, 7)] * 4)
