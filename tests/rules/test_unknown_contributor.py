from tests.common import PARTNERSHIP, check, lint_text


def test_the_council_and_partners_by_name():
    check(
        PARTNERSHIP
        + "contributions:\n  - {year: 2024/25, by: council, cash_gbp: 25000}\n"
        + "  - {year: 2024/25, by: Essex Police, in_kind_gbp: 8000}\n"
    )


def test_someone_else():
    [p] = lint_text(
        PARTNERSHIP + "contributions:\n  - {year: 2024/25, by: Essex Constabulary, cash_gbp: 1}\n"
    )
    assert (p.rule, p.key) == ("unknown-contributor", "contributions[0].by")
    assert "neither `council` nor a partner" in p.message and "the partners are: Essex Police" in p.message
