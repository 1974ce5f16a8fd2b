from tests.common import CONTRACT, check, lint_text, replace


def test_contract_with_details():
    check(CONTRACT)


def test_contract_without_value():
    [p] = lint_text(replace(CONTRACT, ", value_gbp: 1000000", ""))
    assert (p.rule, p.line, p.column) == ("contract-missing-details", 7, 11)
    assert "`value_gbp:`" in p.message and "under the file's `contract:`" in p.message
    assert "reference" not in p.message


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
        "; `funding_gbp` under `resources:` `council:` records 450,000: if that is what the contract costs, "
        "move it here"
    )


def test_the_advice_followed_as_written_is_the_fix():
    """Told to add `contract.reference`, an officer wrote `contract.reference: GM-1` as a key: a
    second error, the first still there. The advice names the key and where it goes."""
    text = replace(
        CONTRACT, "contract: {reference: ENV-1, value_gbp: 1000000}\n", "contract:\n  value_gbp: 1000000\n"
    )
    [p] = lint_text(text)
    assert p.message == "a contract needs its reference: add `reference:` under the file's `contract:`"
    check(text.replace("  value_gbp: 1000000\n", "  value_gbp: 1000000\n  reference: GM-1\n"))
    [missing, dotted] = lint_text(text + "contract.reference: GM-1\n")
    assert missing.rule == "contract-missing-details" and dotted.rule == "unknown-key"
    assert dotted.message == (
        "unknown key 'contract.reference': the format records it as `reference` under `contract`; add "
        "reference: and the value under the file's contract:, indented as its other keys are"
    )


def test_a_dotted_key_that_is_no_fields_path_is_not_read_as_one():
    [p] = [p for p in lint_text(CONTRACT + "contract.colour: red\n") if p.rule == "unknown-key"]
    assert "under `contract`" not in p.message
