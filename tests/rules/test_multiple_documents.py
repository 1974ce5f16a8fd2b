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


def test_a_document_after_an_end_marker_without_its_own_start_is_placed_where_it_starts():
    # YAML 1.2 starts a document after `...` without `---`: it was reported as "a list, not a mapping"
    for between, line in (("", AFTER + 1), ("\n# the next one\n", AFTER + 3)):
        [problem] = lint_text(PARTNERSHIP + "...\n" + between + PARTNERSHIP)
        assert (problem.rule, problem.line, problem.column) == ("multiple-documents", line, 1)
        assert "starts here, after the ... line that ends the first" in problem.message
    [problem] = lint_text(PARTNERSHIP + "...\n---\n" + PARTNERSHIP)
    assert (problem.line, problem.column) == (AFTER + 1, 1) and "starts at this ---" in problem.message
