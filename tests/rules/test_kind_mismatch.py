import pytest

from tests.common import CONTRACT, JOINT_WORKING, PARTNERSHIP, check, lint_text, replace

BIFFA_FACTS = """\
characteristics:
  formal_agreement: true
  shared_objectives: false
  council_sole_procurer: true
  provider_profit_motive: true
"""


def test_kind_agrees_with_the_facts():
    check(CONTRACT + BIFFA_FACTS)
    check(PARTNERSHIP)  # its statutory basis settles it: a partnership, as recorded


def test_a_contract_recorded_as_a_partnership_names_the_fact_that_decides_it():
    text = replace(PARTNERSHIP, "statutory: true\n", "") + BIFFA_FACTS
    [p] = [p for p in lint_text(text) if p.rule == "kind-mismatch"]
    assert (p.line, p.column) == (3, 7)
    assert p.message.startswith(
        "recorded as partnership, but `council_sole_procurer: true` makes it a contract "
        "(the council is the sole procurer of the service): change `kind: contract`"
    )


def test_the_recorded_kinds_rules_step_back():
    """A partnership that is really a contract does not need a partnership's six elements."""
    bare = "id: x-contract\ntitle: Street cleansing\nkind: partnership\nstatus: active\n"
    bare += (
        "lead: {role: Street Scene Manager, service: Environment}\npartners: [{name: BIFFA}]\nstart: 2019\n"
    )
    rules = [p.rule for p in lint_text(bare + BIFFA_FACTS)]
    assert rules == ["kind-mismatch"]
    assert "partnership-missing-elements" in [p.rule for p in lint_text(bare)], (
        "without the facts, they apply"
    )


def test_a_statutory_board_recorded_as_joint_working_says_which_fact_would_make_it_so():
    text = replace(
        JOINT_WORKING, "start:", "statutory: true\nstatutory_basis: Care Act 2014, section 43\nstart:"
    )
    [p] = lint_text(text)
    assert p.rule == "kind-mismatch"
    assert "its statutory basis (Care Act 2014, section 43) settles the formal agreement" in p.message
    assert "record `formal_agreement: false` under `characteristics:` if the council takes part" in p.message
    check(text + "characteristics: {formal_agreement: false}\n")


@pytest.mark.parametrize("basis", ["TBC", "To be confirmed", "See attached", "Unknown"])
def test_a_basis_that_only_stands_for_a_law_settles_nothing(basis):
    """A joint-working forum recorded `statutory: true` with `statutory_basis: TBC` was told its law
    (the TBC) made it a partnership; the placeholder is what lint reports, and the kind stands."""
    text = replace(JOINT_WORKING, "start:", f"statutory: true\nstatutory_basis: {basis}\nstart:")
    assert [p.rule for p in lint_text(text)] == ["not-known-as-a-value"]
    named = replace(JOINT_WORKING, "start:", "statutory: true\nstatutory_basis: Care Act 2014\nstart:")
    assert [p.rule for p in lint_text(named)] == ["kind-mismatch"], "the control: a law named decides"


def test_a_basis_that_names_a_law_after_a_placeholders_words_names_it():
    text = replace(
        JOINT_WORKING,
        "start:",
        "statutory: true\nstatutory_basis: See schedule 2 of the Care Act 2014\nstart:",
    )
    assert [p.rule for p in lint_text(text)] == ["kind-mismatch"], "the Act decides the kind, as a law does"


def test_undetermined_facts_are_not_a_mismatch():
    check(CONTRACT + "characteristics:\n  shared_objectives: false\n")
    check(JOINT_WORKING + "characteristics: {discussion_forum: true}\n")  # leans to joint working


def test_off_in_the_settings_leaves_the_kinds_rules_on():
    from partreg.models import Settings
    from tests.common import SETTINGS

    off = Settings(**{**SETTINGS.model_dump(), "rules": {"kind-mismatch": "off"}})
    bare = "id: x-contract\ntitle: Street cleansing\nkind: partnership\nstatus: active\n"
    rules = {p.rule for p in lint_text(bare + BIFFA_FACTS, settings=off)}
    assert "kind-mismatch" not in rules and "partnership-missing-elements" in rules


def test_a_basis_awaiting_advice_names_no_law():
    text = replace(
        JOINT_WORKING, "start:", "statutory: true\nstatutory_basis: TBC - awaiting legal advice\nstart:"
    )
    assert "kind-mismatch" not in [p.rule for p in lint_text(text)]
