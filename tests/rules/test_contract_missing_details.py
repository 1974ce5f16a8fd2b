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


def test_keys_written_as_paths_are_each_told_a_fix_that_works_when_followed_as_written():
    """`partners.name:` was told to write `partners:` with `name:` under it (a mapping, where the
    format has a list); two keys of one missing mapping were each told to write it (twice: a repeated
    key); a key of a mapping written in braces, to indent it."""
    from tests.common import PARTNERSHIP

    text = replace(
        CONTRACT,
        "contract: {reference: ENV-1, value_gbp: 1000000}\n",
        "contract.reference: ENV-1\ncontract.value_gbp: 10\n",
    )
    said = [p.message for p in lint_text(text) if p.rule == "unknown-key"]
    assert said == [
        f"unknown key 'contract.{k}': the format records it as `{k}` under `contract`; write contract: once and, "
        "on the lines below it, indented under it, reference:, value_gbp: with their values"
        for k in ("reference", "value_gbp")
    ]
    [listed] = [
        p.message for p in lint_text(CONTRACT + "partners.role: Supplier\n") if p.rule == "unknown-key"
    ]
    assert listed == (
        "unknown key 'partners.role': the format records it as `role` of each item under `partners`; add it as "
        "the role: of an item of the file's partners: list, written as its other items are"
    )
    no_list = "".join(
        line + "\n"
        for line in PARTNERSHIP.splitlines()
        if not line.startswith(("partners:", "  - name: Essex", "    sector: public"))
    )
    [listed] = [
        p.message for p in lint_text(no_list + "partners.name: Essex Police\n") if p.rule == "unknown-key"
    ]
    assert listed.endswith(
        "write partners: and, on the next line, indented under it, one item: - name: and its value"
    )
    flow = replace(
        CONTRACT,
        "lead: {role: Street Scene Manager, service: Environment}\n",
        "lead: {role: Street Scene Manager, service: Environment}\nlead.member: Cllr Patel\n",
    )
    [braces] = [p.message for p in lint_text(flow) if p.rule == "unknown-key"]
    assert braces.endswith("add member: and the value inside the braces of the file's lead:, after a comma")
    fixed = flow.replace(
        "service: Environment}\nlead.member: Cllr Patel\n", "service: Environment, member: Cllr Patel}\n"
    )
    check(fixed)


def test_keys_written_as_paths_beside_an_empty_mapping_a_list_or_keys_that_are_no_fields():
    """Each told a fix that, done as written, leaves the file as the format writes it: an item with
    both of a partner's keys, not `partners:` twice; under the file's `lead:` written with nothing
    after it, not `lead:` again; inside empty braces with no comma; and only the paths that are
    fields (`contract.value:` is not one, and is told so on its own line)."""
    base = CONTRACT.replace("partners: [{name: BIFFA, sector: private}]\n", "").replace(
        "lead: {role: Street Scene Manager, service: Environment}\n", ""
    )
    assert "partners:" not in base and "lead:" not in base, "the fixture's partners and lead are gone"
    text = (
        base
        + "partners.name: BIFFA\npartners.sector: private\nlead:\nlead.role: Manager\nlead.service: Env\n"
    )
    said = {p.message.split("'")[1]: p.message for p in lint_text(text) if p.rule == "unknown-key"}
    for key in ("partners.name", "partners.sector"):
        assert said[key].endswith(
            "write partners: and, on the next line, indented under it, one item: - name: and its value, then "
            "sector: and its value on a line of its own, indented as name: is"
        ), said[key]
    assert said["lead.role"].endswith(
        "write role:, service: with their values on the lines below the file's lead:, indented under it"
    )
    fixed = base + "partners:\n  - name: BIFFA\n    sector: private\nlead:\n  role: Manager\n  service: Env\n"
    check(fixed)
    braces = replace(
        CONTRACT,
        "contract: {reference: ENV-1, value_gbp: 1000000}\n",
        "contract: {}\ncontract.reference: ENV-1\ncontract.value: 1\n",
    )
    said = {p.message.split("'")[1]: p.message for p in lint_text(braces) if p.rule == "unknown-key"}
    assert said["contract.reference"].endswith(
        "write reference: and the value inside the braces of the file's contract: {}"
    )
    assert "under `contract`" not in said["contract.value"], "not a field: not told to go under contract"
