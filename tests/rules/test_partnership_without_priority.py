from tests.common import CONTRACT, PARTNERSHIP, check, replace


def test_partnership_with_priority():
    check(PARTNERSHIP)
    check(CONTRACT)


def test_partnership_without_priority():
    check(
        replace(PARTNERSHIP, "priorities: [developing-our-communities]\n", ""),
        ("partnership-without-priority", 3, 7),
    )
