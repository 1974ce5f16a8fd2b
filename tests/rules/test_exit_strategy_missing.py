from tests.common import PARTNERSHIP, check


def test_significant_partnership_with_exit_strategy():
    check(PARTNERSHIP + "significance: high\nexit_strategy: Six months' notice.\n")
    check(PARTNERSHIP + "significance: medium\n")


def test_significant_partnership_without_exit_strategy():
    check(PARTNERSHIP + "significance: high\n", ("exit-strategy-missing", 30, 15))
