from tests.common import PARTNERSHIP, check, replace


def test_no_duplicates():
    check(PARTNERSHIP)


def test_duplicate_top_level_key():
    check(
        replace(PARTNERSHIP, "status: active\n", "status: active\nstatus: ended\n"), ("duplicate-key", 5, 1)
    )


def test_duplicate_nested_key():
    check(
        replace(PARTNERSHIP, "  service: Community Safety\n", "  service: Community Safety\n  role: Other\n"),
        ("duplicate-key", 9, 3),
    )
