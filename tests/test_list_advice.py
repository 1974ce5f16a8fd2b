"""A list written as a word for "no value" (`partners: N/A`, `risks: none`, `- TBC`) records no
item: it is told so, with the list to write, and, where the kind does not need the list, that the
line may go. Following the advice never leads to another problem."""

import pytest

from tests.common import COMMUNITY_FUNDING, JOINT_WORKING, PARTNERSHIP, lint_text, replace


def _wrong(text: str) -> str:
    [p] = lint_text(text)
    assert p.rule == "wrong-type", p.message
    return p.message


#: (the entry, the lines it has for the list, the list as N/A, the list written as the advice says)
NEEDED = [
    (
        JOINT_WORKING,
        "partners: [{name: Health and Wellbeing Board}]\n",
        "partners: N/A\n",
        "partners: [{name: Health and Wellbeing Board}]\n",
    ),
    (
        PARTNERSHIP,
        "outcomes:\n  - description: Fewer repeat victims\n    measure: repeat victims per year\n"
        "    target: 10% fewer\n",
        "outcomes: N/A\n",
        "outcomes: [{description: Fewer repeat victims, measure: repeat victims a year, target: 10% fewer}]\n",
    ),
    (
        PARTNERSHIP,
        "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        "risks: none\n",
        "risks: [{description: Data not shared, mitigation: Information sharing agreement}]\n",
    ),
    (
        PARTNERSHIP,
        "objectives: [Reduce crime and disorder]\n",
        "objectives: TBC\n",
        "objectives: [Reduce crime and disorder, Support victims]\n",
    ),
    (
        PARTNERSHIP,
        "priorities: [developing-our-communities]\n",
        "priorities: N/A\n",
        "priorities: [developing-our-communities]\n",
    ),
    (
        COMMUNITY_FUNDING,
        "  actions: [Refurbish the scout hut]\n",
        "  actions: N/A\n",
        "  actions: [Refurbish the scout hut, Open it to other groups]\n",
    ),
]


@pytest.mark.parametrize(("entry", "lines", "nothing", "written"), NEEDED)
def test_a_needed_list_written_as_nothing_is_told_what_to_write_and_not_to_remove_it(
    entry, lines, nothing, written
):
    """`partners: N/A` is not a partner called N/A: the list is told with `...` to fill in, and,
    since the kind needs the list, removing the line (which would be an error) is not offered."""
    name, said = nothing.strip().split(": ")
    message = _wrong(replace(entry, lines, nothing))
    noun = {"priorities": "corporate priority", "objectives": "objective", "actions": "action"}.get(
        name, name.rstrip("s")
    )
    assert f"'{said}' records no {noun}, and " in message, message
    assert "remove the line" not in message and f": {said}" not in message.split(": ", 2)[2], message
    assert f"write {name}: [" in message and "in place of ..." in message, message
    assert lint_text(replace(entry, lines, written)) == []


@pytest.mark.parametrize(
    ("nothing", "noun"),
    [
        ("outcomes: N/A", "outcome"),
        ("risks: '-'", "risk"),
        ("links: none", "link"),
        ("decisions: TBC", "decision"),
        ("representatives: N/A", "representative"),
        ("contributions: nil", "contribution"),
        ("replaces: N/A", "entry it replaces"),
        ("objectives: Not applicable", "objective"),
    ],
)
def test_a_list_no_kind_needs_written_as_nothing_may_be_removed(nothing, noun):
    message = _wrong(JOINT_WORKING + nothing + "\n")
    name, said = nothing.split(": ", 1)
    assert (
        f"'{said.strip(chr(39))}' records no {noun}: remove the line where there is none (a gap is fine), "
        f"or write {name}: [" in message
    ), message
    assert "{name: N/A}" not in message and "[N/A]" not in message
    assert lint_text(JOINT_WORKING) == []  # the line removed


def test_a_partnership_with_no_priority_is_not_told_of_an_id_made_from_n_a():
    message = _wrong(replace(PARTNERSHIP, "priorities: [developing-our-communities]", "priorities: N/A"))
    assert "n-a" not in message and "priorities: [...]" in message, message


def test_a_lead_written_as_nothing_records_no_lead():
    message = _wrong(
        replace(
            JOINT_WORKING,
            "lead: {role: Democratic Services Manager, service: Democratic Services}",
            "lead: N/A",
        )
    )
    assert message == (
        "lead: should be a mapping, not 'N/A': 'N/A' records no lead: write lead: {role: ..., service: ...} with "
        "the lead officer's role (not a name) and service in place of ... (or lead: {member: ...}, the lead "
        "councillor)"
    )


def test_an_item_written_as_nothing_is_no_item():
    """`- N/A` as the only item is the list written as nothing; beside real items, an item to remove."""
    lone = replace(JOINT_WORKING, "partners: [{name: Health and Wellbeing Board}]", "partners:\n  - N/A")
    message = _wrong(lone)
    assert "'N/A' records no partner, and an arrangement is made with at least one other body" in message
    links = "links:\n  - '-'\n  - title: Minutes\n    url: https://example.org/minutes\n"
    message = _wrong(JOINT_WORKING + links)
    assert message == "links[0]: should be a mapping, not '-': '-' is no link: remove this item", message
    assert lint_text(JOINT_WORKING + links.replace("  - '-'\n", "")) == []


def test_a_fundings_actions_written_as_a_line_are_told_as_text_not_as_mappings():
    """A funding's actions are text (a review's are mappings with a description)."""
    text = replace(
        COMMUNITY_FUNDING, "  actions: [Refurbish the scout hut]", "  actions: Refurbish the hut; Open it"
    )
    message = _wrong(text)
    assert message.endswith("write actions: [Refurbish the hut, Open it] (a list, one item for each)"), (
        message
    )
    fixed = replace(
        COMMUNITY_FUNDING, "  actions: [Refurbish the scout hut]", "  actions: [Refurbish the hut, Open it]"
    )
    assert lint_text(fixed) == []


@pytest.mark.parametrize(
    ("text", "name", "removed"),
    [
        (JOINT_WORKING + "decisions:\n", "decisions", JOINT_WORKING),
        (replace(PARTNERSHIP, "  months: 12\n", "  months: 12\n  history:\n"), "history", PARTNERSHIP),
        (
            replace(JOINT_WORKING, "partners: [{name: Health and Wellbeing Board}]", "partners:"),
            "partners",
            None,
        ),
    ],
)
def test_a_list_with_nothing_under_its_key_is_told_what_to_write(text, name, removed):
    """`decisions:` with no item under it (the items removed, the key left) is told as N/A is; and
    removing the line, where that is offered, leaves nothing to say."""
    message = _wrong(text)
    assert message.startswith(f"{name}: should be a list, not nothing (null): it records no "), message
    assert f"write {name}: [" in message, message
    assert ("remove the line" in message) == (removed is not None), message
    if removed is not None:
        assert lint_text(removed) == []
