"""What an officer sees in a terminal 80 and 160 columns wide: no word, id or rule id cut in two.

Each command runs in a real pseudo-terminal of that width, as it would for an officer. The text
must fit the width by itself (a line longer than the terminal would be broken by the terminal,
anywhere), and every word of what it shows (titles, roles, messages, rule ids, help) must appear
whole. The screens are also kept as snapshots (UPDATE_GOLDEN=1 rewrites them after a deliberate
change), so a change in how they look is seen in review.
"""

import json
import os
import re
import subprocess
import sys

import pexpect
import pytest

from tests.common import REPO

pytestmark = pytest.mark.spawns

INCOMPLETE = REPO / "tests" / "fixtures" / "incomplete-register"
SNAPSHOTS = REPO / "tests" / "golden" / "terminal"
AS_OF = "2026-11-24"
SGR = re.compile(r"\x1b\[[0-9;]*m")


def screen(width, *args, cwd=REPO):
    """The command's output in a terminal ``width`` columns wide, without colour codes."""
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "COLUMNS": str(width)}
    env.pop("CI", None), env.pop("GITHUB_ACTIONS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "partreg", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        dimensions=(50, width),
        timeout=60,
    )
    child.expect(pexpect.EOF)
    child.close()
    text = SGR.sub("", child.before).replace("\r\n", "\n")
    return child.exitstatus, text


def data(*args, cwd=REPO, code=0):
    result = subprocess.run(
        [sys.executable, "-m", "partreg", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == code, result.stderr
    return json.loads(result.stdout)


def words(value):
    """Every word of every text in ``value``."""
    if isinstance(value, dict):
        return [w for v in value.values() for w in words(v)]
    if isinstance(value, list):
        return [w for v in value for w in words(v)]
    return str(value).split() if isinstance(value, str) else []


def assert_fits_and_nothing_is_cut(text, width, expected_words):
    too_long = [line for line in text.splitlines() if len(line) > width]
    assert not too_long, f"lines the terminal would break anywhere: {too_long[:3]}"
    shown = set(re.split(r"[\s│┃─━]+", text))
    cut = sorted({w for w in expected_words if w not in shown})
    assert not cut, f"words not shown whole (cut across lines?): {cut[:10]}"


def snapshot(name, width, text):
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    golden = SNAPSHOTS / f"{name}-{width}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text)
    assert text == golden.read_text(), f"{golden.name} changed: look at it, then UPDATE_GOLDEN=1"


@pytest.mark.parametrize("width", [80, 160])
def test_list(width):
    code, text = screen(width, "list")
    assert code == 0
    rows = data("list", "--format", "json")
    expected = [r["id"] for r in rows] + words([{k: r[k] for k in ("title", "lead_service")} for r in rows])
    assert_fits_and_nothing_is_cut(text, width, expected)
    assert all(r["next_review"] in text for r in rows if r["next_review"])
    snapshot("list", width, text)


@pytest.mark.parametrize("width", [80, 160])
def test_review_due(width):
    code, text = screen(width, "review-due", "--as-of", AS_OF, "--within", "60")
    assert code == 0
    items = data("review-due", "--as-of", AS_OF, "--within", "60", "--format", "json")
    expected = [i["id"] for i in items] + words([{"t": i["title"], "l": i["lead"]} for i in items])
    assert_fits_and_nothing_is_cut(text, width, expected)
    assert text.count("Overdue (") == 1, "one table, under one heading for each state"
    snapshot("review-due", width, text)


@pytest.mark.parametrize("width", [80, 160])
def test_lint_of_an_incomplete_register(width):
    code, text = screen(width, "lint", "--format", "text", "--as-of", AS_OF, cwd=INCOMPLETE)
    assert code == 1
    problems = data("lint", "--format", "json", "--as-of", AS_OF, cwd=INCOMPLETE, code=1)["results"]
    assert len(problems) > 20
    expected = [p["rule"] for p in problems] + words([p["message"] for p in problems])
    assert_fits_and_nothing_is_cut(text, width, expected)
    snapshot("lint", width, text)


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize(
    "command", [[], ["review"], ["lint"], ["import"]], ids=lambda c: c[0] if c else "partreg"
)
def test_help(width, command):
    code, text = screen(width, *command, "--help")
    assert code == 0
    assert_fits_and_nothing_is_cut(text, width, [])
    if not command:
        assert "..." not in text.split("Commands:")[1], "summaries are whole, not cut off"
    assert not re.search(r"<(str|int|dir|file|path|list)\b", text), (
        "no internal type names such as <list[str]>"
    )
    flowing = " ".join(text.split())
    if not command:
        order = [line.split()[0] for line in text.split("Commands:")[1].splitlines() if line[2:3].strip()]
        assert order == [
            "init", "import", "add", "list", "show", "classify", "review-due",
            "review", "history", "lint", "render", "export", "rules", "schema",
        ]  # fmt: skip
        assert (
            "lint Check register files: every problem in every file, with where it is and how to fix it."
            in flowing
        )
    else:
        assert "Example: partreg " + command[0] in flowing
    snapshot("help-" + ("-".join(command) or "partreg"), width, text)


@pytest.mark.parametrize(
    "command", [["list"], ["review-due", "--as-of", AS_OF, "--within", "60"]], ids=["list", "review-due"]
)
def test_into_a_pipe_the_table_is_whole_not_cropped_to_80_columns(command):
    result = subprocess.run(
        [sys.executable, "-m", "partreg", *command], cwd=REPO, capture_output=True, text=True, check=True
    )
    rows = data(*command, "--format", "json")
    assert "…" not in result.stdout, "no cell cut short"
    headers = result.stdout.splitlines()[0].split()
    assert "date" in headers or "review" in headers, headers
    shown = set(result.stdout.split())
    titles = words([r["title"] for r in rows])
    assert {r["id"] for r in rows} <= shown and set(titles) <= shown
    dates = [r.get("next_review") or r.get("end") for r in rows]
    assert all(d in result.stdout for d in dates if d)


def test_an_error_of_several_lines_starts_each_line_as_partreg(capsys):
    """Each line of an error is partreg's (several mistakes at once, or a value with a line break
    in it): no line of stderr reads as another program's."""
    from partreg import report

    report.error("partreg.yaml:2:1: one\npartreg.yaml:3:1: two \x1b[2J")
    assert (
        capsys.readouterr().err == "partreg: partreg.yaml:2:1: one\npartreg: partreg.yaml:3:1: two \\x1b[2J\n"
    )
