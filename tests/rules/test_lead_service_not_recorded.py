from partreg.problems import Severity
from tests.common import PARTNERSHIP, check, lint_text, replace


def test_a_lead_with_a_service():
    check(PARTNERSHIP)


def test_a_lead_without_a_service_is_a_warning():
    [p] = lint_text(replace(PARTNERSHIP, "  service: Community Safety\n", ""))
    assert (p.rule, p.severity, p.key, p.line) == (
        "lead-service-not-recorded",
        Severity.WARNING,
        "lead.service",
        6,
    )
    assert "add `service:` under `lead`" in p.message


def test_no_lead_at_all_is_missing_field_only():
    text = replace(PARTNERSHIP, "lead:\n  role: Community Safety Manager\n  service: Community Safety\n", "")
    assert [p.rule for p in lint_text(text)] == ["missing-field"]
