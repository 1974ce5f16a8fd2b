from tests.common import PARTNERSHIP, check, replace


def test_partnership_with_added_value():
    check(PARTNERSHIP)


def test_partnership_without_added_value():
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.\n", ""), ("partnership-missing-added-value", 3, 7)
    )
