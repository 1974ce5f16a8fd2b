from tests.common import COMMUNITY_FUNDING, check, lint_text, replace


def test_funding_with_details():
    check(COMMUNITY_FUNDING)


def test_funding_without_actions():
    [p] = lint_text(replace(COMMUNITY_FUNDING, "  actions: [Refurbish the scout hut]\n", ""))
    assert (p.rule, p.line, p.column) == ("funding-missing-details", 9, 3)
    assert p.message == (
        "community funding needs its funded actions (a list): add `actions:` under the file's `funding:`"
    )


def test_no_funding_block():
    start = COMMUNITY_FUNDING.index("funding:")
    end = COMMUNITY_FUNDING.index("\nstart:") + 1
    check(COMMUNITY_FUNDING[:start] + COMMUNITY_FUNDING[end:], *[("funding-missing-details", 3, 7)] * 4)


def test_money_recorded_as_the_councils_is_named_where_the_grant_has_no_amount():
    """An imported row's money goes to the council's resources while its kind is not known: once it
    is a grant, the amount to record may be that one, and the officer is told so (not to add a
    second figure beside it)."""
    text = (
        replace(COMMUNITY_FUNDING, "  amount_gbp: 3500\n", "")
        + "resources:\n  council:\n    funding_gbp: 85000\n"
    )
    [p] = [p for p in lint_text(text) if p.rule == "funding-missing-details"]
    assert p.message == (
        "community funding needs its amount in pounds: add `amount_gbp:` under the file's `funding:`; "
        "`funding_gbp` under `resources:` `council:` records 85,000 a year: if that is the grant's whole amount, "
        "move it here; if the grant runs more than a year, add up its years"
    )
