from tests.common import PARTNERSHIP, check


def test_id_matches_file_name():
    check(PARTNERSHIP, file_id="test-partnership")


def test_id_differs_from_file_name():
    check(PARTNERSHIP, ("id-mismatch", 1, 5), file_id="community-safety")
