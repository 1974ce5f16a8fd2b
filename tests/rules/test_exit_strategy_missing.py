from partreg.models import Settings, SignificanceSettings, SignificanceTest
from partreg.problems import Severity
from partreg.rules.exit_strategy_missing import RULE
from tests.common import PARTNERSHIP, SETTINGS, check, lint_text, replace

#: A partnership the law does not require: one the council could leave.
CHOSEN = replace(PARTNERSHIP, "statutory: true\nstatutory_basis: Crime and Disorder Act 1998\n", "")
TESTS = Settings(
    **{
        **SETTINGS.model_dump(),
        "significance": SignificanceSettings(
            tests={
                "resources": SignificanceTest(
                    description="Council resources of £50,000 or more", council_gbp_a_year=50000
                )
            }
        ),
    }
)


def test_significant_partnership_with_exit_strategy():
    check(CHOSEN + "significance: high\nexit_strategy: Six months' notice.\n")
    check(CHOSEN + "significance: medium\n")


def test_significant_partnership_without_exit_strategy_is_a_warning():
    [p] = lint_text(CHOSEN + "significance: high\n")
    assert (p.rule, p.line, p.column, p.severity) == ("exit-strategy-missing", 28, 15, Severity.WARNING)
    assert RULE.severity is Severity.WARNING, "the policy never asks for an exit strategy"


def test_a_statutory_partnership_needs_none():
    """The law keeps the council in it: there is no leaving to plan."""
    check(PARTNERSHIP + "significance: high\n")
    check(CHOSEN + "significance: high\nform: statutory-partnership\n")


def test_significant_by_the_councils_tests():
    text = replace(CHOSEN, "council: {funding_gbp: 25000}", "council: {funding_gbp: 60000}")
    [p] = lint_text(text, settings=TESTS)
    assert p.rule == "exit-strategy-missing" and (p.line, p.column) == (3, 7)
    assert (
        "needs an exit strategy (significant by the council's tests: Council resources of £50,000 or more)"
        in p.message
    )
    check(CHOSEN, settings=TESTS)  # £25,000: not significant


def test_not_for_another_kind():
    check(replace(CHOSEN, "kind: partnership", "kind: joint-working") + "significance: high\n")
