from tests.common import PARTNERSHIP, check, lint_text, replace


def test_allowed_values():
    check(PARTNERSHIP)


def test_misspelt_kind():
    [p] = lint_text(replace(PARTNERSHIP, "kind: partnership", "kind: partnershp"))
    assert (p.rule, p.line, p.column) == ("invalid-value", 3, 7)
    assert "did you mean 'partnership'?" in p.message


def test_nested_value():
    check(replace(PARTNERSHIP, "    sector: public", "    sector: government"), ("invalid-value", 12, 13))


def test_a_choice_not_known_yet_is_told_to_be_left_out_not_given_a_guess():
    """`sector: N/A` or `status: TBC` in an officer's hand: the line is left out until the choice is
    known, and the choices are named for then; no other value is suggested in its place."""
    [p] = lint_text(replace(PARTNERSHIP, "    sector: public", "    sector: N/A"))
    assert (p.rule, p.line, p.column) == ("invalid-value", 12, 13)
    assert p.message == (
        "sector: 'N/A' stands for no value: leave the line out until it is known (a gap is fine), then "
        "write one of: public, private, voluntary, community, academic, other"
    )
    [p] = [
        p
        for p in lint_text(replace(PARTNERSHIP, "status: active", "status: TBC"))
        if p.rule == "invalid-value"
    ]
    assert p.message.startswith("status: 'TBC' stands for no value: leave the line out until it is known")
    assert "active" in p.message and "did you mean" not in p.message


def test_a_kind_not_known_yet_is_not_told_its_gap_is_fine_and_an_agreement_that_does_not_apply_is_none():
    """Every arrangement records its kind and status (missing-field): leaving the line out is
    reported, and the advice says so rather than that a gap is fine. `type: N/A` is an agreement
    that does not apply, which the format writes `type: none`, as `agreement: N/A` is told."""
    [p] = [
        p
        for p in lint_text(replace(PARTNERSHIP, "kind: partnership", "kind: TBC"))
        if p.rule == "invalid-value"
    ]
    assert "(lint reports it as not recorded until then)" in p.message and "gap is fine" not in p.message
    text = replace(PARTNERSHIP, "status: active\n", "status: active\nagreement: {type: N/A}\n")
    [p] = [p for p in lint_text(text) if p.rule == "invalid-value"]
    assert p.message.startswith("type: 'N/A' is not allowed: write type: none"), p.message
