"""The quick looks a lint takes at every file's whole text before the slower work find exactly what
the patterns they stand for find: a look that missed would hide a problem (or, for the nesting
look, let a file crash the process), and one that found too much would only cost time. And the
search for the word a mistyped one stands for, which stops early, answers as difflib does."""

import difflib
import re

from hypothesis import example, given
from hypothesis import strategies as st

from partreg.models import CONTROL, has_control
from partreg.rules.personal_data import DIGITS, _nine_digits
from partreg.spelling import close_matches, closest
from partreg.yaml.diagnostics import _DEEP_BLOCK, deep_block_nesting
from partreg.yaml.reading import has_content, parse_document

#: The characters the patterns turn on, ASCII and not, and some that they do not.
ALPHABET = "0123456789 \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029-#?:xé\x00\x07\x1b\x7f\x9b"
texts = st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=40)


@given(texts)
@example("0 1-2\t3\n4 5 6 7 8")  # a number folded over a line: found
@example("01-02-2016")  # a date: eight digits, not found
@example("tel 01277 312 500.")
@example("tel 01277\u00a0312\u00a0500")  # a no-break space: white space to the pattern, and not ASCII
def test_the_look_for_nine_digits_finds_what_the_pattern_finds(text):
    assert _nine_digits(text) == (DIGITS.search(text) is not None)


@given(texts)
@example("title: a\x1bb")
@example("title: a\x9bb")  # a C1 control: not ASCII
@example("tab\tand\r\nbreaks")
def test_the_look_for_a_control_character_finds_what_the_pattern_finds(text):
    assert has_control(text) == (CONTROL.search(text) is not None)


def _has_content(text):
    """A file with something in it, as the reader first said it: a line that is neither blank nor a comment."""
    return bool(text.strip()) and not all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    )


@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029#ax", max_size=20))
@example("# a comment\n  # another\n\n")
@example("#\u2028a")  # a line break Python knows and YAML does not: still a line to the reader
def test_the_look_for_content_finds_a_line_that_is_not_blank_or_a_comment(text):
    assert has_content(text) == _has_content(text)


@given(st.lists(st.sampled_from(["-", "?", " ", "  ", "\t", "x", "\n"]), max_size=300))
def test_the_look_for_deep_nesting_misses_no_line_the_pattern_finds(parts):
    text = "".join(parts)
    found = _DEEP_BLOCK.search(text)
    assert (deep_block_nesting(text) is not None) == (found is not None)


def test_openers_any_number_of_spaces_apart_are_caught_before_the_parser_sees_them():
    for gap in (" ", "  ", "    "):
        for opener in ("-", "?"):
            text = "a:\n  " + (opener + gap) * 20_000 + "x\n"
            [problem] = parse_document(text.encode(), "deep.yaml").problems
            assert (problem.rule, problem.line) == ("yaml-syntax", 2), (opener, gap)
    assert re.fullmatch(r"\^\[ \]\*\(\?:\[-\?\]\[ \]\+\)\{\d+\}", _DEEP_BLOCK.pattern), (
        "the look counts `- ` and `? `: it holds only while each opener is one of them and spaces"
    )


words = st.text(alphabet="abcde-", max_size=8)


@given(
    words, st.lists(words, max_size=30, unique=True), st.integers(1, 4), st.sampled_from([0.0, 0.3, 0.6, 1.0])
)
def test_close_matches_answers_as_difflib_does(word, options, n, cutoff):
    """The comparison made best bound first, and stopped early, gives difflib's answer, ties and all."""
    want = tuple(difflib.get_close_matches(word, options, n=n, cutoff=cutoff))
    assert close_matches(word, tuple(options), n, cutoff) == want
    assert close_matches(word, frozenset(options), n, cutoff) == want


def test_a_mistyped_id_among_thousands_gets_the_closest_in_a_set_or_a_tuple():
    ids = frozenset(f"{stem}-{i:05d}" for i, stem in enumerate(["leisure-trust", "community-fund"] * 2_000))
    assert (
        closest("leisure-trust-0", ids)
        == closest("leisure-trust-0", tuple(sorted(ids)))
        == "leisure-trust-03998"
    )
    assert closest("comunity-fund-00001", ids) == "community-fund-00001"
