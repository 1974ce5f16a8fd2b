from tests.common import PARTNERSHIP, check, replace


def test_partnership_with_outcomes():
    check(PARTNERSHIP)


def test_partnership_without_outcomes():
    text = replace(
        PARTNERSHIP,
        "outcomes:\n  - description: Fewer repeat victims\n"
        "    measure: repeat victims per year\n    target: 10% fewer\n",
        "outcomes: []\n",
    )
    check(text, ("partnership-missing-outcomes", 3, 7))
