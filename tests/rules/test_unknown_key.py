from tests.common import PARTNERSHIP, check, lint_text, replace


def test_known_keys():
    check(PARTNERSHIP)


def test_misspelt_optional_key_suggests_the_right_one():
    text = replace(PARTNERSHIP, "added_value:", "added_valu:")
    [unknown] = lint_text(text)  # one fault, one problem: not also "a partnership must agree its added value"
    assert (unknown.rule, unknown.line, unknown.column) == ("unknown-key", 23, 1)
    assert "did you mean 'added_value'?" in unknown.message


def test_misspelt_required_key_is_one_problem():
    check(replace(PARTNERSHIP, "status: active", "statuss: active"), ("unknown-key", 4, 1))


def test_unknown_nested_key_lists_the_keys():
    [p] = lint_text(replace(PARTNERSHIP, "  role: Community", "  postcode: CM15\n  role: Community"))
    assert (p.rule, p.line, p.column, p.key) == ("unknown-key", 7, 3, "lead.postcode")
    assert "role, service" in p.message


def test_many_unknown_keys_are_twenty_problems_and_one_that_counts_the_rest():
    text = PARTNERSHIP + "".join(f"column_{i}: x\n" for i in range(40))
    found = lint_text(text)
    assert [p.rule for p in found] == ["unknown-key"] * 21
    assert [p.line for p in found] == list(range(30, 51))
    assert found[-1].message.startswith("unknown key 'column_20'")
    assert found[-1].message.endswith("(and 19 more like it, not shown one by one)")
    assert "more like it" not in found[-2].message


def test_twenty_one_unknown_keys_are_each_a_problem():
    text = PARTNERSHIP + "".join(f"column_{i}: x\n" for i in range(21))
    assert not any("more like it" in p.message for p in lint_text(text))
    assert len(lint_text(text)) == 21


def test_keys_written_as_a_spreadsheet_heads_its_columns_are_one_problem_each():
    text = (
        replace(PARTNERSHIP, "title:", "Title:")
        .replace("start: ", "Start date: ")
        .replace("status: active", "Status: active")
    )
    found = lint_text(text)
    assert [(p.rule, p.line) for p in found] == [("unknown-key", 2), ("unknown-key", 4), ("unknown-key", 27)]
    title, status, start = (p.message for p in found)
    assert title == "unknown key 'Title': the format calls it `title`; write title: instead"
    assert status.endswith("write status: instead")
    assert start.endswith("the format calls it `start`; write start: instead")


def test_the_lead_officer_as_a_key_is_said_to_go_under_lead():
    text = replace(
        PARTNERSHIP,
        "lead:\n  role: Community Safety Manager\n",
        "Lead Officer: Community Safety Manager\nlead:\n",
    )
    found = [p for p in lint_text(text) if p.rule in ("unknown-key", "missing-field")]
    [p] = found  # not also "the lead is not recorded": one fault, one problem
    assert p.message == (
        "unknown key 'Lead Officer': the format records it as `role` under `lead`; add role: and the value "
        "under the file's lead:, indented as its other keys are"
    )


def test_a_key_with_a_character_that_does_not_show_names_it():
    """Pasted from Word or a web page: a non-breaking space after a key, a zero-width space in it.
    Each named, not shown as a Python escape alone."""
    text = replace(PARTNERSHIP, "title:", "title\u00a0:").replace("kind:", "ki\u200bnd:")
    found = {p.line: p.message for p in lint_text(text) if p.rule == "unknown-key"}
    assert found[2].endswith(
        "it is `title` with a no-break space (U+00A0) after it, which does not show: retype the key"
    )
    assert found[3].endswith(
        "it is `kind` with a zero width space (U+200B) in it, which does not show: retype the key"
    )
    assert len(found) == 2  # and nothing more: not also "title is not recorded"
    [before] = lint_text(replace(PARTNERSHIP, "title:", "\u00a0title:"))
    assert before.message.endswith(
        "(U+00A0) before it, which does not show: retype the key and its indent with spaces"
    )


def test_a_lead_key_beside_the_files_lead_is_said_to_go_under_it():
    """Writing `lead:` again, as the advice for a file without one says, would repeat the key."""
    text = replace(PARTNERSHIP, "  role: Community Safety Manager\n", "").replace(
        "lead:\n", "Lead Officer: Manager\nlead:\n"
    )
    [p] = [p for p in lint_text(text) if p.rule == "unknown-key"]
    assert p.message.endswith(
        "add role: and the value under the file's lead:, indented as its other keys are"
    )


def test_a_review_date_key_is_told_how_reviews_are_recorded():
    [p] = lint_text(replace(PARTNERSHIP, "status: active\n", "status: active\nReview Date: 2026-01-01\n"))
    assert p.message.startswith(
        "unknown key 'Review Date': format v1 works the next review out from the last one held and `months:` under "
        "`review:`"
    )
    assert "write review:" not in p.message
