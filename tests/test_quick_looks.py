"""The quick looks a lint takes at every file's whole text before the slower work find exactly what
the patterns they stand for find: a look that missed would hide a problem (or, for the nesting
look, let a file crash the process), and one that found too much would only cost time. And the
search for the word a mistyped one stands for, which stops early, answers as difflib does."""

import difflib
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from partreg.models import CONTROL, has_control
from partreg.rules.personal_data import DIGITS, _nine_digits
from partreg.spelling import close_matches, closest
from partreg.yaml.diagnostics import DEEPEST_INDENT, deep_block_nesting, explicit_tags
from partreg.yaml.library import same_for_ruamel, same_length_for_ruamel
from partreg.yaml.positions import ROUND_TRIP_MOST, Locator
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


#: A line that opens too many collections, or is indented too far, found by a pattern alone (every
#: line break YAML knows made one that the pattern's `^` knows).
REFERENCE = re.compile(rf"^[ \t]*(?:[-?:][ \t]+){{65}}|^ {{{DEEPEST_INDENT + 1}}}", re.M)


@given(
    st.lists(
        st.sampled_from(["-", "?", ":", " ", "  ", " " * 100, "\t", "x", "é", "\n", "\r", "\r\n"]),
        max_size=300,
    )
)
@example(["x", "\r"] + ["- "] * 70)
@example(["- ", ": "] * 40)
@example(["-", "\t"] * 70)
@example(["#", "-" * 100, "\n"])
@example(["a:", "\r", " " * 501, "x"])
@example([" " * 501, "x"])
@example(["a:\n", " " * 500, "x"])
def test_the_look_for_deep_nesting_finds_the_line_the_pattern_finds(parts):
    text = "".join(parts)
    found = REFERENCE.search(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert (deep_block_nesting(text) is not None) == (found is not None)


def test_nesting_that_grows_over_many_lines_is_caught_by_its_indentation():
    """64 openers a line, each line under the deepest opener of the one above: 2.6 MB of it (the
    settings allow files of up to 100 MB) crashed yaml-rs; under the indent limit, nothing does."""
    ramp = "a:\n" + "".join(" " * (128 * k + 2) + "- " * 64 + "\n" for k in range(200)) + "x\n"
    [problem] = parse_document(ramp.encode(), "deep.yaml").problems
    assert (problem.rule, problem.line) == ("yaml-syntax", 6)  # the first line indented over 500
    assert deep_block_nesting("a:\n" + " " * DEEPEST_INDENT + "x\n") is None


@pytest.mark.parametrize("break_", ["\n", "\r", "\r\n"])
@pytest.mark.parametrize("opener", ["- ", "-  ", "?   ", ": ", "- : ", "? : ", ":\t", ": \t", ":\t? "])
def test_openers_are_caught_before_the_parser_sees_them(opener, break_):
    """Each of these, 20,000 on a line, crashed the process: `-  ` (two spaces), `: ` and `- : `
    (empty keys), a tab after a `:`, and any of them after a lone `\r`, which YAML reads as a line
    break."""
    text = f"a:{break_}  " + opener * 20_000 + "x\n"
    [problem] = parse_document(text.encode(), "deep.yaml").problems
    assert (problem.rule, problem.line, problem.column) == ("yaml-syntax", 2, 1)


words = st.text(alphabet="abcde-", max_size=8)


@given(
    words, st.lists(words, max_size=30, unique=True), st.integers(1, 4), st.sampled_from([0.0, 0.3, 0.6, 1.0])
)
def test_close_matches_answers_as_difflib_does(word, options, n, cutoff):
    """The comparison made best bound first, and stopped early, gives difflib's answer, ties and all."""
    want = tuple(difflib.get_close_matches(word, options, n=n, cutoff=cutoff))
    assert close_matches(word, tuple(options), n, cutoff) == want
    assert close_matches(word, frozenset(options), n, cutoff) == want


@given(
    words,
    st.lists(words, max_size=20),
    st.lists(words, max_size=20),
    st.integers(1, 4),
    st.sampled_from([0.0, 0.3, 0.6, 0.9, 1.0]),
)
def test_close_matches_answers_as_difflib_does_where_the_word_begins_many_options(
    word, ends, others, n, cutoff
):
    """Options that the word begins are compared first, and set the bar the others must reach by
    their lengths and letters: the answer is still difflib's (an id typed in part among thousands)."""
    options = [word + end for end in ends] + others  # (one given twice may be among the best twice)
    want = tuple(difflib.get_close_matches(word, options, n=n, cutoff=cutoff))
    assert close_matches(word, tuple(options), n, cutoff) == want
    unique = list(dict.fromkeys(options))
    want = tuple(difflib.get_close_matches(word, unique, n=n, cutoff=cutoff))
    assert close_matches(word, frozenset(unique), n, cutoff) == want


def test_a_mistyped_id_among_thousands_gets_the_closest_in_a_set_or_a_tuple():
    ids = frozenset(f"{stem}-{i:05d}" for i, stem in enumerate(["leisure-trust", "community-fund"] * 2_000))
    assert (
        closest("leisure-trust-0", ids)
        == closest("leisure-trust-0", tuple(sorted(ids)))
        == "leisure-trust-03998"
    )
    assert closest("comunity-fund-00001", ids) == "community-fund-00001"


def test_a_tag_past_the_scanners_budget_is_still_found_where_it_is():
    """Past the budget, a `!` where a node can start is taken for a tag, and one in a comment or in
    the middle of text is not; in quoted text it is still taken (a tag is never let through, and only
    a file of over 5,000 tokens, where a register's page has a few hundred, can be told of one)."""
    many = "items: [" + "a, " * 6_000 + "a]\n"  # more tokens than libyaml's scanner is given
    after = (
        "other: !custom x\n"
        "list:\n  - !foo tagged\n"
        "  # Note: the last one matters !\n"
        "  - Hooray, it works !\n"
        "more: [!!str a, 'quoted, !taken']\n"
        "#see: !not\n"
        "anchored: &a !bar y\n"
        "--- !doc\n"
    )
    within = [(2, 8, "!custom"), (4, 5, "!foo"), (9, 14, "!bar"), (10, 5, "!doc")]
    assert explicit_tags("id: x\n" + after + many) == within  # within the budget: libyaml's scanner
    past = [(3, 8, "!custom"), (5, 5, "!foo"), (8, 26, "!taken'"), (10, 14, "!bar"), (11, 5, "!doc")]
    for newline in ("\n", "\r\n", "\r"):
        assert explicit_tags(("id: x\n" + many + after).replace("\n", newline)) == past, newline
    assert explicit_tags("id: x\n" + many + after, limit=1) == past[:1]


def test_positions_in_a_file_only_yaml_rs_reads_are_exact_when_short_and_at_its_start_when_long():
    """libyaml refuses `[b, :c]`; ruamel's composer written in Python reads it, slowly, so only a
    file of a page or so is given to it."""
    short = "&a x: [b, :c]\ny: 1\nz: [1]\n"
    assert Locator(short).locate(("z",)) == (3, 4)
    long = short + "".join(f"k{i}: v\n" for i in range(ROUND_TRIP_MOST // 6))
    assert len(long) > ROUND_TRIP_MOST
    assert Locator(long).locate(("z",)) == (1, 1)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_in_a_comment_does_not_shift_what_the_diagnostics_find(separator):
    """YAML 1.2 (and yaml-rs) reads NEL, LS and PS as text; libyaml, which the diagnostics read the
    file with again, counted them as line breaks, and put every later problem a line too far."""
    note = f"id: x\n# a note{separator}more of it\nkind: contract\n"
    tagged = note + "other: !custom x\n"
    assert [(p.rule, p.line) for p in parse_document(tagged.encode(), "f.yaml").problems] == [("yaml-tag", 4)]
    repeated = note + "title: T\nkind: grant\n"
    assert [(p.rule, p.line) for p in parse_document(repeated.encode(), "f.yaml").problems] == [
        ("duplicate-key", 5)
    ]


def test_a_second_document_after_a_deeply_nested_first_one_is_still_found():
    first = "id: x\nnotes: " + "[" * 70 + "]" * 70 + "\n"
    [problem] = parse_document((first + "---\nid: y\n").encode(), "f.yaml").problems
    assert problem.rule == "multiple-documents"


@pytest.mark.parametrize(
    "text",
    [
        "id: x\r\nlead:\r\n  role: R\r\r\n  service: S\r\nstart: 2020\r\ntype: y\r\n",
        "id: x\nlead:\n  role: R\n  service: S\n# a\rtype: y\nstart: 2020\n",
        "id: x\ncontributions:\n  - {by: cou\rncil}\nstart: 2020\ntype: y\n",
    ],
)
def test_the_quick_scanner_reads_a_lone_carriage_return_as_the_line_break_it_is(text):
    """A stray CR (a line of a CRLF file saved twice, say) put every later key a line too high, and
    a key after one in a comment at 1:1."""
    for key in [("lead", "service"), ("start",), ("type",)]:
        assert Locator(text).locate(key) == Locator(text).locate_by_composing(key), key


def test_close_matches_refuses_what_difflib_refuses():
    for n, cutoff in ((0, 0.6), (1, 1.5), (1, -0.1)):
        with pytest.raises(ValueError):
            close_matches.__wrapped__("a", ("a",), n, cutoff)
        with pytest.raises(ValueError):
            difflib.get_close_matches("a", ("a",), n, cutoff)


@given(texts)
@example("title\x85: x")
@example("a: 1\r\nb: 2\n")
def test_the_look_for_what_ruamel_is_given_as_spaces_is_the_translation(text):
    assert same_for_ruamel(text) == (same_length_for_ruamel(text) == text)


def _linked_by_definition(url: str | None) -> str | None:
    """What a page links: an http, https or mailto address with no character of Unicode's "other"
    categories, by urllib's reading, looked at a character at a time (what safe_url stands for)."""
    import unicodedata
    from urllib.parse import urlsplit

    if not url:
        return None
    text = "".join(ch for ch in url.strip() if unicodedata.category(ch)[0] != "C")
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https", "mailto") and text == url.strip() else None


URL_PARTS = st.sampled_from(
    [
        *("http:", "HTTPS://", "mailto:", "Http", "s", "x", "a.b", "//", "/", ":", "@", "%", "?", "[", "]"),
        *("[::1]", " ", "\t", "\n", "\x00", "\u200b", "\u00a0", "\u2028", "\ufeff", "\U000e0001", "é"),
        *("\uff0f", "\u2100"),
    ]
)


@given(st.lists(URL_PARTS, max_size=7).map("".join) | st.text(max_size=30))
@example("https://[www.example.org/page")  # a host's bracket not closed: urllib refuses it
@example("https://example.org\u2100/page")  # a look-alike of `/` in the host, after normalising
@example("https://www.brentwood.gov.uk/csp\u200b")  # a zero-width space pasted with it
@example(" https://example.org ")
def test_the_look_for_a_web_address_links_what_the_character_by_character_look_links(url):
    from partreg.published import safe_url

    assert safe_url(url) == _linked_by_definition(url)


def test_months_added_by_the_quick_way_land_on_the_day_the_calendar_gives():
    import calendar
    import datetime as dt

    from partreg.review import add_months

    day = dt.date(2023, 1, 1)
    while day.year < 2025:
        for months in (1, 6, 11, 12, 13, 24, 36):
            index = day.month - 1 + months
            year, month = day.year + index // 12, index % 12 + 1
            expected = dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
            assert add_months(day, months) == expected
        day += dt.timedelta(days=1)
