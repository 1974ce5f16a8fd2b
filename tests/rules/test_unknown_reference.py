import datetime as dt

from partreg.lint import run
from partreg.rules import ALL
from partreg.yaml.reading import parse_document
from tests.common import PARTNERSHIP, SETTINGS, check, lint_text

IDS = frozenset({"test-partnership", "safeguarding-adults-board", "old-partnership"})


def problems(text, known=IDS):
    doc = parse_document(text.encode(), "register/test-partnership.yaml")
    [(_, _, found)] = list(run(SETTINGS, [(doc, "test-partnership")], ALL, dt.date(2025, 1, 1), known))
    return [(p.rule, p.key, p.message) for p in found if p.rule == "unknown-reference"]


def test_references_to_entries_in_the_register():
    text = PARTNERSHIP + "replaces: [old-partnership]\nreplaced_by: [safeguarding-adults-board]\n"
    assert problems(text) == []


def test_a_reference_to_no_entry_is_an_error_with_a_suggestion():
    [(_, key, message)] = problems(PARTNERSHIP + "replaced_by: [safeguarding-adult-board]\n")
    assert key == "replaced_by[0]"
    assert message == (
        "replaced_by: no entry 'safeguarding-adult-board' in the register (did you mean "
        "'safeguarding-adults-board'?): add register/safeguarding-adult-board.yaml, or correct the id"
    )


def test_an_entry_that_replaces_itself():
    [(_, key, message)] = problems(PARTNERSHIP + "replaces: [test-partnership]\n")
    assert key == "replaces[0]" and "names this entry itself" in message


def test_without_the_registers_ids_only_the_shape_is_checked():
    """One file checked on its own (no register around it): its references cannot be judged."""
    check(PARTNERSHIP + "replaced_by: [somewhere-else]\n")
    assert [p.rule for p in lint_text(PARTNERSHIP + "replaced_by: [Not An Id]\n")] == ["wrong-type"]
