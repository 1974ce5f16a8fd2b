from tests.common import PARTNERSHIP, check, replace


def test_partnership_with_resources():
    check(PARTNERSHIP)
    check(replace(PARTNERSHIP, "  council: {funding_gbp: 25000}\n", ""))


def test_partnership_without_resources():
    text = replace(PARTNERSHIP, "resources:\n  council: {funding_gbp: 25000}\n  partners: Officer time\n", "")
    check(text, ("partnership-missing-resources", 3, 7))
