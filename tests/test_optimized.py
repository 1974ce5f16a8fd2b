"""Every command works under ``python -OO``, which strips docstrings: the rules' documentation is data."""

import csv
import subprocess
import sys

import pytest

from tests import council_sheets
from tests.common import REPO

pytestmark = pytest.mark.spawns

ENTRY = "brentwood-community-fund"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--help",), 0),
        (("rules",), 0),
        (("rules", "--format", "markdown"), 0),
        (("rules", "personal-data"), 0),
        (("schema",), 0),
        (("lint", "--as-of", "2026-11-24"), 0),
        (("lint", "--format", "sarif"), 0),
        (("lint", "--format", "json"), 0),
        (("lint", "--format", "github"), 0),
        (("list",), 0),
        (("show", ENTRY), 0),
        (("review-due", "--as-of", "2026-11-24"), 0),
        (("review-due", "--format", "ics"), 0),
        (("classify", ENTRY), 0),
        (("render", "--out", "site"), 0),
        (("review", ENTRY, "--outcome", "continue", "--date", "2026-05-20"), 0),
        (("import", "council.csv"), 1),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else None,
)
def test_every_command_runs_with_docstrings_stripped(register, args, code):
    with (register / "council.csv").open("w", newline="", encoding="utf-8") as sheet:
        csv.writer(sheet).writerows([council_sheets.HEADERS, *council_sheets.ROWS])
    result = subprocess.run(
        [sys.executable, "-OO", "-m", "partreg", *args], cwd=register, capture_output=True, text=True
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stdout + result.stderr
    assert result.stdout.strip()


def test_the_rules_documentation_survives_optimisation():
    script = "from partreg.rules import ALL; print(sum(bool(r.doc and r.summary) for r in ALL), len(ALL))"
    out = subprocess.run(
        [sys.executable, "-OO", "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout
    done, total = out.split()
    assert done == total and int(total) > 40


@pytest.mark.parametrize(
    "command",
    [
        "lint",
        "rules",
        "schema",
        "list",
        "show",
        "review-due",
        "review",
        "history",
        "render",
        "init",
        "import",
        "classify",
        "add",
    ],
)
def test_every_commands_help_keeps_its_description_and_example(command):
    result = subprocess.run(
        [sys.executable, "-OO", "-m", "partreg", command, "--help"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0 and "Example: partreg" in result.stdout, result.stdout
