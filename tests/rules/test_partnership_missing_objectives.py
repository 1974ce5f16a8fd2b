from tests.common import CONTRACT, PARTNERSHIP, check, replace


def test_partnership_with_objectives():
    check(PARTNERSHIP)


def test_partnership_without_objectives():
    check(
        replace(PARTNERSHIP, "objectives: [Reduce crime and disorder]\n", ""),
        ("partnership-missing-objectives", 3, 7),
    )


def test_other_kinds_need_none():
    check(CONTRACT)
