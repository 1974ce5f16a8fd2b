"""A sheet's "Last reviewed" column without an outcome column: the format needs each review's outcome
(continue, amend or exit), which the import must not invent. The review is recorded with its date,
the dry run names the row and says what to add, and lint says the same, as one problem."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.common import JOINT_WORKING, lint_text, run_partreg
from tests.test_import import dry_run

DASH = "\u2013"  # an en dash, as Excel writes one between words


def cells(lines: list[str], tmp_path) -> list[str]:
    return [line.split(": ", 1)[1] for line in lines if line.startswith(str(tmp_path))]


def test_a_last_review_without_its_outcome_is_recorded_and_the_row_told_what_to_add(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations,Last reviewed\n"
        "Brentwood CSP,Community Safety Manager,Essex Police,30/06/2024\n"
        "Youth forum,Youth Officer,Essex County Council,\n",
    )
    csp, forum = (r.data for r in result.rows)
    assert csp["review"] == {"history": [{"date": dt.date(2024, 6, 30)}]}, "no outcome is invented"
    assert "review" not in forum
    assert cells(lines, tmp_path) == [
        "[note] 'Last reviewed': the review held on 30 June 2024 is recorded with no outcome, which "
        "the sheet does not give: add what it decided, `outcome: continue`, `amend` or `exit`, under "
        "`- date: 2024-06-30` in register/brentwood-csp.yaml"
    ]


def test_a_review_outcome_column_completes_the_review(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations,Last reviewed,Review outcome\n"
        "Brentwood CSP,Community Safety Manager,Essex Police,30/06/2024,Continue\n",
    )
    [csp] = result.rows
    assert csp.data["review"] == {"history": [{"date": dt.date(2024, 6, 30), "outcome": "continue"}]}
    assert cells(lines, tmp_path) == []
    assert not [p for p in csp.needs if "review" in p.key]


def test_an_outcome_with_words_after_it_is_read_and_the_words_kept(tmp_path):
    """An outcome with a note after a dash, as a sheet writes it ("Exit - end March 2026", the dash an
    en dash): it was kept in the notes as no outcome, and the review, recorded without one, showed
    the arrangement overdue."""
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations,Last reviewed,Review outcome\n"
        f"Brentwood CSP,Community Safety Manager,Essex Police,30/06/2024,Exit {DASH} end March 2026\n"
        "Youth forum,Youth Officer,Essex County Council,01/02/2025,Continue (annual review)\n",
    )
    csp, forum = result.rows
    assert csp.data["review"] == {"history": [{"date": dt.date(2024, 6, 30), "outcome": "exit"}]}
    assert forum.data["review"] == {"history": [{"date": dt.date(2025, 2, 1), "outcome": "continue"}]}
    assert f"Review outcome: Exit {DASH} end March 2026" in csp.data["internal"]["notes"]
    said = cells(lines, tmp_path)
    assert (
        f"[warning] 'Review outcome': 'Exit {DASH} end March 2026' read as exit; the whole text is kept in internal notes"
        in said
    ), said


@pytest.mark.parametrize("cell", ["Exit: no, continue", "Continue - no, exit", "Amend: not amend, continue"])
def test_an_outcome_the_words_after_it_take_back_is_no_outcome(cell):
    """ "Exit: no, continue" had been read as an exit, and the arrangement left the overdue list."""
    from partreg.importer.values import read_outcome
    from partreg.readers import Unplaced

    with pytest.raises(Unplaced):
        read_outcome(cell)


@pytest.mark.parametrize(
    ("cell", "outcome"),
    [
        ("Continue (no change)", "continue"),
        ("Continue - no issues", "continue"),
        ("Exit - no longer required", "exit"),
        ("Exit - not renewed", "exit"),
        ("Continue - until end of contract", "continue"),
        ("Amend - end the grant element", "amend"),
        ("Amend - remove one partner", "amend"),
        ("Proposed for removal - no longer active", "proposed-for-removal"),
    ],
)
def test_words_after_an_outcome_that_say_no_of_something_else_keep_it(cell, outcome):
    """Read as no outcome by the look for words that take an outcome back, which had taken any "no",
    or any other outcome's word, for one."""
    from partreg.importer.values import read_outcome

    assert read_outcome(cell) == (outcome, True)


def test_an_outcome_without_the_date_of_its_review_is_told_what_to_add(tmp_path):
    result, lines = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations,Last reviewed,Review outcome\n"
        "Brentwood CSP,Community Safety Manager,Essex Police,,Continue\n",
    )
    [csp] = result.rows
    assert csp.data["review"] == {"history": [{"outcome": "continue"}]}
    assert cells(lines, tmp_path) == [
        "[note] 'Review outcome': 'Continue' is recorded as the outcome of a review with no date, "
        "which the sheet does not give: add when it was held, `date: YYYY-MM-DD`, beside "
        "`outcome: continue` in register/brentwood-csp.yaml"
    ]


IMPORTED = """\
id: youth-forum
title: Youth forum
kind: joint-working
status: active
summary: Young people's views on council services.
lead: {role: Youth Officer, service: Communities}
partners: [{name: Essex County Council}]
start: 2019-02-01
review:
  history:
    - date: 2026-06-30
"""


def test_lint_says_a_review_without_its_outcome_is_one_problem_naming_its_date():
    [problem] = lint_text(IMPORTED, today=dt.date(2026, 12, 7))
    assert (problem.rule, problem.severity, problem.line) == ("missing-field", "error", 11)
    assert problem.message == (
        "the review of 2026-06-30 records no outcome: add `outcome:` under its date, what the review "
        "decided: continue, amend or exit (since format 1.1 also reassess or proposed-for-removal); or "
        "`partreg review youth-forum --date 2026-06-30 --outcome continue` (or amend, or exit) adds it to "
        "this review"
    )


def test_an_overdue_review_without_its_outcome_is_also_overdue():
    """Two facts, each true: the outcome of the review held is missing, and the next one is overdue."""
    text = IMPORTED.replace("2026-06-30", "2024-06-30")
    found = [(p.rule, p.severity) for p in lint_text(text, today=dt.date(2026, 12, 7))]
    assert found == [("missing-field", "error"), ("review-overdue", "warning")]


def test_a_review_without_its_date_is_told_its_date_and_that_the_start_counts_meanwhile():
    text = IMPORTED.replace("    - date: 2026-06-30\n", "    - outcome: continue\n")
    [overdue, problem] = lint_text(text, today=dt.date(2026, 12, 7))
    assert overdue.rule == "no-review-history" and "no review with a date is recorded" in overdue.message
    assert (problem.rule, problem.line) == ("missing-field", 11)
    assert problem.message == (
        "a review is recorded with no date (its outcome: continue): write date: YYYY-MM-DD, the day the "
        "review was held (YYYY-MM or YYYY where only the month or year is known); if it has not been held, "
        "or no one knows when, remove this review from the history (and `history:` with it, where it is the "
        "only one): the next is then counted from an earlier review, or from `start:`"
    )


@pytest.mark.parametrize("history", ["    - date: 2026-06-30\n      outcome: continue\n"])
def test_a_complete_review_is_no_problem(history):
    text = IMPORTED.replace("    - date: 2026-06-30\n", history)
    assert lint_text(text, today=dt.date(2026, 12, 7)) == []
    assert lint_text(JOINT_WORKING, today=dt.date(2014, 6, 1)) == []


def test_after_writing_the_officer_is_told_what_each_review_still_needs(tmp_path):
    from partreg.app.importing import next_steps

    result, _ = dry_run(
        tmp_path,
        "Partnership name,Lead Officer,Partner organisations,Last reviewed\n"
        "Brentwood CSP,Community Safety Manager,Essex Police,30/06/2024\n"
        "Leisure contract,Leisure Manager,Everyone Active,05/04/2025\n"
        "Youth forum,Youth Officer,Essex County Council,\n",
    )
    assert next_steps(result.rows) == (
        "Next: `partreg lint` lists what each entry still needs, and `git status` the new files. Add the "
        "outcome of each review the sheet gives only the date of (2, each named above). Record the last "
        "review of each entry with none (1) with `partreg review ID --date YYYY-MM-DD --outcome continue`: "
        "until then its reviews are counted from its start."
    )


@pytest.mark.spawns
def test_an_officers_sheet_with_last_reviewed_from_import_to_lint_list_review_due_and_render(tmp_path):
    run_partreg(tmp_path, "init", "reg", "--council", "Brentwood Borough Council", check=True)
    sheet = tmp_path / "register.csv"
    sheet.write_bytes(
        "Partnership name,Type,Aims / purpose,Lead Officer,Directorate,Partner organisations,"
        "Date created,Last reviewed\r\n"
        "Youth forum,Joint working,Young people\u2019s views on council services,Youth Officer,"
        "Communities,Essex County Council,01/02/2019,30/06/2026\r\n".encode("cp1252")
    )
    reg = tmp_path / "reg"
    done = run_partreg(reg, "import", str(sheet), "--write")
    assert (
        f"{sheet}:2:H: [note] 'Last reviewed': the review held on 30 June 2026 is recorded with no "
        "outcome" in done.stdout
    )
    assert "Add the outcome of each review the sheet gives only the date of (1" in done.stdout
    linted = run_partreg(reg, "lint", "--format", "parsable", "--as-of", "2026-12-07")
    assert linted.returncode == 1
    assert linted.stdout.splitlines() == [
        "register/youth-forum.yaml:15:7: [error] the review of 2026-06-30 records no outcome: add "
        "`outcome:` under its date, what the review decided: continue, amend or exit (since format 1.1 "
        "also reassess or proposed-for-removal); or `partreg review youth-forum --date 2026-06-30 --outcome "
        "continue` (or amend, or exit) adds it to this review (missing-field)"
    ]
    completed = run_partreg(reg, "review", "youth-forum", "--date", "2026-06-30", "--outcome", "continue")
    assert completed.returncode == 0, completed.stderr
    assert run_partreg(reg, "lint", "--format", "parsable", "--as-of", "2026-12-07").returncode == 0
    listed = run_partreg(reg, "list", "--format", "json")
    assert listed.returncode == 0 and "youth-forum" in listed.stdout
    due = run_partreg(reg, "review-due", "--as-of", "2026-12-07", "--within", "365", "--format", "json")
    assert due.returncode == 0 and '"last_review": "2026-06-30"' in due.stdout
    rendered = run_partreg(reg, "render", "--out", str(tmp_path / "site"))
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    page = (tmp_path / "site" / "arrangements" / "youth-forum.html").read_text("utf-8")
    assert "30 June 2026" in page
