from tests.common import PARTNERSHIP, check


def test_one_document_with_markers():
    check("---\n" + PARTNERSHIP + "...\n")


def test_two_documents():
    check(PARTNERSHIP + "---\n" + PARTNERSHIP, ("multiple-documents", 1, 1))
