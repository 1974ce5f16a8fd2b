from tests.common import JOINT_WORKING, check, replace


def test_forum_with_purpose():
    check(JOINT_WORKING)


def test_forum_without_purpose():
    check(
        replace(JOINT_WORKING, "summary: Councillors represent the council on the board.\n", ""),
        ("joint-working-missing-purpose", 3, 7),
    )
