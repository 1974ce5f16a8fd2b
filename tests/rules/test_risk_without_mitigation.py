from tests.common import PARTNERSHIP, check, replace


def test_risk_with_mitigation():
    check(PARTNERSHIP)


def test_risk_without_mitigation():
    check(
        replace(PARTNERSHIP, "    mitigation: Information sharing agreement\n", ""),
        ("risk-without-mitigation", 25, 5),
    )
