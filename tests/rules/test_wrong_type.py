import pytest

from tests.common import PARTNERSHIP, check, lint_text, replace


def test_right_types():
    check(PARTNERSHIP)


def test_date_in_the_wrong_format():
    [p] = lint_text(replace(PARTNERSHIP, "start: 2021-04-01", "start: 01/04/2021"))
    assert (p.rule, p.line, p.column) == ("wrong-type", 27, 8)
    assert "YYYY-MM-DD" in p.message


def test_impossible_date():
    check(replace(PARTNERSHIP, "start: 2021-04-01", "start: 2021-02-30"), ("wrong-type", 27, 8))


def test_money_as_text():
    check(replace(PARTNERSHIP, "funding_gbp: 25000", 'funding_gbp: "£25,000"'), ("wrong-type", 21, 26))


def test_yes_is_text_in_yaml_1_2():
    text = PARTNERSHIP + "characteristics:\n  formal_agreement: yes\n"
    [p] = lint_text(text)
    assert (p.rule, p.line) == ("wrong-type", 31)
    assert "true or false" in p.message


def test_bad_id_form():
    check(
        replace(PARTNERSHIP, "id: test-partnership", "id: Test_Partnership"),
        ("wrong-type", 1, 5),
        file_id="Test_Partnership",
    )


def test_many_wrong_values_in_a_list_are_counted_after_twenty():
    partners = "".join("  - name: [Essex Police]\n" for _ in range(100))
    text = replace(PARTNERSHIP, "  - name: Essex Police\n    sector: public\n", partners)
    found = lint_text(text)
    assert [(p.rule, p.key) for p in found] == [("wrong-type", f"partners[{i}].name") for i in range(21)]
    assert found[-1].message.endswith("(and 79 more like it at partners[*].name, not shown one by one)")


def test_digits_that_should_be_text_are_quoted_as_the_file_writes_them():
    from tests.common import CONTRACT, lint_text

    text = CONTRACT.replace(
        "contract: {reference: ENV-1, value_gbp: 1000000}", "contract: {reference: 00123, value_gbp: 1000000}"
    )
    text = text.replace(
        "lead: {role: Street Scene Manager, service: Environment}",
        "lead:\n  role: Street Scene Manager\n  service: Environment\n  phone: 01277312500   # the switchboard",
    )
    text += "objectives: [007, Keep the streets clean]\n"
    said = {p.key: p.message for p in lint_text(text) if p.rule == "wrong-type"}
    assert said == {
        "contract.reference": "reference: should be text, not the number 00123: write reference: '00123' (in quotes, which keep it as written)",
        "lead.phone": "phone: should be text, not the number 01277312500: write phone: '01277312500' (in quotes, which keep it as written)",
        "objectives[0]": "objectives[0]: should be text, not the number 007: write '007' (in quotes, which keep it as written)",
    }


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        (
            "partners: Essex Police; Essex County Council; NHS Mid and South Essex",
            "write partners: [{name: Essex Police}, {name: Essex County Council}, {name: NHS Mid and South Essex}] "
            "(a list, one item for each)",
        ),
        (
            "partners: Basildon, Brentwood and Thurrock Mind",  # one body's name, a comma in it
            'write partners: [{name: "Basildon, Brentwood and Thurrock Mind"}] (a list, even of one)',
        ),
        (
            "priorities: developing-our-communities, improving-housing",
            "write a list of priority ids: priorities: [developing-our-communities, improving-housing]",
        ),
        ("risks: Funding may stop", "write risks: [{description: Funding may stop}] (a list, even of one)"),
        (
            "links: https://example.org/x",
            'write links: [{url: "https://example.org/x"}] (a list, even of one); each link also needs its `title:`',
        ),
    ],
)
def test_a_list_written_as_a_line_of_text_is_told_its_items(written, fix):
    """Each item a mapping of the field its list needs, the value quoted whole or cut with its quote."""
    was = {
        "partners": "partners:\n  - name: Essex Police\n    sector: public\n",
        "priorities": "priorities: [developing-our-communities]\n",
        "risks": "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n",
    }
    key = written.split(":", 1)[0]
    text = replace(PARTNERSHIP, was[key], "") if key in was else PARTNERSHIP
    [p] = [p for p in lint_text(text + written + "\n") if p.rule == "wrong-type"]
    assert p.message.endswith(fix), p.message
    assert p.message.count("'") % 2 == 0


def test_a_long_value_is_quoted_cut_with_its_quote_closed():
    from partreg.models import shown

    assert shown("Essex Police; Essex County Council; NHS Mid") == "'Essex Police; Essex County Council;...'"
    assert len(shown("x" * 500)) == 40 and shown("x" * 500).endswith("...'")
    assert shown("short") == "'short'" and shown(12345) == "12345"


@pytest.mark.parametrize(
    ("old", "new", "at", "head"),
    [
        ("funding_gbp: 25000", "funding_gbp: TBC", (21, 26), "funding_gbp: should be a number, not 'TBC'"),
        ("  months: 12", "  months: N/K", (29, 11), "months: should be a whole number, not 'N/K'"),
        ("statutory: true", "statutory: N/A", (13, 12), "statutory: should be true or false, not 'N/A'"),
    ],
)
def test_a_word_for_no_value_where_a_number_or_true_or_false_goes_is_told_to_go(old, new, at, head):
    """`funding_gbp: TBC` was told to write a plain number of pounds, which the officer does not know."""
    [p] = lint_text(replace(PARTNERSHIP, old, new))
    said = new.split(": ")[1]
    assert (p.rule, p.line, p.column) == ("wrong-type", *at)
    assert p.message == (
        f"{head}: '{said}' stands for no value: leave the line out while it is not known or does not apply "
        "(lint then names the gap where the field is needed)"
    )


def test_an_amount_that_is_none_is_nought():
    [p] = lint_text(replace(PARTNERSHIP, "funding_gbp: 25000", "funding_gbp: none"))
    assert p.message.endswith(
        "write funding_gbp: 0 (an amount is a plain number of pounds, without £ or commas)"
    )


def test_the_councils_resources_written_as_n_a_are_told_what_to_write():
    """`resources: {council: N/A}` had only "should be a mapping", which says nothing to an officer."""
    [p] = lint_text(replace(PARTNERSHIP, "  council: {funding_gbp: 25000}", "  council: N/A"))
    assert (p.rule, p.line, p.column) == ("wrong-type", 21, 12)
    assert p.message == (
        "council: should be a mapping, not 'N/A': 'N/A' records no council resources, and a partnership must "
        "agree the resources committed: write council: {funding_gbp: ..., staff: ...} with the council's "
        "money a year and its staff time in place of ..."
    )
    # either way the advice offers, nothing more is found
    check(replace(PARTNERSHIP, "  council: {funding_gbp: 25000}\n", ""))
    check(
        replace(
            PARTNERSHIP, "  council: {funding_gbp: 25000}", "  council: {funding_gbp: 1000, staff: 0.1 FTE}"
        )
    )


def test_a_lead_that_is_dunno_records_no_lead_and_is_not_told_to_be_the_role():
    lead = "lead:\n  role: Community Safety Manager\n  service: Community Safety\n"
    [p] = lint_text(replace(PARTNERSHIP, lead, "lead: dunno\n"))
    assert (p.rule, p.line, p.column) == ("wrong-type", 6, 7)
    assert "{role: dunno" not in p.message and "'dunno' records no lead: write lead: {role: ..." in p.message
