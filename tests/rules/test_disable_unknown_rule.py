from tests.common import PARTNERSHIP, check, replace


def test_a_known_rule():
    check(
        replace(
            PARTNERSHIP,
            "kind: partnership\n",
            "kind: partnership  # partreg: disable=kind-mismatch the board decided\n",
        )
    )


def test_an_unknown_rule():
    check(
        replace(
            PARTNERSHIP,
            "kind: partnership\n",
            "kind: partnership  # partreg: disable=kind-mismatches reason\n",
        ),
        ("disable-unknown-rule", 3, 20),
    )
