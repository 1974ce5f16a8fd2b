import datetime as dt

from tests.common import PARTNERSHIP, check


def test_younger_than_one_interval():
    check(PARTNERSHIP, today=dt.date(2022, 4, 1))


def test_never_reviewed():
    check(PARTNERSHIP, ("no-review-history", 27, 8), today=dt.date(2022, 4, 2))
