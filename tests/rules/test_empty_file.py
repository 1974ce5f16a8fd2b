from tests.common import PARTNERSHIP, check


def test_content_is_not_empty():
    check(PARTNERSHIP)


def test_empty_blank_and_comment_only():
    check("", ("empty-file", 1, 1))
    check("\n  \n", ("empty-file", 1, 1))
    check("# to do\n\n# later\n", ("empty-file", 1, 1))
