import pytest

from tests.common import PARTNERSHIP, check, lint_text, replace

SUMMARY = "summary: Tackle crime and disorder together."


@pytest.mark.parametrize(
    "written",
    [
        "summary: 'Forum for sites #2 and #3'",  # in quotes a # is itself
        'summary: "Forum for sites #2"',
        "summary: Tackle crime and disorder together.   # agreed at the board",  # a comment, spaced
        "summary: Tackle crime and disorder together. ## heading",
        "summary: |\n  Forum for sites #2 and #3\n",  # a block of text keeps its #
        "summary: Forum for sites#2",  # no space before the #: part of the text
    ],
)
def test_a_hash_that_the_text_keeps_or_a_comment_written_as_one(written):
    check(replace(PARTNERSHIP, SUMMARY, written))


def test_a_hash_against_a_word_cuts_the_text_short():
    [p] = lint_text(replace(PARTNERSHIP, SUMMARY, "summary: Forum for sites #2 and #3"))
    assert (p.rule, p.severity, p.key, p.line, p.column) == ("comment-cuts-text", "warning", "summary", 5, 10)
    assert "summary is read as 'Forum for sites'" in p.message
    assert "summary: 'Forum for sites #2 and #3'" in p.message


def test_in_a_list_item_and_with_an_apostrophe():
    text = replace(
        PARTNERSHIP, "  - name: Essex Police", "  - name: Essex Police #1\n  - name: St Mary's Youth #2"
    )
    found = {p.key: p for p in lint_text(text) if p.rule == "comment-cuts-text"}
    assert set(found) == {"partners[0].name", "partners[1].name"}
    assert "name: 'St Mary''s Youth #2'" in found["partners[1].name"].message


def test_only_the_value_on_its_own_keys_line_and_never_partregs_own_comment():
    """The same words elsewhere in the file, after another key or a dash inside text, are not the
    value's line; a disable comment written against its #, `#partreg:`, is a comment."""
    text = replace(PARTNERSHIP, SUMMARY, "summary: Housing - Safety #2 and #3 are let together.")
    text = replace(text, "  service: Community Safety", "  service: Safety")
    text = replace(text, "title: Test Community Safety Partnership", "title: Housing Options")
    text = replace(text, "  role: Community Safety Manager", "  role: Housing Options #check with HR")
    found = [(p.key, p.line) for p in lint_text(text) if p.rule == "comment-cuts-text"]
    assert found == [("summary", 5), ("lead.role", 7)]
    own = replace(
        PARTNERSHIP,
        "  role: Community Safety Manager",
        "  role: Jo Smith #partreg: disable=role-looks-like-a-name agreed",
    )
    assert [p.rule for p in lint_text(own)] == []


@pytest.mark.parametrize(
    "text",
    ["a #b", "a\t#b", "x # y #z", "a # b", "a ## b", "a #\n", "a#b", "no hash", "a \t #", "a #"],
)
def test_the_quick_look_finds_what_the_pattern_finds(text):
    from partreg.rules.comment_cuts_text import _SUSPECT, _suspect

    assert _suspect(text) == (_SUSPECT.search(text) is not None)
