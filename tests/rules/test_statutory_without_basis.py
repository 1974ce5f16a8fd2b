from tests.common import PARTNERSHIP, check, replace


def test_statutory_with_basis():
    check(PARTNERSHIP)


def test_statutory_without_basis():
    check(
        replace(PARTNERSHIP, "statutory_basis: Crime and Disorder Act 1998\n", ""),
        ("statutory-without-basis", 13, 12),
    )
