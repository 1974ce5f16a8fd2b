"""A new council's first day: init, add, lint, render, import; and a messy spreadsheet."""

import datetime as dt
import io
import os
import re
import subprocess
import sys
import textwrap

import pexpect
import pytest
import yaml_rs
from openpyxl import Workbook

from partreg.app.register import open_register
from partreg.yaml.reading import load_fast_data
from tests.common import REPO
from tests.common import run_partreg as partreg

pytestmark = pytest.mark.spawns

PRIORITIES = ["Growing our economy", "Safer streets"]


@pytest.fixture
def council(tmp_path):
    args = ["init", "reg", "--council", "Test Borough Council"]
    for p in PRIORITIES:
        args += ["--priority", p]
    partreg(tmp_path, *args, check=True)
    return tmp_path / "reg"


def test_init_scaffolds_a_register_that_loads(council):
    names = sorted(str(p.relative_to(council)) for p in council.rglob("*") if p.is_file())
    assert names == [
        ".github/workflows/partreg.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "partreg.yaml",
        "register/.gitkeep",
        "schema/arrangement.v1.json",
    ]
    register = open_register(council)
    assert register.problems == [] and register.settings.council == "Test Borough Council"
    assert register.settings.priorities == {
        "growing-our-economy": "Growing our economy",
        "safer-streets": "Safer streets",
    }
    workflow = load_fast_data((council / ".github/workflows/partreg.yml").read_text())
    assert {"lint", "publish", "reviews"} <= set(workflow["jobs"])
    steps = " ".join(str(s.get("run", "")) for job in workflow["jobs"].values() for s in job["steps"])
    assert (
        "partreg lint --format github" in steps
        and "review-due --fail-on-overdue" in steps
        and "render" in steps
    )
    hooks = load_fast_data((council / ".pre-commit-config.yaml").read_text())
    assert [h["id"] for h in hooks["repos"][0]["hooks"]] == ["partreg-lint", "partreg-lint-all"]
    assert "Test Borough Council" in (council / "README.md").read_text()


def test_the_pre_commit_hooks_take_every_file_lint_reads():
    from partreg.folders import is_entry_name

    names = ["a.yaml", "b.yml", "c.YAML", "d.YML", "e.Yaml", "notes.txt", "f.yaml.bak"]
    hooks = [
        *load_fast_data((REPO / ".pre-commit-hooks.yaml").read_text()),
        *load_fast_data((REPO / "templates" / "init" / "pre-commit-config.yaml").read_text())["repos"][0][
            "hooks"
        ],
    ]
    for hook in hooks:
        taken = [n for n in names if re.search(hook["files"], f"register/{n}")]
        assert taken == [n for n in names if is_entry_name(n)], (hook["id"], taken)


def test_init_never_replaces_a_file(tmp_path):
    (tmp_path / "reg").mkdir()
    (tmp_path / "reg" / "README.md").write_text("ours")
    result = partreg(tmp_path, "init", "reg", "--council", "X")
    assert result.returncode == 2 and "never replaces" in result.stderr
    assert (tmp_path / "reg" / "README.md").read_text() == "ours"
    assert not (tmp_path / "reg" / "partreg.yaml").exists(), "nothing is written when anything exists"


def test_init_without_a_terminal_needs_the_council(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "init", "x"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2 and "--council" in result.stderr


def test_a_new_council_adds_lints_renders_and_imports(council, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        textwrap.dedent("""\
        id: night-time-forum
        title: Night Time Economy Forum
        kind: joint-working
        status: active
        summary: Venues, police and the council discuss the town centre at night.
        lead: {role: Licensing Manager, service: Licensing}
        priorities: [safer-streets]
        partners: [{name: Essex Police, sector: public}]
        characteristics: {discussion_forum: true, formal_agreement: false}
        start: 2024-05-01
        """)
    )
    partreg(council, "add", "--from", str(draft), check=True)
    assert partreg(council, "lint", "--as-of", "2024-06-01").returncode == 0
    partreg(council, "render", "--out", "site", "--as-of", "2024-06-01", check=True)
    assert "Night Time Economy Forum" in (council / "site" / "index.html").read_text()
    sheet = tmp_path / "old.csv"
    sheet.write_text(
        "Title,Kind,Lead role,Lead service,Partners,Start date,Funding amount\n"
        "Scout hut grant,Community funding,Grants Officer,Community Services,Scout Group,01/04/2025,3500\n"
    )
    result = partreg(council, "import", str(sheet), "--write")
    assert result.returncode == 0 and "Wrote 1 file to register/." in result.stdout
    assert "Incomplete: 1 of 1 new entry; most often missing or to fix: funding-missing-details" in (
        result.stdout
    )
    lint = partreg(council, "lint", "--as-of", "2025-06-01")
    assert (
        lint.returncode == 1
        and "scout-hut-grant.yaml" in lint.stdout
        and "add `period_start:` under the file's `funding:`" in lint.stdout
    ), "a grant needs its period and actions: written, and lint says so"


MESSY_HEADERS = [
    "Title",
    "Kind",
    "Status",
    "Lead officer",
    "Service",
    "Partners",
    "Start date",
    "Contract reference",
    "Contract value",
    "Priorities",
    "Notes",
]
MESSY_ROWS = [
    [
        "Street cleansing",
        "Contract",
        "Active",
        "Street Scene Manager",
        "Environment",
        "BIFFA",
        dt.datetime(2019, 4, 1),
        "ENV-1",
        "£1,200,000",
        "",
        "kept",
    ],
    [
        "Leisure centre",
        "contract",
        "active",
        "Leisure Manager",
        "Leisure",
        "Everyone Active",
        "01/10/2021",
        "LEI-7",
        250000,
        "",
        "",
    ],
    ["", "Contract", "Active", "Manager", "Service", "Someone", "2020-01-01", "X-1", 5, "", "no title"],
    ["Bad kind", "Alliance", "Active", "Manager", "Service", "Someone", "2020-01-01", "X-2", 5, "", ""],
    ["Bad date", "Contract", "Active", "Manager", "Service", "Someone", "31/02/2020", "X-3", 5, "", ""],
    ["Bad money", "Contract", "Active", "Manager", "Service", "Someone", "2020-01-01", "X-4", "lots", "", ""],
    ["No partner", "Contract", "Active", "Manager", "Service", "", "2020-01-01", "X-5", 5, "", ""],
    [
        "Unknown priority",
        "Contract",
        "Active",
        "Manager",
        "Service",
        "Someone",
        "2020-01-01",
        "X-6",
        5,
        "Moon landings",
        "",
    ],
    [None] * 11,
    [
        "Street cleansing",
        "Contract",
        "Active",
        "Manager",
        "Service",
        "Someone",
        "2020-01-01",
        "X-7",
        5,
        "",
        "same id as row 2",
    ],
]


def test_a_messy_spreadsheet_becomes_an_entry_a_row_with_nothing_lost(council, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(MESSY_HEADERS)
    for row in MESSY_ROWS:
        sheet.append(row)
    path = tmp_path / "messy.xlsx"
    book.save(path)

    dry = partreg(council, "import", str(path), "--map", "Lead officer=lead.role")
    assert dry.returncode == 1, "cells kept in the notes are for the officer to look at"
    assert list((council / "register").glob("*.yaml")) == [], "a dry run writes nothing"
    assert re.search(r"K 'Notes' +→ internal notes", dry.stdout)
    cells = [
        line.split(": [")[0].rsplit(":", 2)[1:] for line in dry.stdout.splitlines() if ": [warning]" in line
    ]
    assert cells == [["4", "A"], ["5", "B"], ["6", "G"], ["7", "I"], ["11", "A"]], (
        "a row with no title, the kind, the date and the amount that cannot be read, and a title that "
        "repeats another row's"
    )
    for needle in [
        ":5:B: [warning] 'Kind': 'Alliance' kept in internal notes: not one of the policy's four kinds",
        ":6:G: [warning] 'Start date': '31/02/2020' kept in internal notes: not a real date",
        ":7:I: [warning] 'Contract value': 'lots' kept in internal notes: not an amount in pounds",
        ":11:A: [warning] 'Title': row 2 has the same title, with other cells: if they are the same arrangement",
        "9 rows: 9 to write.",
        "1 blank row passed over: 10.",
    ]:
        assert needle in dry.stdout, needle

    wet = partreg(council, "import", str(path), "--map", "Lead officer=lead.role", "--write")
    assert wet.returncode == 1 and "Wrote 9 files to register/." in wet.stdout
    written = sorted(p.stem for p in (council / "register").glob("*.yaml"))
    [untitled] = [name for name in written if name.startswith("messy-untitled-")]
    assert written == [
        "bad-date",
        "bad-kind",
        "bad-money",
        "leisure-centre",
        untitled,
        "no-partner",
        "street-cleansing",
        "street-cleansing-2",
        "unknown-priority",
    ]
    data = {
        p.stem: yaml_rs.loads(p.read_text(), parse_datetime=False)
        for p in (council / "register").glob("*.yaml")
    }
    assert data["street-cleansing"]["contract"] == {"reference": "ENV-1", "value_gbp": 1200000}
    assert data["street-cleansing"]["start"] == "2019-04-01"
    assert data["street-cleansing"]["lead"] == {"role": "Street Scene Manager", "service": "Environment"}
    assert data["street-cleansing"]["internal"] == {"notes": "Notes: kept"}
    assert data[untitled]["internal"] == {"notes": "Notes: no title"} and "title" not in data[untitled]
    assert data["bad-kind"]["internal"] == {"notes": "Kind: Alliance"} and "kind" not in data["bad-kind"]
    assert (
        data["bad-date"]["internal"] == {"notes": "Start date: 31/02/2020"}
        and "start" not in data["bad-date"]
    )
    assert data["unknown-priority"]["priorities"] == ["moon-landings"]
    lint = partreg(council, "lint", "--as-of", "2020-01-01", "--format", "parsable")
    assert lint.returncode == 1
    for needle in [
        f"register/{untitled}.yaml:1:1: [error] 'title' is not recorded",
        "register/bad-kind.yaml:1:1: [error] 'kind' is not recorded",
        "register/no-partner.yaml:1:1: [error] no partner is recorded",
        "register/unknown-priority.yaml:",
    ]:
        assert needle in lint.stdout, needle
    again = partreg(council, "import", str(path), "--map", "Lead officer=lead.role", "--write")
    assert again.returncode == 0, again.stderr
    assert "9 already in the register (not written again)" in again.stdout and "Wrote 0 files" in again.stdout


def test_the_sample_spreadsheet_from_the_example_register(council):
    result = partreg(council, "import", str(REPO / "tests" / "fixtures" / "sample-register.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "11 rows: 11 to write." in result.stdout and list((council / "register").glob("*.yaml")) == []
    assert "Incomplete: 11 of 11 new entries" in result.stdout
    assert "partnership-missing-elements (3)" in result.stdout, (
        "the policy's elements a spreadsheet lacks, one problem each"
    )


def test_bad_arguments(council, tmp_path):
    (tmp_path / "x.txt").write_text("a")
    assert partreg(council, "import", str(tmp_path / "x.txt")).returncode == 2
    assert partreg(council, "import", str(tmp_path / "missing.csv")).returncode == 2
    (tmp_path / "t.csv").write_text("Title\nA\n")
    assert partreg(council, "import", str(tmp_path / "t.csv"), "--map", "X=nonsense").returncode == 2
    (tmp_path / "notitle.csv").write_text("Name of thing\nA\n")
    notitle = partreg(council, "import", str(tmp_path / "notitle.csv"))
    assert notitle.returncode == 2 and "no header row" in notitle.stderr


def test_init_refuses_what_would_not_load_in_one_line(tmp_path):
    empty = partreg(tmp_path, "init", "a", "--council", "")
    assert empty.returncode == 2 and empty.stderr.strip() == (
        "partreg: the council's name is empty: give it, e.g. --council 'Brentwood Borough Council'"
    )
    same = partreg(tmp_path, "init", "b", "--council", "X", "--priority", "Economy", "--priority", "economy")
    assert same.returncode == 2 and "'Economy' and 'economy' would both have the id 'economy'" in same.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_a_priority_whose_id_another_has_is_refused_at_its_prompt(tmp_path):
    """Asked at a terminal, Economy then economy: the second is asked again there, not refused once
    everything has been asked (exit 2, nothing written)."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "partreg", "init", "reg"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 200),
    )
    child.logfile_read = screen = io.StringIO()
    for prompt, reply in [
        ("The council's name: ", "Test Borough Council"),
        ("Priority 1 (optional): ", "Economy"),
        ("Priority 2 (optional): ", "economy"),
        ("Priority 2 (optional): ", "ECONOMY!"),
        ("Priority 2 (optional): ", "Housing"),
        ("Priority 3 (optional): ", ""),
    ]:
        child.expect_exact(prompt)
        child.sendline(reply)
    child.expect(pexpect.EOF)
    child.close()
    said = " ".join(screen.getvalue().split())
    assert child.exitstatus == 0, said
    assert "'economy' is priority 1 ('Economy'): give the next one, or press Enter to finish." in said
    assert "The priorities 'Economy' and 'ECONOMY!' would both have the id 'economy'" in said
    assert open_register(tmp_path / "reg").settings.priorities == {"economy": "Economy", "housing": "Housing"}


def test_priorities_in_any_script_keep_their_own_ids_and_import_finds_them(tmp_path):
    partreg(tmp_path, "init", "r", "--council", "X", "--priority", "经济", "--priority", "社区", check=True)
    text = (tmp_path / "r" / "partreg.yaml").read_text()
    assert 'priority-1: "经济"' in text and 'priority-2: "社区"' in text
    (tmp_path / "s.csv").write_text(
        "Partnership name,Corporate priority\nA forum,经济\nB forum,社区\n", "utf-8"
    )
    partreg(tmp_path / "r", "import", str(tmp_path / "s.csv"), "--write", check=True)
    data = {p.stem: yaml_rs.loads(p.read_text()) for p in (tmp_path / "r" / "register").glob("*.yaml")}
    assert data["a-forum"]["priorities"] == ["priority-1"] and data["b-forum"]["priorities"] == ["priority-2"]


@pytest.mark.parametrize(
    ("direct_url", "install", "known"),
    [
        (None, "'partreg==1.2.3'", True),  # from a package index
        (
            '{"url": "https://github.com/council/partreg", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}',
            "'partreg @ git+https://github.com/council/partreg@abc123'",
            True,
        ),
        ('{"url": "file:///home/me/partreg", "dir_info": {"editable": true}}', "'partreg==1.2.3'", False),
        (  # a wheel on the web, with the hash pip recorded
            '{"url": "https://example.org/dist/partreg-1.2.3-py3-none-any.whl", '
            '"archive_info": {"hashes": {"sha256": "5f3e"}}}',
            "'partreg @ https://example.org/dist/partreg-1.2.3-py3-none-any.whl#sha256=5f3e'",
            True,
        ),
        (  # a wheel on this machine: a CI runner cannot reach it
            '{"url": "file:///tmp/partreg-1.2.3-py3-none-any.whl", "archive_info": {}}',
            "'partreg==1.2.3'",
            False,
        ),
    ],
)
def test_the_workflow_installs_partreg_from_where_it_came(monkeypatch, direct_url, install, known):
    import importlib.metadata

    from partreg.app import starting

    class Found:
        version = "1.2.3"

        def read_text(self, name):
            return direct_url if name == "direct_url.json" else None

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Found())
    assert starting.install_spec() == (install, known)
    from partreg.scaffold import TEMPLATES, scaffold

    source = REPO / "templates" / "init"
    files = scaffold("Test Borough Council", [], {n: (source / n).read_text() for n in TEMPLATES}, install)
    workflow = files[".github/workflows/partreg.yml"]
    assert workflow.count(f"- run: pip install {install}\n") == 3 and "pip install partreg\n" not in workflow
    jobs = load_fast_data(workflow)["jobs"]
    assert (
        "needs" not in jobs["publish"]
    )  # a register with gaps is published; render refuses what it cannot read


def test_a_priority_named_by_a_letter_has_a_priority_s_id_not_an_arrangement_s():
    from partreg.importer.values import priority_ids
    from partreg.models import Settings
    from partreg.scaffold import priority_id

    assert priority_id("A", 1) == "a-priority"
    assert priority_id("Economy", 2) == "economy"
    assert priority_ids(["A", "Economy"], None) == ["a-priority", "economy"]
    settings = Settings(council="X", priorities={"a-priority": "A"})
    assert priority_ids(["a"], settings) == ["a-priority"], "a sheet's 'a' is the priority init named"


@pytest.mark.parametrize(
    ("make", "in_the_way"),
    [
        (lambda d: os.symlink("/nonexistent", d / "README.md"), "README.md already exists"),
        (lambda d: (d / ".github").write_text("x"), ".github already exists"),
        (lambda d: (d / "schema").write_text("x"), "schema already exists"),
    ],
    ids=["a-link-to-nothing", "a-file-where-a-folder-goes", "a-file-named-as-a-folder"],
)
def test_init_writes_nothing_where_anything_is_in_the_way(tmp_path, make, in_the_way):
    """A link to nothing where README.md goes, or a file named `.github`, had been found only as
    init wrote: partreg.yaml and register/ were left behind, and init then refused to run again."""
    from partreg.app.starting import start_register
    from partreg.errors import UsageError

    make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(UsageError, match=in_the_way):
        start_register(tmp_path, "Test Council", ["Growth"])
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_file_init_cannot_write_leaves_none_of_the_register(tmp_path, monkeypatch):
    from partreg.app import starting

    real, count = starting.write_atomic, []

    def fails_third(path, text, **kwargs):
        count.append(path)
        if len(count) == 3:
            raise OSError(28, "No space left on device")
        return real(path, text, **kwargs)

    monkeypatch.setattr(starting, "write_atomic", fails_third)
    with pytest.raises(OSError):
        starting.start_register(tmp_path / "new", "Test Council", ["Growth"])
    assert not (tmp_path / "new").exists(), "the folder init made is gone with the files written in it"
    (tmp_path / "there").mkdir()
    count.clear()
    with pytest.raises(OSError):
        starting.start_register(tmp_path / "there", "Test Council", ["Growth"])
    assert list((tmp_path / "there").iterdir()) == [], (
        "a folder that was there stays, emptied of init's files"
    )
