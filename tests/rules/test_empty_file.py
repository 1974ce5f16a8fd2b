from tests.common import PARTNERSHIP, check


def test_content_is_not_empty():
    check(PARTNERSHIP)


def test_empty_blank_and_comment_only():
    check("", ("empty-file", 1, 1))
    check("\n  \n", ("empty-file", 1, 1))
    check("# to do\n\n# later\n", ("empty-file", 1, 1))


def test_a_blank_file_is_empty_whatever_the_parser_makes_of_it():
    # the look for content is taken only where the parse gives no mapping: what it gave is not said instead
    check("\x0c\n", ("empty-file", 1, 1))  # a form feed alone: the parser reads it as text
    check("\t\n# x\n", ("empty-file", 1, 1))
    check(" " * 600 + "# indented far\n", ("empty-file", 1, 1))  # not "nested too deep"
    check("# a\n\u2028\n", ("empty-file", 1, 1))
    check("---\n", ("not-a-mapping", 1, 1))  # a document marker is something
