from tests.common import PARTNERSHIP, check, lint_text

AFTER = PARTNERSHIP.count("\n") + 1  # the line after the entry


def test_one_document_with_markers():
    check("---\n" + PARTNERSHIP + "...\n")


def test_two_documents_are_placed_where_the_second_starts():
    check(PARTNERSHIP + "---\n" + PARTNERSHIP, ("multiple-documents", AFTER, 1))
    check("---\n" + PARTNERSHIP + "---\n" + PARTNERSHIP, ("multiple-documents", AFTER + 1, 1))


def test_a_marker_after_the_entry_with_nothing_after_it_is_said_so():
    for after in ("---\n", "---\n# the end\n", "---\n...\n"):
        [problem] = lint_text(PARTNERSHIP + after)
        assert (problem.rule, problem.line, problem.column) == ("multiple-documents", AFTER, 1)
        assert problem.message.endswith("starts a second, empty YAML document: remove that line")
