from tests.common import CONTRACT, PARTNERSHIP, check, lint_text, replace

BIFFA_FACTS = """\
characteristics:
  formal_agreement: true
  shared_objectives: false
  council_sole_procurer: true
  provider_profit_motive: true
"""


def test_kind_agrees_with_the_facts():
    check(CONTRACT + BIFFA_FACTS)
    check(PARTNERSHIP)  # no characteristics recorded: nothing to compare


def test_a_contract_recorded_as_a_partnership():
    text = replace(PARTNERSHIP, "kind: partnership", "kind: partnership") + BIFFA_FACTS
    [p] = [p for p in lint_text(text) if p.rule == "kind-mismatch"]
    assert (p.line, p.column) == (3, 7)
    assert "the characteristics say contract (the council is the sole procurer of the service)" in p.message


def test_undetermined_facts_are_not_a_mismatch():
    check(CONTRACT + "characteristics:\n  shared_objectives: false\n")
