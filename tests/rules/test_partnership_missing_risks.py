from tests.common import PARTNERSHIP, check, replace


def test_partnership_with_risks():
    check(PARTNERSHIP)


def test_partnership_without_risks():
    text = replace(
        PARTNERSHIP,
        "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        "",
    )
    check(text, ("partnership-missing-risks", 3, 7))
