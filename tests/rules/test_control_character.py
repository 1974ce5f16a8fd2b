import pytest

from tests.common import CONTRACT, check, replace


def test_text_with_tabs_and_line_breaks_is_fine():
    check(replace(CONTRACT, "title: ", 'title: "Street\\tcleansing\\n" # '))


@pytest.mark.parametrize(
    "title",
    [
        '"Street \\e]0;pwned\\a cleansing"',
        '"Street \\x1b[2J cleansing"',
        '"Street \\x0b cleansing"',
        '"mid\\u0085dle"',
    ],
)
def test_an_escaped_control_character_is_reported(title):
    text = replace(CONTRACT, "title: ", f"title: {title} # ")
    line = text.split("\n").index(next(ln for ln in text.split("\n") if ln.startswith("title:"))) + 1
    check(text, ("control-character", line, 8))


def test_a_raw_control_character_is_reported_where_it_is():
    check(replace(CONTRACT, "title: ", "title: Sweeping\x01 "), ("control-character", 2, 8))


def test_right_to_left_marks_in_a_name_are_not_control_characters():
    check(replace(CONTRACT, "title: ", "title: \u200fمجلس\u200f "))
