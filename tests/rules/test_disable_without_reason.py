from tests.common import PARTNERSHIP, check, replace


def test_a_reason_is_given():
    check(
        replace(
            PARTNERSHIP,
            "kind: partnership\n",
            "kind: partnership  # partreg: disable=kind-mismatch the board decided\n",
        )
    )


def test_no_reason():
    check(
        replace(PARTNERSHIP, "kind: partnership\n", "kind: partnership  # partreg: disable=kind-mismatch\n"),
        ("disable-without-reason", 3, 20),
    )
