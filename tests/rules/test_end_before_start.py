from tests.common import CONTRACT, check


def test_end_after_start():
    check(CONTRACT + "end: 2024-03-31\n")
    check(CONTRACT + "end: 2019-04-01\n")


def test_end_before_start():
    check(CONTRACT + "end: 2019-03-31\n", ("end-before-start", 9, 6))
