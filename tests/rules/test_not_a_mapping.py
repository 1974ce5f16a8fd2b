from tests.common import PARTNERSHIP, check


def test_a_mapping():
    check(PARTNERSHIP)


def test_a_list():
    check("- id: abc\n", ("not-a-mapping", 1, 1))


def test_a_scalar():
    check("just some text\n", ("not-a-mapping", 1, 1))
