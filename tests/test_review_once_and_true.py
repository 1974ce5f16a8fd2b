"""`partreg review` as officers run it on the files they have: a review is recorded once, an imported
review without its outcome is completed rather than doubled, the role that reviewed it is never a
person's name, what it prints is true of the day it is run, and at a terminal an exit's date and end
are asked for against what the file says.
"""

import contextlib
import datetime as dt
import json
import re

import pytest
from typer.testing import CliRunner

from partreg.cli import app
from partreg.names import looks_like_a_name
from partreg.yaml.reading import load_fast_data
from tests.common import lint_text
from tests.test_cli import partreg

#: As a council's sheet imports it: a "Last reviewed" date and no outcome beside it.
IMPORTED = """\
# Imported from the 2025 register spreadsheet
id: youth-grant
title: Youth Club Grant
kind: community-funding
status: active
summary: Evening sessions at the youth club.
lead:
  role: Community Grants Officer
  service: Communities
partners:
  - name: Brentwood Youth Club
    sector: voluntary
funding:
  amount_gbp: 5000
  period_start: 2024-04-01
  period_end: 2027-03-31
  actions: [Run two evening sessions a week]
start: 2024-04-01
review:
  history:
    - date: 2025-06   # from the Last reviewed column
"""


@pytest.fixture
def grant(register):
    path = register / "register" / "youth-grant.yaml"
    path.write_text(IMPORTED)
    return path


def review(register, *args: str) -> tuple[int, str, str]:
    return partreg("review", "youth-grant", *args, cwd=register)


def _rules(register) -> list[str]:
    _, out, _ = partreg("lint", "--format", "json", "register/youth-grant.yaml", cwd=register)
    return [r["rule"] for r in json.loads(out)["results"]]


# --------------------------------------------------------------------------- once


def test_the_same_review_twice_is_refused_naming_where_it_is(register, grant):
    """Run twice, `review` wrote two identical reviews, which lint let pass and the page showed twice."""
    assert review(register, "--date", "2026-11-01", "--outcome", "continue")[0] == 0
    once = grant.read_text()
    code, out, err = review(register, "--date", "2026-11-01", "--outcome", "continue")
    assert (code, out) == (2, "")
    assert err == (
        "partreg: the review of 2026-11-01 (continue) is already recorded, at line 22 of "
        "register/youth-grant.yaml: nothing was written\n"
    )
    assert grant.read_text() == once and once.count("2026-11-01") == 1
    code, _, err = review(
        register, "--date", "1 November 2026", "--outcome", "continue", "--notes", "Went well"
    )
    assert code == 2 and err.endswith("nothing was written (to change its notes, edit them there)\n"), err


@pytest.mark.parametrize(
    ("outcome", "also"),
    [("amend", ""), ("exit", ", and write `status: ended` and the day it ended as `end:`")],
)
def test_a_review_of_the_same_day_with_another_outcome_is_told_what_to_change(register, grant, outcome, also):
    assert review(register, "--date", "2026-11-01", "--outcome", "continue")[0] == 0
    once = grant.read_text()
    end = ["--end", "2026-11-01"] if outcome == "exit" else []
    code, _, err = review(register, "--date", "2026-11-01", "--outcome", outcome, *end)
    assert code == 2
    assert err == (
        "partreg: a review of 2026-11-01 is already recorded, at line 22 of register/youth-grant.yaml, with "
        f"the outcome continue: if this is that review and it decided {outcome}, change its outcome there to "
        f"`outcome: {outcome}`{also}; nothing was written\n"
    )
    assert grant.read_text() == once


# --------------------------------------------------------------------------- completed


def test_a_review_imported_without_its_outcome_is_completed_not_doubled(register, grant):
    """It added a second 2025-06 review, and the first kept lint's error."""
    assert "missing-field" in _rules(register)
    code, out, err = review(
        register, "--date", "2025-06", "--outcome", "continue", "--by", "Community Grants Officer"
    )
    assert (code, err) == (0, "")
    assert out.startswith(
        "Completed the review of youth-grant on 2025-06, which recorded no outcome: its outcome is continue."
    ), out
    assert grant.read_text() == IMPORTED + "      outcome: continue\n      by: Community Grants Officer\n"
    assert "missing-field" not in _rules(register)


@pytest.mark.parametrize(
    ("written", "completed"),
    [
        (
            "    - date: 2025-06\n      outcome:   # to ask\n      notes: From the sheet.\n",
            "    - date: 2025-06\n      outcome: amend   # to ask\n      notes: From the sheet.\n",
        ),
        ("    - {date: 2025-06}  # imported\n", "    - {date: 2025-06, outcome: amend}  # imported\n"),
        (
            "    - date: 2024-06\n      outcome: continue\n    - date: 2025-06\n    - date: 2026-06\n"
            "      outcome: continue\n",
            "    - date: 2024-06\n      outcome: continue\n    - date: 2025-06\n      outcome: amend\n"
            "    - date: 2026-06\n      outcome: continue\n",
        ),
    ],
    ids=["outcome-written-empty", "flow", "between-two"],
)
def test_the_review_completed_is_the_one_of_that_date_however_it_is_written(
    register, grant, written, completed
):
    grant.write_text(IMPORTED.replace("    - date: 2025-06   # from the Last reviewed column\n", written))
    code, _, err = review(register, "--date", "2025-06", "--outcome", "amend")
    assert (code, err) == (0, ""), err
    assert grant.read_text() == IMPORTED.replace(
        "    - date: 2025-06   # from the Last reviewed column\n", completed
    )


def test_a_review_to_complete_that_records_another_role_is_not_overwritten(register, grant):
    grant.write_text(IMPORTED + "      by: Youth Services Manager\n")
    code, _, err = review(register, "--date", "2025-06", "--outcome", "continue", "--by", "Grants Officer")
    assert code == 2
    assert err == (
        "partreg: the review of 2025-06, at line 21 of register/youth-grant.yaml, records no outcome, and by: "
        "'Youth Services Manager', not 'Grants Officer': leave out --by to keep it, or change it there; "
        "nothing was written\n"
    )
    assert review(register, "--date", "2025-06", "--outcome", "continue")[0] == 0
    assert grant.read_text().endswith("      by: Youth Services Manager\n      outcome: continue\n")


def test_completing_keeps_the_lines_as_the_file_ends_them():
    from partreg.yaml.editor import complete_review

    text = "id: x-y\r\nreview:\r\n  history:\r\n  - date: 2025-06  # kept\r\n"
    assert complete_review(text, 0, {"outcome": "continue"}) == text + "    outcome: continue\r\n"


# --------------------------------------------------------------------------- a role, not a name


@pytest.mark.parametrize("by", ["John Smith", "Mrs J. Smith", "Smith, Jane", "Housing Manager - Jane Smith"])
def test_a_persons_name_in_by_is_refused_as_add_refuses_it(register, grant, by):
    """`--by 'John Smith'` was written, and published in the review history."""
    code, out, err = review(register, "--outcome", "continue", "--by", by)
    assert (code, out) == (2, "")
    assert err == (
        f"partreg: --by {by!r} looks like a person's name, and the review history is published: give the "
        "role that reviewed it, for example --by 'Community Safety Manager'\n"
    )
    assert grant.read_text() == IMPORTED


@pytest.mark.parametrize(
    "by",
    ["John Smith", "Cllr A. Patel", "Community Safety Manager", "Cabinet", "Head of Housing", "Grace Lane"],
)
def test_by_is_refused_exactly_where_lint_warns_of_a_name(register, grant, by):
    """One test of a name, lint's: `review` refuses what `role-looks-like-a-name` would warn of."""
    code, _, _ = review(register, "--date", "2025-07", "--outcome", "continue", "--by", by)
    assert (code == 2) == looks_like_a_name(by)
    text = IMPORTED + f"    - date: 2025-07\n      outcome: continue\n      by: {by}\n"
    warned = [p for p in lint_text(text) if p.key == "review.history[1].by"]
    assert bool(warned) == (code == 2)


def test_an_email_address_in_by_is_refused(register, grant):
    code, _, err = review(register, "--outcome", "continue", "--by", "jo.bloggs@brentwood.gov.uk")
    assert code == 2 and "is an email address, and the review history is published" in err


def test_at_a_terminal_a_name_is_asked_again_and_taken_if_typed_again(register, grant, monkeypatch):
    monkeypatch.setattr("partreg.cli.common.interactive", lambda: True)
    with contextlib.chdir(register):
        result = CliRunner().invoke(
            app,
            ["review", "youth-grant", "--date", "2025-07", "--outcome", "continue", "--by", "John Smith"],
            input="Jane Smith\nYouth Services Manager\n",
        )
    assert result.exit_code == 0, result.output
    assert "'Jane Smith' looks like a person's name" in result.output
    assert grant.read_text().endswith("      by: Youth Services Manager\n")
    with contextlib.chdir(register):
        result = CliRunner().invoke(
            app,
            ["review", "youth-grant", "--date", "2025-08", "--outcome", "continue", "--by", "Grace Lane"],
            input="Grace Lane\n",
        )
    assert result.exit_code == 0, result.output
    assert grant.read_text().endswith("      by: Grace Lane\n")


# --------------------------------------------------------------------------- what it prints


def test_a_next_review_that_has_passed_is_said_to_be_overdue_and_by_how_long(register, grant):
    """It printed "Next review: 2026-06-01" long after that day, as if it were to come."""
    code, out, _ = review(register, "--date", "2025-06", "--outcome", "continue")
    late = (dt.date.today() - dt.date(2026, 6, 1)).days  # a day that has passed, whenever this runs
    assert code == 0 and late > 0
    # (a review held in a month: the next is known to the month, as `list` gives it, not to a day)
    said = f"The next review was due in 2026-06, {late} day{'s' if late != 1 else ''} ago: it is overdue."
    assert said in " ".join(out.split()), out
    code, out, _ = review(register, "--outcome", "continue")
    assert code == 0 and "overdue" not in out
    assert re.search(r"Next review: \d{4}-\d\d-\d\d\.", out), (
        "a review held today: the next is known to the day"
    )


def test_an_end_passed_with_no_review_after_it_is_said_not_a_next_review(register, grant):
    ended = IMPORTED.replace("\nstart: 2024-04-01\n", "\nstart: 2024-04-01\nend: 2025-03-31\n")
    grant.write_text(ended.split("review:")[0])
    code, out, _ = review(register, "--date", "2025-01-20", "--outcome", "continue")
    said = " ".join(out.split())
    assert code == 0 and "Next review" not in said and "overdue" not in said, said
    assert (
        "Its end, 2025-03-31, has passed, so no review is due: if it has ended, record its exit review, "
        in said
    )
    assert "`partreg review youth-grant --date YYYY-MM-DD --outcome exit --end 2025-03-31`" in said


def test_the_exit_lint_suggests_records_the_day_it_was_decided_not_today(register, grant):
    """Lint's advice had no --date: the exit was published as decided on the day it was typed, years
    after the grant ended."""
    grant.write_text(IMPORTED.replace("\nstart: 2024-04-01\n", "\nstart: 2024-04-01\nend: 2025-01-31\n"))
    grant.write_text(grant.read_text().replace("2025-06   # from", "2024-11-20\n      outcome: continue   #"))
    _, out, _ = partreg("lint", "--format", "json", cwd=register)
    [message] = [r["message"] for r in json.loads(out)["results"] if r["rule"] == "ended-not-closed"]
    [command] = re.findall(r"`(partreg review youth-grant [^`]+)`", message)
    assert "--date YYYY-MM-DD" in command and "the day its exit was decided" in message
    code, _, err = partreg(*command.replace("YYYY-MM-DD", "2025-02-10").split()[1:], cwd=register)
    assert (code, err) == (0, "")
    assert grant.read_text().endswith("    - date: 2025-02-10\n      outcome: exit\n")
    assert "ended-not-closed" not in _rules(register)


# --------------------------------------------------------------------------- asked at a terminal


def _at_terminal(register, monkeypatch, args: list[str], typed: str):
    monkeypatch.setattr("partreg.cli.common.interactive", lambda: True)
    with contextlib.chdir(register):
        return CliRunner().invoke(app, ["review", "town-grant", *args], input=typed)


EXTENDED = """\
id: town-grant
title: Town Centre Grant
kind: joint-working
status: active
summary: Traders and the council plan the town centre.
lead: {role: Economic Development Manager, service: Economy}
partners: [{name: Town Traders Association}]
start: 2022-04-01
end: 2023-03-31
review:
  history:
    - date: 2024-05-20
      outcome: continue   # extended for a year, informally
"""


def test_an_end_the_file_refuses_is_asked_again_naming_the_bound(register, monkeypatch):
    """The end was asked before the file was read: an end before the start or before a later review
    was refused only after it was typed, and the officer had to start again."""
    path = register / "register" / "town-grant.yaml"
    path.write_text(EXTENDED)
    result = _at_terminal(
        register,
        monkeypatch,
        ["--date", "2025-12-01", "--outcome", "exit"],
        "2021-01-01\n2024-01\n2024-06-30\n",
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        "2021-01-01 is before the arrangement started (2022-04-01): give the day it ended, on or after 2022-04-01"
    ) in said
    assert (
        "2024-01 is before its latest review, of 2024-05-20 (continue), when it was still running: give the day "
        "it ended, on or after 2024-05-20"
    ) in said
    assert "status: ended\n" in path.read_text() and "end: 2024-06-30\n" in path.read_text()


def test_an_exit_without_its_date_is_asked_when_it_was_decided(register, monkeypatch):
    path = register / "register" / "town-grant.yaml"
    path.write_text(EXTENDED)
    result = _at_terminal(
        register, monkeypatch, ["--outcome", "exit", "--end", "2024-06-30"], "2099-01-01\n2024-07-02\n"
    )
    assert result.exit_code == 0, result.output
    assert "When was the exit decided" in result.output and "2099-01-01 is in the future" in result.output
    assert path.read_text().endswith("    - date: 2024-07-02\n      outcome: exit\n")


def test_the_end_recorded_is_offered_where_the_file_allows_it(register, monkeypatch):
    path = register / "register" / "town-grant.yaml"
    path.write_text(EXTENDED.replace("end: 2023-03-31", "end: 2025-03-31"))
    result = _at_terminal(register, monkeypatch, ["--date", "2025-04-10", "--outcome", "exit"], "\n")
    assert result.exit_code == 0, result.output
    assert "The arrangement ends on (YYYY-MM-DD, or YYYY-MM or YYYY) [2025-03-31]: " in result.output
    assert "end: 2025-03-31\n" in path.read_text() and "status: ended\n" in path.read_text()


def test_a_review_recorded_before_one_lint_faults_is_not_refused_for_that_fault(register, grant):
    """A review recorded late goes before the later ones; the fault of a later one (its outcome not
    recorded) moved one place down and was taken for a problem the new review brought."""
    code, _, err = review(register, "--date", "2025-01-20", "--outcome", "continue")
    assert (code, err) == (0, ""), err
    assert grant.read_text().endswith(
        "    - date: 2025-01-20\n      outcome: continue\n    - date: 2025-06   # from the Last reviewed column\n"
    )


def test_an_exit_with_no_end_away_from_a_terminal_is_told_both_dates(register):
    path = register / "register" / "town-grant.yaml"
    path.write_text(EXTENDED)
    code, _, err = partreg("review", "town-grant", "--outcome", "exit", cwd=register)
    refused = "the end the file records, 2023-03-31, is before its latest review, of 2024-05-20 (continue), when it was still running"
    assert (code, err) == (
        2,
        f"partreg: --outcome exit ends the arrangement, and {refused}: give --end YYYY-MM-DD, the day it ends, "
        "and --date YYYY-MM-DD, the day its exit was decided, where that was not today\n",
    )
    code, _, err = partreg("review", "town-grant", "--date", "2024-07-02", "--outcome", "exit", cwd=register)
    assert (
        err
        == f"partreg: --outcome exit ends the arrangement, and {refused}: give --end YYYY-MM-DD, the day it ends\n"
    )
    assert path.read_text() == EXTENDED
    path.write_text(EXTENDED.replace("end: 2023-03-31\n", ""))
    code, _, err = partreg("review", "town-grant", "--date", "2024-07-02", "--outcome", "exit", cwd=register)
    assert err.startswith(
        "partreg: --outcome exit ends the arrangement, and the file records no end: give --end"
    )


def test_an_exit_away_from_a_terminal_ends_on_the_end_the_file_records(register, grant):
    """With no one to ask, an exit without --end had been refused where the file records its end,
    which a terminal offers as the answer."""
    ended = IMPORTED.replace("\nstart: 2024-04-01\n", "\nstart: 2024-04-01\nend: 2025-03-31\n")
    grant.write_text(ended)
    code, out, err = review(register, "--date", "2025-02-01", "--outcome", "exit")
    assert (code, err) == (0, ""), err
    data = load_fast_data(grant.read_text())
    assert data["end"] == "2025-03-31" and data["status"] == "ended"
    assert {"date": "2025-02-01", "outcome": "exit"} in data["review"]["history"]
    assert "2025-03-31" in out


def test_an_imported_review_after_the_end_completed_as_the_exit(register, grant):
    """A review with no outcome says nothing of what it found: completing it as the exit, with the
    end the file records, is no end "before a review that found it running"."""
    grant.write_text(
        IMPORTED.replace("  period_end: 2027-03-31\n", "  period_end: 2025-03-31\n").replace(
            "\nstart: 2024-04-01\n", "\nstart: 2024-04-01\nend: 2025-03-31\n"
        )
    )
    assert "ended-not-closed" in _rules(register)
    lint = lint_text(grant.read_text(), today=dt.date(2026, 12, 7))
    [ended] = [p for p in lint if p.rule == "ended-not-closed"]
    assert "reviewed after it" not in ended.message and "--end 2025-03-31" in ended.message
    code, _, err = review(register, "--date", "2025-06", "--outcome", "exit", "--end", "2025-03-31")
    assert code == 0, err
    history = grant.read_text().split("history:")[1]
    assert history.count("- date:") == 1 and "outcome: exit" in history


def test_a_review_with_an_empty_outcome_above_another_is_completed_with_its_notes(register, grant):
    grant.write_text(
        IMPORTED.replace(
            "    - date: 2025-06   # from the Last reviewed column\n",
            "    - date: 2024-06-30\n      outcome:\n    - date: 2025-06-30\n      outcome: amend\n",
        )
    )
    code, _, err = review(register, "--date", "2024-06-30", "--outcome", "continue", "--notes", "fine")
    assert code == 0, err
    assert grant.read_text().endswith(
        "    - date: 2024-06-30\n      outcome: continue\n      notes: fine\n"
        "    - date: 2025-06-30\n      outcome: amend\n"
    )


def test_a_phone_number_in_by_is_refused_however_often_it_is_typed(register, grant):
    code, _, err = review(register, "--outcome", "continue", "--by", "Community Safety Manager, 01702 546366")
    assert code == 2 and "holds a phone number, and the review history is published" in err


def test_at_a_terminal_an_email_address_is_not_told_to_type_it_again():
    from partreg.app.reviewing import _role_refused

    refused = _role_refused("Jane Smith")
    said = refused("jane.smith@rochford.gov.uk")
    assert said is not None and "is an email address" in said and "type it again" not in said
    assert refused("jane.smith@rochford.gov.uk") is not None  # refused however often it is typed
    assert refused("Jo Bloggs") is not None and refused("Jo Bloggs") is None  # a name: taken when repeated


def test_two_bodies_reviewing_it_on_one_day_are_two_reviews(register, grant):
    """Cabinet and a scrutiny committee may each review it on one day: the second is not refused as
    the first again (which lint's review-recorded-twice would not call it either)."""
    code, _, err = review(register, "--date", "2025-09-30", "--outcome", "continue", "--by", "Cabinet")
    assert code == 0, err
    code, _, err = review(
        register, "--date", "2025-09-30", "--outcome", "amend", "--by", "Audit and Scrutiny Committee"
    )
    assert code == 0, err
    text = grant.read_text()
    assert (
        text.count("2025-09-30") == 2 and "by: Cabinet" in text and "by: Audit and Scrutiny Committee" in text
    )
    code, _, err = review(register, "--date", "2025-09-30", "--outcome", "continue", "--by", "Cabinet")
    assert code == 2 and "already recorded" in err
    assert not {"review-recorded-twice"} & set(_rules(register))


def test_at_a_terminal_an_exit_recorded_with_its_end_to_come_is_refused_before_the_end_is_asked(
    register, monkeypatch
):
    """Its exit recorded, with an end still to come: nothing is left to close until that end, and the
    terminal had asked for the end before saying so."""
    path = register / "register" / "town-grant.yaml"
    text = EXTENDED.replace("end: 2023-03-31", "end: 2099-03-31").replace(
        "outcome: continue   # extended for a year, informally", "outcome: exit"
    )
    path.write_text(text)
    result = _at_terminal(register, monkeypatch, ["--date", "2024-05-20", "--outcome", "exit"], "\n")
    assert result.exit_code == 2, result.output
    assert "The arrangement ends on" not in result.output and "is already recorded" in result.output
    assert path.read_text() == text
