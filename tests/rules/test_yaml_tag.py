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
