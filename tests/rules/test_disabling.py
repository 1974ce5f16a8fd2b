"""What a `# partreg: disable=` comment and the settings' levels may not do, and where a comment is."""

import datetime as dt

import pytest

from partreg.app.register import open_register
from partreg.models import Settings
from tests.common import PARTNERSHIP, check, lint_text, replace

#: Years after the entry's start, with no review recorded: `no-review-history` is a warning.
TODAY = dt.date(2026, 6, 1)

# each breaks the file so that it cannot be read, with a comment (or a level) that would excuse it
UNREADABLE = {
    "yaml-syntax": replace(
        PARTNERSHIP,
        "added_value: Joint tasking.",
        "added_value: Joint: tasking  # partreg: disable=yaml-syntax will fix later",
    ),
    "multiple-documents": "id: x-one  # partreg: disable=multiple-documents draft below\n---\nid: x-two\n",
    "not-a-mapping": "- a list  # partreg: disable=not-a-mapping it is a list\n",
    "yaml-tag": "id: !x x-one  # partreg: disable=yaml-tag a tag\n",
}


@pytest.mark.parametrize("rule", UNREADABLE)
def test_what_stops_a_file_being_read_cannot_be_disabled(rule):
    [problem] = lint_text(UNREADABLE[rule], file_id="x-one")
    assert (problem.rule, problem.severity) == (rule, "error")


@pytest.mark.parametrize("level", ["off", "warning"])
@pytest.mark.parametrize("rule", UNREADABLE)
def test_nor_can_the_settings_turn_it_off_or_down(rule, level):
    settings = Settings(council="Test Borough Council", rules={rule: level})
    [problem] = lint_text(UNREADABLE[rule], file_id="x-one", settings=settings)
    assert (problem.rule, problem.severity) == (rule, "error")


def test_a_file_not_read_is_left_out_and_said_by_every_command(tmp_path):
    (tmp_path / "partreg.yaml").write_text("council: Test Borough Council\nrules: {yaml-syntax: 'off'}\n")
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "x-one.yaml").write_text(
        UNREADABLE["yaml-syntax"].replace("test-partnership", "x-one")
    )
    register = open_register(tmp_path)  # (list, show and review-due read the register so)
    assert register.entries == [] and [p.rule for p in register.left_out] == ["yaml-syntax"]


@pytest.mark.parametrize("pasted", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x1c"])
def test_a_comment_is_on_the_line_yaml_counts(pasted):
    # a character from Word earlier in the file is no line break to YAML: the comment on `start:`
    # excuses the warning about `start`, and not the error on the line below it
    text = replace(PARTNERSHIP, "summary: Tackle crime", f'summary: "Tackle{pasted}crime')
    text = replace(text, "disorder together.", 'disorder together."')
    text = replace(
        text,
        "start: 2021-04-01\n",
        "start: 2021-04-01  # partreg: disable=no-review-history the board\nend: 2020-01-01\n",
    )
    found = [(p.rule, p.line) for p in lint_text(text, today=TODAY) if p.rule != "control-character"]
    end = text.split("\n").index("end: 2020-01-01") + 1
    assert ("end-before-start", end) in found  # not excused: the comment is on the line above it
    assert "no-review-history" not in {rule for rule, _ in found}  # excused: the comment is on its line


def test_a_comment_after_a_carriage_return_alone_is_on_its_own_line():
    text = replace(
        PARTNERSHIP,
        "start: 2021-04-01\n",
        "start: 2021-04-01  # partreg: disable=no-review-history the board\n",
    )
    check(PARTNERSHIP.replace("\n", "\r"), ("no-review-history", 27), today=TODAY)
    check(text.replace("\n", "\r"), today=TODAY)


def test_a_comment_written_otherwise_is_read_or_said_to_do_nothing():
    today = TODAY
    start = "start: 2021-04-01\n"
    check(PARTNERSHIP, ("no-review-history", 27), today=today)  # what the comments below excuse
    # with spaces, in capitals, or naming two rules with a comma and a space: read
    for comment in (
        "# partreg: disable = no-review-history the board",
        "# Partreg: Disable=no-review-history the board",
        "# PARTREG: DISABLE=NO-REVIEW-HISTORY the board",
        "# partreg: disable=no-review-history, as agreed",  # a comma, and then the reason
    ):
        check(replace(PARTNERSHIP, start, f"start: 2021-04-01  {comment}\n"), today=today)
    for comment in (
        "# partreg: disable=start-not-recorded, NO-REVIEW-HISTORY the board",
        "# partreg: disable=start-not-recorded, no-review-history the board",
    ):  # both read: the one with nothing to excuse on the line is said to be left behind
        [p] = lint_text(replace(PARTNERSHIP, start, f"start: 2021-04-01  {comment}\n"), today=today)
        assert (p.rule, p.line, p.column) == ("disable-unknown-rule", 27, 20)
        assert p.message == (
            "start-not-recorded finds nothing on line 27 to disable: remove the comment, or put it on the line "
            "of the problem it is meant to excuse"
        )
    # without its `=`, it disables nothing, and says so
    found = lint_text(
        replace(PARTNERSHIP, start, "start: 2021-04-01  # partreg: disable no-review-history the board\n"),
        today=today,
    )
    assert [p.rule for p in found] == ["no-review-history", "disable-unknown-rule"]
    assert found[1].message.startswith("the comment is not read, so it disables nothing")
    # on a line of its own it excuses nothing (the line below is not its line)
    found = lint_text(
        replace(PARTNERSHIP, start, "# partreg: disable=no-review-history the board\n" + start), today=today
    )
    assert [p.rule for p in found] == ["disable-unknown-rule", "no-review-history"]
    assert "put the comment at the end of the line it is about" in found[0].message
