from tests.common import CONTRACT, check, lint_text, replace


def test_contract_with_details():
    check(CONTRACT)


def test_contract_without_value():
    [p] = lint_text(replace(CONTRACT, ", value_gbp: 1000000", ""))
    assert (p.rule, p.line, p.column) == ("contract-missing-details", 7, 11)
    assert "contract.value_gbp" in p.message and "reference" not in p.message


def test_contract_without_contract_block():
    check(
        replace(CONTRACT, "contract: {reference: ENV-1, value_gbp: 1000000}\n", ""),
        ("contract-missing-details", 3, 7),
        ("contract-missing-details", 3, 7),
    )


def test_a_value_written_wrongly_is_one_problem():
    # "£4.2m" is not a number: reported once, as what is wrong with it, not also as missing
    check(replace(CONTRACT, "value_gbp: 1000000", "value_gbp: £4.2m"), ("wrong-type", 7, 41))


def test_money_recorded_as_the_councils_resources_is_pointed_to():
    from tests.common import CONTRACT, lint_text

    text = CONTRACT.replace(
        "contract: {reference: ENV-1, value_gbp: 1000000}\n",
        "contract: {reference: ENV-1}\nresources: {council: {funding_gbp: 450000}}\n",
    )
    [p] = [p for p in lint_text(text) if p.rule == "contract-missing-details"]
    assert p.message.endswith(
        "; `resources.council.funding_gbp` records 450,000: if that is what the contract costs, move it"
    )
