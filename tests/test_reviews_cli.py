"""review-due, review and history as the register's owner runs them."""

import csv
import datetime as dt
import difflib
import io
import json
import subprocess
import sys

import pytest
import yaml_rs
from icalendar import Calendar

from partreg.app.register import open_register
from partreg.models import PartialDate
from partreg.yaml.editor import add_review
from partreg.yaml.reading import load_fast_data
from tests.common import REPO
from tests.test_cli import partreg

AS_OF = "2026-11-24"


# --------------------------------------------------------------------------- review-due


def test_review_due_json_lists_overdue_due_and_the_fields():
    code, out, _ = partreg("review-due", "--as-of", AS_OF, "--format", "json")
    items = json.loads(out)
    assert code == 0
    assert {i["state"] for i in items} <= {"overdue", "due", "ending"}
    assert [i["id"] for i in items if i["state"] == "overdue"] == [
        "local-support-services-framework",
        "brentwood-community-safety-partnership",
        "joint-leisure-services-contract",
    ]
    assert all(
        set(i) >= {"id", "title", "kind", "lead", "last_review", "next_review", "state", "days"}
        for i in items
    )


def test_review_due_filters_and_csv():
    _, out, _ = partreg("review-due", "--as-of", AS_OF, "--service", "leisure", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["joint-leisure-services-contract"]
    _, out, _ = partreg("review-due", "--as-of", AS_OF, "--owner", "Chief Executive", "-f", "json")
    assert {i["lead"]["role"] for i in json.loads(out)} == {"Chief Executive"}


def test_a_filter_that_no_lead_has_is_a_mistake_not_nothing_due():
    """`--service Comunities` had said "Nothing overdue" and exited 0, even with --fail-on-overdue:
    a scheduled job with a misspelt filter passed for ever."""
    code, out, err = partreg("review-due", "--as-of", AS_OF, "--service", "Leisur", "--fail-on-overdue")
    assert code == 2 and out == ""
    assert (
        "--service 'Leisur' is the lead service of no arrangement on the register (did you mean 'Leisure'?)"
        in err
    )
    code, _, err = partreg("review-due", "--as-of", AS_OF, "--owner", "Chief Executiv")
    assert code == 2 and "--owner 'Chief Executiv' is the lead officer's role or lead councillor of no" in err


def test_owner_finds_an_arrangement_by_its_lead_councillor_too(tmp_path):
    root = tmp_path / "reg"
    (root / "register").mkdir(parents=True)
    (root / "partreg.yaml").write_text("council: Test Council\n")
    (root / "register" / "forum.yaml").write_text(
        "id: forum\ntitle: Forum\nkind: partnership\nstatus: active\nstart: 2020-01-01\n"
        "lead: {member: Cllr Bob Brown}\npartners: [{name: Essex Police}]\n"
    )
    code, out, err = partreg(
        "review-due", "--as-of", AS_OF, "--owner", "cllr bob brown", "-f", "json", "--root", str(root)
    )
    assert code == 0, err
    assert [i["id"] for i in json.loads(out)] == ["forum"]


def test_review_due_table_is_grouped_by_service():
    _, out, _ = partreg("review-due", "--as-of", AS_OF)
    assert out.index("Community Safety") < out.index("Leisure")
    assert "As of 2026-11-24: 3 overdue, 2 due soon, 0 ending soon." in out


def test_fail_on_overdue_for_a_scheduled_job():
    assert partreg("review-due", "--as-of", AS_OF, "--fail-on-overdue")[0] == 1
    assert partreg("review-due", "--as-of", "2015-01-01", "--fail-on-overdue")[0] == 0
    assert partreg("review-due", "--as-of", "2026-11")[0] == 2
    assert partreg("review-due", "--as-of", "20261124")[0] == 2, "one meaning of a date: YYYY-MM-DD only"


@pytest.mark.spawns
def test_the_calendar_parses_back_and_follows_rfc_5545():
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "review-due", "--as-of", AS_OF, "--within", "60", "-f", "ics"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    raw = result.stdout
    assert raw.count(b"\r\n") == raw.count(b"\n"), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "long lines are folded"
    calendar = Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and "partreg" in str(calendar["PRODID"])
    events = list(calendar.walk("VEVENT"))
    _, as_json, _ = partreg("review-due", "--as-of", AS_OF, "--within", "60", "-f", "json")
    items = json.loads(as_json)
    assert len(events) == len(items) >= 5
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    overdue = 0
    for event, item in zip(events, items, strict=True):
        start = event.decoded("DTSTART")
        assert type(start) is dt.date, "an all-day event"
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP").tzinfo is not None
        # (the day it falls due, counted from: the first of a month or year it is known to)
        due = dt.date.fromisoformat(AS_OF) + dt.timedelta(days=item["days"])
        what = "ending" if item["state"] == "ending" else "review"
        assert str(event["UID"]) == f"{what}-{item['id']}-{due:%Y%m%d}@partreg", "the day it fell due"
        assert item["title"] in str(event["SUMMARY"])
        description = str(event["DESCRIPTION"])
        assert f"\npartreg review {item['id']} --outcome " in description, "the exact command"
        if item["state"] == "overdue":  # on the day of the calendar, where it is seen
            overdue += 1
            assert start == dt.date.fromisoformat(AS_OF)
            if len(item["next_review"]) == 10:  # a day
                assert str(event["SUMMARY"]).startswith(f"Overdue since {due.day} {due:%B %Y}: review of ")
                said = f"The review fell due on {due.day} {due:%B %Y}, {(start - due).days} days ago."
            else:  # a month (a review, or a start, known to the month): said so, not a day made up
                assert str(event["SUMMARY"]).startswith(f"Overdue since {due:%B %Y}: review of ")
                said = (
                    f"The review fell due in {due:%B %Y} ({(start - due).days} days ago, from its first day)."
                )
            assert said in description
        else:
            assert start == due
    assert overdue >= 2


def test_calendar_uids_are_stable_between_runs():
    first = Calendar.from_ical(partreg("review-due", "--as-of", AS_OF, "-f", "ics")[1].encode())
    second = Calendar.from_ical(partreg("review-due", "--as-of", "2026-11-25", "-f", "ics")[1].encode())
    assert [e["UID"] for e in first.walk("VEVENT")] == [e["UID"] for e in second.walk("VEVENT")]


# --------------------------------------------------------------------------- review

ODD = """\
# A file full of comments and odd quoting
id: odd-one   # trailing comment
title: 'Single quoted: with colon'
kind: "contract"
status: active
summary: >-
  Folded text that
  goes on two lines.
lead: {role: "Manager", service: 'Service'}   # flow mapping
partners:
- name: No indent before the dash
  sector: "private"
# a comment between keys
contract:
    reference: "REF-1"     # deeper indentation
    value_gbp: 1_000
start: 2021-04-01
end: ~
review:
  months: 12          # annual
  history:
    - date: 2025-06-30
      outcome: continue   # ok
      notes: 'It''s fine'
# the end of the history
internal:
  notes: |
    Literal block
      keeps its indentation
# trailing comment at the end
"""


def added_and_removed(old, new):
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))[2:]
    return [d for d in diff if d.startswith("+")], [d for d in diff if d.startswith("-")]


def test_review_changes_nothing_but_the_added_lines(register):
    path = register / "register" / "odd-one.yaml"
    path.write_text(ODD)
    code, out, err = partreg(
        "review",
        "odd-one",
        "--date",
        "2026-11-20",
        "--outcome",
        "amend",
        "--by",
        "Manager",
        "--notes",
        "Fee: revised",
        cwd=register,
    )
    assert (code, err) == (0, "")
    assert "Next review: 2027-11-20" in out
    added, removed = added_and_removed(ODD, path.read_text())
    assert removed == []
    assert added == [
        "+    - date: 2026-11-20",
        "+      outcome: amend",
        "+      by: Manager",
        "+      notes: 'Fee: revised'",
    ]
    assert path.read_text().index("notes: 'Fee: revised'") < path.read_text().index(
        "# the end of the history"
    )


def test_exit_ends_the_arrangement_and_changes_only_status_and_end(register):
    path = register / "register" / "odd-one.yaml"
    path.write_text(ODD)
    assert (
        partreg("review", "odd-one", "--date", "2026-11-20", "--outcome", "exit", cwd=register)[0] == 2
    )  # --end needed
    code, out, _ = partreg(
        "review", "odd-one", "--date", "2026-11-20", "--outcome", "exit", "--end", "2026-11-30", cwd=register
    )
    assert code == 0
    assert out.endswith("; it ended on 2026-11-30, and its status is now ended.\n"), out
    added, removed = added_and_removed(ODD, path.read_text())
    assert removed == ["-status: active", "-end: ~"]
    assert added[:2] == ["+status: ended", "+end: 2026-11-30"] and added[2:] == [
        "+    - date: 2026-11-20",
        "+      outcome: exit",
    ]


def test_an_exit_to_come_leaves_the_status_until_the_end(register):
    """An exit decided today, to take effect at the end of the year to come: the status had been
    written ended at once, and the page said "Ended" of what still runs."""
    path = register / "register" / "odd-one.yaml"
    path.write_text(ODD)
    end = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    code, out, _ = partreg("review", "odd-one", "--outcome", "exit", "--end", end, cwd=register)
    assert code == 0
    assert out.endswith(
        f"; it ends on {end}, and its status stays as it is until then: write `status: ended` once it has ended.\n"
    ), out
    added, removed = added_and_removed(ODD, path.read_text())
    assert removed == ["-end: ~"] and added[0] == f"+end: {end}", (added, removed)
    assert "status: active" in path.read_text()
    code, out, _ = partreg("review-due", "--within", "500", "--format", "json", cwd=register)
    [item] = [i for i in json.loads(out) if i["id"] == "odd-one"]
    assert (item["state"], item["end"]) == ("ending", end)


def test_an_exit_decided_already_is_closed_by_recording_its_end(register):
    """A sheet's "Exit", imported with its status left active: the exit review given again, with
    the end, had been refused as already recorded (and without its date, recorded a second exit,
    dated today). It records the end and the status, and nothing else."""
    path = register / "register" / "odd-one.yaml"
    text = ODD.replace("      outcome: continue   # ok", "      outcome: exit   # ok")
    assert text != ODD
    path.write_text(text)
    code, out, err = partreg(
        "review", "odd-one", "--date", "2025-06-30", "--outcome", "exit", "--end", "2025-09-30", cwd=register
    )
    assert code == 0, err
    assert out == (
        "Recorded the end of odd-one, whose exit its review of 2025-06-30 decided; it ended on 2025-09-30, and "
        "its status is now ended.\n"
    )
    added, removed = added_and_removed(text, path.read_text())
    assert (added, removed) == (["+status: ended", "+end: 2025-09-30"], ["-status: active", "-end: ~"])
    code, _, err = partreg(
        "review", "odd-one", "--date", "2025-06-30", "--outcome", "exit", "--end", "2025-09-30", cwd=register
    )
    assert code == 2 and "is already recorded" in err, err  # closed: nothing more to write


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "start: 2021-04-01\n",
            "start: 2021-04-01\nreview:\n  history:\n    - date: 2026-11-20\n      outcome: continue\n",
        ),
        (
            "review:\n    months: 6\n",
            "review:\n    months: 6\n    history:\n      - date: 2026-11-20\n        outcome: continue\n",
        ),
        (
            "review:\n  history: []\n",
            "review:\n  history:\n    - date: 2026-11-20\n      outcome: continue\n",
        ),
    ],
    ids=["no-review", "no-history", "empty-history"],
)
def test_review_where_there_was_none(before, after):
    head = "id: x-y\ntitle: T\n"
    record = {"date": dt.date(2026, 11, 20), "outcome": "continue"}
    assert add_review(head + before, record) == head + after


def test_a_flow_style_review_is_rewritten_by_the_round_trip():
    text = "id: x-y  # keep\nreview: {months: 12, history: []}\n"
    new = add_review(text, {"date": dt.date(2026, 11, 20), "outcome": "continue"})
    assert new.startswith("id: x-y  # keep\n")
    assert load_fast_data(new)["review"] == {
        "months": 12,
        "history": [{"date": "2026-11-20", "outcome": "continue"}],
    }


def test_review_refuses_what_it_should(register):
    target = register / "register" / "brentwood-community-fund.yaml"
    before = target.read_bytes()  # read first: every refusal below must leave the file as it was
    assert partreg("review", "nope", "--outcome", "continue", cwd=register)[0] == 2
    for held in ("2099-01-01", "2001-01-01"):  # in the future; before the arrangement started
        code = partreg(
            "review", "brentwood-community-fund", "--outcome", "continue", "--date", held, cwd=register
        )[0]
        assert code == 2, held
    assert partreg("review", "brentwood-community-fund", "--outcome", "later", cwd=register)[0] == 2
    assert target.read_bytes() == before


EXTENDED = """\
# Town centre grant: hand edited
id: town-grant
title: Town Centre Grant
kind: joint-working
status: active
summary: Traders and the council plan the town centre.
lead:
  role: Economic Development Manager   # the officer
  service: Economy
partners:
  - name: Town Traders Association
start: 2022-04-01
end: 2023-03-31
review:
  months: 12
  history:
    - date: 2023-06-01    # held late
      outcome: continue
    - date: 2024-05-20
      outcome: continue   # extended for a year, informally
"""


@pytest.mark.parametrize(
    ("end", "said"),
    [
        (
            "2021-01-01",
            "--end 2021-01-01 is before the arrangement started (2022-04-01): give the day it ended, on or "
            "after 2022-04-01; the review was not recorded",
        ),
        (
            "2024-01",
            "--end 2024-01 is before its latest review, of 2024-05-20 (continue), when it was still running: "
            "give the day it ended, on or after 2024-05-20; the review was not recorded",
        ),
    ],
)
def test_an_exits_end_before_the_start_or_a_later_review_is_refused(register, end, said):
    """The file says the arrangement was running after such an end: one line, exit 2, nothing written."""
    path = register / "register" / "town-grant.yaml"
    path.write_text(EXTENDED)
    code, out, err = partreg(
        "review", "town-grant", "--date", "2025-12-01", "--outcome", "exit", "--end", end, cwd=register
    )
    assert (code, out, err) == (2, "", f"partreg: {said}\n")
    assert path.read_text() == EXTENDED
    code, _, err = partreg(
        "review", "town-grant", "--date", "2025-12-01", "--outcome", "exit", "--end", "2024-05", cwd=register
    )
    assert (code, err) == (0, "")  # the month of the latest review may be the month it ended


def test_an_exit_review_held_after_the_end_it_records_is_recorded(register):
    """An exit review may record an end before it (it ended, and the review says so later); and an
    earlier exit review does not stop a later one."""
    path = register / "register" / "town-grant.yaml"
    path.write_text(EXTENDED.replace("outcome: continue   # extended", "outcome: exit   # extended"))
    code, _, err = partreg(
        "review",
        "town-grant",
        "--date",
        "2025-12-01",
        "--outcome",
        "exit",
        "--end",
        "2024-04-30",
        cwd=register,
    )
    assert (code, err) == (0, ""), err


def test_review_due_shows_an_arrangement_reviewed_after_its_end_where_its_review_is_due(register):
    """Extended without the end being updated: its review is overdue, and review-due says so, with
    the end that has passed and what to record; it is not hidden as ended."""
    (register / "register" / "town-grant.yaml").write_text(EXTENDED)
    code, out, _ = partreg("review-due", "--as-of", "2026-01-12", "--format", "json", cwd=register)
    [item] = [i for i in json.loads(out) if i["id"] == "town-grant"]
    assert (item["state"], item["next_review"], item["end"], item["reviewed_after_end"]) == (
        "overdue",
        "2025-05-20",
        "2023-03-31",
        True,
    )
    assert code == 0
    code, out, _ = partreg("review-due", "--as-of", "2026-01-12", cwd=register)
    said = " ".join(out.split())
    assert "Overdue (" in said and "its end, 2023-03-31, has passed*" in said, out
    assert (
        "* town-grant: reviewed on 2024-05-20, after its end (2023-03-31), and that review did not end it, so "
        "its reviews go on: the next is due on 2025-05-20. If it was extended, record the new end date; if it "
        "has ended, record the exit review: `partreg review town-grant --date YYYY-MM-DD --outcome exit --end "
        "YYYY-MM-DD`, with --date the day its exit was decided and --end the day it ended (not before 2024-05-20)."
    ) in said, out
    code, out, _ = partreg("review-due", "--as-of", "2026-01-12", "--format", "csv", cwd=register)
    [row] = [r for r in csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))) if r["id"] == "town-grant"]
    assert (row["state"], row["reviewed_after_end"]) == ("overdue", "true")


def test_list_agrees_with_review_due_on_an_arrangement_reviewed_after_its_end(register):
    """List and the page showed it as ended, with no next review, while review-due showed its review
    overdue."""
    (register / "register" / "town-grant.yaml").write_text(EXTENDED)
    note = (
        "* town-grant: reviewed on 2024-05-20, after its end (2023-03-31), and that review did not end it, so "
        "its reviews go on: the next is due on 2025-05-20."
    )
    _, due, _ = partreg("review-due", cwd=register)
    assert note in " ".join(due.split()), due
    code, out, _ = partreg("list", "--format", "json", cwd=register)
    [row] = [r for r in json.loads(out) if r["id"] == "town-grant"]
    assert code == 0
    assert (row["status"], row["end"], row["next_review"], row["last_review"], row["reviewed_after_end"]) == (
        "active",
        "2023-03-31",
        "2025-05-20",
        "2024-05-20",
        True,
    )
    _, table, _ = partreg("list", cwd=register)
    said = " ".join(table.split())
    assert "town-grant active Economy 2025-05-20 2023-03-31 Town Centre Grant has passed*" in said, table
    assert note in said, table
    assert said.count("has passed*") == said.count("after its end") == 1, "only the one that went on"
    _, out, _ = partreg("list", "--format", "csv", cwd=register)
    [line] = [r for r in csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))) if r["id"] == "town-grant"]
    assert (line["next_review"], line["reviewed_after_end"]) == ("2025-05-20", "true")


@pytest.mark.spawns  # (render asks git for the changes it publishes)
def test_the_page_agrees_with_review_due_on_an_arrangement_reviewed_after_its_end(register, tmp_path):
    (register / "register" / "town-grant.yaml").write_text(EXTENDED)
    site = tmp_path / "site"
    code, _, err = partreg("render", "--out", str(site), cwd=register)
    assert code == 0, err
    passed = "it was reviewed after it, on 20 May 2024, and that review did not end it"
    index = (site / "index.html").read_text()
    assert f"Its end, 31 March 2023, has passed, but {passed}" in index
    page = (site / "arrangements" / "town-grant.html").read_text()
    assert f"<dt>End</dt><dd>31 March 2023, which has passed; {passed}</dd>" in page
    assert (
        "<dt>Status</dt><dd>Active</dd>" in page
        and "<dt>Next review</dt><dd>20 May 2025 (overdue)</dd>" in page
    )
    [published] = [
        r for r in json.loads((site / "register.json").read_text())["arrangements"] if r["id"] == "town-grant"
    ]
    assert (published["status"], published["next_review"]) == ("active", "2025-05-20")


EXIT_IMPORTED = """\
id: old-forum
title: Old Forum
kind: joint-working
status: active   # as the sheet gave it
summary: The town's traders and the council met to plan the town centre.
lead:
  role: Community Manager
  service: Communities
partners:
  - name: Town Traders Association
start: 2015-04
review:
  history:
    - date: 2023-03-01
      outcome: exit
"""


def test_an_exit_decided_and_not_closed_is_not_shown_as_overdue(register):
    """A sheet's "Exit", imported with its status left active and no end: review-due listed it as
    overdue, years after the exit was decided, and lint told the officer to hold its review. It is
    listed, in every format, as its exit decided but not closed; the calendar leaves it out and says
    so; lint asks for its end; nothing is said of it where the reviews are internal."""
    (register / "register" / "old-forum.yaml").write_text(EXIT_IMPORTED)
    code, out, _ = partreg("review-due", "--as-of", "2026-12-07", "--format", "json", cwd=register)
    [item] = [i for i in json.loads(out) if i["id"] == "old-forum"]
    assert (item["state"], item["next_review"], item["last_review"], item["days"]) == (
        "exit-not-closed",
        None,
        "2023-03-01",
        -1377,
    )
    _, out, _ = partreg("review-due", "--as-of", "2026-12-07", cwd=register)
    assert "Exit decided, not closed (1)" in out and "decided 1377 days ago" in " ".join(out.split()), out
    assert "1 with the exit decided but not closed." in " ".join(out.split()), out
    _, ics, err = partreg("review-due", "--as-of", "2026-12-07", "--format", "ics", cwd=register)
    assert "old-forum" not in ics
    assert "old-forum: exit decided, not closed, so it is not in the calendar" in err, err
    _, out, _ = partreg(
        "lint", "--as-of", "2026-12-07", "--format", "json", "register/old-forum.yaml", cwd=register
    )
    assert [(p["rule"], p["line"]) for p in json.loads(out)["results"]] == [("ended-not-closed", 4)]
    _, out, _ = partreg("list", "--format", "json", cwd=register)
    [row] = [r for r in json.loads(out) if r["id"] == "old-forum"]
    assert (row["status"], row["next_review"], row["exit_decided"]) == ("active", None, True)
    _, out, _ = partreg("list", cwd=register)
    assert "none: exit" in out and "decided" in out, out  # not a blank, as "not known" is
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "internal_fields: [review]\n")
    code, out, err = partreg("review-due", "--as-of", "2026-12-07", "--format", "json", cwd=register)
    assert code == 0, err
    assert "old-forum" not in [i["id"] for i in json.loads(out)]


def test_the_reviewed_register_reads_the_new_review(register):
    partreg(
        "review",
        "brentwood-community-safety-partnership",
        "--date",
        "2026-11-20",
        "--outcome",
        "continue",
        cwd=register,
    )
    entries = {e.id: e for e in open_register(register).entries}
    history = entries["brentwood-community-safety-partnership"].review.history
    assert history[-1].date == PartialDate(2026, 11, 20)


# --------------------------------------------------------------------------- history


def git(cwd, *args, author="Register Owner"):
    subprocess.run(
        ["git", "-c", f"user.name={author}", "-c", "user.email=owner@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.spawns
def test_history_from_a_real_git_repository(register):
    git(register, "init", "-q")
    git(register, "add", "-A")
    git(register, "commit", "-qm", "Add the register")
    partreg(
        "review",
        "brentwood-community-fund",
        "--date",
        "2026-11-20",
        "--outcome",
        "exit",
        "--end",
        "2026-11-30",
        cwd=register,
    )
    git(register, "commit", "-qam", "Close the Community Fund", author="Community Services Manager")
    git(register, "mv", "register/brentwood-community-fund.yaml", "register/community-fund.yaml")
    path = register / "register" / "community-fund.yaml"
    path.write_text(path.read_text().replace("id: brentwood-community-fund", "id: community-fund"))
    git(register, "commit", "-qam", "Rename the fund")

    code, out, _ = partreg("history", "community-fund", "-f", "json", cwd=register)
    changes = json.loads(out)
    assert code == 0
    assert [c["subject"] for c in changes] == [
        "Rename the fund",
        "Close the Community Fund",
        "Add the register",
    ]
    assert changes[0]["fields"] == ["id"]
    assert changes[1]["fields"] == ["status", "review.history", "end"]
    assert changes[1]["author"] == "Community Services Manager"
    assert changes[2]["fields"] == ["(created)"]
    code, out, _ = partreg("history", "community-fund", cwd=register)
    assert code == 0 and all(c["commit"] in out for c in changes)


@pytest.mark.spawns
def test_history_outside_git_says_so(register):
    code, _, err = partreg("history", "brentwood-community-fund", cwd=register)
    assert code == 1
    assert "not in a git repository" in err


@pytest.mark.slow
def test_reading_commands_name_only_the_files_they_leave_out(register):
    """list, show and review-due skip a file that cannot be read and say which; warnings are lint's business."""
    (register / "register" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    for command in (["list"], ["review-due", "--as-of", "2030-01-01"], ["show", "brentwood-community-fund"]):
        code, out, err = partreg(*command, cwd=register)
        assert code in (0, 1), (command, err)
        assert err.count("so it is left out here") == 1, (command, err)
        assert "register/broken.yaml:2:8: is not valid YAML: " in err
        assert "at its end (yaml-syntax); so it is left out here" in err
        assert "1 file left out here" in err
    _, out, _ = partreg("list", "--format", "json", cwd=register)
    assert len(json.loads(out)) == 11  # every other arrangement, warnings or not (the example has some)
    code, _, err = partreg("list", cwd=REPO)
    assert code == 0 and err == "", "nothing left out, nothing said"


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("list", "--format", "csv"),
        ("show", "brentwood-community-fund"),
        ("show", "brentwood-community-fund", "--format", "json"),
        ("review-due",),
        ("review-due", "--format", "ics"),
        ("review", "brentwood-community-fund", "--outcome", "continue"),
        ("classify", "brentwood-community-fund"),
        ("render", "--out", "site"),
    ],
    ids=lambda c: " ".join(c),
)
def test_a_command_that_prints_or_publishes_stops_when_the_settings_cannot_be_read(register, command):
    """A typo in partreg.yaml must not make partreg fall back to the defaults, which publish
    what the council marked internal and use the default review interval."""
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "internal_fields: [summary]\nreveiw_months: 6\n")
    entry = register / "register" / "brentwood-community-fund.yaml"
    before = entry.read_bytes()
    summary = str(yaml_rs.loads(before.decode())["summary"])
    code, out, err = partreg(*command, cwd=register)
    assert code == 1, (out, err)
    assert err.startswith("partreg: partreg.yaml:") and "reveiw_months" in err and "stops here" in err
    assert summary[:40] not in out and out == ""
    assert entry.read_bytes() == before and not (register / "site").exists()
    code, out, _ = partreg("lint", cwd=register)
    assert code == 1 and "reveiw_months" in out  # lint is where the problem is explained


def test_every_problem_of_the_settings_is_said_at_once(register):
    """A command that stops for the settings names each problem in them, not one a run."""
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "reveiw_months: 6\nrules: {review-overdue: critical}\n")
    code, out, err = partreg("list", cwd=register)
    lines = err.splitlines()
    assert (code, out) == (1, "")
    assert sorted(line.rsplit("(", 1)[1] for line in lines[:2]) == ["invalid-value)", "unknown-key)"]
    assert all(line.startswith("partreg: partreg.yaml:") for line in lines[:2])
    assert lines[2].startswith("partreg: partreg stops here rather than use the defaults: fix them")


def test_list_of_a_register_whose_every_file_is_left_out_does_not_say_it_has_none(tmp_path):
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "bad-one.yaml").write_text("id: bad-one\ntitle: [oops\n")
    code, out, err = partreg("list", cwd=tmp_path)
    assert code == 0  # as for any file left out: list is read, not a check (lint is)
    assert (
        out.strip() == "No arrangement could be read: every file is left out, each named with what stops it."
    )
    assert err.splitlines()[0] == (
        "partreg: register/bad-one.yaml:2:8: is not valid YAML: the [ list that starts here is not closed: "
        "add ] at its end (yaml-syntax); so it is left out here"
    )


def test_a_history_written_newest_first_is_due_from_its_latest_review_and_lint_warns(tmp_path):
    """Officers paste the latest review at the top: review-due and list read the latest by its date
    whatever the order, and lint says the order is not the format's (as a warning)."""
    (tmp_path / "partreg.yaml").write_text("council: Test Council\n")
    (tmp_path / "register").mkdir()
    entry = (
        "id: housing-forum\ntitle: Housing Forum\nkind: joint-working\nstatus: active\n"
        "lead:\n  role: Housing Manager\npartners:\n  - name: Local Housing Association\nstart: 2016-04\n"
        "review:\n  history:\n"
        "    - date: 2025-06-30\n      outcome: amend\n"
        "    - date: 2023-05-01\n      outcome: continue\n"
    )
    (tmp_path / "register" / "housing-forum.yaml").write_bytes(entry.replace("\n", "\r\n").encode())
    _, out, _ = partreg("review-due", "--as-of", "2026-07-01", "--format", "json", cwd=tmp_path)
    [item] = json.loads(out)
    assert (item["state"], item["last_review"], item["next_review"]) == (
        "overdue",
        "2025-06-30",
        "2026-06-30",
    )
    _, out, _ = partreg("list", "--format", "json", cwd=tmp_path)
    [listed] = json.loads(out)
    assert listed["next_review"] == "2026-06-30", listed
    _, out, _ = partreg("lint", "--as-of", "2026-07-01", "--format", "json", cwd=tmp_path)
    found = [(r["rule"], r["line"]) for r in json.loads(out)["results"]]
    assert ("review-history-out-of-order", 12) in found, found


@pytest.mark.parametrize("option", ["--date", "--end"])
@pytest.mark.parametrize("written", ["9999-12-31", "31/12/9999"])
def test_a_placeholder_given_to_review_is_not_told_to_be_left_out(register, option, written):
    """Leaving --date out records the review as held today, and an exit needs its --end: a
    placeholder is told to give the date itself."""
    args = ["--date", written] if option == "--date" else ["--end", written]
    code, _, err = partreg("review", "brentwood-community-fund", "--outcome", "exit", *args, cwd=register)
    said = " ".join(err.replace("│", " ").split())
    assert code == 2 and "the year 9999 is a placeholder, not a date: give the date itself" in said, err
    assert "leave the date out" not in said


def test_as_of_takes_a_day_as_review_date_takes_one(register):
    """`--as-of 31/12/2026` is the day `review --date 31/12/2026` would record; a month, or a day
    that could be read either way round, is refused with what to write."""
    code, uk, err = partreg("review-due", "--as-of", "31/12/2026", "--format", "json", cwd=register)
    assert code == 0, err
    assert uk == partreg("review-due", "--as-of", "2026-12-31", "--format", "json", cwd=register)[1]
    code, _, err = partreg("review-due", "--as-of", "01/04/2026", cwd=register)
    assert (
        code == 2
        and "'01/04/2026' could be read either way round: write YYYY-MM-DD (did you mean 2026-04-01?)" in err
    )
    code, _, err = partreg("review-due", "--as-of", "2026-12", cwd=register)
    assert code == 2 and "'2026-12' is not a day" in err


def test_an_end_kept_internal_is_not_said_to_have_passed(register):
    """With `internal_fields: [end]`, list and review-due wrote "after its end (None)", and their JSON
    said an end nobody may see had passed."""
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "internal_fields: [end]\n")
    (register / "register" / "town-grant.yaml").write_text(EXTENDED)
    for command in (("review-due", "--as-of", "2026-01-12"), ("list",)):
        code, out, err = partreg(*command, cwd=register)
        assert code == 0 and "None" not in out and "after its end" not in out, (out, err)
        _, data, _ = partreg(*command, "--format", "json", cwd=register)
        [item] = [i for i in json.loads(data) if i["id"] == "town-grant"]
        assert item["reviewed_after_end"] is False and item.get("end") is None


def test_an_end_kept_internal_gives_no_item_dated_by_it(register):
    """With `internal_fields: [end]`, review-due's JSON said `"end": null` beside `"state": "ending",
    "days": 10`, and the calendar held the end's day."""
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "internal_fields: [end]\n")
    path = register / "register" / "brentwood-community-fund.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("\nstart:", "\nend: 2026-01-20\nstart:", 1) if "\nend:" not in text else text
    )
    for fmt in ("json", "csv", "ics"):
        code, out, err = partreg(
            "review-due", "--as-of", "2026-01-10", "--within", "30", "--format", fmt, cwd=register
        )
        assert code == 0, err
        assert "2026-01-20" not in out and "20260120" not in out and "ending" not in out.lower(), (fmt, out)


def test_an_exit_given_again_never_rewrites_an_end_the_file_records(register):
    """An exit recorded and closed (status ended, its end written): given again with another end, it
    had replaced the end silently, and with an end to come printed that it had ended."""
    path = register / "register" / "odd-one.yaml"
    closed = (
        ODD.replace("      outcome: continue   # ok", "      outcome: exit   # ok")
        .replace("status: active", "status: ended")
        .replace("end: ~", "end: 2025-09-30")
    )
    path.write_text(closed)
    said = []
    for end in ("2025-10-31", "2028-09-30"):
        code, _, err = partreg(
            "review", "odd-one", "--date", "2025-06-30", "--outcome", "exit", "--end", end, cwd=register
        )
        assert code == 2 and path.read_text() == closed, err
        said.append(err)
    assert (
        "is already recorded" in said[0]
        and "its end, 2025-09-30, is recorded: to change it, edit `end:`" in said[0]
    )
    assert "is still to come, and its status is ended" in said[1], said
    # ended, with no end recorded: an end to come is refused, one that has passed is written
    path.write_text(closed.replace("end: 2025-09-30", "end: ~"))
    code, _, err = partreg(
        "review", "odd-one", "--date", "2025-06-30", "--outcome", "exit", "--end", "2099-01-01", cwd=register
    )
    assert code == 2 and "is still to come, and its status is ended" in err, err
    code, out, err = partreg(
        "review", "odd-one", "--date", "2025-06-30", "--outcome", "exit", "--end", "2025-09-30", cwd=register
    )
    assert code == 0 and "end: 2025-09-30" in path.read_text(), err
    assert out.endswith("; it ended on 2025-09-30, and its status is now ended.\n"), out


def test_closing_an_imported_exit_closes_that_review_and_no_other(register):
    """A history with a review of that day with no outcome beside the exit: closing the exit had
    completed the other one as a second exit. Without --date, the exit recorded is the one closed:
    it had added a second exit, dated today."""
    path = register / "register" / "odd-one.yaml"
    text = ODD.replace("      outcome: continue   # ok", "      outcome: exit   # ok").replace(
        "    - date: 2025-06-30\n",
        "    - date: 2025-06-30\n      by: Audit Committee\n    - date: 2025-06-30\n",
        1,
    )
    path.write_text(text)
    code, out, err = partreg(
        "review", "odd-one", "--date", "2025-06-30", "--outcome", "exit", "--end", "2025-09-30", cwd=register
    )
    assert code == 0, err
    added, removed = added_and_removed(text, path.read_text())
    assert (added, removed) == (["+status: ended", "+end: 2025-09-30"], ["-status: active", "-end: ~"])
    path.write_text(ODD.replace("      outcome: continue   # ok", "      outcome: exit   # ok"))
    code, out, err = partreg("review", "odd-one", "--outcome", "exit", "--end", "2025-09-30", cwd=register)
    assert code == 0, err
    assert out.startswith("Recorded the end of odd-one, whose exit its review of 2025-06-30 decided"), out
    assert path.read_text().count("outcome: exit") == 1


def test_an_exit_recorded_is_closed_not_recorded_again(register):
    """An exit recorded with its end, the status not yet ended (the end has passed): given without
    --date, a second exit dated today had been added; given the same end, the end's line was
    written again, its quotes and comment's spacing lost. Closed, nothing more is added; an exit
    with no date is not recorded a second time, dated today."""
    path = register / "register" / "odd-one.yaml"
    text = ODD.replace("      outcome: continue   # ok", "      outcome: exit   # ok").replace(
        "end: ~", "end: '2025-09-30'   # agreed"
    )
    path.write_text(text)
    code, _, err = partreg("review", "odd-one", "--outcome", "exit", "--end", "2025-10-30", cwd=register)
    assert code == 2 and "is recorded: to change it, edit `end:` there" in err and path.read_text() == text
    code, out, err = partreg("review", "odd-one", "--outcome", "exit", "--end", "2025-09-30", cwd=register)
    assert code == 0 and out.startswith("Recorded the end of odd-one, whose exit its review of 2025-06-30"), (
        err
    )
    assert added_and_removed(text, path.read_text()) == (["+status: ended"], ["-status: active"])
    closed = path.read_text()
    for given in ([], ["--date", "2025-06-30"], ["--date", "2025-07-01", "--by", "Audit Committee"]):
        code, _, err = partreg(
            "review", "odd-one", *given, "--outcome", "exit", "--end", "2025-09-30", cwd=register
        )
        assert code == 2 and path.read_text() == closed, (given, err)
    assert (
        "its exit is recorded already, at line 22 of register/odd-one.yaml, and it ended on 30 September 2025"
        in err
    )
    undated = ODD.replace(
        "    - date: 2025-06-30\n      outcome: continue   # ok", "    - outcome: exit   # ok"
    )
    path.write_text(undated)
    code, _, err = partreg("review", "odd-one", "--outcome", "exit", "--end", "2025-09-30", cwd=register)
    assert code == 2 and path.read_text() == undated
    assert "its exit is recorded already, at line 22 of register/odd-one.yaml, with no date: write" in err, (
        err
    )
