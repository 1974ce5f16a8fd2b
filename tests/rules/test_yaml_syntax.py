from tests.common import PARTNERSHIP, check, replace


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
