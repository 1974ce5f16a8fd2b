from partreg.problems import Severity
from tests.common import PARTNERSHIP, check, lint_text

DECIDED = "decisions:\n  - body: Cabinet\n    date: 2024-03-13\n    reference: Minute 123\n"


def test_a_decision_with_its_date():
    check(PARTNERSHIP + DECIDED)
    check(PARTNERSHIP + DECIDED.replace("2024-03-13", "2024"))  # the year, where that is all that is known


def test_who_decided_and_not_when_is_kept_with_a_warning():
    """A sheet's "Decision maker: Cabinet", imported with no date: an honest record with a gap, worth
    publishing. It had been an error (`missing-field`) whose advice was to remove the decision."""
    [p] = lint_text(PARTNERSHIP + DECIDED.replace("    date: 2024-03-13\n", ""))
    assert (p.rule, p.severity, p.key, p.line, p.column) == (
        "decision-date-not-recorded",
        Severity.WARNING,
        "decisions[0].date",
        31,
        5,
    )
    assert p.message == (
        "when Cabinet decided is not recorded: add `date:` as the minutes record it (2024-03-13, or 2024-03 "
        "or 2024 where only the month or year is known)"
    )
    [p] = lint_text(PARTNERSHIP + "decisions:\n  - summary: Agreed to join.\n")
    assert p.message.startswith("when this decision was made is not recorded"), p.message


def test_a_decision_that_records_nothing_is_missing_field_only():
    for written in ("decisions:\n  - {}\n", "decisions:\n  - date:\n    body:\n"):
        [p] = lint_text(PARTNERSHIP + written)
        assert (p.rule, p.severity, p.key) == ("missing-field", Severity.ERROR, "decisions[0]"), written
        assert p.message.startswith("decisions[0] records nothing: add `body:`, who decided"), p.message
