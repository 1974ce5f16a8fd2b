import datetime as dt

import pytest

from partreg.models import Settings
from tests.common import PARTNERSHIP, SETTINGS, check, lint_text, replace

TODAY = dt.date(2022, 1, 1)


@pytest.mark.parametrize("value", ["'?'", "'???'", "Unknown", "not known", "NOT KNOWN"])
def test_a_mark_of_not_knowing_is_not_a_value(value):
    """An older `partreg add` stored `?` where nothing was known; the page published "measured by ?"."""
    text = replace(PARTNERSHIP, "    measure: repeat victims per year", f"    measure: {value}")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.severity) == ("not-known-as-a-value", 18, "warning")
    assert (
        p.message.startswith("outcomes[0].measure: ") and "leave the line out until it is known" in p.message
    )
    # left out, the gap is named, as the message says
    gone = replace(PARTNERSHIP, "    measure: repeat victims per year\n", "")
    assert [p.rule for p in lint_text(gone, today=TODAY)] == ["outcome-not-measurable"]


def test_tbc_na_and_a_question_in_a_sentence_are_values():
    check(replace(PARTNERSHIP, "    target: 10% fewer", "    target: TBC"), today=TODAY)
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: Who leads? The police."),
        today=TODAY,
    )


def test_a_field_kept_internal_is_not_published_so_not_reported():
    settings = Settings.model_validate({**SETTINGS.model_dump(), "internal_fields": ["added_value"]})
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: '?'"),
        settings=settings,
        today=TODAY,
    )


def test_what_is_not_published_or_another_rule_reads_is_not_reported_here():
    """Risks (unless published) and contacts never reach the page; a link's address, a priority
    and a reference are told what to write by their own rules."""
    text = replace(PARTNERSHIP, "    mitigation: Information sharing agreement", "    mitigation: Unknown")
    check(text, today=TODAY)
    text = replace(PARTNERSHIP, "priorities: [developing-our-communities]", "priorities: [unknown]")
    assert "not-known-as-a-value" not in [p.rule for p in lint_text(text, today=TODAY)]


def test_an_item_of_a_list_is_told_to_go_not_the_line():
    text = replace(
        PARTNERSHIP,
        "objectives: [Reduce crime and disorder]",
        "objectives: [Reduce crime and disorder, Unknown]",
    )
    [p] = lint_text(text, today=TODAY)
    assert p.message.endswith("remove the item until it is known")
