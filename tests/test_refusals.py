"""What lint says where the YAML parser refuses a file, at the edges of each piece of advice: line
endings other than LF, a list item's own column, a block of text, a key nested deeper, quotes
written twice, and escapes."""

import pytest

from partreg.yaml.diagnostics import _key_written_again
from tests.common import lint_text


def said(text: str) -> tuple[str, int, int]:
    [problem] = lint_text(text, file_id="x")
    return problem.message, problem.line, problem.column


@pytest.mark.parametrize("eol", ["\n", "\r", "\r\n"])
def test_a_windows_path_in_double_quotes_whatever_the_line_endings(eol):
    message, line, _ = said(eol.join(["id: x", "title: T", 'notes: "S:\\Shared\\CSP"', ""]))
    assert line == 3
    assert message.startswith(
        "is not valid YAML: a \\ inside double quotes starts an escape (\\n, \\t, ...), and not every \\ here "
        "does: write the text in single quotes, in which \\ is itself: notes: 'S:\\Shared\\CSP' ("
    )


@pytest.mark.parametrize(
    ("value", "advice"),
    [
        # over two lines: how to write it
        (
            '"first line\n  S:\\Shared"',
            "in which \\ is itself (each ' in it written twice), or each \\ as \\\\",
        ),
        # a \\x without its two digits: the text as written, in single quotes
        ('"bad \\x4 code"', "in which \\ is itself: summary: 'bad \\x4 code'"),
    ],
)
def test_an_escape_that_is_none_is_never_said_to_be_an_unclosed_quote(value, advice):
    message, _, _ = said(f"id: x\ntitle: T\nsummary: {value}\n")
    assert "not closed" not in message
    assert advice in message


def test_every_backslash_of_a_path_is_kept_as_written():
    # \\n and \\t are escapes to YAML, and in a path (whose \\S is none) they are meant as written
    message, _, _ = said('id: x\ntitle: T\nsummary: "S:\\new\\Shared\\tenders \\"2024\\""\n')
    assert "in which \\ is itself: summary: 'S:\\new\\Shared\\tenders \"2024\"' (" in message


def test_a_tab_in_a_block_of_texts_indent_is_said_to_be_a_tab():
    message, _, _ = said(
        "id: x\ntitle: T\nsummary: |\n  First paragraph.\n\tSecond, tabbed.\nlead: {role: R}\n"
    )
    assert message.startswith("is not valid YAML: a tab is used to indent or to space a line here")


def test_values_lined_up_with_tabs_are_told_every_line_and_the_item_keeps_its_dash():
    message, _, _ = said("id: x\ntitle:\tT\nkind:\t\tcontract\npartners:\n  - name:\tX\n")
    assert message.startswith(
        "is not valid YAML: a tab after the colon of `title:`: partreg reads a key's value after spaces "
        "only; write title: T; 2 more lines have a tab after a key: put a space there too ("
    )
    message, _, _ = said("id: x\ntitle: T\npartners:\n  - name:\tX\n")
    assert "a tab after the colon of `name:`:" in message and "; write - name: X (" in message


def test_the_fix_for_an_escape_keeps_what_follows_the_quotes():
    message, _, _ = said('id: x\ntitle: T\nlinks:\n  - {title: Minutes, url: "S:\\Shared\\CSP"}\n')
    assert "in which \\ is itself: {title: Minutes, url: 'S:\\Shared\\CSP'} (" in message


def test_a_bullet_in_a_block_of_text_is_text():
    message, line, _ = said('id: x\nsummary: >\n  Our aims\n  \u2022 Reduce crime\ntitle: "x" y\n')
    assert line == 5 and "bullet" not in message and "goes on after its closing quote" in message


def test_text_wrapped_in_a_lists_item_is_said_to_be_unindented():
    message, line, column = said(
        "id: x\ntitle: T\npartners:\n  - name: Office of the Police,\n    Fire and Crime\n"
    )
    assert (line, column) == (5, 5)
    assert "line 5 is more of the text of `name:`, but it is not indented under `name:`" in message


def test_a_line_separator_inside_text_does_not_move_the_line_advised():
    message, line, _ = said("id: x\nnotes: a\u2028b\ntitle: T\n  lead: y\n")
    assert line == 4 and "`lead:`" in message and "`b:`" not in message


def test_a_key_that_fell_out_of_a_deeper_mapping_is_told_its_own_mappings_column():
    message, _, _ = said("id: x\nlead:\n  name: X\n  address:\n    street: Y\n role: Z\n")
    assert "start `role:` with 2 spaces, as `address:` starts" in message


def test_quotes_written_twice_are_inside_the_text_of_a_quoted_start():
    message, _, _ = said("id: x\ntitle: 'Council''s #1 team' by Cabinet\n")
    assert "put the text in quotes: title: '''Council''''s #1 team'' by Cabinet' (" in message


def test_a_year_before_the_first_is_said_so():
    [problem] = [p for p in lint_text("id: x\ntitle: T\nstart: 0000-01-01\n") if p.key == "start"]
    assert problem.message == "start: '0000-01-01' is not a real date: a year is 0001 or later"


def test_a_key_written_again_after_a_list_at_its_keys_own_indent():
    assert _key_written_again("status: a\npartners:\n- name: A\n- name: B\nstatus: b\n", "status") == (5, 1)
    assert _key_written_again("partners:\n- name: A\n- name: B\n", "name") is None


@pytest.mark.parametrize("text", ["a\nb", "a\r\nb\rc", "a\x0bb\u2028c\x85d\n", "", "x\r", "\r\n\r\n"])
def test_lines_are_counted_as_yaml_counts_them(text):
    import re

    from partreg.models import yaml_lines

    assert yaml_lines(text) == re.split(r"\r\n|\r|\n", text)
