from tests.common import CONTRACT, check, lint_text


def test_consistent_facts():
    check(CONTRACT + "characteristics:\n  council_sole_procurer: true\n  shared_objectives: false\n")


def test_sole_procurer_with_shared_objectives():
    text = CONTRACT + "characteristics:\n  council_sole_procurer: true\n  shared_objectives: true\n"
    [p] = lint_text(text)
    assert (p.rule, p.line, p.column, str(p.severity)) == ("characteristics-conflict", 9, 1, "warning")
    assert "BIFFA" in p.message
