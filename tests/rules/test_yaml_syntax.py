import pytest

from partreg.yaml.reading import parse_document
from tests.common import PARTNERSHIP, check, lint_text, replace


def test_valid_yaml():
    check(PARTNERSHIP)


def test_unclosed_flow_list_points_where_it_opens():
    check(
        replace(PARTNERSHIP, "priorities: [developing-our-communities]", "priorities: [developing"),
        ("yaml-syntax", 9, 13),
    )


def test_colon_in_plain_text():
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: Joint: tasking: x"),
        ("yaml-syntax", 23, 19),
    )


def test_tab_indentation():
    check("id: abc\nlead:\n\trole: x\n", ("yaml-syntax", 3, 2))


def test_alias_bomb_is_bounded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    check(bomb, ("yaml-syntax", 1, 1))


def test_nesting_too_deep_to_read_says_so_where_it_gets_too_deep():
    [p] = lint_text("a: " + "{[" * 5_000 + "\n")
    assert (p.rule, p.line) == ("yaml-syntax", 1)
    assert "too deeply" in p.message


@pytest.mark.parametrize("key", ["1.5", "~", "[a]", "{a: b}", ".nan"])
def test_a_key_that_is_not_text_inside_a_mapping_is_one_problem_at_it(key):
    """Such a key inside `lead` emptied the whole entry: lint then said title, kind, status and
    partners were not recorded."""
    from tests.common import CONTRACT, lint_text, replace

    text = replace(
        CONTRACT, "lead: {role: Street Scene Manager,", f"lead: {{{key}: x, role: Street Scene Manager,"
    )
    [problem] = lint_text(text)
    assert (problem.rule, problem.line) == ("yaml-syntax", 5)
    assert "in lead, which is not text" in problem.message


@pytest.mark.parametrize(
    ("key", "said", "at_key"),
    [
        ("2019", "2019", True),
        ("1.5", "1.5", True),
        ("~", "None", False),
        ("true", "True", False),
        ("[a]", "('a',)", False),
        (".nan", "nan", False),
    ],
)
def test_a_key_that_is_not_text_in_internal_notes_is_one_problem_at_it(key, said, at_key):
    """`internal` takes any keys, but as text: a year (`2019: first grant`) was said at `internal`,
    and `1.5:` emptied the whole entry, so lint said title, kind, status and partners were missing.
    A number is found where it is written; a key written otherwise than it is shown, at `internal:`."""
    from tests.common import CONTRACT, lint_text

    text = CONTRACT + f"internal:\n  notes: kept\n  {key}: x\n"
    [problem] = lint_text(text)
    key_line = text.count("\n")
    assert (problem.rule, problem.line) == ("yaml-syntax", key_line if at_key else key_line - 2)
    assert problem.message.startswith(f"has the key {said} in internal, which is not text")


def test_a_top_level_key_that_is_a_number_is_placed_where_it_is_written():
    from tests.common import CONTRACT, lint_text

    [problem] = lint_text(CONTRACT + "2019: x\n")
    assert (problem.rule, problem.line, problem.column) == ("yaml-syntax", CONTRACT.count("\n") + 1, 1)
    assert problem.message.startswith("has the key 2019, which is not text")


def test_values_too_deep_to_validate_are_one_problem_an_error_whatever_the_settings(monkeypatch):
    """The reading refuses files nested deeper than a person writes; were one to reach validation and
    run out of Python's stack, it is the same problem, not partreg failing on the file."""
    import partreg.lint
    import partreg.rendering
    from partreg.models import Settings
    from partreg.yaml.reading import parse_document
    from tests.common import CONTRACT, lint_text

    def too_deep(*args):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(partreg.lint, "read_arrangement", too_deep)
    [problem] = lint_text(CONTRACT)
    assert (problem.rule, problem.severity, problem.message) == (
        "yaml-syntax",
        "error",
        "nests lists or mappings too deeply to be read: flatten them",
    )
    # the file is not read, so it is left out of every command: not a warning to pass over
    [warned] = lint_text(CONTRACT, settings=Settings(council="C", rules={"yaml-syntax": "warning"}))
    assert warned.severity == "error"
    monkeypatch.setattr(partreg.rendering, "read_arrangement", too_deep)
    left_out = partreg.rendering._entry(parse_document(CONTRACT.encode(), "entry.yaml"), "entry")
    assert (left_out.rule, left_out.message) == (problem.rule, problem.message)


@pytest.mark.parametrize(
    "deep",
    [
        "".join(" " * (k + 2) + "a:\n" for k in range(1_000)),
        "".join(" " * (120 * k + 2) + "- " * 60 + "\n" for k in range(20)),
    ],
    ids=["mappings", "lists"],
)
def test_values_nested_a_thousand_deep_over_many_lines_are_one_problem(deep):
    """yaml-rs reads them; validating them ran out of Python's stack, which was reported as partreg
    failing on the file."""
    from tests.common import CONTRACT, lint_text, replace

    [problem] = lint_text(replace(CONTRACT, "status: active\n", "status:\n" + deep))
    assert (problem.rule, problem.message) == (
        "yaml-syntax",
        "nests lists or mappings too deeply to be read: flatten them",
    )


@pytest.mark.parametrize("opener", ["- ", "? ", "- ? ", "-  ", "?   ", "-   ?  ", ": ", "- : "])
def test_lists_opened_too_deep_on_one_line_are_one_problem_not_a_crash(opener):
    """yaml-rs bounds the nesting of brackets but not of `- - - ...`: 20,000 of them crashed the
    process (and so the whole lint run); a file of them is one problem, where the line starts.
    Openers two spaces apart (`-  -  -`) once slipped past the quick look and crashed it."""
    text = "id: x\nitems:\n  " + opener * 20_000 + "x\n"
    [problem] = parse_document(text.encode(), "deep.yaml").problems
    assert (problem.rule, problem.line, problem.column) == ("yaml-syntax", 3, 1)
    assert "too deeply" in problem.message
    assert parse_document(("a:\n" + "  " + "- " * 20 + "x\n").encode(), "f.yaml").problems == []


LONG = " ".join(["The partnership brings the council, the police and the voluntary sector together"] * 14)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        # a long summary under its key, with a colon and a space far into it: YAML reads the line as a key
        (f"summary:\n  {LONG}: and more\n", f"summary:\n  '{LONG}: and more'\n"),
        (f"summary:\n  {LONG}:\n", f"summary:\n  '{LONG}:'\n"),
        (f"objectives:\n  - {LONG}: and more\n", f"objectives:\n  - '{LONG}: and more'\n"),
        (f"{LONG}: and more\n", None),  # a key, not text: shortened, not quoted
    ],
    ids=["summary", "summary-ending-in-a-colon", "list-item", "top-level"],
)
def test_a_key_longer_than_yaml_takes_is_said_so_in_plain_words(written, fixed):
    assert len(LONG) > 1024
    # the entry's one-line summary and objectives give way to those written here
    text = "".join(
        line for line in PARTNERSHIP.splitlines(True) if not line.startswith(("summary:", "objectives:"))
    )
    text += written
    [problem] = lint_text(text)
    assert problem.rule == "yaml-syntax"
    assert (
        f"after its first {len(LONG):,} characters, and YAML takes a key of at most 1,024" in problem.message
    )
    assert "put it in quotes" in problem.message and "shorten it" in problem.message
    assert len(problem.message) < 500  # the line is not written out again
    if fixed is not None:  # done as the message says: the text in quotes reads
        assert "yaml-syntax" not in {p.rule for p in lint_text(text.replace(written, fixed))}


@pytest.mark.parametrize(
    ("old", "new", "at", "said"),
    [
        ("    measure: repeat victims per year", "    measure: -", (18, 14), "`measure:` is only -"),
        ("  - name: Essex Police", "  - name: -", (11, 11), "`name:` is only -"),
        ("added_value: Joint tasking.", "added_value: ?  # ask", (23, 14), "`added_value:` is only ?"),
    ],
)
def test_a_dash_or_a_question_mark_alone_is_told_to_go_not_to_be_quoted(old, new, at, said):
    """`measure: -` was told to be written `measure: '-'`, which the page would publish as the value."""
    [p] = lint_text(replace(PARTNERSHIP, old, new))
    assert (p.rule, p.line, p.column) == ("yaml-syntax", *at)
    assert p.message.startswith(
        f"is not valid YAML: the value of {said}, which stands for no value: leave the line out until there "
        "is one (the parser says: "
    ), p.message
