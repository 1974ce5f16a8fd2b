from tests.common import CONTRACT, check, replace


def test_ended_with_end_date():
    check(replace(CONTRACT, "status: active", "status: ended") + "end: 2024-03-31\n")


def test_ended_without_end_date():
    check(replace(CONTRACT, "status: active", "status: ended"), ("ended-without-end", 4, 9))
