"""`partreg review` on the files officers really have, and with two officers at once.

Every file here is one that `partreg lint` accepts (or reports without a
crash): review must record into it changing only the review's lines, or
refuse with one line, and never lose a review another officer recorded.
"""

import contextlib
import datetime as dt
import fcntl
import multiprocessing
import os

import pytest
from typer.testing import CliRunner

from partreg.cli import app
from partreg.yaml.editor import add_review
from partreg.yaml.reading import load_fast_data
from tests.common import holding_the_lock
from tests.test_cli import partreg

ENTRY = """\
id: town-fund
title: Town grants fund
kind: community-funding
status: active  # since the launch
summary: Small grants to town groups.
lead:
  role: Community Grants Officer
  service: Communities
start: 2021-04-01
"""
REVIEW = ("review", "town-fund", "--outcome", "continue", "--date", "2026-01-15")


@pytest.fixture
def entry(register):
    path = register / "register" / "town-fund.yaml"
    path.write_text(ENTRY)
    return path


def record(register, *args: str) -> tuple[int, str, str]:
    return partreg(*REVIEW, *args, cwd=register)


# --------------------------------------------------------------------------- files lint accepts


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("review:\n", "review:\n  history:\n    - date: 2026-01-15\n      outcome: continue\n"),
        (
            "review: ~  # none yet\n",
            "review:  # none yet\n  history:\n    - date: 2026-01-15\n      outcome: continue\n",
        ),
        (
            "review:\n  months: 12\t# a tab before the comment\n",
            "review:\n  months: 12\t# a tab before the comment\n  history:\n    - date: 2026-01-15\n"
            "      outcome: continue\n",
        ),
        (
            "review:\n  months: 12  # line\u2028separator and next\x85line\n",
            "review:\n  months: 12  # line\u2028separator and next\x85line\n  history:\n"
            "    - date: 2026-01-15\n      outcome: continue\n",
        ),
        (
            'notes: "bell\\x07 and \x01 raw"\nreview:\n  months: 12\n',
            'notes: "bell\\x07 and \x01 raw"\nreview:\n  months: 12\n  history:\n    - date: 2026-01-15\n'
            "      outcome: continue\n",
        ),
        (
            "review: {months: 12}\npartners:\n    - name: Town Council\n",
            "review:\n  months: 12\n  history:\n    - date: 2026-01-15\n      outcome: continue\n"
            "partners:\n    - name: Town Council\n",
        ),
        (
            "review:\n  months: 12\n  history: [{date: 2025-01-10, outcome: continue}]  # kept\n",
            "review:\n  months: 12\n  history:  # kept\n    - date: 2025-01-10\n      outcome: continue\n"
            "    - date: 2026-01-15\n      outcome: continue\n",
        ),
    ],
    ids=[
        "null",
        "null-with-comment",
        "tab-before-comment",
        "ls-and-nel-in-comment",
        "control-characters",
        "flow-review",
        "flow-history",
    ],
)
def test_review_records_into_every_file_lint_reads_changing_only_the_review(register, entry, tail, expected):
    entry.write_bytes((ENTRY + tail).encode())
    code, out, err = record(register)
    assert (code, err) == (0, ""), err
    assert "Recorded the review of town-fund on 2026-01-15" in out
    assert entry.read_bytes().decode() == ENTRY + expected


def test_the_lines_end_as_the_file_ends_them_and_a_bom_stays(register, entry):
    crlf = (ENTRY + "review:\n  months: 12\n").replace("\n", "\r\n")
    entry.write_bytes(b"\xef\xbb\xbf" + crlf.encode())
    code, _, err = record(register, "--notes", "Two lines\nof notes")
    assert code == 0, err
    raw = entry.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + crlf.encode())
    assert raw.count(b"\n") == raw.count(b"\r\n"), "every line ends CRLF"
    [held] = load_fast_data(raw.decode("utf-8-sig"))["review"]["history"]
    assert held == {"date": "2026-01-15", "outcome": "continue", "notes": "Two lines\nof notes"}


def test_the_gap_before_a_kept_comment_stays_as_it_was(register, entry):
    entry.write_text(
        ENTRY.replace("status: active  # since the launch", 'status: "active"     # since the launch')
    )
    code, _, err = partreg(*REVIEW[:3], "exit", *REVIEW[4:], "--end", "2026-01-31", cwd=register)
    assert code == 0, err
    assert "status: ended     # since the launch\n" in entry.read_text()


def test_exit_replaces_status_and_keeps_its_comment(register, entry):
    code, _, err = partreg(*REVIEW[:3], "exit", *REVIEW[4:], "--end", "2026-03-31", cwd=register)
    assert code == 0, err
    text = entry.read_text()
    assert "status: ended  # since the launch\n" in text
    assert "start: 2021-04-01\nend: 2026-03-31\n" in text


@pytest.mark.parametrize(
    "after",
    ["status: active\n", "end: null  # no end yet\nstatus: active\n", "end : null\nstatus: active\n"],
    ids=["status", "end-then-status", "end-spaced"],
)
def test_an_exit_is_recorded_where_status_or_end_follows_the_history(register, entry, after):
    """The review goes in before the line after the history, and that line, where it is the status
    or the end, is rewritten: the rewriting had been made after the insertion, at the same line, and
    replaced the review, so the read-back refused every such exit."""
    entry.write_text(
        ENTRY.replace("status: active  # since the launch\n", "")
        + "review:\n  history:\n    - date: 2025-06-30\n      outcome: continue\n"
        + after
    )
    code, _, err = partreg(*REVIEW[:3], "exit", *REVIEW[4:], "--end", "2026-03-31", cwd=register)
    assert (code, err) == (0, "")
    data = load_fast_data(entry.read_text())
    assert data["status"] == "ended" and data["end"] == "2026-03-31"
    assert data["review"]["history"][-1] == {"date": "2026-01-15", "outcome": "exit"}
    assert "# no end yet" in entry.read_text() or "# no end yet" not in after


def test_a_comment_under_the_last_review_stays_with_it(register, entry):
    """A comment indented under a review's keys is that review's: the new review had gone in above
    it, and taken it. A comment at the dashes' column is above the next review and stays so."""
    history = (
        "review:\n  history:\n    - date: 2025-06-30\n      outcome: continue\n"
        "      # police data still awaited for this review\n"
    )
    entry.write_text(ENTRY + history + "    # next: with the police\n")
    code, _, err = record(register)
    assert (code, err) == (0, "")
    assert entry.read_text() == ENTRY + history + (
        "    - date: 2026-01-15\n      outcome: continue\n    # next: with the police\n"
    )


def test_a_comment_that_rewriting_would_lose_stops_the_review(register, entry):
    before = ENTRY + "review: {months: 12,  # yearly\n  history: []}\n"
    entry.write_text(before)
    code, _, err = record(register)
    assert code == 1
    assert err.startswith("partreg: register/town-fund.yaml: not written: line 10 holds a comment")
    assert entry.read_text() == before


@pytest.mark.parametrize(
    ("make", "code"),
    [
        pytest.param(
            lambda p: p.write_text(ENTRY + "summary2: " + "x" * 1_100_000 + "\n"), 2, id="over-the-size-limit"
        ),
        pytest.param(lambda p: p.mkdir(), 2, id="a-folder"),
        pytest.param(lambda p: p.write_bytes(b""), 1, id="empty"),
        pytest.param(lambda p: p.write_bytes(ENTRY.encode("utf-16")), 1, id="utf-16"),
        pytest.param(lambda p: p.write_text("- a list\n"), 1, id="not-a-mapping"),
        pytest.param(lambda p: p.write_text(ENTRY + "review: yearly\n"), 1, id="review-not-a-mapping"),
    ],
)
def test_a_file_review_cannot_edit_is_refused_in_one_line_and_left_as_it_was(register, make, code):
    path = register / "register" / "town-fund.yaml"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    got, out, err = record(register)
    assert got == code, (out, err)
    assert err.startswith("partreg: register/town-fund.yaml") and err.count("\n") == 1, err
    assert "Traceback" not in err and out == ""
    assert (path.read_bytes() if path.is_file() else None) == before


def test_a_link_is_refused_and_stays_a_link(register, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "town-fund.yaml"
    outside.write_text(ENTRY)
    link = register / "register" / "town-fund.yaml"
    link.symlink_to(outside)
    code, _, err = record(register)
    assert code == 2 and "symbolic link" in err
    assert link.is_symlink() and outside.read_text() == ENTRY


@pytest.mark.parametrize("given", ["../partreg", "register/town-fund", "/etc/passwd", "Town-Fund", ".."])
def test_an_id_written_as_a_path_is_refused(register, entry, given):
    settings = (register / "partreg.yaml").read_bytes()
    code, _, err = partreg("review", given, "--outcome", "continue", cwd=register)
    assert code == 2 and "is not an arrangement id" in err
    assert (register / "partreg.yaml").read_bytes() == settings and entry.read_text() == ENTRY


def test_the_end_asked_at_the_terminal_is_asked_again_until_it_is_a_date(register, entry, monkeypatch):
    monkeypatch.setattr("partreg.cli.common.interactive", lambda: True)
    with contextlib.chdir(register):
        result = CliRunner().invoke(
            app, [*REVIEW[:3], "exit", *REVIEW[4:]], input="31/02/2027\n20270331\n31 March 2026\n"
        )
    assert result.exit_code == 0, result.output
    assert result.output.count("'31/02/2027': ") == 1 and result.output.count("'20270331': ") == 1
    assert "end: 2026-03-31" in entry.read_text()


# --------------------------------------------------------------------------- temporary files


@pytest.mark.spawns
def test_a_killed_writers_temporary_file_is_removed_by_the_next_write_and_never_read(register, entry):
    dead, reused = _a_finished_pid(), 1  # a process number the system has given to another process
    stale = register / "register" / f".town-fund.yaml.partreg-{dead}-0.tmp"
    stale.write_text("half a file")
    (register / "register" / f".other.yaml.partreg-{reused}-3.tmp").write_text("half another")
    theirs = register / "register" / ".budget.2025.1.tmp"  # a file of the council's, not partreg's
    theirs.write_text("kept")
    code, out, _ = partreg("lint", cwd=register)
    assert ".tmp" not in out
    code, _, err = record(register)
    assert code == 0, err
    assert not stale.exists()
    assert [p.name for p in (register / "register").glob(".*.tmp")] == [theirs.name]


def _a_finished_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


# --------------------------------------------------------------------------- two officers at once


def _officer(register, name: str, held: str, waiting, results) -> None:
    """One `partreg review` (of a review held on ``held``: the same review twice is refused), in a
    process of its own, that says when it has found the register's lock held (so the test knows it
    is waiting there)."""
    real_flock = fcntl.flock

    def flock(fd, operation):
        try:
            return real_flock(fd, operation)
        except BlockingIOError:
            waiting.set()
            raise

    fcntl.flock = flock
    os.chdir(register)
    result = CliRunner().invoke(app, [*REVIEW, "--date", held, "--notes", name])
    results.put((name, result.exit_code, result.stdout, result.stderr))


@pytest.mark.spawns
def test_two_reviews_at_once_are_both_recorded_or_one_is_refused_never_lost(register, entry):
    """The test holds the register's lock until both officers wait for it, then lets them race."""
    forked = multiprocessing.get_context("fork")
    results = forked.Queue()
    refused = 0
    for round_ in range(50):
        names = (f"round {round_} officer A", f"round {round_} officer B")
        days = [(dt.date(2022, 1, 1) + dt.timedelta(days=2 * round_ + n)).isoformat() for n in (0, 1)]
        waiting = (forked.Event(), forked.Event())
        with holding_the_lock(register / "register"):
            officers = [
                forked.Process(target=_officer, args=(register, name, day, at_lock, results))
                for name, day, at_lock in zip(names, days, waiting, strict=True)
            ]
            for p in officers:
                p.start()
            assert all(at_lock.wait(60) for at_lock in waiting), "an officer never waited at the lock"
        outcomes = [results.get(timeout=60) for _ in officers]
        for p in officers:
            p.join(10)
            assert p.exitcode == 0
        text = entry.read_text()
        for name, code, out, err in outcomes:
            if code == 0:
                assert f"notes: {name}\n" in text, f"{name}: told it was recorded, but it is not in the file"
                assert out.startswith("Recorded the review")
            else:
                refused += 1
                assert code == 1 and f"notes: {name}\n" not in text
                assert err.count("\n") == 1 and "run this command again" in err, err
    assert text.count("- date: 2022-") == 100 - refused
    assert refused == 0, "the second officer waits for the first, then records on top of the new file"


def test_the_review_goes_before_a_closing_document_marker(register, entry):
    entry.write_text("---\n" + ENTRY + "...\n# written by the old system\n")
    code, _, err = record(register)
    assert code == 0, err
    assert entry.read_text().endswith(
        "start: 2021-04-01\nreview:\n  history:\n    - date: 2026-01-15\n      outcome: continue\n"
        "...\n# written by the old system\n"
    )


def test_a_file_whose_keys_are_all_indented_keeps_its_indent(register, entry):
    entry.write_text("".join("  " + line for line in ENTRY.splitlines(keepends=True)))
    code, _, err = partreg(*REVIEW[:3], "exit", *REVIEW[4:], "--end", "2026-03-31", cwd=register)
    assert code == 0, err
    assert entry.read_text().endswith(
        "  start: 2021-04-01\n  end: 2026-03-31\n  review:\n    history:\n      - date: 2026-01-15\n"
        "        outcome: exit\n"
    )


def test_a_history_ending_in_an_alias_is_refused_not_guessed(register, entry):
    before = ENTRY + (
        "review:\n  history:\n    - date: 2025-01-10\n      outcome: continue\n      by: &officer Grants Officer\n"
        "    - date: 2025-07-10\n      outcome: continue\n      by: *officer\n"
    )
    entry.write_text(before)
    code, _, err = record(register)
    assert code == 1 and "ends with an alias" in err
    assert entry.read_text() == before


def test_line_separators_pasted_into_the_options_are_line_breaks_and_spaces(register, entry):
    code, _, err = record(register, "--notes", "Met\u2028agreed\u2029next", "--by", "Grants\u0085Officer")
    assert code == 0, err
    [held] = load_fast_data(entry.read_text())["review"]["history"]
    assert (held["notes"], held["by"]) == ("Met\nagreed\nnext", "Grants Officer")


def test_review_dates_may_be_written_the_uk_way(register, entry):
    code, out, err = partreg(
        *REVIEW[:3], "exit", "--date", "14/10/2026", "--end", "31 March 2027", cwd=register
    )
    assert code == 0, err
    assert "on 2026-10-14 (exit); it ends on 2027-03-31" in out
    code, _, err = partreg(*REVIEW[:3], "continue", "--date", "32/10/2026", cwd=register)
    assert code == 2 and "'32/10/2026' is not a real date: October 2026 has 31 days" in err


def test_a_date_that_reads_either_way_round_is_asked_for_again(register, entry):
    code, _, err = partreg(*REVIEW[:3], "continue", "--date", "1/4/2026", cwd=register)
    assert code == 2 and "(did you mean 2026-04-01?)" in err
    assert entry.read_text() == ENTRY


@pytest.mark.slow
def test_the_command_lint_suggests_for_a_late_review_records_it(register):
    """Lint said "record it with `partreg review X`", which failed: --outcome is required."""
    import json
    import re

    code, out, _ = partreg("lint", "--format", "json", "--as-of", "2026-11-24", cwd=register)
    late = [r for r in json.loads(out)["results"] if r["rule"] in ("review-overdue", "no-review-history")]
    assert late
    for result in late:
        [command] = re.findall(r"`(partreg review [^`]+)`", result["message"])
        args = command.replace("YYYY-MM-DD", "2026-11-20").split()[1:]
        code, _, err = partreg(*args, cwd=register)
        assert code == 0, (command, err)
    code, out, _ = partreg("lint", "--format", "json", "--as-of", "2026-11-24", cwd=register)
    assert not [r for r in json.loads(out)["results"] if r["rule"] in ("review-overdue", "no-review-history")]


def test_a_file_system_without_locks_still_records_the_review(register, entry, monkeypatch):
    """Some network shares refuse `flock` (ENOLCK): that was a traceback."""
    import errno
    import fcntl

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    code, _, err = record(register)
    assert code == 0, err
    assert "- date: 2026-01-15" in entry.read_text()


def test_an_exit_from_an_entry_with_no_start_puts_the_end_where_the_format_does(register, entry):
    """With no `start` to follow, `end` went to the end of the file, after `links`."""
    links = "links:\n  - title: Grants page\n    url: https://example.org/grants\n"
    entry.write_text(ENTRY.replace("start: 2021-04-01\n", "") + links)
    code, _, err = partreg(*REVIEW[:3], "exit", "--date", "2026-03", "--end", "2027-03-31", cwd=register)
    assert code == 0, err
    assert entry.read_text().endswith(
        "end: 2027-03-31\nreview:\n  history:\n    - date: 2026-03\n      outcome: exit\n" + links
    )


# --------------------------------------------------------------------------- a review recorded late

KEPT = """\
# Community Safety Partnership - kept by the Community Safety team
id: csp
title: Community Safety Partnership
kind: joint-working
status: active
summary: Statutory partnership on crime.   # see the Act
lead:
  role: Community Safety Manager
  service: Community Safety
partners:
  - name: Essex Police
start: 2019-04-01
review:
  months: 12   # annual, per the policy
  history:
    # first review after the restructure
    - date: 2022-06-30
      outcome: continue
      by: Community Safety Manager
    # Cabinet review, see minute 45
    - date: 2024-06-28
      outcome: amend    # new action plan
      notes: 'Action plan refreshed: see minute 45'
# internal notes below
internal:
  notes: Kept in the shared drive.
"""


def _lint(register, *args):
    import json

    _, out, _ = partreg("lint", "--format", "json", *args, cwd=register)
    return [p["rule"] for p in json.loads(out)["results"] if p["path"].endswith("csp.yaml")]


@pytest.mark.parametrize(
    ("held", "before", "added"),
    [
        (  # between two: after the review before it; the comment above the next stays with that one
            "2023-07-04",
            "    # Cabinet review, see minute 45\n",
            "    - date: 2023-07-04\n      outcome: continue\n      by: Community Safety Manager\n",
        ),
        (  # the oldest: first, under `history:`, above the comment on the first review
            "2021-05",
            "    # first review after the restructure\n",
            "    - date: 2021-05\n      outcome: continue\n      by: Community Safety Manager\n",
        ),
        (  # the latest: at the end, as before
            "2025-06-30",
            "# internal notes below\n",
            "    - date: 2025-06-30\n      outcome: continue\n      by: Community Safety Manager\n",
        ),
    ],
    ids=["between", "oldest", "latest"],
)
def test_a_review_goes_in_its_place_by_date_keeping_every_comment(register, held, before, added):
    """A review recorded late goes before the later ones, so the history stays oldest first (lint
    then has no review-history-out-of-order to say) and only the new lines are added."""
    path = register / "register" / "csp.yaml"
    path.write_text(KEPT)
    code, _, err = partreg(
        "review",
        "csp",
        "--date",
        held,
        "--outcome",
        "continue",
        "--by",
        "Community Safety Manager",
        cwd=register,
    )
    assert (code, err) == (0, ""), err
    assert path.read_text() == KEPT.replace(before, added + before, 1)
    assert _lint(register, "--as-of", "2025-06-01") == []  # (before the review the latest makes due)


def test_a_review_recorded_late_in_a_flow_history_goes_in_its_place():
    text = "id: x-y\nreview: {months: 12, history: [{date: 2024-06-28, outcome: amend}]}  # kept\n"
    new = add_review(text, {"date": dt.date(2023, 7, 4), "outcome": "continue"})
    assert [r["date"] for r in load_fast_data(new)["review"]["history"]] == ["2023-07-04", "2024-06-28"]


def test_a_history_in_no_order_is_added_to_at_the_end(register):
    """Where the history is not oldest first there is no order to keep: the review goes last, and
    lint goes on saying what it said of the order."""
    path = register / "register" / "csp.yaml"
    newest_first = KEPT.replace("2022-06-30", "2025-06-30")
    path.write_text(newest_first)
    assert partreg("review", "csp", "--date", "2023-07-04", "--outcome", "continue", cwd=register)[0] == 0
    assert path.read_text().endswith(
        "    - date: 2023-07-04\n      outcome: continue\n# internal notes below\ninternal:\n"
        "  notes: Kept in the shared drive.\n"
    )


def test_a_review_that_goes_on_after_the_recorded_end_of_an_ended_arrangement_is_refused(register, entry):
    """A `continue` after an exit and `status: ended` was written, lint then said nothing, and the
    page showed `Ended March 2024` beside `1 January 2026; Outcome: continue`."""
    ended = ENTRY.replace("status: active  # since the launch", "status: ended") + (
        "end: 2024-03\nreview:\n  history:\n    - date: 2024-02\n      outcome: exit\n"
    )
    entry.write_text(ended)
    code, out, err = record(register)
    assert code == 2 and out == ""
    assert err == (
        "partreg: --date 2026-01-15 is after its end: town-fund is recorded as ended in March 2024, and a "
        "review after that end that does not end it says it went on; if it is running again, write status: "
        "active and its new end: in its file first; nothing was written\n"
    )
    assert entry.read_text() == ended
    code, out, err = partreg(*REVIEW[:3], "continue", "--date", "2024-01-10", cwd=register)
    assert code == 0, err  # held before its end, recorded late: taken


def test_a_file_whose_lines_end_in_a_cr_alone_keeps_them(register, entry):
    """A file saved with CR line endings had been written back as one line of CRs, followed by the
    new review's lines ending CRLF."""
    text = ENTRY + "review:\n  months: 12  # yearly\n"
    entry.write_bytes(text.replace("\n", "\r").encode())
    code, _, err = record(register)
    assert (code, err) == (0, "")
    expected = text + "  history:\n    - date: 2026-01-15\n      outcome: continue\n"
    assert entry.read_bytes() == expected.replace("\n", "\r").encode()


def test_a_hash_in_quoted_text_of_a_flow_history_is_no_comment(register, entry):
    """`notes: "Action #3 agreed"` in a history in flow style had been refused as a comment that
    rewriting would lose; a real comment inside it still is."""
    entry.write_text(
        ENTRY
        + 'review: {months: 12, history: [{date: 2024-01-01, outcome: continue, notes: "Action #3 agreed"}]}\n'
    )
    code, _, err = record(register)
    assert (code, err) == (0, "")
    history = load_fast_data(entry.read_text())["review"]["history"]
    assert history[0]["notes"] == "Action #3 agreed" and history[1]["date"] == "2026-01-15"
    entry.write_text(ENTRY + "review: {months: 12,  # yearly\n  history: ['x #1']}\n")
    code, _, err = record(register)
    assert code != 0 and "holds a comment inside `review`" in err
    # a quote inside plain text starts no quoted text: the comment after it is one, and would be lost
    lost = "history: [{date: 2024-01-01, outcome: continue, notes: Chair said 'go ahead},  # ask 'legal'\n"
    entry.write_text(ENTRY + "review: {months: 12, " + lost + "  {date: 2025-01-01, outcome: continue}]}\n")
    code, _, err = record(register)
    assert code != 0 and "holds a comment inside `review`" in err


def test_text_that_yaml_1_1_reads_as_true_or_false_is_written_in_quotes(register, entry):
    """`--notes yes` had been written `notes: yes`, which PyYAML and yamllint read as true."""
    code, _, err = record(register, "--notes", "yes", "--by", "Community Grants Officer")
    assert code == 0, err
    assert entry.read_text().endswith(
        "      outcome: continue\n      by: Community Grants Officer\n      notes: 'yes'\n"
    )


def test_a_file_marked_read_only_is_not_replaced(register, entry):
    """A read-only file had been edited (by root, whom the system lets): marked so, it is not ours to
    change."""
    entry.chmod(0o444)
    code, _, err = record(register)
    assert code != 0 and "is marked read-only, so partreg does not replace it: make it writable first" in err
    assert entry.read_text() == ENTRY
    entry.chmod(0o644)


def test_the_file_keeps_its_owner_where_the_system_lets_partreg(register, entry):
    if os.getuid() != 0:
        pytest.skip("only root may give a file to another owner")
    os.chown(entry, 65534, 65534)  # nobody
    code, _, err = record(register)
    assert code == 0, err
    assert (entry.stat().st_uid, entry.stat().st_gid) == (65534, 65534)
