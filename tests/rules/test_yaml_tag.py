from tests.common import PARTNERSHIP, check, replace


def test_core_tags_are_allowed():
    check(replace(PARTNERSHIP, "title: Test", "title: !!str Test"))


def test_custom_tag():
    check(
        replace(PARTNERSHIP, "title: Test Community Safety Partnership", "title: !include title.txt"),
        ("yaml-tag", 2, 8),
    )


def test_python_tag_never_constructs():
    check("id: abc\ntitle: !!python/object/apply:os.system [echo hacked]\n", ("yaml-tag", 2, 8))


def test_tags_beyond_twenty_are_counted_not_listed():
    from tests.common import lint_text

    found = lint_text("id: t\n" + "".join(f"x{i}: !c v\n" for i in range(40)))
    assert [p.rule for p in found] == ["yaml-tag"] * 21
    assert found[-1].message.endswith("(and 19 more tags, not shown one by one)")


def test_a_bang_meant_as_text_is_told_to_be_quoted():
    from tests.common import lint_text

    [p] = lint_text(
        PARTNERSHIP.replace("added_value: Joint tasking.", "added_value: ! important, read first")
    )
    assert p.rule == "yaml-tag"
    assert p.message == (
        "has a ! and a space where a value starts, which YAML reads as a tag, not as text: "
        "put the value in quotes ('! ...'), or remove the !"
    )
