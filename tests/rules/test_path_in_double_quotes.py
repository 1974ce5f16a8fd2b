import pytest

from tests.common import PARTNERSHIP, check, lint_text, replace

SUMMARY = "summary: Tackle crime and disorder together."


@pytest.mark.parametrize(
    "written",
    [
        "summary: 'Papers at S:\\new\\tenders'",  # single quotes: each \ is itself
        "summary: Papers at S:\\new\\tenders",  # plain: the same
        'summary: "Meets at 10:30, then lunch"',  # a colon, no path
    ],
)
def test_a_path_written_so_that_it_reads_as_written(written):
    check(replace(PARTNERSHIP, SUMMARY, written))


@pytest.mark.parametrize("path", ["S:\\new\\tenders", "C:\\temp", "H:\\Partnerships\\new"])
def test_a_path_in_double_quotes_read_with_its_escapes(path):
    [p] = lint_text(replace(PARTNERSHIP, SUMMARY, f'summary: "Papers at {path}"'))
    assert (p.rule, p.severity, p.key, p.line, p.column) == (
        "path-in-double-quotes",
        "warning",
        "summary",
        5,
        10,
    )
    assert p.message.endswith("write the text in single quotes, in which \\ is itself")
