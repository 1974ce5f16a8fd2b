from partreg.models import Settings, SignificanceSettings, SignificanceTest
from tests.common import PARTNERSHIP, SETTINGS, check, lint_text

TESTS = Settings(
    **{
        **SETTINGS.model_dump(),
        "significance": SignificanceSettings(
            tests={
                "essential-to-a-priority": SignificanceTest(description="Essential to a corporate priority")
            }
        ),
    }
)


def test_a_test_the_settings_set():
    check(PARTNERSHIP + "significance:\n  meets: [essential-to-a-priority]\n", settings=TESTS)


def test_a_misspelt_test():
    [p] = lint_text(PARTNERSHIP + "significance:\n  meets: [essential-to-priority]\n", settings=TESTS)
    assert (p.rule, p.key) == ("unknown-significance-test", "significance.meets[0]")
    assert "(did you mean 'essential-to-a-priority'?)" in p.message


def test_no_tests_in_the_settings():
    [p] = lint_text(PARTNERSHIP + "significance:\n  meets: [anything]\n")
    assert "partreg.yaml sets no `significance: tests`" in p.message
