from partreg.models import Settings, SignificanceSettings, SignificanceTest
from tests.common import PARTNERSHIP, SETTINGS, check, lint_text

GRAVESHAM = Settings(
    **{
        **SETTINGS.model_dump(),
        "significance": SignificanceSettings(
            tests={
                "resources": SignificanceTest(
                    description="Council resources of £50,000 or more", council_gbp_a_year=50000
                ),
                "statutory": SignificanceTest(description="Statutory", statutory=True),
            }
        ),
    }
)


def test_a_level_the_tests_agree_with():
    check(PARTNERSHIP + "significance: high\n", settings=GRAVESHAM)  # statutory: high by the tests too


def test_another_level_with_its_reason():
    check(
        PARTNERSHIP + "significance:\n  level: medium\n  reason: The county leads; our part is small.\n",
        settings=GRAVESHAM,
    )


def test_another_level_without_a_reason():
    [p] = lint_text(PARTNERSHIP + "significance: medium\n", settings=GRAVESHAM)
    assert p.rule == "significance-without-reason"
    assert p.message.startswith("recorded as medium, but the council's tests give high (Statutory)")


def test_without_tests_a_level_needs_no_reason():
    check(PARTNERSHIP + "significance: low\n")
