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


def test_a_bidirectional_override_is_reported_and_every_character_is_named():
    from tests.common import lint_text

    [p] = lint_text(replace(CONTRACT, "title: ", "title: Street \u202ecleansing\u202c "))
    assert (p.rule, p.line, p.column) == ("control-character", 2, 8)
    assert p.message == (
        "title holds '\\u202c' (U+202C), '\\u202e' (U+202E), which reorder the text around them on screen: "
        "remove them; partreg leaves them out of what it publishes"
    )
    [p] = lint_text(replace(CONTRACT, "title: ", 'title: "a\\x07b\\x00c" # '))
    assert p.message.startswith("title holds '\\x00' (U+0000), '\\x07' (U+0007), which act on a terminal")


def test_a_bidirectional_isolate_is_reported_too():
    from tests.common import lint_text

    [p] = lint_text(replace(CONTRACT, "title: ", "title: Isolate \u2066only\u2069 here "))
    assert p.message.startswith("title holds '\\u2066' (U+2066), '\\u2069' (U+2069), which reorder the text")
