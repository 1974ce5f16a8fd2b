from partreg.models import Settings
from tests.common import PARTNERSHIP, SETTINGS, check, lint_text, replace

ONLY_OBJECTIVES = """\
id: csp
title: Community Safety Partnership
kind: partnership
status: active
lead: {role: Community Safety Manager, service: Community Safety}
priorities: [developing-our-communities]
partners: [{name: Essex Police}]
objectives: [Reduce crime]
start: 2021
"""


def test_a_partnership_with_all_six():
    check(PARTNERSHIP)


def test_several_missing_are_one_problem_listing_them():
    [p] = lint_text(ONLY_OBJECTIVES)
    assert (p.rule, p.line, p.column) == ("partnership-missing-elements", 3, 7)
    assert p.message.startswith(
        "lacks 5 of the 6 things every partnership must agree: resources (`resources:`, with `council:` under "
        "it, holding `funding_gbp:`, `staff:` or `other:`, and `partners:`, what they put in); measurable "
        "outcomes (`outcomes:`, a list: each `- description:`, with its `measure:` and `target:` under it); "
        "added value (`added_value:` and, after it, what working together achieves); risks (`risks:`, a list: "
        "each `- description:`, with its `mitigation:` under it); timescales for review or life "
        "(`review: {months: 12}` or `end:`)"
    )


def test_one_missing_is_its_own_rule():
    text = replace(PARTNERSHIP, "added_value: Joint tasking.\n", "")
    assert [p.rule for p in lint_text(text)] == ["partnership-missing-added-value"]


def test_an_element_whose_rule_is_off_is_not_asked_for():
    settings = Settings(**{**SETTINGS.model_dump(), "rules": {"partnership-missing-risks": "off"}})
    text = replace(PARTNERSHIP, "added_value: Joint tasking.\n", "")
    text = replace(
        text, "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n", ""
    )
    assert [p.rule for p in lint_text(text, settings=settings)] == ["partnership-missing-added-value"]


def test_off_the_grouped_rule_gives_one_problem_each():
    settings = Settings(**{**SETTINGS.model_dump(), "rules": {"partnership-missing-elements": "off"}})
    assert (
        len(
            [
                p
                for p in lint_text(ONLY_OBJECTIVES, settings=settings)
                if p.rule.startswith("partnership-missing")
            ]
        )
        == 5
    )


def test_a_value_written_wrong_is_reported_as_that_and_not_listed():
    text = ONLY_OBJECTIVES + "risks: Data not shared\n"
    found = {p.rule: p for p in lint_text(text)}
    assert "wrong-type" in found
    assert "risks" not in found["partnership-missing-elements"].message
    assert found["partnership-missing-elements"].message.startswith("lacks 4 of the 6")


def test_an_ended_partnership_is_not_asked_what_it_agreed():
    """A partnership that ended years ago, kept in the register as a record of what was: it had been
    told, as an error, to record what it agreed, which no one may know now, and to name a priority."""
    ended = replace(ONLY_OBJECTIVES, "status: active\n", "status: ended\nend: 2024-03-31\n")
    ended = replace(ended, "priorities: [developing-our-communities]\n", "")
    assert [p.rule for p in lint_text(ended)] == []
    # one element alone is its own rule's: not asked either
    no_risks = replace(PARTNERSHIP, "status: active", "status: ended") + "end: 2024-03-31\n"
    no_risks = replace(
        no_risks,
        "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        "",
    )
    assert [p.rule for p in lint_text(no_risks)] == []
    assert [p.rule for p in lint_text(no_risks.replace("status: ended", "status: active"))] == [
        "partnership-missing-risks"
    ]
    assert [p.rule for p in lint_text(ended.replace("status: ended", "status: active"))] == [
        "partnership-missing-elements",
        "partnership-without-priority",
    ]


def test_an_ended_partnership_is_asked_nothing_that_looks_ahead():
    """Closed as lint advises (status: ended, and its end): it was still told it needs an exit
    strategy, a measure for each outcome, a mitigation for each risk, and, for objectives written
    N/A, that a partnership must agree its objectives. Its gaps are history; an N/A is still told to go."""
    ended = replace(PARTNERSHIP, "status: active", "status: ended") + "end: 2024\nsignificance: high\n"
    ended = replace(ended, "statutory: true\nstatutory_basis: Crime and Disorder Act 1998\n", "")
    ended = replace(ended, "    measure: repeat victims per year\n    target: 10% fewer\n", "")
    ended = replace(ended, "    mitigation: Information sharing agreement\n", "")
    ended = replace(ended, "objectives: [Reduce crime and disorder]", "objectives: [N/A]")
    [p] = lint_text(ended)
    assert p.rule == "not-known-as-a-value" and "must agree" not in p.message, p.message
    assert "remove the line where there is none" in p.message, p.message
    running = ended.replace("status: ended", "status: active")
    assert sorted({p.rule for p in lint_text(running)}) == [
        "exit-strategy-missing",
        "not-known-as-a-value",
        "outcome-not-measurable",
        "risk-without-mitigation",
    ]


def test_a_partnership_with_no_priority_is_told_the_ids_to_write():
    """Told `add priorities: [...]`, an officer wrote the priority's name, and was then told it was
    an unknown priority."""
    text = replace(PARTNERSHIP, "priorities: [developing-our-communities]\n", "")
    [p] = [p for p in lint_text(text) if p.rule == "partnership-without-priority"]
    ids = ", ".join(SETTINGS.priorities)
    assert p.message.endswith(
        f"add `priorities: [...]`, with the ids of those it serves, as partreg.yaml names them: {ids}"
    )


def test_one_element_missing_is_told_its_form_too():
    """`partnership-missing-objectives` alone said `add objectives: with at least one`; written as
    `objectives: Reduce crime`, it was a list's wrong type."""
    text = replace(PARTNERSHIP, "objectives: [Reduce crime and disorder]\n", "")
    [p] = lint_text(text)
    assert p.rule == "partnership-missing-objectives"
    assert p.message.endswith("add `objectives:`, a list: each objective on a line of its own, after `- `")
    check(text.replace("added_value:", "objectives:\n  - Reduce crime\nadded_value:", 1))
