from tests.common import PARTNERSHIP, check, replace


def test_no_duplicates():
    check(PARTNERSHIP)


def test_duplicate_top_level_key():
    check(
        replace(PARTNERSHIP, "status: active\n", "status: active\nstatus: ended\n"), ("duplicate-key", 5, 1)
    )


def test_duplicate_nested_key():
    check(
        replace(PARTNERSHIP, "  service: Community Safety\n", "  service: Community Safety\n  role: Other\n"),
        ("duplicate-key", 9, 3),
    )


PARTNERS = "".join(f"  - name: Partner Organisation {i}\n    sector: voluntary\n" for i in range(4_000))


def test_a_key_written_again_far_down_a_long_file_is_placed_where_it_is():
    # past the events the parser's walk reads (a long list before it): found from the lines
    text = replace(PARTNERSHIP, "  - name: Essex Police\n    sector: public\n", PARTNERS) + "status: ended\n"
    check(text, ("duplicate-key", text.count("\n"), 1))
    nested = replace(
        PARTNERSHIP,
        "  - name: Essex Police\n    sector: public\n",
        PARTNERS + "  - name: Last\n    name: Again\n",
    )
    check(nested, ("duplicate-key", nested.split("\n").index("    name: Again") + 1, 5))


def test_the_lines_and_the_parsers_walk_agree_where_both_find_the_key():
    from partreg.yaml.diagnostics import _find_duplicate, _key_written_again

    shapes = [
        (replace(PARTNERSHIP, "status: active\n", "status: active\nstatus: ended\n"), "status"),
        (
            replace(
                PARTNERSHIP, "  service: Community Safety\n", "  service: Community Safety\n  role: Other\n"
            ),
            "role",
        ),
        (replace(PARTNERSHIP, "    sector: public\n", "    sector: public\n    name: Again\n"), "name"),
        (
            replace(
                PARTNERSHIP, "    sector: public\n", "    sector: public\n  - name: Other\n    name: Again\n"
            ),
            "name",
        ),
        (PARTNERSHIP + "review2:\n  months: 1\n  history: []\n  months: 2\n", "months"),
    ]
    for text, key in shapes:
        assert _key_written_again(text, key) == _find_duplicate(text) is not None, key


def test_every_key_written_again_is_said_with_the_line_it_was_first_written_on():
    from tests.common import lint_text

    text = replace(PARTNERSHIP, "status: active\n", "status: active\nstatus: ended\n")
    text = replace(text, "summary: Tackle", "summary: Again.\nsummary: Tackle")
    text = replace(
        text, "  - name: Essex Police\n    sector: public\n", "  - {name: Essex Police, name: Police}\n"
    )
    found = [(p.rule, p.line, p.column, p.message) for p in lint_text(text)]
    assert found == [
        ("duplicate-key", 5, 1, "repeats the key 'status' of line 4: keep one of them"),
        ("duplicate-key", 7, 1, "repeats the key 'summary' of line 6: keep one of them"),
        ("duplicate-key", 13, 26, "repeats the key 'name' written before on this line: keep one of them"),
    ]


def test_many_keys_written_again_are_twenty_problems_and_one_that_counts_the_rest():
    from tests.common import lint_text

    text = PARTNERSHIP + "".join(f"column_{i}: x\ncolumn_{i}: y\n" for i in range(30))
    found = lint_text(text)
    assert [p.rule for p in found] == ["duplicate-key"] * 21
    assert found[-1].message.endswith("keep one of them (and 9 more like it, not shown one by one)")
