"""The commands as a user runs them: exit codes, formats, and never a traceback."""

import csv
import io
import json
import os
import subprocess
import sys

import jsonschema
import pytest
from typer.testing import CliRunner

from partreg.cli import app
from partreg.folders import register_files
from tests.common import PARTNERSHIP, REPO, replace

runner = CliRunner()
#: A day on which nothing in the example register is due, for tests about output formats.
QUIET_DAY = "2015-06-01"


def partreg(*args, cwd=REPO):
    """Run the CLI in ``cwd``; returns (exit code, stdout, stderr)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_the_example_register_lints_clean():
    """No errors; as of the day it was written, its three overdue reviews are warned about."""
    code, out, _ = partreg("lint", "register/", "--as-of", "2026-11-24", "-f", "json")
    results = json.loads(out)["results"]
    assert code == 0
    assert sorted((r["path"], r["rule"]) for r in results) == [
        ("register/brentwood-community-safety-partnership.yaml", "review-overdue"),
        ("register/joint-leisure-services-contract.yaml", "review-overdue"),
        ("register/local-support-services-framework.yaml", "no-review-history"),
    ]
    # as of a day in 2015, the one thing to say: the leisure trust, wound up in 2020, is recorded as
    # ended before the end it records
    code, out, _ = partreg("lint", "register/", "--as-of", QUIET_DAY, "-f", "parsable")
    assert code == 0
    assert [line.split(": [")[0] for line in out.splitlines()] == [
        "register/brentwood-leisure-trust.yaml:10:9"
    ]
    assert out.endswith("(status-contradicted)\n")


@pytest.fixture
def register(register):
    """A copy of the example register on which nothing is to be said as of :data:`QUIET_DAY`: the
    leisure trust, wound up in 2020, is recorded as ended before its end then, which the rule that
    says so (``status-contradicted``) is set off here for, by the settings, as a council may."""
    with (register / "partreg.yaml").open("a", encoding="utf-8") as settings:
        settings.write("rules:\n  status-contradicted: off\n")
    return register


def test_lint_defaults_to_the_register_found_upward(register):
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "-f", "text", cwd=register / "register")
    assert code == 0 and f"{len(register_files(register))} files checked" in out


def test_every_problem_in_every_file_parsable(register):
    (register / "register" / "broken.yaml").write_text("id: broken\ntitle: [oops\n")
    (register / "register" / "typo.yaml").write_text(
        replace(PARTNERSHIP, "status:", "statuss:").replace("test-partnership", "typo")
    )
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "--format", "parsable", cwd=register)
    assert code == 1
    [broken, typo] = out.splitlines()
    assert broken.startswith("register/broken.yaml:2:8: [error] is not valid YAML: ")
    assert broken.endswith("the [ list that starts here is not closed: add ] at its end (yaml-syntax)")
    assert (
        typo == "register/typo.yaml:4:1: [error] unknown key 'statuss' (did you mean 'status'?) (unknown-key)"
    )


def test_json_format_shape(register):
    (register / "register" / "empty.yaml").write_text("")
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "-f", "json", cwd=register)
    document = json.loads(out)
    assert code == 1
    assert document["version"] == 1
    assert document["summary"] == {"files": len(register_files(register)), "errors": 1, "warnings": 0}
    [result] = document["results"]
    assert set(result) == {"path", "line", "column", "rule", "severity", "message", "key"}
    assert (result["path"], result["rule"]) == ("register/empty.yaml", "empty-file")


def test_warnings_fail_only_with_strict(register):
    target = register / "register" / "local-support-services-framework.yaml"
    target.write_text(
        target.read_text().replace("    mitigation: Partners report capacity at each review\n", "")
    )
    assert partreg("lint", "--as-of", QUIET_DAY, cwd=register)[0] == 0
    assert partreg("lint", "--as-of", QUIET_DAY, "--strict", cwd=register)[0] == 1


def test_text_format_groups_by_file_without_colour_off_a_terminal(register):
    (register / "register" / "empty.yaml").write_text("")
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "-f", "text", cwd=register)
    assert code == 1
    assert out.startswith("register/empty.yaml\n")
    assert "\x1b[" not in out
    assert "1 error, 0 warnings in 1 of" in out


def test_settings_problems_are_reported_against_partreg_yaml(register):
    (register / "partreg.yaml").write_text("council: X\npriorites: {}\n")
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "-f", "parsable", cwd=register)
    assert code == 1
    assert out.startswith("partreg.yaml:2:1: [error] unknown key 'priorites' (did you mean 'priorities'?)")


def test_usage_errors_exit_2(tmp_path):
    assert partreg("lint", "no/such/file.yaml")[0] == 2
    assert partreg("lint", cwd=tmp_path)[0] == 2
    assert partreg("lint", "--format", "xml")[0] == 2
    assert partreg("list", "--kind", "partnershp")[0] == 2
    assert partreg("list", "--root", str(tmp_path))[0] == 2


@pytest.mark.slow
def test_list_filters_and_formats():
    code, out, _ = partreg("list", "--kind", "partnership", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and rows and {r["kind"] for r in rows} == {"partnership"}
    _, out, _ = partreg("list", "--status", "ended", "-f", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert table and {r["status"] for r in table} == {"ended"}
    _, out, _ = partreg("list", "--priority", "efficient-and-effective-council", "-f", "json")
    assert all("efficient-and-effective-council" in r["priorities"] for r in json.loads(out))
    _, out, _ = partreg("list")
    assert "Partnership (" in out and "Community funding (" in out


def test_show_hides_internal_notes_unless_asked():
    code, out, _ = partreg("show", "brentwood-community-safety-partnership", "-f", "json")
    record = json.loads(out)
    assert code == 0 and record["id"] == "brentwood-community-safety-partnership"
    assert "internal" not in record
    _, out, _ = partreg("show", "brentwood-community-safety-partnership", "-f", "json", "--internal")
    assert "internal" in json.loads(out)


def test_show_unknown_id_suggests_one():
    code, _, err = partreg("show", "brentwood-community-safety")
    assert code == 2
    assert "did you mean 'brentwood-community-safety-partnership'" in err


def test_rules_lists_every_rule_and_explains_one():
    code, out, _ = partreg("rules")
    assert code == 0 and "unknown-key" in out and "partnership-missing-risks" in out
    from partreg.rules import ALL

    lines = out.splitlines()  # into a pipe: a rule a line, whole, each with its severity and summary
    assert [line.split()[0] for line in lines] == [rule.id for rule in ALL]
    assert all(
        f" {rule.severity!s} " in line and line.endswith(rule.summary)
        for rule, line in zip(ALL, lines, strict=True)
    )
    code, out, _ = partreg("rules", "unknown-key")
    assert code == 0 and "Why it matters:" in out
    assert partreg("rules", "unknwn-key")[0] == 2


@pytest.mark.slow
def test_schema_validates_the_example_register_and_rejects_typos():
    from partreg.yaml.reading import load_fast_data

    code, out, _ = partreg("schema")
    schema = json.loads(out)
    assert code == 0
    validator = jsonschema.Draft202012Validator(schema)
    for path in register_files(REPO):
        validator.validate(load_fast_data(path.read_text()))
    bad = load_fast_data(replace(PARTNERSHIP, "status:", "statuss:"))
    assert not validator.is_valid(bad)


@pytest.mark.slow
def test_the_published_schema_is_current():
    _, out, _ = partreg("schema")
    assert (REPO / "schema" / "arrangement.v1.json").read_text() == out, "run `make schema`"


@pytest.mark.spawns
def test_the_installed_command_never_shows_a_traceback(tmp_path):
    """The real entry point, on every kind of broken file at once."""
    folder = tmp_path / "register"
    folder.mkdir()
    (tmp_path / "partreg.yaml").write_text(
        "council: Test\npriorities: {developing-our-communities: Communities}\n"
    )
    (folder / "binary.yaml").write_bytes(bytes(range(256)))
    (folder / "utf16.yaml").write_bytes("id: x\n".encode("utf-16"))
    (folder / "dir.yaml").mkdir()
    (folder / "tags.yaml").write_text("id: tags\ntitle: !!python/object/apply:os.system [echo hi]\n")
    (folder / "list.yaml").write_text("- a\n- b\n")
    (folder / "deep.yaml").write_text("a: " + "[" * 10000 + "]" * 10000 + "\n")
    (folder / "good.yaml").write_text(PARTNERSHIP.replace("test-partnership", "good"))
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "-f", "parsable", "--as-of", "2021-05-01"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 6, result.stdout
    assert {line.split(":")[0] for line in lines} == {
        f"register/{n}.yaml" for n in ("binary", "utf16", "dir", "tags", "list", "deep")
    }


def test_list_filters_take_values_as_an_officer_types_them():
    code, out, _ = partreg("list", "--status", "Active", "--kind", "Community Funding", "--format", "json")
    same, expected, _ = partreg(
        "list", "--status", "active", "--kind", "community-funding", "--format", "json"
    )
    assert code == same == 0 and out == expected and json.loads(out)
    code, _, err = partreg("list", "--status", "Live")
    assert code == 2 and "is not one of proposed, active, ended" in err


def test_show_writes_whole_amounts_as_they_were_written():
    code, out, _ = partreg("show", "brentwood-community-fund")
    assert code == 0 and "amount_gbp: 36300\n" in out


@pytest.mark.spawns
def test_the_list_of_commands_loads_none_of_them():
    """`partreg --help` lists every command from the catalogue, and imports no command's module."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from partreg.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.startswith('partreg.cli.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['partreg.cli.catalogue', 'partreg.cli.framework']"


def test_each_command_is_declared_where_the_catalogue_says_with_its_line_of_help():
    from typer.main import get_command

    from partreg.cli.catalogue import COMMANDS
    from partreg.cli.framework import summary

    group = get_command(app)
    assert list(group.list_commands(None)) == list(COMMANDS)  # type: ignore[attr-defined]
    for name, (module, line) in COMMANDS.items():
        command = group.commands[name]  # type: ignore[attr-defined]
        assert name == "export" or command.callback.__module__ == f"partreg.cli.{module}"
        assert summary(command.help) == line


@pytest.mark.parametrize(
    "command", [["show"], ["classify"], ["history"], ["review", "--outcome", "continue"]]
)
def test_an_id_means_the_same_to_every_command(register, command):
    """An id is its file's name: every command that takes one refuses what cannot be an id (2),
    says when there is no such file (2, as for a path that does not exist), and says why a file it
    cannot read was left out (1)."""
    (register / "register" / "broken-one.yaml").write_text("title: [\n")
    code, _, err = partreg(*command, "Bad_ID", cwd=register)
    assert code == 2 and "'Bad_ID' is not an arrangement id" in err
    code, _, err = partreg(*command, "Brentwood-Leisure-Trust", cwd=register)
    assert code == 2 and "(did you mean 'brentwood-leisure-trust'?)" in err, (
        "an id in capitals: the same, lower-cased"
    )
    if command[0] not in ("classify", "history"):  # which take a file's path as well as an id
        code, _, err = partreg(*command, "register/brentwood-leisure-trust.yaml", cwd=register)
        assert code == 2 and "(did you mean 'brentwood-leisure-trust'?)" in err
    code, _, err = partreg(*command, "brentwood-comunity-safety-partnership", cwd=register)
    assert code == 2 and "no arrangement 'brentwood-comunity-safety-partnership' in the register" in err
    assert "did you mean 'brentwood-community-safety-partnership'?" in err
    if command[0] in ("show", "classify"):
        code, _, err = partreg(*command, "broken-one", cwd=register)
        assert code == 1 and "register/broken-one.yaml:1:8:" in err and "(yaml-syntax)" in err
        # a file that claims another's id, read first, is not the entry with that id: its file is
        (register / "register" / "a-first.yaml").write_text("id: brentwood-leisure-trust\ntitle: Impostor\n")
        code, out, err = partreg(*command, "brentwood-leisure-trust", "-f", "json", cwd=register)
        assert code == 0
        real = "Brentwood Leisure Trust" if command == ["show"] else '"recorded": "contract"'
        assert real in out and "Impostor" not in out  # the impostor records no kind


def test_a_settings_file_named_on_the_command_line_is_checked_as_settings(register, tmp_path):
    """`partreg lint partreg.yaml` had read the settings as an arrangement: eleven false problems."""
    code, out, _ = partreg("lint", "partreg.yaml", "--as-of", QUIET_DAY, "-f", "json", cwd=register)
    assert (code, json.loads(out)["results"]) == (0, [])
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "partreg.yaml").write_text("council: Test\nreveiw: {default_months: 12}\n")
    code, out, _ = partreg("lint", str(other / "partreg.yaml"), "-f", "json", cwd=register)
    [found] = json.loads(out)["results"]
    assert (code, found["rule"], found["line"], found["message"]) == (
        1,
        "unknown-key",
        2,
        "unknown key 'reveiw' (did you mean 'review'?)",
    )


def test_a_file_named_partreg_yaml_in_the_register_folder_is_an_arrangement(register):
    entry = register / "register" / "partreg.yaml"
    entry.write_text(replace(PARTNERSHIP, "id: test-partnership", "id: partreg"))
    for args in (("lint", "-f", "json"), ("lint", "register/partreg.yaml", "-f", "json")):
        _, out, _ = partreg(*args, "--as-of", QUIET_DAY, cwd=register)
        rules = {r["rule"] for r in json.loads(out)["results"] if r["path"] == "register/partreg.yaml"}
        assert "unknown-key" not in rules and "missing-field" not in rules, (args, rules)


def test_notes_of_several_lines_are_shown_indented_under_their_key():
    """`show --internal` of notes pasted from a sheet ("Type: Alliance" on a line of its own): every
    line sits under `notes:`, so that none reads as a field of the entry."""
    import io

    from rich.console import Console

    from partreg import report

    out = io.StringIO()
    record = {
        "internal": {"notes": "Type: Alliance\nBudget: held by Essex\n"},
        "partners": [{"name": "Essex Police", "notes": "one\n\ntwo"}],
    }
    report.mapping_text(record, Console(file=out, width=200))
    assert out.getvalue() == (
        "internal:\n  notes:\n    Type: Alliance\n    Budget: held by Essex\n"
        "partners:\n  - name: Essex Police\n    notes:\n      one\n\n      two\n"
    )


def test_init_says_what_to_do_next_from_where_the_officer_is(tmp_path):
    """In the folder itself, no `cd .`; in a folder named with a space, one the shell takes whole."""
    here = tmp_path / "here"
    here.mkdir()
    code, out, _ = partreg("init", "--council", "Test Council", cwd=here)
    assert code == 0 and "Next: git init; partreg add" in out and "cd ." not in out
    code, out, _ = partreg("init", "new register", "--council", "Test Council", cwd=tmp_path)
    assert code == 0 and "Next: cd 'new register'; git init; partreg add" in out


@pytest.mark.spawns  # (render reads git's history)
def test_an_entry_in_a_folder_inside_the_register_is_said_by_every_command_not_left_out_unsaid(register):
    """`register/archive/old-board.yaml` had been read by no command and said by none: lint passed,
    and the page was published without it."""
    archive = register / "register" / "archive" / "2019"
    archive.mkdir(parents=True)
    board = (register / "register" / "health-and-wellbeing-board.yaml").read_text()
    (archive / "old-board.yaml").write_text(board.replace("id: health-and-wellbeing-board", "id: old-board"))
    said = "register/archive/2019/old-board.yaml:1:1: [error] is in a folder inside register/, where partreg reads no entry"
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "-f", "parsable", cwd=register)
    assert code == 1 and said in out
    code, _, err = partreg("list", cwd=register)
    assert code == 0 and "register/archive/2019/old-board.yaml:1:1: is in a folder inside register/" in err
    code, _, err = partreg("render", "--out", str(register / "site"), cwd=register)
    assert code == 1 and "nothing was published" in err
    code, _, err = partreg("render", "--out", str(register / "site"), "--allow-incomplete", cwd=register)
    assert code == 0, err
    assert "1 register file could not be read" in (register / "site" / "index.html").read_text()
    # a folder the settings' ignore globs leave out, as lint leaves out any file they match: not said
    with (register / "partreg.yaml").open("a", encoding="utf-8") as settings:
        settings.write("ignore: ['register/archive/*']\n")
    code, out, _ = partreg("lint", "--as-of", QUIET_DAY, "-f", "parsable", cwd=register)
    assert code == 0 and "archive" not in out
    code, _, err = partreg("list", cwd=register)
    assert code == 0 and "archive" not in err


@pytest.mark.spawns  # (render reads git's history)
def test_render_counts_one_arrangement_page_as_one(tmp_path):
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test Council\n")
    (tmp_path / "register" / "forum.yaml").write_text(
        "id: forum\ntitle: Forum\nkind: partnership\nstatus: active\n"
    )
    code, out, err = partreg("render", "--out", str(tmp_path / "site"), cwd=tmp_path)
    assert code == 0, err
    assert "(1 arrangement page)." in out


def test_the_id_list_shows_of_a_file_named_otherwise_is_said_to_be_its_file_s(register):
    """`list` shows the id a file records; `show` and `review` of that id had said only that there
    was no such arrangement, when a file named otherwise records it."""
    board = (register / "register" / "health-and-wellbeing-board.yaml").read_text()
    (register / "register" / "board.yaml").write_text(
        board.replace("id: health-and-wellbeing-board", "id: some-board")
    )
    said = (
        "no file in register/ is named 'some-board': register/board.yaml records it as its id, and is named "
        "otherwise: give 'board', or rename the file after its id"
    )
    for command in (["show", "some-board"], ["review", "some-board", "--outcome", "continue"]):
        code, _, err = partreg(*command, cwd=register)
        assert code == 2 and said in err, command
    board = register / "register" / "board.yaml"
    uncommented = "".join(line for line in board.read_text().splitlines(True) if not line.startswith("#"))
    assert uncommented.startswith("id: some-board\n")  # (the id on the first line, after the mark)
    board.write_bytes(b"\xef\xbb\xbf" + uncommented.encode())
    code, _, err = partreg("show", "some-board", cwd=register)
    assert code == 2 and said in err, "a file that starts with a byte-order mark too"
