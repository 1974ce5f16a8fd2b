import datetime as dt

import pytest

from partreg.models import Settings
from partreg.rules import not_known_as_a_value as rule
from tests.common import COMMUNITY_FUNDING, PARTNERSHIP, SETTINGS, check, lint_text, replace

TODAY = dt.date(2022, 1, 1)
ID = "not-known-as-a-value"
RISKS_PUBLISHED = Settings.model_validate({**SETTINGS.model_dump(), "publish": {"risks": True}})
OUTCOME = (
    "  - description: Fewer repeat victims\n    measure: repeat victims per year\n    target: 10% fewer\n"
)


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


@pytest.mark.parametrize(
    ("value", "says", "until"),
    [
        ("dunno", "says only that it is not known", " until it is known"),
        ("Dunno", "says only that it is not known", " until it is known"),
        ("n/k", "says only that it is not known", " until it is known"),
        ("N/K", "says only that it is not known", " until it is known"),
        ("Not Known", "says only that it is not known", " until it is known"),
        ("unknown", "says only that it is not known", " until it is known"),
        ("Don\u2019t know", "says only that it is not known", " until it is known"),
        ("do not know", "says only that it is not known", " until it is known"),
        ("TBC", "says only that it is to be confirmed", " until it is confirmed"),
        ("tbd.", "says only that it is to be confirmed", " until it is confirmed"),
        ("N/A", "says only that it does not apply", ""),
        ("n/a", "says only that it does not apply", ""),
        ("'\u2013'", "is a dash, which stands for no value", " until there is one"),
    ],
)
def test_the_words_officers_write_for_no_value_are_read_in_a_field(value, says, until):
    """`dunno`, `n/k` and `TBC` were published as the target an outcome was measured by."""
    text = replace(PARTNERSHIP, "    target: 10% fewer", f"    target: {value}")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 19, 13)
    said = value.strip("'")
    assert p.message == (
        f"outcomes[0].target: {said!r} {says}, and the page would publish it as the value: leave the line "
        f"out{until} (lint then names the gap where the field is needed)"
    )
    assert lint_text(replace(PARTNERSHIP, "    target: 10% fewer\n", ""), today=TODAY)[0].rule != ID


def test_a_question_in_a_sentence_is_a_value():
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: Who leads? The police."),
        today=TODAY,
    )
    check(replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: N/A to the police"), today=TODAY)


def test_a_partner_called_n_a_is_no_partner():
    """`partners: [{name: N/A}]` passed lint, and the page listed a partner called N/A."""
    [p] = lint_text(replace(PARTNERSHIP, "  - name: Essex Police", "  - name: N/A"), today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 11, 11)
    assert p.message == (
        "partners[0].name: 'N/A' records no partner, and an arrangement is made with at least one other body: "
        "write partners: [{name: ...}] with the body's name in place of ... (one {...} for each partner); a value with a comma in it goes in quotes, 'like, this'"
    )
    # beside a partner, it is an item to remove: its sector does not make it a partner
    more = replace(
        PARTNERSHIP, "    sector: public\n", "    sector: public\n  - name: none known\n    sector: public\n"
    )
    [p] = lint_text(more, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 13, 11)
    assert p.message == (
        "partners[1].name: 'none known' says there is none, and the page would publish it as a partner: "
        "remove the item"
    )


def test_a_partners_role_that_is_not_known_is_left_out_not_the_partner():
    text = replace(PARTNERSHIP, "    sector: public\n", "    sector: public\n    role: TBC\n")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 13, 11)
    assert p.message.startswith("partners[0].role: 'TBC' says only that it is to be confirmed") and (
        "leave the line out until it is confirmed" in p.message
    )


def test_an_objective_that_is_n_a_is_no_objective():
    """`objectives: [N/A]` passed lint, and a partnership with no objective was not told so."""
    text = replace(PARTNERSHIP, "objectives: [Reduce crime and disorder]", "objectives: [N/A]")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 15, 14)
    assert p.message == (
        "objectives[0]: 'N/A' records no objective, and a partnership must agree a shared strategic vision "
        "or objectives: write objectives: [...] with the objectives in place of ..., separated by commas; a value with a comma in it goes in quotes, 'like, this'"
    )
    # several such items are one problem: the list is what is wrong
    text = replace(PARTNERSHIP, "objectives: [Reduce crime and disorder]", "objectives:\n  - TBC\n  - None\n")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 16, 5)
    assert p.message.startswith("objectives[0]: 'TBC' records no objective, and a partnership must agree")


@pytest.mark.parametrize(
    ("entry", "old", "new", "at", "message"),
    [
        (
            PARTNERSHIP,
            "objectives: [Reduce crime and disorder]",
            "objectives: [Reduce crime and disorder, None]",
            (15, 41),
            "objectives[1]: 'None' says there is none, and the page would publish it as an objective: "
            "remove the item",
        ),
        (
            PARTNERSHIP,
            "objectives: [Reduce crime and disorder]",
            "objectives: [Reduce crime and disorder, Unknown]",
            (15, 41),
            "objectives[1]: 'Unknown' says only that it is not known, and the page would publish it as an "
            "objective: remove the item until it is known",
        ),
        (
            COMMUNITY_FUNDING,
            "  actions: [Refurbish the scout hut]",
            "  actions: [Refurbish the scout hut, tbc]",
            (12, 38),
            "funding.actions[1]: 'tbc' says only that it is to be confirmed, and the page would publish it as "
            "an action: remove the item until it is confirmed",
        ),
    ],
)
def test_an_item_beside_others_is_told_to_go_not_the_line(entry, old, new, at, message):
    [p] = lint_text(replace(entry, old, new), today=TODAY)
    assert (p.rule, p.line, p.column, p.message) == (ID, *at, message)


def test_an_outcome_that_is_n_a_is_one_problem():
    """Its missing measure and target are not said as well: the outcome is what is wrong."""
    [p] = lint_text(replace(PARTNERSHIP, OUTCOME, "  - description: N/A\n"), today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 17, 18)
    assert p.message.startswith(
        "outcomes[0].description: 'N/A' records no outcome, and a partnership must agree clear measurable "
        "outcomes: write outcomes: [{description: ..., measure: ..., target: ...}]"
    )
    # with a measure and a target, it is an outcome whose description is not known
    [p] = lint_text(replace(PARTNERSHIP, "  - description: Fewer repeat victims", "  - description: TBC"))
    assert (p.rule, p.line, p.column) == (ID, 17, 18)
    assert "leave the line out until it is confirmed" in p.message


def test_a_risk_that_is_tbc_is_one_problem_where_risks_are_published():
    text = replace(
        PARTNERSHIP,
        "  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        "  - description: TBC\n",
    )
    [p] = lint_text(text, settings=RISKS_PUBLISHED, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 25, 18)
    assert p.message.startswith(
        "risks[0].description: 'TBC' records no risk, and a partnership must agree its risks"
    )
    # not published, it is not this rule's: the missing mitigation is said
    assert [p.rule for p in lint_text(text, today=TODAY)] == ["risk-without-mitigation"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  - description: Data not shared", "  - description: None identified"),
        ("  - description: Data not shared", "  - description: None"),
        ("    mitigation: Information sharing agreement", "    mitigation: None"),
        ("added_value: Joint tasking.", "added_value: None"),
        ("added_value: Joint tasking.", "added_value: none known"),
        ("  partners: Officer time", "  partners: None"),
        ("statutory_basis: Crime and Disorder Act 1998", "statutory_basis: Nil"),
    ],
)
def test_none_is_an_answer_where_a_field_says_something_of_the_arrangement(old, new):
    """A risk assessed and none found, no added value, nothing from the partners: each says what is
    so, and is published as it is (an item of a list that is `None` is no item: above)."""
    check(replace(PARTNERSHIP, old, new), settings=RISKS_PUBLISHED, today=TODAY)


def test_a_field_kept_internal_is_not_published_so_not_reported():
    settings = Settings.model_validate(
        {**SETTINGS.model_dump(), "internal_fields": ["added_value", "objectives"]}
    )
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: '?'"),
        settings=settings,
        today=TODAY,
    )
    check(
        replace(PARTNERSHIP, "objectives: [Reduce crime and disorder]", "objectives: [N/A]"),
        settings=settings,
        today=TODAY,
    )


def test_what_is_not_published_or_another_rule_reads_is_not_reported_here():
    """Risks (unless published) and contacts never reach the page; a link's address, a priority, a
    reference and a contributor are told what to write by their own rules."""
    text = replace(PARTNERSHIP, "    mitigation: Information sharing agreement", "    mitigation: Unknown")
    check(text, today=TODAY)
    check(
        replace(PARTNERSHIP, "  service: Community Safety", "  service: Community Safety\n  phone: TBC"),
        today=TODAY,
    )
    text = replace(PARTNERSHIP, "priorities: [developing-our-communities]", "priorities: [unknown]")
    assert ID not in [p.rule for p in lint_text(text, today=TODAY)]
    text = PARTNERSHIP + "contributions:\n  - {year: 2024/25, by: TBC, cash_gbp: 100}\n"
    assert [p.rule for p in lint_text(text, today=TODAY)] == ["unknown-contributor"]


def test_a_mapping_written_as_n_a_is_one_problem_wrong_types():
    """`resources: {council: N/A}` is reported by wrong-type, which says what to write (its own
    tests hold the words), and not again here."""
    text = replace(PARTNERSHIP, "  council: {funding_gbp: 25000}", "  council: N/A")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.column) == ("wrong-type", 21, 12)
    assert (
        "'N/A' records no council resources, and a partnership must agree the resources committed: write"
        in p.message
    )


#: The words the rule reads, as officers write them where they have no value.
NOT_KNOWN = [
    "?",
    "unknown",
    "not known",
    "not yet known",
    "n/k",
    "don't know",
    "dont know",
    "do not know",
    "dunno",
]
TO_CONFIRM = ["tbc", "tba", "tbd", "to be confirmed", "to be decided"]
NOT_APPLICABLE = ["n/a", "\u2013", "\u2014"]
NONE = ["none", "none known", "none yet"]
#: Each kind of placeholder import reads (``readers.placeholder``), by the word the rule reads it as.
PLACEHOLDERS = ["as above", "various"]
FORMS = ["added_value: {}", "added_value: '{}'", 'added_value: "{}"  # ask', "objectives: [Reduce crime, {}]"]


def test_the_words_listed_here_are_the_words_the_rule_reads():
    assert sorted(NOT_KNOWN + TO_CONFIRM + NOT_APPLICABLE + NONE + PLACEHOLDERS) == sorted(
        rule._SAYS.keys() | rule._NONE
    )


@pytest.mark.parametrize("word", NOT_KNOWN + TO_CONFIRM + NOT_APPLICABLE + NONE + PLACEHOLDERS)
def test_every_word_is_found_whatever_its_capitals_and_however_it_is_written(word):
    """The quick look at the file finds each word the rule reads: were it not to, a file with only
    that word would pass, and the same word beside another be reported."""
    for said in {word, word.upper(), word.title(), word.capitalize()}:
        # (`?` alone is not YAML, and yaml-syntax says it stands for no value; `None` is read in a list)
        for form in FORMS[1:] if word == "?" else FORMS[-1:] if word in NONE else FORMS:
            line = form.format(said.replace("'", "''") if "'{}'" in form else said)
            old = (
                "objectives: [Reduce crime and disorder]"
                if line.startswith("obj")
                else "added_value: Joint tasking."
            )
            text = replace(PARTNERSHIP, old, line)
            assert [p.rule for p in lint_text(text, today=TODAY)] == [ID], line
            assert rule._may_hold_one(text), line


def test_a_question_mark_in_a_web_address_or_a_word_in_prose_is_not_looked_at_again():
    """The quick look finds `?` in a link and `know` in `acknowledged`; the line it is on shows no
    word for no value, and the entry is not walked."""
    text = PARTNERSHIP.replace(
        "Joint tasking.", "Joint tasking, acknowledged by all; see the TBC-free plan"
    ) + ("links:\n  - title: Minutes\n    url: https://example.moderngov.co.uk/mgAi.aspx?ID=7536\n")
    assert not rule._may_hold_one(text)
    check(text, today=TODAY)


@pytest.mark.parametrize(
    ("value", "says", "until"),
    [
        ("To be confirmed", "says only that it is to be confirmed", " until it is confirmed"),
        ("To be agreed.", "says only that it is not settled yet", " until it is"),
        ("TBC - see notes", "says only that it is to be confirmed", " until it is confirmed"),
        ("See attached list", "stands for what is written elsewhere", ", or write here what it stands for"),
        (
            "see the notes",
            "stands for what is written elsewhere",
            ", or write here what it stands for",
        ),
        ("As above", "stands for what is written elsewhere", ", or write here what it stands for"),
        ("Various", "says only that there are several, naming none", ", or name each"),
        ("Various local organisations", "says only that there are several, naming none", ", or name each"),
    ],
)
def test_a_placeholder_import_sets_aside_is_read_in_a_field(value, says, until):
    """`To be confirmed`, `See attached list` and `Various partners`, typed by hand, were published
    as values: import sets them aside, and lint said nothing of them."""
    text = replace(PARTNERSHIP, "    target: 10% fewer", f"    target: {value}")
    [p] = lint_text(text, today=TODAY)
    assert (p.rule, p.line, p.column) == (ID, 19, 13)
    assert p.message == (
        f"outcomes[0].target: {value!r} {says}, and the page would publish it as the value: leave the line "
        f"out{until} (lint then names the gap where the field is needed)"
    )


@pytest.mark.parametrize("name", ["Various partners", "See attached list", "As above"])
def test_a_partner_that_is_a_placeholder_is_told_to_go(name):
    text = replace(PARTNERSHIP, "  - name: Essex Police\n", f"  - name: Essex Police\n  - name: {name}\n")
    [p] = lint_text(text, today=TODAY)
    assert (
        p.rule == ID
        and p.message.startswith(f"partners[1].name: {name!r}")
        and "remove the item" in p.message
    )


@pytest.mark.parametrize(
    "name", ["Various Voices Choir", "See Hear Trust", "Above and Beyond", "Ditto Arts CIC"]
)
def test_a_name_that_starts_with_such_a_word_is_a_name(name):
    check(
        replace(PARTNERSHIP, "  - name: Essex Police\n", f"  - name: Essex Police\n  - name: {name}\n"),
        today=TODAY,
    )


@pytest.mark.parametrize("value", ["Ditto", "Refer to the minutes", "To follow"])
def test_a_placeholder_without_a_look_of_its_own_is_not_read_even_beside_one_that_is(value):
    """Lint reads a placeholder only where a look at the file finds it: read only beside a `TBC`,
    the same value would be reported in one file and pass in the next."""
    text = replace(PARTNERSHIP, "    target: 10% fewer", f"    target: {value}")
    check(text, today=TODAY)
    beside = replace(text, "    measure: repeat victims per year", "    measure: TBC")
    assert [p.key for p in lint_text(beside, today=TODAY)] == ["outcomes[0].measure"]


@pytest.mark.parametrize(
    "value",
    [
        "See schedule 2 of the Care Act 2014",
        "TBC (Essex Police to be asked)",
        "TBC - Essex Police",
        "To be confirmed by Cabinet in March, the partnership will grow",
    ],
)
def test_a_value_that_says_more_than_a_placeholder_is_a_value(value):
    """A placeholder's words at the start of a value that says something (a law, a body, a plan):
    reading them as a placeholder told the officer to delete the law."""
    check(replace(PARTNERSHIP, "    target: 10% fewer", f"    target: '{value}'"), today=TODAY)


@pytest.mark.parametrize(
    "value",
    ["TBC?", "TBC -", "TBC - to be agreed", "Tbc \u2013 see the notes", "See appendix 2", "See note 3"],
)
def test_a_placeholder_with_punctuation_or_a_number_is_still_one(value):
    """`TBC?` and `TBC - to be agreed` (a dash counted as a word) and `See appendix 2` (a digit)
    were published as values, and `TBC?` as a statutory basis decided the kind as a law would."""
    from tests.common import JOINT_WORKING

    text = replace(PARTNERSHIP, "    target: 10% fewer", f"    target: '{value}'")
    assert [p.rule for p in lint_text(text, today=TODAY)] == [ID]
    statute = replace(JOINT_WORKING, "start:", f"statutory: true\nstatutory_basis: '{value}'\nstart:")
    assert [p.rule for p in lint_text(statute)] == [ID], "no law: the kind stands"
